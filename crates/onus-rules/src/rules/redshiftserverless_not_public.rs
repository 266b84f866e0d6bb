//! # redshiftserverless.not-public: Redshift Serverless workgroups are not publicly accessible
//!
//! ## Why this is your duty
//! Redshift Serverless is a container service: AWS runs the endpoint in your
//! VPC, but whether it also answers from the internet is the network-exposure
//! duty the model leaves to the customer.
//!
//! ## What AWS already does
//! Creates private workgroups: `PubliclyAccessible` / `publicly_accessible`
//! defaults to false, as it has since general availability in July 2022.
//!
//! ## Verdicts
//! - met: false or absent;
//! - not met: true;
//! - unknown: the value comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Workgroup:
//!     Type: AWS::RedshiftServerless::Workgroup
//!     Properties:
//!       WorkgroupName: analytics
//!       NamespaceName: analytics
//! ```
//! ```yaml fail
//! Resources:
//!   Workgroup:
//!     Type: AWS::RedshiftServerless::Workgroup
//!     Properties:
//!       WorkgroupName: analytics
//!       NamespaceName: analytics
//!       PubliclyAccessible: true
//! ```
//! ```hcl pass
//! resource "aws_redshiftserverless_workgroup" "analytics" {
//!   namespace_name = "analytics"
//!   workgroup_name = "analytics"
//! }
//! ```
//! ```hcl fail
//! resource "aws_redshiftserverless_workgroup" "analytics" {
//!   namespace_name = "analytics"
//!   workgroup_name = "analytics"
//!   publicly_accessible = true
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "redshiftserverless.not-public",
    title: "Redshift Serverless workgroups are not publicly accessible",
    duty: Duty::NetworkExposure,
    severity: Severity::High,
    cfn_types: &["AWS::RedshiftServerless::Workgroup"],
    tf_types: &["aws_redshiftserverless_workgroup"],
    reads: &[],
    controls: Controls {
        fsbp: &["RedshiftServerless.3"],
        config: &["REDSHIFT_SERVERLESS_WORKGROUP_NO_PUBLIC_ACCESS"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "PubliclyAccessible",
        "publicly_accessible",
        false,
        false,
        "private access",
    )
}
