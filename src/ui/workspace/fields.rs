//! The registry of numeric inputs: every editable number of `engine::Params`, with its JSON path (the
//! same path the engine's validation errors name), label, unit, valid range, help text and group.
//!
//! The inputs panel is generated from this table, so a parameter gets its label, unit, range and
//! tooltip in one place, and an engine error finds its field by path.

use crate::engine::params::{Hours, Params, ShockKind};
use crate::engine::spec::{self, At, Kind, Spec, Value};
use crate::engine::{ChannelId, Tier};
use crate::i18n::{unit_text, Text};

/// Where an input sits on the page, in the order a team lead thinks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Group {
    Team,
    Times,
    Channels,
    Pipeline,
    Loans,
    Referrals,
    Calendar,
    Policy,
}

impl Group {
    pub const ALL: [Group; 8] = [
        Group::Team,
        Group::Policy,
        Group::Times,
        Group::Channels,
        Group::Pipeline,
        Group::Loans,
        Group::Referrals,
        Group::Calendar,
    ];

    #[must_use]
    pub fn title(self) -> Text {
        match self {
            Group::Team => Text::GroupTeam,
            Group::Times => Text::GroupTimes,
            Group::Channels => Text::GroupChannels,
            Group::Pipeline => Text::GroupPipeline,
            Group::Loans => Text::GroupLoans,
            Group::Referrals => Text::GroupReferrals,
            Group::Calendar => Text::GroupCalendar,
            Group::Policy => Text::GroupPolicy,
        }
    }
}

/// A numeric input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Ams,
    HoursPerWeek,
    TargetLoans,
    HorizonWeeks,
    CostPerHour,
    Investigation(Tier),
    Form,
    Approval,
    Renewal,
    Monitoring(Tier),
    Collection,
    ChannelShare(ChannelId),
    ChannelLeads(ChannelId),
    ChannelSaturation(ChannelId),
    ChannelCash(ChannelId),
    ContactedAdvance,
    ContactedLost,
    InterestedAdvance,
    InterestedLost,
    Renege,
    QueueWeeks,
    ApprovalProb(Tier),
    Inbound,
    Amount(Tier),
    Nim(Tier),
    RenewalProb(Tier),
    DefaultHazard(Tier),
    Cure,
    WriteOff,
    Lgd,
    MonitoringPenalty,
    NetworkSize,
    NetworkNeed,
    Introduce(Tier),
    Realise,
    Lapse,
    FixedHours,
    FloorHours,
    CapHours,
    Coverage,
    Gain,
    MinHours,
    MaxHours,
    InitLoans,
    ChannelMix(ChannelId, Tier),
    InboundMix(Tier),
    Migration(Tier, Tier),
    Homophily(Tier, Tier),
    TermWeeks(u8),
    TermWeight(u8),
    SpringFestivalWeek,
    MidAutumnWeek,
    ShockStart(u8),
    ShockDuration(u8),
    /// The size of a shock: applications per AM (burst), multiplier (demand, credit), share of
    /// hours lost (capacity), prospecting hours per AM (set, floor) or AMs added (team).
    ShockSize(u8),
    /// A channel's prospecting-hour share in a channel-mix change.
    ShockShare(u8, ChannelId),
}

/// The valid range of an input in one scenario, as the engine's parameter spec gives it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    pub min: f64,
    pub max: f64,
    pub integer: bool,
    /// `min` itself is not valid (a saturation must be more than 0).
    pub min_open: bool,
    /// `max` itself is not valid (a weekly withdrawal chance must be less than 1).
    pub max_open: bool,
}

impl Range {
    /// Any number (an input without a spec row; none has one, a test checks).
    pub const ANY: Range = Range {
        min: f64::NEG_INFINITY,
        max: f64::INFINITY,
        integer: false,
        min_open: false,
        max_open: false,
    };

    /// A spec row's range as the page advertises it in `p`.
    #[must_use]
    pub fn of(spec: &Spec, p: &Params) -> Range {
        let (lo, hi) = spec.bounds(p);
        Range {
            min: lo.value,
            max: hi.value,
            integer: spec.kind == Kind::Whole,
            min_open: lo.open,
            max_open: hi.open,
        }
    }
}

#[cfg(test)]
const fn whole(min: f64, max: f64) -> Range {
    Range {
        min,
        max,
        integer: true,
        min_open: false,
        max_open: false,
    }
}

/// Term classes the page offers rows for (MODEL.md allows 1–12).
pub const MAX_TERMS: u8 = spec::TERM_CLASSES.1 as u8;

/// Shocks the page lets a person add.
pub const MAX_SHOCKS: u8 = 24;

impl Field {
    /// The inputs of the basic view, in display order: the ones that matter most.
    pub const BASIC: [Field; 7] = [
        Field::Ams,
        Field::HoursPerWeek,
        Field::TargetLoans,
        Field::HorizonWeeks,
        Field::FixedHours,
        Field::CapHours,
        Field::FloorHours,
    ];

