//! The classroom without a server (issue 19): a trainer's *session* travels to the participants as a
//! join link, and each participant's *hand-in* travels back as a link — no server in between.
//!
//! A run is fully determined by its scenario, its seed and its decisions, so the decisions are all a
//! hand-in carries; the trainer's side replays them ([`replay`]) and never reads a figure from a
//! link. Both links are compact binary, URL-safe base64 (no padding) in the fragment:
//!
//! ```text
//! #join=   [format u8][length u16][nonce u32][seed u64][variant u8][allowed u8][round_weeks u8]
//!          [hidden_shocks u8][scenario_crc u32][lesson_len u8][lesson id][crc32 u32]
//! #handin= [format u8][length u16][session_id u32][through_week u16][name_len u8][name, UTF-8]
//!          [count u8][count × (week u16, kind u8, tenths_of_hours u16)][crc32 u32]
//! ```
//!
//! Integers are little-endian; `length` counts every byte including the checksum, so a link cut short
//! is told from an altered one. The closing CRC-32 (IEEE) covers every byte before it, so any single
//! changed, added or removed character is refused. This is **tamper evidence, not security**: anyone
//! can compute a CRC, so a participant who edits the bytes on purpose and recomputes it gets through;
//! what a replay then shows is still a run of the engine from the session's scenario, and decisions
//! the session does not allow are refused. The session id is the join link's own CRC, so a hand-in
//! names the exact session (lesson, variant, seed, rules and nonce) it was played in; the
//! `scenario_crc` is the CRC of the lesson's scenario file as this build writes it, so a hand-in is
//! never replayed against a lesson that a newer release changed.

pub mod overlay;
pub mod qr;
pub mod replay;
pub mod session_file;

use base64::alphabet;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine as _;

use crate::engine::params::Params;
use crate::engine::presets;
use crate::i18n::{fill, Lang, Text};

/// What a join link's fragment starts with (after the `#`).
pub const JOIN_KEY: &str = "join=";
/// What a hand-in link's fragment starts with (after the `#`).
pub const HANDIN_KEY: &str = "handin=";
/// The binary format's version, the first byte of both links.
pub const FORMAT_VERSION: u8 = 1;
/// Longest participant name, in characters.
pub const MAX_NAME_CHARS: usize = 40;
/// Most decisions one hand-in carries.
pub const MAX_DECISIONS: usize = 255;
/// Longest fragment decoded: a full hand-in is under 2 KB.
const MAX_FRAGMENT_CHARS: usize = 4096;

const BASE64: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// A decision a participant may take. Each is a prospecting change from the week it is taken to the
/// end of the run (a later one replaces it), the trainer's stage's own kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Move {
    /// Stop prospecting.
    Stop,
    /// Back to the lesson's cadence policy.
    Resume,
    /// Prospect exactly this many hours per AM per week.
    SetHours,
    /// Keep at least this many hours of prospecting per AM per week.
    Floor,
}

impl Move {
    pub const ALL: [Move; 4] = [Move::Stop, Move::Resume, Move::SetHours, Move::Floor];

    /// Stable id (the CLI's `--allow`, CSV cells).
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Move::Stop => "stop",
            Move::Resume => "resume",
            Move::SetHours => "set_hours",
            Move::Floor => "floor",
        }
    }

    #[must_use]
    pub fn from_id(id: &str) -> Option<Move> {
        Move::ALL.into_iter().find(|m| m.id() == id)
    }

    /// Whether the decision carries a number of hours.
    #[must_use]
    pub fn has_hours(self) -> bool {
        matches!(self, Move::SetHours | Move::Floor)
    }

    fn code(self) -> u8 {
        match self {
            Move::Stop => 0,
            Move::Resume => 1,
            Move::SetHours => 2,
            Move::Floor => 3,
        }
    }

    fn of_code(code: u8) -> Option<Move> {
        Move::ALL.into_iter().find(|m| m.code() == code)
    }

    fn bit(self) -> u8 {
        1 << self.code()
    }
}

/// A classroom session as the trainer opens it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The lesson: a preset id.
    pub lesson: String,
    /// Which of the preset's policy variants is played.
    pub variant: u8,
    /// The scenario's Monte Carlo seed (`run.seed`) for everyone in the room.
    pub seed: u64,
    /// The decisions participants may take, in [`Move::ALL`] order.
    pub allowed: Vec<Move>,
    /// Participants decide every week (1) or at the start of each round of this many weeks.
    pub round_weeks: u8,
    /// Whether participants learn of the lesson's shocks only when they arrive.
    pub hidden_shocks: bool,
    /// Makes two sessions of the same lesson and rules distinct (the page draws it at random).
    pub nonce: u32,
}

