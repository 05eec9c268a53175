//! The scenario as the user edits it: plain numbers, grouped the way a team lead thinks.
//!
//! `Params` is deliberately loose: every number a person types is an `f64` (even team size and
//! weeks), so the page can hold whatever was typed and [`validate`](crate::validate) can say
//! exactly what is wrong with it. The group and field names are the JSON paths of the scenario file
//! (`team.ams`, `channels.cold_visit.leads_per_hour`), so a validation error names the input it is
//! about. `Params::default()` is MODEL.md section 3. What each number may be — kind, range, unit
//! and default — is said once, in the parameter spec ([`spec`](crate::spec)), not here.

use super::goal::PlanGoal;

/// Number of customer quality tiers (prime, standard, marginal).
pub const TIERS: usize = 3;

/// Number of hour-driven prospecting channels.
pub const CHANNELS: usize = 9;

/// Values indexed by [`Tier`]: prime, standard, marginal.
pub type TierValues = [f64; TIERS];

/// Customer quality tier, fixed when a lead is created; it can migrate only at renewal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tier {
    Prime,
    Standard,
    Marginal,
}

impl Tier {
    /// All tiers in index order.
    pub const ALL: [Tier; TIERS] = [Tier::Prime, Tier::Standard, Tier::Marginal];

    /// Stable identifier used in scenario files, CSV headers and JSON paths.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Tier::Prime => "prime",
            Tier::Standard => "standard",
            Tier::Marginal => "marginal",
        }
    }

    /// Position of the tier in every `TierValues` array.
    #[must_use]
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The nine hour-driven prospecting channels of MODEL.md section 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChannelId {
    ColdVisit,
    PhoneSms,
    Flyer,
    OnlinePost,
    Media,
    PeerBroker,
    SupplyChain,
    Event,
    Association,
}

impl ChannelId {
    /// All channels in index order (the order of MODEL.md's table).
    pub const ALL: [ChannelId; CHANNELS] = [
        ChannelId::ColdVisit,
        ChannelId::PhoneSms,
        ChannelId::Flyer,
        ChannelId::OnlinePost,
        ChannelId::Media,
        ChannelId::PeerBroker,
        ChannelId::SupplyChain,
        ChannelId::Event,
        ChannelId::Association,
    ];

    /// Stable identifier used in scenario files, CSV headers and JSON paths.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            ChannelId::ColdVisit => "cold_visit",
            ChannelId::PhoneSms => "phone_sms",
            ChannelId::Flyer => "flyer",
            ChannelId::OnlinePost => "online_post",
            ChannelId::Media => "media",
            ChannelId::PeerBroker => "peer_broker",
            ChannelId::SupplyChain => "supply_chain",
            ChannelId::Event => "event",
            ChannelId::Association => "association",
        }
    }

    /// Position of the channel in `Params::channels`.
    #[must_use]
    pub fn index(self) -> usize {
        self as usize
    }

    /// The channel with this identifier, if any.
    #[must_use]
    pub fn from_id(id: &str) -> Option<ChannelId> {
        ChannelId::ALL.into_iter().find(|c| c.id() == id)
    }
}

/// Everything the engine needs to run one scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    pub team: Team,
    pub run: RunSettings,
    pub activity_hours: ActivityHours,
    /// Indexed by [`ChannelId::index`].
    pub channels: [Channel; CHANNELS],
    pub pipeline: Pipeline,
    pub referrals: Referrals,
    pub loans: Loans,
    pub calendar: Calendar,
    /// Timed changes to the scenario, in any order.
    pub shocks: Vec<Shock>,
    /// The trainer's decisions (trainer mode's decision log): timed changes like `shocks`, kept
    /// apart so that the same scenario without them is the "ghost line". The schedule folds
    /// `shocks` and then `interventions`; the fault baseline removes both.
    pub interventions: Vec<Shock>,
    pub policy: Policy,
    pub fault: FaultSettings,
    /// The team lead's plan goal, when the scenario carries one (the plan view's goal, kept with
    /// the scenario so a saved or shared scenario reopens the same plan).
    pub plan: Option<PlanGoal>,
    /// The team's actual weekly figures, set beside the plan (issue 18; empty when none are
    /// kept). Nothing the model runs reads them.
    pub actuals: Vec<WeekActuals>,
    /// Where values fitted from the team's own data came from (issue 17; empty when none were
    /// accepted). Nothing the model runs reads them.
    pub sources: Vec<ParamSource>,
}

