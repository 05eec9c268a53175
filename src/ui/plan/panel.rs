//! The plan panel's view model: the goal form's inputs with their messages, and the plan shown
//! (or why there is none).

use crate::engine::plan::{MixChoice, Objective};
use crate::i18n::{Lang, Text};
use crate::scenario::plan_out::weekday_text;
use crate::ui::plan::view::{
    block_choices, no_plan_text, parse_goal, plan_view, GoalForm, GoalInput, PlanView,
};
use crate::ui::plan::Model;
use crate::ui::workspace;

/// One numeric input of the goal form.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalFieldView {
    pub input: GoalInput,
    pub id: &'static str,
    pub label: String,
    pub unit: String,
    pub help: String,
    pub text: String,
    pub placeholder: Option<String>,
    pub errors: Vec<String>,
}

/// The goal form's choices that are not numbers: the selects and the weekday boxes.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalChoices {
    pub growth: bool,
    pub objective: Objective,
    pub mix: MixChoice,
    /// (hours, label) of each block size offered.
    pub blocks: Vec<(f64, &'static str)>,
    /// Which of `blocks` is chosen.
    pub block: usize,
    /// (weekday label, chosen) Monday first.
    pub weekdays: Vec<(&'static str, bool)>,
    pub calendar_per_team: bool,
}

impl GoalChoices {
    /// The choices as `form` holds them.
    #[must_use]
    pub fn of_form(form: &GoalForm, lang: Lang) -> Self {
        let blocks = block_choices(lang);
        let block = blocks
            .iter()
            .position(|(hours, _)| (hours - form.block_hours).abs() < 1e-9)
            .unwrap_or(0);
        Self {
            growth: form.growth,
            objective: form.objective,
            mix: form.mix,
            blocks,
            block,
            weekdays: (0..7)
                .map(|d| (weekday_text(d, lang), form.weekdays[d]))
                .collect(),
            calendar_per_team: form.calendar_per_team,
        }
    }
}

/// The plan panel.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanPanelView {
    /// Nothing can be planned before a scenario has run.
    pub no_scenario: bool,
    /// Every numeric input, in `GoalInput::ALL` order.
    pub fields: Vec<GoalFieldView>,
    pub choices: GoalChoices,
    /// The plan shown.
    pub plan: Option<PlanView>,
    /// Whether the goal as typed has errors (the plan shown is then the last one).
    pub stale_goal: bool,
    /// Why no plan meets the goal.
    pub no_plan: Option<String>,
}

impl PlanPanelView {
    /// The view of one input.
    #[must_use]
    pub fn field(&self, input: GoalInput) -> Option<&GoalFieldView> {
        self.fields.iter().find(|f| f.input == input)
    }
}

/// The plan panel for `model` over the workspace `ws`.
#[must_use]
pub fn plan_panel_view(model: &Model, ws: &workspace::Model, lang: Lang) -> PlanPanelView {
    let form: &GoalForm = &model.form;
    let choices = GoalChoices::of_form(form, lang);
    let Some(result) = &ws.result else {
        return PlanPanelView {
            no_scenario: true,
            fields: Vec::new(),
            choices,
            plan: None,
            stale_goal: false,
            no_plan: None,
        };
    };
    let errors = parse_goal(form, &result.params, lang)
        .err()
        .unwrap_or_default();
    let fields = GoalInput::ALL
        .into_iter()
        .map(|input| GoalFieldView {
            input,
            id: input.dom_id(),
            label: input.label().get(lang).to_owned(),
            unit: input.unit().get(lang).to_owned(),
            help: input.help().get(lang).to_owned(),
            text: form.text(input).to_owned(),
            placeholder: GoalForm::placeholder(input, &result.params, lang),
            errors: errors
                .iter()
                .filter(|e| e.input == input)
                .map(|e| e.message.clone())
                .collect(),
        })
        .collect();
    let shown = model.shown(ws, lang);
    PlanPanelView {
        no_scenario: false,
        fields,
        choices,
        plan: shown
            .as_ref()
            .map(|s| plan_view(&s.plan, &s.params, s.start_date, lang)),
        stale_goal: !errors.is_empty(),
        no_plan: match model.outcome() {
            Some(Err(error)) if shown.is_none() => Some(no_plan_text(
                error,
                model
                    .settled_goal(&result.params, lang)
                    .map_or(result.params.team.target_loans_per_am, |g| {
                        g.target.final_loans()
                    }),
                lang,
            )),
            _ => None,
        },
    }
}

/// The message shown before any scenario has run.
#[must_use]
pub fn no_scenario_text(lang: Lang) -> &'static str {
    Text::PlanNoScenario.get(lang)
}
