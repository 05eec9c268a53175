//! The parameter spec: one table saying, for every number of a scenario, what it is.
//!
//! Each row of [`SPEC`] gives one parameter (or one family of them, such as a value per tier):
//!
//! * its **path pattern**, the JSON path of the scenario file and of validation errors, with
//!   `{tier}` (a tier id), `{to}` (the tier of a matrix column), `{channel}` (a channel id) and
//!   `{i}` (a position in a list) standing for the instance: `loans.amount_cny.{tier}`,
//!   `channels.{channel}.saturation_hours`, `loans.terms[{i}].weeks`. The `shocks[{i}]` rows
//!   also describe `interventions[{i}]`, the trainer's decisions, which have the same rules;
//! * its [`Kind`]: a whole number, a real number, a probability, or a share of a row that sums to 1;
//! * its [`Range`], each end open or closed; an end may be a figure of the scenario (H, the working
//!   week, for hours settings and prospecting changes), and a team change also keeps N + delta in
//!   `team.ams`'s range ([`Extra::TeamSize`]);
//! * its [`Unit`], which the page translates, and its default ([`DefaultValue`], checked against
//!   `Params::default()` by a test);
//! * typed accessors: `get` reads the instance's [`Value`] and `set` lends its [`Slot`], so callers
//!   need no match of their own per parameter.
//!
//! Validation checks every instance of every row in one loop ([`walk`] order, which is the order
//! of the table); the page's field registry takes paths, ranges, units and accessors from here;
//! `docs/scenario-format.md`'s parameter tables and `cadence params` are generated from it. Rules
//! about several parameters at once (a mix summing to 1, exit pairs, floor ≤ cap, the steady
//! state, a shock's start before the horizon, list lengths) are not in this table: they stay with
//! validation. Adding a parameter means a row here, the model code that uses it and, for the page,
//! its label in the translation table.

use super::kpi::MAX_QUEUE_WEEKS;
use super::params::{
    Calendar, ChannelId, Holiday, Hours, Params, ProspectingChange, Shock, ShockKind, Tier,
    TierValues, CHANNELS, TIERS,
};

use self::DefaultValue::{
    Auto, ChannelTiers, Channels, Entries, FullWeek, Matrix, Number, Required, Tiers,
};
use self::Kind::{Probability, Real, Share, Whole};

/// What kind of number a parameter is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A count or a week: a whole number.
    Whole,
    /// A real number.
    Real,
    /// A probability or a fraction: a number in [0, 1] (or part of it).
    Probability,
    /// One entry of a row of shares that must sum to 1: a tier mix, a row of a tier matrix, the term
    /// weights, the channels' hour shares.
    Share,
}

impl Kind {
    /// Stable identifier for documentation and `cadence params`.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Kind::Whole => "whole",
            Kind::Real => "real",
            Kind::Probability => "probability",
            Kind::Share => "share",
        }
    }
}

/// A limit of a range: a number, or a figure of the scenario.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Limit {
    /// A fixed number.
    Value(f64),
    /// H, the scenario's productive hours per AM-week (`team.hours_per_week`).
    HoursPerWeek,
    /// No limit. Written `∞]`, as validation messages always have.
    Infinity,
}

impl Limit {
    /// The path of the parameter this limit reads, if it reads one.
    #[must_use]
    pub fn depends_on(self) -> Option<&'static str> {
        match self {
            Limit::HoursPerWeek => Some("team.hours_per_week"),
            Limit::Value(_) | Limit::Infinity => None,
        }
    }

    /// The limit in `p`; `None` when it reads a parameter that is not valid itself (an invalid H
    /// bounds nothing, so it costs one error, not one more per setting checked against it).
    #[must_use]
    pub fn resolve(self, p: &Params) -> Option<f64> {
        match self {
            Limit::Value(v) => Some(v),
            Limit::Infinity => Some(f64::INFINITY),
            Limit::HoursPerWeek => {
                let h = p.team.hours_per_week;
                holds("team.hours_per_week", h, p).then_some(h)
            }
        }
    }

    /// The farthest the limit reaches in any valid scenario (H: the top of H's own range).
    #[must_use]
    pub fn widest(self) -> f64 {
        match self {
            Limit::Value(v) => v,
            Limit::Infinity => f64::INFINITY,
            Limit::HoursPerWeek => entry("team.hours_per_week")
                .and_then(|h| h.range.hi.limit().fixed())
                .unwrap_or(f64::INFINITY),
        }
    }

    /// The number, if the limit is a fixed one.
    #[must_use]
    pub fn fixed(self) -> Option<f64> {
        match self {
            Limit::Value(v) => Some(v),
            Limit::HoursPerWeek | Limit::Infinity => None,
        }
    }

    /// The limit as validation writes it: the number, `∞`, or `H` when H is not valid.
    #[must_use]
    pub fn text(self, p: &Params) -> String {
        match (self, self.resolve(p)) {
            (Limit::Infinity, _) => "∞".to_owned(),
            (Limit::HoursPerWeek, None) => "H".to_owned(),
            (Limit::Value(v), None) | (_, Some(v)) => v.to_string(),
        }
    }
}

/// One end of a range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum End {
    /// The limit itself is allowed.
    Closed(Limit),
    /// The limit itself is not allowed, only values strictly inside it.
    Open(Limit),
}

impl End {
    #[must_use]
    pub fn limit(self) -> Limit {
        match self {
            End::Closed(limit) | End::Open(limit) => limit,
        }
    }

    #[must_use]
    pub fn is_open(self) -> bool {
        matches!(self, End::Open(_))
    }
}

/// The values a parameter may take: from `lo` to `hi`, each end open or closed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    pub lo: End,
    pub hi: End,
}

/// An end of a range in one scenario.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bound {
    pub value: f64,
    pub open: bool,
}

impl Range {
    /// The lower end in `p`; `None` when it reads a parameter that is not valid.
    #[must_use]
    pub fn lower(&self, p: &Params) -> Option<Bound> {
        bound(self.lo, p)
    }

    /// The upper end in `p`; `None` when it reads a parameter that is not valid.
    #[must_use]
    pub fn upper(&self, p: &Params) -> Option<Bound> {
        bound(self.hi, p)
    }

    /// Whether `value` lies in the range in `p`; an end that cannot be known is not checked.
    #[must_use]
    pub fn contains(&self, value: f64, p: &Params) -> bool {
        let above = self.lower(p).is_none_or(|lo| {
            if lo.open {
                value > lo.value
            } else {
                value >= lo.value
            }
        });
        let below = self.upper(p).is_none_or(|hi| {
            if hi.open {
                value < hi.value
            } else {
                value <= hi.value
            }
        });
        above && below
    }

    /// The range as validation messages write it: `[1, 200]`, `(0, 80]`, `[0, ∞]`, `[0, H]`.
    #[must_use]
    pub fn text(&self, p: &Params) -> String {
        let open = if self.lo.is_open() { "(" } else { "[" };
        let close = if self.hi.is_open() { ")" } else { "]" };
        format!(
            "{open}{}, {}{close}",
            self.lo.limit().text(p),
            self.hi.limit().text(p)
        )
    }
}

fn bound(end: End, p: &Params) -> Option<Bound> {
    end.limit().resolve(p).map(|value| Bound {
        value,
        open: end.is_open(),
    })
}

/// [lo, hi].
const fn closed(lo: f64, hi: f64) -> Range {
    Range {
        lo: End::Closed(Limit::Value(lo)),
        hi: End::Closed(Limit::Value(hi)),
    }
}