/// A parameter's value fitted from a team's own data: the parameter's path (as `cadence params`
/// names it), the value it was given, the file, the day it was fitted (ISO, an input: the engine
/// reads no clock), the count it rests on and its 90 % interval. It holds while the parameter
/// keeps that value; an edit by hand drops it.
#[derive(Debug, Clone, PartialEq)]
pub struct ParamSource {
    pub path: String,
    pub value: f64,
    pub file: String,
    pub fitted_on: String,
    pub n: f64,
    pub low: f64,
    pub high: f64,
}

/// Team size, working time, horizon and starting book.
#[derive(Debug, Clone, PartialEq)]
pub struct Team {
    /// N, the number of account managers.
    pub ams: f64,
    /// H, productive hours per AM per working week.
    pub hours_per_week: f64,
    /// T, the number of simulated weeks.
    pub horizon_weeks: f64,
    /// Week of the year of simulation week 0.
    pub start_week: f64,
    /// `A_target`, the "hold flat" portfolio in loans per AM.
    pub target_loans_per_am: f64,
    /// `c_h`, the fully loaded cost of a paid AM hour.
    pub cost_cny_per_paid_hour: f64,
    /// How the book looks at week 0.
    pub init: InitialBook,
    /// `A_init` for a steady start; `None` means `A_target`.
    pub init_loans_per_am: Option<f64>,
    /// The book at week 0 for `init = custom` (a team's own loans, issue 17).
    pub initial_book: Option<CustomBook>,
}

/// `init = custom` (MODEL.md section 3): the performing and past-due loans at week 0, team level,
/// as a team's own loan book gives them. The pipeline (C, L, Q, V) and referral potential start
/// empty: a loan book does not hold them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CustomBook {
    /// `A[k][j][r-1]`: performing loans of tier k and term class j (the scenario's `loans.terms`,
    /// in order) with r = `1..=T_j` weeks to run.
    pub active: [Vec<Vec<f64>>; TIERS],
    /// `PD[k]`: past-due loans.
    pub past_due: TierValues,
    /// `PDB[k]`: their exposure, CNY.
    pub past_due_balance_cny: TierValues,
    /// The pipeline and referral stocks at week 0, when known (a re-plan from reported actuals,
    /// issue 18); `None` leaves them empty as a loan book does. Not kept in the scenario file.
    pub pipeline: Option<InitialPipeline>,
}

/// The stocks ahead of the book at week 0, team level (MODEL.md section 2): C, L, Q, V and R.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct InitialPipeline {
    /// C\[k\]: contacted prospects.
    pub contacted: TierValues,
    /// L\[k\]: interested leads.
    pub interested: TierValues,
    /// Q\[k\]\[a\]: applications waiting, flat as `k·W_max + a` (cells beyond the model's are
    /// dropped, missing ones are zero).
    pub queue: Vec<f64>,
    /// V\[k\]: investigated cases waiting for the decision.
    pub investigated: TierValues,
    /// R\[k\]: pending introductions.
    pub referral_potential: TierValues,
}

/// How the book looks at week 0 (MODEL.md 16.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InitialBook {
    /// The closed-form steady state holding `init_loans_per_am` loans per AM.
    Steady,
    /// Every stock starts at zero: a new team.
    Empty,
    /// The book of `Team::initial_book`, the rest of the stocks at zero.
    Custom,
}

