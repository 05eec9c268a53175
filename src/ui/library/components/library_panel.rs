//! The "Your scenarios" panel: the open scenario's name and state, save and save as, the share
//! link, downloads and imports, and the library list with open, rename, duplicate, download and
//! delete. Every name is rendered as text.

use std::rc::Rc;

use chrono::NaiveDate;
use yew::prelude::*;

use crate::i18n::{fill, Text};
use crate::scenario::library::MAX_NAME_CHARS;
use crate::ui::library::entries::EntryId;
use crate::ui::library::view::{current_view, library_rows, Export};
use crate::ui::state::{Action, Workspace};

/// The share link last made, and whether copying it worked (`None` while the copy is pending).
#[derive(Debug, Clone, PartialEq)]
pub struct ShareView {
    pub url: String,
    pub copied: Option<bool>,
}

#[derive(Properties, PartialEq)]
pub struct LibraryPanelProps {
    pub workspace: Rc<Workspace>,
    pub today: NaiveDate,
    pub share: Option<ShareView>,
    pub ondispatch: Callback<Action>,
    pub ondownload: Callback<Export>,
    pub onshare: Callback<()>,
    pub onimport: Callback<Vec<web_sys::File>>,
    /// Shown under the heading (the notices).
    #[prop_or_default]
    pub children: Html,
}

fn input_value(e: &InputEvent) -> String {
    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
    input.value()
}

