//! The column mapping of a loan book (issue 17): which canonical field each column of an export
//! holds, guessed from its header (English and Chinese synonyms) and, for an unknown header, from its
//! values; and the readers of a cell's value — dates in every style Chinese and European exports
//! use, grade labels onto tiers, status words onto statuses. All pure functions: the import, the CLI
//! and (later) the page's mapping table share them, and a person's correction overrides a guess.

use chrono::{Datelike, Duration, NaiveDate};

use super::read::Table;

/// A canonical loan-book column (one row per loan).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    LoanId,
    CustomerId,
    DisbursedOn,
    MaturesOn,
    TermWeeks,
    TermMonths,
    AmountCny,
    Tier,
    Status,
    ClosedOn,
    RenewedFrom,
    Channel,
    DaysPastDue,
    Am,
}

impl Field {
    pub const ALL: [Field; 14] = [
        Field::LoanId,
        Field::CustomerId,
        Field::DisbursedOn,
        Field::MaturesOn,
        Field::TermWeeks,
        Field::TermMonths,
        Field::AmountCny,
        Field::Tier,
        Field::Status,
        Field::ClosedOn,
        Field::RenewedFrom,
        Field::Channel,
        Field::DaysPastDue,
        Field::Am,
    ];

    /// The stable id (the `--map` value, the JSON key).
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Field::LoanId => "loan_id",
            Field::CustomerId => "customer_id",
            Field::DisbursedOn => "disbursed_on",
            Field::MaturesOn => "matures_on",
            Field::TermWeeks => "term_weeks",
            Field::TermMonths => "term_months",
            Field::AmountCny => "amount_cny",
            Field::Tier => "tier",
            Field::Status => "status",
            Field::ClosedOn => "closed_on",
            Field::RenewedFrom => "renewed_from",
            Field::Channel => "channel",
            Field::DaysPastDue => "days_past_due",
            Field::Am => "am",
        }
    }

    #[must_use]
    pub fn from_id(id: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.id() == id)
    }

    /// Header words that name this field, lower case, spaces and `_-` removed.
    #[allow(clippy::too_many_lines)] // One list per field: the table of synonyms is the point.
    fn synonyms(self) -> &'static [&'static str] {
        match self {
            Field::LoanId => &[
                "loanid",
                "loanno",
                "loannumber",
                "contractno",
                "contractid",
                "id",
                "借据号",
                "贷款编号",
                "借款编号",
                "合同号",
                "合同编号",
                "借据编号",
                "贷款号",
                "编号",
            ],
            Field::CustomerId => &[
                "customerid",
                "customerno",
                "clientid",
                "borrowerid",
                "客户编号",
                "客户号",
                "客户id",
                "客户代码",
                "借款人编号",
                "证件号码",
                "身份证号",
            ],
            Field::DisbursedOn => &[
                "disbursedon",
                "disbursed",
                "disbursementdate",
                "startdate",
                "loandate",
                "issuedate",
                "valuedate",
                "放款日期",
                "放款日",
                "发放日期",
                "起始日",
                "起息日",
                "贷款日期",
                "借款日期",
                "开始日期",
            ],
            Field::MaturesOn => &[
                "matureson",
                "maturity",
                "maturitydate",
                "duedate",
                "enddate",
                "到期日",
                "到期日期",
                "结束日期",
                "终止日",
            ],
            Field::TermWeeks => &["termweeks", "weeks", "期限周", "期限(周)", "期限（周）"],
            Field::TermMonths => &[
                "termmonths",
                "term",
                "months",
                "tenor",
                "期限",
                "期限月",
                "期限(月)",
                "期限（月）",
                "贷款期限",
                "期数",
            ],
            Field::AmountCny => &[
                "amountcny",
                "amount",
                "principal",
                "loanamount",
                "贷款金额",
                "放款金额",
                "借款金额",
                "金额",
                "本金",
                "合同金额",
            ],
            Field::Tier => &[
                "tier",
                "grade",
                "rating",
                "risk",
                "riskgrade",
                "客户等级",
                "等级",
                "风险等级",
                "评级",
                "信用等级",
                "客户评级",
            ],
            Field::Status => &[
                "status",
                "state",
                "loanstatus",
                "状态",
                "贷款状态",
                "借据状态",
                "五级分类",
            ],
            Field::ClosedOn => &[
                "closedon",
                "closed",
                "closedate",
                "repaidon",
                "settledon",
                "结清日期",
                "结清日",
                "关闭日期",
                "核销日期",
                "还清日期",
            ],
            Field::RenewedFrom => &[
                "renewedfrom",
                "previousloan",
                "previousloanid",
                "renewalof",
                "续贷来源",
                "原借据号",
                "上笔借据号",
                "原贷款编号",
                "续贷原借据",
            ],
            Field::Channel => &[
                "channel",
                "source",
                "leadsource",
                "获客渠道",
                "渠道",
                "来源",
                "客户来源",
            ],
            Field::DaysPastDue => &[
                "dayspastdue",
                "dpd",
                "pastdue",
                "overduedays",
                "逾期天数",
                "逾期天",
                "逾期日数",
            ],
            Field::Am => &[
                "am",
                "accountmanager",
                "officer",
                "loanofficer",
                "客户经理",
                "经办人",
                "信贷员",
                "管户人",
            ],
        }
    }
}