    /// Every input of a group, in display order (tier and channel tables list rows of fields).
    #[must_use]
    pub fn of_group(group: Group) -> Vec<Field> {
        let tiers = |f: fn(Tier) -> Field| Tier::ALL.into_iter().map(f).collect::<Vec<_>>();
        let matrix = |f: fn(Tier, Tier) -> Field| {
            Tier::ALL
                .into_iter()
                .flat_map(move |from| Tier::ALL.into_iter().map(move |to| f(from, to)))
                .collect::<Vec<_>>()
        };
        match group {
            Group::Team => vec![
                Field::Ams,
                Field::HoursPerWeek,
                Field::TargetLoans,
                Field::HorizonWeeks,
                Field::CostPerHour,
                Field::InitLoans,
            ],
            Group::Times => {
                let mut v = tiers(Field::Investigation);
                v.extend([Field::Form, Field::Approval, Field::Renewal]);
                v.extend(tiers(Field::Monitoring));
                v.push(Field::Collection);
                v
            }
            Group::Channels => ChannelId::ALL
                .into_iter()
                .flat_map(|c| {
                    [
                        Field::ChannelShare(c),
                        Field::ChannelLeads(c),
                        Field::ChannelSaturation(c),
                        Field::ChannelCash(c),
                        Field::ChannelMix(c, Tier::Prime),
                        Field::ChannelMix(c, Tier::Standard),
                        Field::ChannelMix(c, Tier::Marginal),
                    ]
                })
                .collect(),
            Group::Pipeline => {
                let mut v = vec![
                    Field::ContactedAdvance,
                    Field::ContactedLost,
                    Field::InterestedAdvance,
                    Field::InterestedLost,
                    Field::Renege,
                    Field::QueueWeeks,
                    Field::Inbound,
                ];
                v.extend(tiers(Field::ApprovalProb));
                v.extend(tiers(Field::InboundMix));
                v
            }
            Group::Loans => {
                let mut v = tiers(Field::Amount);
                v.extend(tiers(Field::Nim));
                v.extend(tiers(Field::RenewalProb));
                v.extend(tiers(Field::DefaultHazard));
                v.extend([
                    Field::Cure,
                    Field::WriteOff,
                    Field::Lgd,
                    Field::MonitoringPenalty,
                ]);
                v.extend(matrix(Field::Migration));
                v.extend((0..MAX_TERMS).flat_map(|i| [Field::TermWeeks(i), Field::TermWeight(i)]));
                v
            }
            Group::Referrals => {
                let mut v = vec![Field::NetworkSize, Field::NetworkNeed];
                v.extend(tiers(Field::Introduce));
                v.extend([Field::Realise, Field::Lapse]);
                v.extend(matrix(Field::Homophily));
                v
            }
            Group::Calendar => {
                let mut v = vec![Field::SpringFestivalWeek, Field::MidAutumnWeek];
                v.extend((0..MAX_SHOCKS).flat_map(|i| {
                    [
                        Field::ShockStart(i),
                        Field::ShockDuration(i),
                        Field::ShockSize(i),
                    ]
                    .into_iter()
                    .chain(ChannelId::ALL.map(|c| Field::ShockShare(i, c)))
                }));
                v
            }
            Group::Policy => vec![
                Field::FixedHours,
                Field::FloorHours,
                Field::CapHours,
                Field::Coverage,
                Field::Gain,
                Field::MinHours,
                Field::MaxHours,
            ],
        }
    }

    /// The JSON path of the field in the scenario file: the `param` of the engine's errors (a
    /// shock's size, whose name depends on the shock's kind, is `shocks[i].size` here).
    #[must_use]
    pub fn path(self) -> String {
        match (self, self.spec()) {
            (Field::ShockSize(i), _) => format!("shocks[{i}].size"),
            (_, Some((spec, at))) => spec.path_at(at),
            (_, None) => String::new(),
        }
    }

    /// The JSON path, resolved against the scenario where it depends on it (a shock's size is
    /// `apps_per_am`, `mult` or `frac` by kind).
    #[must_use]
    pub fn path_in(self, p: &Params) -> String {
        match (self, self.spec_in(p)) {
            (Field::ShockSize(_), Some((spec, at))) => spec.path_at(at),
            _ => self.path(),
        }
    }

    /// A stable id for the DOM (`id`, `name`, test selectors): the path with dots as dashes.
    #[must_use]
    pub fn dom_id(self) -> String {
        // Brackets are legal in an id but awkward in CSS selectors: `shocks[0].start` → `shocks-0-start`.
        format!(
            "in-{}",
            self.path().replace(['.', '['], "-").replace(']', "")
        )
    }

    /// Whether the field is an hours setting that may be "auto" (follow h*).
    #[must_use]
    pub fn is_hours_setting(self) -> bool {
        matches!(
            self,
            Field::FixedHours
                | Field::FloorHours
                | Field::CapHours
                | Field::MinHours
                | Field::MaxHours
        )
    }

