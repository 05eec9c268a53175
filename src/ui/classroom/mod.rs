//! The classroom slice (issue 19): the trainer's *Open a session* form, the participant's play of a
//! session on their phone, and the trainer's *Collect* of hand-ins into the room's ranking. The
//! links and the replay are `scenario::classroom`; this slice holds what is typed and played, as
//! data, tested natively; `components` (web only) render it in the page's Classroom view.

#[cfg(feature = "web")]
pub mod camera;
#[cfg(feature = "web")]
pub mod components;

pub mod debrief;
pub mod view;

use crate::engine::params::Params;
use crate::engine::{run_ev, validate, EvOutput};
use crate::i18n::{Lang, Text};
use crate::scenario::classroom::replay::{collect, params_with, Room, Score};
use crate::scenario::classroom::{
    participant_name, ClassroomError, Decision, HandIn, Move, Session,
};
use crate::ui::format::parse_number;

/// The trainer's *Open a session* form, as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenForm {
    pub lesson: String,
    pub variant: u8,
    pub seed: String,
    pub round_weeks: String,
    pub allowed: Vec<Move>,
    pub hidden_shocks: bool,
    /// Drawn by the shell when the form opens (two sessions of the same rules stay apart).
    pub nonce: u32,
}

impl OpenForm {
    #[must_use]
    pub fn new(nonce: u32) -> OpenForm {
        OpenForm {
            lesson: "fault".to_owned(),
            variant: 1,
            seed: "1".to_owned(),
            round_weeks: "4".to_owned(),
            allowed: Move::ALL.to_vec(),
            hidden_shocks: true,
            nonce,
        }
    }

    /// The session the form describes, or what is wrong with it (for the field it names).
    pub fn session(&self) -> Result<Session, OpenProblem> {
        let seed = self
            .seed
            .trim()
            .parse::<u64>()
            .map_err(|_| OpenProblem::Seed)?;
        let round_weeks = self
            .round_weeks
            .trim()
            .parse::<u8>()
            .ok()
            .filter(|n| (1..=52).contains(n))
            .ok_or(OpenProblem::Rounds)?;
        if self.allowed.is_empty() {
            return Err(OpenProblem::NoDecision);
        }
        let session = Session {
            lesson: self.lesson.clone(),
            variant: self.variant,
            seed,
            allowed: Move::ALL
                .into_iter()
                .filter(|m| self.allowed.contains(m))
                .collect(),
            round_weeks,
            hidden_shocks: self.hidden_shocks,
            nonce: self.nonce,
        };
        session.check().map_err(OpenProblem::Session)?;
        Ok(session)
    }
}

/// What is wrong with the *Open a session* form.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenProblem {
    Seed,
    Rounds,
    NoDecision,
    Session(ClassroomError),
}

impl OpenProblem {
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match self {
            OpenProblem::Seed => Text::ClassSeedProblem.get(lang).to_owned(),
            OpenProblem::Rounds => Text::ClassRoundsProblem.get(lang).to_owned(),
            OpenProblem::NoDecision => Text::ClassBadRules.get(lang).to_owned(),
            OpenProblem::Session(e) => e.message(lang),
        }
    }
}

/// A participant's game: the session, the week reached, the decisions taken, the form.
#[derive(Debug, Clone)]
pub struct Play {
    pub session: Session,
    pub name: String,
    /// The simulation week (0-based) on show.
    pub week: u16,
    pub decisions: Vec<Decision>,
    pub choice: Move,
    pub hours: String,
    /// What was wrong with the last decision or hand-in, in words.
    pub problem: Option<String>,
    /// The hand-in's fragment once handed in (at the week it was made).
    pub handed_in: Option<String>,
    horizon_weeks: u16,
    run: Option<EvOutput>,
}

/// Two games are the same when what was typed and played is: the run follows from it.
impl PartialEq for Play {
    fn eq(&self, other: &Self) -> bool {
        (
            &self.session,
            &self.name,
            self.week,
            &self.decisions,
            self.choice,
            &self.hours,
            &self.problem,
            &self.handed_in,
        ) == (
            &other.session,
            &other.name,
            other.week,
            &other.decisions,
            other.choice,
            &other.hours,
            &other.problem,
            &other.handed_in,
        )
    }
}

