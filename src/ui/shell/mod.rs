//! The shell: the root component, the effect runner (the only part of the page that calls
//! `services`), the hooks that connect the page to the browser, and the page's frame (header,
//! view switch, footer).

pub mod app;
pub mod footer;
pub mod header;
pub mod keep;
pub mod runner;
pub mod views_nav;
