//! The Cadence plan as files a team uses: a CSV table (one row per week, hours per AM and for the
//! team, and a totals row) and an iCalendar file (one event per week, with the week's blocks by
//! day), dated from the scenario's start date, and the command line's summary — all read from the
//! one solved `Plan`, so they say the same as the page.
//!
//! Both are written in the page's language. The CSV starts with a UTF-8 byte-order mark so that
//! spreadsheet programs read Chinese text as UTF-8, and keeps numbers in plain `1234.56` form.
//! The calendar follows RFC 5545: CRLF line ends, lines folded at 75 octets (never inside a
//! UTF-8 sequence), TEXT values escaped, and every event with a UID and a DTSTAMP. The UID is
//! made of the plan's start date and week (and whether it is the team's), so importing an updated
//! plan for the same weeks replaces the old events instead of adding copies.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use serde::Serialize;

use crate::engine::params::{Calendar, ChannelId, Params, ShockKind, CHANNELS};
use crate::engine::plan::{
    Block, CurrentMix, GoalError, GoalRule, MixPlan, Plan, PlanError, PlanGoal, PlanWeek,
    Shortfall, TargetPath,
};
use crate::engine::validate::{ParamError, ParamValue, Rule};
use crate::i18n::{fill, Lang, Text};

/// The UTF-8 byte-order mark.
pub const BOM: char = '\u{feff}';

/// What else happens in a plan week: a festival of the calendar or a timed change.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum WeekEvent {
    PreSpringFestival,
    SpringFestival,
    PostSpringFestival,
    Qingming,
    LabourDay,
    PreDragonBoat,
    DragonBoat,
    PreMidAutumn,
    MidAutumn,
    NationalDay,
    Double11,
    /// A custom calendar's holiday, its lead-in and after-effect weeks.
    PreHoliday,
    Holiday,
    PostHoliday,
    /// Applications per AM arriving in a burst.
    Burst(f64),
    /// A demand multiplier.
    Demand(f64),
    /// The share of hours lost.
    Capacity(f64),
    /// A default-hazard multiplier.
    Credit(f64),
    /// Account managers added (> 0) or removed.
    Team(f64),
}

impl WeekEvent {
    /// The event in a language.
    #[must_use]
    pub fn label(self, lang: Lang) -> String {
        let with = |key: Text, value: String| fill(key.get(lang), &[&value]);
        let text = match self {
            WeekEvent::PreSpringFestival => Text::EventPreSpringFestival,
            WeekEvent::SpringFestival => Text::EventSpringFestival,
            WeekEvent::PostSpringFestival => Text::EventPostSpringFestival,
            WeekEvent::Qingming => Text::EventQingming,
            WeekEvent::LabourDay => Text::EventLabourDay,
            WeekEvent::PreDragonBoat => Text::EventPreDragonBoat,
            WeekEvent::DragonBoat => Text::EventDragonBoat,
            WeekEvent::PreMidAutumn => Text::EventPreMidAutumn,
            WeekEvent::MidAutumn => Text::EventMidAutumn,
            WeekEvent::NationalDay => Text::EventNationalDay,
            WeekEvent::Double11 => Text::EventDouble11,
            WeekEvent::PreHoliday => Text::EventPreHoliday,
            WeekEvent::Holiday => Text::EventHoliday,
            WeekEvent::PostHoliday => Text::EventPostHoliday,
            WeekEvent::Burst(apps) => return with(Text::EventBurst, number(apps, 1)),
            WeekEvent::Demand(mult) => return with(Text::EventDemand, number(mult, 2)),
            WeekEvent::Capacity(frac) => {
                return with(Text::EventCapacity, format!("{}%", number(frac * 100.0, 0)))
            }
            WeekEvent::Credit(mult) => return with(Text::EventCredit, number(mult, 2)),
            WeekEvent::Team(delta) => return with(Text::EventTeam, format!("{delta:+}")),
        };
        text.get(lang).to_owned()
    }
}

