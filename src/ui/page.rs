//! The page: every slice's model, the messages that reach them, and the rules between slices.
//!
//! `Page::update` hands a message to its slice and returns the effects the slice asked for; then it
//! applies the few rules that span slices — a new result keeps the play clock inside the run, a
//! scenario opened from elsewhere shows its own seed, a preset loaded outside the library can be
//! loaded again at no loss, the plan is solved again while it is on screen, the lesson's comparison
//! is run again while the stage is, the clock ticks only while the stage plays — and asks for an
//! autosave. It is pure, so every rule is tested natively;
//! the shell (`ui::shell`) carries the effects out.

use chrono::NaiveDate;

use crate::engine::montecarlo::McOutput;
use crate::i18n::Lang;
use crate::scenario::library::{NamedScenario, WorkspaceSnapshot};
use crate::ui::compare::{self, Pinned, MAX_PINNED};
use crate::ui::effect::Effect;
use crate::ui::library::entries::{Item, Library};
use crate::ui::trainer;
pub use crate::ui::views::View;
use crate::ui::workspace::{self, is_known_start, Computed};
use crate::ui::{band, book, classroom, library, montecarlo, plan, sensitivity, start, track};

/// A message to the page: the page's own, or one for a slice.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    SetLang(Lang),
    /// Shows another view of the page.
    SetView(View),
    Workspace(workspace::Action),
    Compare(compare::Action),
    Mc(montecarlo::Action),
    Library(library::Action),
    Trainer(trainer::Action),
    Plan(plan::Action),
    Start(start::Action),
    Sensitivity(sensitivity::Action),
    Classroom(classroom::Action),
    /// The Actuals view: a typed figure, the weeks shown, an imported file.
    Track(track::Action),
    /// "Your data": a loan-book file, its mapping, starting from it, accepting its rates.
    Book(book::Action),
    /// The start band's *Make my plan*: the plan view, with the plan itself in view.
    PlanMyTeam,
    /// The start band's *Open link*: opens the pasted share link.
    OpenPastedLink {
        today: NaiveDate,
    },
}

impl From<workspace::Action> for Msg {
    fn from(action: workspace::Action) -> Msg {
        Msg::Workspace(action)
    }
}

impl From<compare::Action> for Msg {
    fn from(action: compare::Action) -> Msg {
        Msg::Compare(action)
    }
}

impl From<montecarlo::Action> for Msg {
    fn from(action: montecarlo::Action) -> Msg {
        Msg::Mc(action)
    }
}

impl From<library::Action> for Msg {
    fn from(action: library::Action) -> Msg {
        Msg::Library(action)
    }
}

impl From<start::Action> for Msg {
    fn from(action: start::Action) -> Msg {
        Msg::Start(action)
    }
}

impl From<trainer::Action> for Msg {
    fn from(action: trainer::Action) -> Msg {
        Msg::Trainer(action)
    }
}

impl From<plan::Action> for Msg {
    fn from(action: plan::Action) -> Msg {
        Msg::Plan(action)
    }
}

impl From<track::Action> for Msg {
    fn from(action: track::Action) -> Msg {
        Msg::Track(action)
    }
}

impl From<book::Action> for Msg {
    fn from(action: book::Action) -> Msg {
        Msg::Book(action)
    }
}

impl library::view::Keeping for Page {
    fn keeping(&self) -> (&library::Model, &workspace::Model, Lang) {
        (&self.library, &self.workspace, self.lang)
    }
}

/// Everything the page holds, slice by slice.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub lang: Lang,
    /// The view shown (workspace, plan, trainer).
    pub view: View,
    pub workspace: workspace::Model,
    pub compare: compare::Model,
    pub mc: montecarlo::Model,
    pub library: library::Model,
    pub trainer: trainer::Model,
    pub plan: plan::Model,
    pub start: start::Model,
    /// "Which lever matters": the tornado of the valid result, while its section is open.
    pub sensitivity: sensitivity::Model,
    /// The classroom: the session opened, the participant's game, the hand-ins collected.
    pub classroom: classroom::Model,
    /// The team's actuals as typed, set beside the plan.
    pub track: track::Model,
    /// "Your data": the loan-book file read and the person's mapping (not saved: the file stays
    /// on the person's machine; the book started from is in the scenario).
    pub book: book::Model,
    /// The play clock's tick the shell was last asked for.
    ticker: Option<u32>,
}

impl Page {
    /// A page on the default scenario, starting on the Monday on or after `today`.
    #[must_use]
    pub fn new(lang: Lang, today: NaiveDate) -> Page {
        let workspace = workspace::Model::new(today);
        let library = library::Model {
            baseline: Some(workspace.current()),
            ..library::Model::default()
        };
        let mut page = Page::assemble(lang, workspace, library);
        page.book.today = today;
        page
    }

    fn assemble(lang: Lang, workspace: workspace::Model, library: library::Model) -> Page {
        let mut plan = plan::Model::default();
        plan.load(&workspace.params);
        let mut track = track::Model::default();
        track.load(&workspace.params.actuals);
        Page {
            lang,
            view: View::default(),
            mc: montecarlo::Model::new(workspace.params.run.seed),
            workspace,
            compare: compare::Model::default(),
            library,
            trainer: trainer::Model::default(),
            plan,
            start: start::Model::default(),
            sensitivity: sensitivity::Model::default(),
            classroom: classroom::Model::default(),
            track,
            book: book::Model::default(),
            ticker: None,
        }
    }

    /// The page an autosave left, over `library`: pinned scenarios are run again, and the scenario
    /// shows its validation errors in place if it no longer passes.
    #[must_use]
    pub fn from_snapshot(lang: Lang, snapshot: WorkspaceSnapshot, library: Library) -> Page {
        let mut params = snapshot.params;
        // The seed has one home, the scenario's `run.seed`; a page before issue 13 kept the seed
        // typed beside the scenario, and that is the seed its runs used.
        if let Ok(seed) = snapshot.mc_seed.trim().parse::<u64>() {
            params.run.seed = seed;
        }
        let mut ws = workspace::Model::with(params, snapshot.start_date);
        ws.advanced = snapshot.advanced;
        let mut page = Page::assemble(lang, ws, library::Model::default());
        page.mc.runs_text = snapshot.mc_runs;
        page.mc.seed_text = snapshot.mc_seed;
        page.compare.pinned = snapshot
            .pinned
            .into_iter()
            .filter_map(|p| {
                let computed = Computed::run(&p.params, p.start_date).ok()?;
                Some(Pinned {
                    name: p.name,
                    computed: std::rc::Rc::new(computed),
                })
            })
            .take(MAX_PINNED)
            .collect();
        page.compare.reference = snapshot
            .reference
            .min(page.compare.pinned.len().saturating_sub(1));
        page.library.title = snapshot.name;
        page.library.in_library = snapshot.in_library;
        page.library.library = library;
        page.library.baseline = match page.library.bound_entry() {
            Some(item) => Some(library::saved_state(&item.entry.scenario)),
            None if is_known_start(&page.workspace.params, page.workspace.start_date) => {
                Some((page.workspace.params.clone(), page.workspace.start_date))
            }
            None => None,
        };
        page
    }

