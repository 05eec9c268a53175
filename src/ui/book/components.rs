//! "Your data": the picker with its privacy line (the drop target while a file is dragged over the
//! view), the workbook being read, the refusal or the started note, the mapping
//! table (a header row of field dropdowns over the preview's first rows), the grade and status
//! dropdowns, the "as of" field, the row report, the starting book with "Start from this book",
//! and the fitted rates beside the scenario's with "Accept" and their source, what the data cannot
//! say; the optional activity file's picker and its channel rates. Laid out from `BookView`.

use yew::prelude::*;

use crate::scenario::book::map::{Field, Status, Tier};
use crate::ui::book::view::{BookView, Choice, LabelView};
use crate::ui::book::Action;
use crate::ui::widgets::file_picker::{use_file_picker, FilePicker};

#[derive(Properties, PartialEq)]
pub struct BookProps {
    pub view: BookView,
    pub ondispatch: Callback<Action>,
    /// Reads the picked file; the shell sends it back as `Action::Open`.
    pub onimport: Callback<Vec<web_sys::File>>,
    /// Reads the sample team's book shipped with the page, the same way.
    pub onsample: Callback<()>,
    /// A file is dragged over the view: the picker shows where it goes.
    #[prop_or_default]
    pub dragging: bool,
    /// Reads the picked activity file; the shell sends it back as `Action::OpenActivity`.
    pub onimport_activity: Callback<Vec<web_sys::File>>,
}

fn options(choices: &[Choice], chosen: &str) -> Html {
    html! {
        { for choices.iter().map(|c| html! {
            <option value={c.value.clone()} selected={c.value == chosen}>{ c.label }</option>
        }) }
    }
}

fn select_value(e: &Event) -> String {
    let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
    select.value()
}

fn label_rows(
    kind: &'static str,
    labels: &[LabelView],
    choices: &[Choice],
    onchange: &Callback<(String, String)>,
) -> Html {
    html! {
        { for labels.iter().enumerate().map(|(i, l)| {
            let id = format!("book-{kind}-{i}");
            let value = l.value.clone();
            let onchange = onchange.reform(move |e: Event| (value.clone(), select_value(&e)));
            html! {
                <div class={classes!("book-label", l.chosen.is_empty().then_some("is-unknown"))}>
                    <label for={id.clone()}>{ &l.label }</label>
                    <select {id} data-value={l.value.clone()} {onchange}>{ options(choices, &l.chosen) }</select>
                </div>
            }
        }) }
    }
}