/// A number with at most `decimals` decimals, trailing zeros dropped.
fn number(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// Index (0–51) of week w of the year, wrapping as ((w − 1) mod 52) + 1.
fn year_index(week: i64) -> i64 {
    (week - 1).rem_euclid(52)
}

/// The festivals of a calendar in a week of the year (1–52).
#[must_use]
pub fn festivals(calendar: &Calendar, week_of_year: u32) -> Vec<WeekEvent> {
    let y = year_index(i64::from(week_of_year));
    let is = |week: f64| year_index(week as i64) == y;
    let before = |week: f64, weeks: f64| (1..=weeks as i64).any(|k| is(week - k as f64));
    let after = |week: f64, weeks: f64| (1..=weeks as i64).any(|k| is(week + k as f64));
    let mut events = Vec::new();
    match calendar {
        Calendar::ChinaDefault {
            spring_festival_week: sf,
            mid_autumn_week: ma,
        } => {
            let table: [(bool, WeekEvent); 11] = [
                (before(*sf, 4.0), WeekEvent::PreSpringFestival),
                (is(*sf), WeekEvent::SpringFestival),
                (after(*sf, 1.0), WeekEvent::PostSpringFestival),
                (is(14.0), WeekEvent::Qingming),
                (is(18.0), WeekEvent::LabourDay),
                (is(22.0) || is(23.0), WeekEvent::PreDragonBoat),
                (is(24.0), WeekEvent::DragonBoat),
                (before(*ma, 3.0), WeekEvent::PreMidAutumn),
                (is(*ma), WeekEvent::MidAutumn),
                (is(40.0), WeekEvent::NationalDay),
                (is(43.0) || is(44.0), WeekEvent::Double11),
            ];
            events.extend(table.into_iter().filter(|(hit, _)| *hit).map(|(_, e)| e));
        }
        Calendar::Custom(holidays) => {
            for holiday in holidays {
                if before(holiday.week, holiday.pre_weeks) {
                    events.push(WeekEvent::PreHoliday);
                }
                if is(holiday.week) {
                    events.push(WeekEvent::Holiday);
                }
                if after(holiday.week, holiday.post_weeks) {
                    events.push(WeekEvent::PostHoliday);
                }
            }
        }
        Calendar::None | Calendar::Weekly { .. } => {}
    }
    events
}

/// The festivals and timed changes (bursts, demand, capacity, credit, team; the scenario's and a
/// trainer's) of plan week t.
#[must_use]
pub fn week_events(params: &Params, week: &PlanWeek) -> Vec<WeekEvent> {
    let mut events = festivals(&params.calendar, week.week_of_year);
    let t = week.week as f64;
    for shock in params.shocks.iter().chain(&params.interventions) {
        if !(shock.start <= t && t < shock.start + shock.duration_weeks) {
            continue;
        }
        match shock.kind {
            ShockKind::Burst { apps_per_am, .. } => events.push(WeekEvent::Burst(apps_per_am)),
            ShockKind::Demand { mult, .. } => events.push(WeekEvent::Demand(mult)),
            ShockKind::Capacity { frac } => events.push(WeekEvent::Capacity(frac)),
            ShockKind::Credit { mult } => events.push(WeekEvent::Credit(mult)),
            ShockKind::Team { ams_delta } => events.push(WeekEvent::Team(ams_delta)),
            ShockKind::Prospecting { .. } | ShockKind::ChannelMix { .. } => {}
        }
    }
    events
}

/// The events of a week as one text.
#[must_use]
pub fn events_text(events: &[WeekEvent], lang: Lang) -> String {
    let separator = match lang {
        Lang::En => "; ",
        Lang::Zh => "；",
    };
    events
        .iter()
        .map(|e| e.label(lang))
        .collect::<Vec<_>>()
        .join(separator)
}

/// The Monday plan week t starts on.
#[must_use]
pub fn week_start(start_date: NaiveDate, week: usize) -> NaiveDate {
    // Plans are at most 104 weeks, so the count fits in any integer.
    start_date + Duration::weeks(i64::try_from(week).unwrap_or(0))
}

/// A channel's name.
#[must_use]
pub fn channel_text(channel: ChannelId) -> Text {
    match channel {
        ChannelId::ColdVisit => Text::ChannelColdVisit,
        ChannelId::PhoneSms => Text::ChannelPhoneSms,
        ChannelId::Flyer => Text::ChannelFlyer,
        ChannelId::OnlinePost => Text::ChannelOnlinePost,
        ChannelId::Media => Text::ChannelMedia,
        ChannelId::PeerBroker => Text::ChannelPeerBroker,
        ChannelId::SupplyChain => Text::ChannelSupplyChain,
        ChannelId::Event => Text::ChannelEvent,
        ChannelId::Association => Text::ChannelAssociation,
    }
}

/// A block's name: its channel, or "other channels (…)" with the channels it folds together.
#[must_use]
pub fn block_text(block: &Block, lang: Lang) -> String {
    let name = |c: usize| channel_text(ChannelId::ALL[c]).get(lang).to_owned();
    if block.other {
        let separator = match lang {
            Lang::En => ", ",
            Lang::Zh => "、",
        };
        let names: Vec<String> = block.channels.iter().map(|&c| name(c)).collect();
        fill(Text::PlanOtherChannels.get(lang), &[&names.join(separator)])
    } else {
        block
            .channels
            .first()
            .map_or_else(String::new, |&c| name(c))
    }
}

/// Hours as the plan writes them: whole blocks, so at most two decimals, trailing zeros dropped.
#[must_use]
pub fn hours_text(hours: f64) -> String {
    number(hours, 2)
}

/// The most hours of one channel a calendar puts on one day: a prospecting sitting.
pub const SITTING_HOURS: f64 = 2.0;

/// One day of a plan week: (block index, hours) in the order worked.
#[derive(Debug, Clone, PartialEq)]
pub struct Day {
    /// 0 = Monday.
    pub weekday: usize,
    pub blocks: Vec<(usize, f64)>,
}

/// A week's blocks laid out on the chosen weekdays: each block in sittings of at most
/// [`SITTING_HOURS`] (whole blocks), largest first, each to the least-loaded day (the earliest on
/// a tie). Days without hours are left out; with no weekday chosen, Monday takes everything.
#[must_use]
pub fn days(block_hours: &[f64], weekdays: &[bool; 7], block: f64) -> Vec<Day> {
    let chosen: Vec<usize> = match (0..7).filter(|&d| weekdays[d]).collect::<Vec<_>>() {
        days if days.is_empty() => vec![0],
        days => days,
    };
    let sitting = (SITTING_HOURS / block).floor().max(1.0) * block;
    let mut sittings: Vec<(usize, f64)> = Vec::new();
    for (b, &hours) in block_hours.iter().enumerate() {
        let mut left = hours;
        while left > 1e-9 {
            let take = left.min(sitting);
            sittings.push((b, take));
            left -= take;
        }
    }
    sittings.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    let mut load = vec![0.0_f64; chosen.len()];
    let mut out: Vec<Day> = chosen
        .iter()
        .map(|&weekday| Day {
            weekday,
            blocks: Vec::new(),
        })
        .collect();
    for (b, hours) in sittings {
        let day = (0..chosen.len())
            .min_by(|&i, &j| load[i].total_cmp(&load[j]).then(i.cmp(&j)))
            .unwrap_or(0);
        load[day] += hours;
        match out[day].blocks.iter_mut().find(|(x, _)| *x == b) {
            Some((_, h)) => *h += hours,
            None => out[day].blocks.push((b, hours)),
        }
    }
    for day in &mut out {
        day.blocks.sort_by_key(|(b, _)| *b);
    }
    out.retain(|d| !d.blocks.is_empty());
    out
}

/// A weekday's short name (0 = Monday).
#[must_use]
pub fn weekday_text(weekday: usize, lang: Lang) -> &'static str {
    [
        Text::WeekdayMon,
        Text::WeekdayTue,
        Text::WeekdayWed,
        Text::WeekdayThu,
        Text::WeekdayFri,
        Text::WeekdaySat,
        Text::WeekdaySun,
    ][weekday.min(6)]
    .get(lang)
}

