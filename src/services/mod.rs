//! Browser services: the only code that touches storage, files, the document and workers.
//!
//! Each service turns browser failures into values the page can show; none panics.

pub mod clock;
pub mod display;
pub mod files;
pub mod locale;
pub mod monte_carlo;
pub mod share;
pub mod storage;
