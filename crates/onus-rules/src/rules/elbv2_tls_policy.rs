//! # elbv2.tls-policy: HTTPS and TLS listeners refuse TLS 1.0 and 1.1
//!
//! ## Why this is your duty
//! Elastic Load Balancing is an abstracted service: AWS maintains the
//! predefined security policies, but which one a listener uses is your
//! choice. Policies that still accept TLS 1.0/1.1 and their weak ciphers let
//! a network attacker downgrade client connections.
//!
//! ## What AWS already does
//! Publishes predefined policies, including TLS 1.2+ and TLS 1.3 ones. A
//! listener created through the API, CloudFormation or Terraform without a
//! policy gets `ELBSecurityPolicy-2016-08`, which accepts TLS 1.0.
//!
//! ## Verdicts
//! Reads `SslPolicy` of `AWS::ElasticLoadBalancingV2::Listener` and
//! `ssl_policy` of Terraform `aws_lb_listener` / `aws_alb_listener`, for
//! `HTTPS` and `TLS` listeners:
//! - met: a TLS 1.2-minimum policy: the name contains `TLS13-1-2`,
//!   `TLS13-1-3`, `TLS-1-2` or `FS-1-2` (e.g.
//!   `ELBSecurityPolicy-TLS13-1-2-2021-06`, `ELBSecurityPolicy-TLS-1-2-Ext-2018-06`,
//!   `ELBSecurityPolicy-FS-1-2-Res-2020-10`, their FIPS and PQ variants);
//! - not met: any other policy (`ELBSecurityPolicy-2016-08`,
//!   `ELBSecurityPolicy-TLS13-1-1-2021-06`, `ELBSecurityPolicy-FS-2018-06`...),
//!   or none (the default `ELBSecurityPolicy-2016-08`);
//! - not applicable: `HTTP`, `TCP`, `UDP`, `TCP_UDP`, `GENEVE` listeners;
//! - unknown: the policy or protocol is unresolved.
//!
//! Classic Load Balancer SSL negotiation policies are not read by this rule.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Https:
//!     Type: AWS::ElasticLoadBalancingV2::Listener
//!     Properties:
//!       LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/1
//!       Port: 443
//!       Protocol: HTTPS
//!       SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
//!       Certificates:
//!         - CertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/abc
//!       DefaultActions:
//!         - Type: forward
//!           TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1
//! ```
//! ```yaml fail
//! Resources:
//!   Https:
//!     Type: AWS::ElasticLoadBalancingV2::Listener
//!     Properties:
//!       LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/1
//!       Port: 443
//!       Protocol: HTTPS
//!       Certificates:
//!         - CertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/abc
//!       DefaultActions:
//!         - Type: forward
//!           TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Http:
//!     Type: AWS::ElasticLoadBalancingV2::Listener
//!     Properties:
//!       LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/1
//!       Port: 80
//!       Protocol: HTTP
//!       DefaultActions:
//!         - Type: redirect
//!           RedirectConfig:
//!             Protocol: HTTPS
//!             StatusCode: HTTP_301
//! ```
//! ```hcl pass
//! resource "aws_lb_listener" "https" {
//!   load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/1"
//!   port              = 443
//!   protocol          = "HTTPS"
//!   ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
//!   certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
//!   default_action {
//!     type             = "forward"
//!     target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_lb_listener" "tls" {
//!   load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/db/1"
//!   port              = 5432
//!   protocol          = "TLS"
//!   ssl_policy        = "ELBSecurityPolicy-TLS13-1-1-2021-06"
//!   certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
//!   default_action {
//!     type             = "forward"
//!     target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/db/1"
//!   }
//! }
//! ```

use crate::check::{Judgement, judge, prop, verdict_of};
use crate::context::Context;
use crate::lb::{LISTENER_CFN, LISTENER_TF, listener_protocol, tls12_minimum};
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "elbv2.tls-policy",
    title: "HTTPS/TLS listeners use a TLS 1.2+ security policy",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: LISTENER_CFN,
    tf_types: LISTENER_TF,
    reads: &[
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
        "aws_lb",
        "aws_alb",
    ],
    controls: Controls {
        fsbp: &["ELB.17"],
        config: &[],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_103", Same),
        cfn_nag("W55", Related),
        trivy("AVD-AWS-0047", Same),
        guard("ELBV2_LISTENER_SSL_POLICY_RULE", Same),
        checkov("CKV2_AWS_74", Related),
    ],
    check,
    file: file!(),
};

/// The default of an HTTPS/TLS listener without a policy.
const DEFAULT_POLICY: &str = "ELBSecurityPolicy-2016-08";

fn check(resource: &Resource, cx: &Context) -> Verdict {
    match listener_protocol(resource, cx) {
        Ok(Some(p)) if p == "HTTPS" || p == "TLS" => {}
        Ok(Some(p)) => {
            return Verdict::not_applicable(
                resource,
                format!("{p} listener: no TLS is negotiated"),
            );
        }
        Ok(None) => return Verdict::not_applicable(resource, "a gateway load balancer listener"),
        Err(unknown) => return unknown,
    }
    let (node, path) = prop(resource, "SslPolicy", "ssl_policy");
    let Some(node) = node else {
        return Verdict::missing(
            resource,
            path,
            format!("{path} is not set and defaults to {DEFAULT_POLICY}, which accepts TLS 1.0"),
        );
    };
    let j = judge(node, &mut |n| match n.as_str() {
        Some(p) => Judgement::from_bool(tls12_minimum(p), n, || {
            format!("{p} accepts protocols older than TLS 1.2")
        }),
        None => Judgement::no(n, format!("{path} is not a string")),
    });
    verdict_of(
        resource,
        node,
        path,
        j,
        "the security policy requires TLS 1.2 or later",
    )
}
