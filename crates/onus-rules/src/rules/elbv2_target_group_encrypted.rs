//! # elbv2.target-group-encrypted: load balancers reach their targets over TLS
//!
//! ## Why this is your duty
//! Elastic Load Balancing is an abstracted service: AWS runs the load
//! balancer, and the hop from it to your targets crosses your VPC's network,
//! which is yours to protect. With a plain HTTP or TCP target group, the
//! requests the load balancer decrypted travel on in clear text to the
//! instances, containers or IP addresses behind it.
//!
//! ## What AWS already does
//! Encrypts nothing between load balancer and targets unless the target
//! group's protocol is `HTTPS` or `TLS`; it does not validate the targets'
//! certificates, so self-signed ones work.
//!
//! ## Verdicts
//! Reads `AWS::ElasticLoadBalancingV2::TargetGroup` `Protocol` and Terraform
//! `aws_lb_target_group` / `aws_alb_target_group` `protocol`:
//! - met: `HTTPS` or `TLS`;
//! - not met: `HTTP`, `TCP`, `UDP` or `TCP_UDP`, or no protocol on an
//!   instance or IP target group (AWS requires one: invalid);
//! - not applicable: Lambda targets (invoked through the Lambda API), an
//!   Application Load Balancer as target (it terminates TLS itself), and
//!   `GENEVE` (gateway load balancers pass packets through unchanged);
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Web:
//!     Type: AWS::ElasticLoadBalancingV2::TargetGroup
//!     Properties:
//!       VpcId: vpc-123
//!       Port: 8443
//!       Protocol: HTTPS
//! ```
//! ```yaml fail
//! Resources:
//!   Web:
//!     Type: AWS::ElasticLoadBalancingV2::TargetGroup
//!     Properties:
//!       VpcId: vpc-123
//!       Port: 8080
//!       Protocol: HTTP
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Fn:
//!     Type: AWS::ElasticLoadBalancingV2::TargetGroup
//!     Properties:
//!       TargetType: lambda
//! ```
//! ```hcl pass
//! resource "aws_lb_target_group" "api" {
//!   vpc_id   = "vpc-123"
//!   port     = 443
//!   protocol = "TLS"
//! }
//! ```
//! ```hcl fail
//! resource "aws_lb_target_group" "api" {
//!   vpc_id   = "vpc-123"
//!   port     = 80
//!   protocol = "HTTP"
//! }
//! ```

use crate::check::{Judgement, is_null, judge, prop, verdict_of};
use crate::context::Context;
use crate::lb::{TARGET_GROUP_CFN, TARGET_GROUP_TF};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "elbv2.target-group-encrypted",
    title: "Target groups use HTTPS or TLS to reach their targets",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: TARGET_GROUP_CFN,
    tf_types: TARGET_GROUP_TF,
    reads: &[],
    controls: Controls {
        fsbp: &["ELB.22"],
        config: &["ELBV2_TARGETGROUP_PROTOCOL_ENCRYPTED"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_378", Related)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let (target_type, type_path) = prop(resource, "TargetType", "target_type");
    match target_type.map(|n| (&n.value, n.as_str())) {
        Some((_, Some(t))) if t.eq_ignore_ascii_case("lambda") => {
            return Verdict::not_applicable(
                resource,
                "Lambda targets are invoked through the Lambda API",
            );
        }
        Some((_, Some(t))) if t.eq_ignore_ascii_case("alb") => {
            return Verdict::not_applicable(
                resource,
                "the target is an Application Load Balancer, which terminates TLS itself",
            );
        }
        Some((Value::Unknown(what), _)) => {
            let node = target_type.map(|n| n.span).unwrap_or(resource.name_span);
            return Verdict::unknown(resource, node, type_path, what.clone());
        }
        _ => {}
    }
    let (node, path) = prop(resource, "Protocol", "protocol");
    let Some(node) = node else {
        return Verdict::missing(
            resource,
            path,
            format!("{path} is not set: AWS requires one for instance and IP targets (invalid)"),
        );
    };
    if node
        .as_str()
        .is_some_and(|p| p.eq_ignore_ascii_case("GENEVE"))
    {
        return Verdict::not_applicable(
            resource,
            "GENEVE: a gateway load balancer passes packets through unchanged",
        );
    }
    let j = judge(node, &mut |n| match n.as_str() {
        Some(p) => Judgement::from_bool(
            matches!(p.trim().to_ascii_uppercase().as_str(), "HTTPS" | "TLS"),
            n,
            || format!("{path} is {p}: traffic to the targets is not encrypted"),
        ),
        // A branch that leaves the protocol unset is a Lambda target group.
        None if is_null(n) => Judgement::Yes,
        None => Judgement::no(n, format!("{path} is not a string")),
    });
    verdict_of(
        resource,
        node,
        path,
        j,
        "traffic to the targets is encrypted",
    )
}
