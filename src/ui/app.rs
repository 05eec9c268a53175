//! The root component: owns the workspace state and lays out the page's regions.

use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::services::locale;
use crate::ui::components::footer::Footer;
use crate::ui::components::header::Header;
use crate::ui::state::{Action, Workspace};

#[function_component(App)]
pub fn app() -> Html {
    let workspace = use_reducer(|| Workspace {
        lang: locale::initial_lang(),
    });
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

    html! {
        <div class="app">
            <Header {lang} {onlangchange} />
            <main class="workspace">
                <section class="region region-inputs" aria-labelledby="region-inputs-title">
                    <h2 id="region-inputs-title">{ Text::RegionInputs.get(lang) }</h2>
                </section>
                <section class="region region-results" aria-labelledby="region-results-title">
                    <h2 id="region-results-title">{ Text::RegionResults.get(lang) }</h2>
                </section>
                <section class="region region-charts" aria-labelledby="region-charts-title">
                    <h2 id="region-charts-title">{ Text::RegionCharts.get(lang) }</h2>
                </section>
            </main>
            <Footer {lang} />
        </div>
    }
}
