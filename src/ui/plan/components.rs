//! The Cadence plan view: the goal form, the hours and channel mix it needs (or why it cannot be
//! met and the closest plan), the plan simulated beside the goal, the dated week-by-week table,
//! the chart of planned hours, and the CSV and calendar downloads.
//!
//! The plan is solved from the workspace's last valid scenario whenever it or the goal changes; the
//! goal's text and the last valid plan live in this component, so a goal with errors keeps the
//! last plan on screen (marked out of date) with the message next to the field.

use std::cell::RefCell;
use std::rc::Rc;

use chrono::NaiveDate;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::engine::params::Params;
use crate::engine::plan::{self, Objective, Plan, PlanError};
use crate::engine::validate;
use crate::i18n::{Lang, Text};
use crate::scenario::plan_out;
use crate::services::{clock, files};
use crate::ui::charts::{plan_hours, ChartSize, ChartTheme};
use crate::ui::plan::view::{
    no_plan_text, parse_goal, plan_view, GoalForm, GoalInput, PlanView, Table, CSV_FILE, ICS_FILE,
};
use crate::ui::state::Workspace;
use crate::ui::widgets::kpi_panel::kpi_list;

#[derive(Properties, PartialEq)]
pub struct PlanPanelProps {
    pub workspace: Rc<Workspace>,
    pub dark: bool,
    pub narrow: bool,
    /// The goal as last typed, kept by the page so switching views and back keeps it.
    pub goal: Rc<RefCell<GoalForm>>,
}

/// The plan follows typing this long after the last keystroke (solving takes a good tenth of a
/// second in the browser; messages about the text show at once).
const SETTLE_MS: u32 = 250;

/// The chart is laid out wider than the workspace's, since it spans the page.
const PLAN_CHART: ChartSize = ChartSize {
    width_px: 960,
    height_px: 340,
};

/// A solved plan with the scenario and start date it was solved for.
struct Solved {
    plan: Plan,
    params: Params,
    start_date: NaiveDate,
}

