//! Pin the current scenario under a name, and compare pinned scenarios side by side with the
//! difference from a reference the user picks.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::Text;
use crate::ui::state::{Action, Workspace, MAX_PINNED};
use crate::ui::workspace::view::compare_table;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub workspace: Rc<Workspace>,
    pub ondispatch: Callback<Action>,
}

#[function_component(Compare)]
pub fn compare(props: &CompareProps) -> Html {
    let w = &props.workspace;
    let lang = w.lang;
    let name = use_state(String::new);
    let onname = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            name.set(input.value());
        })
    };
    let onpin = {
        let name = name.clone();
        let d = props.ondispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            d.emit(Action::Pin((*name).clone()));
            name.set(String::new());
        })
    };
    let table = compare_table(&w.pinned, w.reference, lang);
    html! {
        <div class="compare">
            <form class="pin-form" onsubmit={onpin}>
                <label for="pin-name">{ Text::PinName.get(lang) }</label>
                <input id="pin-name" type="text" maxlength="60" value={(*name).clone()} oninput={onname} />
                <button type="submit" id="pin" disabled={w.stale || w.result.is_none()}>{ Text::PinButton.get(lang) }</button>
                <span class="pin-hint">{ Text::PinHint.get(lang) }{ format!(" ({}/{MAX_PINNED})", w.pinned.len()) }</span>
            </form>
            if !table.names.is_empty() {
                <div class="table-scroll">
                    <table class="compare-table">
                        <caption>{ Text::CompareTitle.get(lang) }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ Text::CompareMetric.get(lang) }</th>
                                { for table.names.iter().enumerate().map(|(i, n)| {
                                    let d = props.ondispatch.clone();
                                    let d2 = props.ondispatch.clone();
                                    html! {
                                        <th scope="col" key={i}>
                                            <span class="pinned-name">{ n }</span>
                                            <label class="reference">
                                                <input type="radio" name="reference" checked={i == w.reference}
                                                    onchange={Callback::from(move |_| d.emit(Action::SetReference(i)))} />
                                                { Text::CompareReference.get(lang) }
                                            </label>
                                            <button type="button" class="unpin"
                                                onclick={Callback::from(move |_| d2.emit(Action::Unpin(i)))}>
                                                { Text::CompareUnpin.get(lang) }
                                            </button>
                                        </th>
                                    }
                                }) }
                            </tr>
                        </thead>
                        <tbody>
                            { for table.rows.iter().map(|row| html! {
                                <tr data-row={row.id} key={row.id}>
                                    <th scope="row">{ &row.label }</th>
                                    { for row.cells.iter().map(|(value, diff)| html! {
                                        <td>
                                            <span class="cell-value">{ value }</span>
                                            if !diff.is_empty() {
                                                <span class="cell-diff" title={Text::CompareDiff.get(lang)}>{ diff }</span>
                                            }
                                        </td>
                                    }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </div>
    }
}
