//! The inputs panel: the basic view (the inputs that matter most) and, on request, every input of
//! MODEL.md section 3 grouped the way a team lead thinks. It lays out its `InputsView`; every text
//! and message comes from there.

use yew::prelude::*;

use crate::engine::params::{Amortisation, Entry, InitialBook, PolicyKind, QueueOrder};
use crate::i18n::{Lang, Text};
use crate::ui::workspace::components::number_field::NumberField;
use crate::ui::workspace::fields::{Field, Group};
use crate::ui::workspace::inputs::{
    AdvancedView, FieldView, InputsView, LoansView, ShockView, TierRowView,
};
use crate::ui::workspace::{Action, CalendarChoice, ShockChoice};

#[derive(Properties, PartialEq)]
pub struct InputsProps {
    pub view: InputsView,
    pub lang: Lang,
    pub ondispatch: Callback<Action>,
}

/// What the panel's parts need to render and to report edits.
struct Ctx<'a> {
    lang: Lang,
    onedit: &'a Callback<(Field, String)>,
    d: &'a Callback<Action>,
}

impl Ctx<'_> {
    fn field(&self, view: &FieldView) -> Html {
        html! {
            <NumberField key={view.path.clone()} view={view.clone()} lang={self.lang}
                onedit={self.onedit.clone()} />
        }
    }

    fn fields(&self, views: &[FieldView]) -> Html {
        views.iter().map(|v| self.field(v)).collect()
    }

    fn tier_row(&self, row: &TierRowView) -> Html {
        html! {
            <div class="tier-row">
                <p class="tier-row-title">{ &row.title }</p>
                if !row.help.is_empty() {
                    <p class="tier-row-help">{ &row.help }</p>
                }
                if !row.note.is_empty() {
                    <p class="tier-row-note">{ &row.note }</p>
                }
                <div class="tier-row-fields">{ self.fields(&row.fields) }</div>
                { row.path.as_deref().map_or_else(|| html! {}, |p| row_error(p, &row.errors)) }
            </div>
        }
    }

    /// A callback that turns a picked value into an action.
    fn pick<T: 'static>(&self, make: fn(T) -> Action) -> Callback<T> {
        self.d.reform(make)
    }
}

fn row_error(path: &str, messages: &[String]) -> Html {
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

const POLICIES: [(PolicyKind, &str, Text); 3] = [
    (PolicyKind::Fixed, "a", Text::PolicyFixed),
    (PolicyKind::StopWhenBusy, "b", Text::PolicyStopWhenBusy),
    (PolicyKind::TargetPipeline, "c", Text::PolicyTargetPipeline),
];

const CALENDARS: [(CalendarChoice, &str, Text); 2] = [
    (CalendarChoice::None, "none", Text::CalendarNone),
    (CalendarChoice::China, "china", Text::CalendarChina),
];

#[function_component(InputsPanel)]
pub fn inputs_panel(props: &InputsProps) -> Html {
    let v = &props.view;
    let lang = props.lang;
    let onedit = props
        .ondispatch
        .reform(|(field, text): (Field, String)| Action::EditField(field, text));
    let ctx = Ctx {
        lang,
        onedit: &onedit,
        d: &props.ondispatch,
    };
    let onstartdate = props.ondispatch.reform(|e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        Action::SetStartDate(input.value())
    });
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
    let ontoggle = props.ondispatch.reform(|_| Action::ToggleAdvanced);
    let calendar = if v.china_calendar {
        CalendarChoice::China
    } else {
        CalendarChoice::None
    };
    html! {
        <div class="inputs">
            if !v.unplaced.is_empty() {
                <div class="form-errors" role="alert">
                    <p>{ Text::OtherProblems.get(lang) }</p>
                    <ul>{ for v.unplaced.iter().map(|m| html! { <li>{ m }</li> }) }</ul>
                </div>
            }
            <div class="field preset-pick">
                <label for="in-preset"><span class="field-label">{ Text::PresetPick.get(lang) }</span></label>
                <div class="field-row">
                    <select id="in-preset" onchange={onpreset}>
                        <option value="" selected=true>{ Text::PresetPickNone.get(lang) }</option>
                        { for v.presets.iter().map(|group| html! {
                            <optgroup label={group.title.clone()} key={group.id}>
                                { for group.options.iter().map(|(value, label)| html! {
                                    <option value={value.clone()}>{ label }</option>
                                }) }
                            </optgroup>
                        }) }
                    </select>
                </div>
            </div>
            <fieldset class="group group-basic">
                <legend>{ Group::Team.title().get(lang) }</legend>
                { ctx.fields(&v.basic_team) }
                <div class="field">
                    <label for="in-start-date"><span class="field-label">{ Text::FieldStartDate.get(lang) }</span></label>
                    <div class="field-row">
                        <input id="in-start-date" type="date" value={v.start_date.clone()}
                            onchange={onstartdate} title={Text::HelpStartDate.get(lang)} />
                    </div>
                    <p class="field-help"><span class="field-why">{ Text::HelpStartDate.get(lang) }</span></p>
                </div>
            </fieldset>
            <fieldset class="group group-policy">
                <legend>{ Group::Policy.title().get(lang) }</legend>
                { select("in-policy-kind".into(), Text::FieldPolicyKind, lang, v.policy, &POLICIES, ctx.pick(Action::SetPolicy)) }
                { ctx.fields(&v.policy_fields) }
                { select("in-calendar".into(), Text::FieldCalendar, lang, calendar, &CALENDARS, ctx.pick(Action::SetCalendar)) }
            </fieldset>
            <button type="button" class="toggle-advanced" aria-expanded={v.advanced_shown.to_string()} onclick={ontoggle}>
                { if v.advanced_shown { Text::HideAdvanced.get(lang) } else { Text::ShowAdvanced.get(lang) } }
            </button>
            if let Some(advanced) = &v.advanced {
                { fold(Group::Team, lang, team(&ctx, advanced)) }
                { fold(Group::Times, lang, html! {
                    <fieldset class="group">
                        <legend>{ Group::Times.title().get(lang) }</legend>
                        { ctx.fields(&advanced.times) }
                    </fieldset>
                }) }
                { fold(Group::Channels, lang, channels(&ctx, advanced)) }
                { fold(Group::Pipeline, lang, pipeline(&ctx, advanced)) }
                { fold(Group::Loans, lang, loans(&ctx, &advanced.loans)) }
                { fold(Group::Referrals, lang, referrals(&ctx, advanced)) }
                { fold(Group::Calendar, lang, calendar_group(&ctx, advanced)) }
            }
        </div>
    }
}

