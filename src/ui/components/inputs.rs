//! The inputs panel: the basic view (the inputs that matter most) and, on request, every input of
//! MODEL.md section 3 grouped the way a team lead thinks.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::params::{Calendar, PolicyKind};
use crate::engine::presets;
use crate::i18n::{Lang, Text};
use crate::ui::components::number_field::NumberField;
use crate::ui::fields::{channel_label, tier_label, Field, Group};
use crate::ui::state::{Action, CalendarChoice, Workspace};
use crate::ui::view_model::{
    error_text, input_problem_text, policy_fields, preset_title, variant_label,
};

#[derive(Properties, PartialEq)]
pub struct InputsProps {
    pub workspace: Rc<Workspace>,
    pub ondispatch: Callback<Action>,
}

fn field_errors(w: &Workspace, field: Field) -> Vec<String> {
    let mut out: Vec<String> = w
        .input_problems
        .get(&field)
        .map(|p| input_problem_text(*p, w.lang))
        .into_iter()
        .collect();
    out.extend(w.errors_for(field).map(|e| error_text(e, w.lang)));
    out
}

fn qualifier(field: Field, lang: Lang) -> Option<String> {
    field
        .tier()
        .map(|t| tier_label(t).get(lang).to_owned())
        .or_else(|| {
            field
                .channel()
                .map(|c| channel_label(c).get(lang).to_owned())
        })
}

fn render_field(w: &Workspace, field: Field, onedit: &Callback<(Field, String)>) -> Html {
    html! {
        <NumberField key={field.path()} {field} lang={w.lang} text={w.field_text(field)}
            qualifier={qualifier(field, w.lang)} errors={field_errors(w, field)}
            onedit={onedit.clone()} />
    }
}

