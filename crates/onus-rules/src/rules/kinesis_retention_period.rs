//! # kinesis.retention-period: Kinesis data streams keep records for at least 7 days
//!
//! ## Why this is your duty
//! Kinesis Data Streams is an abstracted service: AWS stores records durably
//! across three zones, but only for the retention you choose. A consumer that
//! fails over a weekend can replay what it missed only if the stream still
//! holds it; that recovery window is the customer's backup decision.
//!
//! ## What AWS already does
//! Keeps records for 24 hours when `RetentionPeriodHours` /
//! `retention_period` is absent (the default since launch in 2013);
//! retention can be raised to 8,760 hours (365 days, since November 2020).
//!
//! ## Verdicts
//! - met: 168 hours (7 days) or more, up to 8,760;
//! - not met: absent (24 hours), less than 168, or outside 24 to 8,760
//!   (invalid);
//! - unknown: the value comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Events:
//!     Type: AWS::Kinesis::Stream
//!     Properties:
//!       ShardCount: 1
//!       RetentionPeriodHours: 168
//! ```
//! ```yaml fail
//! Resources:
//!   Events:
//!     Type: AWS::Kinesis::Stream
//!     Properties:
//!       ShardCount: 1
//! ```
//! ```hcl pass
//! resource "aws_kinesis_stream" "events" {
//!   name        = "events"
//!   shard_count = 1
//!   retention_period = 720
//! }
//! ```
//! ```hcl fail
//! resource "aws_kinesis_stream" "events" {
//!   name        = "events"
//!   shard_count = 1
//!   retention_period = 48
//! }
//! ```

use crate::check::require_valid_number;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "kinesis.retention-period",
    title: "Kinesis data streams keep records for at least 7 days",
    duty: Duty::Backups,
    severity: Severity::Medium,
    cfn_types: &["AWS::Kinesis::Stream"],
    tf_types: &["aws_kinesis_stream"],
    reads: &[],
    controls: Controls {
        fsbp: &["Kinesis.3"],
        config: &["KINESIS_STREAM_BACKUP_RETENTION_CHECK"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_valid_number(
        resource,
        "RetentionPeriodHours",
        "retention_period",
        Some(24.0),
        |v| (24.0..=8760.0).contains(&v),
        |v| v >= 168.0,
        "records must be kept at least 168 hours (7 days)",
    )
}