    /// Whether the field may be left empty to mean "auto".
    #[must_use]
    pub fn allows_auto(self) -> bool {
        self.is_hours_setting() || matches!(self, Field::Coverage | Field::InitLoans)
    }

    /// The tier or channel the field belongs to, for table layouts.
    #[must_use]
    pub fn tier(self) -> Option<Tier> {
        match self {
            Field::Investigation(t)
            | Field::Monitoring(t)
            | Field::ApprovalProb(t)
            | Field::Amount(t)
            | Field::Nim(t)
            | Field::RenewalProb(t)
            | Field::DefaultHazard(t)
            | Field::Introduce(t)
            | Field::InboundMix(t)
            | Field::ChannelMix(_, t) => Some(t),
            _ => None,
        }
    }

    #[must_use]
    pub fn channel(self) -> Option<ChannelId> {
        match self {
            Field::ChannelShare(c)
            | Field::ChannelLeads(c)
            | Field::ChannelSaturation(c)
            | Field::ChannelCash(c)
            | Field::ChannelMix(c, _)
            | Field::ShockShare(_, c) => Some(c),
            _ => None,
        }
    }

    /// The spec row this input edits and the instance of it, without a scenario (a shock's size
    /// as a burst's).
    fn key(self) -> (&'static str, At) {
        let one = At::ONE;
        let tier = |t: Tier| one.with_tier(t);
        let channel = |c: ChannelId| one.with_channel(c);
        let entry = |i: u8| one.with_index(usize::from(i));
        match self {
            Field::Ams => ("team.ams", one),
            Field::HoursPerWeek => ("team.hours_per_week", one),
            Field::TargetLoans => ("team.target_loans_per_am", one),
            Field::HorizonWeeks => ("team.horizon_weeks", one),
            Field::CostPerHour => ("team.cost_cny_per_paid_hour", one),
            Field::InitLoans => ("team.init_loans_per_am", one),
            Field::Investigation(t) => ("activity_hours.investigation.{tier}", tier(t)),
            Field::Form => ("activity_hours.form", one),
            Field::Approval => ("activity_hours.approval", one),
            Field::Renewal => ("activity_hours.renewal", one),
            Field::Monitoring(t) => ("activity_hours.monitoring_per_loan.{tier}", tier(t)),
            Field::Collection => ("activity_hours.collection_per_past_due", one),
            Field::ChannelShare(c) => ("channels.{channel}.hour_share", channel(c)),
            Field::ChannelLeads(c) => ("channels.{channel}.leads_per_hour", channel(c)),
            Field::ChannelSaturation(c) => ("channels.{channel}.saturation_hours", channel(c)),
            Field::ChannelCash(c) => ("channels.{channel}.cash_cny_per_hour", channel(c)),
            Field::ChannelMix(c, t) => ("channels.{channel}.mix.{tier}", channel(c).with_tier(t)),
            Field::ContactedAdvance => ("pipeline.contacted.advance_per_week", one),
            Field::ContactedLost => ("pipeline.contacted.lost_per_week", one),
            Field::InterestedAdvance => ("pipeline.interested.advance_per_week", one),
            Field::InterestedLost => ("pipeline.interested.lost_per_week", one),
            Field::Renege => ("pipeline.renege_per_week", one),
            Field::QueueWeeks => ("pipeline.queue_max_weeks", one),
            Field::ApprovalProb(t) => ("pipeline.approval_prob.{tier}", tier(t)),
            Field::Inbound => ("pipeline.inbound_per_am_week", one),
            Field::InboundMix(t) => ("pipeline.inbound_mix.{tier}", tier(t)),
            Field::Amount(t) => ("loans.amount_cny.{tier}", tier(t)),
            Field::Nim(t) => ("loans.nim_per_year.{tier}", tier(t)),
            Field::RenewalProb(t) => ("loans.renewal_prob.{tier}", tier(t)),
            Field::DefaultHazard(t) => ("loans.default_per_week.{tier}", tier(t)),
            Field::Cure => ("loans.cure_per_week", one),
            Field::WriteOff => ("loans.write_off_per_week", one),
            Field::Lgd => ("loans.loss_given_default", one),
            Field::MonitoringPenalty => ("loans.monitoring_penalty", one),
            Field::Migration(from, to) => ("loans.migration.{tier}.{to}", tier(from).with_to(to)),
            Field::TermWeeks(i) => ("loans.terms[{i}].weeks", entry(i)),
            Field::TermWeight(i) => ("loans.terms[{i}].weight", entry(i)),
            Field::NetworkSize => ("referrals.network_size", one),
            Field::NetworkNeed => ("referrals.network_need_per_year", one),
            Field::Introduce(t) => ("referrals.introduce_prob.{tier}", tier(t)),
            Field::Realise => ("referrals.realise_per_week", one),
            Field::Lapse => ("referrals.lapse_per_week", one),
            Field::Homophily(from, to) => {
                ("referrals.homophily.{tier}.{to}", tier(from).with_to(to))
            }
            Field::FixedHours => ("policy.fixed_hours", one),
            Field::FloorHours => ("policy.floor_hours", one),
            Field::CapHours => ("policy.cap_hours", one),
            Field::Coverage => ("policy.coverage_weeks", one),
            Field::Gain => ("policy.gain", one),
            Field::MinHours => ("policy.min_hours", one),
            Field::MaxHours => ("policy.max_hours", one),
            Field::SpringFestivalWeek => ("calendar.spring_festival_week", one),
            Field::MidAutumnWeek => ("calendar.mid_autumn_week", one),
            Field::ShockStart(i) => ("shocks[{i}].start", entry(i)),
            Field::ShockDuration(i) => ("shocks[{i}].duration_weeks", entry(i)),
            Field::ShockSize(i) => ("shocks[{i}].apps_per_am", entry(i)),
            Field::ShockShare(i, c) => ("shocks[{i}].shares.{channel}", entry(i).with_channel(c)),
        }
    }

