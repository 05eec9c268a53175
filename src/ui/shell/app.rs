//! The root component: renders the page's view models into its regions and sends what the person
//! does back to the page as messages. It computes nothing itself; the charts are memoised so they
//! are drawn again only when what they show changes.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{fill, Text};
use crate::services::{clock, display, files, locale, share};
use crate::ui::book::backtest::backtest_view;
use crate::ui::book::backtest_components::BacktestPanel;
use crate::ui::book::components::BookPanel;
use crate::ui::book::view::book_view;
use crate::ui::chart_data::{chart_set, ChartSet, Overlays};
use crate::ui::classroom::components::Classroom;
use crate::ui::classroom::view::classroom_view;
use crate::ui::compare::components::Compare;
use crate::ui::compare::view::compare_view;
use crate::ui::effect::Effect;
use crate::ui::library::components::library_panel::LibraryPanel;
use crate::ui::library::components::notices::Notices;
use crate::ui::library::view::library_panel_view;
use crate::ui::montecarlo::components::McPanel;
use crate::ui::montecarlo::view::mc_view;
use crate::ui::page::{Msg, View};
use crate::ui::plan::components::PlanPanel;
use crate::ui::plan::panel::plan_panel_view;
use crate::ui::sensitivity::components::Levers;
use crate::ui::sensitivity::view::sensitivity_view;
use crate::ui::shell::footer::Footer;
use crate::ui::shell::header::Header;
use crate::ui::shell::keep::{use_drop_controls, use_shell};
use crate::ui::shell::views_nav::ViewsNav;
use crate::ui::start::components::StartBand;
use crate::ui::start::view::start_view;
use crate::ui::track::components::TrackPanel;
use crate::ui::track::view::track_view;
use crate::ui::trainer::components::gallery::Gallery;
use crate::ui::trainer::components::stage::Stage;
use crate::ui::trainer::debrief::debrief_view;
use crate::ui::trainer::stage::stage_view;
use crate::ui::trainer::view::cards;
use crate::ui::widgets::charts_panel::ChartsPanel;
use crate::ui::widgets::kpi_panel::KpiPanel;
use crate::ui::workspace::components::inputs::InputsPanel;
use crate::ui::workspace::inputs::inputs_view;
use crate::ui::workspace::view::kpi_panel;
use crate::ui::{
    book, classroom, compare, library, montecarlo, plan, sensitivity, start, track, trainer,
    workspace,
};

