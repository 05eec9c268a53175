//! The charts region: every chart of the workspace as an inline SVG drawn by `ui::charts`.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::ui::chart_data::ChartSet;
use crate::ui::charts::{
    active_loans, hours, new_loans, pipeline, profit, quality_mix, ChartError, ChartSize,
    ChartTheme,
};

#[derive(Properties, PartialEq)]
pub struct ChartsPanelProps {
    pub set: Rc<ChartSet>,
    pub lang: Lang,
    pub dark: bool,
    pub narrow: bool,
}

fn figure(id: &'static str, svg: Result<String, ChartError>, lang: Lang) -> Html {
    let body = match svg {
        Ok(svg) => Html::from_html_unchecked(AttrValue::from(svg)),
        Err(_) => html! { <p class="chart-error">{ Text::ChartFailed.get(lang) }</p> },
    };
    html! { <figure class="chart" id={id}>{ body }</figure> }
}

#[function_component(ChartsPanel)]
pub fn charts_panel(props: &ChartsPanelProps) -> Html {
    let theme = ChartTheme::for_scheme(props.dark);
    let size = if props.narrow {
        ChartSize::PHONE
    } else {
        ChartSize::DESKTOP
    };
    let s = &props.set;
    let lang = props.lang;
    html! {
        <div class="charts">
            { figure("chart-active-loans", active_loans::render_svg(&s.active_loans, &theme, size), lang) }
            { figure("chart-new-loans", new_loans::render_svg(&s.new_loans, &theme, size), lang) }
            { figure("chart-pipeline", pipeline::render_svg(&s.pipeline, &theme, size), lang) }
            { figure("chart-hours", hours::render_svg(&s.hours, &theme, size), lang) }
            { figure("chart-quality-mix", quality_mix::render_svg(&s.quality_mix, &theme, size), lang) }
            { figure("chart-profit", profit::render_svg(&s.profit, &theme, size), lang) }
        </div>
    }
}