    /// The spec row of this input in `p` and the instance it edits; a shock's size is the row of
    /// its kind (none for a channel-mix change, whose shares are inputs of their own).
    #[must_use]
    pub fn spec_in(self, p: &Params) -> Option<(&'static Spec, At)> {
        let (mut pattern, at) = self.key();
        if let Field::ShockSize(i) = self {
            pattern = match p.shocks.get(usize::from(i)).map(|s| &s.kind) {
                Some(ShockKind::Burst { .. }) | None => "shocks[{i}].apps_per_am",
                Some(ShockKind::Demand { .. } | ShockKind::Credit { .. }) => "shocks[{i}].mult",
                Some(ShockKind::Capacity { .. }) => "shocks[{i}].frac",
                Some(ShockKind::Prospecting { .. }) => "shocks[{i}].hours",
                Some(ShockKind::Team { .. }) => "shocks[{i}].ams_delta",
                Some(ShockKind::ChannelMix { .. }) => return None,
            };
        }
        Some((spec::entry_in(pattern, p, at)?, at))
    }

    /// The spec row without a scenario.
    fn spec(self) -> Option<(&'static Spec, At)> {
        let (pattern, at) = self.key();
        Some((spec::entry(pattern)?, at))
    }

    /// The valid range of the default scenario.
    #[must_use]
    pub fn range(self) -> Range {
        self.range_in(&Params::default())
    }

    /// The valid range in `p`: the engine's, with scenario figures such as H read from `p`.
    #[must_use]
    pub fn range_in(self, p: &Params) -> Range {
        self.spec_in(p)
            .or_else(|| self.spec())
            .map_or(Range::ANY, |(spec, _)| Range::of(spec, p))
    }

    /// The unit without a scenario (a shock's size has none).
    #[must_use]
    pub fn unit(self) -> Text {
        match self {
            Field::ShockSize(_) => Text::UnitShockSize,
            _ => self
                .spec()
                .map_or(Text::UnitShockSize, |(spec, _)| unit_text(spec.unit)),
        }
    }

    /// The unit, resolved against the scenario where it depends on it (a shock's size).
    #[must_use]
    pub fn unit_in(self, p: &Params) -> Text {
        self.spec_in(p)
            .map_or(Text::UnitShockSize, |(spec, _)| unit_text(spec.unit))
    }

