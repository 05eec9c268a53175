//! The preset scenarios of MODEL.md section 14, with stable ids and the text the page shows.
//!
//! All English text lives in one table (`TEXTS`) so the page can translate it in one place; the
//! scenarios and the policy variants each preset compares are built by `scenario` below, and what
//! each lesson is compared with on the trainer's stage (its [`Counterfactual`]) by
//! [`Preset::comparison`].

use super::params::{
    BaselineKind, Calendar, ChannelId, Hours, InitialBook, Params, Policy, PolicyKind, Shock,
    ShockKind,
};

/// Text of one preset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PresetText {
    /// Stable id (`cadence run preset:ID`).
    pub id: &'static str,
    pub title: &'static str,
    /// The question the preset poses to a team lead.
    pub question: &'static str,
    /// What to watch on the charts.
    pub watch: &'static str,
    /// The lesson, in one sentence.
    pub lesson: &'static str,
    /// One paragraph on what the preset shows and why.
    pub explanation: &'static str,
}

/// Every preset's text, in presentation order.
pub const TEXTS: [PresetText; 7] = [
    PresetText {
        id: "steady",
        title: "Steady cadence",
        question: "How many hours a week must each account manager prospect to keep 120 loans on the book?",
        watch: "The flat portfolio line, the hours budget (care, renewals, investigations, prospecting, slack), h*, A_max and break-even.",
        lesson: "Loans mature every week, so a flat book needs a steady 8.8 hours of prospecting per AM, not zero.",
        explanation: "Every week some loans mature and not all customers renew, so the book drains unless new \
customers keep arriving. At the default settings each AM needs 8.8 prospecting hours a week to hold 120 loans; \
with care, renewals and investigations that uses 35.3 of 40 hours. Move the target and watch h* and the slack: \
the team can sustain at most about 135 loans per AM before the hours run out, and needs about 84 to cover its salaries.",
    },
    PresetText {
        id: "fault",
        title: "The fault",
        question: "What happens to new loans a few weeks after a batch of applications keeps everyone busy?",
        watch: "Prospecting hours dropping to zero in weeks 22–25, the pipeline emptying, and new loans falling about 7 weeks after the burst.",
        lesson: "Stopping prospecting while processing a batch creates a hole in new business about seven weeks later.",
        explanation: "An association sends a batch of six applications per AM in each of weeks 21 and 22, about 60 hours \
of extra work. A team that prospects only with time left over (stop when busy) spends those weeks investigating: new \
loans jump for a month, but nobody refilled the pipeline, so new loans fall by about half some seven weeks after the \
burst and take six weeks to recover. A team that keeps its fixed prospecting hours loses more of the batch to waiting, \
but has no fault at all. This is the article's lesson: marketing must be continuous.",
    },
    PresetText {
        id: "floor",
        title: "Mandatory floor and its trade-off",
        question: "Can a minimum prospecting time protect the pipeline without losing the batch?",
        watch: "The fault depth and applications lost to waiting under stop-when-busy with a floor of half h*, against fixed cadence.",
        lesson: "A floor halves the fault while still processing most of the batch; fixed cadence avoids the fault but loses more applications on large bursts.",
        explanation: "The same burst, but the team keeps at least half of h* for prospecting however busy it is. The \
fault is about half as deep and comes later, and more of the burst is investigated than under a fixed cadence, which \
keeps all its prospecting hours and lets more applications renege or time out. Make the burst last four weeks or \
larger to see the trade-off grow: the floor keeps both losses moderate.",
    },
    PresetText {
        id: "festival",
        title: "Festival year",
        question: "How do the Spring Festival and the other holidays move the pipeline and new loans?",
        watch: "Pre-festival stocking demand, the closure week, and the dip in new loans three to four weeks after the festival.",
        lesson: "The festival closure empties the pipeline; the dip in new loans comes weeks later, and is deepest for a team that stops prospecting when busy.",
        explanation: "Distributors of alcohol, food and gifts borrow to pre-stock in the four weeks before the Spring \
Festival, then the market closes for a week and restarts slowly. Investigations pile up before the festival, little \
prospecting happens during it, and new loans dip by over a third a month later under stop-when-busy, against a fifth \
under a fixed cadence and a seventh under a pipeline target. The baseline for the dip is the same policy without \
seasonality.",
    },
    PresetText {
        id: "spike",
        title: "Industry demand spike",
        question: "A liquor price rise multiplies demand by 2.5 for four weeks: does the cadence capture it?",
        watch: "Prospecting hours under the pipeline target during the spike, and extra new loans per AM against the baseline.",
        lesson: "A symmetric pipeline target throttles prospecting just when a window opens; follow up quickly instead.",
        explanation: "A manufacturer's price rise makes distributors need prepaid-stock funding, so every prospecting \
hour finds 2.5 times the usual leads for four weeks. A controller that steers to a target pipeline sees the pipeline \
overflow and cuts prospecting, capturing only about 4.9 extra loans per AM; a fixed cadence, or a controller that may \
only boost (its minimum set to h*), captures about 7.8. The demand shock can also be limited to supply-chain, \
association and referral flows in the scenario file.",
    },
    PresetText {
        id: "quality",
        title: "Quality over quantity",
        question: "What if prospecting hours move to supply-chain and association channels (\"line and surface\")?",
        watch: "h*, the tier mix of new loans, profit, and the unit economics per tier (a marginal loan loses money).",
        lesson: "Channels that bring prime and standard customers need fewer hours and earn more per loan.",
        explanation: "Supply-chain and association channels bring better-qualified customers whose information is \
reliable, while flyers, online posts and brokers skew marginal, and a marginal loan costs more in hours and losses \
than it earns (about −1 886 CNY each). Moving the hours to supply chain 35%, association 25%, event 10%, cold visits \
15% and 5% each to phone, online and brokers lowers h* from 8.80 to 8.47 and raises profit at 120 loans by 9%; at the \
same 8.8 hours the book reaches 123 loans and profit rises 18%.",
    },
    PresetText {
        id: "ramp",
        title: "New-team ramp-up",
        question: "How long does a new team starting from an empty book take to build a portfolio and turn a profit?",
        watch: "Active loans per AM and cumulative profit from week 0, under prospect-all-free-time against a fixed h*.",
        lesson: "A new team must prospect with all its free time; the steady-state h* is far too little to build a book.",
        explanation: "A team starting with no loans has no renewals and no referrals, so the hours that hold a mature \
book flat build a new one only slowly: at h* the team reaches about 86 loans per AM after three years and never makes \
a profit. Prospecting with all free time reaches 77 loans per AM after a year and 122 after three, and is profitable \
from week 65.",
    },
];

