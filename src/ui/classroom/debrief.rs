//! The trainer's debrief of a room, as view models: the room overlaid (every participant's book and
//! new loans over the room's P10–P90, best and worst named), each participant's decision timeline
//! (compact week marks with a label in words), "who stopped prospecting in week N" in a sentence,
//! and the every-decision CSV (the CLI's `--decisions-csv`, the same function).

use chrono::NaiveDate;

use crate::engine::stats::Percentiles;
use crate::i18n::{fill, Lang, Text};
use crate::scenario::classroom::overlay::{overlay, Overlaid};
use crate::scenario::classroom::replay::{decisions_csv, stopped_by_week, Room, Score};
use crate::scenario::classroom::session_file;
use crate::scenario::classroom::{move_text, Decision, Move};
use crate::ui::chart_data::{bands_of, dated_frame};
use crate::ui::charts::duel::{DuelData, DuelMark};
use crate::ui::charts::room::{Highlight, RoomData};
use crate::ui::charts::{Fan, Series};
use crate::ui::classroom::Collect;
use crate::ui::effect::Download;
use crate::ui::format;

/// The room overlaid, as the two charts' data.
#[derive(Debug, Clone, PartialEq)]
pub struct RoomCharts {
    pub book: RoomData,
    pub new_loans: RoomData,
}

fn chart(
    figure: &Overlaid,
    title: Text,
    y_axis: Text,
    best: Option<usize>,
    worst: Option<usize>,
    frame: crate::ui::charts::ChartFrame,
    lang: Lang,
) -> RoomData {
    let highlight = |index: Option<usize>, template: Text| {
        index.and_then(|i| {
            figure.lines.get(i).map(|line| Highlight {
                index: i,
                label: fill(template.get(lang), &[&line.name]),
            })
        })
    };
    RoomData {
        frame: crate::ui::charts::ChartFrame {
            title: title.get(lang).to_owned(),
            y_axis_title: y_axis.get(lang).to_owned(),
            ..frame
        },
        lines: figure
            .lines
            .iter()
            .map(|l| Series::new(l.name.clone(), l.values.clone()))
            .collect(),
        band: Fan {
            label: Text::ClassRoomBand.get(lang).to_owned(),
            p10: figure.band.p10.clone(),
            p90: figure.band.p90.clone(),
        },
        median: Series::new(Text::ClassRoomMedian.get(lang), figure.band.p50.clone()),
        best: highlight(best, Text::ClassRoomBest),
        worst: highlight(worst, Text::ClassRoomWorst),
        others_label: Text::ClassRoomOthers.get(lang).to_owned(),
    }
}

/// The room's two charts from each standing's replayed run, dated from `week0`, the lesson's shocks
/// shaded; `None` until a hand-in is admitted.
#[must_use]
pub fn room_charts(collect: &Collect, week0: NaiveDate, lang: Lang) -> Option<RoomCharts> {
    let room = &collect.room;
    let first = room.standings.first()?;
    let o = overlay(room);
    let frame = dated_frame(
        "",
        Text::AxisLoans,
        lang,
        week0,
        o.horizon_weeks,
        bands_of(&first.params, o.horizon_weeks),
    );
    Some(RoomCharts {
        book: chart(
            &o.book_loans,
            Text::ClassRoomBookTitle,
            Text::AxisLoans,
            o.best,
            o.worst,
            frame.clone(),
            lang,
        ),
        new_loans: chart(
            &o.new_loans,
            Text::ClassRoomNewTitle,
            Text::AxisNewLoans,
            o.best,
            o.worst,
            frame,
            lang,
        ),
    })
}

/// One decision as a mark on a timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineMark {
    /// "W5" / "第5周".
    pub week: String,
    /// The decision in a word or a sign: "stop", "≥ 4 h" / "停", "≥ 4 小时".
    pub text: String,
    /// The whole decision in words, for screen readers and the tooltip.
    pub label: String,
    /// The decision's id (a CSS hook: stops are marked).
    pub kind: &'static str,
    pub stops: bool,
}

/// A participant's decisions in week order.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineRow {
    pub name: String,
    /// "Li Lei's decisions", the list's accessible name.
    pub label: String,
    pub marks: Vec<TimelineMark>,
    /// "No decisions", when there are none.
    pub empty: Option<String>,
}

fn hours_text(d: Decision) -> String {
    format::number(d.hours(), 1)
}

/// A decision as a timeline mark.
#[must_use]
pub fn mark(d: Decision, lang: Lang) -> TimelineMark {
    let week = (u32::from(d.week) + 1).to_string();
    let text = match d.kind {
        Move::Stop => Text::ClassMarkStop.get(lang).to_owned(),
        Move::Resume => Text::ClassMarkResume.get(lang).to_owned(),
        Move::SetHours => fill(Text::ClassMarkSet.get(lang), &[&hours_text(d)]),
        Move::Floor => fill(Text::ClassMarkFloor.get(lang), &[&hours_text(d)]),
    };
    let label = if d.kind.has_hours() {
        fill(
            Text::ClassMarkLabelHours.get(lang),
            &[&week, move_text(d.kind, lang), &hours_text(d)],
        )
    } else {
        fill(
            Text::ClassMarkLabel.get(lang),
            &[&week, move_text(d.kind, lang)],
        )
    };
    TimelineMark {
        week: fill(Text::ClassMarkWeek.get(lang), &[&week]),
        text,
        label,
        kind: d.kind.id(),
        stops: d.stops_prospecting(),
    }
}