/// What a participant does.
#[derive(Debug, Clone, PartialEq)]
pub enum PlayAction {
    SetName(String),
    Choose(Move),
    EditHours(String),
    /// Takes the decision the form describes in the week on show.
    Decide,
    /// Plays on to the next week at which the session lets them decide (or the last week).
    PlayOn,
    HandIn,
}

impl Play {
    /// Joins a session from its link; `Err` with the reason when the link is refused.
    pub fn join(link: &str) -> Result<Play, ClassroomError> {
        let session = Session::decode(link)?;
        let params = session.params()?;
        let horizon_weeks = params.team.horizon_weeks as u16;
        let choice = session.allowed.first().copied().unwrap_or(Move::Floor);
        let mut play = Play {
            session,
            name: String::new(),
            week: 0,
            decisions: Vec::new(),
            choice,
            hours: "4".to_owned(),
            problem: None,
            handed_in: None,
            horizon_weeks,
            run: None,
        };
        play.rerun();
        Ok(play)
    }

    fn params(&self) -> Option<Params> {
        params_with(&self.session, &self.decisions).ok()
    }

    fn rerun(&mut self) {
        self.run = self
            .params()
            .and_then(|p| validate(&p).ok())
            .map(|vp| run_ev(&vp));
    }

    /// The EV run of the decisions so far (the whole horizon; the view shows up to `week`).
    #[must_use]
    pub fn run(&self) -> Option<&EvOutput> {
        self.run.as_ref()
    }

    #[must_use]
    pub fn horizon_weeks(&self) -> u16 {
        self.horizon_weeks
    }

    /// Whether the participant may decide in the week on show.
    #[must_use]
    pub fn deciding_week(&self) -> bool {
        self.session
            .decision_weeks(self.horizon_weeks)
            .contains(&self.week)
    }

    pub fn update(&mut self, action: PlayAction, lang: Lang) {
        match action {
            PlayAction::SetName(name) => self.name = name,
            PlayAction::Choose(kind) => {
                if self.session.allowed.contains(&kind) {
                    self.choice = kind;
                }
            }
            PlayAction::EditHours(text) => self.hours = text,
            PlayAction::Decide => self.decide(lang),
            PlayAction::PlayOn => {
                let round = u16::from(self.session.round_weeks.max(1));
                let next = (self.week / round + 1) * round;
                self.week = next.min(self.horizon_weeks.saturating_sub(1));
                self.problem = None;
            }
            PlayAction::HandIn => self.hand_in(lang),
        }
    }

    fn decide(&mut self, lang: Lang) {
        let kind = self.choice;
        if !self.session.allows(self.week, kind) {
            self.problem = Some(
                ClassroomError::NotAllowed {
                    week: self.week,
                    kind,
                }
                .message(lang),
            );
            return;
        }
        let max_hours = self.session.params().map_or(0.0, |p| p.team.hours_per_week);
        let hours = if kind.has_hours() {
            let Some(h) = parse_number(&self.hours).filter(|h| *h >= 0.0 && *h <= max_hours) else {
                self.problem = Some(Text::ClassBadHours.get(lang).to_owned());
                return;
            };
            h
        } else {
            0.0
        };
        // One decision a week: a second one in the same week replaces the first.
        self.decisions.retain(|d| d.week != self.week);
        self.decisions.push(Decision {
            week: self.week,
            kind,
            tenths_of_hours: (hours * 10.0).round() as u16,
        });
        self.problem = None;
        self.handed_in = None;
        self.rerun();
    }

    fn hand_in(&mut self, lang: Lang) {
        let name = match participant_name(&self.name) {
            Ok(name) => name,
            Err(e) => {
                self.problem = Some(e.message(lang));
                return;
            }
        };
        let hand_in = HandIn {
            session_id: self.session.id(),
            name,
            through_week: self.week,
            decisions: self.decisions.clone(),
        };
        match self.session.admit(&hand_in) {
            Ok(()) => {
                self.problem = None;
                self.handed_in = Some(hand_in.encode());
            }
            Err(e) => self.problem = Some(e.message(lang)),
        }
    }
}

/// The trainer's *Collect*: the pasted or dropped text (hand-in links, one a line) and the room.
#[derive(Debug, Clone)]
pub struct Collect {
    pub session: Session,
    pub score: Score,
    /// Every hand-in received, with where it came from ("line 3", a file name).
    pub received: Vec<(String, String)>,
    pub room: Room,
}