/// A header reduced for comparison: lower case, without spaces, `_`, `-` and `.`.
fn normalized(header: &str) -> String {
    header
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '.'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The field a header names, if any synonym matches exactly.
#[must_use]
pub fn field_of_header(header: &str) -> Option<Field> {
    let key = normalized(header);
    if key.is_empty() {
        return None;
    }
    Field::ALL
        .into_iter()
        .find(|f| f.synonyms().iter().any(|s| normalized(s) == key))
}

/// Each column's field: by header first, then by values for columns still unknown (all sampled
/// values tiers → tier, statuses → status), each field given to one column at most (the first).
#[must_use]
pub fn guess(table: &Table) -> Vec<Option<Field>> {
    let mut mapping: Vec<Option<Field>> = table.header.iter().map(|h| field_of_header(h)).collect();
    dedupe(&mut mapping);
    for (index, slot) in mapping.clone().iter().enumerate() {
        if slot.is_some() {
            continue;
        }
        let values: Vec<&str> = table
            .rows
            .iter()
            .take(200)
            .map(|row| row.cell(index))
            .filter(|v| !v.is_empty())
            .collect();
        if values.is_empty() {
            continue;
        }
        let candidate = if values.iter().all(|v| status_of(v).is_some()) {
            Some(Field::Status)
        } else if values
            .iter()
            .all(|v| tier_of(v).is_some() && v.parse::<f64>().is_err())
        {
            Some(Field::Tier)
        } else {
            None
        };
        if let Some(field) = candidate {
            if !mapping.contains(&Some(field)) {
                mapping[index] = Some(field);
            }
        }
    }
    mapping
}

/// Keeps each field on its first column only.
pub fn dedupe(mapping: &mut [Option<Field>]) {
    let mut seen = Vec::new();
    for slot in mapping.iter_mut() {
        if let Some(field) = *slot {
            if seen.contains(&field) {
                *slot = None;
            } else {
                seen.push(field);
            }
        }
    }
}

/// Applies a person's corrections, `column=field` (the column by its header or its 1-based number;
/// field `none` unmaps it). A field given to a column is taken from any other.
///
/// # Errors
/// The first correction that names no column or no field, in words.
pub fn apply_overrides(
    table: &Table,
    mapping: &mut [Option<Field>],
    overrides: &[(String, String)],
) -> Result<(), String> {
    for (column, field) in overrides {
        let index = table
            .header
            .iter()
            .position(|h| h == column)
            .or_else(|| {
                column
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=table.header.len()).contains(n))
                    .map(|n| n - 1)
            })
            .ok_or_else(|| format!("the file has no column “{column}”"))?;
        let field = if field == "none" {
            None
        } else {
            Some(Field::from_id(field).ok_or_else(|| {
                format!(
                    "“{field}” is not a loan-book field; use one of: {} or none",
                    Field::ALL.map(Field::id).join(", ")
                )
            })?)
        };
        if field.is_some() {
            for slot in mapping.iter_mut() {
                if *slot == field {
                    *slot = None;
                }
            }
        }
        mapping[index] = field;
    }
    Ok(())
}

/// The three credit tiers of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tier {
    Prime,
    Standard,
    Marginal,
}

