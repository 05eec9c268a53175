//! The classroom's view models: the join link and its QR code, the participant's week (figures
//! formatted, only the decisions the session allows), the hand-in, and the room's table.

use chrono::NaiveDate;

use crate::engine::Kpi;
use crate::i18n::{fill, Lang, Text};
use crate::scenario::classroom::replay::Score;
use crate::scenario::classroom::{move_text, qr, Move};
use crate::ui::chart_data::{bands_of, dated_frame};
use crate::ui::charts::duel::{DuelData, DuelMark};
use crate::ui::charts::{Band, BandKind, ChartFrame, Series};
use crate::ui::classroom::debrief::mark;
use crate::ui::classroom::{Collect, OpenForm, Play};
use crate::ui::format;

/// A link with its QR code.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkView {
    pub link: String,
    /// The QR code as an SVG document (`None` only for a link too long for one).
    pub qr_svg: Option<String>,
}

fn link_view(base: &str, fragment: &str, label: &str) -> LinkView {
    let link = format!("{base}#{fragment}");
    LinkView {
        qr_svg: qr::svg(&link, label),
        link,
    }
}

/// *Open a session*: the join link and session id, or the problem in words.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenView {
    pub join: Option<LinkView>,
    pub session_id: Option<String>,
    pub problem: Option<String>,
}

#[must_use]
pub fn open_view(form: &OpenForm, base: &str, lang: Lang) -> OpenView {
    match form.session() {
        Ok(session) => OpenView {
            join: Some(link_view(base, &session.encode(), &session.id_text())),
            session_id: Some(session.id_text()),
            problem: None,
        },
        Err(problem) => OpenView {
            join: None,
            session_id: None,
            problem: Some(problem.message(lang)),
        },
    }
}

/// A figure with its label.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub label: String,
    pub value: String,
}

