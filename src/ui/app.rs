//! The root component: owns the workspace state and lays out the page's regions.

use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::services::{clock, locale};
use crate::ui::components::footer::Footer;
use crate::ui::components::header::Header;
use crate::ui::components::inputs::InputsPanel;
use crate::ui::components::kpi_panel::KpiPanel;
use crate::ui::state::{Action, Workspace};
use crate::ui::view_model::kpi_panel;

#[function_component(App)]
pub fn app() -> Html {
    let workspace = use_reducer(|| Workspace::new(locale::initial_lang(), clock::today()));
    let lang = workspace.lang;

    {
        // The document's language follows the switch so screen readers and fonts pick the right script.
        use_effect_with(lang, |lang| locale::apply_lang(*lang));
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
    let state = (*workspace).clone();
    let panel = state.result.as_ref().map(|r| kpi_panel(r, lang));

    html! {
        <div class="app">
            <Header {lang} {onlangchange} />
            <main class="workspace">
                <section class="region region-inputs" aria-labelledby="region-inputs-title">
                    <h2 id="region-inputs-title">{ Text::RegionInputs.get(lang) }</h2>
                    <InputsPanel workspace={std::rc::Rc::new(state.clone())} ondispatch={ondispatch.clone()} />
                </section>
                <section class={classes!("region", "region-results", state.stale.then_some("is-stale"))}
                    aria-labelledby="region-results-title" aria-live="polite">
                    <h2 id="region-results-title">{ Text::RegionResults.get(lang) }</h2>
                    if state.stale {
                        <p class="stale-banner" role="status">{ Text::StaleResults.get(lang) }</p>
                    }
                    if let Some(panel) = panel {
                        <KpiPanel {panel} {lang} />
                    }
                </section>
                <section class="region region-charts" aria-labelledby="region-charts-title">
                    <h2 id="region-charts-title">{ Text::RegionCharts.get(lang) }</h2>
                </section>
            </main>
            <Footer {lang} />
        </div>
    }
}