/// How a run is executed; kept in the scenario so a saved file reproduces its figures.
#[derive(Debug, Clone, PartialEq)]
pub struct RunSettings {
    pub mode: Mode,
    /// R, the number of Monte Carlo runs.
    pub runs: f64,
    /// The Monte Carlo seed; run r uses `splitmix64(seed ^ r)`.
    pub seed: u64,
}

/// Expected values or Monte Carlo draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Ev,
    Mc,
}

/// Hours each activity takes.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityHours {
    /// `t_inv`, hours to investigate one application, by tier.
    pub investigation: TierValues,
    /// `t_form`, hours to fill in the forms of one application.
    pub form: f64,
    /// `t_appr`, hours for the approval pack, contract and disbursement.
    pub approval: f64,
    /// `t_ren`, hours to re-underwrite one renewal.
    pub renewal: f64,
    /// `m_k`, monitoring hours per performing loan per week, by tier.
    pub monitoring_per_loan: TierValues,
    /// `t_col`, collection hours per past-due loan per week.
    pub collection_per_past_due: f64,
}

/// Where a channel's prospects enter the pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// C: a need has been expressed; follow-up pending.
    Contacted,
    /// L: need confirmed (peer brokers pass qualified orders).
    Interested,
}

/// One hour-driven prospecting channel: Y(h) = a·s·(1 − e^(−h/s)) prospects per AM-week.
#[derive(Debug, Clone, PartialEq)]
pub struct Channel {
    /// `a_c`, prospects per hour at the first hour.
    pub leads_per_hour: f64,
    /// `s_c`, hours per AM-week at which the territory or list saturates.
    pub saturation_hours: f64,
    /// `q_c`, the tier mix of the prospects.
    pub mix: TierValues,
    pub entry: Entry,
    /// `e_c`, cash spent per prospecting hour on this channel.
    pub cash_cny_per_hour: f64,
    /// `σ_c`, this channel's share of prospecting hours.
    pub hour_share: f64,
}

/// Weekly exit probabilities of one pipeline stage.
#[derive(Debug, Clone, PartialEq)]
pub struct ExitRates {
    /// λ, the probability of moving on to the next stage in a week.
    pub advance_per_week: f64,
    /// δ, the probability of being lost in a week.
    pub lost_per_week: f64,
}

/// Order in which waiting applications are investigated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueOrder {
    /// Oldest first.
    Fifo,
    /// Prime, then standard, then marginal; oldest first within a tier.
    QualityFirst,
}

/// Prospect → lead → application → decision.
#[derive(Debug, Clone, PartialEq)]
pub struct Pipeline {
    /// `λ_C`, `δ_C`.
    pub contacted: ExitRates,
    /// `λ_L`, `δ_L`.
    pub interested: ExitRates,
    /// `δ_Q`, weekly reneging of waiting applications.
    pub renege_per_week: f64,
    /// `W_max`, weeks an application waits before it times out.
    pub queue_max_weeks: f64,
    /// `p_k`, the approval probability by tier.
    pub approval_prob: TierValues,
    pub queue_order: QueueOrder,
    /// `b_in`, inbound walk-ins per AM-week (enter as interested leads).
    pub inbound_per_am_week: f64,
    /// `q_in`, the tier mix of walk-ins.
    pub inbound_mix: TierValues,
}

/// Old customers introducing new ones (the article's "point").
#[derive(Debug, Clone, PartialEq)]
pub struct Referrals {
    /// ν, potential customers around each customer.
    pub network_size: f64,
    /// `μ_net`, the share of that network needing a micro-loan in a year.
    pub network_need_per_year: f64,
    /// `ι_k`, the probability that a satisfied customer introduces such a contact.
    pub introduce_prob: TierValues,
    /// `λ_R`, weekly probability that a pending introduction is realised.
    pub realise_per_week: f64,
    /// `δ_R`, weekly probability that it lapses.
    pub lapse_per_week: f64,
    /// Hm, row k: the tier mix of introductions made by tier-k customers.
    pub homophily: [TierValues; TIERS],
}