/// A week's days in words: "Mon: Supply chain 2 h, Events 1 h; Wed: …", with hours multiplied by
/// `scale` (1 for an AM, the team size for the team).
#[must_use]
pub fn days_text(plan: &Plan, week: &PlanWeek, scale: f64, lang: Lang) -> String {
    let block = plan.cadence.block_hours;
    let separator = match lang {
        Lang::En => "; ",
        Lang::Zh => "；",
    };
    days(&week.block_hours, &plan.goal.weekdays, block)
        .iter()
        .map(|day| {
            let items: Vec<String> = day
                .blocks
                .iter()
                .map(|&(b, h)| {
                    fill(
                        Text::PlanDayItem.get(lang),
                        &[
                            &block_text(&plan.cadence.blocks[b], lang),
                            &hours_text(h * scale),
                        ],
                    )
                })
                .collect();
            let joiner = match lang {
                Lang::En => ", ",
                Lang::Zh => "，",
            };
            format!(
                "{}: {}",
                weekday_text(day.weekday, lang),
                items.join(joiner)
            )
        })
        .collect::<Vec<_>>()
        .join(separator)
}

/// A CSV cell, quoted when it holds a comma, a quote or a line break (RFC 4180).
fn push_cell(csv: &mut String, cell: &str) {
    if cell.contains([',', '"', '\n', '\r']) {
        csv.push('"');
        csv.push_str(&cell.replace('"', "\"\""));
        csv.push('"');
    } else {
        csv.push_str(cell);
    }
}

