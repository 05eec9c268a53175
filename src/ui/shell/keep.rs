//! The hooks that connect the page to the browser: the shell restored from storage, other tabs'
//! library writes, share links (on start and when one is pasted into the address bar), the view
//! remembered on this machine, and files picked or dropped on the page.
//!
//! The decisions are the page's (natively tested); these hooks only move values between it and
//! the browser services.

use std::rc::Rc;

use yew::prelude::*;

use crate::scenario::classroom::JOIN_KEY;
use crate::scenario::link;
use crate::services::{clock, files, share, storage};
use crate::ui::page::{Msg, View};
use crate::ui::persist;
use crate::ui::shell::runner::Shell;
use crate::ui::{classroom, library};

/// The shell: the page restored from storage, autosaved after every change, opened on a share
/// link when the page's address carries one, and told of other tabs' library writes.
#[hook]
pub fn use_shell() -> Rc<Shell> {
    let shell = use_memo((), |()| Shell::restore());
    let rerender = use_force_update();
    shell.on_render(Callback::from(move |()| rerender.force_update()));
    {
        // Two tabs of the page share one library: each takes what the other stores.
        let dispatch = shell.dispatcher();
        use_effect_with((), move |()| {
            let listener = storage::on_change_elsewhere(
                persist::LIBRARY_KEY,
                Callback::from(move |text| {
                    dispatch.emit(Msg::Library(library::Action::AdoptStoredLibrary(text)));
                }),
            );
            move || drop(listener)
        });
    }
    {
        let dispatch = shell.dispatcher();
        use_effect_with((), move |()| {
            let open = Callback::from(move |fragment: String| {
                if link::is_share_fragment(&fragment) {
                    dispatch.emit(Msg::Library(library::Action::OpenLink {
                        fragment,
                        today: clock::today(),
                    }));
                    // A reload must show the work done since, not open the link over it again.
                    share::clear_fragment();
                } else if fragment.trim_start_matches('#').starts_with(JOIN_KEY) {
                    // A participant's join link: the game is played from it (kept in the address,
                    // so a reload joins again).
                    dispatch.emit(Msg::Classroom(classroom::Action::Join(fragment)));
                }
            });
            open.emit(share::fragment());
            let listener = share::on_fragment_change(open);
            move || drop(listener)
        });
    }
    {
        // The view is remembered on this machine, so a trainer who reloads stays on the stage.
        let shell = Rc::clone(&shell);
        use_effect_with((), move |()| {
            // The live fan of the scenario restored.
            shell.dispatch(Msg::Mc(crate::ui::montecarlo::Action::Follow));
            if let Some(view) = shell.remembered_view() {
                if view != shell.page().view {
                    shell.dispatch(Msg::SetView(view));
                }
            }
        });
    }
    (*shell).clone()
}

/// Files dropped on the page, and the picker's files, read as text and imported.
pub struct DropControls {
    pub onimport: Callback<Vec<web_sys::File>>,
    /// The Actuals view's picker: the first file read as text, sent to the Actuals slice.
    pub onimport_actuals: Callback<Vec<web_sys::File>>,
    /// "Your data"'s picker: the first file's bytes, decoded (GB18030 by the browser), sent to the
    /// book slice.
    pub onimport_book: Callback<Vec<web_sys::File>>,
    /// "Your data"'s *Try the sample team*: the sample book shipped with the page, read the same way.
    pub onsample_book: Callback<()>,
    /// "Your data"'s activity file: read, then sent to the book slice as `OpenActivity`.
    pub onimport_activity: Callback<Vec<web_sys::File>>,
    /// Whether files are being dragged over the page.
    pub dragging: bool,
    /// Whether a drop now goes to "Your data" (dragged over its view or its tab).
    pub onto_book: bool,
    pub ondragover: Callback<DragEvent>,
    pub ondragleave: Callback<DragEvent>,
    pub ondrop: Callback<DragEvent>,
}

/// Whether a drag carries files (a drag of text inside an input is left to the browser).
fn carries_files(e: &DragEvent) -> bool {
    e.data_transfer().is_some_and(|dt| {
        dt.types()
            .iter()
            .any(|t| t.as_string().as_deref() == Some("Files"))
    })
}

