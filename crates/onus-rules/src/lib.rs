//! Customer duties as rules.
//!
//! Each rule lives in its own file under `src/rules/` (doc comment = user
//! docs, metadata, check). [`scan`] runs every rule over a workload and builds
//! the per-resource responsibility matrix: for every resource, every duty of
//! the model with its owner and, for the customer's duties, the rules' verdicts.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod account;
pub mod apigateway;
pub mod beanstalk;
pub mod check;
pub mod cloudfront;
pub mod context;
pub mod docs;
pub mod ecs;
pub mod emr;
pub mod engine;
pub mod fsx;
pub mod guardduty;
pub mod inspector;
pub mod instance;
pub mod lb;
pub mod lists;
pub mod net;
pub mod policy;
pub mod rds;
pub mod residency;
pub mod rule;
pub mod rules;
pub mod s3;
pub mod ssm;
pub mod verdict;
pub mod zones;

pub use context::{Context, Settings};
pub use engine::{
    DutyRow, DutyStatus, Engine, Finding, ResourceReport, RuleVerdict, ScanResult, scan,
};
pub use rule::{Controls, Peer, Relation, Rule, Severity, Tool};
pub use verdict::{Status, Verdict};
