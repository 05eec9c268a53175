//! Browser services: the only code that touches storage, files, the document and workers.
//!
//! Each service turns browser failures into values the page can show; none panics.

//! `files`, `monte_carlo` and `storage` also hold the plain types and functions the page's native
//! code uses (a file as read, the worker protocol, the `Store` trait and an in-memory store); every
//! browser call is behind the `web` feature. Services never import `ui`.

pub mod book_reader;
#[cfg(feature = "web")]
pub mod clock;
#[cfg(feature = "web")]
pub mod display;
pub mod files;
#[cfg(feature = "web")]
pub mod locale;
pub mod monte_carlo;
#[cfg(feature = "web")]
pub mod share;
pub mod storage;