/// One loan term class.
#[derive(Debug, Clone, PartialEq)]
pub struct TermClass {
    /// `T_j`, the term in weeks.
    pub weeks: f64,
    /// `w_j`, the share of loans written with this term.
    pub weight: f64,
}

/// How principal is repaid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amortisation {
    /// Balance falls linearly: Amount·r/T.
    EqualPrincipal,
    /// The whole amount is outstanding until maturity.
    Bullet,
}

/// Loans and credit risk.
#[derive(Debug, Clone, PartialEq)]
pub struct Loans {
    pub terms: Vec<TermClass>,
    pub amount_cny: TierValues,
    pub amortisation: Amortisation,
    /// Annual net interest margin, by tier.
    pub nim_per_year: TierValues,
    /// `ρ_k`, the probability that a maturing customer asks to renew.
    pub renewal_prob: TierValues,
    /// G, row k: the tier of a renewing tier-k customer.
    pub migration: [TierValues; TIERS],
    /// `d_k`, the weekly hazard of entering 30+ days past due.
    pub default_per_week: TierValues,
    /// `κ_c`, the weekly probability that a past-due loan cures and closes.
    pub cure_per_week: f64,
    /// `κ_w`, the weekly probability that a past-due loan is written off.
    pub write_off_per_week: f64,
    /// LGD, the share of a written-off exposure that is lost.
    pub loss_given_default: f64,
    /// `γ_M`, default-hazard uplift per unit of unserved monitoring.
    pub monitoring_penalty: f64,
}

/// Seasonality: demand and availability multipliers by week of the year.
#[derive(Debug, Clone, PartialEq)]
pub enum Calendar {
    /// Every week is (1, 1).
    None,
    /// The Chinese holiday calendar of MODEL.md section 7, with the lunar weeks set by the user.
    ChinaDefault {
        spring_festival_week: f64,
        mid_autumn_week: f64,
    },
    /// A list of holidays, each with lead-in and after-effect weeks.
    Custom(Vec<Holiday>),
    /// Two explicit 52-week vectors.
    Weekly {
        demand: Vec<f64>,
        availability: Vec<f64>,
    },
}

/// One custom calendar record (MODEL.md 16.9).
#[derive(Debug, Clone, PartialEq)]
pub struct Holiday {
    /// Week of the year.
    pub week: f64,
    /// Weeks before the holiday whose demand is multiplied by `pre_demand`.
    pub pre_weeks: f64,
    pub pre_demand: f64,
    /// Demand and availability multipliers in the holiday week.
    pub demand: f64,
    pub availability: f64,
    /// Weeks after the holiday with `post_demand` and `post_availability`.
    pub post_weeks: f64,
    pub post_demand: f64,
    pub post_availability: f64,
}

/// A timed change to the scenario, active for `duration_weeks` weeks from simulation week `start`.
///
/// This list is the one place where a scenario varies over time; trainer-mode interventions (burst
/// now, stop prospecting, add an AM, …) are shocks too. An intervention "from now on" lasts
/// T − start weeks.
///
/// How active changes combine: bursts, capacity losses and team changes add; demand and credit
/// multipliers multiply; prospecting and channel-mix changes are step changes — of those active in
/// a week, the one with the latest `start` wins (on equal starts, the one later in the list, the
/// scenario's shocks coming before the trainer's interventions).
#[derive(Debug, Clone, PartialEq)]
pub struct Shock {
    /// First simulation week t (0-based, independent of `start_week`).
    pub start: f64,
    /// Number of weeks the shock lasts.
    pub duration_weeks: f64,
    pub kind: ShockKind,
}