fn push_row(csv: &mut String, cells: &[String]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            csv.push(',');
        }
        push_cell(csv, cell);
    }
    csv.push_str("\r\n");
}

/// The plan as CSV: a BOM, a header row in `lang`, one row per week and a totals row (CRLF line
/// ends). Hours per AM and for the team, by block; the week's work against its hours; what the
/// simulation expects. Every number is the plan's own (the same the page and the calendar show).
#[must_use]
pub fn plan_csv(plan: &Plan, start_date: NaiveDate, lang: Lang) -> String {
    let mut csv = String::new();
    csv.push(BOM);
    let ams = plan.summary.ams;
    let mut header: Vec<String> = [
        Text::PlanCsvWeek,
        Text::TableWeekStarting,
        Text::CsvWeekOfYear,
        Text::PlanCsvEvents,
        Text::PlanCsvAvailable,
        Text::PlanCsvHours,
        Text::PlanCsvTeamHours,
    ]
    .iter()
    .map(|t| t.get(lang).to_owned())
    .collect();
    for block in &plan.cadence.blocks {
        header.push(fill(
            Text::PlanCsvHoursChannel.get(lang),
            &[&block_text(block, lang)],
        ));
    }
    for t in [
        Text::PlanCsvWork,
        Text::PlanCsvAvailableHours,
        Text::PlanCsvPipeline,
        Text::PlanCsvNewLoans,
        Text::PlanCsvActiveLoans,
        Text::PlanCsvGoal,
    ] {
        header.push(t.get(lang).to_owned());
    }
    push_row(&mut csv, &header);
    let params = &plan.cadence.params;
    for week in &plan.cadence.weeks {
        let mut row = vec![
            (week.week + 1).to_string(),
            week_start(start_date, week.week)
                .format("%Y-%m-%d")
                .to_string(),
            week.week_of_year.to_string(),
            events_text(&week_events(params, week), lang),
            format!("{:.2}", week.availability),
            hours_text(week.planned_hours),
            hours_text(week.planned_hours * ams),
        ];
        for h in &week.block_hours {
            row.push(hours_text(*h));
        }
        row.push(format!("{:.1}", week.work_hours));
        row.push(format!("{:.1}", week.available_hours));
        row.push(format!("{:.2}", week.pipeline_per_am));
        row.push(format!("{:.2}", week.new_loans_per_am));
        row.push(format!("{:.1}", week.loans_per_am));
        row.push(format!("{:.1}", week.goal_loans_per_am));
        push_row(&mut csv, &row);
    }
    let summary = &plan.summary;
    let mut totals = vec![
        Text::PlanCsvTotal.get(lang).to_owned(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        hours_text(summary.total_hours),
        hours_text(summary.total_hours * ams),
    ];
    for b in 0..plan.cadence.blocks.len() {
        totals.push(hours_text(
            plan.cadence.weeks.iter().map(|w| w.block_hours[b]).sum(),
        ));
    }
    totals.extend([
        String::new(),
        String::new(),
        String::new(),
        format!("{:.2}", summary.new_loans),
        String::new(),
        String::new(),
    ]);
    push_row(&mut csv, &totals);
    csv
}

/// Escapes a TEXT value (RFC 5545 3.3.11).
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded so no line exceeds 75 octets (RFC 5545 3.1): a fold is CRLF
/// and one space, and never splits a UTF-8 sequence.
fn push_line(ics: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > 75 {
            ics.push_str("\r\n ");
            // The space that starts a continuation line counts towards its 75 octets.
            used = 1;
        }
        ics.push(c);
        used += len;
    }
    ics.push_str("\r\n");
}

