//! The root component: owns the workspace state and lays out the page's regions.

use yew::prelude::*;

use crate::i18n::{fill, Lang, Text};
use crate::services::monte_carlo::{worker_count, McEvent, McPool};
use crate::services::storage::{BrowserStore, Store};
use crate::services::{clock, display, locale};
use crate::ui::chart_data::{chart_set, Overlays};
use crate::ui::compare::components::Compare;
use crate::ui::library::components::library_panel::LibraryPanel;
use crate::ui::library::components::notices::Notices;
use crate::ui::library::view::notice_views;
use crate::ui::montecarlo::components::McPanel;
use crate::ui::plan::components::PlanPanel;
use crate::ui::shell::footer::Footer;
use crate::ui::shell::header::Header;
use crate::ui::shell::keep::{notice_callbacks, use_keep_controls, use_kept_workspace};
use crate::ui::shell::views_nav::ViewsNav;
use crate::ui::state::Action;
use crate::ui::trainer::clock::View;
use crate::ui::trainer::components::gallery::Gallery;
use crate::ui::trainer::components::stage::Stage;
use crate::ui::widgets::charts_panel::ChartsPanel;
use crate::ui::widgets::kpi_panel::KpiPanel;
use crate::ui::workspace::components::inputs::InputsPanel;
use crate::ui::workspace::view::{kpi_panel, mc_summary};

/// Where the view shown is remembered.
const VIEW_KEY: &str = "cadence.view";