/// What a shock does while it is active.
#[derive(Debug, Clone, PartialEq)]
pub enum ShockKind {
    /// Applications arriving directly in the queue, per AM per week; overlapping bursts add.
    Burst {
        apps_per_am: f64,
        /// Tier mix of the burst; `None` is the steady-state application mix.
        mix: Option<TierValues>,
    },
    /// Multiplies channel yields, inbound and referral accrual; multipliers multiply.
    Demand {
        mult: f64,
        /// The flows affected; `None` is all of them.
        flows: Option<Vec<Flow>>,
    },
    /// The share of the team's hours lost (absence, resignation); overlapping losses add, capped at 1.
    Capacity { frac: f64 },
    /// Multiplies default hazards (an industry downturn); multipliers multiply.
    Credit { mult: f64 },
    /// Overrides the cadence policy's prospecting hours (a step change: latest start wins).
    Prospecting { change: ProspectingChange },
    /// `σ_c`, the prospecting-hour shares by channel (indexed by [`ChannelId::index`]), from this
    /// week (a step change: latest start wins).
    ChannelMix { shares: [f64; CHANNELS] },
    /// Account managers added (> 0) or removed (< 0); overlapping changes add, and N + Σ active
    /// deltas stays in `team.ams`'s range.
    Team { ams_delta: f64 },
}

/// What a prospecting change does to the policy's allocation (reserve r, cap c, h per AM) while
/// it is in force.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ProspectingChange {
    /// No prospecting: r = c = 0.
    Stop,
    /// Back to the policy: ends an earlier change that is still active.
    Resume,
    /// Exactly `hours` (as far as the hours last): r = c = h, whatever the policy says.
    Set { hours: f64 },
    /// At least `hours` ("keep 4 h of prospecting"): r = max(r, h), c = max(c, h).
    Floor { hours: f64 },
}

impl ProspectingChange {
    /// Stable identifier used in scenario files (`action`).
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            ProspectingChange::Stop => "stop",
            ProspectingChange::Resume => "resume",
            ProspectingChange::Set { .. } => "set",
            ProspectingChange::Floor { .. } => "floor",
        }
    }

    /// The hours of a `set` or `floor` change.
    #[must_use]
    pub fn hours(self) -> Option<f64> {
        match self {
            ProspectingChange::Set { hours } | ProspectingChange::Floor { hours } => Some(hours),
            ProspectingChange::Stop | ProspectingChange::Resume => None,
        }
    }
}

/// A lead flow that a demand shock can be limited to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Channel(ChannelId),
    Inbound,
    Referrals,
}

impl Flow {
    /// Stable identifier used in scenario files.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Flow::Channel(c) => c.id(),
            Flow::Inbound => "inbound",
            Flow::Referrals => "referrals",
        }
    }

    /// The flow with this identifier, if any.
    #[must_use]
    pub fn from_id(id: &str) -> Option<Flow> {
        match id {
            "inbound" => Some(Flow::Inbound),
            "referrals" => Some(Flow::Referrals),
            other => ChannelId::from_id(other).map(Flow::Channel),
        }
    }
}

/// Which of the three cadence policies of MODEL.md section 6 is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyKind {
    /// (a) Reserve `fixed_hours` for prospecting every week.
    Fixed,
    /// (b) Prospect only with hours left after investigations, up to `cap_hours`, at least `floor_hours`.
    StopWhenBusy,
    /// (c) Steer prospecting hours toward a target pipeline coverage.
    TargetPipeline,
}

/// An hours-per-AM-week setting that may follow h* or the working week.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Hours {
    /// A fixed number of hours.
    Value(f64),
    /// A multiple of `h_ref` = h*(`A_target`); `TimesHStar(1.0)` is MODEL.md's "auto".
    TimesHStar(f64),
    /// H, the whole working week.
    FullWeek,
}

impl Hours {
    /// MODEL.md's "auto": `h_ref`.
    pub const AUTO: Hours = Hours::TimesHStar(1.0);

    /// The hours this setting stands for, given `h_ref` and H.
    #[must_use]
    pub fn resolve(self, h_ref: f64, hours_per_week: f64) -> f64 {
        match self {
            Hours::Value(h) => h,
            Hours::TimesHStar(k) => k * h_ref,
            Hours::FullWeek => hours_per_week,
        }
    }

