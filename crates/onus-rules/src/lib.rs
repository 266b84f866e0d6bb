//! Customer duties as rules.
//!
//! Each rule lives in its own file under `src/rules/` (doc comment = user
//! docs, metadata, check). [`scan`] runs every rule over a workload and builds
//! the per-resource responsibility matrix: for every resource, every duty of
//! the model with its owner and, for the customer's duties, the rules' verdicts.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]
#![warn(missing_docs)]

pub(crate) mod account;
pub(crate) mod apigateway;
pub(crate) mod beanstalk;
pub(crate) mod check;
pub(crate) mod cloudfront;
pub(crate) mod context;
pub mod coverage;
pub mod custom;
pub(crate) mod dlm;
pub mod docs;
pub(crate) mod ecs;
pub(crate) mod emr;
pub mod engine;
pub(crate) mod fsx;
pub(crate) mod guardduty;
pub(crate) mod inspector;
pub(crate) mod instance;
pub(crate) mod lb;
pub(crate) mod lists;
pub(crate) mod mq;
pub(crate) mod net;
pub(crate) mod opensearch;
pub(crate) mod params;
pub(crate) mod parent;
pub(crate) mod policy;
pub(crate) mod rds;
pub(crate) mod residency;
pub(crate) mod routes;
pub(crate) mod rule;
// A rule's examples are fenced with onus's own attributes (```yaml Bucket=met),
// read by the docs tests in tests/rules.rs: rustdoc never runs YAML or HCL and
// need not parse them.
#[allow(rustdoc::invalid_codeblock_attributes)]
pub mod rules;
pub(crate) mod s3;
pub(crate) mod sagemaker;
pub mod secrets;
pub mod select;
pub(crate) mod ssm;
pub(crate) mod verdict;
pub(crate) mod zones;

pub use context::{ACCOUNT_WIDE, AccountWide, Context, Settings, local_id};
pub use engine::{
    Check, DutyRow, DutyStatus, Engine, Finding, OwnerSource, ResourceReport, RuleVerdict,
    ScanResult, scan,
};
pub use rule::{Controls, Peer, Relation, Rule, Severity, Tool};
pub use verdict::{Status, Verdict};