/// The plan as an iCalendar file: one all-day event per week — for each AM, or for the team,
/// as the goal says — from its Monday to its last chosen weekday, with the week's blocks by day in
/// its description ("Mon: Supply chain 2 h; Wed: Events 1.5 h") and what the week should bring.
/// Weeks without planned hours have no event.
///
/// `stamp` is DTSTAMP, the time the file is made (UTC); the caller reads the clock.
#[must_use]
pub fn plan_ics(plan: &Plan, start_date: NaiveDate, lang: Lang, stamp: NaiveDateTime) -> String {
    let mut ics = String::new();
    let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    let name = Text::IcsCalendarName.get(lang);
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Cadence//Cadence plan//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(&mut ics, line);
    }
    push_line(&mut ics, &format!("X-WR-CALNAME:{}", escape_text(name)));
    let params = &plan.cadence.params;
    let start_id = start_date.format("%Y%m%d").to_string();
    let team = plan.goal.calendar_per_team;
    let scale = if team { plan.summary.ams } else { 1.0 };
    let last_day = (0..7).rev().find(|&d| plan.goal.weekdays[d]).unwrap_or(4);
    for week in &plan.cadence.weeks {
        if week.planned_hours <= 0.0 {
            continue;
        }
        let monday = week_start(start_date, week.week);
        let end = monday + Duration::days(i64::try_from(last_day).unwrap_or(4) + 1);
        let hours = hours_text(week.planned_hours * scale);
        let summary = if team {
            fill(Text::IcsSummaryTeam.get(lang), &[&hours])
        } else {
            fill(Text::IcsSummary.get(lang), &[&hours])
        };
        let mut description = days_text(plan, week, scale, lang);
        description.push('\n');
        description.push_str(&fill(
            Text::IcsDescription.get(lang),
            &[
                &(week.week + 1).to_string(),
                &format!("{:.2}", week.new_loans_per_am),
                &format!("{:.1}", week.loans_per_am),
                &format!("{:.1}", week.goal_loans_per_am),
            ],
        ));
        let events = events_text(&week_events(params, week), lang);
        if !events.is_empty() {
            description.push('\n');
            description.push_str(&fill(Text::IcsEvents.get(lang), &[&events]));
        }
        push_line(&mut ics, "BEGIN:VEVENT");
        push_line(
            &mut ics,
            &format!(
                "UID:cadence-plan-{start_id}-w{:03}-{}@cadence.invalid",
                week.week + 1,
                if team { "team" } else { "am" }
            ),
        );
        push_line(&mut ics, &format!("DTSTAMP:{stamp}"));
        push_line(
            &mut ics,
            &format!("DTSTART;VALUE=DATE:{}", monday.format("%Y%m%d")),
        );
        push_line(
            &mut ics,
            &format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")),
        );
        push_line(&mut ics, &format!("SUMMARY:{}", escape_text(&summary)));
        push_line(
            &mut ics,
            &format!("DESCRIPTION:{}", escape_text(&description)),
        );
        push_line(&mut ics, "TRANSP:TRANSPARENT");
        push_line(&mut ics, "END:VEVENT");
    }
    push_line(&mut ics, "END:VCALENDAR");
    ics
}

/// Rounds to four decimals (and −0 to 0), like the run summary; non-finite values become null.
fn round(x: f64) -> Option<f64> {
    if !x.is_finite() {
        return None;
    }
    let r = (x * 1e4).round() / 1e4;
    Some(if r == 0.0 { 0.0 } else { r })
}

/// The goal as the summary echoes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalJson {
    /// `flat` or `growth`.
    pub path: &'static str,
    pub target_loans_per_am: Option<f64>,
    pub by_week: Option<f64>,
    pub min_quality_share: Option<f64>,
    pub max_prospecting_hours: Option<f64>,
    pub cash_budget_cny: Option<f64>,
    pub objective: &'static str,
    pub weeks: Option<f64>,
    pub floor_share: Option<f64>,
    /// `optimise` or `keep`.
    pub mix: &'static str,
    pub max_weekly_change_hours: Option<f64>,
    pub block_hours: Option<f64>,
}

impl GoalJson {
    fn of(goal: &PlanGoal) -> GoalJson {
        let (path, by_week) = match goal.target {
            TargetPath::Flat { .. } => ("flat", None),
            TargetPath::Growth { by_week, .. } => ("growth", round(by_week)),
        };
        GoalJson {
            path,
            target_loans_per_am: round(goal.target.final_loans()),
            by_week,
            min_quality_share: round(goal.min_quality_share),
            max_prospecting_hours: round(goal.max_prospecting_hours),
            cash_budget_cny: goal.cash_budget_cny.and_then(round),
            objective: goal.objective.id(),
            weeks: round(goal.weeks),
            floor_share: round(goal.floor_share),
            mix: goal.mix.id(),
            max_weekly_change_hours: round(goal.max_weekly_change_hours),
            block_hours: round(goal.block_hours),
        }
    }
}

