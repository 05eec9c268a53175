//! Today's date, read from the browser once at start-up (the engine never reads a clock).

use chrono::NaiveDate;

/// The browser's local date; a fixed fallback only if the browser gives an impossible date.
#[must_use]
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    let year = i32::try_from(now.get_full_year()).unwrap_or(1970);
    let month = now.get_month() + 1;
    let day = now.get_date();
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}