#[function_component(App)]
pub fn app() -> Html {
    let shell = use_shell();
    let dispatch = shell.dispatcher();
    let page = shell.page();
    let drop = use_drop_controls(&dispatch, page.view);
    let lang = page.lang;

    // The document's language follows the switch so screen readers and fonts pick the right script.
    use_effect_with(lang, |lang| locale::apply_lang(*lang));
    let (dark, narrow) = *use_memo((), |()| (display::prefers_dark(), display::is_narrow()));

    let ws = &page.workspace;
    let revision = ws.revision;
    // Charts are rebuilt only when what they draw changes, not on every keystroke in other inputs.
    let workspace_charts: Rc<Option<Rc<ChartSet>>> = {
        let result = ws.result.clone();
        let mc = page.current_mc().cloned();
        let pinned = page.compare.pinned.clone();
        let mc_key = mc.as_ref().map(|o| Rc::as_ptr(o) as usize);
        use_memo(
            (revision, lang, mc_key, pinned.clone()),
            move |(_, lang, _, _)| {
                result.map(|result| {
                    let overlays = Overlays {
                        mc: mc.as_deref(),
                        pinned: &pinned,
                        ..Overlays::default()
                    };
                    Rc::new(chart_set(&result, &overlays, *lang))
                })
            },
        )
    };
    let week = page.trainer.play.week;
    let stage_charts: Rc<Option<Rc<ChartSet>>> = {
        let result = ws.result.clone();
        let ghost = ws.ghost.clone();
        use_memo((revision, lang, week), move |&(_, lang, week)| {
            let overlays = Overlays {
                visible_weeks: Some(week + 1),
                ghost: ghost.as_deref(),
                ..Overlays::default()
            };
            result.map(|result| Rc::new(chart_set(&result, &overlays, lang)))
        })
    };

    let onlangchange = dispatch.reform(Msg::SetLang);
    let onview = dispatch.reform(Msg::SetView);
    let onworkspace = dispatch.reform(|a: workspace::Action| Msg::Workspace(a));
    let oncompare = dispatch.reform(|a: compare::Action| Msg::Compare(a));
    let onmc = dispatch.reform(|a: montecarlo::Action| Msg::Mc(a));
    let onlibrary = dispatch.reform(|a: library::Action| Msg::Library(a));
    let ontrainer = dispatch.reform(|a: trainer::Action| Msg::Trainer(a));
    let onplan = dispatch.reform(|a: plan::Action| Msg::Plan(a));
    let onstart = dispatch.reform(|a: start::Action| Msg::Start(a));
    let onlevers = dispatch.reform(|a: sensitivity::Action| Msg::Sensitivity(a));
    let ontrack = dispatch.reform(|a: track::Action| Msg::Track(a));
    let onbook = dispatch.reform(|a: book::Action| Msg::Book(a));
    let onstartedit =
        dispatch.reform(|(field, text)| Msg::Workspace(workspace::Action::EditField(field, text)));
    let onstartplan = dispatch.reform(|()| Msg::PlanMyTeam);
    let onstartlessons = dispatch.reform(|()| Msg::SetView(View::Trainer));
    let onstartlink = dispatch.reform(|()| Msg::OpenPastedLink {
        today: clock::today(),
    });
    // One callback for the page's life: the chart panels compare their props, and a new callback
    // each render made all six charts redraw on every Monte Carlo progress report.
    let oneffect: Callback<Effect> = {
        let shell = Rc::clone(&shell);
        (*use_memo((), move |()| {
            Callback::from(move |effect| shell.run_effect(effect))
        }))
        .clone()
    };
    let onclassroom = dispatch.reform(|a: classroom::Action| Msg::Classroom(a));
    // A session's nonce only keeps two sessions of the same rules apart: Math.random is enough.
    let onclassopen = dispatch.reform(|()| {
        Msg::Classroom(classroom::Action::StartOpening(
            (js_sys::Math::random() * f64::from(u32::MAX)) as u32,
        ))
    });
    let onclassfiles = {
        let dispatch = dispatch.clone();
        Callback::from(move |picked: Vec<web_sys::File>| {
            let dispatch = dispatch.clone();
            files::read_files(
                picked,
                Callback::from(move |read: Vec<files::ReadFile>| {
                    for file in read {
                        if let Ok(text) = file.content {
                            dispatch.emit(Msg::Classroom(classroom::Action::CollectFile(
                                file.name, text,
                            )));
                        }
                    }
                }),
            );
        })
    };
    let onclasssession = {
        let dispatch = dispatch.clone();
        Callback::from(move |picked: Vec<web_sys::File>| {
            let dispatch = dispatch.clone();
            files::read_files(
                picked.into_iter().take(1).collect(),
                Callback::from(move |read: Vec<files::ReadFile>| {
                    for file in read {
                        if let Ok(text) = file.content {
                            dispatch.emit(Msg::Classroom(classroom::Action::OpenSessionFile(
                                file.name, text,
                            )));
                        }
                    }
                }),
            );
        })
    };
    let class_base = share::link_to("").trim_end_matches('#').to_owned();
    let oncsv = dispatch.reform(|_: MouseEvent| Msg::Workspace(workspace::Action::DownloadWeeks));

    // The debrief runs the scenario once per decision, so it is worked out only when it opens and
    // again only when what it reports changes.
    let debrief = {
        let open = page.view == View::Trainer && page.trainer.debrief;
        let trainer = page.trainer.clone();
        let result = ws.result.clone();
        let ghost = ws.ghost.clone();
        let comparison = trainer.comparison.as_ref().map(|c| Rc::as_ptr(c) as usize);
        use_memo(
            (open, revision, lang, comparison),
            move |&(open, _, lang, _)| {
                result
                    .filter(|_| open)
                    .map(|result| debrief_view(&trainer, &result, ghost.as_deref(), lang))
            },
        )
    };
    let library_view = library_panel_view(&*page, clock::today());
    let panel = ws.result.as_ref().map(|r| kpi_panel(r, lang));
    let presenter = page.view == View::Trainer && page.trainer.play.presenter;
    let debriefing = debrief.is_some();

    html! {
        <div class={classes!("app", drop.dragging.then_some("is-dragging"), presenter.then_some("is-presenter"),
            debriefing.then_some("has-debrief"))}
            ondragover={drop.ondragover} ondragleave={drop.ondragleave} ondrop={drop.ondrop}>
            <Header {lang} {onlangchange} />
            <ViewsNav view={page.view} {lang} {onview} drop_target={drop.onto_book.then_some(View::Book)} />
            // What the page tells about keeping and sharing shows at the top, on every view.
            <div class="notices-band">
                <Notices notices={library_view.notices.clone()} {lang} ondispatch={onlibrary.clone()} />
            </div>
            if drop.dragging {
                <div class="drop-overlay" aria-hidden="true">
                    <p>{ if drop.onto_book { Text::BookDropHere.get(lang) } else { Text::DropHere.get(lang) } }</p>
                </div>
            }
            if page.view == View::Trainer {
                <main class="trainer-view">
                    if !presenter {
                        <Gallery cards={cards(lang)} {lang} ondispatch={ontrainer.clone()} />
                    }
                    if let (Some(result), Some(set)) = (ws.result.as_ref(), (*stage_charts).clone()) {
                        <Stage view={stage_view(&page.trainer, result, ws.ghost.as_deref(), lang)}
                            debrief={(*debrief).clone()} charts={set} {lang} ondispatch={ontrainer} ondownload={oneffect.clone()} {dark} {narrow} />
                    }
                </main>
            }
            if page.view == View::Classroom {
                <Classroom view={classroom_view(&page.classroom, &class_base, ws.start_date, lang)} {lang}
                    ondispatch={onclassroom} oneffect={oneffect.clone()} onopen={onclassopen} onfiles={onclassfiles} onsessionfile={onclasssession} {dark} {narrow} />
            }
            if page.view == View::Plan {
                <main class="plan-view">
                    <h2>{ Text::ViewPlan.get(lang) }</h2>
                    <PlanPanel view={plan_panel_view(&page.plan, ws, lang)} {lang} ondispatch={onplan}
                        today={clock::today()} {dark} {narrow} />
                    // The printed plan is the whole report: the scenario's figures, warnings and
                    // charts follow the plan on paper (they are on the workspace tab on screen).
                    <section class="print-only report-appendix">
                        <h2>{ Text::RegionResults.get(lang) }</h2>
                        if let Some(panel) = panel.clone() {
                            <KpiPanel {panel} {lang} />
                        }
                        if let Some(set) = (*workspace_charts).clone() {
                            <ChartsPanel {set} {lang} dark={false} narrow={false} ondownload={oneffect.clone()} />
                        }
                    </section>
                </main>
            }
            if page.view == View::Track {
                <main class="track-view">
                    <h2>{ Text::TrackTitle.get(lang) }</h2>
                    <TrackPanel view={track_view(&page.track, ws, lang)} ondispatch={ontrack}
                        onimport={drop.onimport_actuals.clone()} today={clock::today()} {dark} {narrow} />
                </main>
            }
            if page.view == View::Book {
                <main class="book-view">
                    <h2>{ Text::BookTitle.get(lang) }</h2>
                    <BookPanel view={book_view(&page.book, &ws.current().0, lang)} ondispatch={onbook.clone()}
                        onimport={drop.onimport_book.clone()} onsample={drop.onsample_book.clone()}
                        onimport_activity={drop.onimport_activity.clone()}
                        dragging={drop.onto_book} />
                    if let Some(view) = backtest_view(&page.book.backtest, lang) {
                        <BacktestPanel {view} ondispatch={onbook.reform(book::Action::Backtest)} {dark} {narrow} />
                    }
                </main>
            }
            if page.view == View::Workspace {
            <StartBand view={start_view(&page.start, ws, lang)} {lang} ondispatch={onstart}
                onedit={onstartedit} onplan={onstartplan} onlessons={onstartlessons}
                onopenlink={onstartlink} onimport={drop.onimport.clone()} />
            <main class="workspace">
                <section class="region region-inputs" aria-labelledby="region-inputs-title">
                    <h2 id="region-inputs-title">{ Text::RegionInputs.get(lang) }</h2>
                    <InputsPanel view={inputs_view(ws, lang)} {lang} ondispatch={onworkspace} />
                </section>
                <section class={classes!("region", "region-results", ws.stale.then_some("is-stale"))}
                    aria-labelledby="region-results-title" aria-live="polite">
                    <h2 id="region-results-title">{ Text::RegionResults.get(lang) }</h2>
                    if ws.stale {
                        <p class="stale-banner" role="status">{ Text::StaleResults.get(lang) }</p>
                    }
                    if !ws.params.interventions.is_empty() {
                        <p class="decisions-note" role="note">
                            { fill(Text::DecisionsNote.get(lang), &[&ws.params.interventions.len().to_string()]) }
                            { " " }
                            <button type="button" class="link-button" onclick={dispatch.reform(|_| Msg::SetView(View::Trainer))}>
                                { Text::DecisionsShow.get(lang) }
                            </button>
                        </p>
                    }
                    if let Some(panel) = panel {
                        <KpiPanel {panel} {lang} />
                    }
                    <Compare view={compare_view(&page.compare, ws.can_keep(), lang)} {lang} ondispatch={oncompare} />
                    <McPanel view={mc_view(&page.mc, ws, lang)} {lang} ondispatch={onmc} />
                    <Levers view={sensitivity_view(&page.sensitivity, ws, lang)} {lang} ondispatch={onlevers} ondownload={oneffect.clone()} />
                </section>
                <section class={classes!("region", "region-charts", ws.stale.then_some("is-stale"))}
                    aria-labelledby="region-charts-title">
                    <h2 id="region-charts-title">{ Text::RegionCharts.get(lang) }</h2>
                    if ws.result.is_some() {
                        <button type="button" class="download-csv" onclick={oncsv}>{ Text::DownloadCsv.get(lang) }</button>
                    }
                    if let Some(set) = (*workspace_charts).clone() {
                        <ChartsPanel {set} {lang} {dark} {narrow} ondownload={oneffect} />
                    }
                </section>
            </main>
            }
            // Keeping and sharing the scenario comes after the work, on every view.
            <div class="keep">
                <section class="region region-library" aria-labelledby="region-library-title">
                    <LibraryPanel view={library_view} {lang} today={clock::today()}
                        ondispatch={onlibrary} onimport={drop.onimport} />
                </section>
            </div>
            <Footer {lang} />
        </div>
    }
}