/// h* and the hours budget at the scenario's own channel mix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CurrentMixJson {
    pub h_star: Option<f64>,
    pub hours_total: Option<f64>,
    pub within_hours_budget: bool,
    pub a_max: Option<f64>,
}

impl CurrentMixJson {
    fn of(current: &CurrentMix) -> CurrentMixJson {
        CurrentMixJson {
            h_star: current.h_star.and_then(round),
            hours_total: current
                .mix
                .as_ref()
                .and_then(|m| round(m.steady.hours_total)),
            within_hours_budget: current.within_hours_budget,
            a_max: current.a_max.and_then(round),
        }
    }
}

/// A channel mix and its steady state, per AM.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MixJson {
    pub prospecting_hours: Option<f64>,
    /// Hours per AM-week by channel id (channels without hours left out).
    pub hours_by_channel: BTreeMap<&'static str, Option<f64>>,
    pub shares: BTreeMap<&'static str, Option<f64>>,
    pub loans_per_am: Option<f64>,
    pub quality_share: Option<f64>,
    pub new_loans_per_am_week: Option<f64>,
    pub hours_total: Option<f64>,
    pub slack_hours: Option<f64>,
    pub cash_cny: Option<f64>,
    pub profit_cny: Option<f64>,
    pub marginal_hours_per_loan: Option<f64>,
}

impl MixJson {
    fn of(mix: &MixPlan) -> MixJson {
        let by_channel = |values: &[f64; CHANNELS]| {
            ChannelId::ALL
                .into_iter()
                .filter(|c| mix.hours_by_channel[c.index()] > 0.0)
                .map(|c| (c.id(), round(values[c.index()])))
                .collect()
        };
        MixJson {
            prospecting_hours: round(mix.prospecting_hours),
            hours_by_channel: by_channel(&mix.hours_by_channel),
            shares: by_channel(&mix.shares),
            loans_per_am: round(mix.loans_per_am),
            quality_share: round(mix.quality_share),
            new_loans_per_am_week: round(mix.steady.new_loans.iter().sum()),
            hours_total: round(mix.steady.hours_total),
            slack_hours: round(mix.steady.slack_hours),
            cash_cny: round(mix.steady.cash_cny),
            profit_cny: round(mix.steady.profit_cny),
            marginal_hours_per_loan: mix.marginal_hours_per_loan.and_then(round),
        }
    }
}

/// The first limit missed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShortfallJson {
    /// `loans_short`, `quality_short`, `cash_over_budget`, `hours_over_max` or `capacity_over`.
    pub kind: &'static str,
    /// The goal's value of the limit (target loans, least share, budget, most hours, H).
    pub limit: Option<f64>,
    /// What the best mix reaches or needs (most loans, best share, least cash, fewest hours,
    /// fewest total hours).
    pub reachable: Option<f64>,
    /// By how much the limit is missed, in its unit.
    pub amount: Option<f64>,
}

impl ShortfallJson {
    fn of(shortfall: Shortfall) -> ShortfallJson {
        let (limit, reachable) = match shortfall {
            Shortfall::Unreachable { target, most } => (target, most),
            Shortfall::QualityShort {
                min_share,
                best_share,
            } => (min_share, best_share),
            Shortfall::CashOver { budget, needed } => (budget, needed),
            Shortfall::HoursOver { max, needed } => (max, needed),
            Shortfall::CapacityOver { available, needed } => (available, needed),
        };
        ShortfallJson {
            kind: shortfall.id(),
            limit: round(limit),
            reachable: round(reachable),
            amount: round(shortfall.amount()),
        }
    }
}

/// The plan in figures: the same summary the page shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummaryJson {
    pub weeks: usize,
    pub ams: Option<f64>,
    pub mean_hours_per_am: Option<f64>,
    pub least_week_hours_per_am: Option<f64>,
    pub most_week_hours_per_am: Option<f64>,
    pub mean_team_hours: Option<f64>,
    pub total_hours_per_am: Option<f64>,
    pub largest_weekly_change_hours: Option<f64>,
    pub most_work_share: Option<f64>,
    pub overfull_weeks: usize,
    pub strained_weeks: usize,
    pub mean_cash_cny_per_am_week: Option<f64>,
    pub mean_profit_cny_per_am_week: Option<f64>,
    pub new_loans_per_am: Option<f64>,
    pub quality_share: Option<f64>,
    pub start_loans_per_am: Option<f64>,
    pub end_loans_per_am: Option<f64>,
    pub end_goal_loans_per_am: Option<f64>,
    pub floor_hours: Option<f64>,
    pub max_hours: Option<f64>,
}

