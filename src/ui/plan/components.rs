//! The Cadence plan view: the goal form, the hours and channel mix it needs (or why it cannot be
//! met and the closest plan), the plan simulated beside the goal, the dated week-by-week table,
//! the chart of planned hours, and the CSV and calendar downloads — laid out from the
//! `PlanPanelView`. The plan itself is solved by the plan slice.

use chrono::NaiveDate;
use yew::prelude::*;

use crate::engine::goal::DEFAULT_BLOCK_HOURS;
use crate::engine::plan::{MixChoice, Objective};
use crate::i18n::{Lang, Text};
use crate::ui::charts::{plan_hours, ChartSize, ChartTheme};
use crate::ui::plan::panel::{GoalChoices, GoalFieldView, PlanPanelView};
use crate::ui::plan::view::{GoalInput, PlanView, Table};
use crate::ui::plan::Action;
use crate::ui::widgets::kpi_panel::kpi_list;

#[derive(Properties, PartialEq)]
pub struct PlanPanelProps {
    pub view: PlanPanelView,
    pub lang: Lang,
    pub ondispatch: Callback<Action>,
    /// Stamps the calendar file.
    pub today: NaiveDate,
    pub dark: bool,
    pub narrow: bool,
}

/// The chart is laid out wider than the workspace's, since it spans the page.
const PLAN_CHART: ChartSize = ChartSize {
    width_px: 960,
    height_px: 340,
};

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
                        <tr class={classes!((!w.events.is_empty()).then_some("is-event"), w.overfull.then_some("is-overfull"))}>
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
fn goal_field(f: &GoalFieldView, ondispatch: &Callback<Action>) -> Html {
    let id = f.id;
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    let invalid = !f.errors.is_empty();
    let described = if invalid {
        format!("{help_id} {error_id}")
    } else {
        help_id.clone()
    };
    let input = f.input;
    let oninput = ondispatch.reform(move |e: InputEvent| {
        let field: web_sys::HtmlInputElement = e.target_unchecked_into();
        Action::EditGoal(input, field.value())
    });
    html! {
        <div class={classes!("field", invalid.then_some("field-invalid"))} data-goal={id}>
            <label for={id}>
                <span class="field-label">{ &f.label }</span>
            </label>
            <div class="field-row">
                <input id={id} name={id} type="text" inputmode="decimal" autocomplete="off"
                    spellcheck="false" value={f.text.clone()} {oninput}
                    placeholder={f.placeholder.clone()}
                    aria-invalid={invalid.to_string()} aria-describedby={described} />
                <span class="field-unit">{ &f.unit }</span>
            </div>
            <p id={help_id} class="field-help plan-help">{ &f.help }</p>
            if invalid {
                <p id={error_id} class="field-error" role="alert">
                    { for f.errors.iter().map(|e| html! { <span>{ e }</span> }) }
                </p>
            }
        </div>
    }
}

fn goal_form(v: &PlanPanelView, lang: Lang, d: &Callback<Action>) -> Html {
    let field = |input: GoalInput| {
        v.field(input)
            .map_or_else(|| html! {}, |f| goal_field(f, d))
    };
    let c = &v.choices;
    let onpath = d.reform(|e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        Action::SetGrowth(select.value() == "growth")
    });
    html! {
        <section class="region plan-goal" aria-labelledby="plan-goal-title">
            <h3 id="plan-goal-title">{ Text::PlanGoalHeading.get(lang) }</h3>
            <p class="plan-intro">{ Text::PlanIntro.get(lang) }</p>
            <div class="plan-fields">
                { field(GoalInput::Target) }
                { choice("plan-path", Text::PlanFieldPath.get(lang), onpath, &[
                    ("flat", Text::PlanPathFlat.get(lang), !c.growth),
                    ("growth", Text::PlanPathGrowth.get(lang), c.growth),
                ]) }
                if c.growth {
                    { field(GoalInput::ByWeek) }
                }
                { field(GoalInput::Weeks) }
                { field(GoalInput::MaxHours) }
                { field(GoalInput::MinQuality) }
                { field(GoalInput::CashBudget) }
                { field(GoalInput::Floor) }
                { field(GoalInput::WeeklyChange) }
                { cadence_choices(c, lang, d) }
            </div>
        </section>
    }
}

/// A labelled select of `(value, label, selected)` options.
fn choice(
    id: &'static str,
    label: &str,
    onchange: Callback<Event>,
    options: &[(&str, &str, bool)],
) -> Html {
    html! {
        <div class="field">
            <label for={id}><span class="field-label">{ label }</span></label>
            <div class="field-row">
                <select id={id} name={id} onchange={onchange}>
                    { for options.iter().map(|(value, text, selected)| html! {
                        <option value={value.to_string()} selected={*selected}>{ *text }</option>
                    }) }
                </select>
            </div>
        </div>
    }
}

