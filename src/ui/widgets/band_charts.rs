//! The charts of figures against their Monte Carlo band, each with how many weeks fall inside it
//! (the Actuals view's path, the back-test's forecast): drawn again only when a chart's data or
//! the display changes; the weeks inside and counted are on each figure for tests and tools.

use yew::prelude::*;

use crate::ui::band::BandChart;
use crate::ui::charts::{backtest, tracking, ChartSize, ChartTheme};

#[derive(Properties, PartialEq)]
pub struct BandChartsProps {
    pub charts: Vec<BandChart>,
    pub dark: bool,
    pub narrow: bool,
    /// The class prefix of the view (`track`, `book-backtest`): `{prefix}-chart-grid`,
    /// `{prefix}-chart`, `{prefix}-inside`.
    pub prefix: &'static str,
    /// Weeks outside the band drawn as rings (the back-test's chart).
    #[prop_or_default]
    pub rings_outside: bool,
}

#[function_component(BandCharts)]
pub fn band_charts(props: &BandChartsProps) -> Html {
    let svgs = use_memo(
        (
            props.charts.clone(),
            props.dark,
            props.narrow,
            props.rings_outside,
        ),
        |(charts, dark, narrow, rings)| {
            let size = if *narrow {
                ChartSize::PHONE
            } else {
                ChartSize::DESKTOP
            };
            let theme = ChartTheme::for_scheme(*dark);
            let render = if *rings {
                backtest::render_svg
            } else {
                tracking::render_svg
            };
            charts
                .iter()
                .map(|chart| render(&chart.data, &theme, size).ok())
                .collect::<Vec<_>>()
        },
    );
    let prefix = props.prefix;
    html! {
        <div class={format!("{prefix}-chart-grid")}>
            { for props.charts.iter().zip(svgs.iter()).map(|(chart, svg)| html! {
                <figure class={classes!("chart", format!("{prefix}-chart"))} key={chart.id} data-figure={chart.id}
                    data-inside={chart.inside_count.map(|(i, _)| i.to_string())}
                    data-reported={chart.inside_count.map(|(_, n)| n.to_string())}>
                    if let Some(svg) = svg {
                        { Html::from_html_unchecked(AttrValue::from(svg.clone())) }
                    }
                    if let Some(inside) = &chart.inside {
                        <p class={format!("{prefix}-inside")}>{ inside }</p>
                    }
                </figure>
            }) }
        </div>
    }
}