impl Tier {
    pub const ALL: [Tier; 3] = [Tier::Prime, Tier::Standard, Tier::Marginal];

    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Tier::Prime => "prime",
            Tier::Standard => "standard",
            Tier::Marginal => "marginal",
        }
    }

    #[must_use]
    pub fn index(self) -> usize {
        match self {
            Tier::Prime => 0,
            Tier::Standard => 1,
            Tier::Marginal => 2,
        }
    }

    #[must_use]
    pub fn from_id(id: &str) -> Option<Tier> {
        Tier::ALL.into_iter().find(|t| t.id() == id)
    }
}

/// A loan's status in the export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Active,
    Repaid,
    WrittenOff,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Active, Status::Repaid, Status::WrittenOff];

    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Repaid => "repaid",
            Status::WrittenOff => "written_off",
        }
    }

    #[must_use]
    pub fn from_id(id: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.id() == id)
    }
}

/// The usual grade labels: prime/standard/marginal and their initials, A/B/C, 优/良/差 (and
/// 好/中/差, 优质/一般/较差), and grades 1–5 (1–2 prime, 3 standard, 4–5 marginal).
#[must_use]
pub fn tier_of(label: &str) -> Option<Tier> {
    let key = normalized(label);
    Some(match key.as_str() {
        "prime" | "p" | "a" | "优" | "优质" | "好" | "1" | "2" | "a类" | "高" => Tier::Prime,
        "standard" | "s" | "b" | "良" | "中" | "一般" | "3" | "b类" | "普通" => {
            Tier::Standard
        }
        "marginal" | "m" | "c" | "差" | "较差" | "4" | "5" | "c类" | "低" | "d" => {
            Tier::Marginal
        }
        _ => return None,
    })
}

/// The usual status words, English and Chinese.
#[must_use]
pub fn status_of(word: &str) -> Option<Status> {
    let key = normalized(word);
    Some(match key.as_str() {
        "active" | "open" | "current" | "performing" | "pastdue" | "overdue" | "delinquent"
        | "正常" | "在贷" | "未结清" | "逾期" | "还款中" | "存续" | "关注" => {
            Status::Active
        }
        "repaid" | "closed" | "settled" | "paidoff" | "结清" | "已结清" | "已还清" | "正常结清"
        | "提前结清" => Status::Repaid,
        "writtenoff" | "writeoff" | "chargedoff" | "default" | "defaulted" | "核销" | "已核销"
        | "坏账" | "损失" => Status::WrittenOff,
        _ => return None,
    })
}

/// The person's own labels and words: `label=tier` or `word=status` pairs, checked first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Labels {
    pub tiers: Vec<(String, Tier)>,
    pub statuses: Vec<(String, Status)>,
}

impl Labels {
    #[must_use]
    pub fn tier(&self, label: &str) -> Option<Tier> {
        let label = label.trim();
        self.tiers
            .iter()
            .find(|(l, _)| l == label)
            .map(|(_, t)| *t)
            .or_else(|| tier_of(label))
    }

    #[must_use]
    pub fn status(&self, word: &str) -> Option<Status> {
        let word = word.trim();
        self.statuses
            .iter()
            .find(|(w, _)| w == word)
            .map(|(_, s)| *s)
            .or_else(|| status_of(word))
    }
}

/// Excel's day 0 in its 1900 system, as 1899-12-30 (so serial 61 is 1900-03-01, past the phantom
/// 1900-02-29).
fn excel_epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default()
}

/// Serial numbers taken as Excel dates: 1982-01-01 (30,000) to 2119 (80,000); smaller or larger
/// whole numbers are more likely amounts.
const EXCEL_SERIALS: std::ops::RangeInclusive<f64> = 30_000.0..=80_000.0;

