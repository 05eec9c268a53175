//! The one native integration-test binary; each module is one concern.

mod charts;
mod purity;