/// (lo, hi].
const fn above(lo: f64, hi: f64) -> Range {
    Range {
        lo: End::Open(Limit::Value(lo)),
        hi: End::Closed(Limit::Value(hi)),
    }
}

/// [lo, hi).
const fn below(lo: f64, hi: f64) -> Range {
    Range {
        lo: End::Closed(Limit::Value(lo)),
        hi: End::Open(Limit::Value(hi)),
    }
}

/// [lo, ∞].
const fn at_least(lo: f64) -> Range {
    Range {
        lo: End::Closed(Limit::Value(lo)),
        hi: End::Closed(Limit::Infinity),
    }
}

/// [0, H]: hours per AM-week, up to the working week.
const HOURS: Range = Range {
    lo: End::Closed(Limit::Value(0.0)),
    hi: End::Closed(Limit::HoursPerWeek),
};

/// [0, 1].
const UNIT: Range = closed(0.0, 1.0);

/// An hours setting may be a multiple k of h* (`{"times_h_star": k}`); k lies in this range.
pub const TIMES_H_STAR: Range = closed(0.0, 10.0);

/// How many term classes a scenario may list.
pub const TERM_CLASSES: (usize, usize) = (1, 12);

/// A rule of one parameter besides its range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extra {
    None,
    /// A value below the minimum is a timed change that is too short (`shock_too_short`) rather
    /// than out of range; it is said before whole-ness.
    TooShort,
    /// A team change: N + delta must also lie in `team.ams`'s range, once N is valid.
    TeamSize,
}

/// The unit a parameter is counted in; the page translates it, the docs write it in English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    Ams,
    HoursPerAmWeek,
    Weeks,
    WeekOfYear,
    SimWeek,
    LoansPerAm,
    CnyPerHour,
    Runs,
    HoursPerCase,
    HoursPerLoanWeek,
    HoursPerPastDueWeek,
    ProspectsPerHour,
    LeadsPerAmWeek,
    Cny,
    PerYear,
    PerWeek,
    People,
    Factor,
    Share,
    Multiplier,
    AppsPerAmWeek,
    ShareOfHours,
}

impl Unit {
    /// Every unit, for tests that check each is translated.
    pub const ALL: [Unit; 22] = [
        Unit::Ams,
        Unit::HoursPerAmWeek,
        Unit::Weeks,
        Unit::WeekOfYear,
        Unit::SimWeek,
        Unit::LoansPerAm,
        Unit::CnyPerHour,
        Unit::Runs,
        Unit::HoursPerCase,
        Unit::HoursPerLoanWeek,
        Unit::HoursPerPastDueWeek,
        Unit::ProspectsPerHour,
        Unit::LeadsPerAmWeek,
        Unit::Cny,
        Unit::PerYear,
        Unit::PerWeek,
        Unit::People,
        Unit::Factor,
        Unit::Share,
        Unit::Multiplier,
        Unit::AppsPerAmWeek,
        Unit::ShareOfHours,
    ];
}

/// A parameter's default, as the scenario file and `Params::default()` have it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DefaultValue {
    /// The same number for every instance.
    Number(f64),
    /// A number per tier.
    Tiers(TierValues),
    /// A number per channel.
    Channels([f64; CHANNELS]),
    /// A tier mix per channel.
    ChannelTiers([TierValues; CHANNELS]),
    /// A tier matrix, row by row.
    Matrix([TierValues; TIERS]),
    /// One number per list entry (the default list has exactly these entries).
    Entries(&'static [f64]),
    /// `"auto"` or absent: derived from the scenario, as the text says.
    Auto(&'static str),
    /// `"full"`: H, the whole working week.
    FullWeek,
    /// No default: the value comes with its list entry or calendar.
    Required,
}

impl DefaultValue {
    /// The default number of one instance, if the default is a number.
    #[must_use]
    pub fn number(self, at: At) -> Option<f64> {
        match self {
            DefaultValue::Number(v) => Some(v),
            DefaultValue::Tiers(t) => t.get(at.tier).copied(),
            DefaultValue::Channels(c) => c.get(at.channel).copied(),
            DefaultValue::ChannelTiers(c) => c.get(at.channel)?.get(at.tier).copied(),
            DefaultValue::Matrix(m) => m.get(at.tier)?.get(at.to).copied(),
            DefaultValue::Entries(list) => list.get(at.index).copied(),
            DefaultValue::Auto(_) | DefaultValue::FullWeek | DefaultValue::Required => None,
        }
    }

    /// Whether `value` is this default at `at`.
    #[must_use]
    pub fn is(self, at: At, value: Value) -> bool {
        match (self, value) {
            (DefaultValue::Auto(_), Value::Optional(None)) => true,
            (DefaultValue::Auto(_), Value::Hours(h)) => h == Hours::AUTO,
            (DefaultValue::FullWeek, Value::Hours(h)) => h == Hours::FullWeek,
            (DefaultValue::Required, _)
            | (_, Value::Hours(Hours::TimesHStar(_) | Hours::FullWeek)) => false,
            (default, value) => {
                default.number(at).is_some() && default.number(at) == value.number()
            }
        }
    }
}

/// What a parameter holds in a scenario.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Number(f64),
    /// A number that may be absent ("auto", or not set).
    Optional(Option<f64>),
    /// An hours setting: a number, "auto" (a multiple of h*) or "full".
    Hours(Hours),
}

impl Value {
    /// The number that is checked against the range; `None` for an absent value, a multiple of
    /// h* (checked against [`TIMES_H_STAR`]) and "full".
    #[must_use]
    pub fn number(self) -> Option<f64> {
        match self {
            Value::Number(x) | Value::Optional(Some(x)) | Value::Hours(Hours::Value(x)) => Some(x),
            Value::Optional(None) | Value::Hours(Hours::TimesHStar(_) | Hours::FullWeek) => None,
        }
    }
}

/// Where a parameter lives in `Params`, lent for writing.
#[derive(Debug)]
pub enum Slot<'a> {
    Number(&'a mut f64),
    Optional(&'a mut Option<f64>),
    Hours(&'a mut Hours),
}

impl Slot<'_> {
    /// Stores a value; `None` means "auto" where the parameter has it and is ignored elsewhere.
    pub fn store(self, value: Option<f64>) {
        match (self, value) {
            (Slot::Number(slot), Some(v)) => *slot = v,
            (Slot::Number(_), None) => {}
            (Slot::Optional(slot), value) => *slot = value,
            (Slot::Hours(slot), value) => *slot = value.map_or(Hours::AUTO, Hours::Value),
        }
    }
}

/// Which list of timed changes a `shocks[{i}]` row is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Changes {
    /// The scenario's `shocks`.
    #[default]
    Shocks,
    /// The trainer's `interventions`.
    Interventions,
}

/// One instance of a row: the tier, matrix column, channel and list position its placeholders
/// stand for (those the pattern does not have are ignored).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct At {
    tier: usize,
    to: usize,
    channel: usize,
    index: usize,
    changes: Changes,
}

impl At {
    /// The instance of a row without placeholders.
    pub const ONE: At = At {
        tier: 0,
        to: 0,
        channel: 0,
        index: 0,
        changes: Changes::Shocks,
    };

    /// `{tier}`: the tier, or the row of a tier matrix.
    #[must_use]
    pub fn with_tier(self, tier: Tier) -> At {
        At {
            tier: tier.index(),
            ..self
        }
    }