/// A date in any supported style: ISO `2025-03-07` (a time after it ignored), `2025/3/7`,
/// `2025.3.7`, `20250307`, `2025年3月7日`, day first `07.03.2025` / `7/3/2025`, and Excel serial
/// numbers (30,000–80,000).
#[must_use]
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    // A time after the date ("2025-03-07 00:00:00", "2025-03-07T08:00") is dropped.
    let date_part = text.split([' ', 'T']).next().unwrap_or(text);
    if let Some(rest) = date_part.strip_suffix('日') {
        let (year, rest) = rest.split_once('年')?;
        let (month, day) = rest.split_once('月')?;
        return ymd(year, month, day);
    }
    if date_part.len() == 8 && date_part.bytes().all(|b| b.is_ascii_digit()) {
        return ymd(&date_part[..4], &date_part[4..6], &date_part[6..]);
    }
    let parts: Vec<&str> = date_part.split(['-', '/', '.']).collect();
    if let [a, b, c] = parts.as_slice() {
        if a.len() == 4 {
            return ymd(a, b, c);
        }
        if c.len() == 4 {
            return ymd(c, b, a);
        }
        return None;
    }
    let serial: f64 = text.parse().ok()?;
    if EXCEL_SERIALS.contains(&serial) {
        return excel_epoch().checked_add_signed(Duration::days(serial.floor() as i64));
    }
    None
}

fn ymd(year: &str, month: &str, day: &str) -> Option<NaiveDate> {
    let all_digits =
        |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(year) && all_digits(month) && all_digits(day)) || year.len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

/// The styles a date can be written in (for the property test and the docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    Iso,
    SlashYmd,
    Chinese,
    DottedDmy,
    ExcelSerial,
}

impl DateStyle {
    pub const ALL: [DateStyle; 5] = [
        DateStyle::Iso,
        DateStyle::SlashYmd,
        DateStyle::Chinese,
        DateStyle::DottedDmy,
        DateStyle::ExcelSerial,
    ];

    /// `date` written in this style.
    #[must_use]
    pub fn write(self, date: NaiveDate) -> String {
        let (y, m, d) = (date.year(), date.month(), date.day());
        match self {
            DateStyle::Iso => format!("{y:04}-{m:02}-{d:02}"),
            DateStyle::SlashYmd => format!("{y}/{m}/{d}"),
            DateStyle::Chinese => format!("{y}年{m}月{d}日"),
            DateStyle::DottedDmy => format!("{d:02}.{m:02}.{y:04}"),
            DateStyle::ExcelSerial => (date - excel_epoch()).num_days().to_string(),
        }
    }
}

/// How one cell writes a number, before the column's other cells are asked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumberCell {
    /// One reading only. `decimal` is the decimal mark the cell shows, by a decimal part or by
    /// its thousands separator ("1,234,567" shows a point would be its decimal mark); `None` for
    /// a cell without either ("1500", "150 000").
    Exact { value: f64, decimal: Option<char> },
    /// "1,234" or "1.234": one comma or point with three digits after it, a thousands separator
    /// (`grouped`: 1234) or a decimal mark (`decimal`: 1.234); `mark` is the character.
    Doubtful {
        grouped: f64,
        decimal: f64,
        mark: char,
    },
}

/// Characters that group thousands and never mark decimals: spaces (plain, no-break, narrow,
/// thin) and the Swiss apostrophe.
const GROUP_SPACES: [char; 5] = [' ', '\u{a0}', '\u{202f}', '\u{2009}', '\''];

/// A number as exports write it, in any of the usual styles: `1234.5`, `1,234.5`, `1.234,5`,
/// `1 234,5`, `1'234.5`, full-width `１，２３４．５`, a currency sign or 元 around it; `None` for
/// anything else. A cell that could be read two ways ("1,234") is [`NumberCell::Doubtful`]: its
/// column decides ([`NumberColumn`]).
#[must_use]
pub fn read_number(text: &str) -> Option<NumberCell> {
    let normalised: String = text
        .trim()
        .trim_start_matches(['¥', '￥', '$'])
        .trim_end_matches('元')
        .chars()
        .map(|c| match c {
            '０'..='９' => {
                char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c)
            }
            '．' => '.',
            '，' => ',',
            '－' | '−' => '-',
            '＋' => '+',
            '　' => ' ',
            other => other,
        })
        .collect();
    let text = normalised.trim();
    let (sign, body) = match text.strip_prefix('-') {
        Some(rest) => (-1.0, rest),
        None => (1.0, text.strip_prefix('+').unwrap_or(text)),
    };
    let finite = |value: f64| value.is_finite().then_some(value);
    if body.contains(['e', 'E']) {
        // Scientific notation ("1.5e6"), as a program writes it: no separators.
        if body.contains(',')
            || body.contains(GROUP_SPACES)
            || !body.starts_with(|c: char| c.is_ascii_digit())
        {
            return None;
        }
        let value = finite(sign * body.parse::<f64>().ok()?)?;
        return Some(NumberCell::Exact {
            value,
            decimal: None,
        });
    }
    let spaced = body.contains(GROUP_SPACES);
    let (decimal, grouping) = match marks(body, spaced)? {
        Marks::Shown { decimal, grouping } => (decimal, grouping),
        Marks::Doubtful { whole, part, mark } => {
            let grouped: f64 = format!("{whole}{part}").parse().ok()?;
            let decimal: f64 = format!("{whole}.{part}").parse().ok()?;
            return Some(NumberCell::Doubtful {
                grouped: sign * grouped,
                decimal: sign * decimal,
                mark,
            });
        }
    };
    let (whole, part) = match decimal {
        Some(mark) => body.split_once(mark)?,
        None => (body, ""),
    };
    if decimal.is_some() && !all_digits(part) {
        return None;
    }
    let whole_digits = whole_digits(whole, grouping, spaced, decimal.is_some())?;
    let value: f64 = if part.is_empty() {
        whole_digits.parse().ok()?
    } else {
        format!("{whole_digits}.{part}").parse().ok()?
    };
    let shown = decimal.or(grouping.map(|g| if g == ',' { '.' } else { ',' }));
    Some(NumberCell::Exact {
        value: finite(sign * value)?,
        decimal: shown,
    })
}

