//! The debrief over the stage: the lesson in one sentence, three numbers and the decision log with
//! each decision's effect — laid out from the `DebriefView`; it prints alone on one A4 page.

use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::ui::trainer::debrief::DebriefView;
use crate::ui::trainer::Action;
use crate::ui::widgets::kpi_panel::kpi_list;

#[derive(Properties, PartialEq)]
pub struct DebriefProps {
    pub view: DebriefView,
    pub lang: Lang,
    pub ondispatch: Callback<Action>,
}

#[function_component(Debrief)]
pub fn debrief(props: &DebriefProps) -> Html {
    let v = &props.view;
    let lang = props.lang;
    let d = &props.ondispatch;
    html! {
        <div class="stage-overlay debrief" role="dialog" aria-modal="true" aria-labelledby="debrief-title">
            <div class="overlay-head">
                <h2 id="debrief-title" tabindex="-1">{ Text::DebriefTitle.get(lang) }</h2>
                <button type="button" class="debrief-close" onclick={d.reform(|_| Action::SetDebrief(false))}>
                    { Text::Close.get(lang) }
                </button>
            </div>
            <p class="debrief-scenario">{ &v.scenario }</p>
            <section class="debrief-lesson" aria-labelledby="debrief-lesson-title">
                <h3 id="debrief-lesson-title">{ Text::DebriefLesson.get(lang) }</h3>
                <p class="debrief-sentence">{ &v.lesson }</p>
                if let Some(comparison) = &v.comparison {
                    <p class="debrief-comparison">{ comparison }</p>
                }
            </section>
            <section class="debrief-numbers" aria-labelledby="debrief-numbers-title">
                <h3 id="debrief-numbers-title">{ Text::DebriefNumbers.get(lang) }</h3>
                if let Some(why) = &v.no_numbers {
                    <p>{ why }</p>
                } else {
                    { kpi_list(&v.numbers, "kpi-grid-debrief") }
                }
            </section>
            <section class="debrief-decisions" aria-labelledby="debrief-decisions-title">
                <h3 id="debrief-decisions-title">{ Text::DebriefDecisions.get(lang) }</h3>
                if let Some(none) = &v.no_decisions {
                    <p>{ none }</p>
                } else {
                    <ol class="debrief-log">
                        { for v.decisions.iter().map(|e| html! {
                            <li>
                                <span class="log-week">{ &e.week }</span>{ " " }
                                <span class="log-text">{ &e.text }</span>
                                <span class="debrief-effect">{ &e.effect }</span>
                            </li>
                        }) }
                    </ol>
                }
            </section>
            <div class="debrief-actions">
                <button type="button" class="debrief-replay primary" onclick={d.reform(|_| Action::Replay)}>
                    { Text::LogReplay.get(lang) }
                </button>
                <button type="button" class="debrief-print" onclick={d.reform(|_| Action::PrintDebrief)}>
                    { Text::DebriefPrint.get(lang) }
                </button>
            </div>
        </div>
    }
}