/// A policy a preset compares, with a short label.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyVariant {
    /// Stable id within the preset (`a`, `b`, `b_floor`, …).
    pub id: &'static str,
    pub label: &'static str,
    pub policy: Policy,
}

/// A preset: its text, its scenario (using the first variant's policy) and the variants to compare.
#[derive(Debug, Clone, PartialEq)]
pub struct Preset {
    pub text: PresetText,
    pub params: Params,
    pub variants: Vec<PolicyVariant>,
}

impl Preset {
    /// The preset's id.
    #[must_use]
    pub fn id(&self) -> &'static str {
        self.text.id
    }

    /// The scenario with another of the preset's policies.
    #[must_use]
    pub fn with_variant(&self, variant: &PolicyVariant) -> Params {
        Params {
            policy: variant.policy.clone(),
            ..self.params.clone()
        }
    }
}

/// What a lesson is compared with: the same scenario (the same burst, festival year, spike or new
/// team) changed in one respect, so that the gap between the two runs is the lesson.
///
/// The fault's stop-when-busy run is not compared with "no burst" — the burst's extra loans would
/// hide the collapse that follows — but with the same burst under a policy that keeps prospecting.
#[derive(Debug, Clone, PartialEq)]
pub enum Counterfactual {
    /// Another of the preset's policies.
    Policy(PolicyVariant),
    /// The default channel shares: the quality lesson played with the usual mix.
    DefaultMix,
    /// No prospecting at all: the steady lesson's book without the hours that hold it.
    NoProspecting,
}

