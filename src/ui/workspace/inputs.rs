//! The inputs panel's view model: every input as it is shown — label, unit, range, help, the text
//! as typed and its messages — grouped the way the panel lays them out.
//!
//! The panel's component only arranges these; which inputs exist for this scenario (the terms, the
//! shocks and their kinds, the policy's settings) is decided here, from the draft.

use crate::engine::params::{
    Amortisation, Calendar, Entry, InitialBook, PolicyKind, QueueOrder, ShockKind,
};
use crate::engine::{presets, ChannelId, Tier};
use crate::i18n::{fill, Lang, Text};
use crate::ui::workspace::fields::{
    channel_label, tier_label, Field, Group, MAX_SHOCKS, MAX_TERMS,
};
use crate::ui::workspace::view::{
    error_text, field_error_text, input_problem_text, policy_fields, preset_title, range_hint,
    variant_label,
};
use crate::ui::workspace::{Model, ShockChoice};

/// One numeric input.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldView {
    pub field: Field,
    /// The DOM id (`in-team-ams`).
    pub id: String,
    /// The JSON path (`team.ams`), the input's `name`.
    pub path: String,
    pub label: String,
    /// The tier or channel in a table row, e.g. "Prime".
    pub qualifier: Option<String>,
    /// The text the input shows: as typed, else the draft's value.
    pub text: String,
    pub unit: String,
    /// "0.25–16".
    pub range: String,
    pub help: String,
    /// Whether the help is written under this input (else a neighbour with the same help says it;
    /// it stays the input's tooltip).
    pub help_shown: bool,
    pub placeholder: Option<String>,
    /// Messages about this field (input problems and engine errors); empty when valid.
    pub errors: Vec<String>,
    /// "Fitted from book.csv, 2026-12-01 (n = 412)…" while the value is one fitted from the
    /// team's data (issue 17).
    pub source: Option<String>,
}

/// A row of three tier inputs (or a matrix row) with the row's own messages.
#[derive(Debug, Clone, PartialEq)]
pub struct TierRowView {
    pub title: String,
    /// The unit and valid range the row's inputs share ("h · valid: 0.25–16"), shown once under
    /// the title; empty when they differ.
    pub note: String,
    /// What the row's inputs mean (their shared help), shown once under the title.
    pub help: String,
    pub fields: Vec<FieldView>,
    /// The path of rules about the whole row (a mix that must sum to 1), if any.
    pub path: Option<String>,
    pub errors: Vec<String>,
}

/// One channel's inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelView {
    pub channel: ChannelId,
    pub name: String,
    /// Hour share, leads per hour, saturation, cash per hour.
    pub fields: Vec<FieldView>,
    pub entry: Entry,
    pub mix: TierRowView,
}

/// One shock's inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct ShockView {
    pub index: usize,
    pub choice: ShockChoice,
    /// "Shock 1".
    pub title: String,
    pub start: FieldView,
    pub duration: FieldView,
    /// The size (applications, multiplier, share, hours or AMs), when the kind has one.
    pub size: Option<FieldView>,
    /// A channel-mix change's nine shares and their sum's messages.
    pub shares: Option<TierRowView>,
}

/// One preset in the picker, under its title: (value, label) of each policy variant.
#[derive(Debug, Clone, PartialEq)]
pub struct PresetGroup {
    pub id: &'static str,
    pub title: String,
    pub options: Vec<(String, String)>,
}

/// The loans group: amounts, margins, renewal, defaults, terms and migration.
#[derive(Debug, Clone, PartialEq)]
pub struct LoansView {
    pub amount: TierRowView,
    pub nim: TierRowView,
    pub renewal: TierRowView,
    pub default_hazard: TierRowView,
    /// Cure, write-off, loss given default, monitoring penalty.
    pub loan_rates: Vec<FieldView>,
    pub amortisation: Amortisation,
    /// (weeks, weight) of each term class.
    pub terms: Vec<(FieldView, FieldView)>,
    pub term_errors: Vec<String>,
    pub can_add_term: bool,
    pub migration: Vec<TierRowView>,
}

