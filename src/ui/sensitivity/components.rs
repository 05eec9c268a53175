//! "Which lever matters": a folded section with the outcome chooser and one horizontal bar per
//! lever (an SVG in a 0–100 box: the low end's segment and the high end's from the base line),
//! each with its name, the range used, the two outcomes and a "Try it" button.

use yew::prelude::*;

use crate::engine::sensitivity::Outcome;
use crate::i18n::{Lang, Text};
use crate::ui::sensitivity::view::SensitivityView;
use crate::ui::sensitivity::Action;

#[derive(Properties, PartialEq)]
pub struct LeversProps {
    pub view: SensitivityView,
    pub lang: Lang,
    pub ondispatch: Callback<Action>,
}

#[function_component(Levers)]
pub fn levers(props: &LeversProps) -> Html {
    let v = &props.view;
    let lang = props.lang;
    let d = &props.ondispatch;
    let ontoggle = d.reform(|e: Event| {
        let details: web_sys::Element = e.target_unchecked_into();
        Action::SetOpen(details.has_attribute("open"))
    });
    let onoutcome = d.reform(|e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        Action::SetOutcome(Outcome::from_id(&select.value()).unwrap_or(Outcome::BookEnd))
    });
    html! {
        <details class="levers" id="levers" open={v.open} {ontoggle}>
            <summary><h3 class="levers-title">{ Text::LeversTitle.get(lang) }</h3></summary>
            <div class="levers-controls">
                <label for="levers-outcome">{ Text::LeversOutcome.get(lang) }</label>
                <select id="levers-outcome" onchange={onoutcome}>
                    { for v.outcomes.iter().map(|o| html! {
                        <option value={o.id} selected={o.selected}>{ o.label }</option>
                    }) }
                </select>
            </div>
            if let Some(empty) = v.empty {
                <p class="levers-empty">{ empty }</p>
            }
            if !v.bars.is_empty() {
                <p class="levers-note">{ &v.note }</p>
                <p class="levers-base">{ &v.base }
                    <span class="levers-key levers-key-low">{ Text::LeversLow.get(lang) }</span>
                    <span class="levers-key levers-key-high">{ Text::LeversHigh.get(lang) }</span>
                </p>
                <ol class="levers-bars">
                    { for v.bars.iter().map(|bar| {
                        let lever = bar.lever;
                        html! {
                            <li class="lever" key={bar.id} data-lever={bar.id}
                                data-low={bar.low_raw.clone()} data-high={bar.high_raw.clone()}>
                                <div class="lever-label">
                                    <span class="lever-name">{ bar.label }</span>
                                    <span class="lever-range">{ &bar.range }</span>
                                </div>
                                <svg class="lever-bar" viewBox="0 0 100 10" preserveAspectRatio="none"
                                    role="img" aria-label={bar.description.clone()}>
                                    <rect class="lever-low" x={bar.low_x.clone()} y="1"
                                        width={bar.low_width.clone()} height="8" />
                                    <rect class="lever-high" x={bar.high_x.clone()} y="1"
                                        width={bar.high_width.clone()} height="8" />
                                    <line class="lever-base" x1={v.base_x.clone()} x2={v.base_x.clone()}
                                        y1="0" y2="10" />
                                </svg>
                                <div class="lever-figures">
                                    <span class="lever-low-text">{ &bar.low_text }</span>
                                    <span class="lever-high-text">{ &bar.high_text }</span>
                                </div>
                                <button type="button" class="lever-try"
                                    onclick={d.reform(move |_| Action::Try(lever))}>
                                    { &bar.try_label }
                                </button>
                            </li>
                        }
                    }) }
                </ol>
            }
        </details>
    }
}
