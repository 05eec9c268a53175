//! Trainer mode: the lessons gallery, the play clock, the stage, decisions and narration.

pub mod clock;
pub mod narration;
pub mod presets;
pub mod view;

#[cfg(feature = "web")]
pub mod components;
