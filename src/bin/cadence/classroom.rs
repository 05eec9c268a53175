//! `cadence classroom`: open a session (its join link), make a hand-in from decisions, and debrief
//! a room — every hand-in replayed from the session's scenario and seed, ranked, as JSON or CSV.
//!
//! ```text
//! cadence classroom open --lesson ID [--variant N] [--seed S] [--allow stop,resume,set_hours,floor]
//!                        [--rounds N] [--hidden-shocks] [--nonce N] [--base URL] [--qr FILE.svg]
//! cadence classroom handin SESSION_LINK --name NAME [--weeks-played N] [--decide WEEK:KIND[:HOURS]]…
//!                          [--qr FILE.svg]
//! cadence classroom debrief SESSION_LINK HANDIN… [--score book_end|profit|loans_lost]
//!                           [--csv | --decisions-csv] [--lang en|zh]
//! ```
//!
//! Weeks are 1-based as the page shows them. A HANDIN is a link or a file holding hand-in links, one
//! a line. `debrief` prints the ranking of every admitted hand-in (JSON, or CSV with `--csv`), or with
//! `--decisions-csv` every decision (one row per participant × decision: name, week, decision,
//! hours; the page's *Download every decision* file, byte for byte), and lists each refused one with its
//! reason (in the JSON, and on stderr); it exits with status 2 when the session link is refused or
//! any hand-in was.

use cadence::i18n::Lang;
use cadence::scenario::classroom::replay::{
    collect, decisions_csv, ranking_csv, ranking_json, Score,
};
use cadence::scenario::classroom::{
    participant_name, qr, Decision, HandIn, Move, Session, MAX_DECISIONS,
};

use super::Failure;

pub const USAGE: &str = "usage:
  cadence classroom open --lesson ID [--variant N] [--seed S] [--allow stop,resume,set_hours,floor]
                         [--rounds N] [--hidden-shocks] [--nonce N] [--base URL] [--qr FILE.svg]
  cadence classroom handin SESSION_LINK --name NAME [--weeks-played N] [--decide WEEK:KIND[:HOURS]]...
                           [--qr FILE.svg]
  cadence classroom debrief SESSION_LINK HANDIN... [--score book_end|profit|loans_lost]
                           [--csv | --decisions-csv] [--lang en|zh]";

fn usage(message: &str) -> Failure {
    Failure::Usage(format!("{message}\n{USAGE}"))
}

fn number<T: std::str::FromStr>(flag: &str, text: &str) -> Result<T, Failure> {
    text.parse()
        .map_err(|_| usage(&format!("{flag} needs a whole number, not {text}")))
}

pub fn run(args: &[String]) -> Result<(), Failure> {
    match args.first().map(String::as_str) {
        Some("open") => open(&args[1..]),
        Some("handin") => handin(&args[1..]),
        Some("debrief") => debrief(&args[1..]),
        _ => Err(Failure::Usage(USAGE.to_owned())),
    }
}

fn write_qr(path: Option<&String>, link: &str, label: &str) -> Result<(), Failure> {
    let Some(path) = path else { return Ok(()) };
    let svg = qr::svg(link, label).ok_or_else(|| usage("the link is too long for a QR code"))?;
    std::fs::write(path, svg).map_err(|e| Failure::Usage(format!("cannot write {path}: {e}")))
}

fn open(args: &[String]) -> Result<(), Failure> {
    let mut session = Session {
        lesson: String::new(),
        variant: 0,
        seed: 1,
        allowed: Move::ALL.to_vec(),
        round_weeks: 1,
        hidden_shocks: false,
        nonce: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos() ^ (d.as_secs() as u32)),
    };
    let mut base = String::new();
    let mut qr_file = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = |flag: &str| {
            rest.next()
                .cloned()
                .ok_or_else(|| usage(&format!("{flag} needs a value")))
        };
        match arg.as_str() {
            "--lesson" => session.lesson = value(arg)?,
            "--variant" => session.variant = number(arg, &value(arg)?)?,
            "--seed" => session.seed = number(arg, &value(arg)?)?,
            "--rounds" => session.round_weeks = number(arg, &value(arg)?)?,
            "--nonce" => session.nonce = number(arg, &value(arg)?)?,
            "--hidden-shocks" => session.hidden_shocks = true,
            "--base" => base = value(arg)?,
            "--qr" => qr_file = Some(value(arg)?),
            "--allow" => {
                let list = value(arg)?;
                let mut allowed = Vec::new();
                for id in list.split(',').map(str::trim) {
                    let kind = Move::from_id(id).ok_or_else(|| {
                        let ids: Vec<&str> = Move::ALL.iter().map(|m| m.id()).collect();
                        usage(&format!("--allow takes {}, not {id}", ids.join(", ")))
                    })?;
                    if !allowed.contains(&kind) {
                        allowed.push(kind);
                    }
                }
                session.allowed = Move::ALL
                    .into_iter()
                    .filter(|m| allowed.contains(m))
                    .collect();
            }
            other => return Err(usage(&format!("unknown option {other}"))),
        }
    }
    if session.lesson.is_empty() {
        return Err(usage("--lesson is needed (see cadence presets)"));
    }
    session
        .check()
        .map_err(|e| Failure::Invalid(e.message(Lang::En)))?;
    let link = format!("{base}#{}", session.encode());
    write_qr(qr_file.as_ref(), &link, &session.id_text())?;
    println!("{link}");
    Ok(())
}