/// Every participant's timeline, in the room's order.
#[must_use]
pub fn timelines(room: &Room, lang: Lang) -> Vec<TimelineRow> {
    room.standings
        .iter()
        .map(|s| TimelineRow {
            name: s.hand_in.name.clone(),
            label: fill(Text::ClassTimelineOf.get(lang), &[&s.hand_in.name]),
            marks: s.hand_in.decisions.iter().map(|d| mark(*d, lang)).collect(),
            empty: s
                .hand_in
                .decisions
                .is_empty()
                .then(|| Text::ClassTimelineNone.get(lang).to_owned()),
        })
        .collect()
}

/// "Stopped prospecting: week 5 — Li, Ana; week 7 — Bo", or that nobody did.
#[must_use]
pub fn stopped_text(room: &Room, lang: Lang) -> String {
    let weeks = stopped_by_week(room);
    if weeks.is_empty() {
        return Text::ClassStoppedNobody.get(lang).to_owned();
    }
    let (names_sep, weeks_sep) = match lang {
        Lang::En => (", ", "; "),
        Lang::Zh => ("、", "；"),
    };
    let parts: Vec<String> = weeks
        .iter()
        .map(|(week, names)| {
            fill(
                Text::ClassStoppedWeek.get(lang),
                &[&(u32::from(*week) + 1).to_string(), &names.join(names_sep)],
            )
        })
        .collect();
    fill(Text::ClassStopped.get(lang), &[&parts.join(weeks_sep)])
}

/// The every-decision CSV as the page downloads it: `cadence classroom debrief --decisions-csv`'s
/// output for the same hand-ins, byte for byte.
#[must_use]
pub fn decisions_download(collect: &Collect) -> Download {
    Download {
        file_name: format!("cadence-decisions-{}.csv", collect.session.id_text()),
        mime: "text/csv;charset=utf-8",
        text: decisions_csv(&collect.room),
    }
}

/// The debrief under the room's table.
#[derive(Debug, Clone, PartialEq)]
pub struct DebriefView {
    pub charts: Option<RoomCharts>,
    pub timelines: Vec<TimelineRow>,
    pub stopped: String,
    pub decisions_csv: Download,
}

/// The debrief of the room collected so far; `None` until a hand-in is admitted.
#[must_use]
pub fn debrief_view(collect: &Collect, week0: NaiveDate, lang: Lang) -> Option<DebriefView> {
    if collect.room.standings.is_empty() {
        return None;
    }
    Some(DebriefView {
        charts: room_charts(collect, week0, lang),
        timelines: timelines(&collect.room, lang),
        stopped: stopped_text(&collect.room, lang),
        decisions_csv: decisions_download(collect),
    })
}

/// A figure the room is ranked on, formatted as the room's table writes it.
fn score_cell(score: Score, value: Option<f64>) -> String {
    match (score, value) {
        (Score::Profit, Some(v)) => format::cny(v),
        (_, Some(v)) => format::number(v, 0),
        (_, None) => "—".to_owned(),
    }
}

/// One participant's score in each round ("—" where they did not hand in).
#[derive(Debug, Clone, PartialEq)]
pub struct RoundsRow {
    pub name: String,
    pub cells: Vec<String>,
}

/// Round 1 against round 2 (and on): each participant's score per round and the room's median.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundsView {
    /// "Round by round: book at the end".
    pub title: String,
    /// "Round 1", "Round 2", …
    pub headers: Vec<String>,
    /// Participants in the current round's order, then those only in earlier rounds.
    pub rows: Vec<RoundsRow>,
    pub median: RoundsRow,
}

/// The rounds compared, once a second round has started; `None` in the first round.
#[must_use]
pub fn rounds_view(collect: &Collect, lang: Lang) -> Option<RoundsView> {
    if collect.earlier.is_empty() {
        return None;
    }
    let score = collect.score;
    let rooms: Vec<&Room> = collect
        .earlier
        .iter()
        .map(|r| &r.room)
        .chain(std::iter::once(&collect.room))
        .collect();
    let mut names: Vec<String> = Vec::new();
    for room in rooms.iter().rev() {
        for s in &room.standings {
            if !names.contains(&s.hand_in.name) {
                names.push(s.hand_in.name.clone());
            }
        }
    }
    let rows = names
        .into_iter()
        .map(|name| RoundsRow {
            cells: rooms
                .iter()
                .map(|room| {
                    let value = room
                        .standings
                        .iter()
                        .find(|s| s.hand_in.name == name)
                        .and_then(|s| score.value(&s.figures));
                    score_cell(score, value)
                })
                .collect(),
            name,
        })
        .collect();
    let median = RoundsRow {
        name: Text::ClassRoundsMedian.get(lang).to_owned(),
        cells: rooms
            .iter()
            .map(|room| {
                let mut values: Vec<f64> = room
                    .standings
                    .iter()
                    .filter_map(|s| score.value(&s.figures))
                    .collect();
                let median = (!values.is_empty()).then(|| Percentiles::of(&mut values).p50);
                score_cell(score, median)
            })
            .collect(),
    };
    Some(RoundsView {
        title: fill(
            Text::ClassRoundsTitle.get(lang),
            &[super::view::score_text(score, lang)],
        ),
        headers: (1..=rooms.len())
            .map(|r| fill(Text::ClassRoundCol.get(lang), &[&r.to_string()]))
            .collect(),
        rows,
        median,
    })
}

