//! The "Which lever matters" slice (issue 21): the outcome chosen, whether the section is open, and
//! the tornado of the last valid scenario for that outcome.
//!
//! A tornado is 2 × 16 EV runs (≈ 30–100 ms), so it is computed only while the section is open:
//! on opening, on a new valid result (`Page` asks with [`Model::refresh`]) and when the outcome
//! changes. "Try it" on a bar is a page rule (`ui::page`): it pins the current scenario and opens
//! the scenario with that lever at its high end ([`Model::tried`]).

pub mod view;

#[cfg(feature = "web")]
pub mod components;

use std::rc::Rc;

use crate::engine::params::Params;
use crate::engine::sensitivity::{self, Lever, Outcome, Tornado, DEFAULT_SPREAD};
use crate::ui::workspace;

/// What the person does in the section.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Action {
    /// Opens or closes the section (`<details>`).
    SetOpen(bool),
    SetOutcome(Outcome),
    /// "Try it": pin the current scenario and move this lever to its high end (a page rule).
    Try(Lever),
}

/// The section's state.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub open: bool,
    pub outcome: Outcome,
    /// The tornado and the workspace revision it was computed from.
    pub tornado: Option<(u64, Rc<Tornado>)>,
}

impl Default for Model {
    fn default() -> Model {
        Model {
            open: false,
            outcome: Outcome::BookEnd,
            tornado: None,
        }
    }
}

impl Model {
    /// Applies an action of the slice itself (`Try` is the page's).
    pub fn update(&mut self, action: Action, ws: &workspace::Model) {
        match action {
            Action::SetOpen(open) => self.open = open,
            Action::SetOutcome(outcome) => {
                if outcome != self.outcome {
                    self.outcome = outcome;
                    self.tornado = None;
                }
            }
            Action::Try(_) => {}
        }
        self.refresh(ws);
    }

    /// Computes the tornado again when the section is open and the valid result is newer than it.
    pub fn refresh(&mut self, ws: &workspace::Model) {
        if !self.open {
            return;
        }
        let Some(result) = ws.result.as_ref() else {
            self.tornado = None;
            return;
        };
        if self
            .tornado
            .as_ref()
            .is_some_and(|(r, _)| *r == ws.revision)
        {
            return;
        }
        self.tornado = sensitivity::tornado(&result.params, self.outcome, DEFAULT_SPREAD)
            .ok()
            .map(|t| (ws.revision, Rc::new(t)));
    }

    /// The scenario with `lever` at its high end as the shown tornado moved it; `None` without a
    /// tornado of the valid result.
    #[must_use]
    pub fn tried(&self, ws: &workspace::Model, lever: Lever) -> Option<Params> {
        let result = ws.result.as_ref()?;
        let (_, tornado) = self.tornado.as_ref()?;
        let bar = tornado.bars.iter().find(|b| b.lever == lever)?;
        Some(sensitivity::moved(&result.params, lever, bar.high.factor).0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn ws() -> workspace::Model {
        workspace::Model::new(NaiveDate::from_ymd_opt(2026, 1, 5).expect("date"))
    }

    #[test]
    fn the_tornado_is_computed_only_while_open_and_follows_the_outcome() {
        let ws = ws();
        let mut m = Model::default();
        m.refresh(&ws);
        assert!(m.tornado.is_none(), "closed: nothing computed");
        m.update(Action::SetOpen(true), &ws);
        let (_, t) = m.tornado.clone().expect("computed on opening");
        assert_eq!(t.outcome, Outcome::BookEnd);
        m.update(Action::SetOutcome(Outcome::HStar), &ws);
        let (_, t) = m.tornado.clone().expect("computed again");
        assert_eq!(t.outcome, Outcome::HStar);
        let tried = m.tried(&ws, t.bars[0].lever).expect("tried");
        assert_ne!(tried, ws.params);
    }
}