/// What the simulation says about the goal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VerdictJson {
    pub met: bool,
    pub end_gap: Option<f64>,
    /// The share of the goal within which the book must end (`GOAL_TOLERANCE`).
    pub tolerance: Option<f64>,
    pub reaches_path: bool,
    pub overfull_weeks: usize,
    pub over_budget_weeks: usize,
    pub quality_share: Option<f64>,
    pub quality_kept: bool,
}

/// One week as worked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekJson {
    pub week: usize,
    pub starts: String,
    pub planned_hours_per_am: Option<f64>,
    pub team_hours: Option<f64>,
    /// Hours per AM by block (channel id, or `other`).
    pub blocks: BTreeMap<String, Option<f64>>,
    pub work_hours_per_am: Option<f64>,
    pub available_hours_per_am: Option<f64>,
    pub overfull: bool,
    pub new_loans_per_am: Option<f64>,
    pub loans_per_am: Option<f64>,
    pub goal_loans_per_am: Option<f64>,
}

/// What `cadence plan` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanJson {
    pub source: String,
    pub goal: GoalJson,
    pub current_mix: Option<CurrentMixJson>,
    /// Whether the plan, as simulated, meets the goal within every limit (`verdict.met`).
    pub feasible: bool,
    /// The first limit no mix keeps at the goal's book; the plan is then the closest one.
    pub shortfall: Option<ShortfallJson>,
    pub mix: Option<MixJson>,
    /// With an optimised mix: what the other objective would choose.
    pub alternative_mix: Option<MixJson>,
    pub verdict: Option<VerdictJson>,
    pub summary: Option<SummaryJson>,
    pub weeks: Vec<WeekJson>,
}

/// A block's id in the summary: its channel's, or `other`.
fn block_id(block: &Block) -> String {
    if block.other {
        "other".to_owned()
    } else {
        block
            .channels
            .first()
            .map_or_else(String::new, |&c| ChannelId::ALL[c].id().to_owned())
    }
}

impl PlanJson {
    /// The summary of a plan; `start_date` is the Monday of plan week 1.
    #[must_use]
    pub fn of_plan(source: &str, plan: &Plan, start_date: NaiveDate) -> PlanJson {
        let s = &plan.summary;
        let v = &plan.verdict;
        PlanJson {
            source: source.to_owned(),
            goal: GoalJson::of(&plan.goal),
            current_mix: Some(CurrentMixJson::of(&plan.current)),
            feasible: v.met,
            shortfall: plan.shortfall.map(ShortfallJson::of),
            mix: Some(MixJson::of(&plan.mix)),
            alternative_mix: plan.alternative.as_ref().map(MixJson::of),
            verdict: Some(VerdictJson {
                met: v.met,
                end_gap: round(v.end_gap),
                tolerance: round(crate::engine::plan::GOAL_TOLERANCE),
                reaches_path: v.reaches_path,
                overfull_weeks: v.overfull_weeks,
                over_budget_weeks: v.over_budget_weeks,
                quality_share: round(v.quality_share),
                quality_kept: v.quality_kept,
            }),
            summary: Some(SummaryJson {
                weeks: s.weeks,
                ams: round(s.ams),
                mean_hours_per_am: round(s.mean_hours),
                least_week_hours_per_am: round(s.least_hours),
                most_week_hours_per_am: round(s.most_hours),
                mean_team_hours: round(s.mean_hours * s.ams),
                total_hours_per_am: round(s.total_hours),
                largest_weekly_change_hours: round(s.largest_change_hours),
                most_work_share: round(s.most_work_share),
                overfull_weeks: s.overfull_weeks,
                strained_weeks: s.strained_weeks,
                mean_cash_cny_per_am_week: round(s.mean_cash_cny),
                mean_profit_cny_per_am_week: round(s.mean_profit_cny),
                new_loans_per_am: round(s.new_loans),
                quality_share: round(s.quality_share),
                start_loans_per_am: round(s.start_loans),
                end_loans_per_am: round(s.end_loans),
                end_goal_loans_per_am: round(s.end_goal),
                floor_hours: round(plan.cadence.floor_hours),
                max_hours: round(plan.cadence.max_hours),
            }),
            weeks: plan
                .cadence
                .weeks
                .iter()
                .map(|w| WeekJson {
                    week: w.week + 1,
                    starts: week_start(start_date, w.week)
                        .format("%Y-%m-%d")
                        .to_string(),
                    planned_hours_per_am: round(w.planned_hours),
                    team_hours: round(w.planned_hours * s.ams),
                    blocks: plan
                        .cadence
                        .blocks
                        .iter()
                        .zip(&w.block_hours)
                        .map(|(b, h)| (block_id(b), round(*h)))
                        .collect(),
                    work_hours_per_am: round(w.work_hours),
                    available_hours_per_am: round(w.available_hours),
                    overfull: w.overfull,
                    new_loans_per_am: round(w.new_loans_per_am),
                    loans_per_am: round(w.loans_per_am),
                    goal_loans_per_am: round(w.goal_loans_per_am),
                })
                .collect(),
        }
    }

