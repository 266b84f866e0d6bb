//! # elbv2.access-logging: load balancers write access logs
//!
//! ## Why this is your duty
//! Logging of your own resources is yours under the Shared Responsibility
//! Model. Load balancer access logs are the record of every request that
//! reached your application (client address, path, status, TLS details);
//! without them, abuse and incidents cannot be investigated.
//!
//! ## What AWS already does
//! Delivers access logs to an S3 bucket you name, once you turn them on. They
//! are off by default.
//!
//! ## Verdicts
//! Reads `AWS::ElasticLoadBalancingV2::LoadBalancer` (attribute
//! `access_logs.s3.enabled` in `LoadBalancerAttributes`) and Terraform
//! `aws_lb` / `aws_alb` (`access_logs { enabled }`):
//! - met: the attribute is `true` / `enabled = true`;
//! - not met: false or absent, or set only under a non-static condition
//!   (every branch must pass). In Terraform, `enabled` defaults to `false`
//!   even when the block names a bucket;
//! - not applicable: a gateway load balancer (it has no access logs);
//! - unknown: the value or the load balancer type is unresolved.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Web:
//!     Type: AWS::ElasticLoadBalancingV2::LoadBalancer
//!     Properties:
//!       Subnets: [subnet-1, subnet-2]
//!       LoadBalancerAttributes:
//!         - Key: access_logs.s3.enabled
//!           Value: "true"
//!         - Key: access_logs.s3.bucket
//!           Value: lb-logs
//! ```
//! ```yaml fail
//! Resources:
//!   Web:
//!     Type: AWS::ElasticLoadBalancingV2::LoadBalancer
//!     Properties:
//!       Subnets: [subnet-1, subnet-2]
//! ```
//! ```yaml fail
//! Parameters:
//!   Env:
//!     Type: String
//! Conditions:
//!   IsProd: !Equals [!Ref Env, prod]
//! Resources:
//!   Web:
//!     Type: AWS::ElasticLoadBalancingV2::LoadBalancer
//!     Properties:
//!       Subnets: [subnet-1, subnet-2]
//!       LoadBalancerAttributes:
//!         - !If
//!           - IsProd
//!           - Key: access_logs.s3.enabled
//!             Value: "true"
//!           - !Ref AWS::NoValue
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Inspect:
//!     Type: AWS::ElasticLoadBalancingV2::LoadBalancer
//!     Properties:
//!       Type: gateway
//!       Subnets: [subnet-1]
//! ```
//! ```hcl pass
//! resource "aws_lb" "web" {
//!   subnets = ["subnet-1", "subnet-2"]
//!   access_logs {
//!     bucket  = "lb-logs"
//!     enabled = true
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_lb" "web" {
//!   subnets = ["subnet-1", "subnet-2"]
//!   access_logs {
//!     bucket = "lb-logs"
//!   }
//! }
//! ```

use crate::context::Context;
use crate::lb::{LB_CFN, LB_TF, lb_type, require_attribute_true};
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "elbv2.access-logging",
    title: "Application and network load balancers write access logs",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: LB_CFN,
    tf_types: LB_TF,
    reads: &[],
    controls: Controls {
        fsbp: &["ELB.5"],
        config: &["ELB_LOGGING_ENABLED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_91", Same),
        cfn_nag("W52", Same),
        guard("ELB_LOGGING_ENABLED", Same),
        guard("ELBV2_ACCESS_LOGGING_RULE", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    match lb_type(resource) {
        Ok(t) if t == "gateway" => {
            return Verdict::not_applicable(resource, "a gateway load balancer has no access logs");
        }
        Ok(_) => {}
        Err((span, what)) => return Verdict::unknown(resource, span, "Type", what),
    }
    require_attribute_true(
        resource,
        "access_logs.s3.enabled",
        "access_logs.enabled",
        "access logging",
    )
}
