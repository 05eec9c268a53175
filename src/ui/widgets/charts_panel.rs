//! The charts region: every chart of the workspace as an inline SVG drawn by `ui::charts`.

use gloo::timers::callback::Timeout;
use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::ui::chart_data::{chart_tables, ChartSet, ChartTable};
use crate::ui::charts::{
    active_loans, hours, new_loans, pipeline, profit, quality_mix, ChartError, ChartSize,
    ChartTheme,
};
use crate::ui::effect::{Download, Effect};

#[derive(Properties, PartialEq)]
pub struct ChartsPanelProps {
    pub set: Rc<ChartSet>,
    pub lang: Lang,
    pub dark: bool,
    pub narrow: bool,
    /// Carries out a chart's download (SVG, or PNG drawn by the browser).
    pub ondownload: Callback<Effect>,
}

/// PNG downloads are drawn at this multiple of the chart's size.
const PNG_SCALE: f64 = 2.0;

const CHART_IDS: [&str; 6] = [
    "chart-active-loans",
    "chart-new-loans",
    "chart-pipeline",
    "chart-hours",
    "chart-quality-mix",
    "chart-profit",
];

fn table(t: &ChartTable) -> Html {
    html! {
        // A scrolling region must be reachable by keyboard to be read without a mouse.
        <div class="table-scroll chart-table" tabindex="0" role="region" aria-label={t.caption.clone()}>
            <table>
                <caption>{ &t.caption }</caption>
                <thead><tr>{ for t.headers.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                <tbody>
                    { for t.rows.iter().map(|row| html! {
                        <tr>
                            <th scope="row">{ &row[0] }</th>
                            { for row[1..].iter().map(|v| html! { <td>{ v }</td> }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

#[function_component(ChartsPanel)]
pub fn charts_panel(props: &ChartsPanelProps) -> Html {
    let theme = ChartTheme::for_scheme(props.dark);
    // PNG downloads are drawn over the chart's own background.
    let bg = theme.background;
    let background = format!("#{:02x}{:02x}{:02x}", bg.0, bg.1, bg.2);
    let size = if props.narrow {
        ChartSize::PHONE
    } else {
        ChartSize::DESKTOP
    };
    let s = &props.set;
    let lang = props.lang;
    // Which charts are shown as tables: the text alternative with the same numbers.
    let as_table = use_state(|| [false; 6]);
    // The panel's first render leaves its figures empty and draws the charts in a task of their own
    // (issue 20): the page's first render, the long task a phone's visitor waits through before
    // the page answers, then holds no chart drawing.
    let drawn = use_state(|| false);
    {
        let drawn = drawn.clone();
        use_effect_with((), move |()| {
            let later = Timeout::new(0, move || drawn.set(true));
            move || drop(later)
        });
    }
    if !*drawn {
        return html! {
            <div class="charts">
                { for CHART_IDS.iter().map(|&id| html! { <figure class="chart" {id} key={id}></figure> }) }
            </div>
        };
    }
    let svgs: [Result<String, ChartError>; 6] = [
        active_loans::render_svg(&s.active_loans, &theme, size),
        new_loans::render_svg(&s.new_loans, &theme, size),
        pipeline::render_svg(&s.pipeline, &theme, size),
        hours::render_svg(&s.hours, &theme, size),
        quality_mix::render_svg(&s.quality_mix, &theme, size),
        profit::render_svg(&s.profit, &theme, size),
    ];
    let tables = if as_table.iter().any(|t| *t) {
        chart_tables(s, lang)
    } else {
        Vec::new()
    };
    html! {
        <div class="charts">
            { for svgs.into_iter().enumerate().map(|(i, svg)| {
                let showing_table = as_table[i];
                let ontoggle = {
                    let as_table = as_table.clone();
                    Callback::from(move |_| {
                        let mut next = *as_table;
                        next[i] = !next[i];
                        as_table.set(next);
                    })
                };
                let ondownload = svg.as_ref().ok().map(|svg| {
                    let svg = svg.clone();
                    props.ondownload.reform(move |_: MouseEvent| Effect::Download(Download {
                        file_name: format!("cadence-{}.svg", CHART_IDS[i]),
                        mime: "image/svg+xml",
                        text: svg.clone(),
                    }))
                });
                // The same drawing as PNG at twice its size (sharp on projectors and in slides).
                let ondownload_png = svg.as_ref().ok().map(|svg| {
                    let svg = svg.clone();
                    let background = background.clone();
                    props.ondownload.reform(move |_: MouseEvent| Effect::DownloadPng {
                        file_name: format!("cadence-{}.png", CHART_IDS[i]),
                        svg: svg.clone(),
                        scale: PNG_SCALE,
                        background: background.clone(),
                    })
                });
                let body = match (showing_table, tables.get(i)) {
                    (true, Some(t)) => table(t),
                    _ => match svg {
                        Ok(svg) => Html::from_html_unchecked(AttrValue::from(svg)),
                        Err(_) => html! { <p class="chart-error">{ Text::ChartFailed.get(lang) }</p> },
                    },
                };
                // The buttons come under their chart (its title is the drawing's first line), so
                // they are never nearer the chart above.
                html! {
                    <figure class="chart" id={CHART_IDS[i]} key={CHART_IDS[i]}>
                        { body }
                        <div class="chart-actions">
                            if let Some(ondownload) = ondownload {
                                <button type="button" class="chart-download chart-download-svg" onclick={ondownload}>
                                    { Text::ChartDownloadSvg.get(lang) }
                                </button>
                            }
                            if let Some(ondownload_png) = ondownload_png {
                                <button type="button" class="chart-download chart-download-png" onclick={ondownload_png}>
                                    { Text::ChartDownloadPng.get(lang) }
                                </button>
                            }
                            <button type="button" class="chart-toggle" aria-pressed={showing_table.to_string()} onclick={ontoggle}>
                                { if showing_table { Text::ChartShowChart.get(lang) } else { Text::ChartShowTable.get(lang) } }
                            </button>
                        </div>
                    </figure>
                }
            }) }
        </div>
    }
}
