//! MODEL.md section 13's steady-state figures from the closed forms of section 9, and the
//! closed-form parts of invariant 6 (`F(h*) = A_target`, A* increasing in h).

use cadence::engine::closed_form::SteadyState;
use cadence::engine::params::{ChannelId, Params, Tier};
use cadence::engine::Summary;
use proptest::prelude::*;

use crate::engine_support::{close, printed, valid};

fn default_summary() -> Summary {
    valid(&Params::default())
        .summary()
        .cloned()
        .expect("defaults have a steady state")
}

#[test]
fn h_star_holds_120_loans_with_8_80_hours() {
    let s = default_summary();
    printed("h*", s.h_star, 8.80, 2);
    printed("A*", s.a_star, 120.0, 9);
}

#[test]
fn sustainable_break_even_and_no_prospecting_caseloads() {
    let s = default_summary();
    printed("A_max", s.a_max.unwrap(), 134.6, 1);
    printed("h at A_max", s.h_max.unwrap(), 10.3, 1);
    printed("A_BE", s.a_break_even.unwrap(), 84.0, 0);
    printed("h_BE", s.h_break_even.unwrap(), 5.4, 1);
    printed("A0", s.a0, 17.6, 1);
}

#[test]
fn loans_sustained_per_weekly_prospect_by_channel() {
    let s = default_summary();
    for (channel, beta) in [
        (ChannelId::PeerBroker, 56.0),
        (ChannelId::SupplyChain, 34.0),
        (ChannelId::Association, 32.0),
        (ChannelId::Event, 29.0),
        (ChannelId::ColdVisit, 25.0),
        (ChannelId::Flyer, 21.0),
    ] {
        printed(channel.id(), s.beta(channel), beta, 0);
    }
}

#[test]
fn unit_contribution_of_a_new_loan_by_tier() {
    let s = default_summary();
    let contribution = |tier: Tier| s.unit_economics[tier.index()].contribution_cny;
    printed("prime", contribution(Tier::Prime), 2533.0, 0);
    printed("standard", contribution(Tier::Standard), 712.0, 0);
    printed("marginal", contribution(Tier::Marginal), -1886.0, 0);
}

#[test]
fn steady_flows_per_am_week() {
    let t = default_summary().at_target;
    printed("prospects", t.prospects_by_channel.iter().sum(), 3.6, 1);
    printed("applications", t.total_applications(), 1.90, 2);
    printed("new loans", t.new_loans.iter().sum(), 1.37, 2);
    printed("renewals", t.renewals.iter().sum(), 2.23, 2);
    printed("maturities", t.maturities.iter().sum(), 3.40, 2);
}

#[test]
fn tier_mix_of_active_and_new_loans() {
    let t = default_summary().at_target;
    let shares = |v: [f64; 3]| {
        let total: f64 = v.iter().sum();
        v.map(|x| 100.0 * x / total)
    };
    for (actual, expected) in shares(t.loans).iter().zip([31.0, 55.0, 14.0]) {
        printed("active mix %", *actual, expected, 0);
    }
    for (actual, expected) in shares(t.new_loans).iter().zip([21.0, 56.0, 23.0]) {
        printed("new-loan mix %", *actual, expected, 0);
    }
}

#[test]
fn hours_budget_at_the_target() {
    let t: SteadyState = default_summary().at_target;
    printed("care", t.hours_care, 13.5, 1);
    printed("renewals", t.hours_renewal, 3.3, 1);
    printed("investigations", t.hours_investigation, 9.7, 1);
    printed("prospecting", t.prospecting_hours, 8.8, 1);
    printed("total", t.hours_total, 35.3, 1);
    printed("utilisation %", 100.0 * t.hours_total / 40.0, 88.0, 0);
    printed("slack", t.slack_hours, 4.7, 1);
}

#[test]
fn referrals_balance_losses_and_profit() {
    let s = default_summary();
    let t = &s.at_target;
    printed(
        "referral share of leads %",
        100.0 * s.referral_share_of_leads,
        25.0,
        0,
    );
    printed("loop gain", s.loop_gain, 0.33, 2);
    let balance: f64 = t.balance_cny.iter().sum();
    printed("balance M CNY", balance / 1e6, 11.4, 1);
    printed(
        "annual losses % of balance",
        100.0 * 52.0 * t.loss_cny / balance,
        1.14,
        2,
    );
    printed("profit per AM-week", t.profit_cny, 2581.0, 0);
    printed("profit per AM-year k", 52.0 * t.profit_cny / 1e3, 134.0, 0);
    printed("natural coverage X", s.natural_coverage_weeks, 2.529, 3);
}

#[test]
fn par30_by_count_and_by_balance() {
    let t = default_summary().at_target;
    let loans: f64 = t.loans.iter().sum();
    let balance: f64 = t.balance_cny.iter().sum();
    printed(
        "PAR30 by count %",
        100.0 * t.past_due.iter().sum::<f64>() / loans,
        1.06,
        2,
    );
    printed(
        "PAR30 by balance %",
        100.0 * t.past_due_balance_cny.iter().sum::<f64>() / balance,
        0.73,
        2,
    );
}

#[test]
fn f_of_h_star_is_the_target() {
    let vp = valid(&Params::default());
    let map = vp.steady_map().unwrap();
    let h = vp.h_ref().unwrap();
    close("F(h*)", map.loans_at(vp.model(), h), 120.0, 120.0 * 1e-9);
    close(
        "ΣA*(h*)",
        map.state_at(vp.model(), h).total_loans(),
        120.0,
        120.0 * 1e-9,
    );
}

#[test]
fn quality_channel_mix_lowers_h_star_and_raises_profit() {
    let default = default_summary();
    let preset = cadence::engine::presets::get("quality").unwrap();
    let vp = valid(&preset.params);
    let quality = vp.summary().unwrap();
    printed("h* with quality mix", quality.h_star, 8.47, 2);
    let profit_gain = quality.at_target.profit_cny / default.at_target.profit_cny - 1.0;
    printed("profit gain % at 120 loans", 100.0 * profit_gain, 9.0, 0);
    let at_same_hours = vp.steady_state_at(default.h_star).unwrap();
    printed("loans at 8.8 h", at_same_hours.total_loans(), 123.0, 0);
    let gain_same_hours = at_same_hours.profit_cny / default.at_target.profit_cny - 1.0;
    printed("profit gain % at 8.8 h", 100.0 * gain_same_hours, 18.0, 0);
}

proptest! {
    #[test]
    fn a_star_increases_with_prospecting_hours(h in 0.0f64..40.0, dh in 0.01f64..10.0) {
        let vp = valid(&Params::default());
        let map = vp.steady_map().unwrap();
        prop_assert!(map.loans_at(vp.model(), h + dh) > map.loans_at(vp.model(), h));
    }

    #[test]
    fn h_star_solves_f_for_any_reachable_target(target in 20.0f64..300.0) {
        let mut params = Params::default();
        params.team.target_loans_per_am = target;
        params.team.hours_per_week = 80.0;
        let vp = valid(&params);
        let map = vp.steady_map().unwrap();
        let h = vp.h_ref().unwrap();
        prop_assert!((map.loans_at(vp.model(), h) - target).abs() <= target * 1e-9);
    }
}
