//! The Monte Carlo controls: runs and seed, run and cancel, a progress bar, and the spread of outcomes.

use yew::prelude::*;

use crate::i18n::{fill, Lang, Text};
use crate::ui::format;
use crate::ui::state::{McInputProblem, McStatus, Workspace};
use crate::ui::widgets::kpi_panel::kpi_list;
use crate::ui::workspace::view::KpiItem;

#[derive(Properties, PartialEq)]
pub struct McPanelProps {
    pub workspace: std::rc::Rc<Workspace>,
    /// The summary of the current run, when one finished for the results shown.
    pub summary: Option<Vec<KpiItem>>,
    pub oneditruns: Callback<String>,
    pub oneditseed: Callback<String>,
    pub onrun: Callback<()>,
    pub oncancel: Callback<()>,
}

fn text_input(id: &'static str, value: String, onedit: Callback<String>, invalid: bool) -> Html {
    let oninput = Callback::from(move |e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        onedit.emit(input.value());
    });
    let describedby = invalid.then(|| format!("{id}-error"));
    html! {
        <input {id} type="text" inputmode="numeric" autocomplete="off" {value} {oninput}
            aria-invalid={invalid.to_string()} aria-describedby={describedby} />
    }
}

#[function_component(McPanel)]
pub fn mc_panel(props: &McPanelProps) -> Html {
    let w = &props.workspace;
    let lang: Lang = w.lang;
    let problems = w.mc.parsed().err().unwrap_or_default();
    let runs_bad = problems.contains(&McInputProblem::Runs);
    let seed_bad = problems.contains(&McInputProblem::Seed);
    let running = matches!(w.mc.status, McStatus::Running { .. });
    let runs_label = format::parse_number(&w.mc.runs_text)
        .filter(|_| !runs_bad)
        .map_or_else(|| w.mc.runs_text.clone(), |r| format::number(r, 0));
    let onrun = {
        let onrun = props.onrun.clone();
        Callback::from(move |_| onrun.emit(()))
    };
    let oncancel = {
        let oncancel = props.oncancel.clone();
        Callback::from(move |_| oncancel.emit(()))
    };
    let status = match &w.mc.status {
        McStatus::Idle => html! {},
        McStatus::Running { done, total } => html! {
            <div class="mc-progress">
                <progress id="mc-progress" max={total.to_string()} value={done.to_string()}
                    aria-label={Text::McTitle.get(lang)}></progress>
                <span>{ fill(Text::McProgress.get(lang), &[&format::number(f64::from(*done), 0), &format::number(f64::from(*total), 0)]) }</span>
            </div>
        },
        McStatus::Cancelled { done, total } => html! {
            <p class="mc-note">{ fill(Text::McCancelledText.get(lang), &[&format::number(f64::from(*done), 0), &format::number(f64::from(*total), 0)]) }</p>
        },
        McStatus::Failed(message) => html! {
            <p class="field-error" role="alert">{ fill(Text::McFailedText.get(lang), &[message]) }</p>
        },
        McStatus::Done { output, .. } => {
            if props.summary.is_some() {
                html! { <p class="mc-note mc-done">{ fill(Text::McDone.get(lang), &[&format::number(f64::from(output.runs), 0), w.mc.seed_text.trim()]) }</p> }
            } else {
                html! { <p class="mc-note">{ Text::McOutdated.get(lang) }</p> }
            }
        }
    };
    html! {
        <div class="mc">
            <h3>{ Text::McTitle.get(lang) }</h3>
            <p class="mc-intro">{ Text::McIntro.get(lang) }</p>
            <div class="mc-controls">
                <div class="field">
                    <label for="mc-runs"><span class="field-label">{ Text::McRuns.get(lang) }</span></label>
                    { text_input("mc-runs", w.mc.runs_text.clone(), props.oneditruns.clone(), runs_bad) }
                    if runs_bad {
                        <p id="mc-runs-error" class="field-error" role="alert">{ Text::McErrRuns.get(lang) }</p>
                    }
                </div>
                <div class="field">
                    <label for="mc-seed"><span class="field-label">{ Text::McSeed.get(lang) }</span></label>
                    { text_input("mc-seed", w.mc.seed_text.clone(), props.oneditseed.clone(), seed_bad) }
                    if seed_bad {
                        <p id="mc-seed-error" class="field-error" role="alert">{ Text::McErrSeed.get(lang) }</p>
                    }
                </div>
                <div class="mc-buttons">
                    <button type="button" id="mc-run" class="primary" onclick={onrun}
                        disabled={running || !problems.is_empty() || w.stale}>
                        { fill(Text::McRun.get(lang), &[&runs_label]) }
                    </button>
                    if running {
                        <button type="button" id="mc-cancel" onclick={oncancel}>{ Text::McCancel.get(lang) }</button>
                    }
                </div>
            </div>
            { status }
            if let Some(items) = &props.summary {
                { kpi_list(items, "") }
            }
        </div>
    }
}
