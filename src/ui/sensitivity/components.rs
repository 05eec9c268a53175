//! "Which lever matters": a folded section with the outcome chooser and one horizontal bar per
//! lever (an SVG in a 0–100 box: the low end's segment and the high end's from the base line),
//! each with its name, the range used, the two outcomes and a "Try it" button; the tornado's
//! downloads; then the variance-based importance: the design size, *Compute importance* with its
//! progress and *Cancel*, the indices as bars with whiskers, "measure this next" and the chart's
//! downloads.

use yew::prelude::*;

use crate::engine::sensitivity::Outcome;
use crate::i18n::{Lang, Text};
use crate::ui::effect::{Download, Effect};
use crate::ui::sensitivity::view::{ImportanceView, SensitivityView};
use crate::ui::sensitivity::{Action, DEFAULT_SAMPLES};

#[derive(Properties, PartialEq)]
pub struct LeversProps {
    pub view: SensitivityView,
    pub lang: Lang,
    pub ondispatch: Callback<Action>,
    /// Carries out a chart's download (SVG, or PNG drawn by the browser).
    pub ondownload: Callback<Effect>,
}

/// PNG downloads are drawn at this multiple of the chart's size, like the other charts'.
const PNG_SCALE: f64 = 2.0;

/// The SVG and PNG buttons of one downloaded chart.
fn downloads(id: &'static str, svg: &str, lang: Lang, ondownload: &Callback<Effect>) -> Html {
    let svg_text = svg.to_owned();
    let onsvg = ondownload.reform(move |_: MouseEvent| {
        Effect::Download(Download {
            file_name: format!("cadence-{id}.svg"),
            mime: "image/svg+xml",
            text: svg_text.clone(),
        })
    });
    let png_text = svg.to_owned();
    let onpng = ondownload.reform(move |_: MouseEvent| Effect::DownloadPng {
        file_name: format!("cadence-{id}.png"),
        svg: png_text.clone(),
        scale: PNG_SCALE,
        background: "#ffffff".to_owned(),
    });
    html! {
        <div class="chart-actions levers-downloads">
            <button type="button" class="chart-download chart-download-svg" onclick={onsvg}>
                { Text::ChartDownloadSvg.get(lang) }
            </button>
            <button type="button" class="chart-download chart-download-png" onclick={onpng}>
                { Text::ChartDownloadPng.get(lang) }
            </button>
        </div>
    }
}

fn importance(
    v: &ImportanceView,
    lang: Lang,
    d: &Callback<Action>,
    ondownload: &Callback<Effect>,
) -> Html {
    let onsamples = d.reform(|e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        Action::SetSamples(select.value().parse().unwrap_or(DEFAULT_SAMPLES))
    });
    html! {
        <section class="importance" id="importance" aria-labelledby="importance-title">
            <h4 id="importance-title">{ Text::LeversImportanceTitle.get(lang) }</h4>
            <p class="levers-note">{ &v.intro }</p>
            <div class="levers-controls">
                <label for="importance-samples">{ Text::LeversSamples.get(lang) }</label>
                <select id="importance-samples" onchange={onsamples} disabled={v.running}>
                    { for v.samples.iter().map(|o| html! {
                        <option value={o.value.clone()} selected={o.selected}>{ &o.label }</option>
                    }) }
                </select>
                <button type="button" class="importance-compute" disabled={!v.can_compute}
                    onclick={d.reform(|_| Action::ComputeImportance)}>
                    { Text::LeversCompute.get(lang) }
                </button>
                if v.running {
                    <button type="button" class="importance-cancel"
                        onclick={d.reform(|_| Action::CancelImportance)}>
                        { Text::LeversCancel.get(lang) }
                    </button>
                }
            </div>
            if let Some((done, total, text)) = &v.progress {
                <div class="importance-progress" role="status">
                    <progress value={done.to_string()} max={total.to_string()} aria-label={text.clone()}></progress>
                    <span>{ text }</span>
                </div>
            }
            if let Some(status) = &v.status {
                <p class="importance-status" role="status">{ status }</p>
            }
            if let Some(r) = &v.result {
                <div class={classes!("importance-result", r.stale.is_some().then_some("is-stale"))}>
                    if let Some(stale) = r.stale {
                        <p class="importance-stale" role="status">{ stale }</p>
                    }
                    <div class="importance-next" data-lever={r.measure_lever} data-reduction={r.reduction_raw.clone()}>
                        <h5>{ Text::LeversMeasureNextTitle.get(lang) }</h5>
                        <p class="importance-next-text">{ &r.measure_next }</p>
                        <p class="levers-note">{ Text::LeversMeasureNextHow.get(lang) }</p>
                    </div>
                    <p class="importance-heading">{ &r.heading }</p>
                    <p class="levers-base">
                        <span class="levers-key importance-key-first">{ Text::LeversFirst.get(lang) }</span>
                        <span class="levers-key importance-key-total">{ Text::LeversTotal.get(lang) }</span>
                    </p>
                    <ol class="levers-bars importance-bars">
                        { for r.bars.iter().map(|bar| html! {
                            <li class="importance-row" key={bar.id} data-lever={bar.id}
                                data-first={bar.first_raw.clone()} data-total={bar.total_raw.clone()}>
                                <span class="lever-name">{ bar.label }</span>
                                <svg class="importance-bar" viewBox="0 0 100 10" preserveAspectRatio="none"
                                    role="img" aria-label={bar.description.clone()}>
                                    <rect class="importance-first" x="0" y="1" width={bar.first_width.clone()} height="3" />
                                    <line class="importance-whisker" x1={bar.first_lo.clone()} x2={bar.first_hi.clone()} y1="2.5" y2="2.5" />
                                    <rect class="importance-total" x="0" y="5" width={bar.total_width.clone()} height="4.5" />
                                    <line class="importance-whisker" x1={bar.total_lo.clone()} x2={bar.total_hi.clone()} y1="7.25" y2="7.25" />
                                </svg>
                                <span class="importance-figures">{ &bar.figures }</span>
                            </li>
                        }) }
                    </ol>
                    { downloads("lever-importance", &r.svg, lang, ondownload) }
                </div>
            }
        </section>
    }
}

