//! The gallery, the stage, its lesson charts, the decision form and the debrief.

pub mod debrief;
pub mod decisions;
pub mod gallery;
pub mod lesson_charts;
pub mod stage;