/// What a number's text shows of its decimal mark and thousands separator.
enum Marks<'a> {
    Shown {
        decimal: Option<char>,
        grouping: Option<char>,
    },
    /// One comma or point with three digits after it and one to three before.
    Doubtful {
        whole: &'a str,
        part: &'a str,
        mark: char,
    },
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// The marks of `body` (a number's text without its sign); `None` when they cannot be a number's.
fn marks(body: &str, spaced: bool) -> Option<Marks<'_>> {
    let commas = body.matches(',').count();
    let points = body.matches('.').count();
    let shown = |decimal, grouping| Some(Marks::Shown { decimal, grouping });
    match (commas, points) {
        (0, 0) => shown(None, None),
        (0, _) | (_, 0) => {
            let mark = if commas > 0 { ',' } else { '.' };
            if commas + points >= 2 {
                return shown(None, Some(mark));
            }
            if spaced {
                // Spaces group the thousands: the one mark is the decimal mark.
                return shown(Some(mark), None);
            }
            let (whole, part) = body.split_once(mark)?;
            if part.len() == 3
                && (1..=3).contains(&whole.len())
                && !whole.starts_with('0')
                && all_digits(whole)
                && all_digits(part)
            {
                return Some(Marks::Doubtful { whole, part, mark });
            }
            shown(Some(mark), None)
        }
        _ => {
            // Both: the last is the decimal mark, and it occurs once.
            let last = if body.rfind(',') > body.rfind('.') {
                ','
            } else {
                '.'
            };
            let other = if last == ',' { '.' } else { ',' };
            (body.matches(last).count() == 1).then_some(Marks::Shown {
                decimal: Some(last),
                grouping: Some(other),
            })
        }
    }
}

/// The whole part's digits: plain digits, or groups of three after a first group of one to three
/// (by `grouping` or by spaces, not both).
fn whole_digits(
    whole: &str,
    grouping: Option<char>,
    spaced: bool,
    has_part: bool,
) -> Option<String> {
    if grouping.is_some() || spaced {
        if grouping.is_some() && spaced {
            return None;
        }
        let mut groups = whole.split(|c: char| Some(c) == grouping || GROUP_SPACES.contains(&c));
        let first = groups.next().unwrap_or("");
        let rest: Vec<&str> = groups.collect();
        let grouped = (1..=3).contains(&first.len())
            && all_digits(first)
            && rest.iter().all(|g| g.len() == 3 && all_digits(g));
        return grouped.then(|| std::iter::once(first).chain(rest).collect());
    }
    if whole.is_empty() && has_part {
        return Some("0".to_owned());
    }
    all_digits(whole).then(|| whole.to_owned())
}

/// A number with its doubtful cases read as most exports mean them (a comma groups thousands, a
/// point marks decimals): for a lone value, without a column to ask.
#[must_use]
pub fn parse_number(text: &str) -> Option<f64> {
    match read_number(text)? {
        NumberCell::Exact { value, .. } => Some(value),
        NumberCell::Doubtful {
            grouped,
            decimal,
            mark,
        } => Some(if mark == ',' { grouped } else { decimal }),
    }
}

