//! Version 4 of the scenario file: the serde types and their explicit conversion to `Params`.
//! Version 2 added the optional `plan` section (the plan goal), version 3 the optional `actuals`
//! section (the team's weekly figures, issue 18), version 4 the optional `sources` list (where
//! values fitted from the team's own data came from, issue 17); older files upgrade unchanged.
//!
//! Field names are the JSON paths that validation errors use, and they match `engine::Params`
//! group by group. Any group or field may be left out and takes its default (MODEL.md section 3),
//! except inside a list entry, a channel entry or a per-tier map, which come whole. Kind-specific
//! fields of a shock or a calendar are optional in the types and checked in the conversion, so
//! every error can name the exact field.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::engine::actuals::{Actuals, WeekActuals};
use crate::engine::goal::{MixChoice, Objective, PlanGoal, TargetPath};
use crate::engine::params::{
    ActivityHours, Amortisation, BaselineKind, Calendar, Channel, ChannelId, CustomBook, Entry,
    ExitRates, FaultSettings, Flow, Holiday, Hours, InitialBook, Loans, Mode, ParamSource, Params,
    Pipeline, Policy, PolicyKind, ProspectingChange, QueueOrder, Referrals, RunSettings, Shock,
    ShockKind, Team, TermClass, TierValues, CHANNELS,
};
use crate::engine::validate::{ParamError, ParamValue, Rule};

/// The format version this build reads and writes.
pub const VERSION: u32 = 4;

/// A whole scenario file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioFile {
    pub version: u32,
    #[serde(default)]
    pub team: TeamFile,
    #[serde(default)]
    pub run: RunFile,
    #[serde(default)]
    pub activity_hours: ActivityHoursFile,
    #[serde(default)]
    pub channels: ChannelsFile,
    #[serde(default)]
    pub pipeline: PipelineFile,
    #[serde(default)]
    pub referrals: ReferralsFile,
    #[serde(default)]
    pub loans: LoansFile,
    #[serde(default)]
    pub calendar: CalendarFile,
    #[serde(default)]
    pub shocks: Vec<ShockFile>,
    /// Trainer mode's decision log: timed changes shaped like shocks, kept apart from them.
    /// Written only when there are any, so files without decisions stay as they were.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interventions: Vec<ShockFile>,
    #[serde(default)]
    pub policy: PolicyFile,
    #[serde(default)]
    pub fault: FaultFile,
    /// The plan goal, when the scenario carries one. Written only then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanFile>,
    /// The team's actual weekly figures (version 3). Written only when there are any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actuals: Vec<ActualsWeekFile>,
    /// Where fitted values came from (version 4). Written only when there are any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceFile>,
}

/// One fitted value's source: the parameter's path, the value it was given, the file, the day
/// it was fitted, the count it rests on and its 90 % interval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceFile {
    pub path: String,
    pub value: f64,
    pub file: String,
    pub fitted_on: String,
    pub n: f64,
    pub low: f64,
    pub high: f64,
}

impl From<&ParamSource> for SourceFile {
    fn from(s: &ParamSource) -> Self {
        SourceFile {
            path: s.path.clone(),
            value: s.value,
            file: s.file.clone(),
            fitted_on: s.fitted_on.clone(),
            n: s.n,
            low: s.low,
            high: s.high,
        }
    }
}

impl From<&SourceFile> for ParamSource {
    fn from(s: &SourceFile) -> Self {
        ParamSource {
            path: s.path.clone(),
            value: s.value,
            file: s.file.clone(),
            fitted_on: s.fitted_on.clone(),
            n: s.n,
            low: s.low,
            high: s.high,
        }
    }
}

/// The sources section, checked: each path names a parameter, each date is a date; a source
/// whose parameter no longer has its value (the file edited by hand) is dropped.
fn sources_of(
    sources: &[SourceFile],
    params: &Params,
    problems: &mut Problems,
) -> Vec<ParamSource> {
    let mut kept = Vec::new();
    for (i, s) in sources.iter().enumerate() {
        if crate::engine::spec::find(&s.path, params).is_none() {
            problems.0.push(ParamError {
                param: format!("sources[{i}].path"),
                value: ParamValue::Text(s.path.clone()),
                rule: Rule::UnknownField,
                message: "names no parameter of the scenario".to_owned(),
            });
            continue;
        }
        if chrono::NaiveDate::parse_from_str(&s.fitted_on, "%Y-%m-%d").is_err() {
            problems.0.push(ParamError {
                param: format!("sources[{i}].fitted_on"),
                value: ParamValue::Text(s.fitted_on.clone()),
                rule: Rule::InvalidType,
                message: "expected a date (YYYY-MM-DD)".to_owned(),
            });
            continue;
        }
        let source = ParamSource::from(s);
        if super::sources::holds(&source, params) {
            kept.push(source);
        }
    }
    kept
}

/// One reported week of actuals: the simulation week and the figures counted (team totals;
/// prospecting hours per AM), each left out when not reported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActualsWeekFile {
    pub week: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_loans: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applications: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approvals: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prospecting_hours: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leads: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_loans: Option<f64>,
}

impl From<&WeekActuals> for ActualsWeekFile {
    fn from(w: &WeekActuals) -> Self {
        ActualsWeekFile {
            week: w.week,
            new_loans: w.new_loans,
            applications: w.applications,
            approvals: w.approvals,
            prospecting_hours: w.prospecting_hours_per_am(),
            leads: w.leads,
            active_loans: w.active_loans,
        }
    }
}

impl From<&ActualsWeekFile> for WeekActuals {
    fn from(w: &ActualsWeekFile) -> Self {
        WeekActuals {
            week: w.week,
            new_loans: w.new_loans,
            applications: w.applications,
            approvals: w.approvals,
            prospecting_hours: w.prospecting_hours,
            prospecting_hours_by_channel: None,
            leads: w.leads,
            active_loans: w.active_loans,
        }
    }
}

/// The actuals section's weeks, checked (order, horizon, figures): each problem at its path
/// (`actuals[2].leads`). A refused section is kept out of the parameters.
fn actuals_of(weeks: &[ActualsWeekFile], team: &Team, problems: &mut Problems) -> Vec<WeekActuals> {
    let weeks: Vec<WeekActuals> = weeks.iter().map(WeekActuals::from).collect();
    // The horizon is checked by validation; an out-of-range one reads as the longest.
    let horizon = if team.horizon_weeks.is_finite() && team.horizon_weeks >= 1.0 {
        // A whole number of weeks, checked by validation.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let whole = team.horizon_weeks as usize;
        whole
    } else {
        usize::MAX
    };
    match Actuals::new(weeks, horizon) {
        Ok(actuals) => actuals.weeks().to_vec(),
        Err(errors) => {
            for e in errors {
                problems.0.push(ParamError {
                    param: format!("actuals[{}].{}", e.row - 1, e.column),
                    value: ParamValue::Text(String::new()),
                    rule: Rule::OutOfRange,
                    message: super::actuals::problem_words(
                        &e.problem,
                        &e.column,
                        crate::i18n::Lang::En,
                    ),
                });
            }
            Vec::new()
        }
    }
}