/// A participant's hand-in: who, in which session, how far they played, what they decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandIn {
    pub session_id: u32,
    pub name: String,
    /// The last simulation week (0-based) the participant had played when handing in.
    pub through_week: u16,
    pub decisions: Vec<Decision>,
}

/// One decision of a hand-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    /// Simulation week (0-based) it takes effect.
    pub week: u16,
    pub kind: Move,
    /// Hours per AM per week in tenths (`SetHours`, `Floor`); 0 otherwise.
    pub tenths_of_hours: u16,
}

impl Decision {
    /// Hours per AM per week.
    #[must_use]
    pub fn hours(self) -> f64 {
        f64::from(self.tenths_of_hours) / 10.0
    }

    /// Whether the decision stops prospecting: a stop, or prospecting hours set to 0.
    #[must_use]
    pub fn stops_prospecting(self) -> bool {
        match self.kind {
            Move::Stop => true,
            Move::SetHours => self.tenths_of_hours == 0,
            Move::Resume | Move::Floor => false,
        }
    }
}

/// Why a join or hand-in link was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum ClassroomError {
    /// Neither a join link nor a hand-in link.
    NotALink,
    /// A hand-in where a join link was expected, or the reverse.
    WrongKind,
    /// Characters are missing: the link was cut short.
    Truncated,
    /// A character was changed or added: the checksum does not hold.
    Altered,
    /// Made by a newer Cadence than this one.
    NewerFormat(u8),
    /// The hand-in belongs to another session.
    WrongSession,
    /// The join link names a lesson this Cadence does not have.
    UnknownLesson(String),
    /// The lesson's scenario differs from the one the session was opened with (another release).
    LessonChanged,
    /// A decision the session does not allow: its kind, or a week that does not start a round.
    NotAllowed { week: u16, kind: Move },
    /// A field that the format cannot hold or the session cannot use (its words in English).
    Invalid(Invalid),
}

/// What is wrong inside an otherwise whole link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invalid {
    /// The name is empty (after cleaning) or longer than [`MAX_NAME_CHARS`].
    Name,
    /// Decisions out of week order or past the week played.
    Order,
    /// A week past the lesson's horizon.
    Week,
    /// More than [`MAX_DECISIONS`].
    TooMany,
    /// Hours outside 0–`hours_per_week`, or the engine refused the decisions.
    Hours,
    /// A session field out of range (no decision allowed, a round of 0 weeks, no such variant).
    Rules,
}

impl ClassroomError {
    /// The reason in words, in the user's language.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ClassroomError::NotALink => Text::ClassNotALink.get(lang).to_owned(),
            ClassroomError::WrongKind => Text::ClassWrongKind.get(lang).to_owned(),
            ClassroomError::Truncated => Text::ClassTruncated.get(lang).to_owned(),
            ClassroomError::Altered => Text::ClassAltered.get(lang).to_owned(),
            ClassroomError::NewerFormat(v) => {
                fill(Text::ClassNewerFormat.get(lang), &[&v.to_string()])
            }
            ClassroomError::WrongSession => Text::ClassWrongSession.get(lang).to_owned(),
            ClassroomError::UnknownLesson(id) => fill(Text::ClassUnknownLesson.get(lang), &[id]),
            ClassroomError::LessonChanged => Text::ClassLessonChanged.get(lang).to_owned(),
            ClassroomError::NotAllowed { week, kind } => fill(
                Text::ClassNotAllowed.get(lang),
                &[&(u32::from(*week) + 1).to_string(), move_text(*kind, lang)],
            ),
            ClassroomError::Invalid(what) => match what {
                Invalid::Name => Text::ClassBadName.get(lang),
                Invalid::Order => Text::ClassBadOrder.get(lang),
                Invalid::Week => Text::ClassBadWeek.get(lang),
                Invalid::TooMany => Text::ClassTooMany.get(lang),
                Invalid::Hours => Text::ClassBadHours.get(lang),
                Invalid::Rules => Text::ClassBadRules.get(lang),
            }
            .to_owned(),
        }
    }
}

/// A decision kind in words.
#[must_use]
pub fn move_text(kind: Move, lang: Lang) -> &'static str {
    match kind {
        Move::Stop => Text::ClassMoveStop,
        Move::Resume => Text::ClassMoveResume,
        Move::SetHours => Text::ClassMoveSetHours,
        Move::Floor => Text::ClassMoveFloor,
    }
    .get(lang)
}

