//! The "Your scenarios" panel: the open scenario's name and state, save and save as, the share
//! link, downloads and imports, and the library list with open, rename, duplicate, download and
//! delete — laid out from its `LibraryPanelView`. Every name is rendered as text.

use chrono::NaiveDate;
use yew::prelude::*;

use crate::ui::widgets::file_picker::{use_file_picker, FilePicker};

use crate::i18n::{Lang, Text};
use crate::scenario::library::MAX_NAME_CHARS;
use crate::ui::library::view::{LibraryPanelView, LibraryRow};
use crate::ui::library::{Action, Export};

#[derive(Properties, PartialEq)]
pub struct LibraryPanelProps {
    pub view: LibraryPanelView,
    pub lang: Lang,
    pub today: NaiveDate,
    pub ondispatch: Callback<Action>,
    /// Reads picked files and imports them.
    pub onimport: Callback<Vec<web_sys::File>>,
    /// Shown under the heading (the notices).
    #[prop_or_default]
    pub children: Html,
}

fn input_value(e: &InputEvent) -> String {
    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
    input.value()
}

/// The name cell of a row: the name, or the rename box while it is renamed.
fn name_cell(
    row: &LibraryRow,
    renaming: Option<&(crate::ui::library::entries::EntryId, String, String)>,
    rename_input: &NodeRef,
    props: &LibraryPanelProps,
) -> Html {
    let lang = props.lang;
    let d = &props.ondispatch;
    let id = row.id;
    let today = props.today;
    let Some((_, text, label)) = renaming.filter(|(r, _, _)| *r == id) else {
        return html! {
            <>
                <span class="entry-name">{ &row.name }</span>
                if row.is_open {
                    <span class="entry-open">{ " " }{ Text::EntryIsOpen.get(lang) }</span>
                }
            </>
        };
    };
    let oninput = d.reform(|e: InputEvent| Action::EditRename(input_value(&e)));
    let onsubmit = {
        let name = text.clone();
        d.reform(move |e: SubmitEvent| {
            e.prevent_default();
            Action::RenameEntry {
                id,
                name: name.clone(),
                today,
            }
        })
    };
    let oncancel = d.reform(|_| Action::CancelRename);
    let onkeydown = {
        let d = d.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                d.emit(Action::CancelRename);
            }
        })
    };
    html! {
        <form class="rename-form" {onsubmit}>
            <input type="text" class="rename-input" aria-label={label.clone()} ref={rename_input.clone()} {onkeydown}
                maxlength={MAX_NAME_CHARS.to_string()} value={text.clone()} {oninput} />
            <button type="submit" class="rename-save">{ Text::EntryRenameSave.get(lang) }</button>
            <button type="button" class="rename-cancel" onclick={oncancel}>{ Text::EntryRenameCancel.get(lang) }</button>
        </form>
    }
}

fn row_html(
    row: &LibraryRow,
    view: &LibraryPanelView,
    rename_input: &NodeRef,
    props: &LibraryPanelProps,
) -> Html {
    let lang = props.lang;
    let d = &props.ondispatch;
    let id = row.id;
    let today = props.today;
    html! {
        <tr key={id.to_string()} data-entry={id.to_string()} class={classes!(row.is_open.then_some("is-open"))}>
            <th scope="row">{ name_cell(row, view.renaming.as_ref(), rename_input, props) }</th>
            <td class="entry-modified">{ &row.modified }</td>
            <td>
                <div class="entry-actions">
                <button type="button" class="entry-open-button" onclick={d.reform(move |_| Action::OpenEntry { id, today })}>{ Text::EntryOpen.get(lang) }</button>
                <button type="button" class="entry-rename" onclick={d.reform(move |_| Action::StartRename(id))}>{ Text::EntryRename.get(lang) }</button>
                <button type="button" class="entry-duplicate" onclick={d.reform(move |_| Action::DuplicateEntry { id, today })}>{ Text::EntryDuplicate.get(lang) }</button>
                <button type="button" class="entry-export" onclick={d.reform(move |_| Action::Download(Export::Entry(id)))}>{ Text::EntryExport.get(lang) }</button>
                <button type="button" class="entry-delete" onclick={d.reform(move |_| Action::DeleteEntry(id))}>{ Text::EntryDelete.get(lang) }</button>
                </div>
            </td>
        </tr>
    }
}

