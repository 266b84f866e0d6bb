//! # redshiftserverless.enhanced-vpc-routing: Redshift Serverless workgroups route traffic through the VPC
//!
//! ## Why this is your duty
//! Redshift Serverless is a container service: AWS runs the compute, but the
//! network path of *your* data is a customer duty. With enhanced VPC routing,
//! `COPY` and `UNLOAD` traffic goes through your VPC, its endpoints and flow
//! logs; without it, it takes the internet path.
//!
//! ## What AWS already does
//! Routes that traffic outside your VPC unless `EnhancedVpcRouting` /
//! `enhanced_vpc_routing` is true; the default has been false since
//! Redshift Serverless became generally available in July 2022.
//!
//! ## Verdicts
//! - met: true;
//! - not met: false or absent;
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
//!       EnhancedVpcRouting: true
//! ```
//! ```yaml fail
//! Resources:
//!   Workgroup:
//!     Type: AWS::RedshiftServerless::Workgroup
//!     Properties:
//!       WorkgroupName: analytics
//!       NamespaceName: analytics
//! ```
//! ```hcl pass
//! resource "aws_redshiftserverless_workgroup" "analytics" {
//!   namespace_name = "analytics"
//!   workgroup_name = "analytics"
//!   enhanced_vpc_routing = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_redshiftserverless_workgroup" "analytics" {
//!   namespace_name = "analytics"
//!   workgroup_name = "analytics"
//!   enhanced_vpc_routing = false
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "redshiftserverless.enhanced-vpc-routing",
    title: "Redshift Serverless workgroups use enhanced VPC routing",
    duty: Duty::NetworkExposure,
    severity: Severity::High,
    cfn_types: &["AWS::RedshiftServerless::Workgroup"],
    tf_types: &["aws_redshiftserverless_workgroup"],
    reads: &[],
    controls: Controls {
        fsbp: &["RedshiftServerless.1"],
        config: &["REDSHIFT_SERVERLESS_WORKGROUP_ROUTES_WITHIN_VPC"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "EnhancedVpcRouting",
        "enhanced_vpc_routing",
        true,
        false,
        "enhanced VPC routing",
    )
}
