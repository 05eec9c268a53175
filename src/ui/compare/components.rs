//! Pin the current scenario under a name, and compare pinned scenarios side by side with the
//! difference from a reference the user picks.

use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::ui::compare::view::CompareView;
use crate::ui::compare::Action;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub view: CompareView,
    pub lang: Lang,
    pub ondispatch: Callback<Action>,
}

#[function_component(Compare)]
pub fn compare(props: &CompareProps) -> Html {
    let v = &props.view;
    let lang = props.lang;
    let d = &props.ondispatch;
    let onname = d.reform(|e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        Action::EditName(input.value())
    });
    let onpin = {
        let name = v.name_text.clone();
        d.reform(move |e: SubmitEvent| {
            e.prevent_default();
            Action::Pin(name.clone())
        })
    };
    let table = &v.table;
    html! {
        <div class="compare">
            <form class="pin-form" onsubmit={onpin}>
                <label for="pin-name">{ Text::PinName.get(lang) }</label>
                <input id="pin-name" type="text" maxlength="60" value={v.name_text.clone()} oninput={onname} />
                <button type="submit" id="pin" disabled={!v.can_pin}>{ Text::PinButton.get(lang) }</button>
                <span class="pin-hint">{ Text::PinHint.get(lang) }{ &v.count }</span>
            </form>
            if !table.names.is_empty() {
                <div class="table-scroll">
                    <table class="compare-table">
                        <caption>{ Text::CompareTitle.get(lang) }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ Text::CompareMetric.get(lang) }</th>
                                { for table.names.iter().enumerate().map(|(i, n)| html! {
                                    <th scope="col" key={i}>
                                        <span class="pinned-name">{ n }</span>
                                        <label class="reference">
                                            <input type="radio" name="reference" checked={i == v.reference}
                                                onchange={d.reform(move |_| Action::SetReference(i))} />
                                            { Text::CompareReference.get(lang) }
                                        </label>
                                        <button type="button" class="unpin"
                                            onclick={d.reform(move |_| Action::Unpin(i))}>
                                            { Text::CompareUnpin.get(lang) }
                                        </button>
                                    </th>
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