impl Counterfactual {
    /// A stable id: the variant's id, `default_mix` or `no_prospecting`.
    #[must_use]
    pub fn id(&self) -> &'static str {
        match self {
            Counterfactual::Policy(variant) => variant.id,
            Counterfactual::DefaultMix => "default_mix",
            Counterfactual::NoProspecting => "no_prospecting",
        }
    }

    /// `scenario` changed by this counterfactual, without the trainer's decisions: the comparison
    /// is what the lesson's scenario does on its own.
    #[must_use]
    pub fn apply(&self, scenario: &Params) -> Params {
        let mut params = Params {
            interventions: Vec::new(),
            ..scenario.clone()
        };
        match self {
            Counterfactual::Policy(variant) => params.policy = variant.policy.clone(),
            Counterfactual::DefaultMix => {
                for (channel, default) in params.channels.iter_mut().zip(Params::default().channels)
                {
                    channel.hour_share = default.hour_share;
                }
            }
            Counterfactual::NoProspecting => {
                params.policy = Policy {
                    kind: PolicyKind::Fixed,
                    fixed_hours: Hours::Value(0.0),
                    ..params.policy
                };
            }
        }
        params
    }
}

impl Preset {
    /// What variant `variant` of this lesson is compared with on the stage, if anything: the
    /// policy that keeps prospecting for a policy that stops (and the reverse), the usual channel
    /// mix for the quality lesson, no prospecting for the steady one.
    #[must_use]
    pub fn comparison(&self, variant: usize) -> Option<Counterfactual> {
        let own = self.variants.get(variant)?.id;
        // (the variant played, the variant it is compared with)
        let pairs: &[(&str, &str)] = match self.id() {
            "steady" => return Some(Counterfactual::NoProspecting),
            "quality" => return Some(Counterfactual::DefaultMix),
            "fault" | "festival" => &[("b", "a"), ("a", "b"), ("c", "a")],
            "floor" => &[("b_floor", "a"), ("a", "b_floor"), ("b", "b_floor")],
            "spike" => &[("c", "c_boost"), ("c_boost", "c"), ("a", "c")],
            "ramp" => &[("b_full", "a"), ("a", "b_full")],
            _ => &[],
        };
        let other = pairs.iter().find(|(played, _)| *played == own)?.1;
        self.variants
            .iter()
            .find(|v| v.id == other)
            .cloned()
            .map(Counterfactual::Policy)
    }
}

/// Every preset, in presentation order.
#[must_use]
pub fn all() -> Vec<Preset> {
    TEXTS.iter().filter_map(|text| get(text.id)).collect()
}

/// The preset with this id.
#[must_use]
pub fn get(id: &str) -> Option<Preset> {
    let text = *TEXTS.iter().find(|t| t.id == id)?;
    let (params, variants) = scenario(id)?;
    Some(Preset {
        text,
        params,
        variants,
    })
}

/// (a) fixed cadence at h*.
fn fixed() -> PolicyVariant {
    PolicyVariant {
        id: "a",
        label: "(a) fixed cadence at h*",
        policy: Policy {
            kind: PolicyKind::Fixed,
            ..Params::default().policy
        },
    }
}

/// (b) stop when busy with the given floor and cap.
fn stop_when_busy(
    id: &'static str,
    label: &'static str,
    floor: Hours,
    cap: Hours,
) -> PolicyVariant {
    PolicyVariant {
        id,
        label,
        policy: Policy {
            kind: PolicyKind::StopWhenBusy,
            floor_hours: floor,
            cap_hours: cap,
            ..Params::default().policy
        },
    }
}

/// (c) target pipeline with the given minimum hours.
fn target(id: &'static str, label: &'static str, min_hours: Hours) -> PolicyVariant {
    PolicyVariant {
        id,
        label,
        policy: Policy {
            kind: PolicyKind::TargetPipeline,
            min_hours,
            ..Params::default().policy
        },
    }
}

/// The burst of MODEL.md section 13: six applications per AM in weeks 20 and 21.
fn association_burst() -> Shock {
    Shock {
        start: 20.0,
        duration_weeks: 2.0,
        kind: ShockKind::Burst {
            apps_per_am: 6.0,
            mix: None,
        },
    }
}