    /// The label's key (tier and channel names are added by the table that shows them).
    #[must_use]
    pub fn label(self) -> Text {
        match self {
            Field::Ams => Text::FieldAms,
            Field::HoursPerWeek => Text::FieldHoursPerWeek,
            Field::TargetLoans => Text::FieldTargetLoans,
            Field::HorizonWeeks => Text::FieldHorizonWeeks,
            Field::CostPerHour => Text::FieldCostPerHour,
            Field::Investigation(_) => Text::FieldInvestigation,
            Field::Form => Text::FieldForm,
            Field::Approval => Text::FieldApproval,
            Field::Renewal => Text::FieldRenewal,
            Field::Monitoring(_) => Text::FieldMonitoring,
            Field::Collection => Text::FieldCollection,
            Field::ChannelShare(_) => Text::FieldChannelShare,
            Field::ChannelLeads(_) => Text::FieldChannelLeads,
            Field::ChannelSaturation(_) => Text::FieldChannelSaturation,
            Field::ChannelCash(_) => Text::FieldChannelCash,
            Field::ContactedAdvance => Text::FieldContactedAdvance,
            Field::ContactedLost => Text::FieldContactedLost,
            Field::InterestedAdvance => Text::FieldInterestedAdvance,
            Field::InterestedLost => Text::FieldInterestedLost,
            Field::Renege => Text::FieldRenege,
            Field::QueueWeeks => Text::FieldQueueWeeks,
            Field::ApprovalProb(_) => Text::FieldApprovalProb,
            Field::Inbound => Text::FieldInbound,
            Field::Amount(_) => Text::FieldAmount,
            Field::Nim(_) => Text::FieldNim,
            Field::RenewalProb(_) => Text::FieldRenewalProb,
            Field::DefaultHazard(_) => Text::FieldDefaultHazard,
            Field::Cure => Text::FieldCure,
            Field::WriteOff => Text::FieldWriteOff,
            Field::Lgd => Text::FieldLgd,
            Field::MonitoringPenalty => Text::FieldMonitoringPenalty,
            Field::NetworkSize => Text::FieldNetworkSize,
            Field::NetworkNeed => Text::FieldNetworkNeed,
            Field::Introduce(_) => Text::FieldIntroduce,
            Field::Realise => Text::FieldRealise,
            Field::Lapse => Text::FieldLapse,
            Field::FixedHours => Text::FieldFixedHours,
            Field::FloorHours => Text::FieldFloorHours,
            Field::CapHours => Text::FieldCapHours,
            Field::Coverage => Text::FieldCoverage,
            Field::Gain => Text::FieldGain,
            Field::MinHours => Text::FieldMinHours,
            Field::MaxHours => Text::FieldMaxHours,
            Field::InitLoans => Text::FieldInitLoans,
            Field::ChannelMix(..) | Field::InboundMix(_) => Text::FieldMix,
            Field::Migration(..) => Text::FieldMigration,
            Field::Homophily(..) => Text::FieldHomophily,
            Field::TermWeeks(_) => Text::FieldTermWeeks,
            Field::TermWeight(_) => Text::FieldTermWeight,
            Field::SpringFestivalWeek => Text::FieldSpringFestivalWeek,
            Field::MidAutumnWeek => Text::FieldMidAutumnWeek,
            Field::ShockStart(_) => Text::FieldShockStart,
            Field::ShockDuration(_) => Text::FieldShockDuration,
            Field::ShockSize(_) => Text::FieldShockSize,
            Field::ShockShare(..) => Text::FieldShockShare,
        }
    }

    /// Where the default comes from (MODEL.md's justification), for the tooltip.
    #[must_use]
    pub fn help(self) -> Text {
        match self {
            Field::Ams => Text::HelpAms,
            Field::HoursPerWeek => Text::HelpHoursPerWeek,
            Field::TargetLoans => Text::HelpTargetLoans,
            Field::HorizonWeeks => Text::HelpHorizonWeeks,
            Field::CostPerHour => Text::HelpCostPerHour,
            Field::Investigation(_) | Field::Form => Text::HelpInvestigation,
            Field::Approval => Text::HelpApproval,
            Field::Renewal => Text::HelpRenewal,
            Field::Monitoring(_) => Text::HelpMonitoring,
            Field::Collection => Text::HelpCollection,
            Field::ChannelShare(_) => Text::HelpChannelShare,
            Field::ChannelLeads(_) | Field::ChannelSaturation(_) => Text::HelpChannelYield,
            Field::ChannelCash(_) => Text::HelpChannelCash,
            Field::ContactedAdvance
            | Field::ContactedLost
            | Field::InterestedAdvance
            | Field::InterestedLost => Text::HelpStages,
            Field::Renege | Field::QueueWeeks => Text::HelpQueue,
            Field::ApprovalProb(_) => Text::HelpApprovalProb,
            Field::Inbound | Field::InboundMix(_) => Text::HelpInbound,
            Field::Amount(_) | Field::Nim(_) => Text::HelpAmountNim,
            Field::RenewalProb(_) => Text::HelpRenewalProb,
            Field::DefaultHazard(_) | Field::Cure | Field::WriteOff | Field::Lgd => {
                Text::HelpCredit
            }
            Field::MonitoringPenalty => Text::HelpMonitoringPenalty,
            Field::NetworkSize | Field::NetworkNeed | Field::Introduce(_) => Text::HelpReferrals,
            Field::Realise | Field::Lapse => Text::HelpReferralStages,
            Field::FixedHours => Text::HelpFixedHours,
            Field::FloorHours => Text::HelpFloorHours,
            Field::CapHours => Text::HelpCapHours,
            Field::Coverage | Field::Gain | Field::MinHours | Field::MaxHours => {
                Text::HelpTargetPipeline
            }
            Field::InitLoans => Text::HelpInitLoans,
            Field::ChannelMix(..) => Text::HelpChannelMix,
            Field::Migration(..) => Text::HelpMigration,
            Field::Homophily(..) => Text::HelpHomophily,
            Field::TermWeeks(_) | Field::TermWeight(_) => Text::HelpTerms,
            Field::SpringFestivalWeek | Field::MidAutumnWeek => Text::HelpLunarWeeks,
            Field::ShockStart(_) | Field::ShockDuration(_) | Field::ShockSize(_) => {
                Text::HelpShocks
            }
            Field::ShockShare(..) => Text::HelpShockShares,
        }
    }

