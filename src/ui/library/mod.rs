//! Keeping and sharing: the library, the notices, storage, share links, downloads and imports.

pub mod entries;
pub mod notice;
pub mod persist;
pub mod view;

#[cfg(feature = "web")]
pub mod components;
