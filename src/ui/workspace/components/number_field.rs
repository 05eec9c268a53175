//! One labelled numeric input: label, unit, valid range, what it means, and the error message
//! right under it — all from its `FieldView`.

use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::ui::workspace::fields::Field;
use crate::ui::workspace::inputs::FieldView;

#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    pub view: FieldView,
    pub lang: Lang,
    pub onedit: Callback<(Field, String)>,
}

#[function_component(NumberField)]
pub fn number_field(props: &NumberFieldProps) -> Html {
    let v = &props.view;
    let field = v.field;
    let help_id = format!("{}-help", v.id);
    let error_id = format!("{}-error", v.id);
    let oninput = {
        let onedit = props.onedit.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            onedit.emit((field, input.value()));
        })
    };
    let invalid = !v.errors.is_empty();
    let described = if invalid {
        format!("{help_id} {error_id}")
    } else {
        help_id.clone()
    };
    html! {
        <div class={classes!("field", invalid.then_some("field-invalid"))} data-path={v.path.clone()}>
            <label for={v.id.clone()}>
                <span class="field-label">{ &v.label }</span>
                if let Some(q) = &v.qualifier {
                    <span class="field-qualifier">{ " · " }{ q }</span>
                }
            </label>
            <div class="field-row">
                <input id={v.id.clone()} name={v.path.clone()} type="text" inputmode="decimal"
                    autocomplete="off" spellcheck="false"
                    value={v.text.clone()} {oninput} placeholder={v.placeholder.clone()}
                    aria-invalid={invalid.to_string()} aria-describedby={described}
                    title={v.help.clone()} />
                <span class="field-unit">{ &v.unit }</span>
            </div>
            <p id={help_id} class="field-help">
                <span class="field-range">{ Text::ValidRange.get(props.lang) }{ " " }{ &v.range }</span>
                if v.help_shown {
                    <span class="field-why">{ &v.help }</span>
                }
                if let Some(source) = &v.source {
                    <span class="field-source">{ source }</span>
                }
            </p>
            if invalid {
                <p id={error_id} class="field-error" role="alert">
                    { for v.errors.iter().map(|e| html! { <span>{ e }</span> }) }
                </p>
            }
        </div>
    }
}
