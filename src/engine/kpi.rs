//! The weekly KPIs of MODEL.md section 11, recorded by S12 as team totals.
//!
//! `WeekKpis` is one week's record; `Kpi` names every scalar series in it, with a stable id (CSV
//! header, chart key) and whether a per-AM view divides it by N. Per-AM values are team/N.

use super::linalg::Vec3;
use super::params::{ChannelId, Tier, CHANNELS};

/// The largest `W_max` validation allows; the queue-by-age record has this many slots.
pub const MAX_QUEUE_WEEKS: usize = 12;

/// One week of a run, team totals (stocks at end of week, flows during the week).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WeekKpis {
    /// Simulation week t (0-based).
    pub week: u32,
    /// Week of the year y (1–52).
    pub week_of_year: u32,
    /// `N_t`, the account managers this week (N plus active team changes).
    pub ams: f64,

    /// ΣA by tier.
    pub active_loans: Vec3,
    /// Outstanding balance of performing loans by tier.
    pub balance_cny: Vec3,
    /// New customers' loans approved this week, by tier.
    pub new_loans: Vec3,
    /// Renewals written this week, by tier after migration.
    pub renewals: Vec3,
    /// Loans reaching maturity, by tier.
    pub maturities: Vec3,
    /// Maturing customers who did not ask to renew.
    pub non_renewals: Vec3,
    /// Renewal requests lost because no hours were left for them.
    pub renewals_lost_to_capacity: Vec3,
    /// ΣPD by tier, and its exposure.
    pub past_due: Vec3,
    pub past_due_balance_cny: Vec3,
    /// Loans entering past due this week.
    pub defaults: Vec3,
    pub cures: Vec3,
    pub write_offs: Vec3,

    /// C, L, Q and V by tier at end of week.
    pub contacted: Vec3,
    pub interested: Vec3,
    pub applications_waiting: Vec3,
    pub investigated: Vec3,
    /// Waiting applications by weeks waited (all tiers); slots ≥ `W_max` stay 0.
    pub queue_by_age: [f64; MAX_QUEUE_WEEKS],
    /// Prospects created by each channel.
    pub prospects_by_channel: [f64; CHANNELS],
    pub inbound_leads: f64,
    /// Realised introductions (entering L).
    pub referral_leads: f64,
    pub burst_applications: f64,
    /// New applications entering the queue from the pipeline (excluding bursts).
    pub applications: f64,
    pub referrals_accrued: f64,
    pub referral_potential: f64,
    pub lost_contacted: f64,
    pub lost_interested: f64,
    pub reneged: f64,
    pub timed_out: f64,
    pub declined: f64,
    /// `P_t` at the start of the week, application-equivalents per AM.
    pub pipeline_per_am: f64,
    /// `P_t` / `a_ref`, weeks of applications in the pipeline.
    pub coverage_weeks: f64,

    /// `H_t`, the team's available hours.
    pub hours_available: f64,
    /// Monitoring and collection hours needed, and those given.
    pub hours_care_demand: f64,
    pub hours_care: f64,
    /// `φ_t`, the share of care demand served.
    pub care_served_share: f64,
    pub hours_renewal: f64,
    pub hours_investigation: f64,
    pub hours_prospecting: f64,
    /// `σ_c·h_P`: prospecting hours by channel.
    pub hours_by_channel: [f64; CHANNELS],
    pub hours_slack: f64,
    /// 1 − `slack/H_t` (0 when no hours are available).
    pub utilisation: f64,

    pub income_cny: f64,
    pub loss_cny: f64,
    pub cash_cny: f64,
    pub salary_cny: f64,
    pub profit_cny: f64,
    pub cumulative_profit_cny: f64,
}

impl WeekKpis {
    /// Σ of a by-tier record.
    #[must_use]
    pub fn total(values: &Vec3) -> f64 {
        values.iter().sum()
    }
}

/// A scalar weekly series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kpi {
    ActiveLoans,
    ActiveLoansTier(Tier),
    BalanceCny,
    NewLoans,
    NewLoansTier(Tier),
    Renewals,
    Maturities,
    NonRenewals,
    RenewalsLostToCapacity,
    PastDue,
    PastDueBalanceCny,
    Par30,
    Defaults,
    Cures,
    WriteOffs,
    Contacted,
    Interested,
    ApplicationsWaiting,
    Investigated,
    Prospects,
    ProspectsChannel(ChannelId),
    InboundLeads,
    ReferralLeads,
    BurstApplications,
    Applications,
    ReferralPotential,
    LostContacted,
    LostInterested,
    Reneged,
    TimedOut,
    Declined,
    PipelinePerAm,
    CoverageWeeks,
    HoursAvailable,
    HoursCare,
    CareServedShare,
    HoursRenewal,
    HoursInvestigation,
    HoursProspecting,
    HoursChannel(ChannelId),
    HoursSlack,
    Utilisation,
    ShareActiveTier(Tier),
    ShareNewTier(Tier),
    IncomeCny,
    LossCny,
    CashCny,
    SalaryCny,
    ProfitCny,
    CumulativeProfitCny,
}

