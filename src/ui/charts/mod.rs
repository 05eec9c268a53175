//! Charts: pure plotters functions rendered to SVG (being written).
