//! The view switch under the header: workspace, cadence plan, actuals, trainer.

use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::ui::page::View;

#[derive(Properties, PartialEq)]
pub struct ViewsNavProps {
    pub view: View,
    pub lang: Lang,
    pub onview: Callback<View>,
    /// The view a file dragged over the page would be dropped into (its tab is marked).
    #[prop_or_default]
    pub drop_target: Option<View>,
}

#[function_component(ViewsNav)]
pub fn views_nav(props: &ViewsNavProps) -> Html {
    let lang = props.lang;
    html! {
        <nav class="views-nav" aria-label={Text::ViewsNavLabel.get(lang)}>
            <ul>
                { for View::ALL.into_iter().map(|view| {
                    let onclick = props.onview.reform(move |_| view);
                    let current = (view == props.view).then_some("page");
                    html! {
                        <li key={view.id()}>
                            <button type="button" data-view={view.id()}
                                class={classes!("view-tab", (props.drop_target == Some(view)).then_some("is-drop-target"))}
                                aria-current={current} {onclick}>
                                { view.label().get(lang) }
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </nav>
    }
}
