//! The AWS Shared Responsibility Model as data.
//!
//! - [`Category`]: infrastructure, container, abstracted.
//! - [`Layer`]: the security layers, bottom to top, and [`assignment`]: who owns
//!   each layer in each category.
//! - [`Duty`]: the obligations that follow from the layers.
//! - [`Catalog`]: the AWS services, their categories and resource type prefixes.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]
#![warn(missing_docs)]

pub mod catalog;
pub mod category;
pub mod decide;
pub mod duty;
pub mod matrix;

pub use catalog::{Catalog, Service};
pub use category::{Category, Layer, Owner};
pub use decide::{CategoryDecision, MapProperties, NoProperties, Probe, Properties};
pub use duty::{Duty, Verification};
pub use matrix::{Assignment, assignment};
