//! S0 of the weekly step: what the calendar and the timed changes say about each simulated week.
//!
//! The seasonal table (52 weeks of demand and availability multipliers) and the shock list are
//! folded once into a `Schedule`: one `WeekInputs` per simulated week. The step reads only that,
//! so a new kind of timed change is a new field here and in the step. The trainer's interventions
//! (prospecting changes, channel mix, team size) are folded here like any other shock.

use super::linalg::Vec3;
use super::params::{
    Calendar, Flow, Holiday, ProspectingChange, Shock, ShockKind, CHANNELS, TIERS,
};

/// Weeks in the calendar year of the model.
pub const WEEKS_PER_YEAR: usize = 52;

/// Demand and availability multipliers by week of the year (index 0 = week 1).
#[derive(Debug, Clone, PartialEq)]
pub struct Season {
    pub demand: [f64; WEEKS_PER_YEAR],
    pub availability: [f64; WEEKS_PER_YEAR],
}

impl Season {
    /// Every week (1, 1).
    #[must_use]
    pub fn neutral() -> Season {
        Season {
            demand: [1.0; WEEKS_PER_YEAR],
            availability: [1.0; WEEKS_PER_YEAR],
        }
    }

    /// The table a validated calendar describes.
    #[must_use]
    pub fn from_calendar(calendar: &Calendar) -> Season {
        match calendar {
            Calendar::None => Season::neutral(),
            Calendar::ChinaDefault {
                spring_festival_week,
                mid_autumn_week,
            } => Season::from_holidays(&china_default(*spring_festival_week, *mid_autumn_week)),
            Calendar::Custom(holidays) => Season::from_holidays(holidays),
            Calendar::Weekly {
                demand,
                availability,
            } => {
                let mut season = Season::neutral();
                season.demand.copy_from_slice(&demand[..WEEKS_PER_YEAR]);
                season
                    .availability
                    .copy_from_slice(&availability[..WEEKS_PER_YEAR]);
                season
            }
        }
    }

    /// Applies holiday records; records that touch the same week multiply (MODEL.md 16.9).
    fn from_holidays(holidays: &[Holiday]) -> Season {
        let mut season = Season::neutral();
        for holiday in holidays {
            let week = holiday.week as i64;
            for before in 1..=holiday.pre_weeks as i64 {
                season.demand[year_index(week - before)] *= holiday.pre_demand;
            }
            season.demand[year_index(week)] *= holiday.demand;
            season.availability[year_index(week)] *= holiday.availability;
            for after in 1..=holiday.post_weeks as i64 {
                season.demand[year_index(week + after)] *= holiday.post_demand;
                season.availability[year_index(week + after)] *= holiday.post_availability;
            }
        }
        season
    }
}

/// Index (0–51) of week w of the year, wrapping as ((w−1) mod 52)+1.
fn year_index(week: i64) -> usize {
    // 52 fits every integer type; the remainder is in 0..52.
    (week - 1).rem_euclid(52) as usize
}

/// A holiday record with only the listed effects.
fn holiday(week: f64) -> Holiday {
    Holiday {
        week,
        pre_weeks: 0.0,
        pre_demand: 1.0,
        demand: 1.0,
        availability: 1.0,
        post_weeks: 0.0,
        post_demand: 1.0,
        post_availability: 1.0,
    }
}

/// `china_default(sf, ma)` of MODEL.md section 7 as holiday records.
#[must_use]
pub fn china_default(spring_festival_week: f64, mid_autumn_week: f64) -> Vec<Holiday> {
    vec![
        // Distributors pre-stock before the Spring Festival, close for it and restart slowly.
        Holiday {
            pre_weeks: 4.0,
            pre_demand: 1.30,
            demand: 0.4,
            availability: 0.3,
            post_weeks: 1.0,
            post_demand: 0.8,
            post_availability: 0.8,
            ..holiday(spring_festival_week)
        },
        Holiday {
            availability: 0.8,
            ..holiday(14.0)
        },
        Holiday {
            availability: 0.6,
            ..holiday(18.0)
        },
        Holiday {
            demand: 1.1,
            ..holiday(22.0)
        },
        Holiday {
            demand: 1.1,
            ..holiday(23.0)
        },
        Holiday {
            availability: 0.8,
            ..holiday(24.0)
        },
        Holiday {
            pre_weeks: 3.0,
            pre_demand: 1.25,
            availability: 0.8,
            ..holiday(mid_autumn_week)
        },
        Holiday {
            demand: 0.7,
            availability: 0.4,
            ..holiday(40.0)
        },
        Holiday {
            demand: 1.15,
            ..holiday(43.0)
        },
        Holiday {
            demand: 1.15,
            ..holiday(44.0)
        },
    ]
}

/// Everything S0 determines for one simulated week.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekInputs {
    /// y = ((`start_week` − 1 + t) mod 52) + 1.
    pub week_of_year: u32,
    /// Demand multiplier `dem_t` applied to each channel's yield.
    pub channel_demand: [f64; CHANNELS],
    /// Demand multiplier applied to walk-ins.
    pub inbound_demand: f64,
    /// Demand multiplier applied to referral accrual.
    pub referral_demand: f64,
    /// `v_t`.
    pub availability: f64,
    /// `χ_t` = min(1, Σ active capacity losses).
    pub capacity_loss: f64,
    /// `credit_t` = Π active credit multipliers.
    pub credit_mult: f64,
    /// `Σ_i` `b_i·mix_i,k`: burst applications per AM arriving this week, by tier.
    pub burst_apps_per_am: Vec3,
    /// The prospecting change in force (latest start wins); `None` follows the policy.
    pub prospecting: Option<ProspectingChange>,
    /// `σ_c` of the channel-mix change in force (latest start wins); `None`: the scenario's shares.
    pub channel_shares: Option<[f64; CHANNELS]>,
    /// Σ active team changes: this week's team is `N_t` = N + `ams_delta`.
    pub ams_delta: f64,
}

