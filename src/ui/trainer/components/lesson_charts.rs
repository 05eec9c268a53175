//! The stage's two lesson charts. In the presenter view each chart is laid out at the size of its
//! box on screen, measured after every render and whenever the window changes size, with its text
//! at the presenter view's type size, so the room reads it at the same size as the narration; in
//! the page's own layout they are drawn at a fixed size and scale to the column.

use gloo::events::EventListener;
use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::ui::charts::{lesson, ChartSize, ChartTheme, LessonData};
use crate::ui::trainer::stage::presenter_text_px;

#[derive(Properties, PartialEq)]
pub struct LessonChartsProps {
    pub charts: Vec<(&'static str, LessonData)>,
    pub presenter: bool,
    pub dark: bool,
    pub lang: Lang,
}

/// The page's own layout: a wide card, text a little larger than the other charts'.
const PAGE_SIZE: ChartSize = ChartSize {
    width_px: 600,
    height_px: 340,
};
const PAGE_TEXT_PX: f64 = 13.0;

/// A chart box's size and the presenter type size as measured, all in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Measured {
    pub width: u32,
    pub height: u32,
    pub text: f64,
}

/// The plot box `plot_selector` inside `node`, and the presenter type size for the window; the
/// classroom's best-and-worst stage measures its boxes the same way.
pub(crate) fn measure_plot(node: &NodeRef, plot_selector: &str) -> Option<Measured> {
    let container = node.cast::<web_sys::Element>()?;
    let plot = container.query_selector(plot_selector).ok().flatten()?;
    let window = web_sys::window()?;
    let width = window.inner_width().ok()?.as_f64()?;
    let height = window.inner_height().ok()?.as_f64()?;
    let (w, h) = (plot.client_width(), plot.client_height());
    (w > 0 && h > 0).then(|| Measured {
        width: w.unsigned_abs(),
        height: h.unsigned_abs(),
        text: presenter_text_px(width, height),
    })
}

fn measure(node: &NodeRef) -> Option<Measured> {
    measure_plot(node, ".lesson-plot")
}

#[function_component(LessonCharts)]
pub fn lesson_charts(props: &LessonChartsProps) -> Html {
    let node = use_node_ref();
    let measured = use_state(|| None::<Measured>);

    // After every render: a box that changed (the narration grew a line, the window was resized,
    // full screen came on) lays the charts out again.
    {
        let node = node.clone();
        let measured = measured.clone();
        let presenter = props.presenter;
        use_effect(move || {
            if presenter {
                let now = measure(&node);
                if now.is_some() && now != *measured {
                    measured.set(now);
                }
            }
        });
    }
    {
        let node = node.clone();
        let measured = measured.clone();
        use_effect_with(props.presenter, move |&presenter| {
            let listener = (presenter).then(web_sys::window).flatten().map(|window| {
                EventListener::new(&window, "resize", move |_| {
                    if let Some(now) = measure(&node) {
                        measured.set(Some(now));
                    }
                })
            });
            move || drop(listener)
        });
    }

    let theme = ChartTheme::for_scheme(props.dark || props.presenter);
    let (size, text_px) = match (*measured).filter(|_| props.presenter) {
        Some(m) => (
            ChartSize {
                width_px: m.width,
                height_px: m.height,
            },
            m.text,
        ),
        None => (PAGE_SIZE, PAGE_TEXT_PX),
    };
    html! {
        <div class="lesson-charts" ref={node}>
            { for props.charts.iter().map(|(id, data)| {
                let body = match lesson::render_svg(data, &theme, size, text_px) {
                    Ok(svg) => Html::from_html_unchecked(AttrValue::from(svg)),
                    Err(_) => html! { <p class="chart-error">{ Text::ChartFailed.get(props.lang) }</p> },
                };
                html! {
                    <figure class="lesson-chart" id={*id} key={*id}>
                        <div class="lesson-plot">{ body }</div>
                    </figure>
                }
            }) }
        </div>
    }
}
