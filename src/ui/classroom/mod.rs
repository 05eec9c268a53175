//! The classroom slice (issue 19): the trainer's *Open a session* form, the participant's play of a
//! session on their phone, and the trainer's *Collect* of hand-ins into the room's ranking. The
//! links and the replay are `scenario::classroom`; this slice holds what is typed and played, as
//! data, tested natively; `components` (web only) render it in the page's Classroom view.

#[cfg(feature = "web")]
pub mod camera;
#[cfg(feature = "web")]
pub mod components;
#[cfg(feature = "web")]
pub mod stage;

pub mod debrief;
pub mod view;

use crate::engine::params::Params;
use crate::engine::{run_ev, validate, EvOutput};
use crate::i18n::{fill, Lang, Text};
use crate::scenario::classroom::replay::{collect, params_with, Room, Score};
use crate::scenario::classroom::session_file::{self, Received, SessionFile};
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

    /// The form that describes `session` (a session file reopened): the same fields and nonce, so
    /// the same join link and session id.
    #[must_use]
    pub fn of(session: &Session) -> OpenForm {
        OpenForm {
            lesson: session.lesson.clone(),
            variant: session.variant,
            seed: session.seed.to_string(),
            round_weeks: session.round_weeks.to_string(),
            allowed: session.allowed.clone(),
            hidden_shocks: session.hidden_shocks,
            nonce: session.nonce,
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

/// A round collected before the current one: its hand-ins as received and its room.
#[derive(Debug, Clone)]
pub struct Round {
    pub received: Vec<Received>,
    pub room: Room,
}

/// The trainer's *Collect*: the pasted or dropped text (hand-in links, one a line) and the room,
/// for the round being collected, and every earlier round of the same session.
#[derive(Debug, Clone)]
pub struct Collect {
    pub session: Session,
    pub score: Score,
    /// Every hand-in received this round, with where it came from ("line 3", a file name).
    pub received: Vec<Received>,
    pub room: Room,
    /// The rounds before this one, oldest first (each replayed and ranked on the same score).
    pub earlier: Vec<Round>,
}

/// Two collections are the same when they hold the same hand-ins ranked the same way.
impl PartialEq for Collect {
    fn eq(&self, other: &Self) -> bool {
        let rounds = |c: &Collect| {
            c.earlier
                .iter()
                .map(|r| r.received.clone())
                .collect::<Vec<_>>()
        };
        (&self.session, self.score, &self.received, rounds(self))
            == (&other.session, other.score, &other.received, rounds(other))
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
            earlier: Vec::new(),
        }
    }

    /// The collection a session file describes: every round replayed again from the session's
    /// scenario and seed (nothing in the file is a figure).
    #[must_use]
    pub fn from_file(file: SessionFile) -> Collect {
        let SessionFile {
            session,
            score,
            mut rounds,
            ..
        } = file;
        let received = rounds.pop().unwrap_or_default();
        let earlier = rounds
            .into_iter()
            .map(|received| Round {
                room: collect(&session, &received, score),
                received,
            })
            .collect();
        Collect {
            room: collect(&session, &received, score),
            session,
            score,
            received,
            earlier,
        }
    }

    /// The round being collected, 1-based.
    #[must_use]
    pub fn round_number(&self) -> usize {
        self.earlier.len() + 1
    }

    /// Every round's hand-ins as received, oldest first, this round last.
    #[must_use]
    pub fn rounds(&self) -> Vec<Vec<Received>> {
        self.earlier
            .iter()
            .map(|r| r.received.clone())
            .chain(std::iter::once(self.received.clone()))
            .collect()
    }

    /// The session file of everything collected so far; `link` is the join link as shown.
    #[must_use]
    pub fn session_file(&self, link: &str) -> String {
        session_file::write(&self.session, link, self.score, &self.rounds())
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
        for round in &mut self.earlier {
            round.room = collect(&self.session, &round.received, score);
        }
    }

    /// Keeps this round's room as an earlier round and opens a new, empty collection under the
    /// same session (participants play again from the same join link). Nothing happens while
    /// this round has no hand-in admitted.
    pub fn start_round(&mut self) {
        if self.room.standings.is_empty() {
            return;
        }
        let received = std::mem::take(&mut self.received);
        let room = std::mem::replace(&mut self.room, collect(&self.session, &[], self.score));
        self.earlier.push(Round { received, room });
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
    /// What happened to the last session file opened: `Ok` what was restored, `Err` why it was
    /// refused (in words; nothing else changed).
    /// (Boxed, with `replaced`: the page's model is moved whole and kept small.)
    pub file_note: Option<Box<Result<String, String>>>,
    /// Whether the debrief shows the best and worst runs side by side, for the stage.
    pub best_and_worst: bool,
    /// The session file of a room that an opened session file replaced (it held hand-ins of
    /// another session, or more than the file): offered for download, so nothing is lost.
    /// Boxed: the page's model is moved whole, and a file's text need not live inline.
    pub replaced: Option<Box<crate::ui::effect::Download>>,
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
    /// Opens a session file: (file name, contents). A refused file changes nothing.
    OpenSessionFile(String, String),
    /// Keeps this round and collects the next one under the same session.
    StartRound,
    /// A file dropped on the classroom view: (file name, contents). A session file (JSON) is
    /// opened; anything else is a hand-in file for the collection, when collecting.
    DropFile(String, String),
    /// Shows or hides the best and worst runs side by side.
    ShowBestAndWorst(bool),
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
            Action::OpenSessionFile(name, text) => self.open_session_file(&name, &text, lang),
            Action::DropFile(name, text) => {
                let json = text
                    .trim_start_matches('\u{feff}')
                    .trim_start()
                    .starts_with('{');
                match &mut self.collect {
                    Some(collect) if !json => collect.receive(&name, &text),
                    _ => self.open_session_file(&name, &text, lang),
                }
            }
            Action::StartRound => {
                if let Some(collect) = &mut self.collect {
                    collect.start_round();
                }
                self.best_and_worst = false;
            }
            Action::ShowBestAndWorst(on) => self.best_and_worst = on,
        }
    }
}

