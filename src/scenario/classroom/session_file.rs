//! The trainer's session file (issue 19): everything needed to bring a classroom's debrief back —
//! the session's join link, the score the room is ranked on, and every hand-in received, round by
//! round (the text as it arrived and where it came from) — as versioned JSON.
//!
//! It holds no figure: opening it replays every hand-in from the session's scenario and seed, as
//! collecting did ([`super::replay::collect`]), so a hand-in altered inside the file is refused
//! with the usual reason, and the debrief is the one the trainer left. The join link is read with
//! [`super::Session::decode`] (checksum, lesson, rules), so a damaged link or one of a lesson
//! another release changed refuses the whole file.
//!
//! ```json
//! { "format": "cadence-classroom-session", "version": 1,
//!   "session": "https://…/#join=…", "session_id": "1a2b3c4d", "score": "book_end",
//!   "rounds": [ { "hand_ins": [ { "source": "line 1", "text": "https://…/#handin=…" } ] } ] }
//! ```
//!
//! The last round is the one being collected; the ones before it are earlier rounds of the same
//! session, kept to compare. `session_id` is there for a person reading the file; the reader
//! checks it against the link's own, so a file whose link was swapped is refused.

use serde::Serialize;
use serde_json::Value;

use super::replay::Score;
use super::{ClassroomError, Session};
use crate::i18n::{fill, Lang, Text};
use crate::scenario::migrate;

/// The `format` every session file carries.
pub const FORMAT: &str = "cadence-classroom-session";
/// The session file's current version.
pub const VERSION: u32 = 1;
/// Largest session file read, in bytes: 40 participants × 50 rounds of hand-ins fit many times.
pub const MAX_SESSION_FILE_BYTES: usize = 4 * 1024 * 1024;
/// Most rounds a file may hold.
pub const MAX_ROUNDS: usize = 100;
/// Most hand-ins one round may hold.
pub const MAX_HAND_INS_PER_ROUND: usize = 2000;

/// One hand-in as it was received: where it came from ("line 3", a file's name) and its text.
pub type Received = (String, String);

/// A session file as read: the session, its link, the score and every round's hand-ins (oldest
/// first; the last one is being collected).
#[derive(Debug, Clone, PartialEq)]
pub struct SessionFile {
    pub session: Session,
    /// The join link as the trainer's page showed it.
    pub link: String,
    pub score: Score,
    pub rounds: Vec<Vec<Received>>,
}

/// What part of a session file is missing or unreadable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The join link (`session`).
    Link,
    /// The session id does not match the link's.
    SessionId,
    /// The score (`score`).
    Score,
    /// The list of rounds (`rounds`), or too many of them.
    Rounds,
    /// A round (1-based), or too many hand-ins in it.
    Round(usize),
    /// A hand-in: (round, hand-in), both 1-based.
    HandIn(usize, usize),
}

/// Why a session file was refused. Nothing changes on the page when it is.
#[derive(Debug, Clone, PartialEq)]
pub enum SessionFileError {
    /// Not JSON at all (or cut short).
    NotJson,
    /// JSON, but not a classroom session file (another Cadence file, or something else).
    Foreign,
    /// Written by a newer Cadence (its format version).
    Newer(u64),
    /// Bigger than [`MAX_SESSION_FILE_BYTES`].
    TooLarge,
    /// A part is missing or not what it should be.
    Damaged(Part),
    /// The join link inside was refused.
    Link(ClassroomError),
}

impl SessionFileError {
    /// The reason in words, in the user's language.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SessionFileError::NotJson => Text::ClassFileNotJson.get(lang).to_owned(),
            SessionFileError::Foreign => Text::ClassFileForeign.get(lang).to_owned(),
            SessionFileError::Newer(v) => fill(Text::ClassFileNewer.get(lang), &[&v.to_string()]),
            SessionFileError::TooLarge => Text::ClassFileTooLarge.get(lang).to_owned(),
            SessionFileError::Damaged(part) => {
                fill(Text::ClassFileDamaged.get(lang), &[&part_text(*part, lang)])
            }
            SessionFileError::Link(e) => fill(Text::ClassFileLink.get(lang), &[&e.message(lang)]),
        }
    }
}