    /// The current value; `None` for an hours setting or coverage that is "auto", and for an entry
    /// the scenario does not have.
    #[must_use]
    pub fn get(self, p: &Params) -> Option<f64> {
        let (spec, at) = self.spec_in(p)?;
        match spec.value(p, at)? {
            Value::Hours(Hours::FullWeek) => Some(p.team.hours_per_week),
            value => value.number(),
        }
    }

    /// Stores a value; `None` means "auto" for fields that allow it (others ignore `None`).
    pub fn set(self, p: &mut Params, value: Option<f64>) {
        let Some((spec, at)) = self.spec_in(p) else {
            return;
        };
        if let Some(slot) = (spec.set)(p, at) {
            slot.store(value);
        }
    }

    /// Every field, for tests and lookups by path.
    #[must_use]
    pub fn all() -> Vec<Field> {
        Group::ALL.into_iter().flat_map(Field::of_group).collect()
    }

    /// The field an engine error path names, if the page has an input for it.
    #[must_use]
    pub fn from_path(path: &str, p: &Params) -> Option<Field> {
        Field::all().into_iter().find(|f| f.path_in(p) == path)
    }
}

/// Paths of rules about a whole row or list (a mix that must sum to 1, the term list, the channel
/// shares); the page shows their errors under that row rather than under one input.
#[must_use]
pub fn row_paths() -> Vec<String> {
    let mut paths = vec![
        "channels".to_owned(),
        "pipeline.inbound_mix".to_owned(),
        "loans.terms".to_owned(),
    ];
    paths.extend(ChannelId::ALL.map(|c| format!("channels.{}.mix", c.id())));
    paths.extend(Tier::ALL.map(|t| format!("loans.migration.{}", t.id())));
    paths.extend(Tier::ALL.map(|t| format!("referrals.homophily.{}", t.id())));
    paths.extend((0..MAX_SHOCKS).map(|i| format!("shocks[{i}].shares")));
    paths
}

/// Tier names for table headers.
#[must_use]
pub fn tier_label(tier: Tier) -> Text {
    match tier {
        Tier::Prime => Text::TierPrime,
        Tier::Standard => Text::TierStandard,
        Tier::Marginal => Text::TierMarginal,
    }
}

