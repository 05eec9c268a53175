//! Pinned scenarios compared side by side.

#[cfg(feature = "web")]
pub mod components;