    /// Whether the setting depends on h*, which needs a steady state.
    #[must_use]
    pub fn needs_h_star(self) -> bool {
        matches!(self, Hours::TimesHStar(_))
    }
}

/// Marketing-cadence policy settings. All three policies' values are kept so switching keeps edits.
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    pub kind: PolicyKind,
    /// (a) `h_fix`.
    pub fixed_hours: Hours,
    /// (b) `h_floor`.
    pub floor_hours: Hours,
    /// (b) `h_cap`.
    pub cap_hours: Hours,
    /// (c) X, the target pipeline coverage in weeks of applications; `None` is auto.
    pub coverage_weeks: Option<f64>,
    /// (c) g, the controller gain.
    pub gain: f64,
    /// (c) `h_lo`.
    pub min_hours: Hours,
    /// (c) `h_hi`.
    pub max_hours: Hours,
}

/// What the fault metrics compare the scenario with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaselineKind {
    /// Remove shocks; if there are none, remove seasonality too.
    Auto,
    /// Remove shocks and seasonality.
    NoSeasonality,
}

/// The fault-metric baseline and window (MODEL.md 16.6).
#[derive(Debug, Clone, PartialEq)]
pub struct FaultSettings {
    pub baseline: BaselineKind,
    /// `t_s`; `None` is the first shock start (0 without shocks).
    pub window_start: Option<f64>,
    /// `t_e` (exclusive); `None` is min(T, `t_s` + 52).
    pub window_end: Option<f64>,
}

/// One week's actual figures, kept with the scenario (issue 18); `engine::actuals` checks them and
/// sets them beside the plan. `None` is "not reported".
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WeekActuals {
    /// Simulation week t (0-based).
    pub week: u32,
    /// New customers' loans approved and booked this week (team).
    pub new_loans: Option<f64>,
    /// Applications received this week (team).
    pub applications: Option<f64>,
    /// Applications approved this week (team; the model books them as new loans the same week).
    pub approvals: Option<f64>,
    /// Prospecting hours per AM this week.
    pub prospecting_hours: Option<f64>,
    /// Prospecting hours per AM this week by channel (index order of `ChannelId::ALL`), when known.
    pub prospecting_hours_by_channel: Option<[f64; CHANNELS]>,
    /// Open leads (interested, not yet applied) at the end of the week (team).
    pub leads: Option<f64>,
    /// Performing loans at the end of the week (team).
    pub active_loans: Option<f64>,
}

impl WeekActuals {
    /// Prospecting hours per AM: the total given, or the sum of the channels'.
    #[must_use]
    pub fn prospecting_hours_per_am(&self) -> Option<f64> {
        self.prospecting_hours
            .or_else(|| self.prospecting_hours_by_channel.map(|h| h.iter().sum()))
    }
}

/// The default team: six AMs, 40 hours, two years, a steady book of 120 loans per AM.
fn default_team() -> Team {
    Team {
        ams: 6.0,
        hours_per_week: 40.0,
        horizon_weeks: 104.0,
        start_week: 1.0,
        target_loans_per_am: 120.0,
        cost_cny_per_paid_hour: 150.0,
        init: InitialBook::Steady,
        init_loans_per_am: None,
        initial_book: None,
    }
}