    /// What the autosave keeps: the scenario as it was last valid, the view and the pins.
    #[must_use]
    pub fn snapshot(&self) -> WorkspaceSnapshot {
        let current = self.current_scenario();
        WorkspaceSnapshot {
            name: self.library.title.clone(),
            in_library: self.library.in_library,
            start_date: current.start_date,
            params: current.params,
            advanced: self.workspace.advanced,
            mc_runs: self.mc.runs_text.clone(),
            mc_seed: self.mc.seed_text.clone(),
            pinned: self
                .compare
                .pinned
                .iter()
                .map(|p| NamedScenario {
                    name: p.name.clone(),
                    start_date: p.computed.start_date,
                    params: p.computed.params.clone(),
                })
                .collect(),
            reference: self.compare.reference,
        }
    }

    /// Applies one message and returns the effects it asks for.
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        let revision = self.workspace.revision;
        let seed = self.workspace.params.run.seed;
        let seed_typed = matches!(msg, Msg::Mc(montecarlo::Action::EditSeed(_)));
        let plan_goal = self.workspace.params.plan.clone();
        let actuals = self.workspace.params.actuals.clone();
        let typed_actuals = matches!(msg, Msg::Track(_));
        let goal_chosen = matches!(
            msg,
            Msg::Plan(
                plan::Action::Settle(_)
                    | plan::Action::SetGrowth(_)
                    | plan::Action::SetObjective(_)
                    | plan::Action::SetMix(_)
                    | plan::Action::SetBlock(_)
                    | plan::Action::ToggleWeekday(_)
                    | plan::Action::SetCalendarPerTeam(_)
            )
        );
        let mut effects = match msg {
            Msg::SetLang(lang) => {
                self.lang = lang;
                vec![Effect::RememberLang(lang)]
            }
            Msg::SetView(view) => self.show(view),
            Msg::Workspace(action) => {
                let preset = matches!(action, workspace::Action::LoadPreset(..));
                let effects = self.workspace.update(action, self.lang);
                if preset {
                    self.trainer.play.lesson = None;
                    self.keep_preset_baseline();
                }
                effects
            }
            Msg::Compare(action) => {
                let current = self
                    .workspace
                    .result
                    .as_ref()
                    .filter(|_| !self.workspace.stale);
                self.compare.update(action, current);
                Vec::new()
            }
            Msg::Mc(action) => self.monte_carlo(action),
            Msg::Library(action) => self.library.update(action, &mut self.workspace, self.lang),
            Msg::Trainer(action) => {
                let shows = match action {
                    trainer::Action::OpenPreset(..) => Some(View::Workspace),
                    trainer::Action::PlayPreset(..) => Some(View::Trainer),
                    _ => None,
                };
                let mut effects = self.trainer.update(action, &mut self.workspace, self.lang);
                if let Some(view) = shows {
                    self.keep_preset_baseline();
                    effects.extend(self.show(view));
                }
                effects
            }
            Msg::Plan(action) => self.plan.update(action, &self.workspace, self.lang),
            Msg::Start(action) => self.start.update(action),
            Msg::Sensitivity(action) => self.levers(action),
            Msg::Classroom(action) => self.classroom(action),
            Msg::Track(action) => self.actuals(action),
            Msg::Book(action) => self.book(action),
            Msg::PlanMyTeam => self.plan_my_team(),
            Msg::OpenPastedLink { today } => self.open_pasted_link(today),
        };
        if self.workspace.revision != revision {
            self.trainer.play = self.trainer.play.clone().clamped(self.workspace.horizon());
            // The fan follows the scenario as the line does (after a pause in typing).
            effects.extend(
                self.mc
                    .update(montecarlo::Action::Follow, &mut self.workspace),
            );
        }
        if self.workspace.params.run.seed != seed && !seed_typed {
            self.mc.show_seed(self.workspace.params.run.seed);
        }
        if goal_chosen {
            // A goal the person settled on is the scenario's: saved, shared and restored with it.
            if let Some(goal) = self.plan.settled_goal(&self.workspace.params, self.lang) {
                self.workspace.set_plan(Some(goal));
            }
        } else if self.workspace.params.plan != plan_goal {
            // Another scenario (a file, a link, a preset) brought its own goal, or none.
            self.plan.load(&self.workspace.params);
        }
        self.follow_actuals(&actuals, typed_actuals);
        if self.view == View::Plan {
            self.plan.refresh(&self.workspace, self.lang);
        }
        // The tornado follows every new valid result while its section is open.
        self.sensitivity.refresh(&self.workspace);
        // An importance job of an earlier scenario stops (its results are shown out of date).
        effects.extend(self.sensitivity.follow(&self.workspace));
        if self.view == View::Trainer {
            // The lesson's comparison follows the scenario: an edit or a decision runs it again.
            self.trainer.refresh_comparison(&self.workspace);
        }
        self.follow_ticker(&mut effects);
        self.follow_band(&mut effects);
        effects.push(Effect::Autosave);
        effects
    }

    /// The trainer's clock ticks while a lesson plays on the stage.
    fn follow_ticker(&mut self, effects: &mut Vec<Effect>) {
        let ticker = (self.view == View::Trainer && self.trainer.play.playing)
            .then(|| self.trainer.play.tick_ms());
        if ticker != self.ticker {
            self.ticker = ticker;
            effects.push(Effect::Ticker(ticker));
        }
    }

    /// The pool's answers and the fan's controls; the band of the Actuals view runs in the same
    /// pool, under its own job numbers, and its answers go to that view.
    fn monte_carlo(&mut self, action: montecarlo::Action) -> Vec<Effect> {
        match band::route(&action) {
            Some((band::Owner::Track, event)) => {
                self.track.band_event(event);
                Vec::new()
            }
            Some((band::Owner::Backtest, event)) => {
                self.book.backtest.band_event(event);
                Vec::new()
            }
            None => self.mc.update(action, &mut self.workspace),
        }
    }

    /// The pool runs one Monte Carlo job at a time: a fan job started (or a cancel) takes it from
    /// the views' bands (the Actuals view's path, the back-test in "Your data"), and a view's band
    /// takes it from the other's; each starts again once the pool is free and its view is shown.
    /// The back-test follows the book and the scenario while "Your data" is shown.
    fn follow_band(&mut self, effects: &mut Vec<Effect>) {
        let fan_job = effects.iter().any(|e| match e {
            Effect::StartMonteCarlo(job) => band::owner_of(job.id).is_none(),
            Effect::CancelMonteCarlo => true,
            _ => false,
        });
        if fan_job {
            self.track.band_superseded();
            self.book.backtest.band_superseded();
        }
        if self.view == View::Book {
            self.book.refresh_backtest(&self.workspace.current().0);
        }
        let pool_busy = fan_job
            || matches!(self.mc.status, montecarlo::Status::Running { .. })
            || effects
                .iter()
                .any(|e| matches!(e, Effect::StartMonteCarlo(_)));
        if pool_busy || !self.workspace.can_keep() {
            return;
        }
        let seed = self.workspace.params.run.seed;
        let started = match self.view {
            View::Track => {
                let runs = self.mc.parsed().map_or(1_000, |(runs, _)| runs);
                self.track.follow_band(runs, seed)
            }
            View::Book => self.book.backtest.follow_band(seed),
            _ => Vec::new(),
        };
        if !started.is_empty() {
            if self.view == View::Track {
                self.book.backtest.band_superseded();
            } else {
                self.track.band_superseded();
            }
        }
        effects.extend(started);
    }

    /// Applies one message and drops its effects: for tests and for tools that run none.
    #[must_use]
    pub fn apply(&self, msg: impl Into<Msg>) -> Page {
        let mut next = self.clone();
        next.update(msg.into());
        next
    }

    /// Another scenario (a file, a link, the library) brought its own actuals, or none: the form
    /// shows them. While the Actuals view is on screen they are set beside the path again.
    fn follow_actuals(&mut self, before: &[crate::engine::actuals::WeekActuals], typed: bool) {
        if !typed && self.workspace.params.actuals != before {
            self.track.load(&self.workspace.params.actuals);
        }
        if self.view == View::Track {
            self.track.refresh(&self.workspace);
        }
    }

    fn actuals(&mut self, action: track::Action) -> Vec<Effect> {
        let horizon = track::horizon_of(&self.workspace);
        // A re-plan solves the scenario's goal, else the one the plan view shows.
        let goal = self
            .workspace
            .params
            .plan
            .clone()
            .or_else(|| self.plan.settled_goal(&self.workspace.params, self.lang));
        let effects = self
            .track
            .update(action, &self.workspace, goal.as_ref(), self.lang);
        // The figures that pass the checks are the scenario's: saved, shared and restored.
        self.workspace.set_actuals(self.track.actuals(horizon));
        effects
    }

    /// "Your data": the slice's own actions, and the two that change the workspace — starting from
    /// the book (the scenario before it pinned beside it, then the workspace with its charts) and
    /// accepting fitted rates. Nothing else of the page, and nothing in the library, changes.
    fn book(&mut self, action: book::Action) -> Vec<Effect> {
        let (params, start_date) = self.workspace.current();
        match action {
            book::Action::Start => {
                let Some((started, loans, as_of)) = self.book.starting_params(&params) else {
                    return Vec::new();
                };
                let current = self
                    .workspace
                    .result
                    .as_ref()
                    .filter(|_| !self.workspace.stale);
                let name = crate::i18n::Text::BookBeforePin.get(self.lang).to_owned();
                self.compare.update(compare::Action::Pin(name), current);
                self.workspace.open(started, start_date);
                self.book.started = Some((loans, as_of));
                self.show(View::Workspace)
            }
            book::Action::Accept(rate) => {
                if let Some(next) = self.book.accept(&params, &[rate]) {
                    self.workspace.open(next, start_date);
                }
                Vec::new()
            }
            book::Action::AcceptAll => {
                if let Some(next) = self.book.accept_all(&params) {
                    self.workspace.open(next, start_date);
                }
                Vec::new()
            }
            action => self.book.update(action, &params),
        }
    }

    fn levers(&mut self, action: sensitivity::Action) -> Vec<Effect> {
        match action {
            sensitivity::Action::Try(lever) => {
                self.try_lever(lever);
                Vec::new()
            }
            action => self.sensitivity.update(action, &self.workspace),
        }
    }

    /// "Try it" on a lever's bar: the current scenario is pinned ("Before: renewal rates") and the
    /// workspace opens it with the lever at the bar's high end, so the two sit side by side.
    fn try_lever(&mut self, lever: crate::engine::sensitivity::Lever) {
        let Some(tried) = self.sensitivity.tried(&self.workspace, lever) else {
            return;
        };
        let current = self
            .workspace
            .result
            .as_ref()
            .filter(|_| !self.workspace.stale);
        let name = crate::i18n::fill(
            crate::i18n::Text::LeversTriedPin.get(self.lang),
            &[sensitivity::view::lever_label(lever).get(self.lang)],
        );
        self.compare.update(compare::Action::Pin(name), current);
        let start_date = self.workspace.start_date;
        self.workspace.open(tried, start_date);
    }

    /// The plan view, with the plan itself brought into view.
    fn plan_my_team(&mut self) -> Vec<Effect> {
        let mut effects = self.show(View::Plan);
        effects.push(Effect::Focus(plan::RESULT_ID));
        effects
    }

    /// Opens the link pasted into the start band, if it is one.
    fn open_pasted_link(&mut self, today: NaiveDate) -> Vec<Effect> {
        match self.start.take_link() {
            Some(fragment) => self.library.update(
                library::Action::OpenLink { fragment, today },
                &mut self.workspace,
                self.lang,
            ),
            None => Vec::new(),
        }
    }

    /// The classroom's actions; a join link opens the participant's game in the classroom view.
    fn classroom(&mut self, action: classroom::Action) -> Vec<Effect> {
        let joining = matches!(action, classroom::Action::Join(_));
        self.classroom.update(action, self.lang);
        if joining && self.classroom.play.is_some() && self.view != View::Classroom {
            self.show(View::Classroom)
        } else {
            Vec::new()
        }
    }

    fn show(&mut self, view: View) -> Vec<Effect> {
        let other = view != self.view;
        self.view = view;
        self.trainer.play.playing = false;
        let mut effects = vec![Effect::RememberView(view)];
        if other {
            // Another view opens at its top, not where the last one was scrolled to.
            effects.push(Effect::ScrollToTop);
        }
        effects
    }

    /// A preset loaded outside the library can be loaded again: replacing it loses nothing.
    fn keep_preset_baseline(&mut self) {
        if !self.library.in_library {
            self.library.baseline = Some(self.workspace.current());
        }
    }

    /// The scenario as it would be saved, shared or downloaded.
    #[must_use]
    pub fn current_scenario(&self) -> NamedScenario {
        self.library.current_scenario(&self.workspace)
    }

    /// Whether the scenario can be saved, shared or downloaded: what is on screen is valid and ran.
    #[must_use]
    pub fn can_keep(&self) -> bool {
        self.workspace.can_keep()
    }

    /// The library entry the scenario was opened from or saved to, if it still exists.
    #[must_use]
    pub fn bound_entry(&self) -> Option<&Item> {
        self.library.bound_entry()
    }

    /// Whether replacing the scenario now would lose work that exists nowhere else.
    #[must_use]
    pub fn has_unsaved_changes(&self) -> bool {
        self.library.has_unsaved_changes(&self.workspace)
    }

    /// The Monte Carlo result, if one finished for the results now shown.
    #[must_use]
    pub fn current_mc(&self) -> Option<&std::rc::Rc<McOutput>> {
        self.mc.current(self.workspace.revision)
    }
}
#[cfg(test)]
// The values compared are set verbatim, not computed, so exact comparison is the point.
#[allow(clippy::float_cmp)]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::engine::params::{Amortisation, Entry, InitialBook, QueueOrder, ShockKind};
    use crate::engine::{presets, validate, ChannelId, Params, Rule};
    use crate::scenario::library::{self as files};
    use crate::scenario::link::{self, LinkError};
    use crate::services::files::ReadFile;
    use crate::ui::library::notice::{FileProblem, Notice};
    use crate::ui::workspace::fields::Field;
    use crate::ui::workspace::{plain_number, week_of_year, InputProblem, ShockChoice};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    fn fresh() -> Page {
        Page::new(Lang::En, day(2026, 11, 28))
    }

    fn h_star(w: &Page) -> f64 {
        w.workspace
            .result
            .as_ref()
            .and_then(|r| r.ev.summary.as_ref())
            .map(|s| s.h_star)
            .expect("a summary")
    }

    #[test]
    fn a_new_workspace_runs_the_default_scenario() {
        let w = fresh();
        assert_eq!(w.workspace.start_date, day(2026, 11, 30));
        assert_eq!(w.workspace.params.team.start_week, 49.0);
        assert!(!w.workspace.stale);
        assert!((h_star(&w) - 8.80).abs() < 0.005, "{}", h_star(&w));
    }

    #[test]
    fn set_lang_switches_language_and_nothing_else() {
        let before = fresh();
        let after = before.apply(Msg::SetLang(Lang::Zh));
        assert_eq!(after.lang, Lang::Zh);
        assert_eq!(after.apply(Msg::SetLang(Lang::En)), before);
    }

    #[test]
    fn editing_a_field_reruns_and_keeps_the_typed_text() {
        let w = fresh().apply(workspace::Action::EditField(
            Field::TargetLoans,
            "150".into(),
        ));
        assert_eq!(w.workspace.params.team.target_loans_per_am, 150.0);
        assert_eq!(w.workspace.field_text(Field::TargetLoans), "150");
        assert!(h_star(&w) > 8.80);
        assert_eq!(w.workspace.revision, 2);
    }

    #[test]
    fn an_invalid_value_keeps_the_last_result_marked_stale() {
        let before = fresh();
        let w = before.apply(workspace::Action::EditField(Field::Ams, "0".into()));
        assert!(w.workspace.stale);
        assert_eq!(
            w.workspace.revision, before.workspace.revision,
            "no new result"
        );
        let errors: Vec<_> = w.workspace.errors_for(Field::Ams).collect();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].rule, Rule::OutOfRange);
        // Nothing else was reset.
        assert_eq!(w.workspace.params.team.target_loans_per_am, 120.0);
        // Fixing it brings results back.
        let fixed = w.apply(workspace::Action::EditField(Field::Ams, "8".into()));
        assert!(!fixed.workspace.stale);
        assert!(fixed.workspace.errors.is_empty());
    }

    #[test]
    fn text_that_is_not_a_number_is_held_as_typed() {
        let w = fresh().apply(workspace::Action::EditField(
            Field::HoursPerWeek,
            "4o".into(),
        ));
        assert_eq!(
            w.workspace.input_problems.get(&Field::HoursPerWeek),
            Some(&InputProblem::NotANumber)
        );
        assert_eq!(w.workspace.field_text(Field::HoursPerWeek), "4o");
        assert_eq!(w.workspace.params.team.hours_per_week, 40.0);
        assert!(w.workspace.stale);
    }

    #[test]
    fn emptying_an_hours_setting_means_auto() {
        let w = fresh()
            .apply(workspace::Action::EditField(Field::FixedHours, "5".into()))
            .apply(workspace::Action::EditField(
                Field::FixedHours,
                String::new(),
            ));
        assert_eq!(Field::FixedHours.get(&w.workspace.params), None);
        assert!(!w.workspace.stale);
    }

    #[test]
    fn presets_load_and_clear_typed_text() {
        let w = fresh()
            .apply(workspace::Action::EditField(Field::Ams, "x".into()))
            .apply(workspace::Action::LoadPreset("fault".into(), 0));
        assert!(w.workspace.texts.is_empty());
        assert!(w.workspace.input_problems.is_empty());
        assert!(!w.workspace.stale);
        assert!(!w.workspace.params.shocks.is_empty());
    }

    #[test]
    fn pinning_keeps_at_most_four_and_a_valid_reference() {
        let mut w = fresh();
        for i in 0..6 {
            w = w
                .apply(workspace::Action::EditField(
                    Field::Ams,
                    format!("{}", i + 1),
                ))
                .apply(compare::Action::Pin(format!("team of {}", i + 1)));
        }
        assert_eq!(w.compare.pinned.len(), MAX_PINNED);
        assert_eq!(w.compare.pinned[0].name, "team of 3");
        let w = w
            .apply(compare::Action::SetReference(3))
            .apply(compare::Action::Unpin(3));
        assert_eq!(w.compare.reference, 2);
        let w = w.apply(compare::Action::Pin("  ".into()));
        assert_eq!(w.compare.pinned.last().map(|p| p.name.as_str()), Some("#4"));
    }

    #[test]
    fn issue_21_the_tornado_follows_edits_and_try_it_pins_and_moves_the_lever() {
        use crate::engine::sensitivity::Lever;
        let w = fresh();
        assert!(w.sensitivity.tornado.is_none(), "closed: not computed");
        let w = w.apply(Msg::Sensitivity(sensitivity::Action::SetOpen(true)));
        let (rev, _) = w.sensitivity.tornado.clone().expect("computed on opening");
        assert_eq!(rev, w.workspace.revision);
        let w = w.apply(workspace::Action::EditField(Field::Ams, "8".into()));
        let (rev, t) = w.sensitivity.tornado.clone().expect("computed again");
        assert_eq!(rev, w.workspace.revision);
        let base = t.base.expect("base");
        let renewal = w.workspace.params.loans.renewal_prob;
        let w = w.apply(Msg::Sensitivity(sensitivity::Action::Try(
            Lever::RenewalRates,
        )));
        assert_eq!(w.compare.pinned.len(), 1);
        assert_eq!(w.compare.pinned[0].name, "Before: Renewal rates");
        assert_eq!(
            w.compare.pinned[0].computed.params.loans.renewal_prob,
            renewal
        );
        let moved = w.workspace.params.loans.renewal_prob;
        assert!((moved[1] - renewal[1] * 1.2).abs() < 1e-12, "{moved:?}");
        let (_, after) = w
            .sensitivity
            .tornado
            .clone()
            .expect("tornado of the tried scenario");
        let bar = t
            .bars
            .iter()
            .find(|b| b.lever == Lever::RenewalRates)
            .expect("bar");
        assert_eq!(after.base, bar.high.outcome);
        assert_ne!(after.base, Some(base));
    }

    #[test]
    fn a_stale_result_cannot_be_pinned() {
        let w = fresh()
            .apply(workspace::Action::EditField(Field::Ams, "-1".into()))
            .apply(compare::Action::Pin("bad".into()));
        assert!(w.compare.pinned.is_empty());
    }

    #[test]
    fn monte_carlo_controls_validate_and_results_belong_to_one_revision() {
        let w = fresh().apply(montecarlo::Action::EditRuns("5".into()));
        assert_eq!(w.mc.parsed(), Err(vec![montecarlo::InputProblem::Runs]));
        let w = w
            .apply(montecarlo::Action::EditRuns("1,000".into()))
            .apply(montecarlo::Action::EditSeed("-1".into()));
        assert_eq!(w.mc.parsed(), Err(vec![montecarlo::InputProblem::Seed]));
        let w = w.apply(montecarlo::Action::EditSeed("7".into()));
        assert_eq!(w.mc.parsed(), Ok((1000, 7)));

        // The seed has one home: the scenario's `run.seed` (issue 13).
        assert_eq!(w.workspace.params.run.seed, 7);

        let mut running = w.clone();
        let effects = running.update(montecarlo::Action::Run.into());
        let Some(Effect::StartMonteCarlo(job)) = effects.first() else {
            panic!("a job starts: {effects:?}");
        };
        assert_eq!(
            (job.runs, job.seed, job.revision),
            (1000, 7, w.workspace.revision)
        );
        let job = job.id;
        let running = running.apply(montecarlo::Action::Progress {
            job,
            done: 40,
            total: 1000,
        });
        let cancelled = running.apply(montecarlo::Action::Cancel);
        assert_eq!(
            cancelled.mc.status,
            montecarlo::Status::Cancelled {
                done: 40,
                total: 1000
            }
        );

        let done = running.apply(montecarlo::Action::Finished {
            job,
            output: Rc::new(ten_runs(&w.workspace.params, 7)),
        });
        assert!(done.current_mc().is_some());
        // A new result makes the Monte Carlo bands out of date.
        let edited = done.apply(workspace::Action::EditField(Field::Ams, "7".into()));
        assert!(edited.current_mc().is_none());
        assert!(edited.mc.earlier(edited.workspace.revision).is_some());
    }

    fn ten_runs(params: &Params, seed: u64) -> crate::engine::montecarlo::McOutput {
        let valid = validate(params).expect("valid");
        crate::engine::montecarlo::McPlan::new(
            &valid,
            crate::engine::montecarlo::McOptions {
                runs: 10,
                seed,
                kept_runs: 2,
                noise_floor: false,
            },
        )
        .run_all()
    }

    #[test]
    fn a_monte_carlo_result_that_finishes_after_an_edit_belongs_to_the_earlier_scenario() {
        // Regression test for issue 13: the job carries the revision it started from, so runs of
        // the old scenario that arrive after an edit are never shown as the new scenario's.
        let mut page = fresh();
        let started_at = page.workspace.revision;
        let effects = page.update(montecarlo::Action::Run.into());
        let Some(Effect::StartMonteCarlo(job)) = effects.first() else {
            panic!("a job starts: {effects:?}");
        };
        let (job, params) = (job.id, job.params.clone());
        page.update(workspace::Action::EditField(Field::TargetLoans, "150".into()).into());
        assert_ne!(
            page.workspace.revision, started_at,
            "the edit made a new result"
        );
        page.update(
            montecarlo::Action::Finished {
                job,
                output: Rc::new(ten_runs(&params, 42)),
            }
            .into(),
        );
        assert!(page.current_mc().is_none(), "not the new scenario's runs");
        assert!(
            page.mc.earlier(page.workspace.revision).is_some(),
            "kept as the earlier scenario's, marked out of date"
        );
        let view = crate::ui::montecarlo::view::mc_view(&page.mc, &page.workspace, Lang::En);
        assert!(matches!(
            view.note,
            crate::ui::montecarlo::view::McNote::Outdated(_)
        ));
        assert!(view.summary.is_none());
        // An answer to a job that is no longer running changes nothing.
        let stale = page.apply(montecarlo::Action::Finished {
            job: job + 7,
            output: Rc::new(ten_runs(&params, 42)),
        });
        assert_eq!(stale.mc, page.mc);
    }

    #[test]
    fn the_seed_shown_is_the_scenarios_and_follows_an_opened_scenario() {
        // Regression test for issue 13: one home for the seed.
        let w = fresh().apply(montecarlo::Action::EditSeed("9".into()));
        assert_eq!(w.workspace.params.run.seed, 9);
        assert_eq!(w.snapshot().params.run.seed, 9, "saved with the scenario");
        let mut fault = presets::get("fault").expect("preset").params;
        fault.run.seed = 123;
        let link = link::encode(&NamedScenario {
            name: "Seeded".into(),
            start_date: day(2027, 1, 4),
            params: fault,
        });
        let opened = w.apply(library::Action::OpenLink {
            fragment: link,
            today: today(),
        });
        assert_eq!(opened.mc.seed_text, "123");
        assert_eq!(opened.mc.parsed().map(|(_, seed)| seed), Ok(123));
        // Typing a seed that is not one yet keeps the text and the scenario's seed.
        let typing = opened.apply(montecarlo::Action::EditSeed("12x".into()));
        assert_eq!(typing.mc.seed_text, "12x");
        assert_eq!(typing.workspace.params.run.seed, 123);
    }

    #[test]
    fn shocks_are_added_edited_and_removed() {
        let w = fresh()
            .apply(workspace::Action::AddShock(ShockChoice::Burst))
            .apply(workspace::Action::AddShock(ShockChoice::Demand));
        assert_eq!(w.workspace.params.shocks.len(), 2);
        assert!(w
            .workspace
            .result
            .as_ref()
            .and_then(|r| r.ev.fault.as_ref())
            .is_some());
        let w = w.apply(workspace::Action::EditField(
            Field::ShockSize(1),
            "3".into(),
        ));
        assert!(
            matches!(w.workspace.params.shocks[1].kind, ShockKind::Demand { mult, .. } if mult == 3.0)
        );
        let w = w.apply(workspace::Action::EditField(
            Field::ShockStart(0),
            "200".into(),
        ));
        assert!(w.workspace.stale);
        assert_eq!(w.workspace.errors_for(Field::ShockStart(0)).count(), 1);
        let w = w.apply(workspace::Action::RemoveShock(0));
        assert_eq!(w.workspace.params.shocks.len(), 1);
        assert!(
            w.workspace.texts.is_empty(),
            "typed shock texts are forgotten"
        );
        assert!(!w.workspace.stale);
        let w = w.apply(workspace::Action::SetShockKind(0, ShockChoice::Capacity));
        assert!(matches!(
            w.workspace.params.shocks[0].kind,
            ShockKind::Capacity { .. }
        ));
    }

    #[test]
    fn terms_and_choices_are_edited() {
        let w = fresh().apply(workspace::Action::AddTerm);
        assert_eq!(w.workspace.params.loans.terms.len(), 5);
        assert!(
            !w.workspace.stale,
            "a new term with weight 0 keeps the weights summing to 1"
        );
        let w = w.apply(workspace::Action::EditField(
            Field::TermWeight(4),
            "0.1".into(),
        ));
        assert!(w.workspace.stale);
        assert!(w.workspace.errors.iter().any(|e| e.param == "loans.terms"));
        let w = w.apply(workspace::Action::RemoveTerm(4));
        assert!(!w.workspace.stale);
        let w = w
            .apply(workspace::Action::SetInit(InitialBook::Empty))
            .apply(workspace::Action::SetQueueOrder(QueueOrder::QualityFirst))
            .apply(workspace::Action::SetAmortisation(Amortisation::Bullet))
            .apply(workspace::Action::SetEntry(
                ChannelId::Event,
                Entry::Interested,
            ));
        assert!(!w.workspace.stale);
        let end = w
            .workspace
            .result
            .as_ref()
            .and_then(|r| r.ev.run.weeks.last())
            .expect("weeks");
        assert!(
            end.active_loans.iter().sum::<f64>() < 720.0,
            "an empty start stays below target"
        );
    }

    fn names(w: &Page) -> Vec<String> {
        w.library
            .library
            .items()
            .iter()
            .map(|i| i.entry.scenario.name.clone())
            .collect()
    }

    fn today() -> NaiveDate {
        day(2026, 11, 28)
    }

    fn kinds(w: &Page) -> Vec<&Notice> {
        w.library
            .notices
            .posted()
            .iter()
            .map(|p| &p.notice)
            .collect()
    }

    #[test]
    fn saving_binds_the_scenario_to_its_entry_and_tracks_changes() {
        let w = fresh();
        assert!(
            !w.has_unsaved_changes(),
            "the defaults cost nothing to lose"
        );
        let w = w.apply(workspace::Action::EditField(Field::Ams, "8".into()));
        assert!(w.has_unsaved_changes());
        let w = w.apply(library::Action::SaveAsNew {
            name: "  Team of 8 ".into(),
            today: today(),
        });
        assert_eq!(names(&w), ["Team of 8"]);
        assert_eq!(w.library.title.as_deref(), Some("Team of 8"));
        assert!(w.bound_entry().is_some());
        assert!(!w.has_unsaved_changes());
        let w = w.apply(workspace::Action::EditField(Field::Ams, "9".into()));
        assert!(w.has_unsaved_changes());
        let w = w.apply(library::Action::SaveScenario {
            name: String::new(),
            today: day(2026, 12, 1),
        });
        assert_eq!(names(&w), ["Team of 8"], "saved in place");
        let entry = &w.library.library.items()[0].entry;
        assert_eq!(entry.scenario.params.team.ams, 9.0);
        assert_eq!(entry.modified, day(2026, 12, 1));
        assert!(!w.has_unsaved_changes());
        // Save with nothing open saves as a new entry under the fallback name.
        let unnamed = fresh().apply(library::Action::SaveScenario {
            name: String::new(),
            today: today(),
        });
        assert_eq!(names(&unnamed), ["Untitled scenario"]);
    }

    #[test]
    fn an_invalid_draft_cannot_be_saved() {
        let w = fresh()
            .apply(workspace::Action::EditField(Field::Ams, "0".into()))
            .apply(library::Action::SaveAsNew {
                name: "bad".into(),
                today: today(),
            });
        assert!(!w.can_keep());
        assert!(w.library.library.items().is_empty());
    }

    #[test]
    fn opening_an_entry_keeps_unsaved_work_first() {
        let w = fresh()
            .apply(workspace::Action::EditField(Field::Ams, "8".into()))
            .apply(library::Action::SaveAsNew {
                name: "Eight".into(),
                today: today(),
            })
            .apply(workspace::Action::EditField(Field::Ams, "3".into()));
        let eight = w.library.library.items()[0].id;
        let w = w.apply(library::Action::OpenEntry {
            id: eight,
            today: today(),
        });
        assert_eq!(w.workspace.params.team.ams, 8.0);
        assert_eq!(names(&w), ["Eight (2)", "Eight"]);
        assert_eq!(
            w.library.library.items()[0].entry.scenario.params.team.ams,
            3.0,
            "the unsaved edit was kept"
        );
        assert!(kinds(&w).contains(&&Notice::KeptUnsaved {
            name: "Eight (2)".into()
        }));
        // Opening again with nothing unsaved adds nothing.
        let again = w.apply(library::Action::OpenEntry {
            id: eight,
            today: today(),
        });
        assert_eq!(names(&again).len(), 2);
    }

    #[test]
    fn a_link_opens_as_a_new_unsaved_scenario_and_never_overwrites_the_library() {
        let fault = presets::get("fault").expect("preset").params;
        let fragment = link::encode(&NamedScenario {
            name: "<img src=x onerror=alert(1)>".into(),
            start_date: day(2027, 3, 1),
            params: fault.clone(),
        });
        let saved = fresh().apply(library::Action::SaveAsNew {
            name: "Mine".into(),
            today: today(),
        });
        let w = saved.apply(library::Action::OpenLink {
            fragment: format!("#{fragment}"),
            today: today(),
        });
        assert_eq!(w.workspace.params, fault);
        assert_eq!(w.workspace.start_date, day(2027, 3, 1));
        assert_eq!(
            w.library.title.as_deref(),
            Some("<img src=x onerror=alert(1)>")
        );
        assert!(!w.library.in_library);
        assert_eq!(
            w.library.library, saved.library.library,
            "library untouched"
        );
        assert!(
            w.has_unsaved_changes(),
            "the shared scenario exists nowhere else"
        );
        // A damaged link changes nothing but the notices.
        let damaged = w.apply(library::Action::OpenLink {
            fragment: format!("#{}", &fragment[..fragment.len() - 9]),
            today: today(),
        });
        assert_eq!(damaged.workspace.params, w.workspace.params);
        assert_eq!(damaged.library.library, w.library.library);
        assert!(matches!(
            kinds(&damaged).last(),
            Some(Notice::LinkRejected(
                LinkError::Damaged | LinkError::Encoding
            ))
        ));
        // Another link now keeps the first one in the library.
        let next = w.apply(library::Action::OpenLink {
            fragment,
            today: today(),
        });
        assert_eq!(
            names(&next),
            ["<img src=x onerror=alert(1)>", "Mine"],
            "kept, not overwritten"
        );
        let other = fresh().apply(library::Action::OpenLink {
            fragment: "#top".into(),
            today: today(),
        });
        assert!(
            other.library.notices.posted().is_empty(),
            "not a share link: ignored"
        );
    }

    #[test]
    fn make_my_plan_opens_the_plan_at_its_result_and_views_open_at_their_top() {
        let mut page = fresh();
        page.update(workspace::Action::EditField(Field::Ams, "8".into()).into());
        let effects = page.update(Msg::PlanMyTeam);
        assert_eq!(page.view, View::Plan);
        assert!(
            effects.contains(&Effect::Focus(plan::RESULT_ID)),
            "{effects:?}"
        );
        let shown = page
            .plan
            .shown(&page.workspace, Lang::En)
            .expect("the plan is there to be shown");
        assert!(
            (shown.plan.summary.ams - 8.0).abs() < 1e-12,
            "for the team typed"
        );
        let again = page.update(Msg::SetView(View::Plan));
        assert!(
            !again.contains(&Effect::ScrollToTop),
            "the same view stays where it is"
        );
        let other = page.update(Msg::SetView(View::Trainer));
        assert!(other.contains(&Effect::ScrollToTop), "{other:?}");
    }

    #[test]
    fn a_link_without_a_name_is_called_the_same_in_the_notice_and_the_panel() {
        let fragment = link::encode(&NamedScenario {
            name: String::new(),
            start_date: day(2027, 3, 1),
            params: presets::get("fault").expect("preset").params,
        });
        for (lang, name) in [(Lang::En, "Shared scenario"), (Lang::Zh, "分享的场景")] {
            let w = Page::new(lang, day(2026, 11, 28)).apply(library::Action::OpenLink {
                fragment: fragment.clone(),
                today: today(),
            });
            let panel = library::view::library_panel_view(&w, today());
            assert_eq!(panel.current.name, name, "{lang:?}");
            let notices = library::view::notice_views(&w);
            assert!(
                notices.iter().any(|n| n.message.contains(name)),
                "{lang:?}: {notices:?}"
            );
        }
    }

    #[test]
    fn the_start_bands_link_box_opens_a_pasted_address_and_says_when_it_is_no_link() {
        let fragment = link::encode(&NamedScenario {
            name: "Festival".into(),
            start_date: day(2027, 3, 1),
            params: presets::get("festival").expect("preset").params,
        });
        let pasted = fresh().apply(start::Action::EditLink(format!(
            "https://example.org/cadence/#{fragment}"
        )));
        let w = pasted.apply(Msg::OpenPastedLink { today: today() });
        assert_eq!(w.library.title.as_deref(), Some("Festival"));
        assert_eq!(w.workspace.start_date, day(2027, 3, 1));
        assert!(w.start.link_text.is_empty() && !w.start.not_a_link);
        let wrong = fresh()
            .apply(start::Action::EditLink(
                "https://example.org/cadence/".into(),
            ))
            .apply(Msg::OpenPastedLink { today: today() });
        assert!(wrong.start.not_a_link);
        assert_eq!(
            wrong.workspace.params,
            fresh().workspace.params,
            "nothing changed"
        );
    }

    #[test]
    fn imports_add_good_files_and_list_every_problem_of_bad_ones() {
        let before = fresh().apply(library::Action::SaveAsNew {
            name: "Mine".into(),
            today: today(),
        });
        let library_file = files::write_library(
            &[
                files::Entry {
                    scenario: NamedScenario {
                        name: "Mine".into(),
                        start_date: day(2027, 1, 4),
                        params: Params::default(),
                    },
                    modified: day(2026, 1, 2),
                    id: String::new(),
                    stamp: files::Stamp::default(),
                },
                files::Entry {
                    scenario: NamedScenario {
                        name: "Second".into(),
                        start_date: day(2027, 1, 4),
                        params: Params::default(),
                    },
                    modified: day(2026, 1, 3),
                    id: String::new(),
                    stamp: files::Stamp::default(),
                },
            ],
            files::Layout::Pretty,
        );
        let w = before.apply(library::Action::ImportFiles {
            files: vec![
                ReadFile {
                    name: "bad.json".into(),
                    content: Ok(r#"{"version": 1, "team": {"ams": -1, "colour": 1}}"#.into()),
                },
                ReadFile {
                    name: "Fault plan.JSON".into(),
                    content: Ok(crate::scenario::to_json(
                        &presets::get("fault").expect("preset").params,
                    )),
                },
                ReadFile {
                    name: "library.json".into(),
                    content: Ok(library_file),
                },
                ReadFile {
                    name: "huge.json".into(),
                    content: Err(FileProblem::TooLarge),
                },
            ],
            today: today(),
        });
        assert_eq!(
            w.workspace.params, before.workspace.params,
            "the workspace is untouched"
        );
        assert_eq!(names(&w), ["Mine (2)", "Second", "Fault plan", "Mine"]);
        let fault_entry = &w.library.library.items()[2].entry;
        assert_eq!(
            fault_entry.scenario.start_date,
            day(2027, 1, 4),
            "week 1 nearest to 28 Nov 2026: the coming January (issue 16)"
        );
        assert_eq!(w.library.library.items()[1].entry.modified, day(2026, 1, 3));
        let notices = kinds(&w);
        let Some(Notice::FileRejected { file, problems }) = notices
            .iter()
            .find(|n| matches!(n, Notice::FileRejected { .. }))
        else {
            panic!("{notices:?}");
        };
        assert_eq!(file, "bad.json");
        let found: Vec<_> = problems
            .iter()
            .map(|e| (e.param.as_str(), e.rule))
            .collect();
        assert_eq!(
            found,
            [
                ("team.colour", Rule::UnknownField),
                ("team.ams", Rule::OutOfRange)
            ]
        );
        assert!(notices.contains(&&Notice::FileFailed {
            file: "huge.json".into(),
            problem: FileProblem::TooLarge
        }));
        assert!(notices.contains(&&Notice::Imported {
            names: vec!["Fault plan".into(), "Mine (2)".into(), "Second".into()],
            more: 0
        }));
    }

    #[test]
    fn renaming_the_open_entry_renames_the_scenario_and_deletes_can_be_undone() {
        let w = fresh().apply(library::Action::SaveAsNew {
            name: "Old".into(),
            today: today(),
        });
        let id = w.library.library.items()[0].id;
        let w = w.apply(library::Action::RenameEntry {
            id,
            name: "New".into(),
            today: today(),
        });
        assert_eq!(w.library.title.as_deref(), Some("New"));
        assert!(w.bound_entry().is_some());
        let w = w.apply(library::Action::DuplicateEntry { id, today: today() });
        assert_eq!(names(&w), ["New (2)", "New"]);
        let w = w.apply(library::Action::DeleteEntry(id));
        assert_eq!(names(&w), ["New (2)"]);
        assert!(w.bound_entry().is_none());
        assert!(kinds(&w).contains(&&Notice::Deleted { name: "New".into() }));
        let w = w.apply(library::Action::UndoDelete);
        assert_eq!(names(&w), ["New (2)", "New"]);
        assert!(w.bound_entry().is_some());
        assert!(!kinds(&w)
            .iter()
            .any(|n| matches!(n, Notice::Deleted { .. })));
    }

    #[test]
    fn a_library_stored_by_another_tab_is_adopted() {
        let here = fresh().apply(library::Action::SaveAsNew {
            name: "Here".into(),
            today: today(),
        });
        let there = fresh()
            .apply(library::Action::SaveAsNew {
                name: "Here".into(),
                today: today(),
            })
            .apply(library::Action::SaveAsNew {
                name: "There".into(),
                today: today(),
            });
        let text = files::write_library(&there.library.library.entries(), files::Layout::Compact);
        let w = here.apply(library::Action::AdoptStoredLibrary(text));
        assert_eq!(names(&w), ["There", "Here"]);
        assert!(w.library.library.revision > here.library.library.revision);
        assert!(
            w.bound_entry().is_some(),
            "still bound to its entry by name"
        );
        let same = w.apply(library::Action::AdoptStoredLibrary("{broken".into()));
        assert_eq!(same.library.library, w.library.library);
    }

    #[test]
    fn start_dates_set_the_week_of_year() {
        let w = fresh().apply(workspace::Action::SetStartDate("2027-02-01".into()));
        assert_eq!(w.workspace.start_date, day(2027, 2, 1));
        assert_eq!(w.workspace.params.team.start_week, 5.0);
        let same = w.apply(workspace::Action::SetStartDate("not a date".into()));
        assert_eq!(same.workspace.start_date, day(2027, 2, 1));
        // A date at the calendar's end would overflow when the horizon is added to it.
        let same = w.apply(workspace::Action::SetStartDate("262142-12-30".into()));
        assert_eq!(same.workspace.start_date, day(2027, 2, 1));
        assert_eq!(week_of_year(day(2026, 12, 31)), 52);
        assert_eq!(plain_number(0.1 + 0.2), "0.3");
        assert_eq!(plain_number(120.0), "120");
    }

    #[test]
    fn the_clock_ticks_only_while_the_stage_plays_and_the_goal_outlives_the_view() {
        use crate::ui::plan::view::GoalInput;
        use crate::ui::trainer::clock::PlayAction;
        let mut page = fresh();
        let effects = page.update(trainer::Action::PlayPreset("fault".into(), 1).into());
        assert_eq!(page.view, View::Trainer);
        assert!(effects.contains(&Effect::RememberView(View::Trainer)));
        assert!(effects.contains(&Effect::Focus("stage-title")));
        let effects = page.update(trainer::Action::Play(PlayAction::Toggle).into());
        assert!(effects.contains(&Effect::Ticker(Some(500))), "{effects:?}");
        let effects = page.update(Msg::SetView(View::Plan));
        assert!(effects.contains(&Effect::Ticker(None)), "{effects:?}");
        assert!(!page.trainer.play.playing);
        page.update(plan::Action::EditGoal(GoalInput::Target, "140".into()).into());
        page.update(Msg::SetView(View::Workspace));
        page.update(Msg::SetView(View::Plan));
        assert_eq!(page.plan.form.target, "140", "the goal as typed is kept");
        // Every update asks for an autosave.
        assert_eq!(
            page.update(Msg::SetLang(Lang::Zh)).last(),
            Some(&Effect::Autosave)
        );
    }

    #[test]
    fn the_lessons_comparison_follows_an_edit_of_the_scenario() {
        let mut page = fresh();
        page.update(trainer::Action::PlayPreset("fault".into(), 0).into());
        let first = page
            .trainer
            .comparison
            .clone()
            .expect("the fault has a comparison");
        assert_eq!(first.params.team.ams, page.workspace.params.team.ams);
        page.update(Msg::SetView(View::Workspace));
        page.update(workspace::Action::EditField(Field::Ams, "8".into()).into());
        page.update(Msg::SetView(View::Trainer));
        let again = page.trainer.comparison.clone().expect("still a comparison");
        assert_eq!(
            again.params.team.ams, 8.0,
            "the comparison is the edited scenario's"
        );
        assert_eq!(again.params.policy, first.params.policy);
    }

    /// Issue 18: the actuals typed are the scenario's — in what is saved, shared and autosaved —
    /// and a page restored from the autosave shows them in the form; the run is not redone.
    #[test]
    fn typed_actuals_are_kept_with_the_scenario_and_restored() {
        let w = fresh().apply(Msg::SetView(View::Track));
        let revision = w.workspace.revision;
        let w = w
            .apply(track::Action::Edit {
                week: 4,
                figure: track::Figure::NewLoans,
                text: "7".into(),
            })
            .apply(track::Action::Edit {
                week: 4,
                figure: track::Figure::Leads,
                text: "x".into(),
            });
        assert_eq!(w.workspace.revision, revision, "no new run for a figure");
        let kept = &w.current_scenario().params.actuals;
        assert_eq!(kept.len(), 1);
        assert_eq!(
            (kept[0].week, kept[0].new_loans, kept[0].leads),
            (4, Some(7.0), None)
        );
        assert!(w.has_unsaved_changes());
        let text = files::write_workspace(&w.snapshot());
        let snapshot = files::read_workspace(&text).expect("readable").snapshot;
        let restored = Page::from_snapshot(Lang::En, snapshot, Library::default());
        assert_eq!(restored.workspace.params.actuals, *kept);
        assert_eq!(
            restored
                .track
                .typed
                .get(&(4, track::Figure::NewLoans))
                .map(String::as_str),
            Some("7")
        );
        // Another scenario brings its own actuals (none): the form follows it.
        let other = restored.apply(workspace::Action::LoadPreset("steady".into(), 0));
        assert!(other.track.typed.is_empty());
    }

    /// Issue 18: the Actuals view's band runs in the pool under its own job numbers — its answers
    /// reach the view, never the fan — and gives the pool up to the fan's job.
    #[test]
    fn the_actuals_band_runs_in_the_pool_beside_the_fan_and_gives_way_to_it() {
        let mut page = fresh();
        // The band of the path starts as the view opens, so it is there when figures are typed.
        let effects = page.update(Msg::SetView(View::Track));
        let Some(Effect::StartMonteCarlo(job)) = effects
            .iter()
            .find(|e| matches!(e, Effect::StartMonteCarlo(_)))
        else {
            panic!("the band starts as the view opens: {effects:?}");
        };
        let (band_job, band_params) = (job.id, job.params.clone());
        assert_ne!(band_job & track::BAND_JOB, 0);
        // Another figure keeps the path: no second job.
        let effects = page.update(
            track::Action::Edit {
                week: 3,
                figure: track::Figure::NewLoans,
                text: "8".into(),
            }
            .into(),
        );
        assert!(!effects
            .iter()
            .any(|e| matches!(e, Effect::StartMonteCarlo(_))));
        page.update(
            montecarlo::Action::Finished {
                job: band_job,
                output: Rc::new(ten_runs(&band_params, 3)),
            }
            .into(),
        );
        assert!(
            page.track.band_output().is_some(),
            "the band reached the view"
        );
        assert!(
            matches!(page.mc.status, montecarlo::Status::Idle),
            "not the fan's"
        );
        // The fan's job takes the pool from a band running, which starts again when it is free.
        page.track.band_superseded();
        let mut params = page.workspace.params.clone();
        params.team.ams += 1.0;
        page.workspace.open(params, page.workspace.start_date);
        let effects = page.update(montecarlo::Action::Run.into());
        let Some(Effect::StartMonteCarlo(fan)) = effects.first() else {
            panic!("the fan starts: {effects:?}");
        };
        assert_eq!(fan.id & track::BAND_JOB, 0);
        assert!(
            page.track.band_progress().is_none(),
            "the band waits for the fan"
        );
        let (fan_job, fan_params) = (fan.id, fan.params.clone());
        let effects = page.update(
            montecarlo::Action::Finished {
                job: fan_job,
                output: Rc::new(ten_runs(&fan_params, 3)),
            }
            .into(),
        );
        assert!(page.current_mc().is_some());
        assert!(
            effects
                .iter()
                .any(|e| matches!(e, Effect::StartMonteCarlo(j) if j.id & track::BAND_JOB != 0)),
            "the band of the new path starts once the pool is free: {effects:?}"
        );
    }
}