/// The inputs of every simulated week.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    pub weeks: Vec<WeekInputs>,
}

impl Schedule {
    /// Folds the season and the shocks into per-week inputs.
    ///
    /// `default_burst_mix` is the steady-state application mix, used by bursts without a mix.
    #[must_use]
    pub fn build(
        horizon_weeks: usize,
        start_week: u32,
        season: &Season,
        shocks: &[Shock],
        default_burst_mix: Vec3,
    ) -> Schedule {
        let weeks = (0..horizon_weeks)
            .map(|t| {
                let index = (start_week as usize - 1 + t) % WEEKS_PER_YEAR;
                let mut inputs = WeekInputs {
                    week_of_year: index as u32 + 1,
                    channel_demand: [season.demand[index]; CHANNELS],
                    inbound_demand: season.demand[index],
                    referral_demand: season.demand[index],
                    availability: season.availability[index],
                    capacity_loss: 0.0,
                    credit_mult: 1.0,
                    burst_apps_per_am: [0.0; TIERS],
                    prospecting: None,
                    channel_shares: None,
                    ams_delta: 0.0,
                };
                // Step changes: the latest start wins, and on equal starts the later entry.
                let mut prospecting_start = f64::NEG_INFINITY;
                let mut mix_start = f64::NEG_INFINITY;
                for shock in shocks.iter().filter(|s| is_active(s, t)) {
                    match &shock.kind {
                        ShockKind::Prospecting { change } if shock.start >= prospecting_start => {
                            prospecting_start = shock.start;
                            inputs.prospecting = Some(*change);
                        }
                        ShockKind::ChannelMix { shares } if shock.start >= mix_start => {
                            mix_start = shock.start;
                            inputs.channel_shares = Some(*shares);
                        }
                        kind => apply(&mut inputs, kind, default_burst_mix),
                    }
                }
                if inputs.prospecting == Some(ProspectingChange::Resume) {
                    inputs.prospecting = None;
                }
                inputs.capacity_loss = inputs.capacity_loss.min(1.0);
                inputs
            })
            .collect();
        Schedule { weeks }
    }
}

/// Whether a shock is active in simulation week t.
fn is_active(shock: &Shock, t: usize) -> bool {
    let t = t as f64;
    shock.start <= t && t < shock.start + shock.duration_weeks
}

fn apply(inputs: &mut WeekInputs, kind: &ShockKind, default_burst_mix: Vec3) {
    match kind {
        ShockKind::Burst { apps_per_am, mix } => {
            let mix = mix.unwrap_or(default_burst_mix);
            for (arrivals, share) in inputs.burst_apps_per_am.iter_mut().zip(mix) {
                *arrivals += apps_per_am * share;
            }
        }
        ShockKind::Demand { mult, flows } => match flows {
            None => {
                for demand in &mut inputs.channel_demand {
                    *demand *= mult;
                }
                inputs.inbound_demand *= mult;
                inputs.referral_demand *= mult;
            }
            Some(flows) => {
                // A flow named twice is still multiplied once: the list names a set of flows.
                let mut channels = [false; CHANNELS];
                let (mut inbound, mut referrals) = (false, false);
                for flow in flows {
                    match flow {
                        Flow::Channel(c) => channels[c.index()] = true,
                        Flow::Inbound => inbound = true,
                        Flow::Referrals => referrals = true,
                    }
                }
                for (demand, hit) in inputs.channel_demand.iter_mut().zip(channels) {
                    if hit {
                        *demand *= mult;
                    }
                }
                if inbound {
                    inputs.inbound_demand *= mult;
                }
                if referrals {
                    inputs.referral_demand *= mult;
                }
            }
        },
        ShockKind::Capacity { frac } => inputs.capacity_loss += frac,
        ShockKind::Credit { mult } => inputs.credit_mult *= mult,
        ShockKind::Team { ams_delta } => inputs.ams_delta += ams_delta,
        // Step changes are folded by `Schedule::build`; an earlier-starting one that lost is ignored.
        ShockKind::Prospecting { .. } | ShockKind::ChannelMix { .. } => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn china_default_places_the_festival_and_its_lead_in() {
        let season = Season::from_calendar(&Calendar::ChinaDefault {
            spring_festival_week: 6.0,
            mid_autumn_week: 38.0,
        });
        assert_eq!(&season.demand[1..5], &[1.3; 4]);
        assert_eq!((season.demand[5], season.availability[5]), (0.4, 0.3));
        assert_eq!((season.demand[6], season.availability[6]), (0.8, 0.8));
        assert_eq!(&season.demand[34..37], &[1.25; 3]);
        assert_eq!((season.demand[39], season.availability[39]), (0.7, 0.4));
    }

    #[test]
    fn holiday_weeks_wrap_around_the_year() {
        let record = Holiday {
            pre_weeks: 2.0,
            pre_demand: 2.0,
            post_weeks: 1.0,
            post_demand: 0.5,
            ..holiday(52.0)
        };
        let season = Season::from_holidays(&[
            record.clone(),
            Holiday {
                week: 1.0,
                ..record
            },
        ]);
        // Week 51 leads into both holidays (×2 twice), week 52 into week 1's (×2); week 1 is
        // week 52's after-effect (×0.5) and week 2 week 1's.
        let got = [
            season.demand[50],
            season.demand[51],
            season.demand[0],
            season.demand[1],
        ];
        for (got, expected) in got.iter().zip([4.0, 2.0, 0.5, 0.5]) {
            assert!((got - expected).abs() < 1e-12, "{got} != {expected}");
        }
    }
}