/// The choices shaping the cadence and its calendar: mix, block size, weekdays, calendar owner,
/// objective.
fn cadence_choices(c: &GoalChoices, lang: Lang, d: &Callback<Action>) -> Html {
    let onmix = d.reform(|e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        Action::SetMix(MixChoice::from_id(&select.value()).unwrap_or_default())
    });
    let blocks: Vec<f64> = c.blocks.iter().map(|(h, _)| *h).collect();
    let onblock = d.reform(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        let index: usize = select.value().parse().unwrap_or(0);
        Action::SetBlock(blocks.get(index).copied().unwrap_or(DEFAULT_BLOCK_HOURS))
    });
    let oncalendar = d.reform(|e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        Action::SetCalendarPerTeam(select.value() == "team")
    });
    let onobjective = d.reform(|e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        Action::SetObjective(if select.value() == Objective::MostProfit.id() {
            Objective::MostProfit
        } else {
            Objective::FewestHours
        })
    });
    let block_values: Vec<String> = (0..c.blocks.len()).map(|i| i.to_string()).collect();
    let block_options: Vec<(&str, &str, bool)> = c
        .blocks
        .iter()
        .zip(&block_values)
        .enumerate()
        .map(|(i, ((_, label), value))| (value.as_str(), *label, i == c.block))
        .collect();
    html! {
        <>
            { choice("plan-mix", Text::PlanFieldMix.get(lang), onmix, &[
                (MixChoice::Optimise.id(), Text::PlanMixOptimise.get(lang), c.mix == MixChoice::Optimise),
                (MixChoice::Keep.id(), Text::PlanMixKeep.get(lang), c.mix == MixChoice::Keep),
            ]) }
            { choice("plan-block", Text::PlanFieldBlock.get(lang), onblock, &block_options) }
            <fieldset class="field plan-weekdays">
                <legend class="field-label">{ Text::PlanFieldWeekdays.get(lang) }</legend>
                <div class="field-row">
                    { for c.weekdays.iter().enumerate().map(|(day, (label, on))| html! {
                        <label class="plan-weekday">
                            <input type="checkbox" checked={*on} onchange={d.reform(move |_| Action::ToggleWeekday(day))} />
                            { *label }
                        </label>
                    }) }
                </div>
            </fieldset>
            { choice("plan-calendar-for", Text::PlanFieldCalendarFor.get(lang), oncalendar, &[
                ("am", Text::PlanCalendarPerAm.get(lang), !c.calendar_per_team),
                ("team", Text::PlanCalendarPerTeam.get(lang), c.calendar_per_team),
            ]) }
            { choice("plan-objective", Text::PlanFieldObjective.get(lang), onobjective, &[
                (Objective::FewestHours.id(), Text::PlanObjectiveHours.get(lang), c.objective == Objective::FewestHours),
                (Objective::MostProfit.id(), Text::PlanObjectiveProfit.get(lang), c.objective == Objective::MostProfit),
            ]) }
        </>
    }
}

fn plan_result(
    view: &PlanView,
    stale_goal: bool,
    svg: Option<String>,
    lang: Lang,
    d: &Callback<Action>,
    today: NaiveDate,
) -> Html {
    html! {
        <>
            <section id={crate::ui::plan::RESULT_ID} tabindex="-1"
                class={classes!("region", "plan-result", stale_goal.then_some("is-stale"))}
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
                if let Some(trade) = &view.trade {
                    <p class="plan-trade">{ trade }</p>
                }
                <h4>{ Text::PlanOutcomeHeading.get(lang) }</h4>
                { kpi_list(&view.outcome, "plan-outcome") }
                <p class="plan-outcome-text">{ &view.outcome_text }</p>
                <div class="plan-actions">
                    <button type="button" class="plan-download-csv" onclick={d.reform(|_| Action::DownloadCsv)}>{ Text::PlanDownloadCsv.get(lang) }</button>
                    <button type="button" class="plan-download-ics" onclick={d.reform(move |_| Action::DownloadIcs { today })}>{ Text::PlanDownloadIcs.get(lang) }</button>
                    <button type="button" class="plan-print" onclick={d.reform(|_| Action::Print)}>{ Text::PlanPrint.get(lang) }</button>
                </div>
            </section>
            // The chart draws its own title (and names the SVG with it).
            <section class="region plan-chart" aria-label={Text::PlanChartTitle.get(lang)}>
                <figure class="chart" id="chart-plan-hours">
                    if let Some(svg) = svg {
                        { Html::from_html_unchecked(AttrValue::from(svg)) }
                    } else {
                        <p class="chart-error">{ Text::ChartFailed.get(lang) }</p>
                    }
                </figure>
            </section>
            <section class="region plan-weeks" aria-labelledby="plan-weeks-title">
                <h3 id="plan-weeks-title">{ Text::PlanWeeksHeading.get(lang) }</h3>
                { weeks_table(view) }
            </section>
        </>
    }
}

#[function_component(PlanPanel)]
pub fn plan_panel(props: &PlanPanelProps) -> Html {
    let v = &props.view;
    let lang = props.lang;
    // The chart is drawn again only when the plan shown or the display changes.
    let svg = {
        let chart = v.plan.as_ref().map(|p| p.chart.clone());
        use_memo(
            (chart, props.dark, props.narrow),
            |(chart, dark, narrow)| {
                let size = if *narrow {
                    ChartSize::PHONE
                } else {
                    PLAN_CHART
                };
                chart.as_ref().and_then(|c| {
                    plan_hours::render_svg(c, &ChartTheme::for_scheme(*dark), size).ok()
                })
            },
        )
    };
    if v.no_scenario {
        return html! { <p class="plan-note" role="status">{ Text::PlanNoScenario.get(lang) }</p> };
    }
    html! {
        <div class="plan">
            { goal_form(v, lang, &props.ondispatch) }
            if let Some(view) = &v.plan {
                { plan_result(view, v.stale_goal, (*svg).clone(), lang, &props.ondispatch, props.today) }
            } else if let Some(text) = &v.no_plan {
                <section class="region plan-result" aria-live="polite">
                    <p class="plan-verdict is-short" role="status">{ text }</p>
                </section>
            }
        </div>
    }
}
