//! The Cadence plan as files a team uses: a CSV table (one row per week) and an iCalendar file
//! (one all-day event per week and channel), dated from the scenario's start date.
//!
//! Both are written in the page's language. The CSV starts with a UTF-8 byte-order mark so that
//! spreadsheet programs read Chinese text as UTF-8, and keeps numbers in plain `1234.56` form.
//! The calendar follows RFC 5545: CRLF line ends, lines folded at 75 octets (never inside a
//! UTF-8 sequence), TEXT values escaped, and every event with a UID and a DTSTAMP. The UID is
//! made of the plan's start date, week and channel, so importing an updated plan for the same
//! weeks replaces the old events instead of adding copies.

use chrono::{Duration, NaiveDate, NaiveDateTime};

use crate::engine::params::{Calendar, ChannelId, Params, ShockKind};
use crate::engine::plan::{Plan, PlanWeek};
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

/// The festivals and timed changes (bursts, demand, capacity, credit, team) of plan week t.
#[must_use]
pub fn week_events(params: &Params, week: &PlanWeek) -> Vec<WeekEvent> {
    let mut events = festivals(&params.calendar, week.week_of_year);
    let t = week.week as f64;
    for shock in &params.shocks {
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

/// The channels the plan gives hours to, in table order.
#[must_use]
pub fn plan_channels(plan: &Plan) -> Vec<ChannelId> {
    ChannelId::ALL
        .into_iter()
        .filter(|c| plan.mix.shares[c.index()] > 0.0)
        .collect()
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

/// The plan as CSV: a BOM, a header row in `lang`, one row per week (CRLF line ends).
#[must_use]
pub fn plan_csv(plan: &Plan, start_date: NaiveDate, lang: Lang) -> String {
    let channels = plan_channels(plan);
    let mut csv = String::new();
    csv.push(BOM);
    let mut header: Vec<String> = [
        Text::PlanCsvWeek,
        Text::TableWeekStarting,
        Text::CsvWeekOfYear,
        Text::PlanCsvEvents,
        Text::PlanCsvAvailable,
        Text::PlanCsvHours,
    ]
    .iter()
    .map(|t| t.get(lang).to_owned())
    .collect();
    for &c in &channels {
        header.push(fill(
            Text::PlanCsvHoursChannel.get(lang),
            &[channel_text(c).get(lang)],
        ));
    }
    for t in [
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
            format!("{:.2}", week.prospecting_hours),
        ];
        for &c in &channels {
            row.push(format!("{:.2}", week.hours_by_channel[c.index()]));
        }
        row.push(format!("{:.2}", week.pipeline_per_am));
        row.push(format!("{:.2}", week.new_loans_per_am));
        row.push(format!("{:.2}", week.loans_per_am));
        row.push(format!("{:.2}", week.goal_loans_per_am));
        push_row(&mut csv, &row);
    }
    csv
}

/// Hours below this (per AM-week) are not worth a calendar event.
const LEAST_EVENT_HOURS: f64 = 0.005;

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

/// The plan as an iCalendar file: one all-day event (Monday to Friday) per week and channel
/// with hours, the hours and the week's expectations in its description.
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
    for week in &plan.cadence.weeks {
        let monday = week_start(start_date, week.week);
        let saturday = monday + Duration::days(5);
        let events = events_text(&week_events(params, week), lang);
        for c in ChannelId::ALL {
            let hours = week.hours_by_channel[c.index()];
            if hours < LEAST_EVENT_HOURS {
                continue;
            }
            let channel = channel_text(c).get(lang);
            let summary = fill(
                Text::IcsSummary.get(lang),
                &[channel, &format!("{hours:.2}")],
            );
            let mut description = fill(
                Text::IcsDescription.get(lang),
                &[
                    &(week.week + 1).to_string(),
                    &week.week_of_year.to_string(),
                    &format!("{hours:.2}"),
                    channel,
                    &format!("{:.2}", week.prospecting_hours),
                    &format!("{:.2}", week.new_loans_per_am),
                    &format!("{:.2}", week.pipeline_per_am),
                    &format!("{:.1}", week.loans_per_am),
                    &format!("{:.1}", week.goal_loans_per_am),
                ],
            );
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
                    c.id()
                ),
            );
            push_line(&mut ics, &format!("DTSTAMP:{stamp}"));
            push_line(
                &mut ics,
                &format!("DTSTART;VALUE=DATE:{}", monday.format("%Y%m%d")),
            );
            push_line(
                &mut ics,
                &format!("DTEND;VALUE=DATE:{}", saturday.format("%Y%m%d")),
            );
            push_line(&mut ics, &format!("SUMMARY:{}", escape_text(&summary)));
            push_line(
                &mut ics,
                &format!("DESCRIPTION:{}", escape_text(&description)),
            );
            push_line(&mut ics, "TRANSP:TRANSPARENT");
            push_line(&mut ics, "END:VEVENT");
        }
    }
    push_line(&mut ics, "END:VCALENDAR");
    ics
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