#[function_component(BookPanel)]
pub fn book_panel(props: &BookProps) -> Html {
    let v = &props.view;
    let w = &v.words;
    let d = &props.ondispatch;
    let FilePicker {
        input,
        onpick,
        onfiles,
    } = use_file_picker(&props.onimport);
    let activity = use_file_picker(&props.onimport_activity);
    html! {
        <div class="book">
            <p class="book-intro">{ v.intro }</p>
            <section class={classes!("book-pick", props.dragging.then_some("is-drop-target"))} aria-label={v.choose}>
                if props.dragging {
                    <p class="book-drop-here" aria-hidden="true">{ v.drop_here }</p>
                }
                <button type="button" class="book-choose" onclick={onpick}>{ v.choose }</button>
                <input type="file" accept=".csv,.txt,text/csv,.xlsx,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel" hidden=true ref={input}
                    onchange={onfiles} data-testid="book-file" />
                <button type="button" class="book-sample" onclick={props.onsample.reform(|_| ())}>{ v.sample }</button>
                <p class="book-sample-note">{ v.sample_note }{ " " }
                    <a href={crate::ui::book::SAMPLE_URL} download="">{ crate::ui::book::SAMPLE_NAME }</a>
                    { " · " }
                    <a href={crate::ui::book::SAMPLE_XLSX_URL} download="">{ "sample-team-loans.xlsx" }</a>
                    { " · " }
                    <a href={crate::ui::book::SAMPLE_ACTIVITY_URL} download="">{ v.sample_files }</a>
                </p>
                <button type="button" class="book-choose-activity" onclick={activity.onpick}>{ v.activity_choose }</button>
                <input type="file" accept=".csv,.txt,text/csv,.xlsx,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel" hidden=true ref={activity.input}
                    onchange={activity.onfiles} data-testid="book-activity-file" />
                <p class="book-privacy">{ v.privacy }</p>
                if let Some(refused) = &v.activity_refused {
                    <p class="book-refused" role="alert">{ refused }</p>
                }
                <p class="book-excel">{ v.excel_note }</p>
                if let Some(reading) = &v.reading {
                    <p class="book-reading" role="status">{ reading }</p>
                }
                if let Some(refused) = &v.refused {
                    <p class="book-refused" role="alert">{ refused }</p>
                }
                if let Some(started) = &v.started {
                    <p class="book-started" role="status">{ started }</p>
                }
            </section>
            if let Some(l) = &v.loaded {
                <p class="book-file-line">{ &l.file_line }</p>
                <section class="book-mapping" aria-labelledby="book-mapping-title">
                    <h3 id="book-mapping-title">{ w.mapping_title }</h3>
                    <p class="book-hint">{ w.mapping_hint }</p>
                    if let Some(memory) = l.memory {
                        <p class="book-memory" role="status">
                            { memory }{ " " }
                            <button type="button" class="book-forget" onclick={d.reform(|_| Action::ForgetMapping)}>{ w.forget }</button>
                        </p>
                    }
                    <div class="book-table-scroll" tabindex="0" role="region" aria-labelledby="book-mapping-title">
                        <table class="book-table">
                            <thead>
                                <tr>
                                    { for l.columns.iter().map(|c| html! { <th scope="col">{ &c.header }</th> }) }
                                </tr>
                                <tr class="book-fields">
                                    { for l.columns.iter().map(|c| {
                                        let column = c.index;
                                        let onchange = d.reform(move |e: Event| Action::SetField {
                                            column,
                                            field: Field::from_id(&select_value(&e)),
                                        });
                                        html! {
                                            <td>
                                                <select aria-label={c.label.clone()} data-column={c.index.to_string()}
                                                    class={classes!(c.field.is_empty().then_some("is-unused"))} {onchange}>
                                                    { options(&l.field_choices, &c.field) }
                                                </select>
                                            </td>
                                        }
                                    }) }
                                </tr>
                            </thead>
                            <tbody>
                                { for l.preview.iter().map(|row| html! {
                                    <tr>{ for row.iter().map(|cell| html! { <td>{ cell }</td> }) }</tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                    if let Some(problem) = &l.problem {
                        <p class="book-problem" role="alert">{ problem }</p>
                    }
                </section>
                if !l.tiers.is_empty() || !l.statuses.is_empty() {
                    <section class="book-labels" aria-labelledby="book-labels-title">
                        <h3 id="book-labels-title">{ w.labels_title }</h3>
                        <div class="book-label-grid">
                            { label_rows("tier", &l.tiers, &l.tier_choices, &d.reform(|(label, id): (String, String)| {
                                Action::SetTier { label, tier: Tier::from_id(&id) }
                            })) }
                            { label_rows("status", &l.statuses, &l.status_choices, &d.reform(|(word, id): (String, String)| {
                                Action::SetStatus { word, status: Status::from_id(&id) }
                            })) }
                        </div>
                    </section>
                }
                <section class="book-asof">
                    <label for="book-as-of">{ w.as_of }</label>
                    <input id="book-as-of" type="text" inputmode="numeric" value={l.as_of_text.clone()}
                        placeholder="2025-03-07" aria-describedby="book-as-of-hint book-as-of-error"
                        aria-invalid={l.as_of_error.is_some().to_string()}
                        oninput={d.reform(|e: InputEvent| {
                            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                            Action::SetAsOf(input.value())
                        })} />
                    <p id="book-as-of-hint" class="book-hint">{ &l.as_of_hint }</p>
                    if let Some(error) = &l.as_of_error {
                        <p id="book-as-of-error" class="book-error" role="alert">{ error }</p>
                    }
                </section>
                if let Some(counts) = &l.counts {
                    <section class="book-report" aria-labelledby="book-report-title">
                        <h3 id="book-report-title">{ w.report_title }</h3>
                        <p class="book-counts" role="status">{ counts }</p>
                        <ul class="book-issues">{ for l.issues.iter().map(|i| html! { <li>{ i }</li> }) }</ul>
                    </section>
                }
                if let (Some(title), Some(line)) = (&l.starting_title, &l.starting_line) {
                    <section class="book-start" aria-labelledby="book-start-title">
                        <h3 id="book-start-title">{ title }</h3>
                        <p class="book-starting" data-total={l.starting_total.map(|t| t.to_string())}>{ line }</p>
                        <button type="button" class="book-start-button primary" disabled={!l.can_start}
                            onclick={d.reform(|_| Action::Start)}>{ w.start }</button>
                        <p class="book-hint">{ w.start_hint }</p>
                    </section>
                    <section class="book-rates" aria-labelledby="book-rates-title">
                        <h3 id="book-rates-title">{ w.rates_title }</h3>
                        { rates_table("book-rates-title", &l.rates, w, d) }
                        if l.any_to_accept {
                            <button type="button" class="book-accept-all" onclick={d.reform(|_| Action::AcceptAll)}>{ w.accept_all }</button>
                        }
                        if let Some(source) = &l.source {
                            <p class="book-source">{ source }</p>
                        }
                        <h4>{ l.cannot_title }</h4>
                        <ul class="book-cannot">{ for l.cannot.iter().map(|c| html! { <li>{ *c }</li> }) }</ul>
                    </section>
                }
            }
            if let Some(a) = &v.activity {
                <section class="book-activity" aria-labelledby="book-activity-title">
                    <h3 id="book-activity-title">{ a.title }</h3>
                    <p class="book-activity-line">{ &a.line }</p>
                    { rates_table("book-activity-title", &a.rates, w, d) }
                    if a.any_to_accept {
                        <button type="button" class="book-accept-all" onclick={d.reform(|_| Action::AcceptAll)}>{ w.accept_all }</button>
                    }
                    if let Some([name, yours, count, current]) = &a.approval {
                        <p class="book-approval">{ format!("{name}: {yours} · {count} · {} {current}", w.rate_current) }</p>
                    }
                    if let Some(note) = &a.approval_note {
                        <p class="book-hint">{ note }</p>
                    }
                    <ul class="book-issues">{ for a.issues.iter().map(|i| html! { <li>{ i }</li> }) }</ul>
                </section>
            }
        </div>
    }
}

/// A table of fitted rates beside the scenario's, each with "Accept" and its source once accepted.
fn rates_table(
    labelled_by: &'static str,
    rates: &[crate::ui::book::view::RateView],
    w: &crate::ui::book::view::Words,
    d: &Callback<Action>,
) -> Html {
    html! {
        <div class="book-table-scroll" tabindex="0" role="region" aria-labelledby={labelled_by}>
            <table class="book-rates-table">
                <thead><tr>
                    <th scope="col">{ w.rate_name }</th>
                    <th scope="col">{ w.rate_yours }</th>
                    <th scope="col">{ w.rate_count }</th>
                    <th scope="col">{ w.rate_current }</th>
                    <th scope="col"><span class="visually-hidden">{ w.accept }</span></th>
                </tr></thead>
                <tbody>
                    { for rates.iter().map(|r| {
                        let rate = r.rate;
                        html! {
                            <tr data-rate={r.id.clone()}>
                                <th scope="row">{ &r.name }</th>
                                <td class="book-rate-yours">{ &r.yours }</td>
                                <td>{ &r.count }</td>
                                <td class="book-rate-current">
                                    { &r.current }
                                    if let Some(source) = &r.source {
                                        <span class="book-rate-source">{ source }</span>
                                    }
                                </td>
                                <td>
                                    if r.accepted {
                                        <span class="book-accepted">{ w.accepted }</span>
                                    } else if r.can_accept {
                                        <button type="button" class="book-accept"
                                            aria-label={format!("{} · {}", w.accept, r.name)}
                                            onclick={d.reform(move |_| Action::Accept(rate))}>{ w.accept }</button>
                                    }
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
