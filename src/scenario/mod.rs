//! The scenario file format: versioned JSON, the crate's one serialization boundary.