    /// `{to}`: the column of a tier matrix.
    #[must_use]
    pub fn with_to(self, to: Tier) -> At {
        At {
            to: to.index(),
            ..self
        }
    }

    /// `{channel}`.
    #[must_use]
    pub fn with_channel(self, channel: ChannelId) -> At {
        At {
            channel: channel.index(),
            ..self
        }
    }

    /// `{i}`: the position in the row's list.
    #[must_use]
    pub fn with_index(self, index: usize) -> At {
        At { index, ..self }
    }

    /// The list of timed changes a `shocks[{i}]` row reads.
    #[must_use]
    pub fn in_changes(self, changes: Changes) -> At {
        At { changes, ..self }
    }

    fn changes<'p>(&self, p: &'p Params) -> &'p [Shock] {
        match self.changes {
            Changes::Shocks => &p.shocks,
            Changes::Interventions => &p.interventions,
        }
    }
}

/// One row of the spec: a parameter, or a family of them (per tier, channel or list entry).
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    /// The JSON path with `{tier}`, `{to}`, `{channel}` and `{i}` placeholders.
    pub path: &'static str,
    /// What it is, in MODEL.md's words and symbol (English, for the docs and `cadence params`).
    pub about: &'static str,
    pub kind: Kind,
    pub range: Range,
    pub extra: Extra,
    pub unit: Unit,
    pub default: DefaultValue,
    /// The instance's value; `None` when the scenario has no such instance (no such list entry,
    /// another calendar or shock kind).
    pub get: fn(&Params, At) -> Option<Value>,
    /// The instance's place, for writing; `None` like `get`.
    pub set: fn(&mut Params, At) -> Option<Slot<'_>>,
}

/// A row without an extra rule.
#[allow(clippy::too_many_arguments)] // One argument per column of the table.
const fn row(
    path: &'static str,
    about: &'static str,
    kind: Kind,
    range: Range,
    unit: Unit,
    default: DefaultValue,
    get: fn(&Params, At) -> Option<Value>,
    set: fn(&mut Params, At) -> Option<Slot<'_>>,
) -> Spec {
    Spec {
        path,
        about,
        kind,
        range,
        extra: Extra::None,
        unit,
        default,
        get,
        set,
    }
}

impl Spec {
    const fn with(self, extra: Extra) -> Spec {
        Spec { extra, ..self }
    }

    /// The group the row belongs to: the first segment of its path (`team`, `channels`, `shocks`).
    #[must_use]
    pub fn group(&self) -> &'static str {
        let end = self.path.find(['.', '[']).unwrap_or(self.path.len());
        &self.path[..end]
    }

    /// The path of one instance, e.g. `channels.flyer.saturation_hours` or `interventions[2].hours`.
    #[must_use]
    pub fn path_at(&self, at: At) -> String {
        let mut path = self
            .path
            .replace("{tier}", Tier::ALL[at.tier.min(TIERS - 1)].id())
            .replace("{to}", Tier::ALL[at.to.min(TIERS - 1)].id())
            .replace(
                "{channel}",
                ChannelId::ALL[at.channel.min(CHANNELS - 1)].id(),
            )
            .replace("{i}", &at.index.to_string());
        if at.changes == Changes::Interventions {
            if let Some(rest) = path.strip_prefix("shocks[") {
                path = format!("interventions[{rest}");
            }
        }
        path
    }

    /// The instance's value in `p`.
    #[must_use]
    pub fn value(&self, p: &Params, at: At) -> Option<Value> {
        (self.get)(p, at)
    }

    /// For a team change: the deltas that keep N + delta in `team.ams`'s range, once N is valid.
    #[must_use]
    pub fn team_range(&self, p: &Params) -> Option<(f64, f64)> {
        if self.extra != Extra::TeamSize {
            return None;
        }
        let n = p.team.ams;
        if !holds("team.ams", n, p) {
            return None;
        }
        let (lo, hi) = team_sizes()?;
        Some((lo - n, hi - n))
    }

    /// The ends as the page advertises them: scenario figures read from `p` (a limit that cannot
    /// be known, such as an invalid H, at its widest), narrowed to keep the team in range.
    #[must_use]
    pub fn bounds(&self, p: &Params) -> (Bound, Bound) {
        let resolve = |end: End| Bound {
            value: end
                .limit()
                .resolve(p)
                .unwrap_or_else(|| end.limit().widest()),
            open: end.is_open(),
        };
        let (mut lo, mut hi) = (resolve(self.range.lo), resolve(self.range.hi));
        if let Some((team_lo, team_hi)) = self.team_range(p) {
            if team_lo > lo.value {
                lo = Bound {
                    value: team_lo,
                    open: false,
                };
            }
            if team_hi < hi.value {
                hi = Bound {
                    value: team_hi,
                    open: false,
                };
            }
        }
        (lo, hi)
    }

    /// Whether `value` is a valid value of this parameter in `p`: finite, whole where it must
    /// be, in range, and (for a team change) keeping the team in range. Validation reports the
    /// first of these that fails.
    #[must_use]
    pub fn admits(&self, value: f64, p: &Params) -> bool {
        value.is_finite()
            && (self.kind != Kind::Whole || value.fract() == 0.0)
            && self.range.contains(value, p)
            && self
                .team_range(p)
                .is_none_or(|(lo, hi)| (lo..=hi).contains(&value))
    }
}

/// The sizes a team may have, in AMs: `team.ams`'s range, which team changes keep N + delta in.
#[must_use]
pub fn team_sizes() -> Option<(f64, f64)> {
    let team = entry("team.ams")?;
    Some((
        team.range.lo.limit().fixed()?,
        team.range.hi.limit().fixed()?,
    ))
}

/// Whether the parameter at `path` (a row without placeholders) holds a valid value of its own.
fn holds(path: &str, value: f64, p: &Params) -> bool {
    entry(path).is_some_and(|spec| spec.admits(value, p))
}

/// The row with this path pattern (for patterns shared by several rows, the first).
#[must_use]
pub fn entry(pattern: &str) -> Option<&'static Spec> {
    SPEC.iter().find(|spec| spec.path == pattern)
}

/// The row with this path pattern that has a value at `at` in `p` (`shocks[{i}].mult` is a
/// demand shock's or a credit shock's), else the first with the pattern.
#[must_use]
pub fn entry_in(pattern: &str, p: &Params, at: At) -> Option<&'static Spec> {
    SPEC.iter()
        .filter(|spec| spec.path == pattern)
        .find(|spec| spec.value(p, at).is_some())
        .or_else(|| entry(pattern))
}

/// The row and instance a concrete path names, e.g. `loans.terms[2].weeks`; for a path two rows
/// share, the one with a value in `p`.
#[must_use]
pub fn find(path: &str, p: &Params) -> Option<(&'static Spec, At)> {
    let (path, changes) = match path.strip_prefix("interventions[") {
        Some(rest) => (format!("shocks[{rest}"), Changes::Interventions),
        None => (path.to_owned(), Changes::Shocks),
    };
    let mut first = None;
    for spec in SPEC {
        if let Some(at) = match_path(spec.path, &path, At::ONE.in_changes(changes)) {
            if spec.value(p, at).is_some() {
                return Some((spec, at));
            }
            first = first.or(Some((spec, at)));
        }
    }
    first
}

