//! The hooks that connect the workspace to the browser for keeping and sharing: restore from
//! storage on start, autosave after every change, open share links (on start and when one is
//! pasted into the address bar), and the callbacks for downloads, share links, imports and drops.
//!
//! The decisions are made natively tested code (`persist`, the reducer, `library_view`); these
//! hooks only move values between it and the browser services.

use yew::prelude::*;

use crate::scenario::link;
use crate::services::storage::{self, BrowserStore};
use crate::services::{clock, files, locale, share};
use crate::ui::library::components::library_panel::ShareView;
use crate::ui::library::persist::{self, Autosave};
use crate::ui::library::view::{export_file, share_fragment, Export};
use crate::ui::state::{Action, Workspace};

/// The workspace, restored from storage, autosaved after every change, and opened on a share link
/// when the page's address carries one.
#[hook]
pub fn use_kept_workspace() -> UseReducerHandle<Workspace> {
    let store = use_mut_ref(BrowserStore::open);
    let autosave = use_mut_ref(Autosave::default);
    let workspace = {
        let store = store.clone();
        let autosave = autosave.clone();
        use_reducer(move || {
            let (workspace, restored) = persist::restore(
                &mut *store.borrow_mut(),
                locale::initial_lang(),
                clock::today(),
            );
            *autosave.borrow_mut() = restored;
            workspace
        })
    };
    {
        // After every render: writes only what changed, and reports storage once when it fails.
        let workspace = workspace.clone();
        use_effect(move || {
            let notice = autosave
                .borrow_mut()
                .save(&mut *store.borrow_mut(), &workspace);
            if let Some(notice) = notice {
                workspace.dispatch(Action::Notify(notice));
            }
        });
    }
    {
        // Two tabs of the page share one library: each takes what the other stores.
        let dispatcher = workspace.dispatcher();
        use_effect_with((), move |()| {
            let listener = storage::on_change_elsewhere(
                persist::LIBRARY_KEY,
                Callback::from(move |text| dispatcher.dispatch(Action::AdoptStoredLibrary(text))),
            );
            move || drop(listener)
        });
    }
    {
        let dispatcher = workspace.dispatcher();
        use_effect_with((), move |()| {
            let open = Callback::from(move |fragment: String| {
                if link::is_share_fragment(&fragment) {
                    dispatcher.dispatch(Action::OpenLink {
                        fragment,
                        today: clock::today(),
                    });
                    // A reload must show the work done since, not open the link over it again.
                    share::clear_fragment();
                }
            });
            open.emit(share::fragment());
            let listener = share::on_fragment_change(open);
            move || drop(listener)
        });
    }
    workspace
}

/// What the keep-and-share controls need from the page.
pub struct KeepControls {
    pub ondownload: Callback<Export>,
    pub onshare: Callback<()>,
    pub onimport: Callback<Vec<web_sys::File>>,
    /// The share link made for the results now shown (a link for older results is not shown).
    pub share: Option<ShareView>,
    /// Whether files are being dragged over the page.
    pub dragging: bool,
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

/// The callbacks of the library panel, the notices and the page-wide drop target.
#[hook]
pub fn use_keep_controls(workspace: &UseReducerHandle<Workspace>) -> KeepControls {
    let share_state = use_state(|| None::<(u64, ShareView)>);
    let dragging = use_state(|| false);

    let ondownload = {
        let workspace = workspace.clone();
        Callback::from(move |what: Export| {
            if let Some((name, text)) = export_file(&workspace, what) {
                files::download_json(&files::file_name(&name, "scenario"), &text);
            }
        })
    };
    let onshare = {
        let workspace = workspace.clone();
        let share_state = share_state.clone();
        Callback::from(move |()| {
            let Some(fragment) = share_fragment(&workspace) else {
                return;
            };
            let url = share::link_to(&fragment);
            let revision = workspace.revision;
            share_state.set(Some((
                revision,
                ShareView {
                    url: url.clone(),
                    copied: None,
                },
            )));
            let share_state = share_state.clone();
            let copied_url = url.clone();
            share::copy_text(
                &url,
                Callback::from(move |copied: bool| {
                    share_state.set(Some((
                        revision,
                        ShareView {
                            url: copied_url.clone(),
                            copied: Some(copied),
                        },
                    )));
                }),
            );
        })
    };
    let onimport = {
        let dispatcher = workspace.dispatcher();
        Callback::from(move |picked: Vec<web_sys::File>| {
            let dispatcher = dispatcher.clone();
            files::read_files(
                picked,
                Callback::from(move |read| {
                    dispatcher.dispatch(Action::ImportFiles {
                        files: read,
                        today: clock::today(),
                    });
                }),
            );
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            if carries_files(&e) {
                // Without this the browser would open the file in place of the page.
                e.prevent_default();
                dragging.set(true);
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
    let ondrop = {
        let dragging = dragging.clone();
        let onimport = onimport.clone();
        Callback::from(move |e: DragEvent| {
            if carries_files(&e) {
                e.prevent_default();
                onimport.emit(files::files_of(e.data_transfer().and_then(|dt| dt.files())));
            }
            dragging.set(false);
        })
    };
    let share = (*share_state)
        .as_ref()
        .filter(|(revision, _)| *revision == workspace.revision)
        .map(|(_, view)| view.clone());
    KeepControls {
        ondownload,
        onshare,
        onimport,
        share,
        dragging: *dragging,
        ondragover,
        ondragleave,
        ondrop,
    }
}

/// The page's callbacks for the notices: dismiss, undo a deletion, download the scenario.
pub fn notice_callbacks(
    workspace: &UseReducerHandle<Workspace>,
    ondownload: &Callback<Export>,
) -> (Callback<u64>, Callback<()>, Callback<()>) {
    let dispatcher = workspace.dispatcher();
    let ondismiss = Callback::from(move |id: u64| dispatcher.dispatch(Action::Dismiss(id)));
    let dispatcher = workspace.dispatcher();
    let onundo = Callback::from(move |()| dispatcher.dispatch(Action::UndoDelete));
    let ondownload = ondownload.reform(|()| Export::Current);
    (ondismiss, onundo, ondownload)
}

impl Reducible for Workspace {
    type Action = Action;

    fn reduce(self: std::rc::Rc<Self>, action: Action) -> std::rc::Rc<Self> {
        std::rc::Rc::new(self.apply(action))
    }
}