/// A value per tier.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierFile {
    pub prime: f64,
    pub standard: f64,
    pub marginal: f64,
}

impl From<TierValues> for TierFile {
    fn from(v: TierValues) -> Self {
        TierFile {
            prime: v[0],
            standard: v[1],
            marginal: v[2],
        }
    }
}

impl From<TierFile> for TierValues {
    fn from(v: TierFile) -> Self {
        [v.prime, v.standard, v.marginal]
    }
}

/// A 3×3 matrix as one tier map per row (homophily, migration).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierMatrixFile {
    pub prime: TierFile,
    pub standard: TierFile,
    pub marginal: TierFile,
}

impl From<[TierValues; 3]> for TierMatrixFile {
    fn from(m: [TierValues; 3]) -> Self {
        TierMatrixFile {
            prime: m[0].into(),
            standard: m[1].into(),
            marginal: m[2].into(),
        }
    }
}

impl From<TierMatrixFile> for [TierValues; 3] {
    fn from(m: TierMatrixFile) -> Self {
        [m.prime.into(), m.standard.into(), m.marginal.into()]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InitFile {
    Steady,
    Empty,
    Custom,
}

/// `team.initial_book` (issue 17): the book at week 0 for `init = "custom"`, as `cadence book`
/// writes it from a team's own loans. `active.<tier>[j][r-1]` counts the performing loans of term
/// class j (the order of `loans.terms`) with r weeks to run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InitialBookFile {
    pub active: ActiveBookFile,
    pub past_due: TierFile,
    pub past_due_balance_cny: TierFile,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActiveBookFile {
    pub prime: Vec<Vec<f64>>,
    pub standard: Vec<Vec<f64>>,
    pub marginal: Vec<Vec<f64>>,
}

impl From<&CustomBook> for InitialBookFile {
    fn from(book: &CustomBook) -> Self {
        let [prime, standard, marginal] = book.active.clone();
        InitialBookFile {
            active: ActiveBookFile {
                prime,
                standard,
                marginal,
            },
            past_due: book.past_due.into(),
            past_due_balance_cny: book.past_due_balance_cny.into(),
        }
    }
}

impl From<&InitialBookFile> for CustomBook {
    fn from(file: &InitialBookFile) -> Self {
        let active = &file.active;
        CustomBook {
            active: [
                active.prime.clone(),
                active.standard.clone(),
                active.marginal.clone(),
            ],
            past_due: file.past_due.into(),
            past_due_balance_cny: file.past_due_balance_cny.into(),
            pipeline: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TeamFile {
    pub ams: f64,
    pub hours_per_week: f64,
    pub horizon_weeks: f64,
    pub start_week: f64,
    pub target_loans_per_am: f64,
    pub cost_cny_per_paid_hour: f64,
    pub init: InitFile,
    pub init_loans_per_am: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub initial_book: Option<InitialBookFile>,
}

impl Default for TeamFile {
    fn default() -> Self {
        ScenarioFile::from(&Params::default()).team
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModeFile {
    Ev,
    Mc,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RunFile {
    pub mode: ModeFile,
    pub runs: f64,
    pub seed: u64,
}

impl Default for RunFile {
    fn default() -> Self {
        ScenarioFile::from(&Params::default()).run
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ActivityHoursFile {
    pub investigation: TierFile,
    pub form: f64,
    pub approval: f64,
    pub renewal: f64,
    pub monitoring_per_loan: TierFile,
    pub collection_per_past_due: f64,
}

impl Default for ActivityHoursFile {
    fn default() -> Self {
        ScenarioFile::from(&Params::default()).activity_hours
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryFile {
    Contacted,
    Interested,
}

/// One channel; all fields are required when the channel is given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelFile {
    pub leads_per_hour: f64,
    pub saturation_hours: f64,
    pub mix: TierFile,
    pub entry: EntryFile,
    pub cash_cny_per_hour: f64,
    pub hour_share: f64,
}

/// The nine channels keyed by their stable ids.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ChannelsFile {
    pub cold_visit: ChannelFile,
    pub phone_sms: ChannelFile,
    pub flyer: ChannelFile,
    pub online_post: ChannelFile,
    pub media: ChannelFile,
    pub peer_broker: ChannelFile,
    pub supply_chain: ChannelFile,
    pub event: ChannelFile,
    pub association: ChannelFile,
}

impl Default for ChannelsFile {
    fn default() -> Self {
        ScenarioFile::from(&Params::default()).channels
    }
}

impl ChannelsFile {
    fn in_order(&self) -> [&ChannelFile; 9] {
        [
            &self.cold_visit,
            &self.phone_sms,
            &self.flyer,
            &self.online_post,
            &self.media,
            &self.peer_broker,
            &self.supply_chain,
            &self.event,
            &self.association,
        ]
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExitFile {
    pub advance_per_week: f64,
    pub lost_per_week: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QueueOrderFile {
    Fifo,
    QualityFirst,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PipelineFile {
    pub contacted: ExitFile,
    pub interested: ExitFile,
    pub renege_per_week: f64,
    pub queue_max_weeks: f64,
    pub approval_prob: TierFile,
    pub queue_order: QueueOrderFile,
    pub inbound_per_am_week: f64,
    pub inbound_mix: TierFile,
}

impl Default for PipelineFile {
    fn default() -> Self {
        ScenarioFile::from(&Params::default()).pipeline
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReferralsFile {
    pub network_size: f64,
    pub network_need_per_year: f64,
    pub introduce_prob: TierFile,
    pub realise_per_week: f64,
    pub lapse_per_week: f64,
    pub homophily: TierMatrixFile,
}

impl Default for ReferralsFile {
    fn default() -> Self {
        ScenarioFile::from(&Params::default()).referrals
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermFile {
    pub weeks: f64,
    pub weight: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AmortisationFile {
    EqualPrincipal,
    Bullet,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LoansFile {
    pub terms: Vec<TermFile>,
    pub amount_cny: TierFile,
    pub amortisation: AmortisationFile,
    pub nim_per_year: TierFile,
    pub renewal_prob: TierFile,
    pub migration: TierMatrixFile,
    pub default_per_week: TierFile,
    pub cure_per_week: f64,
    pub write_off_per_week: f64,
    pub loss_given_default: f64,
    pub monitoring_penalty: f64,
}

impl Default for LoansFile {
    fn default() -> Self {
        ScenarioFile::from(&Params::default()).loans
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CalendarKindFile {
    None,
    ChinaDefault,
    Custom,
    Weekly,
}

/// The calendar; which optional fields apply depends on `kind`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarFile {
    pub kind: CalendarKindFile,
    /// `china_default`: weeks of the Spring Festival and Mid-Autumn (defaults 6 and 38).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spring_festival_week: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mid_autumn_week: Option<f64>,
    /// `custom`: holiday records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holidays: Option<Vec<HolidayFile>>,
    /// `weekly`: 52 demand and 52 availability multipliers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub demand: Option<Vec<f64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<Vec<f64>>,
}

impl Default for CalendarFile {
    fn default() -> Self {
        CalendarFile {
            kind: CalendarKindFile::None,
            spring_festival_week: None,
            mid_autumn_week: None,
            holidays: None,
            demand: None,
            availability: None,
        }
    }
}

/// One custom holiday; only `week` is required, the multipliers default to 1 and the spans to 0.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayFile {
    pub week: f64,
    #[serde(default)]
    pub pre_weeks: f64,
    #[serde(default = "one")]
    pub pre_demand: f64,
    #[serde(default = "one")]
    pub demand: f64,
    #[serde(default = "one")]
    pub availability: f64,
    #[serde(default)]
    pub post_weeks: f64,
    #[serde(default = "one")]
    pub post_demand: f64,
    #[serde(default = "one")]
    pub post_availability: f64,
}

fn one() -> f64 {
    1.0
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShockKindFile {
    Burst,
    Demand,
    Capacity,
    Credit,
    Prospecting,
    ChannelMix,
    Team,
}

/// What a `prospecting` change does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProspectingActionFile {
    Stop,
    Resume,
    Set,
    Floor,
}

/// A value per channel, keyed by the channels' stable ids; all nine are required.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelSharesFile {
    pub cold_visit: f64,
    pub phone_sms: f64,
    pub flyer: f64,
    pub online_post: f64,
    pub media: f64,
    pub peer_broker: f64,
    pub supply_chain: f64,
    pub event: f64,
    pub association: f64,
}

impl From<[f64; CHANNELS]> for ChannelSharesFile {
    fn from(v: [f64; CHANNELS]) -> Self {
        ChannelSharesFile {
            cold_visit: v[0],
            phone_sms: v[1],
            flyer: v[2],
            online_post: v[3],
            media: v[4],
            peer_broker: v[5],
            supply_chain: v[6],
            event: v[7],
            association: v[8],
        }
    }
}

impl From<ChannelSharesFile> for [f64; CHANNELS] {
    fn from(v: ChannelSharesFile) -> Self {
        [
            v.cold_visit,
            v.phone_sms,
            v.flyer,
            v.online_post,
            v.media,
            v.peer_broker,
            v.supply_chain,
            v.event,
            v.association,
        ]
    }
}

/// A flow a demand shock can be limited to: a channel id, `inbound` or `referrals`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlowFile {
    ColdVisit,
    PhoneSms,
    Flyer,
    OnlinePost,
    Media,
    PeerBroker,
    SupplyChain,
    Event,
    Association,
    Inbound,
    Referrals,
}

/// A timed change; which optional fields apply depends on `kind`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShockFile {
    pub kind: ShockKindFile,
    /// First simulation week t (0-based).
    pub start: f64,
    pub duration_weeks: f64,
    /// `burst`: applications per AM per week, and their optional tier mix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apps_per_am: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mix: Option<TierFile>,
    /// `demand` and `credit`: the multiplier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mult: Option<f64>,
    /// `demand`: the flows it applies to (all when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flows: Option<Vec<FlowFile>>,
    /// `capacity`: the share of hours lost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frac: Option<f64>,
    /// `prospecting`: `stop`, `resume`, `set` or `floor`, and the hours of `set` and `floor`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<ProspectingActionFile>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<f64>,
    /// `channel_mix`: the prospecting-hour share of every channel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shares: Option<ChannelSharesFile>,
    /// `team`: account managers added (removed when negative).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ams_delta: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PolicyKindFile {
    Fixed,
    StopWhenBusy,
    TargetPipeline,
}

/// An hours setting: a number, `"auto"` (h*), `"full"` (H) or `{"times_h_star": k}`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HoursFile(pub Hours);

impl Serialize for HoursFile {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0 == Hours::AUTO {
            return serializer.serialize_str("auto");
        }
        match self.0 {
            Hours::Value(h) => serializer.serialize_f64(h),
            Hours::TimesHStar(k) => {
                let mut map = serde_json::Map::new();
                map.insert("times_h_star".to_owned(), Value::from(k));
                Value::Object(map).serialize(serializer)
            }
            Hours::FullWeek => serializer.serialize_str("full"),
        }
    }
}

impl<'de> Deserialize<'de> for HoursFile {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        let hours = match &value {
            Value::Number(n) => n.as_f64().map(Hours::Value),
            Value::String(s) if s == "auto" => Some(Hours::AUTO),
            Value::String(s) if s == "full" => Some(Hours::FullWeek),
            Value::Object(map) if map.len() == 1 => map
                .get("times_h_star")
                .and_then(Value::as_f64)
                .map(Hours::TimesHStar),
            _ => None,
        };
        hours.map(HoursFile).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "expected a number of hours, \"auto\", \"full\" or {{\"times_h_star\": k}} (got {value})"
            ))
        })
    }
}

/// A coverage setting: a number of weeks or `"auto"`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CoverageFile(pub Option<f64>);

impl Serialize for CoverageFile {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Some(weeks) => serializer.serialize_f64(weeks),
            None => serializer.serialize_str("auto"),
        }
    }
}

impl<'de> Deserialize<'de> for CoverageFile {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        match &value {
            Value::Number(n) => n
                .as_f64()
                .map(|weeks| CoverageFile(Some(weeks)))
                .ok_or_else(|| serde::de::Error::custom("expected a number of weeks")),
            Value::String(s) if s == "auto" => Ok(CoverageFile(None)),
            _ => Err(serde::de::Error::custom(format!(
                "expected a number of weeks or \"auto\" (got {value})"
            ))),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PolicyFile {
    pub kind: PolicyKindFile,
    pub fixed_hours: HoursFile,
    pub floor_hours: HoursFile,
    pub cap_hours: HoursFile,
    pub coverage_weeks: CoverageFile,
    pub gain: f64,
    pub min_hours: HoursFile,
    pub max_hours: HoursFile,
}

impl Default for PolicyFile {
    fn default() -> Self {
        ScenarioFile::from(&Params::default()).policy
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BaselineFile {
    Auto,
    NoSeasonality,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FaultFile {
    pub baseline: BaselineFile,
    pub window_start: Option<f64>,
    pub window_end: Option<f64>,
}

impl Default for FaultFile {
    fn default() -> Self {
        ScenarioFile::from(&Params::default()).fault
    }
}

impl From<&Params> for ScenarioFile {
    fn from(p: &Params) -> Self {
        ScenarioFile {
            version: VERSION,
            team: (&p.team).into(),
            run: (&p.run).into(),
            activity_hours: (&p.activity_hours).into(),
            channels: (&p.channels).into(),
            pipeline: (&p.pipeline).into(),
            referrals: (&p.referrals).into(),
            loans: (&p.loans).into(),
            calendar: calendar_file(&p.calendar),
            shocks: p.shocks.iter().map(shock_file).collect(),
            interventions: p.interventions.iter().map(shock_file).collect(),
            policy: (&p.policy).into(),
            fault: (&p.fault).into(),
            plan: p.plan.as_ref().map(PlanFile::from),
            actuals: p.actuals.iter().map(ActualsWeekFile::from).collect(),
            sources: p.sources.iter().map(SourceFile::from).collect(),
        }
    }
}

impl From<&Team> for TeamFile {
    fn from(team: &Team) -> Self {
        TeamFile {
            ams: team.ams,
            hours_per_week: team.hours_per_week,
            horizon_weeks: team.horizon_weeks,
            start_week: team.start_week,
            target_loans_per_am: team.target_loans_per_am,
            cost_cny_per_paid_hour: team.cost_cny_per_paid_hour,
            init: match team.init {
                InitialBook::Steady => InitFile::Steady,
                InitialBook::Empty => InitFile::Empty,
                InitialBook::Custom => InitFile::Custom,
            },
            init_loans_per_am: team.init_loans_per_am,
            initial_book: team.initial_book.as_ref().map(InitialBookFile::from),
        }
    }
}

impl From<&TeamFile> for Team {
    fn from(file: &TeamFile) -> Self {
        Team {
            ams: file.ams,
            hours_per_week: file.hours_per_week,
            horizon_weeks: file.horizon_weeks,
            start_week: file.start_week,
            target_loans_per_am: file.target_loans_per_am,
            cost_cny_per_paid_hour: file.cost_cny_per_paid_hour,
            init: match file.init {
                InitFile::Steady => InitialBook::Steady,
                InitFile::Empty => InitialBook::Empty,
                InitFile::Custom => InitialBook::Custom,
            },
            init_loans_per_am: file.init_loans_per_am,
            initial_book: file.initial_book.as_ref().map(CustomBook::from),
        }
    }
}

impl From<&RunSettings> for RunFile {
    fn from(run: &RunSettings) -> Self {
        RunFile {
            mode: match run.mode {
                Mode::Ev => ModeFile::Ev,
                Mode::Mc => ModeFile::Mc,
            },
            runs: run.runs,
            seed: run.seed,
        }
    }
}

impl From<&RunFile> for RunSettings {
    fn from(file: &RunFile) -> Self {
        RunSettings {
            mode: match file.mode {
                ModeFile::Ev => Mode::Ev,
                ModeFile::Mc => Mode::Mc,
            },
            runs: file.runs,
            seed: file.seed,
        }
    }
}

impl From<&ActivityHours> for ActivityHoursFile {
    fn from(hours: &ActivityHours) -> Self {
        ActivityHoursFile {
            investigation: hours.investigation.into(),
            form: hours.form,
            approval: hours.approval,
            renewal: hours.renewal,
            monitoring_per_loan: hours.monitoring_per_loan.into(),
            collection_per_past_due: hours.collection_per_past_due,
        }
    }
}

impl From<&ActivityHoursFile> for ActivityHours {
    fn from(file: &ActivityHoursFile) -> Self {
        ActivityHours {
            investigation: file.investigation.into(),
            form: file.form,
            approval: file.approval,
            renewal: file.renewal,
            monitoring_per_loan: file.monitoring_per_loan.into(),
            collection_per_past_due: file.collection_per_past_due,
        }
    }
}

impl From<&Channel> for ChannelFile {
    fn from(c: &Channel) -> Self {
        ChannelFile {
            leads_per_hour: c.leads_per_hour,
            saturation_hours: c.saturation_hours,
            mix: c.mix.into(),
            entry: match c.entry {
                Entry::Contacted => EntryFile::Contacted,
                Entry::Interested => EntryFile::Interested,
            },
            cash_cny_per_hour: c.cash_cny_per_hour,
            hour_share: c.hour_share,
        }
    }
}

impl From<&ChannelFile> for Channel {
    fn from(file: &ChannelFile) -> Self {
        Channel {
            leads_per_hour: file.leads_per_hour,
            saturation_hours: file.saturation_hours,
            mix: file.mix.into(),
            entry: match file.entry {
                EntryFile::Contacted => Entry::Contacted,
                EntryFile::Interested => Entry::Interested,
            },
            cash_cny_per_hour: file.cash_cny_per_hour,
            hour_share: file.hour_share,
        }
    }
}

impl From<&[Channel; CHANNELS]> for ChannelsFile {
    fn from(channels: &[Channel; CHANNELS]) -> Self {
        let channel = |id: ChannelId| ChannelFile::from(&channels[id.index()]);
        ChannelsFile {
            cold_visit: channel(ChannelId::ColdVisit),
            phone_sms: channel(ChannelId::PhoneSms),
            flyer: channel(ChannelId::Flyer),
            online_post: channel(ChannelId::OnlinePost),
            media: channel(ChannelId::Media),
            peer_broker: channel(ChannelId::PeerBroker),
            supply_chain: channel(ChannelId::SupplyChain),
            event: channel(ChannelId::Event),
            association: channel(ChannelId::Association),
        }
    }
}

impl From<&ExitRates> for ExitFile {
    fn from(rates: &ExitRates) -> Self {
        ExitFile {
            advance_per_week: rates.advance_per_week,
            lost_per_week: rates.lost_per_week,
        }
    }
}

impl From<&ExitFile> for ExitRates {
    fn from(file: &ExitFile) -> Self {
        ExitRates {
            advance_per_week: file.advance_per_week,
            lost_per_week: file.lost_per_week,
        }
    }
}

impl From<&Pipeline> for PipelineFile {
    fn from(p: &Pipeline) -> Self {
        PipelineFile {
            contacted: (&p.contacted).into(),
            interested: (&p.interested).into(),
            renege_per_week: p.renege_per_week,
            queue_max_weeks: p.queue_max_weeks,
            approval_prob: p.approval_prob.into(),
            queue_order: match p.queue_order {
                QueueOrder::Fifo => QueueOrderFile::Fifo,
                QueueOrder::QualityFirst => QueueOrderFile::QualityFirst,
            },
            inbound_per_am_week: p.inbound_per_am_week,
            inbound_mix: p.inbound_mix.into(),
        }
    }
}

impl From<&PipelineFile> for Pipeline {
    fn from(file: &PipelineFile) -> Self {
        Pipeline {
            contacted: (&file.contacted).into(),
            interested: (&file.interested).into(),
            renege_per_week: file.renege_per_week,
            queue_max_weeks: file.queue_max_weeks,
            approval_prob: file.approval_prob.into(),
            queue_order: match file.queue_order {
                QueueOrderFile::Fifo => QueueOrder::Fifo,
                QueueOrderFile::QualityFirst => QueueOrder::QualityFirst,
            },
            inbound_per_am_week: file.inbound_per_am_week,
            inbound_mix: file.inbound_mix.into(),
        }
    }
}

impl From<&Referrals> for ReferralsFile {
    fn from(r: &Referrals) -> Self {
        ReferralsFile {
            network_size: r.network_size,
            network_need_per_year: r.network_need_per_year,
            introduce_prob: r.introduce_prob.into(),
            realise_per_week: r.realise_per_week,
            lapse_per_week: r.lapse_per_week,
            homophily: r.homophily.into(),
        }
    }
}

impl From<&ReferralsFile> for Referrals {
    fn from(file: &ReferralsFile) -> Self {
        Referrals {
            network_size: file.network_size,
            network_need_per_year: file.network_need_per_year,
            introduce_prob: file.introduce_prob.into(),
            realise_per_week: file.realise_per_week,
            lapse_per_week: file.lapse_per_week,
            homophily: file.homophily.into(),
        }
    }
}

impl From<&Loans> for LoansFile {
    fn from(loans: &Loans) -> Self {
        LoansFile {
            terms: loans
                .terms
                .iter()
                .map(|t| TermFile {
                    weeks: t.weeks,
                    weight: t.weight,
                })
                .collect(),
            amount_cny: loans.amount_cny.into(),
            amortisation: match loans.amortisation {
                Amortisation::EqualPrincipal => AmortisationFile::EqualPrincipal,
                Amortisation::Bullet => AmortisationFile::Bullet,
            },
            nim_per_year: loans.nim_per_year.into(),
            renewal_prob: loans.renewal_prob.into(),
            migration: loans.migration.into(),
            default_per_week: loans.default_per_week.into(),
            cure_per_week: loans.cure_per_week,
            write_off_per_week: loans.write_off_per_week,
            loss_given_default: loans.loss_given_default,
            monitoring_penalty: loans.monitoring_penalty,
        }
    }
}

impl From<&LoansFile> for Loans {
    fn from(file: &LoansFile) -> Self {
        Loans {
            terms: file
                .terms
                .iter()
                .map(|t| TermClass {
                    weeks: t.weeks,
                    weight: t.weight,
                })
                .collect(),
            amount_cny: file.amount_cny.into(),
            amortisation: match file.amortisation {
                AmortisationFile::EqualPrincipal => Amortisation::EqualPrincipal,
                AmortisationFile::Bullet => Amortisation::Bullet,
            },
            nim_per_year: file.nim_per_year.into(),
            renewal_prob: file.renewal_prob.into(),
            migration: file.migration.into(),
            default_per_week: file.default_per_week.into(),
            cure_per_week: file.cure_per_week,
            write_off_per_week: file.write_off_per_week,
            loss_given_default: file.loss_given_default,
            monitoring_penalty: file.monitoring_penalty,
        }
    }
}

impl From<&Policy> for PolicyFile {
    fn from(p: &Policy) -> Self {
        PolicyFile {
            kind: match p.kind {
                PolicyKind::Fixed => PolicyKindFile::Fixed,
                PolicyKind::StopWhenBusy => PolicyKindFile::StopWhenBusy,
                PolicyKind::TargetPipeline => PolicyKindFile::TargetPipeline,
            },
            fixed_hours: HoursFile(p.fixed_hours),
            floor_hours: HoursFile(p.floor_hours),
            cap_hours: HoursFile(p.cap_hours),
            coverage_weeks: CoverageFile(p.coverage_weeks),
            gain: p.gain,
            min_hours: HoursFile(p.min_hours),
            max_hours: HoursFile(p.max_hours),
        }
    }
}

impl From<&PolicyFile> for Policy {
    fn from(file: &PolicyFile) -> Self {
        Policy {
            kind: match file.kind {
                PolicyKindFile::Fixed => PolicyKind::Fixed,
                PolicyKindFile::StopWhenBusy => PolicyKind::StopWhenBusy,
                PolicyKindFile::TargetPipeline => PolicyKind::TargetPipeline,
            },
            fixed_hours: file.fixed_hours.0,
            floor_hours: file.floor_hours.0,
            cap_hours: file.cap_hours.0,
            coverage_weeks: file.coverage_weeks.0,
            gain: file.gain,
            min_hours: file.min_hours.0,
            max_hours: file.max_hours.0,
        }
    }
}

impl From<&FaultSettings> for FaultFile {
    fn from(f: &FaultSettings) -> Self {
        FaultFile {
            baseline: match f.baseline {
                BaselineKind::Auto => BaselineFile::Auto,
                BaselineKind::NoSeasonality => BaselineFile::NoSeasonality,
            },
            window_start: f.window_start,
            window_end: f.window_end,
        }
    }
}

impl From<&FaultFile> for FaultSettings {
    fn from(file: &FaultFile) -> Self {
        FaultSettings {
            baseline: match file.baseline {
                BaselineFile::Auto => BaselineKind::Auto,
                BaselineFile::NoSeasonality => BaselineKind::NoSeasonality,
            },
            window_start: file.window_start,
            window_end: file.window_end,
        }
    }
}

fn calendar_file(calendar: &Calendar) -> CalendarFile {
    match calendar {
        Calendar::None => CalendarFile::default(),
        Calendar::ChinaDefault {
            spring_festival_week,
            mid_autumn_week,
        } => CalendarFile {
            kind: CalendarKindFile::ChinaDefault,
            spring_festival_week: Some(*spring_festival_week),
            mid_autumn_week: Some(*mid_autumn_week),
            ..CalendarFile::default()
        },
        Calendar::Custom(holidays) => CalendarFile {
            kind: CalendarKindFile::Custom,
            holidays: Some(
                holidays
                    .iter()
                    .map(|h| HolidayFile {
                        week: h.week,
                        pre_weeks: h.pre_weeks,
                        pre_demand: h.pre_demand,
                        demand: h.demand,
                        availability: h.availability,
                        post_weeks: h.post_weeks,
                        post_demand: h.post_demand,
                        post_availability: h.post_availability,
                    })
                    .collect(),
            ),
            ..CalendarFile::default()
        },
        Calendar::Weekly {
            demand,
            availability,
        } => CalendarFile {
            kind: CalendarKindFile::Weekly,
            demand: Some(demand.clone()),
            availability: Some(availability.clone()),
            ..CalendarFile::default()
        },
    }
}

fn shock_file(shock: &Shock) -> ShockFile {
    let base = ShockFile {
        kind: ShockKindFile::Burst,
        start: shock.start,
        duration_weeks: shock.duration_weeks,
        apps_per_am: None,
        mix: None,
        mult: None,
        flows: None,
        frac: None,
        action: None,
        hours: None,
        shares: None,
        ams_delta: None,
    };
    match &shock.kind {
        ShockKind::Burst { apps_per_am, mix } => ShockFile {
            apps_per_am: Some(*apps_per_am),
            mix: mix.map(TierFile::from),
            ..base
        },
        ShockKind::Demand { mult, flows } => ShockFile {
            kind: ShockKindFile::Demand,
            mult: Some(*mult),
            flows: flows
                .as_ref()
                .map(|flows| flows.iter().map(|f| flow_file(*f)).collect()),
            ..base
        },
        ShockKind::Capacity { frac } => ShockFile {
            kind: ShockKindFile::Capacity,
            frac: Some(*frac),
            ..base
        },
        ShockKind::Credit { mult } => ShockFile {
            kind: ShockKindFile::Credit,
            mult: Some(*mult),
            ..base
        },
        ShockKind::Prospecting { change } => ShockFile {
            kind: ShockKindFile::Prospecting,
            action: Some(match change {
                ProspectingChange::Stop => ProspectingActionFile::Stop,
                ProspectingChange::Resume => ProspectingActionFile::Resume,
                ProspectingChange::Set { .. } => ProspectingActionFile::Set,
                ProspectingChange::Floor { .. } => ProspectingActionFile::Floor,
            }),
            hours: change.hours(),
            ..base
        },
        ShockKind::ChannelMix { shares } => ShockFile {
            kind: ShockKindFile::ChannelMix,
            shares: Some((*shares).into()),
            ..base
        },
        ShockKind::Team { ams_delta } => ShockFile {
            kind: ShockKindFile::Team,
            ams_delta: Some(*ams_delta),
            ..base
        },
    }
}

fn flow_file(flow: Flow) -> FlowFile {
    match flow {
        Flow::Channel(ChannelId::ColdVisit) => FlowFile::ColdVisit,
        Flow::Channel(ChannelId::PhoneSms) => FlowFile::PhoneSms,
        Flow::Channel(ChannelId::Flyer) => FlowFile::Flyer,
        Flow::Channel(ChannelId::OnlinePost) => FlowFile::OnlinePost,
        Flow::Channel(ChannelId::Media) => FlowFile::Media,
        Flow::Channel(ChannelId::PeerBroker) => FlowFile::PeerBroker,
        Flow::Channel(ChannelId::SupplyChain) => FlowFile::SupplyChain,
        Flow::Channel(ChannelId::Event) => FlowFile::Event,
        Flow::Channel(ChannelId::Association) => FlowFile::Association,
        Flow::Inbound => FlowFile::Inbound,
        Flow::Referrals => FlowFile::Referrals,
    }
}

fn flow(file: FlowFile) -> Flow {
    match file {
        FlowFile::ColdVisit => Flow::Channel(ChannelId::ColdVisit),
        FlowFile::PhoneSms => Flow::Channel(ChannelId::PhoneSms),
        FlowFile::Flyer => Flow::Channel(ChannelId::Flyer),
        FlowFile::OnlinePost => Flow::Channel(ChannelId::OnlinePost),
        FlowFile::Media => Flow::Channel(ChannelId::Media),
        FlowFile::PeerBroker => Flow::Channel(ChannelId::PeerBroker),
        FlowFile::SupplyChain => Flow::Channel(ChannelId::SupplyChain),
        FlowFile::Event => Flow::Channel(ChannelId::Event),
        FlowFile::Association => Flow::Channel(ChannelId::Association),
        FlowFile::Inbound => Flow::Inbound,
        FlowFile::Referrals => Flow::Referrals,
    }
}

/// Whether a plan holds its book or grows to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PathFile {
    Flat,
    Growth,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ObjectiveFile {
    FewestHours,
    MostProfit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MixFile {
    Optimise,
    Keep,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WeekdayFile {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

const WEEKDAYS: [WeekdayFile; 7] = [
    WeekdayFile::Mon,
    WeekdayFile::Tue,
    WeekdayFile::Wed,
    WeekdayFile::Thu,
    WeekdayFile::Fri,
    WeekdayFile::Sat,
    WeekdayFile::Sun,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CalendarForFile {
    PerAm,
    PerTeam,
}

/// The plan goal. A missing target or maximum follows the team (`target_loans_per_am`,
/// `hours_per_week`); every other field has the plan view's default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanFile {
    #[serde(default)]
    pub target_loans_per_am: Option<f64>,
    #[serde(default = "default_path")]
    pub path: PathFile,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_week: Option<f64>,
    #[serde(default)]
    pub min_quality_share: f64,
    #[serde(default)]
    pub max_prospecting_hours: Option<f64>,
    #[serde(default)]
    pub cash_budget_cny: Option<f64>,
    #[serde(default = "default_objective")]
    pub objective: ObjectiveFile,
    #[serde(default = "default_plan_weeks")]
    pub weeks: f64,
    #[serde(default = "default_floor_share")]
    pub floor_share: f64,
    #[serde(default = "default_mix")]
    pub mix: MixFile,
    #[serde(default = "default_weekly_change")]
    pub max_weekly_change_hours: f64,
    #[serde(default = "default_block_hours")]
    pub block_hours: f64,
    #[serde(default = "default_weekdays")]
    pub weekdays: Vec<WeekdayFile>,
    #[serde(default = "default_calendar_for")]
    pub calendar: CalendarForFile,
}

fn default_path() -> PathFile {
    PathFile::Flat
}
fn default_objective() -> ObjectiveFile {
    ObjectiveFile::FewestHours
}
fn default_plan_weeks() -> f64 {
    crate::engine::goal::DEFAULT_PLAN_WEEKS
}
fn default_floor_share() -> f64 {
    PlanGoal::hold(1.0, 1.0).floor_share
}
fn default_mix() -> MixFile {
    MixFile::Optimise
}
fn default_weekly_change() -> f64 {
    crate::engine::goal::DEFAULT_WEEKLY_CHANGE_HOURS
}
fn default_block_hours() -> f64 {
    crate::engine::goal::DEFAULT_BLOCK_HOURS
}
fn default_weekdays() -> Vec<WeekdayFile> {
    WEEKDAYS
        .iter()
        .zip(crate::engine::goal::WORKING_DAYS)
        .filter(|(_, on)| *on)
        .map(|(d, _)| *d)
        .collect()
}
fn default_calendar_for() -> CalendarForFile {
    CalendarForFile::PerAm
}

impl From<&PlanGoal> for PlanFile {
    fn from(goal: &PlanGoal) -> Self {
        let (path, by_week) = match goal.target {
            TargetPath::Flat { .. } => (PathFile::Flat, None),
            TargetPath::Growth { by_week, .. } => (PathFile::Growth, Some(by_week)),
        };
        PlanFile {
            target_loans_per_am: Some(goal.target.final_loans()),
            path,
            by_week,
            min_quality_share: goal.min_quality_share,
            max_prospecting_hours: Some(goal.max_prospecting_hours),
            cash_budget_cny: goal.cash_budget_cny,
            objective: match goal.objective {
                Objective::FewestHours => ObjectiveFile::FewestHours,
                Objective::MostProfit => ObjectiveFile::MostProfit,
            },
            weeks: goal.weeks,
            floor_share: goal.floor_share,
            mix: match goal.mix {
                MixChoice::Optimise => MixFile::Optimise,
                MixChoice::Keep => MixFile::Keep,
            },
            max_weekly_change_hours: goal.max_weekly_change_hours,
            block_hours: goal.block_hours,
            weekdays: WEEKDAYS
                .iter()
                .zip(goal.weekdays)
                .filter(|(_, on)| *on)
                .map(|(d, _)| *d)
                .collect(),
            calendar: if goal.calendar_per_team {
                CalendarForFile::PerTeam
            } else {
                CalendarForFile::PerAm
            },
        }
    }
}

impl PlanFile {
    fn to_goal(&self, team: &Team, problems: &mut Problems) -> PlanGoal {
        let target = self.target_loans_per_am.unwrap_or(team.target_loans_per_am);
        let target = match self.path {
            PathFile::Flat => {
                if self.by_week.is_some() {
                    problems.unexpected("plan.by_week".into(), "plan that holds its book");
                }
                TargetPath::Flat {
                    loans_per_am: target,
                }
            }
            PathFile::Growth => TargetPath::Growth {
                loans_per_am: target,
                by_week: self.by_week.unwrap_or(self.weeks),
            },
        };
        PlanGoal {
            target,
            min_quality_share: self.min_quality_share,
            max_prospecting_hours: self.max_prospecting_hours.unwrap_or(team.hours_per_week),
            cash_budget_cny: self.cash_budget_cny,
            objective: match self.objective {
                ObjectiveFile::FewestHours => Objective::FewestHours,
                ObjectiveFile::MostProfit => Objective::MostProfit,
            },
            weeks: self.weeks,
            floor_share: self.floor_share,
            mix: match self.mix {
                MixFile::Optimise => MixChoice::Optimise,
                MixFile::Keep => MixChoice::Keep,
            },
            max_weekly_change_hours: self.max_weekly_change_hours,
            block_hours: self.block_hours,
            weekdays: std::array::from_fn(|d| self.weekdays.contains(&WEEKDAYS[d])),
            calendar_per_team: self.calendar == CalendarForFile::PerTeam,
        }
    }
}

/// Collects conversion errors with their paths.
#[derive(Debug, Default)]
struct Problems(Vec<ParamError>);

impl Problems {
    fn missing(&mut self, path: String, what: &str) {
        self.0.push(ParamError {
            message: format!("{what} is required here"),
            param: path,
            value: ParamValue::Text(String::new()),
            rule: Rule::MissingField,
        });
    }

    fn unexpected(&mut self, path: String, kind: &str) {
        self.0.push(ParamError {
            message: format!("this field does not apply to a {kind}"),
            param: path,
            value: ParamValue::Text(String::new()),
            rule: Rule::UnknownField,
        });
    }
}

impl ScenarioFile {
    /// The engine parameters the file describes, and errors naming kind-specific fields that are
    /// missing or do not apply (a shock missing its value becomes a neutral one, so the
    /// parameters can still be validated for the rest of the report).
    #[must_use]
    pub fn to_params(&self) -> (Params, Vec<ParamError>) {
        let mut problems = Problems::default();
        let channels = self.channels.in_order();
        let params = Params {
            team: (&self.team).into(),
            run: (&self.run).into(),
            activity_hours: (&self.activity_hours).into(),
            channels: std::array::from_fn(|c| Channel::from(channels[c])),
            pipeline: (&self.pipeline).into(),
            referrals: (&self.referrals).into(),
            loans: (&self.loans).into(),
            calendar: self.calendar.to_calendar(&mut problems),
            shocks: self
                .shocks
                .iter()
                .enumerate()
                .map(|(i, s)| s.to_shock("shocks", i, &mut problems))
                .collect(),
            interventions: self
                .interventions
                .iter()
                .enumerate()
                .map(|(i, s)| s.to_shock("interventions", i, &mut problems))
                .collect(),
            policy: (&self.policy).into(),
            fault: (&self.fault).into(),
            plan: None,
            actuals: Vec::new(),
            sources: Vec::new(),
        };
        let actuals = actuals_of(&self.actuals, &params.team, &mut problems);
        let plan = self
            .plan
            .as_ref()
            .map(|plan| plan.to_goal(&params.team, &mut problems));
        let sources = sources_of(&self.sources, &params, &mut problems);
        let params = Params {
            plan,
            actuals,
            sources,
            ..params
        };
        (params, problems.0)
    }
}

impl CalendarFile {
    fn to_calendar(&self, problems: &mut Problems) -> Calendar {
        let kind = match self.kind {
            CalendarKindFile::None => "calendar of kind none",
            CalendarKindFile::ChinaDefault => "china_default calendar",
            CalendarKindFile::Custom => "custom calendar",
            CalendarKindFile::Weekly => "weekly calendar",
        };
        let mut reject = |present: bool, field: &str| {
            if present {
                problems.unexpected(format!("calendar.{field}"), kind);
            }
        };
        let china = self.kind == CalendarKindFile::ChinaDefault;
        reject(
            !china && self.spring_festival_week.is_some(),
            "spring_festival_week",
        );
        reject(!china && self.mid_autumn_week.is_some(), "mid_autumn_week");
        reject(
            self.kind != CalendarKindFile::Custom && self.holidays.is_some(),
            "holidays",
        );
        let weekly = self.kind == CalendarKindFile::Weekly;
        reject(!weekly && self.demand.is_some(), "demand");
        reject(!weekly && self.availability.is_some(), "availability");
        match self.kind {
            CalendarKindFile::None => Calendar::None,
            CalendarKindFile::ChinaDefault => Calendar::ChinaDefault {
                spring_festival_week: self.spring_festival_week.unwrap_or(6.0),
                mid_autumn_week: self.mid_autumn_week.unwrap_or(38.0),
            },
            CalendarKindFile::Custom => {
                let holidays = self.holidays.clone().unwrap_or_else(|| {
                    problems.missing("calendar.holidays".to_owned(), "a list of holidays");
                    Vec::new()
                });
                Calendar::Custom(
                    holidays
                        .into_iter()
                        .map(|h| Holiday {
                            week: h.week,
                            pre_weeks: h.pre_weeks,
                            pre_demand: h.pre_demand,
                            demand: h.demand,
                            availability: h.availability,
                            post_weeks: h.post_weeks,
                            post_demand: h.post_demand,
                            post_availability: h.post_availability,
                        })
                        .collect(),
                )
            }
            CalendarKindFile::Weekly => {
                let mut vector = |values: &Option<Vec<f64>>, field: &str| {
                    values.clone().unwrap_or_else(|| {
                        problems.missing(format!("calendar.{field}"), "a list of 52 weekly values");
                        Vec::new()
                    })
                };
                Calendar::Weekly {
                    demand: vector(&self.demand, "demand"),
                    availability: vector(&self.availability, "availability"),
                }
            }
        }
    }
}

impl ShockFile {
    fn to_shock(&self, list: &str, index: usize, problems: &mut Problems) -> Shock {
        let path = |field: &str| format!("{list}[{index}].{field}");
        let (kind_name, allowed): (&str, &[&str]) = match self.kind {
            ShockKindFile::Burst => ("burst", &["apps_per_am", "mix"]),
            ShockKindFile::Demand => ("demand shock", &["mult", "flows"]),
            ShockKindFile::Capacity => ("capacity shock", &["frac"]),
            ShockKindFile::Credit => ("credit shock", &["mult"]),
            ShockKindFile::Prospecting => match self.action {
                Some(ProspectingActionFile::Set | ProspectingActionFile::Floor) => {
                    ("prospecting change", &["action", "hours"])
                }
                _ => ("prospecting stop or resume", &["action"]),
            },
            ShockKindFile::ChannelMix => ("channel-mix change", &["shares"]),
            ShockKindFile::Team => ("team change", &["ams_delta"]),
        };
        let present = [
            ("apps_per_am", self.apps_per_am.is_some()),
            ("mix", self.mix.is_some()),
            ("mult", self.mult.is_some()),
            ("flows", self.flows.is_some()),
            ("frac", self.frac.is_some()),
            ("action", self.action.is_some()),
            ("hours", self.hours.is_some()),
            ("shares", self.shares.is_some()),
            ("ams_delta", self.ams_delta.is_some()),
        ];
        for (field, is_present) in present {
            if is_present && !allowed.contains(&field) {
                problems.unexpected(path(field), kind_name);
            }
        }
        if self.kind == ShockKindFile::Prospecting && self.action.is_none() {
            problems.missing(path("action"), "stop, resume, set or floor");
        }
        if self.kind == ShockKindFile::ChannelMix && self.shares.is_none() {
            problems.missing(path("shares"), "the hour share of every channel");
        }
        let mut required = |value: Option<f64>, field: &str| {
            if value.is_none() {
                problems.missing(path(field), "a number");
            }
            value
        };
        let kind = match self.kind {
            ShockKindFile::Burst => {
                required(self.apps_per_am, "apps_per_am").map(|apps_per_am| ShockKind::Burst {
                    apps_per_am,
                    mix: self.mix.map(TierValues::from),
                })
            }
            ShockKindFile::Demand => required(self.mult, "mult").map(|mult| ShockKind::Demand {
                mult,
                flows: self
                    .flows
                    .as_ref()
                    .map(|flows| flows.iter().map(|f| flow(*f)).collect()),
            }),
            ShockKindFile::Capacity => {
                required(self.frac, "frac").map(|frac| ShockKind::Capacity { frac })
            }
            ShockKindFile::Credit => {
                required(self.mult, "mult").map(|mult| ShockKind::Credit { mult })
            }
            ShockKindFile::Prospecting => match self.action {
                None => None,
                Some(ProspectingActionFile::Stop) => Some(ProspectingChange::Stop),
                Some(ProspectingActionFile::Resume) => Some(ProspectingChange::Resume),
                Some(ProspectingActionFile::Set) => {
                    required(self.hours, "hours").map(|hours| ProspectingChange::Set { hours })
                }
                Some(ProspectingActionFile::Floor) => {
                    required(self.hours, "hours").map(|hours| ProspectingChange::Floor { hours })
                }
            }
            .map(|change| ShockKind::Prospecting { change }),
            ShockKindFile::ChannelMix => self.shares.map(|shares| ShockKind::ChannelMix {
                shares: shares.into(),
            }),
            ShockKindFile::Team => {
                required(self.ams_delta, "ams_delta").map(|ams_delta| ShockKind::Team { ams_delta })
            }
        };
        // A credit multiplier of 1 changes nothing: the slot keeps later shocks' indices.
        let kind = kind.unwrap_or(ShockKind::Credit { mult: 1.0 });
        Shock {
            start: self.start,
            duration_weeks: self.duration_weeks,
            kind,
        }
    }
}