/// An advanced group as a section that can be folded away (open at first; the browser keeps
/// what the person folded, since the page never sets it again).
fn fold(group: Group, lang: Lang, body: Html) -> Html {
    html! {
        <details class="fold" open=true>
            <summary>{ group.title().get(lang) }</summary>
            { body }
        </details>
    }
}

fn team(ctx: &Ctx<'_>, a: &AdvancedView) -> Html {
    let lang = ctx.lang;
    html! {
        <fieldset class="group">
            <legend>{ Group::Team.title().get(lang) }</legend>
            { ctx.field(&a.cost) }
            { select("in-team-init".into(), Text::FieldInitKind, lang, a.init,
                &[(InitialBook::Steady, "steady", Text::InitSteady), (InitialBook::Empty, "empty", Text::InitEmpty)],
                ctx.pick(Action::SetInit)) }
            if let Some(init_loans) = &a.init_loans {
                { ctx.field(init_loans) }
            }
        </fieldset>
    }
}

fn channels(ctx: &Ctx<'_>, a: &AdvancedView) -> Html {
    let lang = ctx.lang;
    html! {
        <fieldset class="group">
            <legend>{ Group::Channels.title().get(lang) }</legend>
            { row_error("channels", &a.channel_errors) }
            { for a.channels.iter().map(|c| {
                let channel = c.channel;
                let onentry = ctx.d.reform(move |e: Entry| Action::SetEntry(channel, e));
                html! {
                    <fieldset class="subgroup" key={channel.id()}>
                        <legend>{ &c.name }</legend>
                        { ctx.fields(&c.fields) }
                        { select(format!("in-channels-{}-entry", channel.id()), Text::FieldEntry, lang, c.entry,
                            &[(Entry::Contacted, "contacted", Text::EntryContacted), (Entry::Interested, "interested", Text::EntryInterested)],
                            onentry) }
                        { ctx.tier_row(&c.mix) }
                    </fieldset>
                }
            }) }
        </fieldset>
    }
}

fn pipeline(ctx: &Ctx<'_>, a: &AdvancedView) -> Html {
    let lang = ctx.lang;
    html! {
        <fieldset class="group">
            <legend>{ Group::Pipeline.title().get(lang) }</legend>
            { ctx.fields(&a.pipeline) }
            { ctx.tier_row(&a.approval) }
            { ctx.field(&a.inbound) }
            { ctx.tier_row(&a.inbound_mix) }
            { select("in-pipeline-queue_order".into(), Text::FieldQueueOrder, lang, a.queue_order,
                &[(QueueOrder::Fifo, "fifo", Text::QueueFifo), (QueueOrder::QualityFirst, "quality_first", Text::QueueQuality)],
                ctx.pick(Action::SetQueueOrder)) }
        </fieldset>
    }
}