/// Channel names for table rows: the same names the plan's files use.
pub use crate::scenario::plan_out::channel_text as channel_label;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::params::Calendar;
    use crate::engine::validate;

    #[test]
    fn every_field_round_trips_through_params() {
        for field in Field::all() {
            let mut p = Params {
                calendar: Calendar::ChinaDefault {
                    spring_festival_week: 6.0,
                    mid_autumn_week: 38.0,
                },
                ..Params::default()
            };
            // A channel-mix change has shares, the other kinds a size.
            let kind = if let Field::ShockShare(..) = field {
                ShockKind::ChannelMix {
                    shares: [1.0 / 9.0; crate::engine::CHANNELS],
                }
            } else {
                ShockKind::Capacity { frac: 0.5 }
            };
            p.shocks = (0..MAX_SHOCKS)
                .map(|_| crate::engine::params::Shock {
                    start: 1.0,
                    duration_weeks: 1.0,
                    kind: kind.clone(),
                })
                .collect();
            p.loans.terms = (0..MAX_TERMS)
                .map(|i| crate::engine::params::TermClass {
                    weeks: f64::from(i + 1),
                    weight: 1.0 / f64::from(MAX_TERMS),
                })
                .collect();
            let value =
                field.range().min.max(0.0) + if field.range().integer { 1.0 } else { 0.125 };
            field.set(&mut p, Some(value));
            assert_eq!(field.get(&p), Some(value), "{field:?}");
        }
    }

    #[test]
    fn paths_are_unique_and_found_again() {
        let all = Field::all();
        let p = Params::default();
        for field in &all {
            assert_eq!(Field::from_path(&field.path_in(&p), &p), Some(*field));
        }
        let mut paths: Vec<String> = all.iter().map(|f| f.path()).collect();
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), all.len());
    }

    #[test]
    fn an_out_of_range_value_is_reported_on_the_fields_own_path() {
        // Regression guard for issue 4: the page finds the field of an engine error by its path.
        for field in [
            Field::Ams,
            Field::HoursPerWeek,
            Field::Investigation(Tier::Standard),
            Field::ChannelLeads(ChannelId::Event),
            Field::Amount(Tier::Prime),
            Field::Gain,
            Field::TermWeeks(1),
            Field::Migration(Tier::Standard, Tier::Marginal),
            Field::ChannelMix(ChannelId::Flyer, Tier::Prime),
        ] {
            let mut p = Params::default();
            field.set(&mut p, Some(field.range().max + 1000.0));
            let errors = validate(&p).expect_err("out of range is rejected");
            assert!(
                errors.iter().any(|e| e.param == field.path()),
                "{field:?}: {errors:?}"
            );
        }
        // A shock's size has a kind-dependent name.
        let mut p = Params::default();
        p.shocks.push(crate::engine::params::Shock {
            start: 3.0,
            duration_weeks: 2.0,
            kind: ShockKind::Demand {
                mult: 99.0,
                flows: None,
            },
        });
        let errors = validate(&p).expect_err("rejected");
        assert_eq!(
            Field::from_path(&errors[0].param, &p),
            Some(Field::ShockSize(0))
        );
    }

    #[test]
    fn interventions_have_sizes_of_their_own() {
        use crate::engine::params::{ProspectingChange, Shock};
        let shock = |kind| Shock {
            start: 3.0,
            duration_weeks: 2.0,
            kind,
        };
        let mut p = Params {
            shocks: vec![
                shock(ShockKind::Prospecting {
                    change: ProspectingChange::Floor { hours: 4.0 },
                }),
                shock(ShockKind::Team { ams_delta: 2.0 }),
                shock(ShockKind::Prospecting {
                    change: ProspectingChange::Stop,
                }),
                shock(ShockKind::ChannelMix {
                    shares: Params::default().channels.map(|c| c.hour_share),
                }),
            ],
            ..Params::default()
        };
        assert_eq!(Field::ShockSize(0).get(&p), Some(4.0));
        assert_eq!(Field::ShockSize(0).path_in(&p), "shocks[0].hours");
        assert_eq!(Field::ShockSize(0).unit_in(&p), Text::UnitHoursPerAmWeek);
        assert_eq!(Field::ShockSize(1).get(&p), Some(2.0));
        assert_eq!(Field::ShockSize(1).range_in(&p), whole(-5.0, 194.0));
        assert_eq!(Field::ShockSize(2).get(&p), None, "a stop has no size");
        assert_eq!(Field::ShockSize(3).get(&p), None, "a mix has shares");
        Field::ShockSize(0).set(&mut p, Some(6.0));
        Field::ShockSize(1).set(&mut p, Some(-2.0));
        Field::ShockShare(3, ChannelId::Flyer).set(&mut p, Some(0.5));
        assert_eq!(Field::ShockSize(0).get(&p), Some(6.0));
        assert_eq!(Field::ShockSize(1).get(&p), Some(-2.0));
        assert_eq!(Field::ShockShare(3, ChannelId::Flyer).get(&p), Some(0.5));
        assert_eq!(Field::ShockShare(2, ChannelId::Flyer).get(&p), None);
        // The shares no longer sum to 1: a row error under the mix, not an unplaced one.
        let errors = validate(&p).expect_err("rejected");
        assert!(
            errors.iter().any(|e| e.param == "shocks[3].shares"),
            "{errors:?}"
        );
        assert!(row_paths().contains(&"shocks[3].shares".to_owned()));
        Field::ShockShare(3, ChannelId::Flyer).set(&mut p, Some(2.0));
        let errors = validate(&p).expect_err("rejected");
        assert_eq!(
            Field::from_path(&errors[0].param, &p),
            Some(Field::ShockShare(3, ChannelId::Flyer))
        );
    }

    /// A scenario with an instance of every input: the china calendar, twelve terms, and one shock
    /// of each kind the size input follows.
    fn with_every_input() -> Params {
        use crate::engine::params::{ProspectingChange, Shock, TermClass};
        let kinds = [
            ShockKind::Burst {
                apps_per_am: 3.0,
                mix: None,
            },
            ShockKind::Demand {
                mult: 2.0,
                flows: None,
            },
            ShockKind::Capacity { frac: 0.2 },
            ShockKind::Credit { mult: 2.0 },
            ShockKind::Prospecting {
                change: ProspectingChange::Floor { hours: 4.0 },
            },
            ShockKind::Team { ams_delta: 2.0 },
            ShockKind::ChannelMix {
                shares: Params::default().channels.map(|c| c.hour_share),
            },
        ];
        Params {
            calendar: Calendar::ChinaDefault {
                spring_festival_week: 6.0,
                mid_autumn_week: 38.0,
            },
            loans: crate::engine::params::Loans {
                terms: (0..MAX_TERMS)
                    .map(|i| TermClass {
                        weeks: 13.0 + 4.0 * f64::from(i),
                        weight: 1.0 / f64::from(MAX_TERMS),
                    })
                    .collect(),
                ..Params::default().loans
            },
            shocks: (0..MAX_SHOCKS)
                .map(|i| Shock {
                    start: f64::from(i),
                    duration_weeks: 2.0,
                    kind: kinds[usize::from(i) % kinds.len()].clone(),
                })
                .collect(),
            ..Params::default()
        }
    }

    #[test]
    fn every_input_has_a_spec_row_with_its_path() {
        // Issue 13: paths, ranges, units and accessors come from the engine's spec.
        let p = with_every_input();
        for field in Field::all() {
            let Some((row, at)) = field.spec_in(&p) else {
                assert!(
                    matches!(field, Field::ShockSize(i) if matches!(p.shocks[usize::from(i)].kind, ShockKind::ChannelMix { .. })),
                    "{field:?} has no spec row"
                );
                continue;
            };
            assert_eq!(row.path_at(at), field.path_in(&p), "{field:?}");
            assert_eq!(field.range_in(&p).integer, row.kind == spec::Kind::Whole);
            assert_eq!(field.unit_in(&p), unit_text(row.unit), "{field:?}");
            if !matches!(field, Field::ShockSize(_)) {
                assert_eq!(row.path_at(at), field.path(), "{field:?}");
            }
        }
    }

    #[test]
    fn dom_ids_and_paths_stay_as_the_end_to_end_tests_know_them() {
        for (field, id, path) in [
            (Field::Ams, "in-team-ams", "team.ams"),
            (
                Field::HoursPerWeek,
                "in-team-hours_per_week",
                "team.hours_per_week",
            ),
            (
                Field::HorizonWeeks,
                "in-team-horizon_weeks",
                "team.horizon_weeks",
            ),
            (
                Field::TargetLoans,
                "in-team-target_loans_per_am",
                "team.target_loans_per_am",
            ),
            (Field::Form, "in-activity_hours-form", "activity_hours.form"),
            (
                Field::ChannelMix(ChannelId::Flyer, Tier::Prime),
                "in-channels-flyer-mix-prime",
                "channels.flyer.mix.prime",
            ),
            (
                Field::ChannelShare(ChannelId::SupplyChain),
                "in-channels-supply_chain-hour_share",
                "channels.supply_chain.hour_share",
            ),
            (Field::CapHours, "in-policy-cap_hours", "policy.cap_hours"),
            (
                Field::FloorHours,
                "in-policy-floor_hours",
                "policy.floor_hours",
            ),
            (Field::ShockStart(0), "in-shocks-0-start", "shocks[0].start"),
            (Field::ShockSize(0), "in-shocks-0-size", "shocks[0].size"),
            (
                Field::Migration(Tier::Standard, Tier::Marginal),
                "in-loans-migration-standard-marginal",
                "loans.migration.standard.marginal",
            ),
            (
                Field::TermWeight(11),
                "in-loans-terms-11-weight",
                "loans.terms[11].weight",
            ),
            (
                Field::ShockShare(3, ChannelId::Event),
                "in-shocks-3-shares-event",
                "shocks[3].shares.event",
            ),
        ] {
            assert_eq!(field.dom_id(), id);
            assert_eq!(field.path(), path);
        }
    }

    #[test]
    fn the_page_advertises_exactly_the_range_the_engine_accepts() {
        // Issue 13: the page said a channel's saturation was 0–80, the engine wanted more than 0.
        let base = with_every_input();
        assert!(validate(&base).is_ok(), "{:?}", validate(&base).err());
        let range_errors = |p: &Params, path: &str| match validate(p) {
            Ok(_) => false,
            Err(errors) => errors.iter().any(|e| {
                e.param == path
                    && matches!(
                        e.rule,
                        crate::engine::Rule::OutOfRange
                            | crate::engine::Rule::NotInteger
                            | crate::engine::Rule::ShockTooShort
                    )
            }),
        };
        for field in Field::all() {
            if field.get(&base).is_none() {
                continue;
            }
            let range = field.range_in(&base);
            let path = field.path_in(&base);
            // The next number a person could type beyond the bound.
            let step = |v: f64| {
                if range.integer {
                    1.0
                } else {
                    (v.abs() * 1e-12).max(1e-9)
                }
            };
            let probe = |value: f64, valid: bool| {
                let mut p = base.clone();
                field.set(&mut p, Some(value));
                assert_eq!(
                    !range_errors(&p, &path),
                    valid,
                    "{path} = {value}: the page says {range:?}"
                );
            };
            if range.min.is_finite() {
                probe(range.min, !range.min_open);
                probe(range.min - step(range.min), false);
            }
            if range.max.is_finite() {
                probe(range.max, !range.max_open);
                probe(range.max + step(range.max), false);
            }
            if range.integer && range.min.is_finite() {
                probe(range.min + 0.5, false);
            }
        }
        let saturation = Field::ChannelSaturation(ChannelId::Media).range_in(&base);
        assert_eq!(
            (saturation.min_open, saturation.min.to_string()),
            (true, "0".into())
        );
        // Hours settings are bounded by the working week, not by 80.
        assert_eq!(Field::FixedHours.range_in(&base).max.to_string(), "40");
    }

    #[test]
    fn hours_settings_can_be_auto() {
        let mut p = Params::default();
        Field::CapHours.set(&mut p, Some(4.0));
        assert_eq!(Field::CapHours.get(&p), Some(4.0));
        Field::CapHours.set(&mut p, None);
        assert_eq!(Field::CapHours.get(&p), None);
        assert_eq!(p.policy.cap_hours, Hours::AUTO);
    }
}
