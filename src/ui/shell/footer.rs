//! The page footer: the version and the promise that nothing leaves the browser.

use yew::prelude::*;

use crate::i18n::{Lang, Text};

#[derive(Properties, PartialEq)]
pub struct FooterProps {
    pub lang: Lang,
}

#[function_component(Footer)]
pub fn footer(props: &FooterProps) -> Html {
    let lang = props.lang;
    html! {
        <footer class="site-footer">
            <span class="version">{ Text::FooterVersion.get(lang) }{ " " }{ env!("CARGO_PKG_VERSION") }</span>
            <span>{ Text::FooterLocal.get(lang) }</span>
        </footer>
    }
}
