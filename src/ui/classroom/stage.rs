//! The best and worst runs side by side on the stage: a layer over the whole window (nothing to
//! scroll), the two participants in two columns, each with their book and new loans. Every chart
//! is laid out at its box's measured size, after every render and when the window changes size,
//! with its text at the presenter view's type size (at least 16 px), so it reads from the back row.

use gloo::events::EventListener;
use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::ui::charts::{duel, ChartSize, ChartTheme};
use crate::ui::classroom::debrief::StageView;
use crate::ui::trainer::components::lesson_charts::{measure_plot, Measured};

#[derive(Properties, PartialEq)]
pub struct StageProps {
    pub view: StageView,
    pub lang: Lang,
    pub onclose: Callback<()>,
}

/// The smallest text on the stage, in CSS pixels.
pub const MIN_TEXT_PX: f64 = 16.0;
/// Until the boxes are measured: a chart's size and text.
const FIRST_SIZE: ChartSize = ChartSize {
    width_px: 560,
    height_px: 300,
};

/// The duel's plot box, with the presenter's type size and never under [`MIN_TEXT_PX`].
fn measure(node: &NodeRef) -> Option<Measured> {
    measure_plot(node, ".duel-plot").map(|m| Measured {
        text: m.text.max(MIN_TEXT_PX),
        ..m
    })
}

#[function_component(BestAndWorst)]
pub fn best_and_worst(props: &StageProps) -> Html {
    let node = use_node_ref();
    let measured = use_state(|| None::<Measured>);
    {
        let node = node.clone();
        let measured = measured.clone();
        use_effect(move || {
            let now = measure(&node);
            if now.is_some() && now != *measured {
                measured.set(now);
            }
        });
    }
    {
        // The keyboard starts on the stage, so Escape and Enter work without reaching for the mouse.
        let node = node.clone();
        use_effect_with((), move |()| {
            let close = node
                .cast::<web_sys::Element>()
                .and_then(|e| e.query_selector("#class-stage-close").ok().flatten());
            if let Some(button) =
                close.and_then(|b| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(b).ok())
            {
                let _ = button.focus();
            }
        });
    }
    {
        let node = node.clone();
        let measured = measured.clone();
        use_effect_with((), move |()| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "resize", move |_| {
                    if let Some(now) = measure(&node) {
                        measured.set(Some(now));
                    }
                })
            });
            move || drop(listener)
        });
    }
    // The stage is dark, as the presenter view is: a projector washes out a white page.
    let theme = ChartTheme::for_scheme(true);
    let (size, text_px) = match *measured {
        Some(m) => (
            ChartSize {
                width_px: m.width,
                height_px: m.height,
            },
            m.text,
        ),
        None => (FIRST_SIZE, MIN_TEXT_PX),
    };
    let lang = props.lang;
    let chart = |id: String, data: &crate::ui::charts::duel::DuelData| {
        let body = match duel::render_svg(data, &theme, size, text_px) {
            Ok(svg) => Html::from_html_unchecked(AttrValue::from(svg)),
            Err(_) => html! { <p class="chart-error">{ Text::ChartFailed.get(lang) }</p> },
        };
        html! {
            <figure class="duel-chart" id={id}>
                <div class="duel-plot">{ body }</div>
            </figure>
        }
    };
    let v = &props.view;
    // Escape closes the stage; every other key is left alone mid-sentence.
    let onescape = {
        let onclose = props.onclose.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                onclose.emit(());
            }
        })
    };
    html! {
        <section class="class-stage is-presenter" id="class-stage" role="dialog" aria-modal="true"
            aria-labelledby="class-stage-title" ref={node} onkeydown={onescape}>
            <header class="class-stage-head">
                <h2 id="class-stage-title">{ &v.title }</h2>
                <button type="button" id="class-stage-close"
                    onclick={props.onclose.reform(|_| ())}>{ &v.close }</button>
            </header>
            <div class="class-stage-sides">
                { for v.sides.iter().map(|side| html! {
                    <div class={classes!("class-stage-side", format!("is-{}", side.id))} id={format!("class-stage-{}", side.id)}>
                        <h3 class="class-stage-name">{ &side.heading }<span class="class-stage-score">{ &side.score }</span></h3>
                        { chart(format!("class-stage-{}-book", side.id), &side.book) }
                        { chart(format!("class-stage-{}-new", side.id), &side.new_loans) }
                    </div>
                }) }
            </div>
        </section>
    }
}