fn table(t: &Table, class: &'static str) -> Html {
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={t.caption.clone()}>
            <table class={classes!("plan-table", class)}>
                <caption>{ &t.caption }</caption>
                <thead><tr>{ for t.headers.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                <tbody>
                    { for t.rows.iter().map(|row| html! {
                        <tr>
                            <th scope="row">{ &row.heading }</th>
                            { for row.cells.iter().map(|c| html! { <td>{ c }</td> }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

fn weeks_table(view: &PlanView) -> Html {
    html! {
        <div class="table-scroll plan-weeks-scroll" tabindex="0" role="region" aria-label={view.weeks_caption.clone()}>
            <table class="plan-table plan-weeks-table">
                <caption>{ &view.weeks_caption }</caption>
                <thead><tr>{ for view.week_headers.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                <tbody>
                    { for view.weeks.iter().map(|w| html! {
                        <tr class={classes!((!w.events.is_empty()).then_some("is-event"))}>
                            <th scope="row">{ &w.date }</th>
                            <td class="plan-events">{ &w.events }</td>
                            { for w.cells.iter().map(|c| html! { <td>{ c }</td> }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// One numeric goal input with its label, unit, help and message.
fn goal_field(
    input: GoalInput,
    form: &GoalForm,
    params: &Params,
    errors: &[String],
    lang: Lang,
    onedit: &Callback<(GoalInput, String)>,
) -> Html {
    let id = input.dom_id();
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    let invalid = !errors.is_empty();
    let described = if invalid {
        format!("{help_id} {error_id}")
    } else {
        help_id.clone()
    };
    let oninput = {
        let onedit = onedit.clone();
        Callback::from(move |e: InputEvent| {
            let field: web_sys::HtmlInputElement = e.target_unchecked_into();
            onedit.emit((input, field.value()));
        })
    };
    html! {
        <div class={classes!("field", invalid.then_some("field-invalid"))} data-goal={id}>
            <label for={id}>
                <span class="field-label">{ input.label().get(lang) }</span>
            </label>
            <div class="field-row">
                <input id={id} name={id} type="text" inputmode="decimal" autocomplete="off"
                    spellcheck="false" value={form.text(input).to_owned()} {oninput}
                    placeholder={GoalForm::placeholder(input, params, lang)}
                    aria-invalid={invalid.to_string()} aria-describedby={described} />
                <span class="field-unit">{ input.unit().get(lang) }</span>
            </div>
            <p id={help_id} class="field-help plan-help">{ input.help().get(lang) }</p>
            if invalid {
                <p id={error_id} class="field-error" role="alert">
                    { for errors.iter().map(|e| html! { <span>{ e }</span> }) }
                </p>
            }
        </div>
    }
}

#[function_component(PlanPanel)]
pub fn plan_panel(props: &PlanPanelProps) -> Html {
    let workspace = &props.workspace;
    let lang = workspace.lang;
    // The goal as typed (checked at once) and as settled after typing pauses (solved).
    let form = use_state(|| props.goal.borrow().clone());
    let settled = use_state(|| props.goal.borrow().clone());
    {
        let memory = props.goal.clone();
        use_effect_with((*form).clone(), move |form| {
            memory.replace(form.clone());
        });
    }
    let timer: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let result = workspace.result.clone();
    let parsed = result.as_ref().map(|r| parse_goal(&form, &r.params, lang));
    let goal = result
        .as_ref()
        .and_then(|r| parse_goal(&settled, &r.params, lang).ok());

    // The plan is solved again only when the scenario's result or the goal changes.
    let solved = {
        let result = result.clone();
        use_memo((workspace.revision, goal), move |(_, goal)| {
            let (Some(result), Some(goal)) = (result, goal.as_ref()) else {
                return None;
            };
            let outcome = validate(&result.params)
                .map_err(PlanError::Scenario)
                .and_then(|vp| plan::plan(&vp, goal));
            Some(outcome.map(|plan| {
                Rc::new(Solved {
                    plan,
                    params: result.params.clone(),
                    start_date: result.start_date,
                })
            }))
        })
    };
    // The last plan solved, shown (marked out of date) while the goal has errors.
    let last: Rc<RefCell<Option<Rc<Solved>>>> = use_mut_ref(|| None);
    if let Some(Ok(current)) = solved.as_ref() {
        *last.borrow_mut() = Some(current.clone());
    }
    let stale_goal = matches!(parsed, Some(Err(_)));
    let shown: Option<Rc<Solved>> = match solved.as_ref() {
        Some(Ok(current)) => Some(current.clone()),
        _ if stale_goal => last.borrow().clone(),
        _ => None,
    };
    let no_plan = match solved.as_ref() {
        Some(Err(error)) => Some(no_plan_text(error, lang)),
        _ => None,
    };

    let view = {
        let shown = shown.clone();
        let key = shown.as_ref().map(|s| Rc::as_ptr(s) as usize);
        use_memo((key, lang), move |_| {
            shown.map(|s| Rc::new(plan_view(&s.plan, &s.params, s.start_date, lang)))
        })
    };
    let svg = {
        let view = (*view).clone();
        let key = view.as_ref().map(|v| Rc::as_ptr(v) as usize);
        use_memo((key, props.dark, props.narrow), move |(_, dark, narrow)| {
            let size = if *narrow {
                ChartSize::PHONE
            } else {
                PLAN_CHART
            };
            view.and_then(|v| {
                plan_hours::render_svg(&v.chart, &ChartTheme::for_scheme(*dark), size).ok()
            })
        })
    };

    let onedit = {
        let form = form.clone();
        let settled = settled.clone();
        let timer = timer.clone();
        Callback::from(move |(input, text): (GoalInput, String)| {
            let next = form.with_text(input, text);
            form.set(next.clone());
            let settled = settled.clone();
            // Replacing the pending timeout cancels it: only the last keystroke's form is solved.
            *timer.borrow_mut() = Some(Timeout::new(SETTLE_MS, move || settled.set(next)));
        })
    };
    // A choice in a list is solved at once.
    let choose = {
        let form = form.clone();
        let settled = settled.clone();
        let timer = timer.clone();
        move |change: &dyn Fn(&mut GoalForm)| {
            let mut next = (*form).clone();
            change(&mut next);
            timer.borrow_mut().take();
            form.set(next.clone());
            settled.set(next);
        }
    };
    let onpath = {
        let choose = choose.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let growth = select.value() == "growth";
            choose(&|next: &mut GoalForm| next.growth = growth);
        })
    };
    let onobjective = Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        let objective = if select.value() == Objective::MostProfit.id() {
            Objective::MostProfit
        } else {
            Objective::FewestHours
        };
        choose(&|next: &mut GoalForm| next.objective = objective);
    });
    let oncsv = {
        let shown = shown.clone();
        Callback::from(move |_| {
            if let Some(s) = &shown {
                let csv = plan_out::plan_csv(&s.plan, s.start_date, lang);
                files::download(CSV_FILE, &csv, "text/csv;charset=utf-8");
            }
        })
    };
    let onics = {
        let shown = shown.clone();
        Callback::from(move |_| {
            if let Some(s) = &shown {
                let stamp = clock::today().and_hms_opt(0, 0, 0).unwrap_or_default();
                let ics = plan_out::plan_ics(&s.plan, s.start_date, lang, stamp);
                files::download(ICS_FILE, &ics, "text/calendar;charset=utf-8");
            }
        })
    };
    let onprint = Callback::from(|_| {
        if let Some(window) = web_sys::window() {
            // Printing is the browser's; nothing to do if it refuses.
            let _ = window.print();
        }
    });

    let Some(result) = result else {
        return html! { <p class="plan-note" role="status">{ Text::PlanNoScenario.get(lang) }</p> };
    };
    let errors_for = |input: GoalInput| -> Vec<String> {
        match &parsed {
            Some(Err(errors)) => errors
                .iter()
                .filter(|e| e.input == input)
                .map(|e| e.message.clone())
                .collect(),
            _ => Vec::new(),
        }
    };
    let field = |input: GoalInput| {
        goal_field(
            input,
            &form,
            &result.params,
            &errors_for(input),
            lang,
            &onedit,
        )
    };

    html! {
        <div class="plan">
            <section class="region plan-goal" aria-labelledby="plan-goal-title">
                <h3 id="plan-goal-title">{ Text::PlanGoalHeading.get(lang) }</h3>
                <p class="plan-intro">{ Text::PlanIntro.get(lang) }</p>
                <div class="plan-fields">
                    { field(GoalInput::Target) }
                    <div class="field">
                        <label for="plan-path"><span class="field-label">{ Text::PlanFieldPath.get(lang) }</span></label>
                        <div class="field-row">
                            <select id="plan-path" name="plan-path" onchange={onpath}>
                                <option value="flat" selected={!form.growth}>{ Text::PlanPathFlat.get(lang) }</option>
                                <option value="growth" selected={form.growth}>{ Text::PlanPathGrowth.get(lang) }</option>
                            </select>
                        </div>
                    </div>
                    if form.growth {
                        { field(GoalInput::ByWeek) }
                    }
                    { field(GoalInput::Weeks) }
                    { field(GoalInput::MaxHours) }
                    { field(GoalInput::MinQuality) }
                    { field(GoalInput::CashBudget) }
                    { field(GoalInput::Floor) }
                    <div class="field">
                        <label for="plan-objective"><span class="field-label">{ Text::PlanFieldObjective.get(lang) }</span></label>
                        <div class="field-row">
                            <select id="plan-objective" name="plan-objective" onchange={onobjective}>
                                <option value={Objective::FewestHours.id()} selected={form.objective == Objective::FewestHours}>
                                    { Text::PlanObjectiveHours.get(lang) }
                                </option>
                                <option value={Objective::MostProfit.id()} selected={form.objective == Objective::MostProfit}>
                                    { Text::PlanObjectiveProfit.get(lang) }
                                </option>
                            </select>
                        </div>
                    </div>
                </div>
            </section>
            if let Some(view) = (*view).clone() {
                <section class={classes!("region", "plan-result", stale_goal.then_some("is-stale"))}
                    aria-labelledby="plan-result-title" aria-live="polite">
                    <h3 id="plan-result-title">{ Text::PlanMixHeading.get(lang) }</h3>
                    if stale_goal {
                        <p class="stale-banner" role="status">{ Text::PlanStaleGoal.get(lang) }</p>
                    }
                    <div class={classes!("plan-verdict", if view.feasible { "is-met" } else { "is-short" })}>
                        { for view.verdict.iter().map(|line| html! { <p>{ line }</p> }) }
                    </div>
                    <p class="plan-current">{ &view.current }</p>
                    { kpi_list(&view.figures, "plan-figures") }
                    { table(&view.mix, "plan-mix") }
                    if let Some(needed) = &view.needed {
                        { table(needed, "plan-needed") }
                    }
                    <h4>{ Text::PlanOutcomeHeading.get(lang) }</h4>
                    { kpi_list(&view.outcome, "plan-outcome") }
                    <p class="plan-outcome-text">{ &view.outcome_text }</p>
                    <div class="plan-actions">
                        <button type="button" class="plan-download-csv" onclick={oncsv}>{ Text::PlanDownloadCsv.get(lang) }</button>
                        <button type="button" class="plan-download-ics" onclick={onics}>{ Text::PlanDownloadIcs.get(lang) }</button>
                        <button type="button" class="plan-print" onclick={onprint}>{ Text::PlanPrint.get(lang) }</button>
                    </div>
                </section>
                // The chart draws its own title (and names the SVG with it).
                <section class="region plan-chart" aria-label={Text::PlanChartTitle.get(lang)}>
                    <figure class="chart" id="chart-plan-hours">
                        if let Some(svg) = (*svg).clone() {
                            { Html::from_html_unchecked(AttrValue::from(svg)) }
                        } else {
                            <p class="chart-error">{ Text::ChartFailed.get(lang) }</p>
                        }
                    </figure>
                </section>
                <section class="region plan-weeks" aria-labelledby="plan-weeks-title">
                    <h3 id="plan-weeks-title">{ Text::PlanWeeksHeading.get(lang) }</h3>
                    { weeks_table(&view) }
                </section>
            } else if let Some(text) = no_plan {
                <section class="region plan-result" aria-live="polite">
                    <p class="plan-verdict is-short" role="status">{ text }</p>
                </section>
            }
        </div>
    }
}
