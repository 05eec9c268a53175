//! The inputs panel: the basic view (the inputs that matter most) and, on request, every input of
//! MODEL.md section 3 grouped the way a team lead thinks.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::params::{
    Amortisation, Calendar, Entry, InitialBook, PolicyKind, QueueOrder, ShockKind,
};
use crate::engine::presets;
use crate::engine::{ChannelId, Tier};
use crate::i18n::fill;
use crate::i18n::{Lang, Text};
use crate::ui::state::{Action, CalendarChoice, ShockChoice, Workspace};
use crate::ui::workspace::components::number_field::NumberField;
use crate::ui::workspace::fields::{
    channel_label, tier_label, Field, Group, MAX_SHOCKS, MAX_TERMS,
};
use crate::ui::workspace::view::{
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
    out.extend(
        w.errors_for(field)
            .map(|e| error_text(e, &w.params, w.lang)),
    );
    out
}

fn qualifier(field: Field, lang: Lang) -> Option<String> {
    // In a matrix row the column is the tier moved to; the row's title names the tier moved from.
    if let Field::Migration(_, to) | Field::Homophily(_, to) = field {
        return Some(tier_label(to).get(lang).to_owned());
    }
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
            unit={field.unit_in(&w.params)} range={field.range_in(&w.params)}
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
        .map(|e| format!("{}: {}", e.param, error_text(e, &w.params, lang)))
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
                { advanced(w, &onedit, &props.ondispatch) }
            }
        </div>
    }
}

fn row_error(w: &Workspace, path: &str) -> Html {
    let messages: Vec<String> = w
        .row_errors(path)
        .map(|e| error_text(e, &w.params, w.lang))
        .collect();
    if messages.is_empty() {
        return html! {};
    }
    html! {
        <p class="field-error row-error" role="alert" data-row-path={path.to_owned()}>
            { for messages.iter().map(|m| html! { <span>{ m }</span> }) }
        </p>
    }
}

fn select<T: Copy + PartialEq + 'static>(
    id: String,
    label: Text,
    lang: Lang,
    current: T,
    options: &[(T, &'static str, Text)],
    onpick: Callback<T>,
) -> Html {
    let choices: Vec<(T, &'static str)> = options.iter().map(|(v, key, _)| (*v, *key)).collect();
    let onchange = Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        if let Some((value, _)) = choices.iter().find(|(_, key)| *key == select.value()) {
            onpick.emit(*value);
        }
    });
    html! {
        <div class="field">
            <label for={id.clone()}><span class="field-label">{ label.get(lang) }</span></label>
            <div class="field-row">
                <select {id} {onchange}>
                    { for options.iter().map(|(v, key, text)| html! {
                        <option value={*key} selected={*v == current}>{ text.get(lang) }</option>
                    }) }
                </select>
            </div>
        </div>
    }
}

/// A callback that turns a picked value into an action.
fn pick<T: 'static>(d: &Callback<Action>, make: fn(T) -> Action) -> Callback<T> {
    let d = d.clone();
    Callback::from(move |v| d.emit(make(v)))
}

fn tier_row(
    w: &Workspace,
    title: String,
    fields: [Field; 3],
    row_path: Option<&str>,
    onedit: &Callback<(Field, String)>,
) -> Html {
    html! {
        <div class="tier-row">
            <p class="tier-row-title">{ title }</p>
            <div class="tier-row-fields">
                { for fields.into_iter().map(|f| render_field(w, f, onedit)) }
            </div>
            { row_path.map_or_else(|| html! {}, |p| row_error(w, p)) }
        </div>
    }
}