    /// The summary when no plan keeps every limit, not even with a smaller book.
    #[must_use]
    pub fn of_infeasible(
        source: &str,
        goal: &PlanGoal,
        current: Option<&CurrentMix>,
        shortfall: Shortfall,
    ) -> PlanJson {
        PlanJson {
            source: source.to_owned(),
            goal: GoalJson::of(goal),
            current_mix: current.map(CurrentMixJson::of),
            feasible: false,
            shortfall: Some(ShortfallJson::of(shortfall)),
            mix: None,
            alternative_mix: None,
            verdict: None,
            summary: None,
            weeks: Vec::new(),
        }
    }

    /// Pretty-printed JSON with a final newline.
    #[must_use]
    pub fn to_json(&self) -> String {
        super::pretty(self)
    }
}

/// A goal problem as a parameter error at `goal.<field>`, for the same error list as scenarios.
#[must_use]
pub fn goal_error(error: &GoalError) -> ParamError {
    let (rule, message) = match error.rule {
        GoalRule::NotFinite => (Rule::NotFinite, "must be a finite number".to_owned()),
        GoalRule::OutOfRange { min, max } => (
            Rule::OutOfRange,
            format!("must be between {min} and {max} (got {})", error.value),
        ),
        GoalRule::NotInteger => (
            Rule::NotInteger,
            format!("must be a whole number (got {})", error.value),
        ),
        GoalRule::NotABlock => (
            Rule::OutOfRange,
            format!("must be 0.25, 0.5 or 1 hour (got {})", error.value),
        ),
    };
    ParamError {
        param: format!("goal.{}", error.field.id()),
        value: ParamValue::Number(error.value),
        rule,
        message,
    }
}

/// Every way a plan can fail as parameter errors (goal fields, the scenario, no steady state);
/// `None` for an infeasible goal, which is an answer rather than an error.
#[must_use]
pub fn plan_errors(error: &PlanError) -> Option<Vec<ParamError>> {
    match error {
        PlanError::Goal(errors) => Some(errors.iter().map(goal_error).collect()),
        PlanError::Scenario(errors) => Some(errors.clone()),
        PlanError::NoSteadyState { loop_gain } => Some(vec![ParamError {
            param: "referrals".to_owned(),
            value: ParamValue::Number(*loop_gain),
            rule: Rule::LoopGainTooHigh,
            message: "the referral loop gain is 1 or more, so no steady state exists to plan \
                      for; lower ι or ν"
                .to_owned(),
        }]),
        PlanError::Infeasible { .. } => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let mut ics = String::new();
        let line = format!("DESCRIPTION:{}", "营销".repeat(40));
        push_line(&mut ics, &line);
        for physical in ics.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        let unfolded = ics.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{line}\r\n"));
    }

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(escape_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn the_china_calendar_names_its_festivals() {
        let calendar = Calendar::ChinaDefault {
            spring_festival_week: 6.0,
            mid_autumn_week: 38.0,
        };
        assert_eq!(festivals(&calendar, 2), [WeekEvent::PreSpringFestival]);
        assert_eq!(festivals(&calendar, 6), [WeekEvent::SpringFestival]);
        assert_eq!(festivals(&calendar, 7), [WeekEvent::PostSpringFestival]);
        assert_eq!(festivals(&calendar, 38), [WeekEvent::MidAutumn]);
        assert_eq!(festivals(&calendar, 30), []);
        // The lead-in wraps around the year.
        let early = Calendar::ChinaDefault {
            spring_festival_week: 2.0,
            mid_autumn_week: 38.0,
        };
        assert_eq!(festivals(&early, 51), [WeekEvent::PreSpringFestival]);
    }
}
