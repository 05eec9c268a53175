//! The compare slice: scenarios pinned under a name, compared side by side with the difference from
//! a reference the person picks, and overlaid on the charts.

pub mod view;

#[cfg(feature = "web")]
pub mod components;

use std::rc::Rc;

use crate::ui::workspace::Computed;

/// Scenarios a person can pin for comparison.
pub const MAX_PINNED: usize = 4;

/// A scenario pinned for comparison, under the name the person gave it.
#[derive(Debug, Clone)]
pub struct Pinned {
    pub name: String,
    pub computed: Rc<Computed>,
}

impl PartialEq for Pinned {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && Rc::ptr_eq(&self.computed, &other.computed)
    }
}

/// What a person does with the pins.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Typed text in the pin-name box.
    EditName(String),
    /// Pins the current result under `name` (or the next number); the name box empties.
    Pin(String),
    Unpin(usize),
    SetReference(usize),
}

/// The pinned scenarios and the reference the table measures differences from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Model {
    pub pinned: Vec<Pinned>,
    /// Index into `pinned`.
    pub reference: usize,
    /// The pin-name box as typed.
    pub name_text: String,
}

impl Model {
    /// Applies one action; `current` is the result on screen when it is valid and up to date
    /// (nothing can be pinned otherwise).
    pub fn update(&mut self, action: Action, current: Option<&Rc<Computed>>) {
        match action {
            Action::EditName(text) => self.name_text = text,
            Action::Pin(name) => {
                if let Some(result) = current {
                    // Cleaned like every name (issue 22): no control or bidi-override characters
                    // in the table, the legends or a downloaded chart; bounded length.
                    let cleaned = crate::scenario::library::clean_name(&name);
                    let name = if cleaned.is_empty() {
                        format!("#{}", self.pinned.len() + 1)
                    } else {
                        cleaned
                    };
                    if self.pinned.len() == MAX_PINNED {
                        self.pinned.remove(0);
                    }
                    self.pinned.push(Pinned {
                        name,
                        computed: Rc::clone(result),
                    });
                    self.reference = self.reference.min(self.pinned.len() - 1);
                    self.name_text.clear();
                }
            }
            Action::Unpin(index) => {
                if index < self.pinned.len() {
                    self.pinned.remove(index);
                    if self.reference >= self.pinned.len() {
                        self.reference = self.pinned.len().saturating_sub(1);
                    }
                }
            }
            Action::SetReference(index) => {
                if index < self.pinned.len() {
                    self.reference = index;
                }
            }
        }
    }
}
