//! The workspace state and its transition table: one `Reducible` with verb-named actions.

use std::rc::Rc;

use yew::Reducible;

use crate::i18n::Lang;

/// Everything the page shows that is not derived from the engine.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Workspace {
    pub lang: Lang,
}

/// The things a person can do to the workspace.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
}

impl Workspace {
    /// Applies one action; pure, so it is tested natively.
    #[must_use]
    pub fn apply(&self, action: Action) -> Workspace {
        let mut next = self.clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
        }
        next
    }
}

impl Reducible for Workspace {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_lang_switches_language_and_nothing_else() {
        let before = Workspace::default();
        let after = before.apply(Action::SetLang(Lang::Zh));
        assert_eq!(after.lang, Lang::Zh);
        assert_eq!(after.apply(Action::SetLang(Lang::En)), before);
    }
}
