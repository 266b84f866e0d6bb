//! Renders scan results for people and machines.
//!
//! [`Report`] is the one view of a scan that every format reads: resources with
//! their duty matrix, verdicts with resolved `file:line:column`, diagnostics
//! and a summary. Formats only decide how to print it.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod report;
pub mod terminal;

pub use report::{Report, build};