#[function_component(Levers)]
pub fn levers(props: &LeversProps) -> Html {
    let v = &props.view;
    let lang = props.lang;
    let d = &props.ondispatch;
    let ontoggle = d.reform(|e: Event| {
        let details: web_sys::Element = e.target_unchecked_into();
        Action::SetOpen(details.has_attribute("open"))
    });
    let onoutcome = d.reform(|e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        Action::SetOutcome(Outcome::from_id(&select.value()).unwrap_or(Outcome::BookEnd))
    });
    html! {
        <details class="levers" id="levers" open={v.open} {ontoggle}>
            <summary><h3 class="levers-title">{ Text::LeversTitle.get(lang) }</h3></summary>
            <div class="levers-controls">
                <label for="levers-outcome">{ Text::LeversOutcome.get(lang) }</label>
                <select id="levers-outcome" onchange={onoutcome}>
                    { for v.outcomes.iter().map(|o| html! {
                        <option value={o.id} selected={o.selected}>{ o.label }</option>
                    }) }
                </select>
            </div>
            if let Some(empty) = v.empty {
                <p class="levers-empty">{ empty }</p>
            }
            if !v.bars.is_empty() {
                <p class="levers-note">{ &v.note }</p>
                <p class="levers-base">{ &v.base }
                    <span class="levers-key levers-key-low">{ Text::LeversLow.get(lang) }</span>
                    <span class="levers-key levers-key-high">{ Text::LeversHigh.get(lang) }</span>
                </p>
                <ol class="levers-bars">
                    { for v.bars.iter().map(|bar| {
                        let lever = bar.lever;
                        html! {
                            <li class="lever" key={bar.id} data-lever={bar.id}
                                data-low={bar.low_raw.clone()} data-high={bar.high_raw.clone()}>
                                <div class="lever-label">
                                    <span class="lever-name">{ bar.label }</span>
                                    <span class="lever-range">{ &bar.range }</span>
                                </div>
                                <svg class="lever-bar" viewBox="0 0 100 10" preserveAspectRatio="none"
                                    role="img" aria-label={bar.description.clone()}>
                                    <rect class="lever-low" x={bar.low_x.clone()} y="1"
                                        width={bar.low_width.clone()} height="8" />
                                    <rect class="lever-high" x={bar.high_x.clone()} y="1"
                                        width={bar.high_width.clone()} height="8" />
                                    <line class="lever-base" x1={v.base_x.clone()} x2={v.base_x.clone()}
                                        y1="0" y2="10" />
                                </svg>
                                <div class="lever-figures">
                                    <span class="lever-low-text">{ &bar.low_text }</span>
                                    <span class="lever-high-text">{ &bar.high_text }</span>
                                </div>
                                <button type="button" class="lever-try"
                                    onclick={d.reform(move |_| Action::Try(lever))}>
                                    { &bar.try_label }
                                </button>
                            </li>
                        }
                    }) }
                </ol>
                { downloads("lever-tornado", &v.svg, lang, &props.ondownload) }
            }
            { importance(&v.importance, lang, d, &props.ondownload) }
        </details>
    }
}
