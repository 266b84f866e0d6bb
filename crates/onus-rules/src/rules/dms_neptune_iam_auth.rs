//! # dms.neptune-iam-auth: DMS endpoints for Neptune use IAM authorization
//!
//! ## Why this is your duty
//! DMS is a container service: AWS runs the replication, but how it
//! authenticates to *your* Neptune cluster is access control, the customer's
//! side of the model. With IAM authorization each request is signed and
//! allowed by the role's policy.
//!
//! ## What AWS already does
//! Connects without IAM authorization unless `NeptuneSettings.IamAuthEnabled`
//! is true (the default is false).
//!
//! ## Verdicts
//! - met: true, on an endpoint whose `EngineName` is `neptune`;
//! - not met: false or absent;
//! - not applicable: other engines;
//! - unknown: a value onus cannot resolve.
//!
//! The Terraform `aws_dms_endpoint` has no Neptune settings.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Target:
//!     Type: AWS::DMS::Endpoint
//!     Properties:
//!       EndpointType: target
//!       EngineName: neptune
//!       NeptuneSettings:
//!         S3BucketName: staging
//!         IamAuthEnabled: true
//! ```
//! ```yaml fail
//! Resources:
//!   Target:
//!     Type: AWS::DMS::Endpoint
//!     Properties:
//!       EndpointType: target
//!       EngineName: neptune
//!       NeptuneSettings:
//!         S3BucketName: staging
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Target:
//!     Type: AWS::DMS::Endpoint
//!     Properties:
//!       EndpointType: target
//!       EngineName: mysql
//!       SslMode: require
//! ```

use crate::check::{dms_engine_is, require_bool};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "dms.neptune-iam-auth",
    title: "DMS endpoints for Neptune use IAM authorization",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &["AWS::DMS::Endpoint"],
    tf_types: &[],
    reads: &[],
    controls: Controls {
        fsbp: &["DMS.10"],
        config: &["DMS_NEPTUNE_IAM_AUTHORIZATION_ENABLED"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    if let Some(na) = dms_engine_is(resource, &["neptune"]) {
        return na;
    }
    require_bool(
        resource,
        "NeptuneSettings.IamAuthEnabled",
        "",
        true,
        false,
        "IAM authorization",
    )
}
