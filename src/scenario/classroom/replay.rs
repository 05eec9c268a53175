//! The trainer's side of a classroom: each hand-in replayed from the session's scenario and seed
//! (figures recomputed by the engine, never read from a link), the room's ranking on the score the
//! trainer picks, the ranking as JSON and CSV, every decision as CSV (`cadence classroom debrief`)
//! and who stopped prospecting in which week.

use std::fmt::Write as _;

use serde_json::{json, Value};

use super::{ClassroomError, Decision, HandIn, Invalid, Move, Session};
use crate::engine::interventions::from_now_on;
use crate::engine::params::{Params, ProspectingChange, Shock, ShockKind};
use crate::engine::{run_ev, validate, EvOutput, Kpi};
use crate::i18n::Lang;

/// The engine's decision for a hand-in's decision: a prospecting change from its week to the end.
#[must_use]
pub fn shock_of(decision: Decision, horizon_weeks: f64) -> Shock {
    let change = match decision.kind {
        Move::Stop => ProspectingChange::Stop,
        Move::Resume => ProspectingChange::Resume,
        Move::SetHours => ProspectingChange::Set {
            hours: decision.hours(),
        },
        Move::Floor => ProspectingChange::Floor {
            hours: decision.hours(),
        },
    };
    Shock {
        start: f64::from(decision.week),
        duration_weeks: from_now_on(u32::from(decision.week), horizon_weeks),
        kind: ShockKind::Prospecting { change },
    }
}

/// The session's scenario with these decisions as its decision log (`Params::interventions`).
pub fn params_with(session: &Session, decisions: &[Decision]) -> Result<Params, ClassroomError> {
    let mut params = session.params()?;
    let horizon = params.team.horizon_weeks;
    params.interventions = decisions.iter().map(|d| shock_of(*d, horizon)).collect();
    Ok(params)
}

/// The figures a room is ranked on, from one EV run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figures {
    /// Active loans in the last week of the run.
    pub book_end_loans: f64,
    /// Cumulative profit at the end of the run.
    pub profit_cny: f64,
    /// New loans lost to the fault against the shock-free baseline; `None` when the lesson has
    /// no shock to lose them to.
    pub new_loans_lost: Option<f64>,
}

impl Figures {
    #[must_use]
    pub fn of(ev: &EvOutput) -> Figures {
        let last = ev.run.weeks.last();
        Figures {
            book_end_loans: last.map_or(0.0, |w| Kpi::ActiveLoans.value(w)),
            profit_cny: last.map_or(0.0, |w| w.cumulative_profit_cny),
            new_loans_lost: ev.fault.as_ref().map(|f| f.new_loans.lost),
        }
    }
}

/// A hand-in replayed.
#[derive(Debug, Clone)]
pub struct Replay {
    pub hand_in: HandIn,
    pub params: Params,
    pub ev: EvOutput,
    pub figures: Figures,
}

/// Replays a hand-in from the session's scenario and seed, after checking it belongs to the
/// session and keeps its rules.
pub fn replay(session: &Session, hand_in: &HandIn) -> Result<Replay, ClassroomError> {
    session.admit(hand_in)?;
    let params = params_with(session, &hand_in.decisions)?;
    let valid = validate(&params).map_err(|_| ClassroomError::Invalid(Invalid::Hours))?;
    let ev = run_ev(&valid);
    Ok(Replay {
        hand_in: hand_in.clone(),
        figures: Figures::of(&ev),
        params,
        ev,
    })
}

/// What the room is ranked by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Score {
    /// The largest book at the end first.
    BookEnd,
    /// The most profit first.
    Profit,
    /// The fewest new loans lost to the fault first.
    LoansLost,
}

impl Score {
    pub const ALL: [Score; 3] = [Score::BookEnd, Score::Profit, Score::LoansLost];

    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Score::BookEnd => "book_end",
            Score::Profit => "profit",
            Score::LoansLost => "loans_lost",
        }
    }

    #[must_use]
    pub fn from_id(id: &str) -> Option<Score> {
        Score::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The figure ranked on as the trainer reads it (loans lost counted as lost, not negated);
    /// `None` for loans lost in a lesson without a fault.
    #[must_use]
    pub fn value(self, f: &Figures) -> Option<f64> {
        match self {
            Score::BookEnd => Some(f.book_end_loans),
            Score::Profit => Some(f.profit_cny),
            Score::LoansLost => f.new_loans_lost,
        }
    }

    /// The value ranked on, larger is better.
    fn key(self, f: &Figures) -> f64 {
        match self {
            Score::BookEnd => f.book_end_loans,
            Score::Profit => f.profit_cny,
            Score::LoansLost => -f.new_loans_lost.unwrap_or(0.0),
        }
    }
}

/// A hand-in that was refused, with where it came from (a file name, "argument 3", a row).
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    pub source: String,
    pub error: ClassroomError,
}

/// The room: every replayed hand-in, best first, and every refused one.
#[derive(Debug, Clone)]
pub struct Room {
    pub score: Score,
    pub standings: Vec<Replay>,
    pub refused: Vec<Refusal>,
}

