//! Trainer mode's decisions: the form that records a decision at the week shown, and the decision
//! log with remove, drop-later, replay and its auto-play choice — laid out from the
//! `DecisionsView`; in the presenter view, as an overlay over the stage with a close button.

use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::ui::trainer::clock::PlayAction;
use crate::ui::trainer::stage::DecisionsView;
use crate::ui::trainer::view::DecisionChoice;
use crate::ui::trainer::Action;

#[derive(Properties, PartialEq)]
pub struct DecisionsProps {
    pub view: DecisionsView,
    pub lang: Lang,
    pub ondispatch: Callback<Action>,
    /// Shown over the stage, with a close button.
    #[prop_or_default]
    pub overlay: bool,
}

#[function_component(Decisions)]
pub fn decisions(props: &DecisionsProps) -> Html {
    let v = &props.view;
    let lang = props.lang;
    let d = &props.ondispatch;
    let onchoice = d.reform(|e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        Action::ChooseDecision(
            DecisionChoice::from_id(&select.value()).unwrap_or(DecisionChoice::Floor),
        )
    });
    let onvalue = d.reform(|e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        Action::EditDecisionValue(input.value())
    });
    let onduration = d.reform(|e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        Action::EditDecisionDuration(input.value())
    });
    let onsubmit = d.reform(|e: SubmitEvent| {
        e.prevent_default();
        Action::Decide
    });
    let value_error = v.value_error.as_ref();
    let duration_error = v.duration_error.as_ref();
    let autoplay = v.autoplay;
    let onautoplay = d.reform(move |_: Event| Action::Play(PlayAction::SetAutoplay(!autoplay)));

    let body = html! {
        <section class="decisions" aria-labelledby="decide-title">
            <form class="decide" onsubmit={onsubmit} novalidate=true>
                <h3 id="decide-title">{ &v.title }</h3>
                <label for="decide-kind">{ Text::DecideKind.get(lang) }</label>
                <select id="decide-kind" onchange={onchoice}>
                    { for v.choices.iter().map(|(id, label)| html! {
                        <option value={*id} selected={*id == v.choice.id()}>{ label }</option>
                    }) }
                </select>
                if let Some((label, text)) = &v.value {
                    <label for="decide-value">{ label }</label>
                    <input id="decide-value" type="text" inputmode="decimal" value={text.clone()}
                        oninput={onvalue} aria-invalid={value_error.is_some().to_string()}
                        aria-describedby={value_error.is_some().then_some("decide-value-error")} />
                }
                if let Some(message) = value_error {
                    <p class="field-error" id="decide-value-error" role="alert">{ message }</p>
                }
                <label for="decide-duration">{ Text::DecDuration.get(lang) }</label>
                <input id="decide-duration" type="text" inputmode="numeric" value={v.duration.clone()}
                    oninput={onduration} aria-invalid={duration_error.is_some().to_string()}
                    aria-describedby={if duration_error.is_some() { "decide-duration-error" } else { "decide-duration-help" }} />
                <p class="field-help" id="decide-duration-help">{ Text::DecDurationHelp.get(lang) }</p>
                if let Some(message) = duration_error {
                    <p class="field-error" id="decide-duration-error" role="alert">{ message }</p>
                }
                <button type="submit" class="decide-apply primary">{ &v.apply_label }</button>
                <p class="decide-status" role="status">{ &v.status }</p>
            </form>
            <section class="log" aria-labelledby="log-title">
                <h3 id="log-title">{ Text::LogTitle.get(lang) }</h3>
                if v.log.is_empty() {
                    <p class="log-empty">{ Text::LogEmpty.get(lang) }</p>
                } else {
                    <ol class="log-list">
                        { for v.log.iter().zip(&v.remove_labels).map(|(e, label)| {
                            let index = e.index;
                            html! {
                                <li class={classes!("log-entry", e.later.then_some("is-later"))} key={index}>
                                    <span class="log-week">{ &e.week }</span>
                                    <span class="log-text">{ &e.text }</span>
                                    <span class="log-duration">{ &e.duration }</span>
                                    if e.later {
                                        <span class="log-later">{ Text::LogLater.get(lang) }</span>
                                    }
                                    <button type="button" class="log-remove" aria-label={label.clone()}
                                        onclick={d.reform(move |_| Action::Undecide(index))}>
                                        { Text::LogRemove.get(lang) }
                                    </button>
                                </li>
                            }
                        }) }
                    </ol>
                    <p class="log-ghost-note">{ Text::LogGhostNote.get(lang) }</p>
                }
                <div class="log-actions">
                    <button type="button" class="log-drop-later" disabled={!v.any_later}
                        onclick={d.reform(|_| Action::DropLaterDecisions)}>
                        { &v.drop_label }
                    </button>
                    <button type="button" class="log-replay" onclick={d.reform(|_| Action::Replay)}>{ Text::LogReplay.get(lang) }</button>
                    <label class="log-autoplay">
                        <input type="checkbox" checked={autoplay} onchange={onautoplay} />
                        { Text::AutoplayLabel.get(lang) }
                    </label>
                </div>
            </section>
        </section>
    };
    if props.overlay {
        html! {
            <div class="stage-overlay decisions-overlay" role="dialog" aria-modal="true" aria-labelledby="decide-title">
                <div class="overlay-head">
                    <button type="button" class="decisions-close" onclick={d.reform(|_| Action::SetDeciding(false))}>
                        { Text::Close.get(lang) }
                    </button>
                </div>
                { body }
            </div>
        }
    } else {
        body
    }
}
