//! The notices: refused files and links with every problem listed, recovered data, storage that
//! cannot keep work, news of imports and saves; each can be dismissed, a deletion undone, and a
//! plain confirmation ("Saved …") goes away by itself.

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::ui::library::view::NoticeView;
use crate::ui::library::Action;

/// How long a plain confirmation stays on screen.
const TRANSIENT_MS: u32 = 6_000;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Vec<NoticeView>,
    pub lang: Lang,
    /// Dismiss, undo a deletion, download the library, the scenario or stored data (when storage
    /// cannot keep them, or holds what the page could not read).
    pub ondispatch: Callback<Action>,
}

#[function_component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    let lang = props.lang;
    let transient: Vec<u64> = props
        .notices
        .iter()
        .filter(|n| n.transient)
        .map(|n| n.id)
        .collect();
    {
        let ondismiss = props.ondispatch.reform(Action::Dismiss);
        use_effect_with(transient, move |ids| {
            let timers: Vec<Timeout> = ids
                .iter()
                .map(|&id| {
                    let ondismiss = ondismiss.clone();
                    Timeout::new(TRANSIENT_MS, move || ondismiss.emit(id))
                })
                .collect();
            // Dropping a timer cancels it: a confirmation already dismissed is not dismissed twice.
            move || drop(timers)
        });
    }
    html! {
        <div class="notices" aria-live="polite">
            { for props.notices.iter().map(|n| {
                let id = n.id;
                let d = &props.ondispatch;
                html! {
                    <div class={classes!("notice", n.tone.class())} key={id} data-notice={id.to_string()}>
                        <p class="notice-message">{ &n.message }</p>
                        if !n.problems.is_empty() {
                            <ul class="notice-problems">
                                { for n.problems.iter().map(|p| html! {
                                    <li>
                                        if !p.label.is_empty() {
                                            <strong class="notice-label">{ &p.label }</strong>{ ": " }
                                        }
                                        <span>{ &p.text }</span>
                                        if !p.field.is_empty() {
                                            { " " }<code class="notice-field">{ &p.field }</code>
                                        }
                                    </li>
                                }) }
                            </ul>
                        }
                        if let Some(more) = &n.more {
                            <p class="notice-more">{ more }</p>
                        }
                        <div class="notice-actions">
                            if n.undo {
                                <button type="button" class="notice-undo"
                                    onclick={d.reform(|_| Action::UndoDelete)}>
                                    { Text::NoticeUndo.get(lang) }
                                </button>
                            }
                            { for n.downloads.iter().map(|(what, label)| {
                                let what = *what;
                                html! {
                                    <button type="button" class="notice-download"
                                        onclick={d.reform(move |_| Action::Download(what))}>
                                        { label }
                                    </button>
                                }
                            }) }
                            <button type="button" class="notice-dismiss"
                                onclick={d.reform(move |_| Action::Dismiss(id))}>
                                { Text::NoticeDismiss.get(lang) }
                            </button>
                        </div>
                    </div>
                }
            }) }
        </div>
    }
}
