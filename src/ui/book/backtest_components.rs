//! "Your data"'s back-test: the start-date field with its hint or error, the calibration in
//! words, the band's state, and the three charts of forecast against actual, each with how many
//! weeks fall inside the band. Laid out from `BacktestView`.

use yew::prelude::*;

use crate::ui::book::backtest::{Action, BacktestView};
use crate::ui::widgets::band_charts::BandCharts;

#[derive(Properties, PartialEq)]
pub struct BacktestProps {
    pub view: BacktestView,
    pub ondispatch: Callback<Action>,
    pub dark: bool,
    pub narrow: bool,
}

#[function_component(BacktestPanel)]
pub fn backtest_panel(props: &BacktestProps) -> Html {
    let v = &props.view;
    let oninput = props.ondispatch.reform(|e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        Action::SetFrom(input.value())
    });
    html! {
        <section class="book-backtest" aria-labelledby="book-backtest-title">
            <h3 id="book-backtest-title">{ v.title }</h3>
            <p class="book-hint">{ v.intro }</p>
            <div class="book-asof">
                <label for="book-backtest-from">{ v.from_label }</label>
                <input id="book-backtest-from" type="text" inputmode="numeric" value={v.from_text.clone()}
                    placeholder={v.from_placeholder.clone()} aria-describedby="book-backtest-hint book-backtest-error"
                    aria-invalid={v.from_error.is_some().to_string()} {oninput} />
                <p id="book-backtest-hint" class="book-hint">{ &v.from_hint }</p>
                if let Some(error) = &v.from_error {
                    <p id="book-backtest-error" class="book-error" role="alert">{ error }</p>
                }
            </div>
            if let Some(intake) = &v.intake {
                <p class="book-backtest-intake">{ intake }</p>
            }
            <p class="book-backtest-status" role="status">{ &v.band_status }</p>
            <BandCharts charts={v.charts.clone()} dark={props.dark} narrow={props.narrow}
                prefix="book-backtest" rings_outside=true />
        </section>
    }
}