impl Kpi {
    /// Every series, in the order of CSV columns.
    #[must_use]
    pub fn all() -> Vec<Kpi> {
        let mut all = vec![Kpi::ActiveLoans];
        all.extend(Tier::ALL.map(Kpi::ActiveLoansTier));
        all.extend([Kpi::BalanceCny, Kpi::NewLoans]);
        all.extend(Tier::ALL.map(Kpi::NewLoansTier));
        all.extend([
            Kpi::Renewals,
            Kpi::Maturities,
            Kpi::NonRenewals,
            Kpi::RenewalsLostToCapacity,
            Kpi::PastDue,
            Kpi::PastDueBalanceCny,
            Kpi::Par30,
            Kpi::Defaults,
            Kpi::Cures,
            Kpi::WriteOffs,
            Kpi::Contacted,
            Kpi::Interested,
            Kpi::ApplicationsWaiting,
            Kpi::Investigated,
            Kpi::Prospects,
        ]);
        all.extend(ChannelId::ALL.map(Kpi::ProspectsChannel));
        all.extend([
            Kpi::InboundLeads,
            Kpi::ReferralLeads,
            Kpi::BurstApplications,
            Kpi::Applications,
            Kpi::ReferralPotential,
            Kpi::LostContacted,
            Kpi::LostInterested,
            Kpi::Reneged,
            Kpi::TimedOut,
            Kpi::Declined,
            Kpi::PipelinePerAm,
            Kpi::CoverageWeeks,
            Kpi::HoursAvailable,
            Kpi::HoursCare,
            Kpi::CareServedShare,
            Kpi::HoursRenewal,
            Kpi::HoursInvestigation,
            Kpi::HoursProspecting,
        ]);
        all.extend(ChannelId::ALL.map(Kpi::HoursChannel));
        all.extend([Kpi::HoursSlack, Kpi::Utilisation]);
        all.extend(Tier::ALL.map(Kpi::ShareActiveTier));
        all.extend(Tier::ALL.map(Kpi::ShareNewTier));
        all.extend([
            Kpi::IncomeCny,
            Kpi::LossCny,
            Kpi::CashCny,
            Kpi::SalaryCny,
            Kpi::ProfitCny,
            Kpi::CumulativeProfitCny,
        ]);
        all
    }

    /// Stable identifier (CSV header, chart key).
    #[must_use]
    pub fn id(self) -> String {
        let simple = match self {
            Kpi::ActiveLoansTier(t) => return format!("active_loans_{}", t.id()),
            Kpi::NewLoansTier(t) => return format!("new_loans_{}", t.id()),
            Kpi::ProspectsChannel(c) => return format!("prospects_{}", c.id()),
            Kpi::HoursChannel(c) => return format!("hours_{}", c.id()),
            Kpi::ShareActiveTier(t) => return format!("share_active_{}", t.id()),
            Kpi::ShareNewTier(t) => return format!("share_new_{}", t.id()),
            Kpi::ActiveLoans => "active_loans",
            Kpi::BalanceCny => "balance_cny",
            Kpi::NewLoans => "new_loans",
            Kpi::Renewals => "renewals",
            Kpi::Maturities => "maturities",
            Kpi::NonRenewals => "non_renewals",
            Kpi::RenewalsLostToCapacity => "renewals_lost_to_capacity",
            Kpi::PastDue => "past_due",
            Kpi::PastDueBalanceCny => "past_due_balance_cny",
            Kpi::Par30 => "par30",
            Kpi::Defaults => "defaults",
            Kpi::Cures => "cures",
            Kpi::WriteOffs => "write_offs",
            Kpi::Contacted => "contacted",
            Kpi::Interested => "interested",
            Kpi::ApplicationsWaiting => "applications_waiting",
            Kpi::Investigated => "investigated",
            Kpi::Prospects => "prospects",
            Kpi::InboundLeads => "inbound_leads",
            Kpi::ReferralLeads => "referral_leads",
            Kpi::BurstApplications => "burst_applications",
            Kpi::Applications => "applications",
            Kpi::ReferralPotential => "referral_potential",
            Kpi::LostContacted => "lost_contacted",
            Kpi::LostInterested => "lost_interested",
            Kpi::Reneged => "reneged",
            Kpi::TimedOut => "timed_out",
            Kpi::Declined => "declined",
            Kpi::PipelinePerAm => "pipeline_per_am",
            Kpi::CoverageWeeks => "coverage_weeks",
            Kpi::HoursAvailable => "hours_available",
            Kpi::HoursCare => "hours_care",
            Kpi::CareServedShare => "care_served_share",
            Kpi::HoursRenewal => "hours_renewal",
            Kpi::HoursInvestigation => "hours_investigation",
            Kpi::HoursProspecting => "prospecting_hours",
            Kpi::HoursSlack => "hours_slack",
            Kpi::Utilisation => "utilisation",
            Kpi::IncomeCny => "income_cny",
            Kpi::LossCny => "loss_cny",
            Kpi::CashCny => "cash_cny",
            Kpi::SalaryCny => "salary_cny",
            Kpi::ProfitCny => "profit",
            Kpi::CumulativeProfitCny => "cumulative_profit",
        };
        simple.to_owned()
    }