/// The participant's screen.
#[derive(Debug, Clone, PartialEq)]
pub struct PlayView {
    pub name: String,
    /// "Week 5 of 104".
    pub week: String,
    /// Book, pipeline, prospecting hours in the week on show.
    pub figures: Vec<Figure>,
    /// The decisions the session allows this week (`(id, words)`); empty between rounds.
    pub choices: Vec<(&'static str, String)>,
    /// Whether the hours field applies to the chosen decision.
    pub hours_field: bool,
    /// The hours field as typed.
    pub hours: String,
    /// The decision chosen in the form (its id).
    pub choice: &'static str,
    /// "Next decision in week 9", between rounds.
    pub next_decision: Option<String>,
    pub problem: Option<String>,
    pub hand_in: Option<LinkView>,
    pub handed_in_note: Option<String>,
    /// The participant's book and new loans up to the week on show.
    pub charts: Option<PlayCharts>,
}

/// The participant's two charts, drawn up to the week on show.
#[derive(Debug, Clone, PartialEq)]
pub struct PlayCharts {
    pub book: DuelData,
    pub new_loans: DuelData,
}

/// The lesson's shock bands as the participant may see them: with hidden shocks, each appears when
/// its first week is played (the chart draws a shock only up to the weeks on show); otherwise the
/// session announced them, and they are shaded from week 0.
#[must_use]
pub fn participant_bands(play: &Play, horizon_weeks: u32) -> Vec<Band> {
    let Ok(params) = play.session.params() else {
        return Vec::new();
    };
    bands_of(&params, horizon_weeks)
        .into_iter()
        .map(|band| match band.kind {
            BandKind::Shock if !play.session.hidden_shocks => Band {
                kind: BandKind::AnnouncedShock,
                ..band
            },
            _ => band,
        })
        .collect()
}

/// The participant's book and new loans, weeks `0..=week` (nothing after the week on show, not
/// even in the value axis's range), their decisions marked, the lesson's shocks as the session
/// lets them see them ([`participant_bands`]).
#[must_use]
pub fn play_charts(play: &Play, week0: NaiveDate, lang: Lang) -> Option<PlayCharts> {
    let run = play.run()?;
    let horizon = u32::from(play.horizon_weeks());
    let shown = usize::from(play.week) + 1;
    let mut frame = dated_frame(
        "",
        Text::AxisLoans,
        lang,
        week0,
        horizon,
        participant_bands(play, horizon),
    );
    frame.dates.visible_weeks = Some(u32::try_from(shown).unwrap_or(u32::MAX));
    let marks: Vec<DuelMark> = play
        .decisions
        .iter()
        .filter(|d| usize::from(d.week) < shown)
        .map(|d| {
            let m = mark(*d, lang);
            DuelMark {
                week: u32::from(d.week),
                label: format!("{} {}", m.week, m.text),
                stops: m.stops,
            }
        })
        .collect();
    let chart = |kpi: Kpi, title: Text, y_axis: Text| {
        let values: Vec<f64> = run.run.series(kpi).into_iter().take(shown).collect();
        DuelData {
            frame: ChartFrame {
                title: title.get(lang).to_owned(),
                y_axis_title: y_axis.get(lang).to_owned(),
                ..frame.clone()
            },
            run: Series::new(Text::ClassYourRun.get(lang), values),
            median: None,
            marks: marks.clone(),
            y_range: (0.0, 0.0),
            best: true,
        }
    };
    Some(PlayCharts {
        book: chart(Kpi::ActiveLoans, Text::ClassStageBook, Text::AxisLoans),
        new_loans: chart(Kpi::NewLoans, Text::ClassStageNew, Text::AxisNewLoans),
    })
}

#[must_use]
pub fn play_view(play: &Play, base: &str, week0: NaiveDate, lang: Lang) -> PlayView {
    let week = play
        .run()
        .and_then(|r| r.run.weeks.get(usize::from(play.week)));
    let figures = week.map_or_else(Vec::new, |w| {
        vec![
            Figure {
                label: Text::ClassBook.get(lang).to_owned(),
                value: format::number(Kpi::ActiveLoans.value(w), 0),
            },
            Figure {
                label: Text::ClassPipeline.get(lang).to_owned(),
                value: format::number(w.pipeline_per_am, 1),
            },
            Figure {
                label: Text::ClassProspecting.get(lang).to_owned(),
                value: format::number(w.hours_prospecting / ams(play), 1),
            },
        ]
    });
    let deciding = play.deciding_week();
    let round = u16::from(play.session.round_weeks.max(1));
    let next = (play.week / round + 1) * round;
    PlayView {
        name: play.name.clone(),
        week: fill(
            Text::ClassWeekOf.get(lang),
            &[
                &(u32::from(play.week) + 1).to_string(),
                &play.horizon_weeks().to_string(),
            ],
        ),
        figures,
        choices: if deciding {
            play.session
                .allowed
                .iter()
                .map(|m| (m.id(), move_text(*m, lang).to_owned()))
                .collect()
        } else {
            Vec::new()
        },
        hours_field: deciding && play.choice.has_hours(),
        hours: play.hours.clone(),
        choice: play.choice.id(),
        next_decision: (!deciding && next < play.horizon_weeks()).then(|| {
            fill(
                Text::ClassNextDecision.get(lang),
                &[&(u32::from(next) + 1).to_string()],
            )
        }),
        problem: play.problem.clone(),
        hand_in: play
            .handed_in
            .as_ref()
            .map(|fragment| link_view(base, fragment, &play.name)),
        charts: play_charts(play, week0, lang),
        handed_in_note: play.handed_in.as_ref().map(|_| {
            fill(
                Text::ClassHandedIn.get(lang),
                &[&(u32::from(play.week) + 1).to_string()],
            )
        }),
    }
}

fn ams(play: &Play) -> f64 {
    play.session.params().map_or(1.0, |p| p.team.ams.max(1.0))
}

/// One row of the room's table.
#[derive(Debug, Clone, PartialEq)]
pub struct RoomRow {
    pub rank: String,
    pub name: String,
    pub weeks: String,
    pub book: String,
    pub profit: String,
    pub lost: String,
    pub decisions: String,
}

/// The room: the ranking's rows and every refused hand-in with its reason.
#[derive(Debug, Clone, PartialEq)]
pub struct RoomView {
    pub score: String,
    pub rows: Vec<RoomRow>,
    pub refused: Vec<(String, String)>,
}

#[must_use]
pub fn score_text(score: Score, lang: Lang) -> &'static str {
    match score {
        Score::BookEnd => Text::ClassRankBook,
        Score::Profit => Text::ClassRankProfit,
        Score::LoansLost => Text::ClassRankLost,
    }
    .get(lang)
}

