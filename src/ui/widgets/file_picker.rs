//! A hidden file input behind a visible button, as every "open a file" in the page has it: the
//! button opens the browser's file chooser, the chosen files go to `onimport`, and the input is
//! cleared so that choosing the same file again (after fixing it) reads it again.

use yew::prelude::*;

use crate::services::files::files_of;

/// What a view needs to draw its picker: the input's ref, the button's click and the input's change.
pub struct FilePicker {
    /// For the hidden `<input type="file">`.
    pub input: NodeRef,
    /// For the visible button: opens the file chooser.
    pub onpick: Callback<MouseEvent>,
    /// For the input's `onchange`: hands the chosen files on.
    pub onfiles: Callback<Event>,
}

/// A picker whose chosen files go to `onimport`.
#[hook]
pub fn use_file_picker(onimport: &Callback<Vec<web_sys::File>>) -> FilePicker {
    let input = use_node_ref();
    let onpick = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(element) = input.cast::<web_sys::HtmlInputElement>() {
                element.click();
            }
        })
    };
    let onfiles = {
        let onimport = onimport.clone();
        Callback::from(move |e: Event| {
            let element: web_sys::HtmlInputElement = e.target_unchecked_into();
            onimport.emit(files_of(element.files()));
            element.set_value("");
        })
    };
    FilePicker {
        input,
        onpick,
        onfiles,
    }
}