/// The scenario and variants of a preset; the first variant's policy is the scenario's.
fn scenario(id: &str) -> Option<(Params, Vec<PolicyVariant>)> {
    let mut params = Params::default();
    let stop_at_h_star = || {
        stop_when_busy(
            "b",
            "(b) stop when busy, cap h*",
            Hours::Value(0.0),
            Hours::AUTO,
        )
    };
    let variants = match id {
        "steady" => vec![fixed()],
        "fault" => {
            params.shocks.push(association_burst());
            vec![stop_at_h_star(), fixed()]
        }
        "floor" => {
            params.shocks.push(association_burst());
            vec![
                stop_when_busy(
                    "b_floor",
                    "(b) stop when busy with a floor of ½h*",
                    Hours::TimesHStar(0.5),
                    Hours::AUTO,
                ),
                fixed(),
                stop_at_h_star(),
            ]
        }
        "festival" => {
            params.calendar = Calendar::ChinaDefault {
                spring_festival_week: 6.0,
                mid_autumn_week: 38.0,
            };
            params.fault.baseline = BaselineKind::NoSeasonality;
            params.fault.window_start = Some(7.0);
            params.fault.window_end = Some(17.0);
            vec![
                stop_at_h_star(),
                target("c", "(c) target pipeline", Hours::Value(0.0)),
                fixed(),
            ]
        }
        "spike" => {
            params.shocks.push(Shock {
                start: 20.0,
                duration_weeks: 4.0,
                kind: ShockKind::Demand {
                    mult: 2.5,
                    flows: None,
                },
            });
            vec![
                target("c", "(c) target pipeline", Hours::Value(0.0)),
                target(
                    "c_boost",
                    "(c) target pipeline, boost only (minimum h*)",
                    Hours::AUTO,
                ),
                fixed(),
            ]
        }
        "quality" => {
            let shares = [
                (ChannelId::ColdVisit, 0.15),
                (ChannelId::PhoneSms, 0.05),
                (ChannelId::Flyer, 0.0),
                (ChannelId::OnlinePost, 0.05),
                (ChannelId::Media, 0.0),
                (ChannelId::PeerBroker, 0.05),
                (ChannelId::SupplyChain, 0.35),
                (ChannelId::Event, 0.10),
                (ChannelId::Association, 0.25),
            ];
            for (channel, share) in shares {
                params.channels[channel.index()].hour_share = share;
            }
            vec![fixed()]
        }
        "ramp" => {
            params.team.init = InitialBook::Empty;
            params.team.horizon_weeks = 156.0;
            vec![
                stop_when_busy(
                    "b_full",
                    "(b) prospect all free time (cap H)",
                    Hours::Value(0.0),
                    Hours::FullWeek,
                ),
                fixed(),
            ]
        }
        _ => return None,
    };
    params.policy = variants[0].policy.clone();
    Some((params, variants))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_of_every_lesson_names_a_comparison_that_differs_from_it() {
        for preset in all() {
            for (index, variant) in preset.variants.iter().enumerate() {
                let played = preset.with_variant(variant);
                let comparison = preset
                    .comparison(index)
                    .unwrap_or_else(|| panic!("{} {} has no comparison", preset.id(), variant.id));
                assert_ne!(comparison.id(), variant.id, "{}", preset.id());
                let other = comparison.apply(&played);
                assert_ne!(other, played, "{} {}", preset.id(), variant.id);
                // Only the policy or the mix changes: the same shocks, team and calendar.
                assert_eq!(other.shocks, played.shocks);
                assert_eq!(other.team, played.team);
                assert_eq!(other.calendar, played.calendar);
            }
        }
        let fault = get("fault").expect("the fault");
        assert_eq!(fault.comparison(0).map(|c| c.id()), Some("a"));
        assert_eq!(fault.comparison(9), None);
    }

    #[test]
    fn the_comparison_leaves_out_the_trainers_decisions() {
        let fault = get("fault").expect("the fault");
        let mut params = fault.params.clone();
        params.interventions.push(association_burst());
        let compared = fault.comparison(0).expect("a comparison").apply(&params);
        assert!(compared.interventions.is_empty());
        assert_eq!(compared, fault.with_variant(&fault.variants[1]));
    }
}