/// Whether a drag is over the "Your data" tab of the views' switch.
fn over_book_tab(e: &DragEvent) -> bool {
    use wasm_bindgen::JsCast;
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(r#"[data-view="book"]"#).ok().flatten())
        .is_some()
}

/// The page-wide drop target and the importer of picked files: on "Your data" (or its tab) a
/// dropped file is the loan book, on the classroom view a session file or hand-in, elsewhere a
/// scenario or library file.
#[hook]
pub fn use_drop_controls(dispatch: &Callback<Msg>, view: View) -> DropControls {
    let classroom = view == View::Classroom;
    let dragging = use_state(|| false);
    let onto_book = use_state(|| false);
    let onimport = {
        let dispatch = dispatch.clone();
        Callback::from(move |picked: Vec<web_sys::File>| {
            let dispatch = dispatch.clone();
            files::read_files(
                picked,
                Callback::from(move |read| {
                    dispatch.emit(Msg::Library(library::Action::ImportFiles {
                        files: read,
                        today: clock::today(),
                    }));
                }),
            );
        })
    };
    let onimport_actuals = {
        let dispatch = dispatch.clone();
        Callback::from(move |picked: Vec<web_sys::File>| {
            let dispatch = dispatch.clone();
            files::read_files(
                picked.into_iter().take(1).collect(),
                Callback::from(move |read: Vec<files::ReadFile>| {
                    if let Some(file) = read.into_iter().next() {
                        dispatch.emit(Msg::Track(crate::ui::track::Action::ImportCsv {
                            name: file.name,
                            content: file.content,
                        }));
                    }
                }),
            );
        })
    };
    // A loan book read (picked, dropped or the shipped sample) goes to "Your data" the same way.
    let book_read = {
        let dispatch = dispatch.clone();
        Callback::from(
            move |(name, bytes): (String, Result<Vec<u8>, files::FileProblem>)| {
                use crate::ui::book::{self, FileRefusal, Picked};
                let picked = match bytes {
                    Ok(bytes) => book::picked(&bytes, files::decode_gb18030),
                    Err(files::FileProblem::TooLarge) => Picked::Refused(FileRefusal::TooLarge),
                    Err(files::FileProblem::Unreadable) => Picked::Refused(FileRefusal::Unreadable),
                };
                dispatch.emit(Msg::Book(book::Action::Open { name, picked }));
            },
        )
    };
    let onimport_book = {
        let book_read = book_read.clone();
        Callback::from(move |picked: Vec<web_sys::File>| {
            if let Some(file) = picked.into_iter().next() {
                files::read_bytes(file, crate::ui::book::MAX_BOOK_BYTES, book_read.clone());
            }
        })
    };
    // The activity file of "Your data" (issue 17), read the same way, sent back as its own action.
    let onimport_activity = {
        let dispatch = dispatch.clone();
        let activity_read = Callback::from(
            move |(name, bytes): (String, Result<Vec<u8>, files::FileProblem>)| {
                use crate::ui::book::{self, FileRefusal, Picked};
                let picked = match bytes {
                    Ok(bytes) => book::picked(&bytes, files::decode_gb18030),
                    Err(files::FileProblem::TooLarge) => Picked::Refused(FileRefusal::TooLarge),
                    Err(files::FileProblem::Unreadable) => Picked::Refused(FileRefusal::Unreadable),
                };
                dispatch.emit(Msg::Book(book::Action::OpenActivity { name, picked }));
            },
        );
        Callback::from(move |picked: Vec<web_sys::File>| {
            if let Some(file) = picked.into_iter().next() {
                files::read_bytes(file, crate::ui::book::MAX_BOOK_BYTES, activity_read.clone());
            }
        })
    };
    let onsample_book = Callback::from(move |()| {
        files::fetch_bytes(
            crate::ui::book::SAMPLE_URL,
            crate::ui::book::SAMPLE_NAME,
            book_read.clone(),
        );
    });
    let ondragover = {
        let dragging = dragging.clone();
        let onto_book = onto_book.clone();
        Callback::from(move |e: DragEvent| {
            if carries_files(&e) {
                // Without this the browser would open the file in place of the page.
                e.prevent_default();
                dragging.set(true);
                onto_book.set(view == View::Book || over_book_tab(&e));
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            // Leaving a child for another child also fires: only leaving the window counts.
            if e.related_target().is_none() {
                dragging.set(false);
            }
        })
    };
    // On the classroom view a dropped file is a session file or a hand-in, never a scenario.
    let onclassroom_drop = {
        let dispatch = dispatch.clone();
        Callback::from(move |picked: Vec<web_sys::File>| {
            let dispatch = dispatch.clone();
            files::read_files(
                picked,
                Callback::from(move |read: Vec<files::ReadFile>| {
                    for file in read {
                        if let Ok(text) = file.content {
                            dispatch
                                .emit(Msg::Classroom(classroom::Action::DropFile(file.name, text)));
                        }
                    }
                }),
            );
        })
    };
    let ondrop = {
        let dragging = dragging.clone();
        let onimport = if classroom {
            onclassroom_drop
        } else {
            onimport.clone()
        };
        let onimport_book = onimport_book.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |e: DragEvent| {
            if carries_files(&e) {
                e.prevent_default();
                let dropped = files::files_of(e.data_transfer().and_then(|dt| dt.files()));
                if view == View::Book {
                    onimport_book.emit(dropped);
                } else if over_book_tab(&e) {
                    // Dropped on the "Your data" tab: the view opens and reads the file.
                    dispatch.emit(Msg::SetView(View::Book));
                    onimport_book.emit(dropped);
                } else {
                    onimport.emit(dropped);
                }
            }
            dragging.set(false);
        })
    };
    DropControls {
        onimport,
        onimport_actuals,
        onimport_book,
        onsample_book,
        onimport_activity,
        dragging: *dragging,
        onto_book: *dragging && *onto_book,
        ondragover,
        ondragleave,
        ondrop,
    }
}