#[function_component(App)]
pub fn app() -> Html {
    // Restored from the browser's storage, autosaved after every change, opened on a share link.
    let workspace = use_kept_workspace();
    let keep = use_keep_controls(&workspace);
    let (ondismiss, onundo, ondownloadcurrent) = notice_callbacks(&workspace, &keep.ondownload);
    let lang = workspace.lang;

    {
        // The document's language follows the switch so screen readers and fonts pick the right script.
        use_effect_with(lang, |lang| locale::apply_lang(*lang));
    }

    {
        // The view is remembered on this machine, so a trainer who reloads stays on the stage.
        let workspace = workspace.clone();
        use_effect_with((), move |()| {
            let stored = BrowserStore::open().get(VIEW_KEY).ok().flatten();
            if let Some(view) = stored.as_deref().and_then(View::from_id) {
                if view != workspace.view {
                    workspace.dispatch(Action::SetView(view));
                }
            }
        });
    }
    {
        use_effect_with(workspace.view, |view| {
            // Not remembering the view is harmless: the page opens on the workspace.
            let _ = BrowserStore::open().set(VIEW_KEY, view.id());
        });
    }

    let onlangchange = {
        let workspace = workspace.clone();
        Callback::from(move |lang: Lang| {
            locale::remember_lang(lang);
            workspace.dispatch(Action::SetLang(lang));
        })
    };
    let ondispatch = {
        let workspace = workspace.clone();
        Callback::from(move |action: Action| workspace.dispatch(action))
    };
    // The plan's goal outlives the plan view, so switching views and back keeps what was typed.
    let plan_goal = use_mut_ref(crate::ui::plan::view::GoalForm::default);
    // The worker pool is spawned on the first run and reused: starting a worker costs ~100 ms.
    let pool = use_mut_ref(|| None::<McPool>);
    let onrun = {
        let workspace = workspace.clone();
        let pool = pool.clone();
        Callback::from(move |()| {
            let Ok((runs, seed)) = workspace.mc.parsed() else {
                return;
            };
            let params = workspace.params.clone();
            let mut slot = pool.borrow_mut();
            let pool = slot.get_or_insert_with(|| {
                let dispatcher = workspace.dispatcher();
                McPool::spawn(
                    worker_count(),
                    std::rc::Rc::new(move |event: McEvent| {
                        dispatcher.dispatch(match event {
                            McEvent::Progress { done, total } => Action::McProgress { done, total },
                            McEvent::Finished(output) => Action::McFinished(output),
                            McEvent::Failed(message) => Action::McFailed(message),
                        });
                    }),
                )
            });
            pool.start(&params, &crate::scenario::to_json(&params), runs, seed);
        })
    };
    let oncancel = {
        let workspace = workspace.clone();
        let pool = pool.clone();
        Callback::from(move |()| {
            if let Some(pool) = pool.borrow().as_ref() {
                pool.cancel();
            }
            workspace.dispatch(Action::McCancelled);
        })
    };
    let oneditruns = {
        let workspace = workspace.clone();
        Callback::from(move |text: String| workspace.dispatch(Action::EditMcRuns(text)))
    };
    let oneditseed = {
        let workspace = workspace.clone();
        Callback::from(move |text: String| workspace.dispatch(Action::EditMcSeed(text)))
    };

    let state = (*workspace).clone();
    let panel = state.result.as_ref().map(|r| kpi_panel(r, lang));
    let mc = state
        .current_mc()
        .zip(state.result.as_ref())
        .map(|(output, result)| mc_summary(output, result, lang));
    let shared = std::rc::Rc::new(state.clone());
    // The weekly series of the results shown, as CSV with headers in the page's language and a
    // byte-order mark so spreadsheet programs read Chinese text as UTF-8.
    let oncsv = {
        let result = state.result.clone();
        Callback::from(move |_| {
            if let Some(result) = &result {
                let csv = crate::ui::workspace::csv::ev_weekly_csv(&result.ev, lang);
                crate::services::files::download(
                    "cadence-weeks.csv",
                    &csv,
                    "text/csv;charset=utf-8",
                );
            }
        })
    };

    // Charts are rebuilt only when what they draw changes, not on every keystroke in other inputs.
    let mc_key = state.current_mc().map(|o| std::rc::Rc::as_ptr(o) as usize);
    let charts = {
        let state = state.clone();
        use_memo(
            (state.revision, lang, mc_key, state.pinned.clone()),
            move |_| {
                state.result.as_ref().map(|result| {
                    let overlays = Overlays {
                        mc: state.current_mc().map(AsRef::as_ref),
                        pinned: &state.pinned,
                        ..Overlays::default()
                    };
                    std::rc::Rc::new(chart_set(result, &overlays, lang))
                })
            },
        )
    };
    let (dark, narrow) = *use_memo((), |()| (display::prefers_dark(), display::is_narrow()));

    let notices = notice_views(&state);
    let onview = ondispatch.reform(Action::SetView);
    let presenter = state.view == View::Trainer && state.play.presenter;

    html! {
        <div class={classes!("app", keep.dragging.then_some("is-dragging"), presenter.then_some("is-presenter"))}
            ondragover={keep.ondragover} ondragleave={keep.ondragleave} ondrop={keep.ondrop}>
            <Header {lang} {onlangchange} />
            <ViewsNav view={state.view} {lang} {onview} />
            <div class="keep">
                <section class="region region-library" aria-labelledby="region-library-title">
                    <LibraryPanel workspace={shared.clone()} today={clock::today()} share={keep.share}
                        ondispatch={ondispatch.clone()} ondownload={keep.ondownload} onshare={keep.onshare}
                        onimport={keep.onimport}>
                        <Notices {notices} {lang} {ondismiss} {onundo} ondownload={ondownloadcurrent} />
                    </LibraryPanel>
                </section>
            </div>
            if keep.dragging {
                <div class="drop-overlay" aria-hidden="true"><p>{ Text::DropHere.get(lang) }</p></div>
            }
            if state.view == View::Trainer {
                <main class="trainer-view">
                    if !presenter {
                        <Gallery {lang} ondispatch={ondispatch.clone()} />
                    }
                    <Stage workspace={shared.clone()} ondispatch={ondispatch.clone()} {dark} {narrow} />
                </main>
            }
            if state.view == View::Plan {
                <main class="plan-view">
                    <h2>{ Text::ViewPlan.get(lang) }</h2>
                    <PlanPanel workspace={shared.clone()} {dark} {narrow} goal={plan_goal.clone()} />
                    // The printed plan is the whole report: the scenario's figures, warnings and
                    // charts follow the plan on paper (they are on the workspace tab on screen).
                    <section class="print-only report-appendix">
                        <h2>{ Text::RegionResults.get(lang) }</h2>
                        if let Some(panel) = panel.clone() {
                            <KpiPanel {panel} {lang} />
                        }
                        if let Some(set) = (*charts).clone() {
                            <ChartsPanel {set} {lang} dark={false} narrow={false} />
                        }
                    </section>
                </main>
            }
            if state.view == View::Workspace {
            <main class="workspace">
                <section class="region region-inputs" aria-labelledby="region-inputs-title">
                    <h2 id="region-inputs-title">{ Text::RegionInputs.get(lang) }</h2>
                    <InputsPanel workspace={shared.clone()} ondispatch={ondispatch.clone()} />
                </section>
                <section class={classes!("region", "region-results", state.stale.then_some("is-stale"))}
                    aria-labelledby="region-results-title" aria-live="polite">
                    <h2 id="region-results-title">{ Text::RegionResults.get(lang) }</h2>
                    if state.stale {
                        <p class="stale-banner" role="status">{ Text::StaleResults.get(lang) }</p>
                    }
                    if !state.params.interventions.is_empty() {
                        <p class="decisions-note" role="note">
                            { fill(Text::DecisionsNote.get(lang), &[&state.params.interventions.len().to_string()]) }
                            { " " }
                            <button type="button" class="link-button" onclick={ondispatch.reform(|_| Action::SetView(View::Trainer))}>
                                { Text::DecisionsShow.get(lang) }
                            </button>
                        </p>
                    }
                    if let Some(panel) = panel {
                        <KpiPanel {panel} {lang} />
                    }
                    <Compare workspace={shared.clone()} ondispatch={ondispatch.clone()} />
                    <McPanel workspace={shared.clone()} summary={mc} {oneditruns} {oneditseed} {onrun} {oncancel} />
                </section>
                <section class={classes!("region", "region-charts", state.stale.then_some("is-stale"))}
                    aria-labelledby="region-charts-title">
                    <h2 id="region-charts-title">{ Text::RegionCharts.get(lang) }</h2>
                    if state.result.is_some() {
                        <button type="button" class="download-csv" onclick={oncsv}>{ Text::DownloadCsv.get(lang) }</button>
                    }
                    if let Some(set) = (*charts).clone() {
                        <ChartsPanel {set} {lang} {dark} {narrow} />
                    }
                </section>
            </main>
            }
            <Footer {lang} />
        </div>
    }
}