impl Default for Params {
    fn default() -> Self {
        Params {
            team: default_team(),
            run: RunSettings {
                mode: Mode::Ev,
                runs: 500.0,
                seed: 42,
            },
            activity_hours: ActivityHours {
                investigation: [2.0, 2.5, 3.0],
                form: 1.5,
                approval: 1.0,
                renewal: 1.5,
                monitoring_per_loan: [0.07, 0.10, 0.14],
                collection_per_past_due: 1.5,
            },
            channels: default_channels(),
            pipeline: Pipeline {
                contacted: ExitRates {
                    advance_per_week: 0.25,
                    lost_per_week: 0.35,
                },
                interested: ExitRates {
                    advance_per_week: 0.50,
                    lost_per_week: 0.15,
                },
                renege_per_week: 0.10,
                queue_max_weeks: 4.0,
                approval_prob: [0.92, 0.80, 0.50],
                queue_order: QueueOrder::Fifo,
                inbound_per_am_week: 0.3,
                inbound_mix: [0.10, 0.45, 0.45],
            },
            referrals: Referrals {
                network_size: 150.0,
                network_need_per_year: 0.10,
                introduce_prob: [0.03, 0.02, 0.01],
                realise_per_week: 0.25,
                lapse_per_week: 0.05,
                homophily: [[0.45, 0.45, 0.10], [0.10, 0.60, 0.30], [0.05, 0.45, 0.50]],
            },
            loans: Loans {
                terms: vec![
                    TermClass {
                        weeks: 13.0,
                        weight: 0.15,
                    },
                    TermClass {
                        weeks: 26.0,
                        weight: 0.35,
                    },
                    TermClass {
                        weeks: 39.0,
                        weight: 0.20,
                    },
                    TermClass {
                        weeks: 52.0,
                        weight: 0.30,
                    },
                ],
                amount_cny: [300_000.0, 150_000.0, 60_000.0],
                amortisation: Amortisation::EqualPrincipal,
                nim_per_year: [0.04, 0.06, 0.08],
                renewal_prob: [0.75, 0.65, 0.45],
                migration: [[0.95, 0.05, 0.0], [0.03, 0.93, 0.04], [0.0, 0.20, 0.80]],
                default_per_week: [0.0004, 0.0015, 0.0045],
                cure_per_week: 0.10,
                write_off_per_week: 0.05,
                loss_given_default: 0.6,
                monitoring_penalty: 1.0,
            },
            calendar: Calendar::None,
            shocks: Vec::new(),
            interventions: Vec::new(),
            policy: Policy {
                kind: PolicyKind::Fixed,
                fixed_hours: Hours::AUTO,
                floor_hours: Hours::Value(0.0),
                cap_hours: Hours::AUTO,
                coverage_weeks: None,
                gain: 0.25,
                min_hours: Hours::Value(0.0),
                max_hours: Hours::FullWeek,
            },
            fault: FaultSettings {
                baseline: BaselineKind::Auto,
                window_start: None,
                window_end: None,
            },
            plan: None,
            actuals: Vec::new(),
            sources: Vec::new(),
        }
    }
}

/// The channel table of MODEL.md section 3.
fn default_channels() -> [Channel; CHANNELS] {
    let channel = |a: f64, s: f64, mix: TierValues, entry: Entry, cash: f64, share: f64| Channel {
        leads_per_hour: a,
        saturation_hours: s,
        mix,
        entry,
        cash_cny_per_hour: cash,
        hour_share: share,
    };
    [
        channel(0.50, 8.0, [0.10, 0.50, 0.40], Entry::Contacted, 10.0, 0.30),
        channel(0.35, 4.0, [0.05, 0.45, 0.50], Entry::Contacted, 5.0, 0.10),
        channel(0.30, 3.0, [0.05, 0.40, 0.55], Entry::Contacted, 30.0, 0.05),
        channel(0.70, 1.0, [0.05, 0.35, 0.60], Entry::Contacted, 20.0, 0.05),
        channel(0.85, 1.0, [0.08, 0.45, 0.47], Entry::Contacted, 400.0, 0.0),
        channel(0.20, 2.0, [0.10, 0.40, 0.50], Entry::Interested, 0.0, 0.05),
        channel(0.42, 6.0, [0.25, 0.55, 0.20], Entry::Contacted, 0.0, 0.20),
        channel(0.70, 4.0, [0.15, 0.55, 0.30], Entry::Contacted, 50.0, 0.10),
        channel(0.50, 4.0, [0.20, 0.55, 0.25], Entry::Contacted, 0.0, 0.15),
    ]
}