#[allow(clippy::too_many_lines)] // One group after another, in the order a team lead reads them.
fn advanced(w: &Workspace, onedit: &Callback<(Field, String)>, d: &Callback<Action>) -> Html {
    let lang = w.lang;
    let p = &w.params;
    let tiers3 = |f: fn(Tier) -> Field| Tier::ALL.map(f);

    let team = html! {
        <fieldset class="group">
            <legend>{ Group::Team.title().get(lang) }</legend>
            { render_field(w, Field::CostPerHour, onedit) }
            { select("in-team-init".into(), Text::FieldInitKind, lang, p.team.init,
                &[(InitialBook::Steady, "steady", Text::InitSteady), (InitialBook::Empty, "empty", Text::InitEmpty)],
                pick(d, Action::SetInit)) }
            if p.team.init == InitialBook::Steady {
                { render_field(w, Field::InitLoans, onedit) }
            }
        </fieldset>
    };

    let times = html! {
        <fieldset class="group">
            <legend>{ Group::Times.title().get(lang) }</legend>
            { for Field::of_group(Group::Times).into_iter().map(|f| render_field(w, f, onedit)) }
        </fieldset>
    };

    let channels = html! {
        <fieldset class="group">
            <legend>{ Group::Channels.title().get(lang) }</legend>
            { row_error(w, "channels") }
            { for ChannelId::ALL.into_iter().map(|c| {
                let entry = p.channels[c.index()].entry;
                let d = d.clone();
                let onentry = Callback::from(move |e: Entry| d.emit(Action::SetEntry(c, e)));
                html! {
                    <fieldset class="subgroup" key={c.id()}>
                        <legend>{ channel_label(c).get(lang) }</legend>
                        { for [Field::ChannelShare(c), Field::ChannelLeads(c), Field::ChannelSaturation(c), Field::ChannelCash(c)]
                            .into_iter().map(|f| render_field(w, f, onedit)) }
                        { select(format!("in-channels-{}-entry", c.id()), Text::FieldEntry, lang, entry,
                            &[(Entry::Contacted, "contacted", Text::EntryContacted), (Entry::Interested, "interested", Text::EntryInterested)],
                            onentry) }
                        { tier_row(w, Text::FieldMix.get(lang).to_owned(), Tier::ALL.map(|t| Field::ChannelMix(c, t)),
                            Some(&format!("channels.{}.mix", c.id())), onedit) }
                    </fieldset>
                }
            }) }
        </fieldset>
    };

    let pipeline = html! {
        <fieldset class="group">
            <legend>{ Group::Pipeline.title().get(lang) }</legend>
            { for [Field::ContactedAdvance, Field::ContactedLost, Field::InterestedAdvance, Field::InterestedLost,
                   Field::Renege, Field::QueueWeeks].into_iter().map(|f| render_field(w, f, onedit)) }
            { tier_row(w, Text::FieldApprovalProb.get(lang).to_owned(), tiers3(Field::ApprovalProb), None, onedit) }
            { render_field(w, Field::Inbound, onedit) }
            { tier_row(w, Text::FieldMix.get(lang).to_owned(), tiers3(Field::InboundMix), Some("pipeline.inbound_mix"), onedit) }
            { select("in-pipeline-queue_order".into(), Text::FieldQueueOrder, lang, p.pipeline.queue_order,
                &[(QueueOrder::Fifo, "fifo", Text::QueueFifo), (QueueOrder::QualityFirst, "quality_first", Text::QueueQuality)],
                pick(d, Action::SetQueueOrder)) }
        </fieldset>
    };

    let terms = p.loans.terms.len();
    let loans = html! {
        <fieldset class="group">
            <legend>{ Group::Loans.title().get(lang) }</legend>
            { tier_row(w, Text::FieldAmount.get(lang).to_owned(), tiers3(Field::Amount), None, onedit) }
            { tier_row(w, Text::FieldNim.get(lang).to_owned(), tiers3(Field::Nim), None, onedit) }
            { tier_row(w, Text::FieldRenewalProb.get(lang).to_owned(), tiers3(Field::RenewalProb), None, onedit) }
            { tier_row(w, Text::FieldDefaultHazard.get(lang).to_owned(), tiers3(Field::DefaultHazard), None, onedit) }
            { for [Field::Cure, Field::WriteOff, Field::Lgd, Field::MonitoringPenalty].into_iter().map(|f| render_field(w, f, onedit)) }
            { select("in-loans-amortisation".into(), Text::FieldAmortisation, lang, p.loans.amortisation,
                &[(Amortisation::EqualPrincipal, "equal_principal", Text::AmortEqual), (Amortisation::Bullet, "bullet", Text::AmortBullet)],
                pick(d, Action::SetAmortisation)) }
            <div class="list terms">
                { row_error(w, "loans.terms") }
                { for (0..terms).map(|i| {
                    let index = u8::try_from(i).unwrap_or(u8::MAX);
                    let d = d.clone();
                    html! {
                        <div class="list-row" key={i}>
                            { render_field(w, Field::TermWeeks(index), onedit) }
                            { render_field(w, Field::TermWeight(index), onedit) }
                            if terms > 1 {
                                <button type="button" class="remove" onclick={Callback::from(move |_| d.emit(Action::RemoveTerm(i)))}>
                                    { Text::TermRemove.get(lang) }
                                </button>
                            }
                        </div>
                    }
                }) }
                if terms < usize::from(MAX_TERMS) {
                    <button type="button" class="add" onclick={{ let d = d.clone(); Callback::from(move |_| d.emit(Action::AddTerm)) }}>
                        { Text::TermAdd.get(lang) }
                    </button>
                }
            </div>
            { for Tier::ALL.into_iter().map(|from| tier_row(w,
                format!("{} · {}", Text::FieldMigration.get(lang), fill(Text::FromTier.get(lang), &[tier_label(from).get(lang)])),
                Tier::ALL.map(|to| Field::Migration(from, to)),
                Some(&format!("loans.migration.{}", from.id())), onedit)) }
        </fieldset>
    };

    let referrals = html! {
        <fieldset class="group">
            <legend>{ Group::Referrals.title().get(lang) }</legend>
            { for [Field::NetworkSize, Field::NetworkNeed].into_iter().map(|f| render_field(w, f, onedit)) }
            { tier_row(w, Text::FieldIntroduce.get(lang).to_owned(), tiers3(Field::Introduce), None, onedit) }
            { for [Field::Realise, Field::Lapse].into_iter().map(|f| render_field(w, f, onedit)) }
            { for Tier::ALL.into_iter().map(|from| tier_row(w,
                format!("{} · {}", Text::FieldHomophily.get(lang), fill(Text::FromTier.get(lang), &[tier_label(from).get(lang)])),
                Tier::ALL.map(|to| Field::Homophily(from, to)),
                Some(&format!("referrals.homophily.{}", from.id())), onedit)) }
        </fieldset>
    };

    let shock_kinds = [
        (ShockChoice::Burst, "burst", Text::ShockBurst),
        (ShockChoice::Demand, "demand", Text::ShockDemand),
        (ShockChoice::Capacity, "capacity", Text::ShockCapacity),
        (ShockChoice::Credit, "credit", Text::ShockCredit),
        (
            ShockChoice::ProspectingStop,
            "prospecting_stop",
            Text::ShockProspectingStop,
        ),
        (
            ShockChoice::ProspectingResume,
            "prospecting_resume",
            Text::ShockProspectingResume,
        ),
        (
            ShockChoice::ProspectingSet,
            "prospecting_set",
            Text::ShockProspectingSet,
        ),
        (
            ShockChoice::ProspectingFloor,
            "prospecting_floor",
            Text::ShockProspectingFloor,
        ),
        (
            ShockChoice::ChannelMix,
            "channel_mix",
            Text::ShockChannelMix,
        ),
        (ShockChoice::Team, "team", Text::ShockTeam),
    ];
    let calendar = html! {
        <fieldset class="group">
            <legend>{ Group::Calendar.title().get(lang) }</legend>
            if matches!(p.calendar, Calendar::ChinaDefault { .. }) {
                { render_field(w, Field::SpringFestivalWeek, onedit) }
                { render_field(w, Field::MidAutumnWeek, onedit) }
            }
            if p.shocks.is_empty() {
                <p class="field-help">{ Text::ShocksNone.get(lang) }</p>
            }
            { for p.shocks.iter().enumerate().map(|(i, shock)| {
                let index = u8::try_from(i).unwrap_or(u8::MAX);
                let d_kind = d.clone();
                let d_remove = d.clone();
                html! {
                    <fieldset class="subgroup shock" key={i}>
                        <legend>{ fill(Text::ShockNumber.get(lang), &[&(i + 1).to_string()]) }</legend>
                        { select(format!("in-shocks-{i}-kind"), Text::FieldShockKind, lang, ShockChoice::of(&shock.kind),
                            &shock_kinds, Callback::from(move |k| d_kind.emit(Action::SetShockKind(i, k)))) }
                        { render_field(w, Field::ShockStart(index), onedit) }
                        { render_field(w, Field::ShockDuration(index), onedit) }
                        if Field::ShockSize(index).get(p).is_some() {
                            { render_field(w, Field::ShockSize(index), onedit) }
                        }
                        if let ShockKind::ChannelMix { .. } = shock.kind {
                            <div class="tier-row shock-shares">
                                <div class="tier-row-fields">
                                    { for ChannelId::ALL.into_iter().map(|c| render_field(w, Field::ShockShare(index, c), onedit)) }
                                </div>
                                { row_error(w, &format!("shocks[{i}].shares")) }
                            </div>
                        }
                        <button type="button" class="remove" onclick={Callback::from(move |_| d_remove.emit(Action::RemoveShock(i)))}>
                            { Text::ShockRemove.get(lang) }
                        </button>
                    </fieldset>
                }
            }) }
            if p.shocks.len() < usize::from(MAX_SHOCKS) {
                <div class="add-shock">
                    <span>{ Text::ShockAdd.get(lang) }{ ":" }</span>
                    { for shock_kinds.iter().map(|(k, key, text)| {
                        let d = d.clone();
                        let k = *k;
                        html! {
                            <button type="button" class="add" data-kind={*key}
                                onclick={Callback::from(move |_| d.emit(Action::AddShock(k)))}>
                                { text.get(lang) }
                            </button>
                        }
                    }) }
                </div>
            }
        </fieldset>
    };

    html! { <>{ team }{ times }{ channels }{ pipeline }{ loans }{ referrals }{ calendar }</> }
}