#[function_component(LibraryPanel)]
pub fn library_panel(props: &LibraryPanelProps) -> Html {
    let v = &props.view;
    let lang = props.lang;
    let today = props.today;
    let d = &props.ondispatch;
    let can_keep = v.can_keep;
    let FilePicker {
        input: file_input,
        onpick,
        onfiles,
    } = use_file_picker(&props.onimport);
    let rename_input = use_node_ref();
    {
        // The rename box takes the focus when it opens, with the old name selected to type over.
        let rename_input = rename_input.clone();
        let editing = v.renaming.as_ref().map(|(id, _, _)| *id);
        use_effect_with(editing, move |editing| {
            if editing.is_some() {
                if let Some(input) = rename_input.cast::<web_sys::HtmlInputElement>() {
                    let _ = input.focus();
                    input.select();
                }
            }
        });
    }
    let onname = d.reform(|e: InputEvent| Action::EditName(input_value(&e)));
    let onsave = {
        let name = v.name_text.clone();
        d.reform(move |e: SubmitEvent| {
            e.prevent_default();
            Action::SaveScenario {
                name: name.clone(),
                today,
            }
        })
    };
    let onsaveas = {
        let name = v.name_text.clone();
        d.reform(move |_| Action::SaveAsNew {
            name: name.clone(),
            today,
        })
    };
    let onselect = Callback::from(|e: FocusEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        input.select();
    });

    html! {
        <div class="library-panel">
            <div class="keep-heading">
                <h2 id="region-library-title">{ Text::RegionLibrary.get(lang) }</h2>
                <p class="current-scenario">
                    <span class="current-name">{ v.current.name.clone() }</span>
                    <span class={classes!("current-state", v.current.unsaved.then_some("is-unsaved"))}>{ v.current.state.clone() }</span>
                </p>
            </div>
            { props.children.clone() }
            <div class="keep-bar">
            <form class="save-form" onsubmit={onsave}>
                <label for="scenario-name">{ Text::ScenarioNameLabel.get(lang) }</label>
                <input id="scenario-name" type="text" maxlength={MAX_NAME_CHARS.to_string()}
                    placeholder={v.name_placeholder.clone()} value={v.name_text.clone()} oninput={onname} />
                <button type="submit" id="save" class="primary" disabled={!can_keep}>{ Text::SaveButton.get(lang) }</button>
                <button type="button" id="save-as" disabled={!can_keep} onclick={onsaveas}>{ Text::SaveAsButton.get(lang) }</button>
            </form>
            <div class="keep-actions">
                <button type="button" id="share-link" disabled={!can_keep} onclick={d.reform(|_| Action::Share)}>{ Text::ShareButton.get(lang) }</button>
                <button type="button" id="export-scenario" disabled={!can_keep} onclick={d.reform(|_| Action::Download(Export::Current))}>{ Text::ExportScenario.get(lang) }</button>
                <button type="button" id="import-button" onclick={onpick}>{ Text::ImportButton.get(lang) }</button>
                <input id="import-files" type="file" multiple=true accept=".json,application/json" hidden=true
                    ref={file_input} onchange={onfiles} />
            </div>
            </div>
            <p class="keep-hint">
                { if can_keep { Text::ImportHint.get(lang) } else { Text::KeepNeedsValid.get(lang) } }
            </p>
            if let Some(share) = &v.share {
                <div class="share-box">
                    <label for="share-url">{ Text::ShareLinkLabel.get(lang) }</label>
                    <input id="share-url" type="text" readonly=true value={share.url.clone()} onfocus={onselect} />
                    if let Some(copied) = share.copied {
                        <p class="share-status" role="status">
                            { if copied { Text::ShareCopied.get(lang) } else { Text::ShareCopyYourself.get(lang) } }
                        </p>
                    }
                </div>
            }
            <details class="library">
                <summary>{ &v.title }</summary>
                if v.rows.is_empty() {
                    <p class="library-empty">{ Text::LibraryEmpty.get(lang) }</p>
                } else {
                    <div class="table-scroll">
                        <table class="library-table">
                            <thead>
                                <tr>
                                    <th scope="col">{ Text::LibraryName.get(lang) }</th>
                                    <th scope="col">{ Text::LibraryModified.get(lang) }</th>
                                    <th scope="col">{ Text::LibraryActions.get(lang) }</th>
                                </tr>
                            </thead>
                            <tbody>
                                { for v.rows.iter().map(|row| row_html(row, v, &rename_input, props)) }
                            </tbody>
                        </table>
                    </div>
                    if let Some(label) = &v.show_more {
                        <button type="button" id="library-more" onclick={d.reform(|_| Action::ShowMoreEntries)}>{ label }</button>
                    }
                    <button type="button" id="export-library" onclick={d.reform(|_| Action::Download(Export::Library))}>{ Text::ExportLibrary.get(lang) }</button>
                }
            </details>
        </div>
    }
}
