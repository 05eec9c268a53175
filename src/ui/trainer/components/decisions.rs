//! Trainer mode's decisions: the form that records a decision at the week shown, and the decision
//! log with remove, drop-later and replay.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{fill, Text};
use crate::ui::state::{Action, Workspace};
use crate::ui::trainer::clock::PlayAction;
use crate::ui::trainer::view::{decision, log_entries, DecisionChoice, DecisionProblem};

#[derive(Properties, PartialEq)]
pub struct DecisionsProps {
    pub workspace: Rc<Workspace>,
    pub ondispatch: Callback<Action>,
}

#[function_component(Decisions)]
pub fn decisions(props: &DecisionsProps) -> Html {
    let w = &props.workspace;
    let lang = w.lang;
    let week = w.play.week;
    let choice = use_state(|| DecisionChoice::Floor);
    let value = use_state(|| DecisionChoice::Floor.value().map_or("", |v| v.1).to_owned());
    let duration = use_state(|| DecisionChoice::Floor.default_duration().to_owned());
    let problem = use_state(|| None::<DecisionProblem>);
    let recorded = use_state(|| None::<u32>);

    let onchoice = {
        let (choice, value, duration, problem) = (
            choice.clone(),
            value.clone(),
            duration.clone(),
            problem.clone(),
        );
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let next = DecisionChoice::from_id(&select.value()).unwrap_or(DecisionChoice::Floor);
            choice.set(next);
            value.set(next.value().map_or("", |v| v.1).to_owned());
            duration.set(next.default_duration().to_owned());
            problem.set(None);
        })
    };
    let onvalue = {
        let value = value.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            value.set(input.value());
        })
    };
    let onduration = {
        let duration = duration.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            duration.set(input.value());
        })
    };
    let onsubmit = {
        let (choice, value, duration, problem, recorded) = (
            choice.clone(),
            value.clone(),
            duration.clone(),
            problem.clone(),
            recorded.clone(),
        );
        let params = w.params.clone();
        let ondispatch = props.ondispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match decision(*choice, &value, &duration, week, &params, lang) {
                Ok(shock) => {
                    problem.set(None);
                    recorded.set(Some(week));
                    ondispatch.emit(Action::Decide(shock));
                }
                Err(p) => {
                    recorded.set(None);
                    problem.set(Some(p));
                }
            }
        })
    };

    let value_error = match &*problem {
        Some(DecisionProblem::Value(m)) => Some(m.clone()),
        _ => None,
    };
    let duration_error = match &*problem {
        Some(DecisionProblem::Duration(m)) => Some(m.clone()),
        _ => None,
    };
    let entries = log_entries(&w.params, week, lang);
    let any_later = entries.iter().any(|e| e.later);
    let week_text = (week + 1).to_string();
    let ondrop = props.ondispatch.reform(|_| Action::DropLaterDecisions);
    let onreplay = {
        let ondispatch = props.ondispatch.clone();
        Callback::from(move |_| {
            ondispatch.emit(Action::Play(PlayAction::Rewind));
            ondispatch.emit(Action::Play(PlayAction::Toggle));
        })
    };

    html! {
        <aside class="decisions" aria-labelledby="decide-title">
            <form class="decide" onsubmit={onsubmit} novalidate=true>
                <h3 id="decide-title">{ fill(Text::DecideTitle.get(lang), &[&week_text]) }</h3>
                <label for="decide-kind">{ Text::DecideKind.get(lang) }</label>
                <select id="decide-kind" onchange={onchoice}>
                    { for DecisionChoice::ALL.into_iter().map(|c| html! {
                        <option value={c.id()} selected={c == *choice}>{ c.label().get(lang) }</option>
                    }) }
                </select>
                if let Some((label, _)) = choice.value() {
                    <label for="decide-value">{ label.get(lang) }</label>
                    <input id="decide-value" type="text" inputmode="decimal" value={(*value).clone()}
                        oninput={onvalue} aria-invalid={value_error.is_some().to_string()}
                        aria-describedby={value_error.is_some().then_some("decide-value-error")} />
                }
                if let Some(message) = &value_error {
                    <p class="field-error" id="decide-value-error" role="alert">{ message }</p>
                }
                <label for="decide-duration">{ Text::DecDuration.get(lang) }</label>
                <input id="decide-duration" type="text" inputmode="numeric" value={(*duration).clone()}
                    oninput={onduration} aria-invalid={duration_error.is_some().to_string()}
                    aria-describedby={if duration_error.is_some() { "decide-duration-error" } else { "decide-duration-help" }} />
                <p class="field-help" id="decide-duration-help">{ Text::DecDurationHelp.get(lang) }</p>
                if let Some(message) = &duration_error {
                    <p class="field-error" id="decide-duration-error" role="alert">{ message }</p>
                }
                <button type="submit" class="decide-apply primary">{ fill(Text::DecApply.get(lang), &[&week_text]) }</button>
                <p class="decide-status" role="status">
                    { recorded.filter(|wk| *wk == week).map(|wk| fill(Text::DecApplied.get(lang), &[&(wk + 1).to_string()])).unwrap_or_default() }
                </p>
            </form>
            <section class="log" aria-labelledby="log-title">
                <h3 id="log-title">{ Text::LogTitle.get(lang) }</h3>
                if entries.is_empty() {
                    <p class="log-empty">{ Text::LogEmpty.get(lang) }</p>
                } else {
                    <ol class="log-list">
                        { for entries.iter().map(|e| {
                            let index = e.index;
                            let onremove = props.ondispatch.reform(move |_| Action::Undecide(index));
                            let label = fill(Text::LogRemoveLabel.get(lang), &[&e.week_number.to_string(), &e.text]);
                            html! {
                                <li class={classes!("log-entry", e.later.then_some("is-later"))} key={index}>
                                    <span class="log-week">{ &e.week }</span>
                                    <span class="log-text">{ &e.text }</span>
                                    <span class="log-duration">{ &e.duration }</span>
                                    if e.later {
                                        <span class="log-later">{ Text::LogLater.get(lang) }</span>
                                    }
                                    <button type="button" class="log-remove" aria-label={label} onclick={onremove}>
                                        { Text::LogRemove.get(lang) }
                                    </button>
                                </li>
                            }
                        }) }
                    </ol>
                    <p class="log-ghost-note">{ Text::LogGhostNote.get(lang) }</p>
                }
                <div class="log-actions">
                    <button type="button" class="log-drop-later" disabled={!any_later} onclick={ondrop}>
                        { fill(Text::LogDropLater.get(lang), &[&week_text]) }
                    </button>
                    <button type="button" class="log-replay" onclick={onreplay}>{ Text::LogReplay.get(lang) }</button>
                </div>
            </section>
        </aside>
    }
}
