//! The Monte Carlo controls: runs and seed, run and cancel, a progress bar, and the spread of
//! outcomes — laid out from the panel's `McView`.

use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::ui::montecarlo::view::{McNote, McView};
use crate::ui::montecarlo::Action;
use crate::ui::widgets::kpi_panel::kpi_list;

#[derive(Properties, PartialEq)]
pub struct McPanelProps {
    pub view: McView,
    pub lang: Lang,
    pub ondispatch: Callback<Action>,
}

fn text_input(id: &'static str, value: String, onedit: Callback<String>, invalid: bool) -> Html {
    let oninput = onedit.reform(|e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        input.value()
    });
    let describedby = invalid.then(|| format!("{id}-error"));
    html! {
        <input {id} type="text" inputmode="numeric" autocomplete="off" {value} {oninput}
            aria-invalid={invalid.to_string()} aria-describedby={describedby} />
    }
}

#[function_component(McPanel)]
pub fn mc_panel(props: &McPanelProps) -> Html {
    let v = &props.view;
    let lang = props.lang;
    let d = &props.ondispatch;
    let status = match &v.note {
        McNote::None => html! {},
        McNote::Progress { done, total, text } => html! {
            <div class="mc-progress">
                <progress id="mc-progress" max={total.to_string()} value={done.to_string()}
                    aria-label={Text::McTitle.get(lang)}></progress>
                <span>{ text }</span>
            </div>
        },
        McNote::Cancelled(text) | McNote::Outdated(text) => {
            html! { <p class="mc-note">{ text }</p> }
        }
        McNote::Failed(text) => html! { <p class="field-error" role="alert">{ text }</p> },
        McNote::Done(text) => html! { <p class="mc-note mc-done">{ text }</p> },
    };
    html! {
        <div class="mc">
            <h3>{ Text::McTitle.get(lang) }</h3>
            <p class="mc-intro">{ Text::McIntro.get(lang) }</p>
            <div class="mc-controls">
                <div class="field">
                    <label for="mc-runs"><span class="field-label">{ Text::McRuns.get(lang) }</span></label>
                    { text_input("mc-runs", v.runs_text.clone(), d.reform(Action::EditRuns), v.runs_error.is_some()) }
                </div>
                <div class="field">
                    <label for="mc-seed"><span class="field-label">{ Text::McSeed.get(lang) }</span></label>
                    { text_input("mc-seed", v.seed_text.clone(), d.reform(Action::EditSeed), v.seed_error.is_some()) }
                </div>
                <label class="mc-live">
                    <input id="mc-live" type="checkbox" checked={v.live}
                        onchange={d.reform(|e: Event| {
                            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                            Action::SetLive(input.checked())
                        })} />
                    { " " }{ &v.live_label }
                </label>
                <div class="mc-buttons">
                    <button type="button" id="mc-run" class="primary" onclick={d.reform(|_| Action::Run)}
                        disabled={!v.can_run}>
                        { &v.run_label }
                    </button>
                    if v.running {
                        <button type="button" id="mc-cancel" onclick={d.reform(|_| Action::Cancel)}>{ Text::McCancel.get(lang) }</button>
                    }
                </div>
            </div>
            // Messages under the row, so an error never moves the other inputs out of line.
            if let Some(message) = &v.runs_error {
                <p id="mc-runs-error" class="field-error" role="alert">{ message }</p>
            }
            if let Some(message) = &v.seed_error {
                <p id="mc-seed-error" class="field-error" role="alert">{ message }</p>
            }
            { status }
            if let Some(items) = &v.summary {
                { kpi_list(items, "") }
            }
        </div>
    }
}