/// Every input of MODEL.md section 3 that the basic view hides.
#[derive(Debug, Clone, PartialEq)]
pub struct AdvancedView {
    pub cost: FieldView,
    pub init: InitialBook,
    pub init_loans: Option<FieldView>,
    pub times: Vec<FieldView>,
    pub channel_errors: Vec<String>,
    pub channels: Vec<ChannelView>,
    /// The pipeline's exit rates, reneging and the queue's limit.
    pub pipeline: Vec<FieldView>,
    pub approval: TierRowView,
    pub inbound: FieldView,
    pub inbound_mix: TierRowView,
    pub queue_order: QueueOrder,
    pub loans: LoansView,
    /// Network size and need.
    pub network: Vec<FieldView>,
    pub introduce: TierRowView,
    /// Realise and lapse.
    pub referral_exits: Vec<FieldView>,
    pub homophily: Vec<TierRowView>,
    /// Spring Festival and Mid-Autumn weeks, with the China calendar.
    pub festivals: Option<(FieldView, FieldView)>,
    pub shocks: Vec<ShockView>,
    pub can_add_shock: bool,
}

/// The inputs panel.
#[derive(Debug, Clone, PartialEq)]
pub struct InputsView {
    /// Engine errors no input or row owns, as "path: message".
    pub unplaced: Vec<String>,
    pub presets: Vec<PresetGroup>,
    /// Team size, hours, target and horizon.
    pub basic_team: Vec<FieldView>,
    /// `YYYY-MM-DD`.
    pub start_date: String,
    pub policy: PolicyKind,
    pub policy_fields: Vec<FieldView>,
    pub china_calendar: bool,
    pub advanced_shown: bool,
    pub advanced: Option<Box<AdvancedView>>,
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

/// An input's name as a person reads it out of context: its label with its tier or channel
/// ("Saturation · Cold visits").
#[must_use]
pub fn field_name(field: Field, lang: Lang) -> String {
    let label = field.label().get(lang);
    match qualifier(field, lang) {
        Some(q) => format!("{label} · {q}"),
        None => label.to_owned(),
    }
}

/// One input as shown for the draft `ws`.
#[must_use]
pub fn field_view(ws: &Model, field: Field, lang: Lang) -> FieldView {
    let p = &ws.params;
    let range = field.range_in(p);
    let mut errors: Vec<String> = ws
        .input_problems
        .get(&field)
        .map(|problem| input_problem_text(*problem, lang))
        .into_iter()
        .collect();
    errors.extend(ws.errors_for(field).map(|e| field_error_text(e, p, lang)));
    FieldView {
        field,
        id: field.dom_id(),
        path: field.path(),
        label: field.label().get(lang).to_owned(),
        qualifier: qualifier(field, lang),
        text: ws.field_text(field),
        unit: field.unit_in(p).get(lang).to_owned(),
        range: range_hint(&range, lang),
        help: field.help().get(lang).to_owned(),
        help_shown: true,
        placeholder: field
            .allows_auto()
            .then(|| Text::AutoPlaceholder.get(lang).to_owned()),
        errors,
        source: crate::scenario::sources::source_of(p, &field.path_in(p)).map(|s| {
            fill(
                Text::FieldFittedFrom.get(lang),
                &[&s.file, &s.fitted_on, &crate::ui::format::number(s.n, 0)],
            )
        }),
    }
}

fn row_errors(ws: &Model, path: &str, lang: Lang) -> Vec<String> {
    ws.row_errors(path)
        .map(|e| error_text(e, &ws.params, lang))
        .collect()
}

fn tier_row(
    ws: &Model,
    title: String,
    fields: [Field; 3],
    path: Option<String>,
    lang: Lang,
) -> TierRowView {
    let fields: Vec<FieldView> = fields.iter().map(|f| field_view(ws, *f, lang)).collect();
    TierRowView {
        title,
        note: row_note(&fields, lang),
        help: row_help(&fields),
        fields,
        errors: path
            .as_deref()
            .map(|p| row_errors(ws, p, lang))
            .unwrap_or_default(),
        path,
    }
}

/// The help a row's inputs share (one question for the three tiers), said once.
fn row_help(fields: &[FieldView]) -> String {
    match fields.first() {
        Some(first) if fields.iter().all(|f| f.help == first.help) => first.help.clone(),
        _ => String::new(),
    }
}

/// The unit and range a row's inputs share, said once.
fn row_note(fields: &[FieldView], lang: Lang) -> String {
    let Some(first) = fields.first() else {
        return String::new();
    };
    if fields
        .iter()
        .any(|f| f.unit != first.unit || f.range != first.range)
    {
        return String::new();
    }
    let range = format!("{} {}", Text::ValidRange.get(lang), first.range);
    if first.unit.is_empty() {
        range
    } else {
        format!("{} · {range}", first.unit)
    }
}

/// A field of a scenario, a library file or a link by its name in `lang`: the input's label with
/// its tier or channel, else the group it belongs to; a library file's entry is named by number.
#[must_use]
pub fn path_name(path: &str, params: &crate::engine::Params, lang: Lang) -> String {
    let (entry, inner) = match path.rsplit_once("scenario.") {
        Some((outer, inner)) => (entry_number(outer), inner),
        None => (None, path),
    };
    let name = Field::from_path(inner, params)
        .map(|field| field_name(field, lang))
        .or_else(|| group_name(inner).map(|key| key.get(lang).to_owned()))
        .unwrap_or_default();
    match entry {
        Some(n) if name.is_empty() => fill(Text::ProblemEntry.get(lang), &[&n.to_string()]),
        Some(n) => format!(
            "{} · {name}",
            fill(Text::ProblemEntry.get(lang), &[&n.to_string()])
        ),
        None => name,
    }
}

/// `scenarios[2].` → 3 (entries are counted from 1, as a person counts them).
fn entry_number(outer: &str) -> Option<usize> {
    let start = outer.find("scenarios[")? + "scenarios[".len();
    let end = start + outer[start..].find(']')?;
    outer[start..end].parse::<usize>().ok().map(|i| i + 1)
}

/// The group of the page's inputs a path belongs to, by its first part.
fn group_name(path: &str) -> Option<Text> {
    let head = path.split(['.', '[']).next().unwrap_or_default();
    Some(match head {
        "team" | "run" => Text::GroupTeam,
        "activity_hours" => Text::GroupTimes,
        "channels" => Text::GroupChannels,
        "pipeline" => Text::GroupPipeline,
        "loans" => Text::GroupLoans,
        "referrals" => Text::GroupReferrals,
        "calendar" | "shocks" => Text::GroupCalendar,
        "interventions" => Text::ProblemDecisions,
        "policy" => Text::GroupPolicy,
        "plan" => Text::ViewPlan,
        "version" => Text::ProblemVersion,
        "format" => Text::ProblemFormat,
        _ => return None,
    })
}

/// Inputs in a list; the help several inputs in a row share (the three tiers of one question) is
/// said once, under the last of them.
fn views(ws: &Model, fields: &[Field], lang: Lang) -> Vec<FieldView> {
    let mut views: Vec<FieldView> = fields.iter().map(|f| field_view(ws, *f, lang)).collect();
    for i in 1..views.len() {
        if views[i].help == views[i - 1].help {
            views[i - 1].help_shown = false;
        }
    }
    views
}

/// The inputs panel for the draft `ws`.
#[must_use]
pub fn inputs_view(ws: &Model, lang: Lang) -> InputsView {
    let unplaced = ws
        .unplaced_errors()
        .map(|e| {
            format!(
                "{}: {} ({})",
                path_name(&e.param, &ws.params, lang),
                error_text(e, &ws.params, lang),
                e.param
            )
        })
        .collect();
    let presets = presets::all()
        .into_iter()
        .map(|preset| {
            let title = preset_title(preset.id()).map_or(preset.text.title, |t| t.get(lang));
            PresetGroup {
                id: preset.id(),
                title: title.to_owned(),
                options: preset
                    .variants
                    .iter()
                    .enumerate()
                    .map(|(i, v)| {
                        let label = variant_label(v.id).map_or(v.label, |t| t.get(lang));
                        (format!("{}:{i}", preset.id()), format!("{title} · {label}"))
                    })
                    .collect(),
            }
        })
        .collect();
    InputsView {
        unplaced,
        presets,
        basic_team: views(
            ws,
            &[
                Field::Ams,
                Field::HoursPerWeek,
                Field::TargetLoans,
                Field::HorizonWeeks,
            ],
            lang,
        ),
        start_date: ws.start_date.format("%Y-%m-%d").to_string(),
        policy: ws.params.policy.kind,
        policy_fields: views(ws, policy_fields(ws.params.policy.kind), lang),
        china_calendar: !matches!(ws.params.calendar, Calendar::None),
        advanced_shown: ws.advanced,
        advanced: ws.advanced.then(|| Box::new(advanced_view(ws, lang))),
    }
}

fn advanced_view(ws: &Model, lang: Lang) -> AdvancedView {
    let p = &ws.params;
    let text = |t: Text| t.get(lang).to_owned();
    let tiers = |f: fn(Tier) -> Field| Tier::ALL.map(f);
    AdvancedView {
        cost: field_view(ws, Field::CostPerHour, lang),
        init: p.team.init,
        init_loans: (p.team.init == InitialBook::Steady)
            .then(|| field_view(ws, Field::InitLoans, lang)),
        times: views(ws, &Field::of_group(Group::Times), lang),
        channel_errors: row_errors(ws, "channels", lang),
        channels: channel_views(ws, lang),
        pipeline: views(
            ws,
            &[
                Field::ContactedAdvance,
                Field::ContactedLost,
                Field::InterestedAdvance,
                Field::InterestedLost,
                Field::Renege,
                Field::QueueWeeks,
            ],
            lang,
        ),
        approval: tier_row(
            ws,
            text(Text::FieldApprovalProb),
            tiers(Field::ApprovalProb),
            None,
            lang,
        ),
        inbound: field_view(ws, Field::Inbound, lang),
        inbound_mix: tier_row(
            ws,
            text(Text::FieldMix),
            tiers(Field::InboundMix),
            Some("pipeline.inbound_mix".to_owned()),
            lang,
        ),
        queue_order: p.pipeline.queue_order,
        loans: loan_views(ws, lang),
        network: views(ws, &[Field::NetworkSize, Field::NetworkNeed], lang),
        introduce: tier_row(
            ws,
            text(Text::FieldIntroduce),
            tiers(Field::Introduce),
            None,
            lang,
        ),
        referral_exits: views(ws, &[Field::Realise, Field::Lapse], lang),
        homophily: matrix(
            ws,
            Text::FieldHomophily,
            Field::Homophily,
            "referrals.homophily",
            lang,
        ),
        festivals: matches!(p.calendar, Calendar::ChinaDefault { .. }).then(|| {
            (
                field_view(ws, Field::SpringFestivalWeek, lang),
                field_view(ws, Field::MidAutumnWeek, lang),
            )
        }),
        shocks: shock_views(ws, lang),
        can_add_shock: p.shocks.len() < usize::from(MAX_SHOCKS),
    }
}

fn channel_views(ws: &Model, lang: Lang) -> Vec<ChannelView> {
    let p = &ws.params;
    let text = |t: Text| t.get(lang).to_owned();
    ChannelId::ALL
        .into_iter()
        .map(|c| ChannelView {
            channel: c,
            name: channel_label(c).get(lang).to_owned(),
            fields: views(
                ws,
                &[
                    Field::ChannelShare(c),
                    Field::ChannelLeads(c),
                    Field::ChannelSaturation(c),
                    Field::ChannelCash(c),
                ],
                lang,
            ),
            entry: p.channels[c.index()].entry,
            mix: tier_row(
                ws,
                text(Text::FieldMix),
                Tier::ALL.map(|t| Field::ChannelMix(c, t)),
                Some(format!("channels.{}.mix", c.id())),
                lang,
            ),
        })
        .collect()
}

fn shock_views(ws: &Model, lang: Lang) -> Vec<ShockView> {
    let p = &ws.params;
    p.shocks
        .iter()
        .enumerate()
        .map(|(i, shock)| {
            let index = u8::try_from(i).unwrap_or(u8::MAX);
            ShockView {
                index: i,
                choice: ShockChoice::of(&shock.kind),
                title: fill(Text::ShockNumber.get(lang), &[&(i + 1).to_string()]),
                start: field_view(ws, Field::ShockStart(index), lang),
                duration: field_view(ws, Field::ShockDuration(index), lang),
                size: Field::ShockSize(index)
                    .get(p)
                    .is_some()
                    .then(|| field_view(ws, Field::ShockSize(index), lang)),
                shares: matches!(shock.kind, ShockKind::ChannelMix { .. }).then(|| {
                    let path = format!("shocks[{i}].shares");
                    let fields: Vec<FieldView> = ChannelId::ALL
                        .into_iter()
                        .map(|c| field_view(ws, Field::ShockShare(index, c), lang))
                        .collect();
                    TierRowView {
                        title: String::new(),
                        note: row_note(&fields, lang),
                        help: String::new(),
                        fields,
                        errors: row_errors(ws, &path, lang),
                        path: Some(path),
                    }
                }),
            }
        })
        .collect()
}

/// The rows of a tier matrix (migration, homophily): one row per tier moved from.
fn matrix(
    ws: &Model,
    label: Text,
    f: fn(Tier, Tier) -> Field,
    base: &str,
    lang: Lang,
) -> Vec<TierRowView> {
    Tier::ALL
        .into_iter()
        .map(|from| {
            tier_row(
                ws,
                format!(
                    "{} · {}",
                    label.get(lang),
                    fill(Text::FromTier.get(lang), &[tier_label(from).get(lang)])
                ),
                Tier::ALL.map(|to| f(from, to)),
                Some(format!("{base}.{}", from.id())),
                lang,
            )
        })
        .collect()
}

fn loan_views(ws: &Model, lang: Lang) -> LoansView {
    let p = &ws.params;
    let text = |t: Text| t.get(lang).to_owned();
    let tiers = |f: fn(Tier) -> Field| Tier::ALL.map(f);
    let terms = p.loans.terms.len();
    LoansView {
        amount: tier_row(
            ws,
            text(Text::FieldAmount),
            tiers(Field::Amount),
            None,
            lang,
        ),
        nim: tier_row(ws, text(Text::FieldNim), tiers(Field::Nim), None, lang),
        renewal: tier_row(
            ws,
            text(Text::FieldRenewalProb),
            tiers(Field::RenewalProb),
            None,
            lang,
        ),
        default_hazard: tier_row(
            ws,
            text(Text::FieldDefaultHazard),
            tiers(Field::DefaultHazard),
            None,
            lang,
        ),
        loan_rates: views(
            ws,
            &[
                Field::Cure,
                Field::WriteOff,
                Field::Lgd,
                Field::MonitoringPenalty,
            ],
            lang,
        ),
        amortisation: p.loans.amortisation,
        terms: (0..terms)
            .map(|i| {
                let index = u8::try_from(i).unwrap_or(u8::MAX);
                (
                    field_view(ws, Field::TermWeeks(index), lang),
                    field_view(ws, Field::TermWeight(index), lang),
                )
            })
            .collect(),
        term_errors: row_errors(ws, "loans.terms", lang),
        can_add_term: terms < usize::from(MAX_TERMS),
        migration: matrix(
            ws,
            Text::FieldMigration,
            Field::Migration,
            "loans.migration",
            lang,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn a_question_three_tiers_share_is_written_once_under_the_last() {
        let mut ws = Model::new(NaiveDate::from_ymd_opt(2026, 12, 7).expect("date"));
        ws.update(crate::ui::workspace::Action::ToggleAdvanced, Lang::En);
        let view = inputs_view(&ws, Lang::En);
        let times = &view.advanced.as_ref().expect("advanced").times;
        // Every run of inputs with one help shows it once, under its last input.
        for (i, f) in times.iter().enumerate() {
            let next_same = times.get(i + 1).is_some_and(|n| n.help == f.help);
            assert_eq!(f.help_shown, !next_same, "{:?}", f.field);
        }
        let investigation: Vec<bool> = times
            .iter()
            .filter(|f| matches!(f.field, Field::Investigation(_)))
            .map(|f| f.help_shown)
            .collect();
        assert_eq!(&investigation[..2], [false, false]);
        assert!(
            times.iter().all(|f| !f.help.is_empty()),
            "every input keeps its tooltip"
        );
    }

    #[test]
    fn a_path_is_named_in_the_pages_language() {
        let p = crate::engine::Params::default();
        assert_eq!(path_name("team.ams", &p, Lang::En), "Account managers");
        assert_eq!(path_name("team.ams", &p, Lang::Zh), "客户经理人数");
        assert_eq!(
            path_name("scenarios[2].scenario.team.ams", &p, Lang::En),
            "Scenario 3 · Account managers"
        );
        assert_eq!(
            path_name("shocks[0].kind", &p, Lang::En),
            "Calendar and shocks"
        );
        assert_eq!(path_name("nonsense", &p, Lang::En), "");
    }
}
