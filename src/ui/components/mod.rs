//! Thin Yew components: each takes props and callbacks (`on<verb>`) and renders; no arithmetic.

pub mod footer;
pub mod header;
