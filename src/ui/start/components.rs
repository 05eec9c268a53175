//! The start band: what Cadence is for and the ways in — the team's first numbers with *Make my
//! plan*, the lessons for a room, and opening a file or a pasted link — laid out from its
//! `StartView`. While hidden, only *Where to start* shows.

use yew::prelude::*;

use crate::ui::widgets::file_picker::{use_file_picker, FilePicker};

use crate::i18n::Lang;
use crate::ui::start::view::{StartView, WayIn, START_ID};
use crate::ui::start::Action;
use crate::ui::workspace::components::number_field::NumberField;
use crate::ui::workspace::fields::Field;

#[derive(Properties, PartialEq)]
pub struct StartProps {
    pub view: StartView,
    pub lang: Lang,
    pub ondispatch: Callback<Action>,
    /// Typed text in one of the team's numbers (the workspace's edit).
    pub onedit: Callback<(Field, String)>,
    /// *Make my plan*: show the plan.
    pub onplan: Callback<()>,
    /// *Open the lessons*: show the trainer's gallery.
    pub onlessons: Callback<()>,
    /// *Open link*: open the pasted link.
    pub onopenlink: Callback<()>,
    /// Reads picked files and imports them.
    pub onimport: Callback<Vec<web_sys::File>>,
}

fn heading(way: &WayIn, id: &str) -> Html {
    html! {
        <>
            <h3 id={id.to_owned()}>{ &way.title }</h3>
            <p>{ &way.text }</p>
        </>
    }
}

#[function_component(StartBand)]
pub fn start_band(props: &StartProps) -> Html {
    let v = &props.view;
    let d = &props.ondispatch;
    // Hooks first, in the same order on every render, the hidden band's included.
    let FilePicker {
        input: file_input,
        onpick,
        onfiles,
    } = use_file_picker(&props.onimport);
    if v.hidden {
        return html! {
            <p class="start-show">
                <button type="button" class="link-button" onclick={d.reform(|_| Action::Show)}>{ &v.show }</button>
            </p>
        };
    }
    let onlink = d.reform(|e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        Action::EditLink(input.value())
    });
    let onsubmit_link = {
        let open = props.onopenlink.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            open.emit(());
        })
    };
    let onsubmit_plan = {
        let plan = props.onplan.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            plan.emit(());
        })
    };
    let onlessons = props.onlessons.reform(|_: MouseEvent| ());
    html! {
        <section id={START_ID} class="start" aria-labelledby="start-title" tabindex="-1">
            <div class="start-head">
                <h2 id="start-title">{ &v.title }</h2>
                <button type="button" class="link-button start-hide" onclick={d.reform(|_| Action::Hide)}>{ &v.hide }</button>
            </div>
            <p class="start-purpose">{ &v.purpose }</p>
            <div class="start-ways">
                <form class="start-way start-plan" aria-labelledby="start-plan-title" onsubmit={onsubmit_plan}>
                    { heading(&v.plan, "start-plan-title") }
                    <div class="start-fields">
                        { for v.fields.iter().map(|f| html! {
                            <NumberField key={f.id.clone()} view={f.clone()} lang={props.lang} onedit={props.onedit.clone()} />
                        }) }
                    </div>
                    <button type="submit" class="primary">{ &v.plan.button }</button>
                </form>
                <div class="start-way start-lessons" role="group" aria-labelledby="start-lessons-title">
                    { heading(&v.lessons, "start-lessons-title") }
                    <button type="button" class="primary" onclick={onlessons}>{ &v.lessons.button }</button>
                </div>
                <div class="start-way start-open" role="group" aria-labelledby="start-open-title">
                    { heading(&v.open, "start-open-title") }
                    <button type="button" onclick={onpick}>{ &v.open.button }</button>
                    <input type="file" multiple=true accept=".json,application/json" hidden=true
                        ref={file_input} onchange={onfiles} />
                    <form class="start-link" onsubmit={onsubmit_link}>
                        <label for="start-link">{ &v.link_label }</label>
                        <div class="start-link-row">
                            <input id="start-link" type="url" autocomplete="off" spellcheck="false"
                                value={v.link_text.clone()} oninput={onlink}
                                aria-invalid={v.link_problem.is_some().to_string()}
                                aria-describedby={v.link_problem.as_ref().map(|_| "start-link-error")} />
                            <button type="submit">{ &v.open_link }</button>
                        </div>
                        if let Some(problem) = &v.link_problem {
                            <p id="start-link-error" class="field-error" role="alert">{ problem }</p>
                        }
                    </form>
                    <p class="start-privacy">{ &v.privacy }</p>
                </div>
            </div>
        </section>
    }
}
