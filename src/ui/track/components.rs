//! The Actuals view: the warning in words (a live status) at the top, the weekly form — one group
//! per week with its six figures, each showing the path's expectation and its problem beside it —
//! the CSV import with its privacy line and problems, and the gap table. Laid out from `TrackView`.

use yew::prelude::*;

use crate::ui::widgets::band_charts::BandCharts;
use crate::ui::widgets::file_picker::{use_file_picker, FilePicker};

use crate::ui::track::view::{ReplanView, TrackCharts, TrackView};
use crate::ui::track::{Action, STATUS_ID};

#[derive(Properties, PartialEq)]
pub struct TrackProps {
    pub view: TrackView,
    pub ondispatch: Callback<Action>,
    /// Reads the picked CSV file; the shell sends its text back as `Action::ImportCsv`.
    pub onimport: Callback<Vec<web_sys::File>>,
    /// Today, for the calendar's stamp.
    pub today: chrono::NaiveDate,
    pub dark: bool,
    /// A phone-sized screen: the charts are laid out for it.
    pub narrow: bool,
}

#[function_component(TrackPanel)]
pub fn track_panel(props: &TrackProps) -> Html {
    let v = &props.view;
    let d = &props.ondispatch;
    let FilePicker {
        input: file_input,
        onpick,
        onfiles,
    } = use_file_picker(&props.onimport);
    html! {
        <div class="track">
            <p id={STATUS_ID} class={classes!("track-status", format!("is-{}", v.status_kind.id()))}
                role="status" data-status={v.status_kind.id()}>{ &v.status }</p>
            <p class="track-compared">{ &v.compared_with }</p>
            <section class="track-import" aria-label={v.import_button}>
                <button type="button" class="track-import-button" onclick={onpick}>{ v.import_button }</button>
                <input type="file" accept=".csv,text/csv" hidden=true ref={file_input} onchange={onfiles}
                    data-testid="track-file" />
                <p class="track-privacy">{ v.privacy }</p>
                <p class="track-format">{ v.import_format }</p>
                if let Some(note) = &v.import_note {
                    <div class={classes!("track-import-note", (!v.import_errors.is_empty()).then_some("is-error"))}
                        role="alert">
                        <p>{ note }</p>
                        if !v.import_errors.is_empty() {
                            <ul>{ for v.import_errors.iter().map(|e| html! { <li>{ e }</li> }) }</ul>
                        }
                    </div>
                }
            </section>
            <section class="track-form" aria-labelledby="track-form-title">
                <h3 id="track-form-title">{ v.form_title }</h3>
                <p class="track-hint">{ v.form_hint }</p>
                <div class="track-pager">
                    if let Some(week) = v.earlier {
                        <button type="button" class="track-earlier" onclick={d.reform(move |_| Action::ShowWeeksFrom(week))}>
                            { v.earlier_label }
                        </button>
                    }
                    <span class="track-weeks-shown">{ &v.weeks_shown }</span>
                    if let Some(week) = v.later {
                        <button type="button" class="track-later" onclick={d.reform(move |_| Action::ShowWeeksFrom(week))}>
                            { v.later_label }
                        </button>
                    }
                </div>
                { for v.weeks.iter().map(|week| html! {
                    <fieldset class="track-week" key={week.week} data-week={week.week.to_string()}>
                        <legend>{ &week.legend }</legend>
                        <div class="track-cells">
                            { for week.cells.iter().map(|cell| {
                                let (w, figure) = (cell.week, cell.figure);
                                let oninput = d.reform(move |e: InputEvent| {
                                    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                                    Action::Edit { week: w, figure, text: input.value() }
                                });
                                let hint_id = format!("{}-hint", cell.id);
                                let error_id = format!("{}-error", cell.id);
                                let described = if cell.error.is_some() {
                                    format!("{hint_id} {error_id}")
                                } else {
                                    hint_id.clone()
                                };
                                html! {
                                    <div class={classes!("track-cell", cell.error.is_some().then_some("has-error"))} key={cell.id.clone()}>
                                        <label for={cell.id.clone()}>{ cell.label }</label>
                                        <input id={cell.id.clone()} type="text" inputmode="decimal" autocomplete="off"
                                            data-figure={cell.figure.id()} value={cell.text.clone()} {oninput}
                                            aria-invalid={cell.error.is_some().to_string()} aria-describedby={described} />
                                        <span id={hint_id} class="track-expected">{ &cell.expected }</span>
                                        if let Some(error) = &cell.error {
                                            <span id={error_id} class="field-error">{ error }</span>
                                        }
                                    </div>
                                }
                            }) }
                        </div>
                    </fieldset>
                }) }
            </section>
            if let Some(charts) = &v.charts {
                <TrackChartsPanel charts={charts.clone()} dark={props.dark} narrow={props.narrow} />
            }
            { replan(&v.replan, d, props.today) }
            if let Some(gaps) = &v.gaps {
                <section class="track-gaps" aria-labelledby="track-gaps-title">
                    <h3 id="track-gaps-title">{ v.gaps_title }</h3>
                    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="track-gaps-title">
                        <table class="track-gap-table">
                            <caption>{ &gaps.caption }</caption>
                            <thead><tr>{ for gaps.headers.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                            <tbody>
                                { for gaps.rows.iter().map(|row| html! {
                                    <tr>
                                        { for row.iter().enumerate().map(|(i, cell)| if i == 0 {
                                            html! { <th scope="row">{ cell }</th> }
                                        } else {
                                            html! { <td>{ cell }</td> }
                                        }) }
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                </section>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct TrackChartsProps {
    charts: TrackCharts,
    dark: bool,
    narrow: bool,
}

/// The path against the reported weeks, with the band's state.
#[function_component(TrackChartsPanel)]
fn track_charts_panel(props: &TrackChartsProps) -> Html {
    let c = &props.charts;
    html! {
        <section class="track-charts" aria-labelledby="track-charts-title">
            <h3 id="track-charts-title">{ c.title }</h3>
            <p class="track-hint">{ c.hint }</p>
            <p class="track-band-status" role="status">{ &c.band_status }</p>
            <BandCharts charts={c.charts.clone()} dark={props.dark} narrow={props.narrow} prefix="track" />
        </section>
    }
}

fn replan(r: &ReplanView, d: &Callback<Action>, today: chrono::NaiveDate) -> Html {
    html! {
        <section class="track-replan" aria-labelledby="track-replan-title">
            <h3 id="track-replan-title">{ r.title }</h3>
            <p class="track-hint">{ r.hint }</p>
            if let Some(button) = &r.button {
                <button type="button" class="primary track-replan-button" onclick={d.reform(|_| Action::Replan)}>{ button }</button>
            }
            if let Some(problem) = r.problem {
                <p class="field-error" role="alert">{ problem }</p>
            }
            if let Some(summary) = &r.summary {
                <p class="track-replan-summary" role="status">{ summary }</p>
                if let Some(why) = &r.why {
                    <p class="track-replan-why">{ why }</p>
                }
                if let Some(changed) = &r.changed {
                    <p class="track-replan-changed">{ changed }</p>
                }
                <div class="track-replan-downloads">
                    <button type="button" class="track-replan-csv" onclick={d.reform(|_| Action::DownloadReplanCsv)}>{ r.csv }</button>
                    <button type="button" class="track-replan-ics" onclick={d.reform(move |_| Action::DownloadReplanIcs { today })}>{ r.ics }</button>
                </div>
                <div class="table-scroll track-replan-scroll" tabindex="0" role="region" aria-labelledby="track-replan-title">
                    <table class="track-replan-table">
                        <thead><tr>{ for r.headers.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                        <tbody>
                            { for r.rows.iter().map(|row| html! {
                                <tr class={classes!(row.changed.then_some("is-changed"))}>
                                    <th scope="row">{ &row.date }
                                        if row.changed {
                                            <span class="visually-hidden">{ format!(" · {}", r.changed_label) }</span>
                                        }
                                    </th>
                                    <td>{ &row.before }</td>
                                    <td>{ &row.after }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}