fn part_text(part: Part, lang: Lang) -> String {
    match part {
        Part::Link => Text::ClassFilePartLink.get(lang).to_owned(),
        Part::SessionId => Text::ClassFilePartId.get(lang).to_owned(),
        Part::Score => Text::ClassFilePartScore.get(lang).to_owned(),
        Part::Rounds => Text::ClassFilePartRounds.get(lang).to_owned(),
        Part::Round(r) => fill(Text::ClassFilePartRound.get(lang), &[&r.to_string()]),
        Part::HandIn(r, h) => fill(
            Text::ClassFilePartHandIn.get(lang),
            &[&r.to_string(), &h.to_string()],
        ),
    }
}

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u32,
    session: &'a str,
    session_id: String,
    score: &'static str,
    rounds: Vec<RoundOut<'a>>,
}

#[derive(Serialize)]
struct RoundOut<'a> {
    hand_ins: Vec<HandInOut<'a>>,
}

#[derive(Serialize)]
struct HandInOut<'a> {
    source: &'a str,
    text: &'a str,
}

/// The session file's text: `link` is the session's join link as shown, `rounds` every round's
/// hand-ins as received, oldest first.
#[must_use]
pub fn write(session: &Session, link: &str, score: Score, rounds: &[Vec<Received>]) -> String {
    let out = FileOut {
        format: FORMAT,
        version: VERSION,
        session: link,
        session_id: session.id_text(),
        score: score.id(),
        rounds: rounds
            .iter()
            .map(|round| RoundOut {
                hand_ins: round
                    .iter()
                    .map(|(source, text)| HandInOut { source, text })
                    .collect(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&out).unwrap_or_default() + "\n"
}

fn text_of<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key).and_then(Value::as_str)
}

/// Reads a session file and its join link; the hand-ins are only read as text here (replaying them
/// is the collection's, which refuses each bad one on its own).
pub fn read(text: &str) -> Result<SessionFile, SessionFileError> {
    if text.len() > MAX_SESSION_FILE_BYTES {
        return Err(SessionFileError::TooLarge);
    }
    let value: Value = serde_json::from_str(text).map_err(|_| SessionFileError::NotJson)?;
    if text_of(&value, "format") != Some(FORMAT) {
        return Err(SessionFileError::Foreign);
    }
    let value = match migrate::upgrade(value, VERSION, &[], "classroom session file") {
        Ok(upgraded) => upgraded.value,
        Err(errors) if migrate::is_newer(&errors) => {
            let found = serde_json::from_str::<Value>(text)
                .ok()
                .and_then(|v| v.get("version").and_then(Value::as_u64))
                .unwrap_or(0);
            return Err(SessionFileError::Newer(found));
        }
        // No version, or one that is not a whole number from 1: not a file this format wrote.
        Err(_) => return Err(SessionFileError::Foreign),
    };
    let link = text_of(&value, "session").ok_or(SessionFileError::Damaged(Part::Link))?;
    let session = Session::decode(link).map_err(SessionFileError::Link)?;
    if text_of(&value, "session_id").is_some_and(|id| id != session.id_text()) {
        return Err(SessionFileError::Damaged(Part::SessionId));
    }
    let score = text_of(&value, "score")
        .and_then(Score::from_id)
        .ok_or(SessionFileError::Damaged(Part::Score))?;
    let rounds = value
        .get("rounds")
        .and_then(Value::as_array)
        .filter(|r| !r.is_empty() && r.len() <= MAX_ROUNDS)
        .ok_or(SessionFileError::Damaged(Part::Rounds))?;
    let mut read_rounds = Vec::with_capacity(rounds.len());
    for (r, round) in rounds.iter().enumerate() {
        let hand_ins = round
            .get("hand_ins")
            .and_then(Value::as_array)
            .filter(|h| h.len() <= MAX_HAND_INS_PER_ROUND)
            .ok_or(SessionFileError::Damaged(Part::Round(r + 1)))?;
        let mut received = Vec::with_capacity(hand_ins.len());
        for (h, hand_in) in hand_ins.iter().enumerate() {
            match (text_of(hand_in, "source"), text_of(hand_in, "text")) {
                (Some(source), Some(text)) => received.push((source.to_owned(), text.to_owned())),
                _ => return Err(SessionFileError::Damaged(Part::HandIn(r + 1, h + 1))),
            }
        }
        read_rounds.push(received);
    }
    Ok(SessionFile {
        session,
        link: link.to_owned(),
        score,
        rounds: read_rounds,
    })
}

/// The session file's name: `cadence-session-<session id>.json`.
#[must_use]
pub fn file_name(session: &Session) -> String {
    format!("cadence-session-{}.json", session.id_text())
}
