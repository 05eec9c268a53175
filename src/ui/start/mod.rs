//! The start band: the first thing a newcomer sees on the workspace — what Cadence is for, and one
//! way in for each person who comes to it: plan the team's prospecting (the team's own numbers asked
//! first), show the fault to a room, or open a file or a link a colleague sent.
//!
//! It can be hidden, and the choice is remembered on this machine; "Where to start" shows it again.

pub mod view;

#[cfg(feature = "web")]
pub mod components;

use crate::ui::effect::Effect;

/// Whether the band shows, and the share link as pasted into it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Model {
    pub hidden: bool,
    /// The link box as typed.
    pub link_text: String,
    /// What was pasted is not a share link (said under the box).
    pub not_a_link: bool,
}

/// What a person does with the start band.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Hide,
    Show,
    /// Typed or pasted text in the link box.
    EditLink(String),
}

impl Model {
    /// Applies an action; returns what the browser must do.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Hide => {
                self.hidden = true;
                vec![Effect::RememberStart { hidden: true }]
            }
            Action::Show => {
                self.hidden = false;
                vec![
                    Effect::RememberStart { hidden: false },
                    Effect::Focus(view::START_ID),
                ]
            }
            Action::EditLink(text) => {
                self.link_text = text;
                self.not_a_link = false;
                Vec::new()
            }
        }
    }

    /// The share-link fragment in what was pasted — the part after `#` of a whole address, or the
    /// text itself (`scenario=…`) — taken out of the box to be opened. Text that is no share link
    /// stays, marked as such; an empty box gives nothing.
    pub fn take_link(&mut self) -> Option<String> {
        let text = self.link_text.trim();
        if text.is_empty() {
            return None;
        }
        let fragment = text
            .split_once('#')
            .map_or(text, |(_, fragment)| fragment)
            .trim();
        if crate::scenario::link::is_share_fragment(fragment) {
            let fragment = fragment.to_owned();
            self.link_text.clear();
            self.not_a_link = false;
            Some(fragment)
        } else {
            self.not_a_link = true;
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hiding_and_showing_is_remembered() {
        let mut start = Model::default();
        assert!(!start.hidden);
        assert_eq!(
            start.update(Action::Hide),
            vec![Effect::RememberStart { hidden: true }]
        );
        assert!(start.hidden);
        let effects = start.update(Action::Show);
        assert!(!start.hidden);
        assert!(effects.contains(&Effect::RememberStart { hidden: false }));
        assert!(effects.contains(&Effect::Focus(view::START_ID)));
    }

    #[test]
    fn a_pasted_address_or_fragment_gives_the_links_fragment() {
        let mut start = Model::default();
        assert_eq!(start.take_link(), None);
        assert!(!start.not_a_link, "an empty box is no mistake");
        start.update(Action::EditLink("   ".into()));
        assert_eq!(start.take_link(), None);
        start.update(Action::EditLink(
            " https://example.org/cadence/#scenario=eNqr \n".into(),
        ));
        assert_eq!(start.take_link().as_deref(), Some("scenario=eNqr"));
        assert_eq!(start.link_text, "", "an opened link leaves the box");
        start.update(Action::EditLink("scenario=eNqr".into()));
        assert_eq!(start.take_link().as_deref(), Some("scenario=eNqr"));
    }

    #[test]
    fn text_that_is_no_share_link_stays_in_the_box_marked_until_edited() {
        let mut start = Model::default();
        for text in [
            "https://example.org/cadence/",
            "hello",
            "https://example.org/#view=plan",
        ] {
            start.update(Action::EditLink(text.into()));
            assert_eq!(start.take_link(), None, "{text}");
            assert!(start.not_a_link, "{text}");
            assert_eq!(start.link_text, text);
        }
        start.update(Action::EditLink("x".into()));
        assert!(!start.not_a_link);
    }
}