    /// Whether the per-AM view divides this series by N (false for ratios and per-AM readings).
    #[must_use]
    pub fn scales_with_team(self) -> bool {
        !matches!(
            self,
            Kpi::Par30
                | Kpi::PipelinePerAm
                | Kpi::CoverageWeeks
                | Kpi::CareServedShare
                | Kpi::Utilisation
                | Kpi::ShareActiveTier(_)
                | Kpi::ShareNewTier(_)
        )
    }

    /// The team value of this series in one week.
    #[must_use]
    pub fn value(self, week: &WeekKpis) -> f64 {
        let total = WeekKpis::total;
        let share = |values: &Vec3, tier: Tier| {
            let sum = total(values);
            if sum > 0.0 {
                values[tier.index()] / sum
            } else {
                0.0
            }
        };
        match self {
            Kpi::ActiveLoans => total(&week.active_loans),
            Kpi::ActiveLoansTier(t) => week.active_loans[t.index()],
            Kpi::BalanceCny => total(&week.balance_cny),
            Kpi::NewLoans => total(&week.new_loans),
            Kpi::NewLoansTier(t) => week.new_loans[t.index()],
            Kpi::Renewals => total(&week.renewals),
            Kpi::Maturities => total(&week.maturities),
            Kpi::NonRenewals => total(&week.non_renewals),
            Kpi::RenewalsLostToCapacity => total(&week.renewals_lost_to_capacity),
            Kpi::PastDue => total(&week.past_due),
            Kpi::PastDueBalanceCny => total(&week.past_due_balance_cny),
            Kpi::Par30 => {
                let active = total(&week.active_loans);
                if active > 0.0 {
                    total(&week.past_due) / active
                } else {
                    0.0
                }
            }
            Kpi::Defaults => total(&week.defaults),
            Kpi::Cures => total(&week.cures),
            Kpi::WriteOffs => total(&week.write_offs),
            Kpi::Contacted => total(&week.contacted),
            Kpi::Interested => total(&week.interested),
            Kpi::ApplicationsWaiting => total(&week.applications_waiting),
            Kpi::Investigated => total(&week.investigated),
            Kpi::Prospects => week.prospects_by_channel.iter().sum(),
            Kpi::ProspectsChannel(c) => week.prospects_by_channel[c.index()],
            Kpi::InboundLeads => week.inbound_leads,
            Kpi::ReferralLeads => week.referral_leads,
            Kpi::BurstApplications => week.burst_applications,
            Kpi::Applications => week.applications,
            Kpi::ReferralPotential => week.referral_potential,
            Kpi::LostContacted => week.lost_contacted,
            Kpi::LostInterested => week.lost_interested,
            Kpi::Reneged => week.reneged,
            Kpi::TimedOut => week.timed_out,
            Kpi::Declined => week.declined,
            Kpi::PipelinePerAm => week.pipeline_per_am,
            Kpi::CoverageWeeks => week.coverage_weeks,
            Kpi::HoursAvailable => week.hours_available,
            Kpi::HoursCare => week.hours_care,
            Kpi::CareServedShare => week.care_served_share,
            Kpi::HoursRenewal => week.hours_renewal,
            Kpi::HoursInvestigation => week.hours_investigation,
            Kpi::HoursProspecting => week.hours_prospecting,
            Kpi::HoursChannel(c) => week.hours_by_channel[c.index()],
            Kpi::HoursSlack => week.hours_slack,
            Kpi::Utilisation => week.utilisation,
            Kpi::ShareActiveTier(t) => share(&week.active_loans, t),
            Kpi::ShareNewTier(t) => share(&week.new_loans, t),
            Kpi::IncomeCny => week.income_cny,
            Kpi::LossCny => week.loss_cny,
            Kpi::CashCny => week.cash_cny,
            Kpi::SalaryCny => week.salary_cny,
            Kpi::ProfitCny => week.profit_cny,
            Kpi::CumulativeProfitCny => week.cumulative_profit_cny,
        }
    }

    /// The per-AM value: team/N for flows and stocks, unchanged for ratios.
    #[must_use]
    pub fn per_am(self, week: &WeekKpis, ams: f64) -> f64 {
        let value = self.value(week);
        if self.scales_with_team() {
            value / ams
        } else {
            value
        }
    }
}

/// The series a Monte Carlo run keeps for bands and means (the page's charts).
pub const BANDED_KPIS: [Kpi; 16] = [
    Kpi::ActiveLoans,
    Kpi::NewLoans,
    Kpi::Renewals,
    Kpi::PastDue,
    Kpi::Par30,
    Kpi::Contacted,
    Kpi::Interested,
    Kpi::ApplicationsWaiting,
    Kpi::PipelinePerAm,
    Kpi::HoursCare,
    Kpi::HoursInvestigation,
    Kpi::HoursProspecting,
    Kpi::HoursSlack,
    Kpi::BalanceCny,
    Kpi::ProfitCny,
    Kpi::CumulativeProfitCny,
];
