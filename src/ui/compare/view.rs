//! The compare slice's view model: the comparison table of pinned scenarios, one row per figure,
//! one column per scenario, each beside its difference from the reference.

use crate::i18n::{Lang, Text};
use crate::ui::compare::{Model, Pinned, MAX_PINNED};
use crate::ui::format;
use crate::ui::workspace::Computed;

/// The compare panel: the pin form and the table.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareView {
    /// The pin-name box as typed.
    pub name_text: String,
    /// Whether the result on screen can be pinned (valid and up to date).
    pub can_pin: bool,
    /// "(2/4)": how many are pinned of how many may be.
    pub count: String,
    pub reference: usize,
    pub table: CompareTable,
}

/// The compare panel for `model`; `can_pin` says whether the result on screen may be pinned.
#[must_use]
pub fn compare_view(model: &Model, can_pin: bool, lang: Lang) -> CompareView {
    CompareView {
        name_text: model.name_text.clone(),
        can_pin,
        count: format!(" ({}/{MAX_PINNED})", model.pinned.len()),
        reference: model.reference,
        table: compare_table(&model.pinned, model.reference, lang),
    }
}

/// The comparison of pinned scenarios: one row per figure, one column per scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareTable {
    pub names: Vec<String>,
    pub rows: Vec<CompareRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CompareRow {
    pub id: &'static str,
    pub label: String,
    /// (value, difference from the reference scenario; empty in the reference's own column).
    pub cells: Vec<(String, String)>,
}

/// How a compared figure is written.
#[derive(Clone, Copy)]
enum Style {
    Number(usize),
    Money,
    Percent,
}

fn write(value: Option<f64>, style: Style) -> String {
    match (value, style) {
        (None, _) => format::MISSING.to_owned(),
        (Some(v), Style::Number(d)) => format::number(v, d),
        (Some(v), Style::Money) => format::cny(v),
        (Some(v), Style::Percent) => format::percent(v, 0),
    }
}

fn write_diff(value: Option<f64>, reference: Option<f64>, style: Style) -> String {
    let (Some(v), Some(r)) = (value, reference) else {
        return String::new();
    };
    let d = v - r;
    let text = match style {
        Style::Number(decimals) => format::number(d.abs(), decimals),
        Style::Money => format::cny(d.abs()),
        Style::Percent => format!("{} pp", format::number(d.abs() * 100.0, 0)),
    };
    let zero = text
        .trim_start_matches(['¥'])
        .chars()
        .all(|c| matches!(c, '0' | '.' | ',' | ' ' | 'p'));
    if zero {
        "±0".to_owned()
    } else if d > 0.0 {
        format!("+{text}")
    } else {
        format!("−{text}")
    }
}

fn compared_figures(c: &Computed) -> Vec<(&'static str, Text, Option<f64>, Style)> {
    let s = c.ev.summary.as_ref();
    let ams = c.params.team.ams;
    let end =
        c.ev.run
            .weeks
            .last()
            .map(|w| w.active_loans.iter().sum::<f64>());
    let fault = c.ev.fault.as_ref().map(|f| &f.new_loans);
    vec![
        (
            "h-star",
            Text::KpiHStar,
            s.map(|s| s.h_star),
            Style::Number(2),
        ),
        (
            "a-star",
            Text::KpiAStar,
            s.map(|s| s.a_star),
            Style::Number(1),
        ),
        (
            "a-max",
            Text::KpiAMax,
            s.and_then(|s| s.a_max),
            Style::Number(1),
        ),
        (
            "a-be",
            Text::KpiABreakEven,
            s.and_then(|s| s.a_break_even),
            Style::Number(0),
        ),
        (
            "slack",
            Text::KpiSlack,
            s.map(|s| s.at_target.slack_hours),
            Style::Number(1),
        ),
        (
            "profit-year",
            Text::KpiYearlyProfit,
            s.map(|s| s.at_target.profit_cny * 52.0),
            Style::Money,
        ),
        ("book-end", Text::KpiBookAtEnd, end, Style::Number(0)),
        (
            "profit-total",
            Text::LegendProfit,
            c.ev.run.weeks.last().map(|w| w.cumulative_profit_cny),
            Style::Money,
        ),
        (
            "fault-depth",
            Text::KpiFaultDepth,
            fault.map(|f| f.depth),
            Style::Percent,
        ),
        (
            "fault-lost",
            Text::KpiFaultLost,
            fault.map(|f| f.lost / ams),
            Style::Number(2),
        ),
    ]
}

/// Builds the comparison table of pinned scenarios against the one at `reference`.
#[must_use]
pub fn compare_table(pinned: &[Pinned], reference: usize, lang: Lang) -> CompareTable {
    let figures: Vec<_> = pinned
        .iter()
        .map(|p| compared_figures(&p.computed))
        .collect();
    let reference_figures = figures.get(reference);
    let rows = figures
        .first()
        .map(|first| {
            first
                .iter()
                .enumerate()
                .map(|(row, (id, label, _, style))| CompareRow {
                    id,
                    label: label.get(lang).to_owned(),
                    cells: figures
                        .iter()
                        .enumerate()
                        .map(|(col, f)| {
                            let value = f[row].2;
                            let diff = if col == reference {
                                String::new()
                            } else {
                                write_diff(value, reference_figures.and_then(|r| r[row].2), *style)
                            };
                            (write(value, *style), diff)
                        })
                        .collect(),
                })
                .collect()
        })
        .unwrap_or_default();
    CompareTable {
        names: pinned.iter().map(|p| p.name.clone()).collect(),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::engine::Params;

    fn computed(params: &Params) -> Computed {
        let start = NaiveDate::from_ymd_opt(2027, 1, 4).expect("valid date");
        Computed::run(params, start).expect("valid scenario")
    }

    #[test]
    fn the_compare_table_shows_differences_from_the_reference() {
        let mut eight = Params::default();
        eight.team.ams = 8.0;
        eight.team.target_loans_per_am = 130.0;
        let pinned = vec![
            Pinned {
                name: "six".into(),
                computed: std::rc::Rc::new(computed(&Params::default())),
            },
            Pinned {
                name: "eight at 130".into(),
                computed: std::rc::Rc::new(computed(&eight)),
            },
        ];
        let table = compare_table(&pinned, 0, Lang::En);
        assert_eq!(table.names, ["six", "eight at 130"]);
        let book = table.rows.iter().find(|r| r.id == "book-end").expect("row");
        assert_eq!(book.cells[0], ("720".to_owned(), String::new()));
        assert_eq!(book.cells[1].0, "1,040");
        assert_eq!(book.cells[1].1, "+320");
        let h = table.rows.iter().find(|r| r.id == "h-star").expect("row");
        assert!(h.cells[1].1.starts_with('+'), "{:?}", h.cells[1]);
        // Against the second as reference, the first is lower.
        let table = compare_table(&pinned, 1, Lang::En);
        let book = table.rows.iter().find(|r| r.id == "book-end").expect("row");
        assert_eq!(book.cells[0].1, "−320");
        assert_eq!(book.cells[1].1, "");
    }
}