/// How a column writes its numbers, from all its cells: how many show a point or a comma as
/// their decimal mark, and the typical size of its plain values.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct NumberColumn {
    pub points: usize,
    pub commas: usize,
    /// The median of log10 of the column's positive values that read one way only.
    pub log_median: Option<f64>,
}

/// A doubtful cell as its column reads it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading {
    pub value: f64,
    /// The comma or point was read as a thousands separator.
    pub as_thousands: bool,
    /// The column's cells that show their decimal mark do not agree, or none shows it: the
    /// reading is the one nearer the column's other values (or the usual one), and the row is
    /// reported as doubtful.
    pub doubtful: bool,
}

impl NumberColumn {
    /// The column of `cells` (empty cells and cells that are no number count for nothing).
    pub fn of<'a>(cells: impl IntoIterator<Item = &'a str>) -> NumberColumn {
        let mut column = NumberColumn::default();
        let mut logs = Vec::new();
        for cell in cells {
            if let Some(NumberCell::Exact { value, decimal }) = read_number(cell) {
                match decimal {
                    Some('.') => column.points += 1,
                    Some(_) => column.commas += 1,
                    None => {}
                }
                if value > 0.0 {
                    logs.push(value.log10());
                }
            }
        }
        if !logs.is_empty() {
            logs.sort_by(f64::total_cmp);
            column.log_median = Some(logs[logs.len() / 2]);
        }
        column
    }

    /// How this column reads a doubtful cell: as the decimal mark its other cells show when they
    /// all agree; else the reading nearer (in orders of magnitude) the column's typical value, or
    /// without one the usual reading (a comma groups thousands, a point marks decimals) — those
    /// two stay doubtful.
    #[must_use]
    pub fn read(&self, grouped: f64, decimal: f64, mark: char) -> Reading {
        let decided = match (self.points, self.commas) {
            (p, 0) if p > 0 => Some('.'),
            (0, c) if c > 0 => Some(','),
            _ => None,
        };
        let as_thousands = match decided {
            Some(decimal_mark) => decimal_mark != mark,
            None => match self.log_median {
                Some(median) => {
                    let distance = |v: f64| (v.abs().max(f64::MIN_POSITIVE).log10() - median).abs();
                    distance(grouped) <= distance(decimal)
                }
                None => mark == ',',
            },
        };
        Reading {
            value: if as_thousands { grouped } else { decimal },
            as_thousands,
            doubtful: decided.is_none(),
        }
    }
}

/// The styles a number can be written in (for the property test).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberStyle {
    /// `1234.5`
    Plain,
    /// `1,234.5`
    CommaThousands,
    /// `1.234,5`
    PointThousands,
    /// `1 234,5`
    SpaceThousands,
    /// `1'234.5`
    Swiss,
    /// `１，２３４．５`
    FullWidth,
}

impl NumberStyle {
    pub const ALL: [NumberStyle; 6] = [
        NumberStyle::Plain,
        NumberStyle::CommaThousands,
        NumberStyle::PointThousands,
        NumberStyle::SpaceThousands,
        NumberStyle::Swiss,
        NumberStyle::FullWidth,
    ];

