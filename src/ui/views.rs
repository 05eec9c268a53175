//! The page's views — workspace, plan, actuals, your data, trainer, classroom — and the stable ids they are remembered by.

use crate::i18n::Text;

/// The page's views.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum View {
    /// Inputs, results and charts of the scenario being edited.
    #[default]
    Workspace,
    /// The cadence plan for a goal.
    Plan,
    /// The team's actual weeks beside the plan, with the early warning.
    Track,
    /// Preset gallery and the week-by-week play mode.
    Trainer,
    /// The classroom: open a session, play it on a phone, collect the room's hand-ins.
    Classroom,
    /// "Your data": the team's own loan book, mapped and started from.
    Book,
}

impl View {
    pub const ALL: [View; 6] = [
        View::Workspace,
        View::Plan,
        View::Track,
        View::Book,
        View::Trainer,
        View::Classroom,
    ];

    /// Stable identifier, stored on this machine and used in tests.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            View::Workspace => "workspace",
            View::Plan => "plan",
            View::Track => "actuals",
            View::Trainer => "trainer",
            View::Classroom => "classroom",
            View::Book => "book",
        }
    }

    /// The view's tab label.
    #[must_use]
    pub fn label(self) -> Text {
        match self {
            View::Workspace => Text::ViewWorkspace,
            View::Plan => Text::ViewPlan,
            View::Track => Text::ViewTrack,
            View::Book => Text::ViewBook,
            View::Trainer => Text::ViewTrainer,
            View::Classroom => Text::ViewClassroom,
        }
    }

    #[must_use]
    pub fn from_id(id: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.id() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_have_stable_ids() {
        for view in View::ALL {
            assert_eq!(View::from_id(view.id()), Some(view));
        }
        assert_eq!(View::from_id("nope"), None);
    }
}