/// The session file as the page downloads it; `link` is the join link as shown.
#[must_use]
pub fn session_download(collect: &Collect, link: &str) -> Download {
    Download {
        file_name: session_file::file_name(&collect.session),
        mime: "application/json",
        text: collect.session_file(link),
    }
}

/// One side of the stage: a participant's heading, their score and their two charts.
#[derive(Debug, Clone, PartialEq)]
pub struct StageSide {
    /// `best` or `worst` (the element ids' suffix).
    pub id: &'static str,
    /// "Best: Li Lei".
    pub heading: String,
    /// "book at the end: 1,234".
    pub score: String,
    pub book: DuelData,
    pub new_loans: DuelData,
}

/// The best and worst runs side by side, for the projector.
#[derive(Debug, Clone, PartialEq)]
pub struct StageView {
    pub title: String,
    pub close: String,
    pub sides: [StageSide; 2],
}

/// The smallest and largest value of these series over the horizon.
fn shared_range(series: &[&[f64]]) -> (f64, f64) {
    let finite = || {
        series
            .iter()
            .flat_map(|s| s.iter().copied())
            .filter(|v| v.is_finite())
    };
    (
        finite().fold(f64::INFINITY, f64::min).min(0.0),
        finite().fold(0.0, f64::max),
    )
}

/// The room's best and worst runs, each as its book and new loans with its decisions marked, on
/// value axes shared between the two; `None` until two participants are ranked.
#[must_use]
pub fn stage_view(collect: &Collect, week0: NaiveDate, lang: Lang) -> Option<StageView> {
    let room = &collect.room;
    let o = overlay(room);
    let (best, worst) = (o.best?, o.worst?);
    let first = room.standings.first()?;
    let frame = dated_frame(
        "",
        Text::AxisLoans,
        lang,
        week0,
        o.horizon_weeks,
        bands_of(&first.params, o.horizon_weeks),
    );
    let book_range = shared_range(&[
        &o.book_loans.lines[best].values,
        &o.book_loans.lines[worst].values,
        &o.book_loans.band.p50,
    ]);
    let new_range = shared_range(&[
        &o.new_loans.lines[best].values,
        &o.new_loans.lines[worst].values,
        &o.new_loans.band.p50,
    ]);
    let median_label = Text::ClassRoomMedian.get(lang);
    let side = |index: usize, is_best: bool| -> Option<StageSide> {
        let standing = room.standings.get(index)?;
        let name = &standing.hand_in.name;
        let marks: Vec<DuelMark> = standing
            .hand_in
            .decisions
            .iter()
            .map(|d| {
                let m = mark(*d, lang);
                DuelMark {
                    week: u32::from(d.week),
                    label: format!("{} {}", m.week, m.text),
                    stops: m.stops,
                }
            })
            .collect();
        let chart = |figure: &Overlaid, title: Text, y_axis: Text, range: (f64, f64)| DuelData {
            frame: crate::ui::charts::ChartFrame {
                title: title.get(lang).to_owned(),
                y_axis_title: y_axis.get(lang).to_owned(),
                ..frame.clone()
            },
            run: Series::new(name.clone(), figure.lines[index].values.clone()),
            median: Some(Series::new(median_label, figure.band.p50.clone())),
            marks: marks.clone(),
            y_range: range,
            best: is_best,
        };
        Some(StageSide {
            id: if is_best { "best" } else { "worst" },
            heading: fill(
                if is_best {
                    Text::ClassStageBest
                } else {
                    Text::ClassStageWorst
                }
                .get(lang),
                &[name],
            ),
            score: fill(
                Text::ClassStageScore.get(lang),
                &[
                    super::view::score_text(collect.score, lang),
                    &score_cell(collect.score, collect.score.value(&standing.figures)),
                ],
            ),
            book: chart(
                &o.book_loans,
                Text::ClassStageBook,
                Text::AxisLoans,
                book_range,
            ),
            new_loans: chart(
                &o.new_loans,
                Text::ClassStageNew,
                Text::AxisNewLoans,
                new_range,
            ),
        })
    };
    Some(StageView {
        title: Text::ClassStageTitle.get(lang).to_owned(),
        close: Text::ClassHideBestWorst.get(lang).to_owned(),
        sides: [side(best, true)?, side(worst, false)?],
    })
}