#[must_use]
pub fn room_view(collect: &Collect, lang: Lang) -> RoomView {
    let rows = collect
        .room
        .standings
        .iter()
        .enumerate()
        .map(|(i, s)| RoomRow {
            rank: (i + 1).to_string(),
            name: s.hand_in.name.clone(),
            weeks: (u32::from(s.hand_in.through_week) + 1).to_string(),
            book: format::number(s.figures.book_end_loans, 0),
            profit: format::cny(s.figures.profit_cny),
            lost: s
                .figures
                .new_loans_lost
                .map_or_else(|| "—".to_owned(), |v| format::number(v, 0)),
            decisions: s
                .hand_in
                .decisions
                .iter()
                .map(|d| {
                    let week = u32::from(d.week) + 1;
                    if d.kind.has_hours() {
                        format!(
                            "{week}: {} {}",
                            move_text(d.kind, lang),
                            format::number(d.hours(), 1)
                        )
                    } else {
                        format!("{week}: {}", move_text(d.kind, lang))
                    }
                })
                .collect::<Vec<_>>()
                .join(" · "),
        })
        .collect();
    RoomView {
        score: score_text(collect.score, lang).to_owned(),
        rows,
        refused: collect
            .room
            .refused
            .iter()
            .map(|r| (r.source.clone(), r.error.message(lang)))
            .collect(),
    }
}

/// Whether a decision kind is among the participant's choices this week (for tests and the form).
#[must_use]
pub fn offers(view: &PlayView, kind: Move) -> bool {
    view.choices.iter().any(|(id, _)| *id == kind.id())
}

/// The *Open a session* form's fields as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct FormView {
    /// `(preset id, title)`.
    pub lessons: Vec<(&'static str, String)>,
    pub lesson: String,
    pub seed: String,
    pub rounds: String,
    /// `(id, words, checked)`.
    pub allowed: Vec<(&'static str, String, bool)>,
    pub hidden: bool,
    pub open: OpenView,
}

/// Everything the classroom view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassroomView {
    pub form: Option<FormView>,
    pub play: Option<PlayView>,
    pub join_problem: Option<String>,
    pub room: Option<RoomView>,
    /// The debrief under the room's table, once a hand-in is admitted.
    pub debrief: Option<super::debrief::DebriefView>,
    pub pasted: String,
    /// The participant's hand-in as a file, once handed in.
    pub hand_in_file: Option<crate::ui::effect::Download>,
    /// "Week 5: keep at least these hours 4.0", the participant's log so far.
    pub decisions: Vec<String>,
    /// The session file of everything collected, while collecting.
    pub session_file: Option<crate::ui::effect::Download>,
    /// "Collecting round 2…", from the second round on.
    pub round_note: Option<String>,
    /// "Start round 2", once this round has a hand-in admitted.
    pub start_round: Option<String>,
    /// Round 1 against round 2, from the second round on.
    pub rounds: Option<super::debrief::RoundsView>,
    /// What became of the last session file opened: `Ok` restored, `Err` refused (in words).
    pub file_note: Option<Result<String, String>>,
    /// The room an opened session file replaced, with a note, when it held hand-ins the file
    /// does not.
    pub replaced: Option<(String, crate::ui::effect::Download)>,
    /// "Show best and worst", once two participants are ranked.
    pub show_stage: Option<String>,
    /// The best and worst runs side by side, while the trainer shows them.
    pub stage: Option<super::debrief::StageView>,
}