    /// `cents / 100` written in this style, with `decimals` (0 or 2) decimal places.
    #[must_use]
    pub fn write(self, cents: u64, decimals: usize) -> String {
        let whole = (cents / 100).to_string();
        let part = format!("{:02}", cents % 100);
        let grouped = |sep: &str| {
            let mut out = String::new();
            for (i, c) in whole.chars().enumerate() {
                if i > 0 && (whole.len() - i) % 3 == 0 {
                    out.push_str(sep);
                }
                out.push(c);
            }
            out
        };
        let (whole, mark) = match self {
            NumberStyle::Plain => (whole.clone(), "."),
            NumberStyle::CommaThousands | NumberStyle::FullWidth => (grouped(","), "."),
            NumberStyle::PointThousands => (grouped("."), ","),
            NumberStyle::SpaceThousands => (grouped(" "), ","),
            NumberStyle::Swiss => (grouped("'"), "."),
        };
        let text = if decimals == 0 {
            whole
        } else {
            format!("{whole}{mark}{part}")
        };
        if self == NumberStyle::FullWidth {
            text.chars()
                .map(|c| match c {
                    '0'..='9' => {
                        char::from_u32(u32::from(c) - u32::from('0') + u32::from('０')).unwrap_or(c)
                    }
                    ',' => '，',
                    '.' => '．',
                    other => other,
                })
                .collect()
        } else {
            text
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::book::read::read;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a date")
    }

    #[test]
    fn every_date_style_of_the_issue_reads() {
        let march_7 = date(2025, 3, 7);
        for text in [
            "2025-03-07",
            "2025/3/7",
            "2025年3月7日",
            "07.03.2025",
            "45723",
            "2025-03-07 00:00:00",
            "20250307",
        ] {
            assert_eq!(parse_date(text), Some(march_7), "{text}");
        }
        for bad in ["2025-02-30", "7 March", "", "12345", "2025/13/1", "25-3-7"] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    proptest! {
        /// Any date from 1985 to 2100 written in any supported style reads back the same.
        #[test]
        fn any_date_in_any_style_reads_back(days in 0_i64..42_000, style in 0_usize..5) {
            let date = date(1985, 1, 1) + Duration::days(days);
            let style = DateStyle::ALL[style];
            prop_assert_eq!(parse_date(&style.write(date)), Some(date));
        }

        /// Reading a label never panics, and a tier id always reads as itself.
        #[test]
        fn labels_never_panic(label in "\\PC{0,12}") {
            let _ = tier_of(&label);
            let _ = status_of(&label);
            let _ = parse_date(&label);
            let _ = parse_number(&label);
        }
    }

    #[test]
    fn grade_labels_and_status_words_map_onto_tiers_and_statuses() {
        for (label, tier) in [
            ("A", Tier::Prime),
            ("优", Tier::Prime),
            ("1", Tier::Prime),
            ("B", Tier::Standard),
            ("良", Tier::Standard),
            ("3", Tier::Standard),
            ("C", Tier::Marginal),
            ("差", Tier::Marginal),
            ("5", Tier::Marginal),
            ("marginal", Tier::Marginal),
        ] {
            assert_eq!(tier_of(label), Some(tier), "{label}");
        }
        assert_eq!(status_of("已结清"), Some(Status::Repaid));
        assert_eq!(status_of("核销"), Some(Status::WrittenOff));
        assert_eq!(status_of("Written off"), Some(Status::WrittenOff));
        assert_eq!(status_of("正常"), Some(Status::Active));
        let labels = Labels {
            tiers: vec![
                ("金卡".to_owned(), Tier::Prime),
                ("A".to_owned(), Tier::Standard),
            ],
            statuses: vec![("已转让".to_owned(), Status::Repaid)],
        };
        assert_eq!(labels.tier("金卡"), Some(Tier::Prime));
        assert_eq!(
            labels.tier("A"),
            Some(Tier::Standard),
            "the person's word wins"
        );
        assert_eq!(labels.status("已转让"), Some(Status::Repaid));
        assert_eq!(labels.tier("Z"), None);
    }

    #[test]
    fn chinese_and_english_headers_are_guessed_and_corrections_win() {
        let table = read(
            "借据号,客户编号,放款日期,到期日,贷款金额,客户等级,状态,结清日期,续贷来源,备注,grade2\n\
             L1,C1,2025/3/7,2025/9/5,50000,A,正常,,,x,优\n"
                .as_bytes(),
        )
        .expect("a table");
        let mut mapping = guess(&table);
        assert_eq!(
            mapping,
            vec![
                Some(Field::LoanId),
                Some(Field::CustomerId),
                Some(Field::DisbursedOn),
                Some(Field::MaturesOn),
                Some(Field::AmountCny),
                Some(Field::Tier),
                Some(Field::Status),
                Some(Field::ClosedOn),
                Some(Field::RenewedFrom),
                None,
                None,
            ]
        );
        apply_overrides(
            &table,
            &mut mapping,
            &[
                ("grade2".to_owned(), "tier".to_owned()),
                ("10".to_owned(), "channel".to_owned()),
            ],
        )
        .expect("valid corrections");
        assert_eq!(mapping[5], None, "the tier moved to the corrected column");
        assert_eq!(mapping[10], Some(Field::Tier));
        assert_eq!(mapping[9], Some(Field::Channel));
        assert!(apply_overrides(&table, &mut mapping, &[("x".into(), "tier".into())]).is_err());
        assert!(
            apply_overrides(&table, &mut mapping, &[("备注".into(), "colour".into())]).is_err()
        );
    }

    #[test]
    fn an_unknown_header_is_guessed_from_its_values() {
        let table = read("no,g,s\n1,优,结清\n2,差,正常\n".as_bytes()).expect("a table");
        assert_eq!(
            guess(&table),
            vec![None, Some(Field::Tier), Some(Field::Status)]
        );
    }

    #[test]
    fn numbers_in_every_style_and_the_doubtful_ones() {
        let exact = |text: &str| match read_number(text) {
            Some(NumberCell::Exact { value, .. }) => Some(value),
            _ => None,
        };
        assert_eq!(exact("150.000,50"), Some(150_000.5));
        assert_eq!(exact("150 000,5"), Some(150_000.5));
        assert_eq!(exact("1,234.5"), Some(1_234.5));
        assert_eq!(exact("１５００"), Some(1_500.0));
        assert_eq!(exact("1234,5"), Some(1_234.5));
        assert_eq!(exact("0,125"), Some(0.125));
        assert_eq!(exact("-1.234.567"), Some(-1_234_567.0));
        assert_eq!(exact("1e3"), Some(1_000.0));
        assert_eq!(
            read_number("1,234"),
            Some(NumberCell::Doubtful {
                grouped: 1_234.0,
                decimal: 1.234,
                mark: ','
            })
        );
        for bad in [
            "1,2,3",
            "1.234,5,6",
            "1 23",
            "12,34.5",
            "1,234 567",
            "",
            "-",
            "e5",
            "1.2.3,4",
        ] {
            assert_eq!(read_number(bad), None, "{bad}");
        }
        // A column whose other cells show a decimal comma reads "1,234" as 1.234, silently; a
        // column that shows nothing reads it by its typical size, and the row is doubtful.
        let european = NumberColumn::of(["150.000,50", "1,234", "2.500"]);
        assert!((european.read(1_234.0, 1.234, ',').value - 1.234).abs() < 1e-12);
        assert!(!european.read(1_234.0, 1.234, ',').doubtful);
        let silent = NumberColumn::of(["1500", "1,234", "900"]);
        let reading = silent.read(1_234.0, 1.234, ',');
        assert!(reading.as_thousands && reading.doubtful);
        let hours = NumberColumn::of(["1", "2", "1,500"]);
        assert!(
            !hours.read(1_500.0, 1.5, ',').as_thousands,
            "hours of one or two: 1.5"
        );
    }

    proptest! {
        /// Issue 17: a number formatted in each style reads back, whatever the column — and a
        /// column in one style reads its doubtful cells as that style means them once any of its
        /// cells shows its decimal mark.
        #[test]
        fn a_number_in_any_style_reads_back(
            cents in proptest::collection::vec(0_u64..10_000_000_000, 1..20),
            style in 0_usize..6,
            decimals in prop_oneof![Just(0_usize), Just(2_usize)],
        ) {
            let style = NumberStyle::ALL[style];
            let texts: Vec<String> = cents.iter().map(|c| style.write(*c, decimals)).collect();
            // One cell that shows the style's decimal mark.
            let witness = style.write(12_345_678, 2);
            let column = NumberColumn::of(texts.iter().map(String::as_str).chain([witness.as_str()]));
            for (text, cents) in texts.iter().zip(&cents) {
                let expected = if decimals == 0 { (cents / 100) as f64 } else { *cents as f64 / 100.0 };
                let value = match read_number(text) {
                    Some(NumberCell::Exact { value, .. }) => value,
                    Some(NumberCell::Doubtful { grouped, decimal, mark }) => {
                        let reading = column.read(grouped, decimal, mark);
                        prop_assert!(!reading.doubtful, "{text}: the witness decides");
                        reading.value
                    }
                    None => panic!("{text} did not read"),
                };
                prop_assert!((value - expected).abs() < 1e-6, "{text}: {value} vs {expected}");
            }
        }
    }

    #[test]
    fn amounts_as_exports_write_them() {
        assert_eq!(parse_number("1,234,567.5"), Some(1_234_567.5));
        assert_eq!(parse_number("￥50000元"), Some(50_000.0));
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number("NaN"), None);
    }
}
