//! The library panel and the notices.

pub mod library_panel;
pub mod notices;
