//! The registry of numeric inputs: every editable number of `engine::Params`, with its JSON path (the
//! same path the engine's validation errors name), label, unit, valid range, help text and group.
//!
//! The inputs panel is generated from this table, so a parameter gets its label, unit, range and
//! tooltip in one place, and an engine error finds its field by path.

use crate::engine::params::{Calendar, Hours, Params, ProspectingChange, ShockKind};
use crate::engine::{ChannelId, Tier};
use crate::i18n::Text;

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

/// The valid range of an input, as MODEL.md section 3 gives it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    pub min: f64,
    pub max: f64,
    pub integer: bool,
}

const fn range(min: f64, max: f64) -> Range {
    Range {
        min,
        max,
        integer: false,
    }
}

const fn whole(min: f64, max: f64) -> Range {
    Range {
        min,
        max,
        integer: true,
    }
}

const PROBABILITY: Range = range(0.0, 1.0);

/// Term classes the page offers rows for (MODEL.md allows 1–12).
pub const MAX_TERMS: u8 = 12;

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

    /// The JSON path of the field in the scenario file: the `param` of the engine's errors.
    #[must_use]
    pub fn path(self) -> String {
        let tier = |base: &str, t: Tier| format!("{base}.{}", t.id());
        let channel = |c: ChannelId, name: &str| format!("channels.{}.{name}", c.id());
        match self {
            Field::Ams => "team.ams".into(),
            Field::HoursPerWeek => "team.hours_per_week".into(),
            Field::TargetLoans => "team.target_loans_per_am".into(),
            Field::HorizonWeeks => "team.horizon_weeks".into(),
            Field::CostPerHour => "team.cost_cny_per_paid_hour".into(),
            Field::Investigation(t) => tier("activity_hours.investigation", t),
            Field::Form => "activity_hours.form".into(),
            Field::Approval => "activity_hours.approval".into(),
            Field::Renewal => "activity_hours.renewal".into(),
            Field::Monitoring(t) => tier("activity_hours.monitoring_per_loan", t),
            Field::Collection => "activity_hours.collection_per_past_due".into(),
            Field::ChannelShare(c) => channel(c, "hour_share"),
            Field::ChannelLeads(c) => channel(c, "leads_per_hour"),
            Field::ChannelSaturation(c) => channel(c, "saturation_hours"),
            Field::ChannelCash(c) => channel(c, "cash_cny_per_hour"),
            Field::ContactedAdvance => "pipeline.contacted.advance_per_week".into(),
            Field::ContactedLost => "pipeline.contacted.lost_per_week".into(),
            Field::InterestedAdvance => "pipeline.interested.advance_per_week".into(),
            Field::InterestedLost => "pipeline.interested.lost_per_week".into(),
            Field::Renege => "pipeline.renege_per_week".into(),
            Field::QueueWeeks => "pipeline.queue_max_weeks".into(),
            Field::ApprovalProb(t) => tier("pipeline.approval_prob", t),
            Field::Inbound => "pipeline.inbound_per_am_week".into(),
            Field::Amount(t) => tier("loans.amount_cny", t),
            Field::Nim(t) => tier("loans.nim_per_year", t),
            Field::RenewalProb(t) => tier("loans.renewal_prob", t),
            Field::DefaultHazard(t) => tier("loans.default_per_week", t),
            Field::Cure => "loans.cure_per_week".into(),
            Field::WriteOff => "loans.write_off_per_week".into(),
            Field::Lgd => "loans.loss_given_default".into(),
            Field::MonitoringPenalty => "loans.monitoring_penalty".into(),
            Field::NetworkSize => "referrals.network_size".into(),
            Field::NetworkNeed => "referrals.network_need_per_year".into(),
            Field::Introduce(t) => tier("referrals.introduce_prob", t),
            Field::Realise => "referrals.realise_per_week".into(),
            Field::Lapse => "referrals.lapse_per_week".into(),
            Field::FixedHours => "policy.fixed_hours".into(),
            Field::FloorHours => "policy.floor_hours".into(),
            Field::CapHours => "policy.cap_hours".into(),
            Field::Coverage => "policy.coverage_weeks".into(),
            Field::Gain => "policy.gain".into(),
            Field::MinHours => "policy.min_hours".into(),
            Field::MaxHours => "policy.max_hours".into(),
            Field::InitLoans => "team.init_loans_per_am".into(),
            Field::ChannelMix(c, t) => format!("channels.{}.mix.{}", c.id(), t.id()),
            Field::InboundMix(t) => tier("pipeline.inbound_mix", t),
            Field::Migration(from, to) => format!("loans.migration.{}.{}", from.id(), to.id()),
            Field::Homophily(from, to) => {
                format!("referrals.homophily.{}.{}", from.id(), to.id())
            }
            Field::TermWeeks(i) => format!("loans.terms[{i}].weeks"),
            Field::TermWeight(i) => format!("loans.terms[{i}].weight"),
            Field::SpringFestivalWeek => "calendar.spring_festival_week".into(),
            Field::MidAutumnWeek => "calendar.mid_autumn_week".into(),
            Field::ShockStart(i) => format!("shocks[{i}].start"),
            Field::ShockDuration(i) => format!("shocks[{i}].duration_weeks"),
            Field::ShockSize(i) => format!("shocks[{i}].size"),
            Field::ShockShare(i, c) => format!("shocks[{i}].shares.{}", c.id()),
        }
    }

    /// The JSON path, resolved against the scenario where it depends on it (a shock's size is
    /// `apps_per_am`, `mult` or `frac` by kind).
    #[must_use]
    pub fn path_in(self, p: &Params) -> String {
        match self {
            Field::ShockSize(i) => {
                let name = match p.shocks.get(usize::from(i)).map(|s| &s.kind) {
                    Some(ShockKind::Burst { .. }) | None => "apps_per_am",
                    Some(ShockKind::Demand { .. } | ShockKind::Credit { .. }) => "mult",
                    Some(ShockKind::Capacity { .. }) => "frac",
                    Some(ShockKind::Prospecting { .. }) => "hours",
                    // A channel mix has no size: its shares are `ShockShare` fields.
                    Some(ShockKind::ChannelMix { .. }) => "size",
                    Some(ShockKind::Team { .. }) => "ams_delta",
                };
                format!("shocks[{i}].{name}")
            }
            other => other.path(),
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

    /// The valid range (MODEL.md section 3). Hours settings are bounded by the working week, which
    /// the engine checks; the range here is what the input element advertises.
    #[must_use]
    pub fn range(self) -> Range {
        match self {
            Field::Ams => whole(1.0, 200.0),
            Field::HoursPerWeek => range(5.0, 80.0),
            Field::TargetLoans => range(1.0, 1000.0),
            Field::HorizonWeeks => whole(13.0, 156.0),
            Field::CostPerHour | Field::ChannelCash(_) => range(0.0, 1e5),
            Field::Investigation(_) => range(0.25, 16.0),
            Field::Form => range(0.25, 8.0),
            Field::Approval => range(0.0, 8.0),
            Field::Renewal => range(0.0, 16.0),
            Field::Monitoring(_) => range(0.0, 2.0),
            Field::Collection | Field::ChannelLeads(_) => range(0.0, 20.0),
            Field::QueueWeeks => whole(1.0, 12.0),
            Field::Inbound => range(0.0, 50.0),
            Field::Amount(_) => range(0.0, 1e8),
            Field::Nim(_) => range(-0.1, 0.5),
            Field::DefaultHazard(_) => range(0.0, 0.2),
            Field::MonitoringPenalty => range(0.0, 10.0),
            Field::NetworkSize => range(1.0, 10_000.0),
            Field::ChannelSaturation(_)
            | Field::FixedHours
            | Field::FloorHours
            | Field::CapHours
            | Field::MinHours
            | Field::MaxHours => range(0.0, 80.0),
            Field::Coverage => range(0.0, 52.0),
            Field::InitLoans => range(0.0, 1000.0),
            Field::TermWeeks(_) => whole(1.0, 104.0),
            Field::SpringFestivalWeek | Field::MidAutumnWeek => whole(1.0, 52.0),
            Field::ShockStart(_) => whole(0.0, 155.0),
            Field::ShockDuration(_) => whole(1.0, 156.0),
            Field::ShockSize(_) => range(0.0, 100.0),
            Field::Gain => range(0.0, 1.0),
            Field::ChannelShare(_)
            | Field::ContactedAdvance
            | Field::ContactedLost
            | Field::InterestedAdvance
            | Field::InterestedLost
            | Field::Renege
            | Field::ApprovalProb(_)
            | Field::RenewalProb(_)
            | Field::Cure
            | Field::WriteOff
            | Field::Lgd
            | Field::NetworkNeed
            | Field::Introduce(_)
            | Field::Realise
            | Field::Lapse
            | Field::ChannelMix(..)
            | Field::InboundMix(_)
            | Field::Migration(..)
            | Field::Homophily(..)
            | Field::TermWeight(_)
            | Field::ShockShare(..) => PROBABILITY,
        }
    }

    /// The valid range, resolved against the scenario where it depends on it (a shock's size).
    #[must_use]
    pub fn range_in(self, p: &Params) -> Range {
        match (self, self.shock_kind(p)) {
            (Field::ShockSize(_), Some(ShockKind::Demand { .. })) => range(0.0, 10.0),
            (Field::ShockSize(_), Some(ShockKind::Credit { .. })) => range(0.0, 50.0),
            (Field::ShockSize(_), Some(ShockKind::Capacity { .. })) => PROBABILITY,
            (Field::ShockSize(_), Some(ShockKind::Prospecting { .. })) => {
                range(0.0, p.team.hours_per_week)
            }
            (Field::ShockSize(_), Some(ShockKind::Team { .. })) => {
                whole(1.0 - p.team.ams, 200.0 - p.team.ams)
            }
            _ => self.range(),
        }
    }

    /// The unit, resolved against the scenario where it depends on it (a shock's size).
    #[must_use]
    pub fn unit_in(self, p: &Params) -> Text {
        match (self, self.shock_kind(p)) {
            (Field::ShockSize(_), Some(ShockKind::Burst { .. })) => Text::UnitAppsPerAmWeek,
            (Field::ShockSize(_), Some(ShockKind::Demand { .. } | ShockKind::Credit { .. })) => {
                Text::UnitMultiplier
            }
            (Field::ShockSize(_), Some(ShockKind::Capacity { .. })) => Text::UnitShareOfHours,
            (Field::ShockSize(_), Some(ShockKind::Prospecting { .. })) => Text::UnitHoursPerAmWeek,
            (Field::ShockSize(_), Some(ShockKind::Team { .. })) => Text::UnitAms,
            _ => self.unit(),
        }
    }

    fn shock_kind(self, p: &Params) -> Option<&ShockKind> {
        match self {
            Field::ShockSize(i) => p.shocks.get(usize::from(i)).map(|s| &s.kind),
            _ => None,
        }
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

    #[must_use]
    pub fn unit(self) -> Text {
        match self {
            Field::Ams => Text::UnitAms,
            Field::HoursPerWeek
            | Field::FixedHours
            | Field::FloorHours
            | Field::CapHours
            | Field::MinHours
            | Field::MaxHours
            | Field::ChannelSaturation(_) => Text::UnitHoursPerAmWeek,
            Field::TargetLoans | Field::InitLoans => Text::UnitLoansPerAm,
            Field::SpringFestivalWeek | Field::MidAutumnWeek => Text::UnitWeekOfYear,
            Field::ShockStart(_) => Text::UnitSimWeek,
            Field::ShockSize(_) => Text::UnitShockSize,
            Field::HorizonWeeks
            | Field::QueueWeeks
            | Field::Coverage
            | Field::TermWeeks(_)
            | Field::ShockDuration(_) => Text::UnitWeeks,
            Field::CostPerHour | Field::ChannelCash(_) => Text::UnitCnyPerHour,
            Field::Investigation(_) | Field::Form | Field::Approval | Field::Renewal => {
                Text::UnitHoursPerCase
            }
            Field::Monitoring(_) => Text::UnitHoursPerLoanWeek,
            Field::Collection => Text::UnitHoursPerPastDueWeek,
            Field::ChannelLeads(_) => Text::UnitProspectsPerHour,
            Field::Inbound => Text::UnitLeadsPerAmWeek,
            Field::Amount(_) => Text::UnitCny,
            Field::Nim(_) | Field::NetworkNeed => Text::UnitSharePerYear,
            Field::ContactedAdvance
            | Field::ContactedLost
            | Field::InterestedAdvance
            | Field::InterestedLost
            | Field::Renege
            | Field::DefaultHazard(_)
            | Field::Cure
            | Field::WriteOff
            | Field::Realise
            | Field::Lapse => Text::UnitPerWeek,
            Field::NetworkSize => Text::UnitPeople,
            Field::MonitoringPenalty | Field::Gain => Text::UnitFactor,
            Field::ChannelShare(_)
            | Field::ApprovalProb(_)
            | Field::RenewalProb(_)
            | Field::Lgd
            | Field::Introduce(_)
            | Field::ChannelMix(..)
            | Field::InboundMix(_)
            | Field::Migration(..)
            | Field::Homophily(..)
            | Field::TermWeight(_)
            | Field::ShockShare(..) => Text::UnitShare,
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

    /// The current value; `None` for an hours setting or coverage that is "auto".
    #[must_use]
    pub fn get(self, p: &Params) -> Option<f64> {
        let hours = |h: Hours| match h {
            Hours::Value(v) => Some(v),
            Hours::TimesHStar(_) => None,
            Hours::FullWeek => Some(p.team.hours_per_week),
        };
        let c = |id: ChannelId| &p.channels[id.index()];
        Some(match self {
            Field::Ams => p.team.ams,
            Field::HoursPerWeek => p.team.hours_per_week,
            Field::TargetLoans => p.team.target_loans_per_am,
            Field::HorizonWeeks => p.team.horizon_weeks,
            Field::CostPerHour => p.team.cost_cny_per_paid_hour,
            Field::Investigation(t) => p.activity_hours.investigation[t.index()],
            Field::Form => p.activity_hours.form,
            Field::Approval => p.activity_hours.approval,
            Field::Renewal => p.activity_hours.renewal,
            Field::Monitoring(t) => p.activity_hours.monitoring_per_loan[t.index()],
            Field::Collection => p.activity_hours.collection_per_past_due,
            Field::ChannelShare(id) => c(id).hour_share,
            Field::ChannelLeads(id) => c(id).leads_per_hour,
            Field::ChannelSaturation(id) => c(id).saturation_hours,
            Field::ChannelCash(id) => c(id).cash_cny_per_hour,
            Field::ContactedAdvance => p.pipeline.contacted.advance_per_week,
            Field::ContactedLost => p.pipeline.contacted.lost_per_week,
            Field::InterestedAdvance => p.pipeline.interested.advance_per_week,
            Field::InterestedLost => p.pipeline.interested.lost_per_week,
            Field::Renege => p.pipeline.renege_per_week,
            Field::QueueWeeks => p.pipeline.queue_max_weeks,
            Field::ApprovalProb(t) => p.pipeline.approval_prob[t.index()],
            Field::Inbound => p.pipeline.inbound_per_am_week,
            Field::Amount(t) => p.loans.amount_cny[t.index()],
            Field::Nim(t) => p.loans.nim_per_year[t.index()],
            Field::RenewalProb(t) => p.loans.renewal_prob[t.index()],
            Field::DefaultHazard(t) => p.loans.default_per_week[t.index()],
            Field::Cure => p.loans.cure_per_week,
            Field::WriteOff => p.loans.write_off_per_week,
            Field::Lgd => p.loans.loss_given_default,
            Field::MonitoringPenalty => p.loans.monitoring_penalty,
            Field::NetworkSize => p.referrals.network_size,
            Field::NetworkNeed => p.referrals.network_need_per_year,
            Field::Introduce(t) => p.referrals.introduce_prob[t.index()],
            Field::Realise => p.referrals.realise_per_week,
            Field::Lapse => p.referrals.lapse_per_week,
            Field::FixedHours => return hours(p.policy.fixed_hours),
            Field::FloorHours => return hours(p.policy.floor_hours),
            Field::CapHours => return hours(p.policy.cap_hours),
            Field::MinHours => return hours(p.policy.min_hours),
            Field::MaxHours => return hours(p.policy.max_hours),
            Field::Coverage => return p.policy.coverage_weeks,
            Field::Gain => p.policy.gain,
            Field::InitLoans => return p.team.init_loans_per_am,
            Field::ChannelMix(id, t) => c(id).mix[t.index()],
            Field::InboundMix(t) => p.pipeline.inbound_mix[t.index()],
            Field::Migration(from, to) => p.loans.migration[from.index()][to.index()],
            Field::Homophily(from, to) => p.referrals.homophily[from.index()][to.index()],
            Field::TermWeeks(i) => p.loans.terms.get(usize::from(i))?.weeks,
            Field::TermWeight(i) => p.loans.terms.get(usize::from(i))?.weight,
            Field::SpringFestivalWeek => match p.calendar {
                Calendar::ChinaDefault {
                    spring_festival_week,
                    ..
                } => spring_festival_week,
                _ => return None,
            },
            Field::MidAutumnWeek => match p.calendar {
                Calendar::ChinaDefault {
                    mid_autumn_week, ..
                } => mid_autumn_week,
                _ => return None,
            },
            Field::ShockStart(i) => p.shocks.get(usize::from(i))?.start,
            Field::ShockDuration(i) => p.shocks.get(usize::from(i))?.duration_weeks,
            Field::ShockSize(i) => match p.shocks.get(usize::from(i))?.kind {
                ShockKind::Burst { apps_per_am, .. } => apps_per_am,
                ShockKind::Demand { mult, .. } | ShockKind::Credit { mult } => mult,
                ShockKind::Capacity { frac } => frac,
                ShockKind::Prospecting { change } => return change.hours(),
                ShockKind::ChannelMix { .. } => return None,
                ShockKind::Team { ams_delta } => ams_delta,
            },
            Field::ShockShare(i, c) => match p.shocks.get(usize::from(i))?.kind {
                ShockKind::ChannelMix { shares } => shares[c.index()],
                _ => return None,
            },
        })
    }

    /// Stores a value; `None` means "auto" for fields that allow it (others ignore `None`).
    pub fn set(self, p: &mut Params, value: Option<f64>) {
        if let Some(slot) = self.hours_slot(p) {
            *slot = value.map_or(Hours::AUTO, Hours::Value);
            return;
        }
        if self == Field::Coverage {
            p.policy.coverage_weeks = value;
            return;
        }
        if self == Field::InitLoans {
            p.team.init_loans_per_am = value;
            return;
        }
        let Some(v) = value else { return };
        if let Some(slot) = self.dynamic_slot(p) {
            *slot = v;
            return;
        }
        let slot: &mut f64 = match self {
            Field::Ams => &mut p.team.ams,
            Field::HoursPerWeek => &mut p.team.hours_per_week,
            Field::TargetLoans => &mut p.team.target_loans_per_am,
            Field::HorizonWeeks => &mut p.team.horizon_weeks,
            Field::CostPerHour => &mut p.team.cost_cny_per_paid_hour,
            Field::Investigation(t) => &mut p.activity_hours.investigation[t.index()],
            Field::Form => &mut p.activity_hours.form,
            Field::Approval => &mut p.activity_hours.approval,
            Field::Renewal => &mut p.activity_hours.renewal,
            Field::Monitoring(t) => &mut p.activity_hours.monitoring_per_loan[t.index()],
            Field::Collection => &mut p.activity_hours.collection_per_past_due,
            Field::ChannelShare(id) => &mut p.channels[id.index()].hour_share,
            Field::ChannelLeads(id) => &mut p.channels[id.index()].leads_per_hour,
            Field::ChannelSaturation(id) => &mut p.channels[id.index()].saturation_hours,
            Field::ChannelCash(id) => &mut p.channels[id.index()].cash_cny_per_hour,
            Field::ContactedAdvance => &mut p.pipeline.contacted.advance_per_week,
            Field::ContactedLost => &mut p.pipeline.contacted.lost_per_week,
            Field::InterestedAdvance => &mut p.pipeline.interested.advance_per_week,
            Field::InterestedLost => &mut p.pipeline.interested.lost_per_week,
            Field::Renege => &mut p.pipeline.renege_per_week,
            Field::QueueWeeks => &mut p.pipeline.queue_max_weeks,
            Field::ApprovalProb(t) => &mut p.pipeline.approval_prob[t.index()],
            Field::Inbound => &mut p.pipeline.inbound_per_am_week,
            Field::Amount(t) => &mut p.loans.amount_cny[t.index()],
            Field::Nim(t) => &mut p.loans.nim_per_year[t.index()],
            Field::RenewalProb(t) => &mut p.loans.renewal_prob[t.index()],
            Field::DefaultHazard(t) => &mut p.loans.default_per_week[t.index()],
            Field::Cure => &mut p.loans.cure_per_week,
            Field::WriteOff => &mut p.loans.write_off_per_week,
            Field::Lgd => &mut p.loans.loss_given_default,
            Field::MonitoringPenalty => &mut p.loans.monitoring_penalty,
            Field::NetworkSize => &mut p.referrals.network_size,
            Field::NetworkNeed => &mut p.referrals.network_need_per_year,
            Field::Introduce(t) => &mut p.referrals.introduce_prob[t.index()],
            Field::Realise => &mut p.referrals.realise_per_week,
            Field::Lapse => &mut p.referrals.lapse_per_week,
            Field::Gain => &mut p.policy.gain,
            Field::ChannelMix(id, t) => &mut p.channels[id.index()].mix[t.index()],
            Field::InboundMix(t) => &mut p.pipeline.inbound_mix[t.index()],
            Field::Migration(from, to) => &mut p.loans.migration[from.index()][to.index()],
            Field::Homophily(from, to) => &mut p.referrals.homophily[from.index()][to.index()],
            Field::FixedHours
            | Field::FloorHours
            | Field::CapHours
            | Field::MinHours
            | Field::MaxHours
            | Field::Coverage
            | Field::InitLoans
            | Field::TermWeeks(_)
            | Field::TermWeight(_)
            | Field::SpringFestivalWeek
            | Field::MidAutumnWeek
            | Field::ShockStart(_)
            | Field::ShockDuration(_)
            | Field::ShockSize(_)
            | Field::ShockShare(..) => return,
        };
        *slot = v;
    }

    /// Slots inside lists and enums, which exist only when the scenario has them.
    fn dynamic_slot(self, p: &mut Params) -> Option<&mut f64> {
        match self {
            Field::TermWeeks(i) => p.loans.terms.get_mut(usize::from(i)).map(|c| &mut c.weeks),
            Field::TermWeight(i) => p.loans.terms.get_mut(usize::from(i)).map(|c| &mut c.weight),
            Field::SpringFestivalWeek => match &mut p.calendar {
                Calendar::ChinaDefault {
                    spring_festival_week,
                    ..
                } => Some(spring_festival_week),
                _ => None,
            },
            Field::MidAutumnWeek => match &mut p.calendar {
                Calendar::ChinaDefault {
                    mid_autumn_week, ..
                } => Some(mid_autumn_week),
                _ => None,
            },
            Field::ShockStart(i) => p.shocks.get_mut(usize::from(i)).map(|s| &mut s.start),
            Field::ShockDuration(i) => p
                .shocks
                .get_mut(usize::from(i))
                .map(|s| &mut s.duration_weeks),
            Field::ShockSize(i) => match &mut p.shocks.get_mut(usize::from(i))?.kind {
                ShockKind::Burst { apps_per_am, .. } => Some(apps_per_am),
                ShockKind::Demand { mult, .. } | ShockKind::Credit { mult } => Some(mult),
                ShockKind::Capacity { frac } => Some(frac),
                ShockKind::Prospecting {
                    change: ProspectingChange::Set { hours } | ProspectingChange::Floor { hours },
                } => Some(hours),
                ShockKind::Team { ams_delta } => Some(ams_delta),
                ShockKind::Prospecting { .. } | ShockKind::ChannelMix { .. } => None,
            },
            Field::ShockShare(i, c) => match &mut p.shocks.get_mut(usize::from(i))?.kind {
                ShockKind::ChannelMix { shares } => Some(&mut shares[c.index()]),
                _ => None,
            },
            _ => None,
        }
    }

    fn hours_slot(self, p: &mut Params) -> Option<&mut Hours> {
        match self {
            Field::FixedHours => Some(&mut p.policy.fixed_hours),
            Field::FloorHours => Some(&mut p.policy.floor_hours),
            Field::CapHours => Some(&mut p.policy.cap_hours),
            Field::MinHours => Some(&mut p.policy.min_hours),
            Field::MaxHours => Some(&mut p.policy.max_hours),
            _ => None,
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
