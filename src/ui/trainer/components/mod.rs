//! The gallery, the stage and the decision form.

pub mod decisions;
pub mod gallery;
pub mod stage;