/// Reads, checks and replays every `(source, text)` hand-in. A participant who hands in more than
/// once (after another round) counts with the hand-in that played furthest, the later one on a tie.
#[must_use]
pub fn collect(session: &Session, hand_ins: &[(String, String)], score: Score) -> Room {
    let mut standings: Vec<Replay> = Vec::new();
    let mut refused = Vec::new();
    for (source, text) in hand_ins {
        match HandIn::decode(text).and_then(|h| replay(session, &h)) {
            Ok(run) => {
                match standings
                    .iter_mut()
                    .find(|s| s.hand_in.name == run.hand_in.name)
                {
                    Some(kept) if kept.hand_in.through_week <= run.hand_in.through_week => {
                        *kept = run;
                    }
                    Some(_) => {}
                    None => standings.push(run),
                }
            }
            Err(error) => refused.push(Refusal {
                source: source.clone(),
                error,
            }),
        }
    }
    // Best first; equal scores by name, so the order never depends on arrival.
    standings.sort_by(|a, b| {
        score
            .key(&b.figures)
            .total_cmp(&score.key(&a.figures))
            .then_with(|| a.hand_in.name.cmp(&b.hand_in.name))
    });
    Room {
        score,
        standings,
        refused,
    }
}

fn round(value: f64, places: i32) -> f64 {
    let scale = 10f64.powi(places);
    (value * scale).round() / scale
}

fn decision_json(d: Decision) -> Value {
    json!({
        "week": u32::from(d.week) + 1,
        "decision": d.kind.id(),
        "hours": if d.kind.has_hours() { json!(d.hours()) } else { Value::Null },
    })
}

/// The ranking as JSON: the session, the score, every standing (rank, name, weeks played, figures,
/// decisions with 1-based weeks) and every refusal with its reason in words.
#[must_use]
pub fn ranking_json(session: &Session, room: &Room, lang: Lang) -> String {
    let standings: Vec<Value> = room
        .standings
        .iter()
        .enumerate()
        .map(|(i, s)| {
            json!({
                "rank": i + 1,
                "name": s.hand_in.name,
                "weeks_played": u32::from(s.hand_in.through_week) + 1,
                "book_end_loans": round(s.figures.book_end_loans, 2),
                "profit_cny": round(s.figures.profit_cny, 0),
                "new_loans_lost": s.figures.new_loans_lost.map(|v| round(v, 2)),
                "decisions": s.hand_in.decisions.iter().copied().map(decision_json).collect::<Vec<_>>(),
            })
        })
        .collect();
    let refused: Vec<Value> = room
        .refused
        .iter()
        .map(|r| json!({ "source": r.source, "reason": r.error.message(lang) }))
        .collect();
    let out = json!({
        "session": session.id_text(),
        "lesson": session.lesson,
        "variant": session.variant,
        "seed": session.seed,
        "score": room.score.id(),
        "standings": standings,
        "refused": refused,
    });
    serde_json::to_string_pretty(&out).unwrap_or_default() + "\n"
}

fn csv_cell(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// The ranking as CSV: one row per participant, stable column ids.
#[must_use]
pub fn ranking_csv(room: &Room) -> String {
    let mut out =
        String::from("rank,name,weeks_played,book_end_loans,profit_cny,new_loans_lost,decisions\n");
    for (i, s) in room.standings.iter().enumerate() {
        let decisions: Vec<String> = s
            .hand_in
            .decisions
            .iter()
            .map(|d| {
                if d.kind.has_hours() {
                    format!("w{}:{}:{}", u32::from(d.week) + 1, d.kind.id(), d.hours())
                } else {
                    format!("w{}:{}", u32::from(d.week) + 1, d.kind.id())
                }
            })
            .collect();
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{}",
            i + 1,
            csv_cell(&s.hand_in.name),
            u32::from(s.hand_in.through_week) + 1,
            round(s.figures.book_end_loans, 2),
            round(s.figures.profit_cny, 0),
            s.figures
                .new_loans_lost
                .map_or(String::new(), |v| round(v, 2).to_string()),
            csv_cell(&decisions.join(" ")),
        );
    }
    out
}

/// Every decision as CSV, one row per participant × decision: the participant's name, the week
/// (1-based, as the page shows it), the decision's id and its hours per AM per week (empty for a
/// stop or a resume). Participants in the room's order, each one's decisions in week order. The
/// page's download and `cadence classroom debrief --decisions-csv` are this text, byte for byte.
#[must_use]
pub fn decisions_csv(room: &Room) -> String {
    let mut out = String::from("name,week,decision,hours\n");
    for s in &room.standings {
        let name = csv_cell(&s.hand_in.name);
        for d in &s.hand_in.decisions {
            let hours = if d.kind.has_hours() {
                d.hours().to_string()
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "{name},{},{},{hours}",
                u32::from(d.week) + 1,
                d.kind.id()
            );
        }
    }
    out
}

/// Who stopped prospecting in which week: `(week, names)` by week (0-based), each week's names in
/// the room's order. A participant is listed in every week in which they took a decision that
/// stops prospecting ([`Decision::stops_prospecting`]).
#[must_use]
pub fn stopped_by_week(room: &Room) -> Vec<(u16, Vec<String>)> {
    let mut weeks: Vec<(u16, Vec<String>)> = Vec::new();
    for s in &room.standings {
        for d in s.hand_in.decisions.iter().filter(|d| d.stops_prospecting()) {
            match weeks.iter_mut().find(|(week, _)| *week == d.week) {
                Some((_, names)) => {
                    if !names.contains(&s.hand_in.name) {
                        names.push(s.hand_in.name.clone());
                    }
                }
                None => weeks.push((d.week, vec![s.hand_in.name.clone()])),
            }
        }
    }
    weeks.sort_by_key(|(week, _)| *week);
    weeks
}
