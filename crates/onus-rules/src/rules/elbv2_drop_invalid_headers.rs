//! # elbv2.drop-invalid-headers: application load balancers drop invalid HTTP headers
//!
//! ## Why this is your duty
//! Elastic Load Balancing is an abstracted service: AWS runs the proxy, but
//! how it treats malformed requests is your setting. Forwarding header names
//! that are not valid HTTP (`X_Forwarded_For` with underscores, control
//! characters) enables request smuggling and header-confusion attacks against
//! the application behind it.
//!
//! ## What AWS already does
//! Offers the `routing.http.drop_invalid_header_fields.enabled` attribute;
//! it is `false` by default, so invalid headers are passed to targets.
//!
//! ## Verdicts
//! Reads `AWS::ElasticLoadBalancingV2::LoadBalancer` (attribute
//! `routing.http.drop_invalid_header_fields.enabled`) and Terraform `aws_lb` /
//! `aws_alb` (`drop_invalid_header_fields`):
//! - met: `true`;
//! - not met: false or absent (default false);
//! - not applicable: network and gateway load balancers (`Type` /
//!   `load_balancer_type` other than `application`, the default);
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
//!         - Key: routing.http.drop_invalid_header_fields.enabled
//!           Value: "true"
//! ```
//! ```yaml fail
//! Resources:
//!   Web:
//!     Type: AWS::ElasticLoadBalancingV2::LoadBalancer
//!     Properties:
//!       Subnets: [subnet-1, subnet-2]
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Db:
//!     Type: AWS::ElasticLoadBalancingV2::LoadBalancer
//!     Properties:
//!       Type: network
//!       Subnets: [subnet-1, subnet-2]
//! ```
//! ```hcl pass
//! resource "aws_lb" "web" {
//!   subnets                    = ["subnet-1", "subnet-2"]
//!   drop_invalid_header_fields = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_alb" "web" {
//!   subnets = ["subnet-1", "subnet-2"]
//! }
//! ```

use crate::context::Context;
use crate::lb::{LB_CFN, LB_TF, lb_type, require_attribute_true};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "elbv2.drop-invalid-headers",
    title: "Application load balancers drop invalid HTTP header fields",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Low,
    cfn_types: LB_CFN,
    tf_types: LB_TF,
    reads: &[],
    controls: Controls {
        fsbp: &["ELB.4"],
        config: &["ALB_HTTP_DROP_INVALID_HEADER_ENABLED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_131", Same),
        trivy("AVD-AWS-0052", Same),
        guard("ALB_HTTP_DROP_INVALID_HEADER_ENABLED", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    match lb_type(resource) {
        Ok(t) if t == "application" => {}
        Ok(t) => {
            return Verdict::not_applicable(
                resource,
                format!("a {t} load balancer does not parse HTTP headers"),
            );
        }
        Err((span, what)) => return Verdict::unknown(resource, span, "Type", what),
    }
    let what = "dropping invalid header fields";
    require_attribute_true(
        resource,
        "routing.http.drop_invalid_header_fields.enabled",
        "drop_invalid_header_fields",
        what,
    )
}
