//! Renders scan results for people and machines.
//!
//! [`Report`] is the one view of a scan that every format reads: resources with
//! their duty matrix, verdicts with resolved `file:line:column`, suppressions,
//! diagnostics and a summary. Formats only decide how to print it.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]
#![warn(missing_docs)]

pub mod config;
pub mod csv_out;
pub mod github;
pub mod html;
pub mod json;
pub mod junit;
pub mod live;
pub mod markdown;
pub mod matrix;
pub mod report;
pub mod sarif;
pub mod stream;
pub mod suppress;
pub mod terminal;

pub use report::{Report, build, build_with, build_with_excerpts};