/// Matches a concrete path against a pattern, filling in the instance.
fn match_path(pattern: &str, path: &str, at: At) -> Option<At> {
    let Some(open) = pattern.find('{') else {
        return (pattern == path).then_some(at);
    };
    let rest = path.strip_prefix(&pattern[..open])?;
    let close = open + pattern[open..].find('}')?;
    let (name, tail) = (&pattern[open + 1..close], &pattern[close + 1..]);
    let ids: Vec<(&str, At)> = match name {
        "tier" => Tier::ALL
            .iter()
            .map(|t| (t.id(), at.with_tier(*t)))
            .collect(),
        "to" => Tier::ALL.iter().map(|t| (t.id(), at.with_to(*t))).collect(),
        "channel" => ChannelId::ALL
            .iter()
            .map(|c| (c.id(), at.with_channel(*c)))
            .collect(),
        "i" => {
            let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            let index = rest[..digits].parse::<usize>().ok()?;
            return match_path(tail, &rest[digits..], at.with_index(index));
        }
        _ => return None,
    };
    ids.into_iter()
        .find_map(|(id, at)| match_path(tail, rest.strip_prefix(id)?, at))
}

/// A list whose entries the spec's `[{i}]` rows describe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum List {
    Terms,
    Holidays,
    WeeklyDemand,
    WeeklyAvailability,
    Shocks,
    Interventions,
}

impl List {
    /// The list's JSON path (the `param` of errors about the whole list).
    #[must_use]
    pub fn path(self) -> &'static str {
        match self {
            List::Terms => "loans.terms",
            List::Holidays => "calendar.holidays",
            List::WeeklyDemand => "calendar.demand",
            List::WeeklyAvailability => "calendar.availability",
            List::Shocks => "shocks",
            List::Interventions => "interventions",
        }
    }

    /// How many entries the list has in `p` (0 when its calendar kind is another).
    #[must_use]
    pub fn len(self, p: &Params) -> usize {
        match (self, &p.calendar) {
            (List::Terms, _) => p.loans.terms.len(),
            (List::Holidays, Calendar::Custom(holidays)) => holidays.len(),
            (List::WeeklyDemand, Calendar::Weekly { demand, .. }) => demand.len(),
            (List::WeeklyAvailability, Calendar::Weekly { availability, .. }) => availability.len(),
            (List::Shocks, _) => p.shocks.len(),
            (List::Interventions, _) => p.interventions.len(),
            (List::Holidays | List::WeeklyDemand | List::WeeklyAvailability, _) => 0,
        }
    }

    /// The lists a `[{i}]` row of this pattern prefix describes.
    fn of_prefix(prefix: &str) -> &'static [List] {
        match prefix {
            "loans.terms" => &[List::Terms],
            "calendar.holidays" => &[List::Holidays],
            "calendar.demand" => &[List::WeeklyDemand],
            "calendar.availability" => &[List::WeeklyAvailability],
            "shocks" => &[List::Shocks, List::Interventions],
            _ => &[],
        }
    }

    fn at(self, index: usize) -> At {
        let changes = if self == List::Interventions {
            Changes::Interventions
        } else {
            Changes::Shocks
        };
        At::ONE.with_index(index).in_changes(changes)
    }
}

/// One step of a walk over a scenario's parameters.
#[derive(Debug, Clone, Copy)]
pub enum Step {
    /// A list starts (its entries follow, if they are walked).
    List(List),
    /// One instance of a row, with its value.
    Param {
        spec: &'static Spec,
        at: At,
        value: Value,
    },
}

/// What a row's instances are grouped by: nothing, the channel, or the entry of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entity {
    None,
    Channel,
    Entry(&'static str),
}

fn entity(pattern: &'static str) -> Entity {
    match pattern.find('{') {
        Some(open) if pattern[open..].starts_with("{channel}") => Entity::Channel,
        Some(open) if pattern[open..].starts_with("{i}") => {
            Entity::Entry(&pattern[..open.saturating_sub(1)])
        }
        _ => Entity::None,
    }
}

/// The instances of one row within one entity: its tiers, matrix cells or channel shares.
fn cells(spec: &Spec, entity: Entity, at: At) -> Vec<At> {
    let pattern = spec.path;
    let tiers: &[Tier] = if pattern.contains("{tier}") {
        &Tier::ALL
    } else {
        &[Tier::Prime]
    };
    let columns: &[Tier] = if pattern.contains("{to}") {
        &Tier::ALL
    } else {
        &[Tier::Prime]
    };
    let channels: &[ChannelId] = if entity != Entity::Channel && pattern.contains("{channel}") {
        &ChannelId::ALL
    } else {
        &[ChannelId::ColdVisit]
    };
    let mut out = Vec::new();
    for &tier in tiers {
        for &to in columns {
            for &channel in channels {
                let mut cell = at.with_tier(tier).with_to(to);
                if entity != Entity::Channel {
                    cell = cell.with_channel(channel);
                }
                out.push(cell);
            }
        }
    }
    out
}

/// Every parameter instance of `p` in the order of the table, entity by entity: for each group of
/// consecutive rows about a channel or a list entry, all rows of the first channel or entry, then
/// of the next. Each list is announced by a [`Step::List`]; its entries are walked only when
/// `entries_of` says so (validation skips the entries of a list of the wrong length).
pub fn walk(p: &Params, entries_of: impl Fn(List) -> bool) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut rows = SPEC.iter().peekable();
    while let Some(first) = rows.next() {
        let group_entity = entity(first.path);
        let mut group = vec![first];
        while let Some(next) = rows.next_if(|next| entity(next.path) == group_entity) {
            group.push(next);
        }
        let visit = |at: At, steps: &mut Vec<Step>| {
            for spec in &group {
                for cell in cells(spec, group_entity, at) {
                    if let Some(value) = spec.value(p, cell) {
                        steps.push(Step::Param {
                            spec,
                            at: cell,
                            value,
                        });
                    }
                }
            }
        };
        match group_entity {
            Entity::None => visit(At::ONE, &mut steps),
            Entity::Channel => {
                for channel in ChannelId::ALL {
                    visit(At::ONE.with_channel(channel), &mut steps);
                }
            }
            Entity::Entry(prefix) => {
                for &list in List::of_prefix(prefix) {
                    steps.push(Step::List(list));
                    if entries_of(list) {
                        for index in 0..list.len(p) {
                            visit(list.at(index), &mut steps);
                        }
                    }
                }
            }
        }
    }
    steps
}

// The accessors' helpers return `Option` so that a row's closure can end in one of them or in a
// `?` on a list entry or a shock of the wrong kind.

#[allow(clippy::unnecessary_wraps)]
fn num(x: f64) -> Option<Value> {
    Some(Value::Number(x))
}

#[allow(clippy::unnecessary_wraps)]
fn slot(x: &mut f64) -> Option<Slot<'_>> {
    Some(Slot::Number(x))
}

#[allow(clippy::unnecessary_wraps)]
fn hours(h: Hours) -> Option<Value> {
    Some(Value::Hours(h))
}

#[allow(clippy::unnecessary_wraps)]
fn hours_slot(h: &mut Hours) -> Option<Slot<'_>> {
    Some(Slot::Hours(h))
}

#[allow(clippy::unnecessary_wraps)]
fn optional(x: Option<f64>) -> Option<Value> {
    Some(Value::Optional(x))
}

#[allow(clippy::unnecessary_wraps)]
fn optional_slot(x: &mut Option<f64>) -> Option<Slot<'_>> {
    Some(Slot::Optional(x))
}

fn change(p: &Params, at: At) -> Option<&Shock> {
    at.changes(p).get(at.index)
}