fn file_safe(name: &str) -> String {
    let safe: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let safe = safe.trim_matches('-').to_owned();
    if safe.is_empty() {
        "participant".to_owned()
    } else {
        safe
    }
}

/// Everything the classroom view shows; the debrief's charts are dated from `week0`.
#[must_use]
pub fn classroom_view(
    model: &super::Model,
    base: &str,
    week0: chrono::NaiveDate,
    lang: Lang,
) -> ClassroomView {
    let form = model.open.as_ref().map(|f| FormView {
        lessons: crate::engine::presets::TEXTS
            .iter()
            .map(|t| {
                let title = crate::ui::workspace::view::preset_title(t.id)
                    .map_or(t.title, |key| key.get(lang));
                (t.id, title.to_owned())
            })
            .collect(),
        lesson: f.lesson.clone(),
        seed: f.seed.clone(),
        rounds: f.round_weeks.clone(),
        allowed: Move::ALL
            .into_iter()
            .map(|m| {
                (
                    m.id(),
                    move_text(m, lang).to_owned(),
                    f.allowed.contains(&m),
                )
            })
            .collect(),
        hidden: f.hidden_shocks,
        open: open_view(f, base, lang),
    });
    let play = model.play.as_ref();
    let collect = model.collect.as_deref();
    ClassroomView {
        form,
        play: play.map(|p| play_view(p, base, week0, lang)),
        join_problem: model.join_problem.clone(),
        room: collect.map(|c| room_view(c, lang)),
        debrief: collect.and_then(|c| super::debrief::debrief_view(c, week0, lang)),
        pasted: model.pasted.clone(),
        session_file: collect.map(|c| {
            super::debrief::session_download(c, &format!("{base}#{}", c.session.encode()))
        }),
        round_note: collect.filter(|c| !c.earlier.is_empty()).map(|c| {
            fill(
                Text::ClassCollectingRound.get(lang),
                &[&c.round_number().to_string()],
            )
        }),
        start_round: collect.filter(|c| !c.room.standings.is_empty()).map(|c| {
            fill(
                Text::ClassStartRound.get(lang),
                &[&(c.round_number() + 1).to_string()],
            )
        }),
        rounds: collect.and_then(|c| super::debrief::rounds_view(c, lang)),
        file_note: model.file_note.as_deref().cloned(),
        replaced: model
            .replaced
            .clone()
            .map(|file| (Text::ClassReplaced.get(lang).to_owned(), *file)),
        show_stage: collect
            .filter(|c| c.room.standings.len() >= 2)
            .map(|_| Text::ClassShowBestWorst.get(lang).to_owned()),
        stage: collect
            .filter(|_| model.best_and_worst)
            .and_then(|c| super::debrief::stage_view(c, week0, lang)),
        hand_in_file: play.and_then(|p| {
            p.handed_in
                .as_ref()
                .map(|fragment| crate::ui::effect::Download {
                    file_name: format!("cadence-handin-{}.txt", file_safe(&p.name)),
                    mime: "text/plain",
                    text: format!("{base}#{fragment}\n"),
                })
        }),
        decisions: play.map_or_else(Vec::new, |p| {
            p.decisions
                .iter()
                .map(|d| {
                    let week = u32::from(d.week) + 1;
                    if d.kind.has_hours() {
                        format!(
                            "{week}: {} {}",
                            move_text(d.kind, lang),
                            format::number(d.hours(), 1)
                        )
                    } else {
                        format!("{week}: {}", move_text(d.kind, lang))
                    }
                })
                .collect()
        }),
    }
}
