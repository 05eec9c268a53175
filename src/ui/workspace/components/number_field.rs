//! One labelled numeric input: label, unit, valid range, a tooltip saying where the default comes
//! from, and the error message right under it.

use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::ui::state::plain_number;
use crate::ui::workspace::fields::{Field, Range};

#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    pub field: Field,
    pub lang: Lang,
    /// The text the input shows.
    pub text: String,
    /// Label suffix, e.g. the tier or channel name in a table.
    #[prop_or_default]
    pub qualifier: Option<String>,
    /// Unit and valid range as they apply in this scenario.
    pub unit: Text,
    pub range: Range,
    /// Messages about this field (input problems and engine errors); empty when valid.
    pub errors: Vec<String>,
    pub onedit: Callback<(Field, String)>,
}

#[function_component(NumberField)]
pub fn number_field(props: &NumberFieldProps) -> Html {
    let lang = props.lang;
    let field = props.field;
    let id = field.dom_id();
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    let range = props.range;
    let range_text = format!("{}–{}", plain_number(range.min), plain_number(range.max));
    let oninput = {
        let onedit = props.onedit.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            onedit.emit((field, input.value()));
        })
    };
    let invalid = !props.errors.is_empty();
    let described = if invalid {
        format!("{help_id} {error_id}")
    } else {
        help_id.clone()
    };
    let placeholder = field.allows_auto().then(|| Text::AutoPlaceholder.get(lang));
    html! {
        <div class={classes!("field", invalid.then_some("field-invalid"))} data-path={field.path()}>
            <label for={id.clone()}>
                <span class="field-label">{ field.label().get(lang) }</span>
                if let Some(q) = &props.qualifier {
                    <span class="field-qualifier">{ " · " }{ q }</span>
                }
            </label>
            <div class="field-row">
                <input id={id.clone()} name={field.path()} type="text" inputmode="decimal"
                    autocomplete="off" spellcheck="false"
                    value={props.text.clone()} {oninput} placeholder={placeholder}
                    aria-invalid={invalid.to_string()} aria-describedby={described}
                    title={field.help().get(lang)} />
                <span class="field-unit">{ props.unit.get(lang) }</span>
            </div>
            <p id={help_id} class="field-help">
                <span class="field-range">{ Text::ValidRange.get(lang) }{ " " }{ range_text }</span>
                <span class="field-why">{ field.help().get(lang) }</span>
            </p>
            if invalid {
                <p id={error_id} class="field-error" role="alert">
                    { for props.errors.iter().map(|e| html! { <span>{ e }</span> }) }
                </p>
            }
        </div>
    }
}