fn change_mut(p: &mut Params, at: At) -> Option<&mut Shock> {
    match at.changes {
        Changes::Shocks => p.shocks.get_mut(at.index),
        Changes::Interventions => p.interventions.get_mut(at.index),
    }
}

fn holiday(p: &Params, at: At) -> Option<&Holiday> {
    match &p.calendar {
        Calendar::Custom(holidays) => holidays.get(at.index),
        _ => None,
    }
}

fn holiday_mut(p: &mut Params, at: At) -> Option<&mut Holiday> {
    match &mut p.calendar {
        Calendar::Custom(holidays) => holidays.get_mut(at.index),
        _ => None,
    }
}

/// The default channel table of MODEL.md section 3, column by column.
const SATURATION: [f64; CHANNELS] = [8.0, 4.0, 3.0, 1.0, 1.0, 2.0, 6.0, 4.0, 4.0];

/// Every numeric parameter of a scenario, in the order validation checks (and reports) them.
#[rustfmt::skip]
pub static SPEC: &[Spec] = &[
    // ── team and run ──
    row("team.ams", "N, account managers", Whole, closed(1.0, 200.0), Unit::Ams, Number(6.0),
        |p, _| num(p.team.ams), |p, _| slot(&mut p.team.ams)),
    row("team.hours_per_week", "H, productive hours per AM-week", Real, closed(5.0, 80.0), Unit::HoursPerAmWeek, Number(40.0),
        |p, _| num(p.team.hours_per_week), |p, _| slot(&mut p.team.hours_per_week)),
    row("team.horizon_weeks", "T, weeks simulated", Whole, closed(13.0, 156.0), Unit::Weeks, Number(104.0),
        |p, _| num(p.team.horizon_weeks), |p, _| slot(&mut p.team.horizon_weeks)),
    row("team.start_week", "week of the year of simulation week 0", Whole, closed(1.0, 52.0), Unit::WeekOfYear, Number(1.0),
        |p, _| num(p.team.start_week), |p, _| slot(&mut p.team.start_week)),
    row("team.target_loans_per_am", "A_target, the portfolio to hold flat", Real, closed(1.0, 1000.0), Unit::LoansPerAm, Number(120.0),
        |p, _| num(p.team.target_loans_per_am), |p, _| slot(&mut p.team.target_loans_per_am)),
    row("team.cost_cny_per_paid_hour", "c_h, fully loaded cost of a paid AM hour", Real, closed(0.0, 1e5), Unit::CnyPerHour, Number(150.0),
        |p, _| num(p.team.cost_cny_per_paid_hour), |p, _| slot(&mut p.team.cost_cny_per_paid_hour)),
    row("team.init_loans_per_am", "A_init of a steady start", Real, closed(0.0, 1000.0), Unit::LoansPerAm, Auto("A_target"),
        |p, _| optional(p.team.init_loans_per_am), |p, _| optional_slot(&mut p.team.init_loans_per_am)),
    row("run.runs", "R, Monte Carlo runs", Whole, closed(10.0, 10_000.0), Unit::Runs, Number(500.0),
        |p, _| num(p.run.runs), |p, _| slot(&mut p.run.runs)),

    // ── activity hours ──
    row("activity_hours.investigation.{tier}", "t_inv, hours to investigate an application", Real, closed(0.25, 16.0), Unit::HoursPerCase, Tiers([2.0, 2.5, 3.0]),
        |p, at| num(p.activity_hours.investigation[at.tier]), |p, at| slot(&mut p.activity_hours.investigation[at.tier])),
    row("activity_hours.form", "t_form, hours of forms per application", Real, closed(0.25, 8.0), Unit::HoursPerCase, Number(1.5),
        |p, _| num(p.activity_hours.form), |p, _| slot(&mut p.activity_hours.form)),
    row("activity_hours.approval", "t_appr, approval pack, contract and disbursement", Real, closed(0.0, 8.0), Unit::HoursPerCase, Number(1.0),
        |p, _| num(p.activity_hours.approval), |p, _| slot(&mut p.activity_hours.approval)),
    row("activity_hours.renewal", "t_ren, renewal re-underwriting", Real, closed(0.0, 16.0), Unit::HoursPerCase, Number(1.5),
        |p, _| num(p.activity_hours.renewal), |p, _| slot(&mut p.activity_hours.renewal)),
    row("activity_hours.monitoring_per_loan.{tier}", "m_k, monitoring of a performing loan", Real, closed(0.0, 2.0), Unit::HoursPerLoanWeek, Tiers([0.07, 0.10, 0.14]),
        |p, at| num(p.activity_hours.monitoring_per_loan[at.tier]), |p, at| slot(&mut p.activity_hours.monitoring_per_loan[at.tier])),
    row("activity_hours.collection_per_past_due", "t_col, collection of a past-due loan", Real, closed(0.0, 20.0), Unit::HoursPerPastDueWeek, Number(1.5),
        |p, _| num(p.activity_hours.collection_per_past_due), |p, _| slot(&mut p.activity_hours.collection_per_past_due)),

    // ── channels ──
    row("channels.{channel}.leads_per_hour", "a_c, prospects per hour at the first hour", Real, closed(0.0, 20.0), Unit::ProspectsPerHour, Channels([0.50, 0.35, 0.30, 0.70, 0.85, 0.20, 0.42, 0.70, 0.50]),
        |p, at| num(p.channels[at.channel].leads_per_hour), |p, at| slot(&mut p.channels[at.channel].leads_per_hour)),
    row("channels.{channel}.saturation_hours", "s_c, hours at which the territory saturates", Real, above(0.0, 80.0), Unit::HoursPerAmWeek, Channels(SATURATION),
        |p, at| num(p.channels[at.channel].saturation_hours), |p, at| slot(&mut p.channels[at.channel].saturation_hours)),
    row("channels.{channel}.mix.{tier}", "q_c, tier mix of the prospects", Share, UNIT, Unit::Share, ChannelTiers([
            [0.10, 0.50, 0.40], [0.05, 0.45, 0.50], [0.05, 0.40, 0.55], [0.05, 0.35, 0.60], [0.08, 0.45, 0.47],
            [0.10, 0.40, 0.50], [0.25, 0.55, 0.20], [0.15, 0.55, 0.30], [0.20, 0.55, 0.25]]),
        |p, at| num(p.channels[at.channel].mix[at.tier]), |p, at| slot(&mut p.channels[at.channel].mix[at.tier])),
    row("channels.{channel}.cash_cny_per_hour", "e_c, cash spent per prospecting hour", Real, closed(0.0, 1e5), Unit::CnyPerHour, Channels([10.0, 5.0, 30.0, 20.0, 400.0, 0.0, 0.0, 50.0, 0.0]),
        |p, at| num(p.channels[at.channel].cash_cny_per_hour), |p, at| slot(&mut p.channels[at.channel].cash_cny_per_hour)),
    row("channels.{channel}.hour_share", "σ_c, share of prospecting hours (all channels sum to 1)", Share, UNIT, Unit::Share, Channels([0.30, 0.10, 0.05, 0.05, 0.0, 0.05, 0.20, 0.10, 0.15]),
        |p, at| num(p.channels[at.channel].hour_share), |p, at| slot(&mut p.channels[at.channel].hour_share)),

    // ── pipeline ──
    row("pipeline.contacted.advance_per_week", "λ_C, contacted → interested", Probability, UNIT, Unit::PerWeek, Number(0.25),
        |p, _| num(p.pipeline.contacted.advance_per_week), |p, _| slot(&mut p.pipeline.contacted.advance_per_week)),
    row("pipeline.contacted.lost_per_week", "δ_C, contacted → lost", Probability, UNIT, Unit::PerWeek, Number(0.35),
        |p, _| num(p.pipeline.contacted.lost_per_week), |p, _| slot(&mut p.pipeline.contacted.lost_per_week)),
    row("pipeline.interested.advance_per_week", "λ_L, interested → application", Probability, UNIT, Unit::PerWeek, Number(0.50),
        |p, _| num(p.pipeline.interested.advance_per_week), |p, _| slot(&mut p.pipeline.interested.advance_per_week)),
    row("pipeline.interested.lost_per_week", "δ_L, interested → lost", Probability, UNIT, Unit::PerWeek, Number(0.15),
        |p, _| num(p.pipeline.interested.lost_per_week), |p, _| slot(&mut p.pipeline.interested.lost_per_week)),
    row("pipeline.renege_per_week", "δ_Q, waiting applications withdrawn", Probability, below(0.0, 1.0), Unit::PerWeek, Number(0.10),
        |p, _| num(p.pipeline.renege_per_week), |p, _| slot(&mut p.pipeline.renege_per_week)),
    row("pipeline.queue_max_weeks", "W_max, weeks an application waits before it times out", Whole, closed(1.0, MAX_QUEUE_WEEKS as f64), Unit::Weeks, Number(4.0),
        |p, _| num(p.pipeline.queue_max_weeks), |p, _| slot(&mut p.pipeline.queue_max_weeks)),
    row("pipeline.approval_prob.{tier}", "p_k, approval probability", Probability, UNIT, Unit::Share, Tiers([0.92, 0.80, 0.50]),
        |p, at| num(p.pipeline.approval_prob[at.tier]), |p, at| slot(&mut p.pipeline.approval_prob[at.tier])),
    row("pipeline.inbound_per_am_week", "b_in, walk-ins per AM-week", Real, closed(0.0, 50.0), Unit::LeadsPerAmWeek, Number(0.3),
        |p, _| num(p.pipeline.inbound_per_am_week), |p, _| slot(&mut p.pipeline.inbound_per_am_week)),
    row("pipeline.inbound_mix.{tier}", "q_in, tier mix of walk-ins", Share, UNIT, Unit::Share, Tiers([0.10, 0.45, 0.45]),
        |p, at| num(p.pipeline.inbound_mix[at.tier]), |p, at| slot(&mut p.pipeline.inbound_mix[at.tier])),

    // ── referrals ──
    row("referrals.network_size", "ν, potential customers around each customer", Real, closed(1.0, 10_000.0), Unit::People, Number(150.0),
        |p, _| num(p.referrals.network_size), |p, _| slot(&mut p.referrals.network_size)),
    row("referrals.network_need_per_year", "μ_net, share of the network needing a loan in a year", Probability, UNIT, Unit::PerYear, Number(0.10),
        |p, _| num(p.referrals.network_need_per_year), |p, _| slot(&mut p.referrals.network_need_per_year)),
    row("referrals.introduce_prob.{tier}", "ι_k, a satisfied customer introduces a contact", Probability, UNIT, Unit::Share, Tiers([0.03, 0.02, 0.01]),
        |p, at| num(p.referrals.introduce_prob[at.tier]), |p, at| slot(&mut p.referrals.introduce_prob[at.tier])),
    row("referrals.realise_per_week", "λ_R, an introduction is realised", Probability, UNIT, Unit::PerWeek, Number(0.25),
        |p, _| num(p.referrals.realise_per_week), |p, _| slot(&mut p.referrals.realise_per_week)),
    row("referrals.lapse_per_week", "δ_R, an introduction lapses", Probability, UNIT, Unit::PerWeek, Number(0.05),
        |p, _| num(p.referrals.lapse_per_week), |p, _| slot(&mut p.referrals.lapse_per_week)),
    row("referrals.homophily.{tier}.{to}", "Hm, tier of the contacts a tier's customers introduce (rows sum to 1)", Share, UNIT, Unit::Share, Matrix([[0.45, 0.45, 0.10], [0.10, 0.60, 0.30], [0.05, 0.45, 0.50]]),
        |p, at| num(p.referrals.homophily[at.tier][at.to]), |p, at| slot(&mut p.referrals.homophily[at.tier][at.to])),

    // ── loans ──
    row("loans.terms[{i}].weeks", "T_j, term in weeks (distinct)", Whole, closed(1.0, 104.0), Unit::Weeks, Entries(&[13.0, 26.0, 39.0, 52.0]),
        |p, at| num(p.loans.terms.get(at.index)?.weeks), |p, at| slot(&mut p.loans.terms.get_mut(at.index)?.weeks)),
    row("loans.terms[{i}].weight", "w_j, share of loans written with the term (sum to 1)", Share, UNIT, Unit::Share, Entries(&[0.15, 0.35, 0.20, 0.30]),
        |p, at| num(p.loans.terms.get(at.index)?.weight), |p, at| slot(&mut p.loans.terms.get_mut(at.index)?.weight)),
    row("loans.amount_cny.{tier}", "loan amount", Real, above(0.0, 1e8), Unit::Cny, Tiers([300_000.0, 150_000.0, 60_000.0]),
        |p, at| num(p.loans.amount_cny[at.tier]), |p, at| slot(&mut p.loans.amount_cny[at.tier])),
    row("loans.nim_per_year.{tier}", "annual net interest margin", Real, closed(-0.1, 0.5), Unit::PerYear, Tiers([0.04, 0.06, 0.08]),
        |p, at| num(p.loans.nim_per_year[at.tier]), |p, at| slot(&mut p.loans.nim_per_year[at.tier])),
    row("loans.renewal_prob.{tier}", "ρ_k, a maturing customer asks to renew", Probability, UNIT, Unit::Share, Tiers([0.75, 0.65, 0.45]),
        |p, at| num(p.loans.renewal_prob[at.tier]), |p, at| slot(&mut p.loans.renewal_prob[at.tier])),
    row("loans.migration.{tier}.{to}", "G, tier of a renewing customer (rows sum to 1)", Share, UNIT, Unit::Share, Matrix([[0.95, 0.05, 0.0], [0.03, 0.93, 0.04], [0.0, 0.20, 0.80]]),
        |p, at| num(p.loans.migration[at.tier][at.to]), |p, at| slot(&mut p.loans.migration[at.tier][at.to])),
    row("loans.default_per_week.{tier}", "d_k, weekly hazard of entering 30+ days past due", Probability, closed(0.0, 0.2), Unit::PerWeek, Tiers([0.0004, 0.0015, 0.0045]),
        |p, at| num(p.loans.default_per_week[at.tier]), |p, at| slot(&mut p.loans.default_per_week[at.tier])),
    row("loans.cure_per_week", "κ_c, a past-due loan cures and closes", Probability, UNIT, Unit::PerWeek, Number(0.10),
        |p, _| num(p.loans.cure_per_week), |p, _| slot(&mut p.loans.cure_per_week)),
    row("loans.write_off_per_week", "κ_w, a past-due loan is written off", Probability, UNIT, Unit::PerWeek, Number(0.05),
        |p, _| num(p.loans.write_off_per_week), |p, _| slot(&mut p.loans.write_off_per_week)),
    row("loans.loss_given_default", "LGD, share of a written-off exposure lost", Probability, UNIT, Unit::Share, Number(0.6),
        |p, _| num(p.loans.loss_given_default), |p, _| slot(&mut p.loans.loss_given_default)),
    row("loans.monitoring_penalty", "γ_M, default uplift per unit of unserved monitoring", Real, closed(0.0, 10.0), Unit::Factor, Number(1.0),
        |p, _| num(p.loans.monitoring_penalty), |p, _| slot(&mut p.loans.monitoring_penalty)),

    // ── calendar ──
    row("calendar.spring_festival_week", "china_default: week of the Spring Festival", Whole, closed(1.0, 52.0), Unit::WeekOfYear, Number(6.0),
        |p, _| match p.calendar { Calendar::ChinaDefault { spring_festival_week, .. } => num(spring_festival_week), _ => None },
        |p, _| match &mut p.calendar { Calendar::ChinaDefault { spring_festival_week, .. } => slot(spring_festival_week), _ => None }),
    row("calendar.mid_autumn_week", "china_default: week of the Mid-Autumn festival", Whole, closed(1.0, 52.0), Unit::WeekOfYear, Number(38.0),
        |p, _| match p.calendar { Calendar::ChinaDefault { mid_autumn_week, .. } => num(mid_autumn_week), _ => None },
        |p, _| match &mut p.calendar { Calendar::ChinaDefault { mid_autumn_week, .. } => slot(mid_autumn_week), _ => None }),
    row("calendar.holidays[{i}].week", "custom: week of the year of the holiday", Whole, closed(1.0, 52.0), Unit::WeekOfYear, Required,
        |p, at| num(holiday(p, at)?.week), |p, at| slot(&mut holiday_mut(p, at)?.week)),
    row("calendar.holidays[{i}].pre_weeks", "custom: weeks before it with pre_demand", Whole, closed(0.0, 51.0), Unit::Weeks, Number(0.0),
        |p, at| num(holiday(p, at)?.pre_weeks), |p, at| slot(&mut holiday_mut(p, at)?.pre_weeks)),
    row("calendar.holidays[{i}].post_weeks", "custom: weeks after it with post_demand and post_availability", Whole, closed(0.0, 51.0), Unit::Weeks, Number(0.0),
        |p, at| num(holiday(p, at)?.post_weeks), |p, at| slot(&mut holiday_mut(p, at)?.post_weeks)),
    row("calendar.holidays[{i}].pre_demand", "custom: demand multiplier before it", Real, closed(0.0, 10.0), Unit::Multiplier, Number(1.0),
        |p, at| num(holiday(p, at)?.pre_demand), |p, at| slot(&mut holiday_mut(p, at)?.pre_demand)),
    row("calendar.holidays[{i}].demand", "custom: demand multiplier in its week", Real, closed(0.0, 10.0), Unit::Multiplier, Number(1.0),
        |p, at| num(holiday(p, at)?.demand), |p, at| slot(&mut holiday_mut(p, at)?.demand)),
    row("calendar.holidays[{i}].post_demand", "custom: demand multiplier after it", Real, closed(0.0, 10.0), Unit::Multiplier, Number(1.0),
        |p, at| num(holiday(p, at)?.post_demand), |p, at| slot(&mut holiday_mut(p, at)?.post_demand)),
    row("calendar.holidays[{i}].availability", "custom: availability multiplier in its week", Probability, UNIT, Unit::Multiplier, Number(1.0),
        |p, at| num(holiday(p, at)?.availability), |p, at| slot(&mut holiday_mut(p, at)?.availability)),
    row("calendar.holidays[{i}].post_availability", "custom: availability multiplier after it", Probability, UNIT, Unit::Multiplier, Number(1.0),
        |p, at| num(holiday(p, at)?.post_availability), |p, at| slot(&mut holiday_mut(p, at)?.post_availability)),
    row("calendar.demand[{i}]", "weekly: demand multiplier of week i + 1 (52 values)", Real, closed(0.0, 10.0), Unit::Multiplier, Required,
        |p, at| match &p.calendar { Calendar::Weekly { demand, .. } => num(*demand.get(at.index)?), _ => None },
        |p, at| match &mut p.calendar { Calendar::Weekly { demand, .. } => slot(demand.get_mut(at.index)?), _ => None }),
    row("calendar.availability[{i}]", "weekly: availability multiplier of week i + 1 (52 values)", Probability, UNIT, Unit::Multiplier, Required,
        |p, at| match &p.calendar { Calendar::Weekly { availability, .. } => num(*availability.get(at.index)?), _ => None },
        |p, at| match &mut p.calendar { Calendar::Weekly { availability, .. } => slot(availability.get_mut(at.index)?), _ => None }),

    // ── shocks (and interventions) ──
    row("shocks[{i}].start", "t, first simulation week (0-based; before T)", Whole, at_least(0.0), Unit::SimWeek, Required,
        |p, at| num(change(p, at)?.start), |p, at| slot(&mut change_mut(p, at)?.start)),
    row("shocks[{i}].duration_weeks", "weeks the change lasts", Whole, at_least(1.0), Unit::Weeks, Required,
        |p, at| num(change(p, at)?.duration_weeks), |p, at| slot(&mut change_mut(p, at)?.duration_weeks)).with(Extra::TooShort),
    row("shocks[{i}].apps_per_am", "burst: applications per AM-week, straight into the queue", Real, above(0.0, 100.0), Unit::AppsPerAmWeek, Required,
        |p, at| match change(p, at)?.kind { ShockKind::Burst { apps_per_am, .. } => num(apps_per_am), _ => None },
        |p, at| match &mut change_mut(p, at)?.kind { ShockKind::Burst { apps_per_am, .. } => slot(apps_per_am), _ => None }),
    row("shocks[{i}].mix.{tier}", "burst: tier mix of the applications (sums to 1)", Share, UNIT, Unit::Share, Auto("the steady application mix"),
        |p, at| match change(p, at)?.kind { ShockKind::Burst { mix: Some(mix), .. } => num(mix[at.tier]), _ => None },
        |p, at| match &mut change_mut(p, at)?.kind { ShockKind::Burst { mix: Some(mix), .. } => slot(&mut mix[at.tier]), _ => None }),
    row("shocks[{i}].mult", "demand: multiplier of channel yields, inbound and referrals", Real, closed(0.0, 10.0), Unit::Multiplier, Required,
        |p, at| match change(p, at)?.kind { ShockKind::Demand { mult, .. } => num(mult), _ => None },
        |p, at| match &mut change_mut(p, at)?.kind { ShockKind::Demand { mult, .. } => slot(mult), _ => None }),
    row("shocks[{i}].frac", "capacity: share of the team's hours lost", Probability, UNIT, Unit::ShareOfHours, Required,
        |p, at| match change(p, at)?.kind { ShockKind::Capacity { frac } => num(frac), _ => None },
        |p, at| match &mut change_mut(p, at)?.kind { ShockKind::Capacity { frac } => slot(frac), _ => None }),
    row("shocks[{i}].mult", "credit: multiplier of default hazards", Real, closed(0.0, 50.0), Unit::Multiplier, Required,
        |p, at| match change(p, at)?.kind { ShockKind::Credit { mult } => num(mult), _ => None },
        |p, at| match &mut change_mut(p, at)?.kind { ShockKind::Credit { mult } => slot(mult), _ => None }),
    row("shocks[{i}].hours", "prospecting set or floor: hours per AM-week", Real, HOURS, Unit::HoursPerAmWeek, Required,
        |p, at| match change(p, at)?.kind { ShockKind::Prospecting { change: c } => c.hours().and_then(num), _ => None },
        |p, at| match &mut change_mut(p, at)?.kind {
            ShockKind::Prospecting { change: ProspectingChange::Set { hours } | ProspectingChange::Floor { hours } } => slot(hours),
            _ => None,
        }),
    row("shocks[{i}].shares.{channel}", "channel_mix: share of prospecting hours (all nine sum to 1)", Share, UNIT, Unit::Share, Required,
        |p, at| match change(p, at)?.kind { ShockKind::ChannelMix { shares } => num(shares[at.channel]), _ => None },
        |p, at| match &mut change_mut(p, at)?.kind { ShockKind::ChannelMix { shares } => slot(&mut shares[at.channel]), _ => None }),
    row("shocks[{i}].ams_delta", "team: account managers added (negative: removed)", Whole, closed(-199.0, 199.0), Unit::Ams, Required,
        |p, at| match change(p, at)?.kind { ShockKind::Team { ams_delta } => num(ams_delta), _ => None },
        |p, at| match &mut change_mut(p, at)?.kind { ShockKind::Team { ams_delta } => slot(ams_delta), _ => None }).with(Extra::TeamSize),

    // ── policy ──
    row("policy.fixed_hours", "(a) h_fix, prospecting hours every week", Real, HOURS, Unit::HoursPerAmWeek, Auto("h*"),
        |p, _| hours(p.policy.fixed_hours), |p, _| hours_slot(&mut p.policy.fixed_hours)),
    row("policy.floor_hours", "(b) h_floor, prospecting hours kept however busy", Real, HOURS, Unit::HoursPerAmWeek, Number(0.0),
        |p, _| hours(p.policy.floor_hours), |p, _| hours_slot(&mut p.policy.floor_hours)),
    row("policy.cap_hours", "(b) h_cap, most prospecting hours when not busy", Real, HOURS, Unit::HoursPerAmWeek, Auto("h*"),
        |p, _| hours(p.policy.cap_hours), |p, _| hours_slot(&mut p.policy.cap_hours)),
    row("policy.min_hours", "(c) h_lo, fewest prospecting hours", Real, HOURS, Unit::HoursPerAmWeek, Number(0.0),
        |p, _| hours(p.policy.min_hours), |p, _| hours_slot(&mut p.policy.min_hours)),
    row("policy.max_hours", "(c) h_hi, most prospecting hours", Real, HOURS, Unit::HoursPerAmWeek, FullWeek,
        |p, _| hours(p.policy.max_hours), |p, _| hours_slot(&mut p.policy.max_hours)),
    row("policy.coverage_weeks", "(c) X, target pipeline coverage in weeks of applications", Real, above(0.0, 52.0), Unit::Weeks, Auto("the natural coverage at h*"),
        |p, _| optional(p.policy.coverage_weeks), |p, _| optional_slot(&mut p.policy.coverage_weeks)),
    row("policy.gain", "(c) g, controller gain", Real, above(0.0, 1.0), Unit::Factor, Number(0.25),
        |p, _| num(p.policy.gain), |p, _| slot(&mut p.policy.gain)),

    // ── fault metrics ──
    row("fault.window_start", "t_s, first week of the fault window (before T)", Whole, at_least(0.0), Unit::SimWeek, Auto("the first shock's start"),
        |p, _| optional(p.fault.window_start), |p, _| optional_slot(&mut p.fault.window_start)),
    row("fault.window_end", "t_e, end of the fault window (exclusive; after t_s, at most T)", Whole, at_least(1.0), Unit::SimWeek, Auto("min(T, t_s + 52)"),
        |p, _| optional(p.fault.window_end), |p, _| optional_slot(&mut p.fault.window_end)),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn every_list(_: List) -> bool {
        true
    }

    #[test]
    fn every_default_is_the_default_scenario() {
        let p = Params::default();
        let mut seen = 0;
        for step in walk(&p, every_list) {
            if let Step::Param { spec, at, value } = step {
                assert!(
                    spec.default.is(at, value),
                    "{}: default {:?}, Params::default() has {value:?}",
                    spec.path_at(at),
                    spec.default
                );
                seen += 1;
            }
        }
        // Every instance of the default scenario: rows without lists, tier tables and channels.
        assert!(seen > 150, "{seen}");
        // The default term list has exactly the spec's entries.
        for spec in SPEC.iter().filter(|s| s.path.starts_with("loans.terms")) {
            let DefaultValue::Entries(list) = spec.default else {
                panic!("{} has no default list", spec.path);
            };
            assert_eq!(list.len(), p.loans.terms.len(), "{}", spec.path);
        }
    }

    #[test]
    fn patterns_are_found_again_from_their_paths() {
        let mut p = Params::default();
        p.interventions.push(Shock {
            start: 2.0,
            duration_weeks: 3.0,
            kind: ShockKind::Credit { mult: 2.0 },
        });
        p.shocks.push(Shock {
            start: 2.0,
            duration_weeks: 3.0,
            kind: ShockKind::Demand {
                mult: 2.0,
                flows: None,
            },
        });
        for step in walk(&p, every_list) {
            if let Step::Param { spec, at, .. } = step {
                let path = spec.path_at(at);
                let (found, found_at) = find(&path, &p).expect("found");
                assert!(std::ptr::eq(found, spec), "{path}: {}", found.path);
                assert_eq!(found_at, at, "{path}");
            }
        }
        let (credit, _) = find("interventions[0].mult", &p).expect("found");
        assert_eq!(credit.range, closed(0.0, 50.0));
        let (demand, _) = find("shocks[0].mult", &p).expect("found");
        assert_eq!(demand.range, closed(0.0, 10.0));
        assert!(find("team.amz", &p).is_none());
        assert!(find("channels.nowhere.hour_share", &p).is_none());
    }

    #[test]
    fn an_end_that_reads_an_invalid_h_is_not_known() {
        let mut p = Params::default();
        let fixed = entry("policy.fixed_hours").expect("row");
        assert_eq!(fixed.range.text(&p), "[0, 40]");
        assert!(!fixed.admits(41.0, &p));
        p.team.hours_per_week = f64::NAN;
        assert_eq!(fixed.range.text(&p), "[0, H]");
        assert!(fixed.admits(41.0, &p));
        assert!(!fixed.admits(-1.0, &p));
        assert_eq!(
            fixed.bounds(&p).1,
            Bound {
                value: 80.0,
                open: false
            },
            "the page shows the widest H"
        );
    }

    #[test]
    fn a_team_change_keeps_the_team_in_range() {
        let mut p = Params::default();
        let delta = entry("shocks[{i}].ams_delta").expect("row");
        assert_eq!(delta.team_range(&p), Some((-5.0, 194.0)));
        assert!(delta.admits(-5.0, &p) && !delta.admits(-6.0, &p));
        assert!(!delta.admits(1.5, &p));
        p.team.ams = 0.0;
        assert_eq!(delta.team_range(&p), None, "N is not valid");
        assert!(delta.admits(-6.0, &p));
        assert!(!delta.admits(-200.0, &p));
    }

    #[test]
    fn probabilities_and_shares_lie_in_zero_to_one() {
        let p = Params::default();
        for spec in SPEC {
            if matches!(spec.kind, Kind::Probability | Kind::Share) {
                let (lo, hi) = spec.bounds(&p);
                assert!(lo.value >= 0.0 && hi.value <= 1.0, "{}", spec.path);
            }
        }
    }
}