fn loans(ctx: &Ctx<'_>, a: &LoansView) -> Html {
    let lang = ctx.lang;
    let terms = a.terms.len();
    html! {
        <fieldset class="group">
            <legend>{ Group::Loans.title().get(lang) }</legend>
            { ctx.tier_row(&a.amount) }
            { ctx.tier_row(&a.nim) }
            { ctx.tier_row(&a.renewal) }
            { ctx.tier_row(&a.default_hazard) }
            { ctx.fields(&a.loan_rates) }
            { select("in-loans-amortisation".into(), Text::FieldAmortisation, lang, a.amortisation,
                &[(Amortisation::EqualPrincipal, "equal_principal", Text::AmortEqual), (Amortisation::Bullet, "bullet", Text::AmortBullet)],
                ctx.pick(Action::SetAmortisation)) }
            <div class="list terms">
                { row_error("loans.terms", &a.term_errors) }
                { for a.terms.iter().enumerate().map(|(i, (weeks, weight))| html! {
                    <div class="list-row" key={i}>
                        { ctx.field(weeks) }
                        { ctx.field(weight) }
                        if terms > 1 {
                            <button type="button" class="remove" onclick={ctx.d.reform(move |_| Action::RemoveTerm(i))}>
                                { Text::TermRemove.get(lang) }
                            </button>
                        }
                    </div>
                }) }
                if a.can_add_term {
                    <button type="button" class="add" onclick={ctx.d.reform(|_| Action::AddTerm)}>
                        { Text::TermAdd.get(lang) }
                    </button>
                }
            </div>
            { for a.migration.iter().map(|row| ctx.tier_row(row)) }
        </fieldset>
    }
}

fn referrals(ctx: &Ctx<'_>, a: &AdvancedView) -> Html {
    html! {
        <fieldset class="group">
            <legend>{ Group::Referrals.title().get(ctx.lang) }</legend>
            { ctx.fields(&a.network) }
            { ctx.tier_row(&a.introduce) }
            { ctx.fields(&a.referral_exits) }
            { for a.homophily.iter().map(|row| ctx.tier_row(row)) }
        </fieldset>
    }
}

const SHOCK_KINDS: [(ShockChoice, &str, Text); 10] = [
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

fn shock(ctx: &Ctx<'_>, s: &ShockView) -> Html {
    let lang = ctx.lang;
    let i = s.index;
    html! {
        <fieldset class="subgroup shock" key={i}>
            <legend>{ &s.title }</legend>
            { select(format!("in-shocks-{i}-kind"), Text::FieldShockKind, lang, s.choice,
                &SHOCK_KINDS, ctx.d.reform(move |k| Action::SetShockKind(i, k))) }
            { ctx.field(&s.start) }
            { ctx.field(&s.duration) }
            if let Some(size) = &s.size {
                { ctx.field(size) }
            }
            if let Some(shares) = &s.shares {
                <div class="tier-row shock-shares">
                    <div class="tier-row-fields">{ ctx.fields(&shares.fields) }</div>
                    { shares.path.as_deref().map_or_else(|| html! {}, |p| row_error(p, &shares.errors)) }
                </div>
            }
            <button type="button" class="remove" onclick={ctx.d.reform(move |_| Action::RemoveShock(i))}>
                { Text::ShockRemove.get(lang) }
            </button>
        </fieldset>
    }
}

fn calendar_group(ctx: &Ctx<'_>, a: &AdvancedView) -> Html {
    let lang = ctx.lang;
    html! {
        <fieldset class="group">
            <legend>{ Group::Calendar.title().get(lang) }</legend>
            if let Some((spring, autumn)) = &a.festivals {
                { ctx.field(spring) }
                { ctx.field(autumn) }
            }
            if a.shocks.is_empty() {
                <p class="field-help">{ Text::ShocksNone.get(lang) }</p>
            }
            { for a.shocks.iter().map(|s| shock(ctx, s)) }
            if a.can_add_shock {
                <div class="add-shock">
                    <span>{ Text::ShockAdd.get(lang) }{ ":" }</span>
                    { for SHOCK_KINDS.iter().map(|(k, key, text)| {
                        let k = *k;
                        html! {
                            <button type="button" class="add" data-kind={*key}
                                onclick={ctx.d.reform(move |_| Action::AddShock(k))}>
                                { text.get(lang) }
                            </button>
                        }
                    }) }
                </div>
            }
        </fieldset>
    }
}