/// `WEEK:KIND[:HOURS]` with a 1-based week.
fn parse_decision(text: &str) -> Result<Decision, Failure> {
    let bad = || {
        usage(&format!(
            "--decide takes WEEK:KIND[:HOURS] (21:floor:4, 30:stop), not {text}"
        ))
    };
    let mut parts = text.split(':');
    let week: u16 = parts.next().and_then(|w| w.parse().ok()).ok_or_else(bad)?;
    let kind = parts.next().and_then(Move::from_id).ok_or_else(bad)?;
    let hours = match (kind.has_hours(), parts.next()) {
        (true, Some(h)) => h.parse::<f64>().ok().filter(|h| (0.0..=6000.0).contains(h)),
        (false, None) => Some(0.0),
        _ => None,
    }
    .ok_or_else(bad)?;
    if week == 0 || parts.next().is_some() {
        return Err(bad());
    }
    Ok(Decision {
        week: week - 1,
        kind,
        tenths_of_hours: (hours * 10.0).round() as u16,
    })
}

fn read_session(link: &str) -> Result<Session, Failure> {
    Session::decode(link)
        .map_err(|e| Failure::Invalid(format!("the session link: {}", e.message(Lang::En))))
}

fn handin(args: &[String]) -> Result<(), Failure> {
    let Some(link) = args.first() else {
        return Err(usage("the session's join link is needed"));
    };
    let session = read_session(link)?;
    let horizon = session
        .params()
        .map_err(|e| Failure::Invalid(e.message(Lang::En)))?
        .team
        .horizon_weeks as u16;
    let mut name = None;
    let mut through_week = horizon.saturating_sub(1);
    let mut decisions = Vec::new();
    let mut qr_file = None;
    let mut rest = args[1..].iter();
    while let Some(arg) = rest.next() {
        let mut value = |flag: &str| {
            rest.next()
                .cloned()
                .ok_or_else(|| usage(&format!("{flag} needs a value")))
        };
        match arg.as_str() {
            "--name" => name = Some(value(arg)?),
            "--weeks-played" => {
                let weeks: u16 = number(arg, &value(arg)?)?;
                through_week = weeks.saturating_sub(1);
            }
            "--decide" => decisions.push(parse_decision(&value(arg)?)?),
            "--qr" => qr_file = Some(value(arg)?),
            other => return Err(usage(&format!("unknown option {other}"))),
        }
    }
    let name = participant_name(name.as_deref().unwrap_or(""))
        .map_err(|e| Failure::Invalid(e.message(Lang::En)))?;
    if decisions.len() > MAX_DECISIONS {
        return Err(usage("a hand-in holds at most 255 decisions"));
    }
    decisions.sort_by_key(|d| d.week);
    let hand_in = HandIn {
        session_id: session.id(),
        name,
        through_week,
        decisions,
    };
    session
        .admit(&hand_in)
        .map_err(|e| Failure::Invalid(e.message(Lang::En)))?;
    let base = link.split_once('#').map_or("", |(b, _)| b);
    let out = format!("{base}#{}", hand_in.encode());
    write_qr(qr_file.as_ref(), &out, &hand_in.name)?;
    println!("{out}");
    Ok(())
}

/// What `debrief` prints.
enum Output {
    Json,
    RankingCsv,
    DecisionsCsv,
}

fn debrief(args: &[String]) -> Result<(), Failure> {
    let Some(link) = args.first() else {
        return Err(usage("the session's join link is needed"));
    };
    let mut score = Score::BookEnd;
    let mut output = Output::Json;
    let mut lang = Lang::En;
    let mut hand_ins: Vec<(String, String)> = Vec::new();
    let mut rest = args[1..].iter();
    while let Some(arg) = rest.next() {
        let mut value = |flag: &str| {
            rest.next()
                .cloned()
                .ok_or_else(|| usage(&format!("{flag} needs a value")))
        };
        match arg.as_str() {
            "--score" => {
                let id = value(arg)?;
                score = Score::from_id(&id).ok_or_else(|| {
                    usage(&format!(
                        "--score is one of book_end, profit, loans_lost, not {id}"
                    ))
                })?;
            }
            "--csv" => output = Output::RankingCsv,
            "--decisions-csv" => output = Output::DecisionsCsv,
            "--lang" => {
                lang = match value(arg)?.as_str() {
                    "zh" => Lang::Zh,
                    "en" => Lang::En,
                    other => return Err(usage(&format!("--lang is en or zh, not {other}"))),
                }
            }
            text if std::path::Path::new(text).is_file() => {
                let contents = std::fs::read_to_string(text)
                    .map_err(|e| Failure::Usage(format!("cannot read {text}: {e}")))?;
                for (i, line) in contents.lines().enumerate() {
                    if !line.trim().is_empty() {
                        hand_ins.push((format!("{text}:{}", i + 1), line.to_owned()));
                    }
                }
            }
            text => hand_ins.push((format!("argument {}", hand_ins.len() + 2), text.to_owned())),
        }
    }
    let session = read_session(link)?;
    let room = collect(&session, &hand_ins, score);
    match output {
        Output::Json => print!("{}", ranking_json(&session, &room, lang)),
        Output::RankingCsv => print!("{}", ranking_csv(&room)),
        Output::DecisionsCsv => print!("{}", decisions_csv(&room)),
    }
    if room.refused.is_empty() {
        Ok(())
    } else {
        let lines: Vec<String> = room
            .refused
            .iter()
            .map(|r| format!("{}: {}", r.source, r.error.message(lang)))
            .collect();
        Err(Failure::Invalid(lines.join("\n")))
    }
}
