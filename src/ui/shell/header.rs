//! The page header: the product's name, its one-line purpose and the language switch.

use yew::prelude::*;

use crate::i18n::{Lang, Text};

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    pub onlangchange: Callback<Lang>,
}

#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let lang = props.lang;
    let other = match lang {
        Lang::En => Lang::Zh,
        Lang::Zh => Lang::En,
    };
    let onclick = {
        let onlangchange = props.onlangchange.clone();
        Callback::from(move |_| onlangchange.emit(other))
    };
    html! {
        <header class="site-header">
            <div class="brand">
                <h1 class="brand-name">{ Text::AppName.get(lang) }</h1>
                <p class="tagline">{ Text::Tagline.get(lang) }</p>
            </div>
            // Its name is what it shows (the other language's name, in that language); what it
            // does is the tooltip, so the accessible name contains the visible text.
            <button type="button" class="lang-switch" lang={other.tag()}
                title={Text::LanguageSwitchLabel.get(lang)} {onclick}>
                { Text::LanguageSwitch.get(lang) }
            </button>
        </header>
    }
}
