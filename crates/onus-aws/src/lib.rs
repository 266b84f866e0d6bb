//! Read-only live scan of an AWS account (`onus scan --aws`).
//!
//! Deployed resources are read through the AWS SDK for Rust with `Describe*`,
//! `Get*` and `List*` calls only, and mapped into the resource model the
//! CloudFormation and Terraform readers produce (CloudFormation type names and
//! property shapes), so the same rules judge them. A value the API does not
//! give is unknown, never guessed. The ARN takes the place of file:line:col.

#![warn(missing_docs)]

pub mod join;
pub mod model;
mod scan;
mod services;

pub use model::{GLOBAL, LiveResource, into_workload};
pub use scan::{CallError, Cx, Error, Failure, LiveScan, Options, Stack, partition, scan};