/// Two collections are the same when they hold the same hand-ins ranked the same way.
impl PartialEq for Collect {
    fn eq(&self, other: &Self) -> bool {
        (&self.session, self.score, &self.received)
            == (&other.session, other.score, &other.received)
    }
}

impl Collect {
    #[must_use]
    pub fn new(session: Session) -> Collect {
        let room = collect(&session, &[], Score::BookEnd);
        Collect {
            session,
            score: Score::BookEnd,
            received: Vec::new(),
            room,
        }
    }

    /// Adds every non-empty line of `text` (pasted, or a dropped file's contents) as a hand-in.
    pub fn receive(&mut self, source: &str, text: &str) {
        for (i, line) in text.lines().enumerate() {
            if !line.trim().is_empty() {
                self.received
                    .push((format!("{source} {}", i + 1), line.trim().to_owned()));
            }
        }
        self.room = collect(&self.session, &self.received, self.score);
    }

    pub fn rank_by(&mut self, score: Score) {
        self.score = score;
        self.room = collect(&self.session, &self.received, score);
    }
}

/// The classroom view: what the trainer opened or collects, or the participant's game.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Model {
    pub open: Option<OpenForm>,
    /// Boxed: a game holds its run, and the page is moved whole.
    pub play: Option<Box<Play>>,
    /// Why the last join link was refused.
    pub join_problem: Option<String>,
    pub collect: Option<Box<Collect>>,
    /// The Collect box as typed.
    pub pasted: String,
}

/// An *Open a session* field.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenField {
    Lesson(String),
    Seed(String),
    Rounds(String),
    Allow(Move, bool),
    Hidden(bool),
}

/// What the trainer and the participant do in the classroom view.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The trainer starts a new session form (the shell draws the nonce).
    StartOpening(u32),
    Edit(OpenField),
    /// Joins from a join link's fragment or the whole link.
    Join(String),
    Play(PlayAction),
    /// Starts collecting for the session the form describes.
    StartCollecting,
    EditPasted(String),
    /// Adds the pasted text's hand-ins.
    CollectPasted,
    /// Adds a dropped or picked file's hand-ins: (file name, contents).
    CollectFile(String, String),
    RankBy(Score),
}

impl Model {
    pub fn update(&mut self, action: Action, lang: Lang) {
        match action {
            Action::StartOpening(nonce) => self.open = Some(OpenForm::new(nonce)),
            Action::Edit(field) => {
                let form = self.open.get_or_insert_with(|| OpenForm::new(0));
                match field {
                    OpenField::Lesson(id) => {
                        form.lesson = id;
                        form.variant = u8::from(form.lesson == "fault");
                    }
                    OpenField::Seed(text) => form.seed = text,
                    OpenField::Rounds(text) => form.round_weeks = text,
                    OpenField::Allow(kind, on) => {
                        form.allowed.retain(|m| *m != kind);
                        if on {
                            form.allowed.push(kind);
                        }
                    }
                    OpenField::Hidden(on) => form.hidden_shocks = on,
                }
                self.collect = None;
            }
            Action::Join(link) => match Play::join(&link) {
                Ok(play) => {
                    self.play = Some(Box::new(play));
                    self.join_problem = None;
                }
                Err(e) => self.join_problem = Some(e.message(lang)),
            },
            Action::Play(action) => {
                if let Some(play) = &mut self.play {
                    play.update(action, lang);
                }
            }
            Action::StartCollecting => {
                if let Some(Ok(session)) = self.open.as_ref().map(OpenForm::session) {
                    self.collect = Some(Box::new(Collect::new(session)));
                }
            }
            Action::EditPasted(text) => self.pasted = text,
            Action::CollectPasted => {
                if let Some(collect) = &mut self.collect {
                    let source = Text::ClassPastedLine.get(lang);
                    collect.receive(source, &self.pasted);
                    self.pasted.clear();
                }
            }
            Action::CollectFile(name, text) => {
                if let Some(collect) = &mut self.collect {
                    collect.receive(&name, &text);
                }
            }
            Action::RankBy(score) => {
                if let Some(collect) = &mut self.collect {
                    collect.rank_by(score);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