#[function_component(InputsPanel)]
pub fn inputs_panel(props: &InputsProps) -> Html {
    let w = &props.workspace;
    let lang = w.lang;
    let onedit = {
        let d = props.ondispatch.clone();
        Callback::from(move |(field, text): (Field, String)| d.emit(Action::EditField(field, text)))
    };
    let onpolicy = {
        let d = props.ondispatch.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let kind = match select.value().as_str() {
                "b" => PolicyKind::StopWhenBusy,
                "c" => PolicyKind::TargetPipeline,
                _ => PolicyKind::Fixed,
            };
            d.emit(Action::SetPolicy(kind));
        })
    };
    let oncalendar = {
        let d = props.ondispatch.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let choice = if select.value() == "china" {
                CalendarChoice::China
            } else {
                CalendarChoice::None
            };
            d.emit(Action::SetCalendar(choice));
        })
    };
    let onstartdate = {
        let d = props.ondispatch.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            d.emit(Action::SetStartDate(input.value()));
        })
    };
    let onpreset = {
        let d = props.ondispatch.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let value = select.value();
            if let Some((id, variant)) = value.split_once(':') {
                if let Ok(index) = variant.parse::<usize>() {
                    d.emit(Action::LoadPreset(id.to_owned(), index));
                }
            }
        })
    };
    let preset_options = presets::all()
        .into_iter()
        .map(|preset| {
            let title = preset_title(preset.id()).map_or(preset.text.title, |t| t.get(lang));
            html! {
                <optgroup label={title} key={preset.id()}>
                    { for preset.variants.iter().enumerate().map(|(i, v)| {
                        let label = variant_label(v.id).map_or(v.label, |t| t.get(lang));
                        html! { <option value={format!("{}:{i}", preset.id())}>{ format!("{title} · {label}") }</option> }
                    }) }
                </optgroup>
            }
        })
        .collect::<Html>();
    let ontoggle = {
        let d = props.ondispatch.clone();
        Callback::from(move |_| d.emit(Action::ToggleAdvanced))
    };
    let policy_value = match w.params.policy.kind {
        PolicyKind::Fixed => "a",
        PolicyKind::StopWhenBusy => "b",
        PolicyKind::TargetPipeline => "c",
    };
    let calendar_value = match w.params.calendar {
        Calendar::None => "none",
        _ => "china",
    };
    let basic_team = [
        Field::Ams,
        Field::HoursPerWeek,
        Field::TargetLoans,
        Field::HorizonWeeks,
    ];
    let unplaced: Vec<String> = w
        .unplaced_errors()
        .map(|e| format!("{}: {}", e.param, error_text(e, lang)))
        .collect();

    html! {
        <div class="inputs">
            if !unplaced.is_empty() {
                <div class="form-errors" role="alert">
                    <p>{ Text::OtherProblems.get(lang) }</p>
                    <ul>{ for unplaced.iter().map(|m| html! { <li>{ m }</li> }) }</ul>
                </div>
            }
            <div class="field preset-pick">
                <label for="in-preset"><span class="field-label">{ Text::PresetPick.get(lang) }</span></label>
                <div class="field-row">
                    <select id="in-preset" onchange={onpreset}>
                        <option value="" selected=true>{ Text::PresetPickNone.get(lang) }</option>
                        { preset_options }
                    </select>
                </div>
            </div>
            <fieldset class="group group-basic">
                <legend>{ Group::Team.title().get(lang) }</legend>
                { for basic_team.iter().map(|f| render_field(w, *f, &onedit)) }
                <div class="field">
                    <label for="in-start-date"><span class="field-label">{ Text::FieldStartDate.get(lang) }</span></label>
                    <div class="field-row">
                        <input id="in-start-date" type="date" value={w.start_date.format("%Y-%m-%d").to_string()}
                            onchange={onstartdate} title={Text::HelpStartDate.get(lang)} />
                    </div>
                    <p class="field-help"><span class="field-why">{ Text::HelpStartDate.get(lang) }</span></p>
                </div>
            </fieldset>
            <fieldset class="group group-policy">
                <legend>{ Group::Policy.title().get(lang) }</legend>
                <div class="field">
                    <label for="in-policy-kind"><span class="field-label">{ Text::FieldPolicyKind.get(lang) }</span></label>
                    <div class="field-row">
                        <select id="in-policy-kind" onchange={onpolicy}>
                            <option value="a" selected={policy_value == "a"}>{ Text::PolicyFixed.get(lang) }</option>
                            <option value="b" selected={policy_value == "b"}>{ Text::PolicyStopWhenBusy.get(lang) }</option>
                            <option value="c" selected={policy_value == "c"}>{ Text::PolicyTargetPipeline.get(lang) }</option>
                        </select>
                    </div>
                </div>
                { for policy_fields(w.params.policy.kind).iter().map(|f| render_field(w, *f, &onedit)) }
                <div class="field">
                    <label for="in-calendar"><span class="field-label">{ Text::FieldCalendar.get(lang) }</span></label>
                    <div class="field-row">
                        <select id="in-calendar" onchange={oncalendar}>
                            <option value="none" selected={calendar_value == "none"}>{ Text::CalendarNone.get(lang) }</option>
                            <option value="china" selected={calendar_value == "china"}>{ Text::CalendarChina.get(lang) }</option>
                        </select>
                    </div>
                </div>
            </fieldset>
            <button type="button" class="toggle-advanced" aria-expanded={w.advanced.to_string()} onclick={ontoggle}>
                { if w.advanced { Text::HideAdvanced.get(lang) } else { Text::ShowAdvanced.get(lang) } }
            </button>
            if w.advanced {
                <fieldset class="group">
                    <legend>{ Group::Team.title().get(lang) }</legend>
                    { render_field(w, Field::CostPerHour, &onedit) }
                </fieldset>
                { for [Group::Times, Group::Channels, Group::Pipeline, Group::Loans, Group::Referrals].into_iter().map(|g| html! {
                    <fieldset class="group" key={format!("{g:?}")}>
                        <legend>{ g.title().get(lang) }</legend>
                        { for Field::of_group(g).into_iter().map(|f| render_field(w, f, &onedit)) }
                    </fieldset>
                }) }
            }
        </div>
    }
}