/// CRC-32 (IEEE 802.3, reflected, as zlib's `crc32`): detects every error burst of up to 32 bits,
/// so every single changed base64 character (6 bits).
#[must_use]
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

/// The lesson's scenario as the session plays it: the preset with its variant and the session's seed.
/// `None` when the lesson or variant does not exist.
#[must_use]
pub fn session_params(lesson: &str, variant: u8, seed: u64) -> Option<Params> {
    let preset = presets::get(lesson)?;
    let chosen = preset.variants.get(usize::from(variant))?;
    let mut params = preset.with_variant(chosen);
    params.run.seed = seed;
    Some(params)
}

/// The scenario file version whose text the lesson CRC is taken of. Later versions added only
/// optional sections a lesson does not carry (version 4: `sources`), so the text is the same but
/// for its version number, and links and session files made before them still match.
const CRC_SCENARIO_VERSION: u32 = 3;

/// The CRC of a lesson's scenario file as this build writes it (the seed left at the preset's
/// own), its version number written as [`CRC_SCENARIO_VERSION`].
#[must_use]
pub fn scenario_crc(lesson: &str, variant: u8) -> Option<u32> {
    let preset = presets::get(lesson)?;
    let chosen = preset.variants.get(usize::from(variant))?;
    let text = super::to_json(&preset.with_variant(chosen)).replacen(
        &format!("\"version\": {},", super::VERSION),
        &format!("\"version\": {CRC_SCENARIO_VERSION},"),
        1,
    );
    Some(crc32(text.as_bytes()))
}

/// `body` sealed: format, length, the body and the CRC-32 of everything before it.
fn sealed(body: &[u8]) -> Vec<u8> {
    let total = body.len() + 7;
    let mut bytes = Vec::with_capacity(total);
    bytes.push(FORMAT_VERSION);
    bytes.extend_from_slice(&u16::try_from(total).unwrap_or(u16::MAX).to_le_bytes());
    bytes.extend_from_slice(body);
    let crc = crc32(&bytes);
    bytes.extend_from_slice(&crc.to_le_bytes());
    bytes
}

/// Writes `body` (without format, length and checksum) as a link fragment under `key`.
fn seal(key: &str, body: &[u8]) -> String {
    format!("{key}{}", BASE64.encode(sealed(body)))
}

/// The fragment after `key` in a whole link, a fragment with `#` or the bare fragment.
fn fragment_data<'a>(text: &'a str, key: &str) -> Result<&'a str, ClassroomError> {
    let text = text.trim();
    let after_hash = text.rsplit_once('#').map_or(text, |(_, f)| f).trim();
    if let Some(data) = after_hash.strip_prefix(key) {
        return Ok(data);
    }
    let other = if key == JOIN_KEY {
        HANDIN_KEY
    } else {
        JOIN_KEY
    };
    if after_hash.starts_with(other) {
        Err(ClassroomError::WrongKind)
    } else {
        Err(ClassroomError::NotALink)
    }
}

/// Checks format, length and checksum; returns the body and its CRC.
fn unseal(text: &str, key: &str) -> Result<(Vec<u8>, u32), ClassroomError> {
    let data = fragment_data(text, key)?;
    if data.len() > MAX_FRAGMENT_CHARS {
        return Err(ClassroomError::Altered);
    }
    let data: String = data.chars().filter(|c| !c.is_whitespace()).collect();
    let bytes = BASE64.decode(data.as_bytes()).map_err(|e| match e {
        base64::DecodeError::InvalidLength(_) | base64::DecodeError::InvalidLastSymbol(..) => {
            ClassroomError::Truncated
        }
        _ => ClassroomError::Altered,
    })?;
    if bytes.len() < 3 {
        return Err(ClassroomError::Truncated);
    }
    let declared = usize::from(u16::from_le_bytes([bytes[1], bytes[2]]));
    if bytes.len() < declared || bytes.len() < 7 {
        return Err(ClassroomError::Truncated);
    }
    if bytes.len() > declared {
        return Err(ClassroomError::Altered);
    }
    let (signed, sum) = bytes.split_at(bytes.len() - 4);
    let crc = crc32(signed);
    if sum != crc.to_le_bytes() {
        return Err(ClassroomError::Altered);
    }
    if bytes[0] > FORMAT_VERSION {
        return Err(ClassroomError::NewerFormat(bytes[0]));
    }
    if bytes[0] == 0 {
        return Err(ClassroomError::Altered);
    }
    Ok((signed[3..].to_vec(), crc))
}