impl Model {
    /// Restores the session a file describes: its form (so the join link shows again) and its
    /// collection, every round replayed. A refused file leaves everything as it was.
    fn open_session_file(&mut self, name: &str, text: &str, lang: Lang) {
        match session_file::read(text) {
            Ok(file) => {
                let kept_in_file = |c: &Collect| {
                    c.session == file.session && {
                        let in_file: Vec<&Received> = file.rounds.iter().flatten().collect();
                        c.rounds().iter().flatten().all(|r| in_file.contains(&r))
                    }
                };
                self.replaced = self
                    .collect
                    .as_deref()
                    .filter(|c| c.rounds().iter().any(|r| !r.is_empty()) && !kept_in_file(c))
                    .map(|c| {
                        Box::new(debrief::session_download(
                            c,
                            &format!("#{}", c.session.encode()),
                        ))
                    });
                self.open = Some(OpenForm::of(&file.session));
                let collect = Collect::from_file(file);
                self.file_note = Some(Box::new(Ok(fill(
                    Text::ClassFileOpened.get(lang),
                    &[
                        name,
                        &collect.round_number().to_string(),
                        &(collect.room.standings.len()
                            + collect
                                .earlier
                                .iter()
                                .map(|r| r.room.standings.len())
                                .sum::<usize>())
                        .to_string(),
                    ],
                ))));
                self.collect = Some(Box::new(collect));
                self.best_and_worst = false;
            }
            Err(e) => {
                self.file_note = Some(Box::new(Err(fill(
                    Text::ClassFileRefused.get(lang),
                    &[name, &e.message(lang)],
                ))));
            }
        }
    }
}

#[cfg(test)]
mod tests;
