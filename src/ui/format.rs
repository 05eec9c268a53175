//! Number, money, percentage and date formatting for the page, in the user's language.
//!
//! Every figure the page shows goes through here once, so the KPI panel, tables, chart labels and
//! downloads agree. English groups thousands with commas ("1,234.5"); Chinese uses the same grouping
//! (as zh-CN does) and writes money as "¥1,234" and dates as "2027年3月1日".

use chrono::{Datelike, NaiveDate};

use crate::i18n::Lang;

/// Placeholder for a figure that does not exist (for example a fault delay when there is no fault).
pub const MISSING: &str = "–";

/// Formats `value` with `decimals` decimals and thousands separators; non-finite values show as `–`.
#[must_use]
pub fn number(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return MISSING.to_owned();
    }
    let text = format!("{:.*}", decimals, value.abs());
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut grouped = String::with_capacity(int_part.len() + int_part.len() / 3);
    for (i, ch) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    // "-0.0" is noise: only a value that still shows a non-zero digit keeps its sign.
    let shows_nonzero = text.chars().any(|c| c.is_ascii_digit() && c != '0');
    let sign = if value < 0.0 && shows_nonzero {
        "-"
    } else {
        ""
    };
    match frac_part {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// Money in yuan, no decimals: "¥12,345" or "-¥1,886".
#[must_use]
pub fn cny(value: f64) -> String {
    if !value.is_finite() {
        return MISSING.to_owned();
    }
    let digits = number(value.abs(), 0);
    if value < 0.0 && digits != "0" {
        format!("-¥{digits}")
    } else {
        format!("¥{digits}")
    }
}

/// A share (0.52) as a percentage with `decimals` decimals ("52%").
#[must_use]
pub fn percent(share: f64, decimals: usize) -> String {
    if !share.is_finite() {
        return MISSING.to_owned();
    }
    format!("{}%", number(share * 100.0, decimals))
}

/// The date of simulation week `week` (week 0 starts on `start`).
#[must_use]
pub fn week_date(start: NaiveDate, week: u32) -> NaiveDate {
    start + chrono::Duration::days(7 * i64::from(week))
}

/// A full date in the user's language: "2 Mar 2027" or "2027年3月2日".
#[must_use]
pub fn date(day: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "{} {} {}",
            day.day(),
            MONTHS_EN[day.month0() as usize],
            day.year()
        ),
        Lang::Zh => format!("{}年{}月{}日", day.year(), day.month(), day.day()),
    }
}

/// A short month label for chart axes: "Mar 2027" or "2027年3月".
#[must_use]
pub fn month(day: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{} {}", MONTHS_EN[day.month0() as usize], day.year()),
        Lang::Zh => format!("{}年{}月", day.year(), day.month()),
    }
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Parses a number as a person types it: surrounding spaces, thousands commas and a full-width
/// Chinese input method's digits, point and minus are accepted. Commas must group thousands
/// ("1,000" but not "4,5", which could be a decimal comma and is refused rather than read as 45).
#[must_use]
pub fn parse_number(text: &str) -> Option<f64> {
    let normalised: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => {
                char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c)
            }
            '．' | '。' => '.',
            '－' | '−' => '-',
            '，' => ',',
            other => other,
        })
        .collect();
    if normalised.is_empty() {
        return None;
    }
    if normalised.contains(',') {
        let whole = normalised.split(['.', 'e', 'E']).next().unwrap_or("");
        if normalised[whole.len()..].contains(',') {
            return None;
        }
        let digits = whole.trim_start_matches(['-', '+']);
        let mut groups = digits.split(',');
        let first = groups.next().unwrap_or("");
        let grouped = (1..=3).contains(&first.len())
            && first.bytes().all(|b| b.is_ascii_digit())
            && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
        if !grouped {
            return None;
        }
    }
    normalised.replace(',', "").parse::<f64>().ok()
}

/// Text safe inside markup (SVG, HTML) as element text or a quoted attribute: `&`, `<`, `>` and `"`
/// escaped.
#[must_use]
pub fn escape_markup(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_group_thousands_and_round() {
        assert_eq!(number(1_234_567.891, 2), "1,234,567.89");
        assert_eq!(number(134.6, 1), "134.6");
        assert_eq!(number(999.96, 1), "1,000.0");
        assert_eq!(number(-1886.0, 0), "-1,886");
        assert_eq!(number(-0.04, 1), "0.0");
        assert_eq!(number(f64::NAN, 1), MISSING);
    }

    #[test]
    fn money_and_percentages() {
        assert_eq!(cny(2581.2), "¥2,581");
        assert_eq!(cny(-1886.4), "-¥1,886");
        assert_eq!(cny(-0.2), "¥0");
        assert_eq!(percent(0.522, 0), "52%");
        assert_eq!(percent(0.0106, 2), "1.06%");
        assert_eq!(percent(f64::INFINITY, 0), MISSING);
    }

    #[test]
    fn dates_follow_the_language() {
        let start = NaiveDate::from_ymd_opt(2027, 1, 4).expect("valid date");
        assert_eq!(
            week_date(start, 8),
            NaiveDate::from_ymd_opt(2027, 3, 1).expect("valid date")
        );
        assert_eq!(date(week_date(start, 8), Lang::En), "1 Mar 2027");
        assert_eq!(date(week_date(start, 8), Lang::Zh), "2027年3月1日");
        assert_eq!(month(start, Lang::En), "Jan 2027");
        assert_eq!(month(start, Lang::Zh), "2027年1月");
    }

    #[test]
    fn typed_numbers_parse_like_a_person_means_them() {
        assert_eq!(parse_number(" 8 "), Some(8.0));
        assert_eq!(parse_number("1,200.5"), Some(1200.5));
        assert_eq!(parse_number("１２０"), Some(120.0));
        assert_eq!(parse_number("０．５"), Some(0.5));
        assert_eq!(parse_number("－3"), Some(-3.0));
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number("1e3"), Some(1000.0));
        // Commas only group thousands; anything else is refused, not silently dropped.
        assert_eq!(parse_number("12,345,678"), Some(12_345_678.0));
        assert_eq!(parse_number("-1,000"), Some(-1000.0));
        assert_eq!(parse_number("１，０００"), Some(1000.0));
        assert_eq!(parse_number("4,5"), None);
        assert_eq!(parse_number("1,0"), None);
        assert_eq!(parse_number("1000,000"), None);
        assert_eq!(parse_number("1.5,0"), None);
        assert_eq!(parse_number(",100"), None);
        assert_eq!(parse_number("1_0"), None);
    }
}