/// Reads fields off a body; running out of bytes is an altered link (the length was checked).
struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], ClassroomError> {
        if self.0.len() < n {
            return Err(ClassroomError::Altered);
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }
    fn u8(&mut self) -> Result<u8, ClassroomError> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, ClassroomError> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Result<u32, ClassroomError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self) -> Result<u64, ClassroomError> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }
    fn text(&mut self) -> Result<String, ClassroomError> {
        let n = usize::from(self.u8()?);
        String::from_utf8(self.take(n)?.to_vec()).map_err(|_| ClassroomError::Altered)
    }
    fn end(&self) -> Result<(), ClassroomError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(ClassroomError::Altered)
        }
    }
}

impl Session {
    fn body(&self) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(&self.nonce.to_le_bytes());
        b.extend_from_slice(&self.seed.to_le_bytes());
        b.push(self.variant);
        b.push(self.allowed.iter().fold(0, |mask, m| mask | m.bit()));
        b.push(self.round_weeks);
        b.push(u8::from(self.hidden_shocks));
        b.extend_from_slice(
            &scenario_crc(&self.lesson, self.variant)
                .unwrap_or(0)
                .to_le_bytes(),
        );
        let lesson = &self.lesson.as_bytes()[..self.lesson.len().min(255)];
        b.push(u8::try_from(lesson.len()).unwrap_or(u8::MAX));
        b.extend_from_slice(lesson);
        b
    }

    /// Checks the session's rules against this build's lessons.
    pub fn check(&self) -> Result<(), ClassroomError> {
        if presets::get(&self.lesson).is_none() {
            return Err(ClassroomError::UnknownLesson(self.lesson.clone()));
        }
        if session_params(&self.lesson, self.variant, self.seed).is_none()
            || self.allowed.is_empty()
            || self.round_weeks == 0
        {
            return Err(ClassroomError::Invalid(Invalid::Rules));
        }
        Ok(())
    }

    /// The join link's fragment (without `#`).
    #[must_use]
    pub fn encode(&self) -> String {
        seal(JOIN_KEY, &self.body())
    }

    /// The session's id: the CRC that closes its join link.
    #[must_use]
    pub fn id(&self) -> u32 {
        let mut bytes = sealed(&self.body());
        bytes.truncate(bytes.len() - 4);
        crc32(&bytes)
    }

    /// The session id as the page and the CLI show it: eight hex digits.
    #[must_use]
    pub fn id_text(&self) -> String {
        format!("{:08x}", self.id())
    }

    /// Reads a join link (whole, or its fragment) and checks it against this build's lessons.
    pub fn decode(text: &str) -> Result<Session, ClassroomError> {
        let (body, _) = unseal(text, JOIN_KEY)?;
        let mut r = Reader(&body);
        let nonce = r.u32()?;
        let seed = r.u64()?;
        let variant = r.u8()?;
        let mask = r.u8()?;
        let round_weeks = r.u8()?;
        let hidden = r.u8()?;
        let crc = r.u32()?;
        let lesson = r.text()?;
        r.end()?;
        if hidden > 1 || mask >> Move::ALL.len() != 0 {
            return Err(ClassroomError::Altered);
        }
        let session = Session {
            lesson,
            variant,
            seed,
            allowed: Move::ALL
                .into_iter()
                .filter(|m| mask & m.bit() != 0)
                .collect(),
            round_weeks,
            hidden_shocks: hidden == 1,
            nonce,
        };
        session.check()?;
        if scenario_crc(&session.lesson, variant) != Some(crc) {
            return Err(ClassroomError::LessonChanged);
        }
        Ok(session)
    }

    /// The lesson's scenario as this session plays it.
    pub fn params(&self) -> Result<Params, ClassroomError> {
        session_params(&self.lesson, self.variant, self.seed)
            .ok_or_else(|| ClassroomError::UnknownLesson(self.lesson.clone()))
    }

    /// Whether a participant may take a decision of this kind in this week.
    #[must_use]
    pub fn allows(&self, week: u16, kind: Move) -> bool {
        self.allowed.contains(&kind) && week % u16::from(self.round_weeks.max(1)) == 0
    }

    /// The weeks (0-based) at which participants decide, below `horizon_weeks`.
    #[must_use]
    pub fn decision_weeks(&self, horizon_weeks: u16) -> Vec<u16> {
        (0..horizon_weeks)
            .step_by(usize::from(self.round_weeks.max(1)))
            .collect()
    }

    /// Checks a hand-in against this session's rules: its id, names, weeks, kinds, hours.
    pub fn admit(&self, hand_in: &HandIn) -> Result<(), ClassroomError> {
        if hand_in.session_id != self.id() {
            return Err(ClassroomError::WrongSession);
        }
        let params = self.params()?;
        let horizon = params.team.horizon_weeks;
        if f64::from(hand_in.through_week) >= horizon {
            return Err(ClassroomError::Invalid(Invalid::Week));
        }
        let mut last = 0u16;
        for d in &hand_in.decisions {
            if f64::from(d.week) >= horizon {
                return Err(ClassroomError::Invalid(Invalid::Week));
            }
            if d.week < last || d.week > hand_in.through_week {
                return Err(ClassroomError::Invalid(Invalid::Order));
            }
            last = d.week;
            if !self.allows(d.week, d.kind) {
                return Err(ClassroomError::NotAllowed {
                    week: d.week,
                    kind: d.kind,
                });
            }
            if (d.kind.has_hours() && d.hours() > params.team.hours_per_week)
                || (!d.kind.has_hours() && d.tenths_of_hours != 0)
            {
                return Err(ClassroomError::Invalid(Invalid::Hours));
            }
        }
        Ok(())
    }
}

