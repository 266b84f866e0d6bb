//! # elbv2.deletion-protection: load balancers are protected against deletion
//!
//! ## Why this is your duty
//! Elastic Load Balancing is an abstracted service: AWS keeps the load
//! balancer running, but deleting it is an API call any sufficiently
//! privileged principal — or a careless stack update — can make. Its DNS
//! name is gone with it, and every client, alias record and CDN origin that
//! points at it breaks. Protecting what you run against deletion is part of
//! the backups-and-durability duty the model leaves to you.
//!
//! ## What AWS already does
//! Deletes a load balancer on request unless deletion protection is on; it
//! is off by default (`deletion_protection.enabled` false).
//!
//! ## Verdicts
//! Reads `AWS::ElasticLoadBalancingV2::LoadBalancer` (attribute
//! `deletion_protection.enabled` in `LoadBalancerAttributes`) and Terraform
//! `aws_lb` / `aws_alb` (`enable_deletion_protection`), for application,
//! network and gateway load balancers:
//! - met: `true`;
//! - not met: false, absent, or set only under a condition;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Web:
//!     Type: AWS::ElasticLoadBalancingV2::LoadBalancer
//!     Properties:
//!       Subnets: [subnet-1, subnet-2]
//!       LoadBalancerAttributes:
//!         - Key: deletion_protection.enabled
//!           Value: "true"
//! ```
//! ```yaml fail
//! Resources:
//!   Web:
//!     Type: AWS::ElasticLoadBalancingV2::LoadBalancer
//!     Properties:
//!       Subnets: [subnet-1, subnet-2]
//! ```
//! ```hcl pass
//! resource "aws_lb" "web" {
//!   subnets                    = ["subnet-1", "subnet-2"]
//!   enable_deletion_protection = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_lb" "web" {
//!   subnets = ["subnet-1", "subnet-2"]
//! }
//! ```

use crate::context::Context;
use crate::lb::{LB_CFN, LB_TF, require_attribute_true};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "elbv2.deletion-protection",
    title: "Load balancers have deletion protection on",
    duty: Duty::Backups,
    severity: Severity::Medium,
    cfn_types: LB_CFN,
    tf_types: LB_TF,
    reads: &[],
    controls: Controls {
        fsbp: &["ELB.6"],
        config: &["ELB_DELETION_PROTECTION_ENABLED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_150", Same),
        guard("ELB_DELETION_PROTECTION_ENABLED", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_attribute_true(
        resource,
        "deletion_protection.enabled",
        "enable_deletion_protection",
        "deletion protection",
    )
}