#[function_component(LibraryPanel)]
#[allow(clippy::too_many_lines)] // One panel's markup, read top to bottom.
pub fn library_panel(props: &LibraryPanelProps) -> Html {
    let w = &props.workspace;
    let lang = w.lang;
    let today = props.today;
    let can_keep = w.can_keep();
    let current = current_view(w);
    let rows = library_rows(w, today);
    let name = use_state(String::new);
    let renaming = use_state(|| None::<(EntryId, String)>);
    let file_input = use_node_ref();
    let rename_input = use_node_ref();
    {
        // The rename box takes the focus when it opens, with the old name selected to type over.
        let rename_input = rename_input.clone();
        let editing = renaming.as_ref().map(|(id, _)| *id);
        use_effect_with(editing, move |editing| {
            if editing.is_some() {
                if let Some(input) = rename_input.cast::<web_sys::HtmlInputElement>() {
                    let _ = input.focus();
                    input.select();
                }
            }
        });
    }

    let onname = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| name.set(input_value(&e)))
    };
    let onsave = {
        let name = name.clone();
        let d = props.ondispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            d.emit(Action::SaveScenario {
                name: (*name).clone(),
                today,
            });
            name.set(String::new());
        })
    };
    let onsaveas = {
        let name = name.clone();
        let d = props.ondispatch.clone();
        Callback::from(move |_| {
            d.emit(Action::SaveAsNew {
                name: (*name).clone(),
                today,
            });
            name.set(String::new());
        })
    };
    let onshare = props.onshare.reform(|_: MouseEvent| ());
    let onexport = props.ondownload.reform(|_: MouseEvent| Export::Current);
    let onexportall = props.ondownload.reform(|_: MouseEvent| Export::Library);
    let onpick = {
        let file_input = file_input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = file_input.cast::<web_sys::HtmlInputElement>() {
                input.click();
            }
        })
    };
    let onfiles = {
        let onimport = props.onimport.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            onimport.emit(crate::services::files::files_of(input.files()));
            // Cleared so that picking the same file again (after fixing it) imports it again.
            input.set_value("");
        })
    };
    let onselect = Callback::from(|e: FocusEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        input.select();
    });

    let row_html = |row: &crate::ui::library::view::LibraryRow| {
        let id = row.id;
        let d = props.ondispatch.clone();
        let editing = renaming
            .as_ref()
            .filter(|(r, _)| *r == id)
            .map(|(_, t)| t.clone());
        let name_cell = if let Some(text) = editing {
            let renaming_input = renaming.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                renaming_input.set(Some((id, input_value(&e))));
            });
            let renaming_submit = renaming.clone();
            let d_submit = d.clone();
            let onsubmit = Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                if let Some((_, text)) = (*renaming_submit).clone() {
                    d_submit.emit(Action::RenameEntry {
                        id,
                        name: text,
                        today,
                    });
                }
                renaming_submit.set(None);
            });
            let renaming_cancel = renaming.clone();
            let oncancel = Callback::from(move |_| renaming_cancel.set(None));
            let renaming_escape = renaming.clone();
            let onkeydown = Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Escape" {
                    renaming_escape.set(None);
                }
            });
            let label = fill(Text::EntryRenameLabel.get(lang), &[&row.name]);
            html! {
                <form class="rename-form" {onsubmit}>
                    <input type="text" class="rename-input" aria-label={label} ref={rename_input.clone()} {onkeydown}
                        maxlength={MAX_NAME_CHARS.to_string()} value={text} {oninput} />
                    <button type="submit" class="rename-save">{ Text::EntryRenameSave.get(lang) }</button>
                    <button type="button" class="rename-cancel" onclick={oncancel}>{ Text::EntryRenameCancel.get(lang) }</button>
                </form>
            }
        } else {
            html! {
                <>
                    <span class="entry-name">{ &row.name }</span>
                    if row.is_open {
                        <span class="entry-open">{ " " }{ Text::EntryIsOpen.get(lang) }</span>
                    }
                </>
            }
        };
        let onopen = {
            let d = d.clone();
            Callback::from(move |_| d.emit(Action::OpenEntry { id, today }))
        };
        let onrename = {
            let renaming = renaming.clone();
            let current = row.name.clone();
            Callback::from(move |_| renaming.set(Some((id, current.clone()))))
        };
        let onduplicate = {
            let d = d.clone();
            Callback::from(move |_| d.emit(Action::DuplicateEntry { id, today }))
        };
        let ondownload = props
            .ondownload
            .reform(move |_: MouseEvent| Export::Entry(id));
        let ondelete = Callback::from(move |_| d.emit(Action::DeleteEntry(id)));
        html! {
            <tr key={id.to_string()} data-entry={id.to_string()} class={classes!(row.is_open.then_some("is-open"))}>
                <th scope="row">{ name_cell }</th>
                <td class="entry-modified">{ &row.modified }</td>
                <td>
                    <div class="entry-actions">
                    <button type="button" class="entry-open-button" onclick={onopen}>{ Text::EntryOpen.get(lang) }</button>
                    <button type="button" class="entry-rename" onclick={onrename}>{ Text::EntryRename.get(lang) }</button>
                    <button type="button" class="entry-duplicate" onclick={onduplicate}>{ Text::EntryDuplicate.get(lang) }</button>
                    <button type="button" class="entry-export" onclick={ondownload}>{ Text::EntryExport.get(lang) }</button>
                    <button type="button" class="entry-delete" onclick={ondelete}>{ Text::EntryDelete.get(lang) }</button>
                    </div>
                </td>
            </tr>
        }
    };

    html! {
        <div class="library-panel">
            <div class="keep-heading">
                <h2 id="region-library-title">{ Text::RegionLibrary.get(lang) }</h2>
                <p class="current-scenario">
                    <span class="current-name">{ current.name.clone() }</span>
                    <span class={classes!("current-state", current.unsaved.then_some("is-unsaved"))}>{ current.state.clone() }</span>
                </p>
            </div>
            { props.children.clone() }
            <div class="keep-bar">
            <form class="save-form" onsubmit={onsave}>
                <label for="scenario-name">{ Text::ScenarioNameLabel.get(lang) }</label>
                <input id="scenario-name" type="text" maxlength={MAX_NAME_CHARS.to_string()}
                    placeholder={w.title.clone().unwrap_or_default()} value={(*name).clone()} oninput={onname} />
                <button type="submit" id="save" class="primary" disabled={!can_keep}>{ Text::SaveButton.get(lang) }</button>
                <button type="button" id="save-as" disabled={!can_keep} onclick={onsaveas}>{ Text::SaveAsButton.get(lang) }</button>
            </form>
            <div class="keep-actions">
                <button type="button" id="share-link" disabled={!can_keep} onclick={onshare}>{ Text::ShareButton.get(lang) }</button>
                <button type="button" id="export-scenario" disabled={!can_keep} onclick={onexport}>{ Text::ExportScenario.get(lang) }</button>
                <button type="button" id="import-button" onclick={onpick}>{ Text::ImportButton.get(lang) }</button>
                <input id="import-files" type="file" multiple=true accept=".json,application/json" hidden=true
                    ref={file_input} onchange={onfiles} />
            </div>
            </div>
            <p class="keep-hint">
                { if can_keep { Text::ImportHint.get(lang) } else { Text::KeepNeedsValid.get(lang) } }
            </p>
            if let Some(share) = &props.share {
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
                <summary>{ fill(Text::LibraryTitle.get(lang), &[&rows.len().to_string()]) }</summary>
                if rows.is_empty() {
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
                                { for rows.iter().map(row_html) }
                            </tbody>
                        </table>
                    </div>
                    <button type="button" id="export-library" onclick={onexportall}>{ Text::ExportLibrary.get(lang) }</button>
                }
            </details>
        </div>
    }
}