/// Cleans a typed participant name: hidden characters dropped, white space folded, trimmed.
/// `Err` when nothing is left or it is longer than [`MAX_NAME_CHARS`].
pub fn participant_name(raw: &str) -> Result<String, ClassroomError> {
    let name = super::library::clean_name(raw);
    if name.is_empty() || name.chars().count() > MAX_NAME_CHARS || raw.chars().count() > 200 {
        Err(ClassroomError::Invalid(Invalid::Name))
    } else {
        Ok(name)
    }
}

impl HandIn {
    /// The hand-in link's fragment (without `#`). The name must have passed [`participant_name`]
    /// and the decisions be at most [`MAX_DECISIONS`]; longer ones are cut (and then refused by
    /// nothing, so callers check first).
    #[must_use]
    pub fn encode(&self) -> String {
        let mut b = Vec::new();
        b.extend_from_slice(&self.session_id.to_le_bytes());
        b.extend_from_slice(&self.through_week.to_le_bytes());
        let name = self.name.as_bytes();
        let name = &name[..name.len().min(255)];
        b.push(u8::try_from(name.len()).unwrap_or(u8::MAX));
        b.extend_from_slice(name);
        let decisions = &self.decisions[..self.decisions.len().min(MAX_DECISIONS)];
        b.push(u8::try_from(decisions.len()).unwrap_or(u8::MAX));
        for d in decisions {
            b.extend_from_slice(&d.week.to_le_bytes());
            b.push(d.kind.code());
            b.extend_from_slice(&d.tenths_of_hours.to_le_bytes());
        }
        seal(HANDIN_KEY, &b)
    }

    /// Reads a hand-in link (whole, or its fragment): format, length, checksum and fields. Whether it
    /// belongs to a session and keeps its rules is [`Session::admit`].
    pub fn decode(text: &str) -> Result<HandIn, ClassroomError> {
        let (body, _) = unseal(text, HANDIN_KEY)?;
        let mut r = Reader(&body);
        let session_id = r.u32()?;
        let through_week = r.u16()?;
        let name = r.text()?;
        let count = usize::from(r.u8()?);
        let mut decisions = Vec::with_capacity(count);
        for _ in 0..count {
            let week = r.u16()?;
            let kind = Move::of_code(r.u8()?).ok_or(ClassroomError::Altered)?;
            let tenths_of_hours = r.u16()?;
            decisions.push(Decision {
                week,
                kind,
                tenths_of_hours,
            });
        }
        r.end()?;
        if participant_name(&name).as_deref() != Ok(name.as_str()) {
            return Err(ClassroomError::Invalid(Invalid::Name));
        }
        Ok(HandIn {
            session_id,
            name,
            through_week,
            decisions,
        })
    }

    /// Reads a hand-in and checks it against `session`.
    pub fn decode_for(text: &str, session: &Session) -> Result<HandIn, ClassroomError> {
        let hand_in = HandIn::decode(text)?;
        session.admit(&hand_in)?;
        Ok(hand_in)
    }
}

#[cfg(test)]
mod tests;
