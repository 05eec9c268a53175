//! The workspace's components: the inputs panel and one numeric field.

pub mod inputs;
pub mod number_field;
