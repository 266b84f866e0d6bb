//! # elb.tls-policy: Classic Load Balancer SSL listeners negotiate TLS 1.2 or later
//!
//! ## Why this is your duty
//! Elastic Load Balancing is an abstracted service: AWS terminates TLS, but
//! which protocol versions and ciphers your listeners accept is your
//! configuration, and protecting traffic in transit is always yours. A
//! listener that still accepts TLS 1.0 or 1.1 lets a downgraded client or a
//! network attacker fall back to protocols with known weaknesses.
//!
//! ## What AWS already does
//! Applies the predefined policy `ELBSecurityPolicy-2016-08` to an HTTPS or
//! SSL listener that names no negotiation policy; it accepts TLS 1.0, 1.1
//! and 1.2. `ELBSecurityPolicy-TLS-1-2-2017-01` accepts TLS 1.2 only.
//!
//! ## Verdicts
//! Reads the HTTPS and SSL listeners of `AWS::ElasticLoadBalancing::LoadBalancer`
//! and the SSL negotiation policy each one uses: a `Policies` entry of type
//! `SSLNegotiationPolicyType` named in the listener's `PolicyNames` or
//! listing its port in `LoadBalancerPorts`. In Terraform, `aws_elb` listeners
//! and the `aws_load_balancer_policy` attached to their port by an
//! `aws_load_balancer_listener_policy`, or an `aws_lb_ssl_negotiation_policy`
//! for the port.
//! - met: every such listener's policy references a TLS 1.2 predefined policy
//!   (`Reference-Security-Policy`, e.g. `ELBSecurityPolicy-TLS-1-2-2017-01`),
//!   or is a custom policy that enables none of SSLv3, TLS 1.0 and 1.1;
//! - not met: no policy (the 2016-08 default), a reference to an older
//!   policy, or a custom policy enabling an old protocol;
//! - not applicable: no HTTPS or SSL listener;
//! - unknown: a protocol, port or policy onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Web:
//!     Type: AWS::ElasticLoadBalancing::LoadBalancer
//!     Properties:
//!       AvailabilityZones: [eu-west-1a, eu-west-1b]
//!       Policies:
//!         - PolicyName: tls12
//!           PolicyType: SSLNegotiationPolicyType
//!           Attributes:
//!             - Name: Reference-Security-Policy
//!               Value: ELBSecurityPolicy-TLS-1-2-2017-01
//!       Listeners:
//!         - LoadBalancerPort: "443"
//!           InstancePort: "8080"
//!           Protocol: HTTPS
//!           SSLCertificateId: arn:aws:acm:eu-west-1:111122223333:certificate/abc
//!           PolicyNames: [tls12]
//! ```
//! ```yaml fail
//! Resources:
//!   Web:
//!     Type: AWS::ElasticLoadBalancing::LoadBalancer
//!     Properties:
//!       AvailabilityZones: [eu-west-1a, eu-west-1b]
//!       Listeners:
//!         - LoadBalancerPort: "443"
//!           InstancePort: "8080"
//!           Protocol: HTTPS
//!           SSLCertificateId: arn:aws:acm:eu-west-1:111122223333:certificate/abc
//! ```
//! ```hcl pass
//! resource "aws_elb" "web" {
//!   name               = "web"
//!   availability_zones = ["eu-west-1a", "eu-west-1b"]
//!   listener {
//!     lb_port            = 443
//!     lb_protocol        = "https"
//!     instance_port      = 8080
//!     instance_protocol  = "http"
//!     ssl_certificate_id = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
//!   }
//! }
//! resource "aws_load_balancer_policy" "tls12" {
//!   load_balancer_name = aws_elb.web.name
//!   policy_name        = "tls12"
//!   policy_type_name   = "SSLNegotiationPolicyType"
//!   policy_attribute {
//!     name  = "Reference-Security-Policy"
//!     value = "ELBSecurityPolicy-TLS-1-2-2017-01"
//!   }
//! }
//! resource "aws_load_balancer_listener_policy" "https" {
//!   load_balancer_name = aws_elb.web.name
//!   load_balancer_port = 443
//!   policy_names       = [aws_load_balancer_policy.tls12.policy_name]
//! }
//! ```
//! ```hcl fail
//! resource "aws_elb" "web" {
//!   name               = "web"
//!   availability_zones = ["eu-west-1a", "eu-west-1b"]
//!   listener {
//!     lb_port            = 443
//!     lb_protocol        = "https"
//!     instance_port      = 8080
//!     instance_protocol  = "http"
//!     ssl_certificate_id = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
//!   }
//! }
//! resource "aws_lb_ssl_negotiation_policy" "old" {
//!   name          = "old"
//!   load_balancer = aws_elb.web.id
//!   lb_port       = 443
//!   attribute {
//!     name  = "Protocol-TLSv1"
//!     value = "true"
//!   }
//!   attribute {
//!     name  = "Protocol-TLSv1.2"
//!     value = "true"
//!   }
//! }
//! ```

use crate::check::{get_in, items};
use crate::context::Context;
use crate::lb::{CLASSIC_CFN, CLASSIC_TF, classic_encrypted, classic_listeners, tls12_minimum};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "elb.tls-policy",
    title: "Classic Load Balancer SSL listeners use a TLS 1.2 security policy",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: CLASSIC_CFN,
    tf_types: CLASSIC_TF,
    reads: &[
        "aws_load_balancer_policy",
        "aws_load_balancer_listener_policy",
        "aws_lb_ssl_negotiation_policy",
    ],
    controls: Controls {
        fsbp: &["ELB.8"],
        config: &["ELB_PREDEFINED_SECURITY_POLICY_SSL_CHECK"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_213", Related),
        guard("ELB_PREDEFINED_SECURITY_POLICY_SSL_CHECK", Same),
    ],
    check,
    file: file!(),
};

/// Protocols no listener should accept any more.
const OLD_PROTOCOLS: &[&str] = &[
    "Protocol-SSLv2",
    "Protocol-SSLv3",
    "Protocol-TLSv1",
    "Protocol-TLSv1.1",
];

/// What a negotiation policy allows.
enum Policy {
    /// TLS 1.2 or later only.
    Strong,
    /// An older protocol, with the reason.
    Weak(String),
    /// An attribute or policy onus cannot resolve.
    Unresolved(String),
}

/// Judges a negotiation policy's attributes (`keys` = the name and value
/// fields of each attribute).
fn judge_attributes(attributes: Option<&Node>, keys: [&str; 2]) -> Policy {
    let mut weak = None;
    for a in items(attributes) {
        let (Some(name), Some(value)) = (get_in(a, keys[0]), get_in(a, keys[1])) else {
            continue;
        };
        let (Some(name), Some(value)) = (name.scalar_text(), value.scalar_text()) else {
            return Policy::Unresolved("an attribute of the negotiation policy".into());
        };
        if name == "Reference-Security-Policy" {
            return if tls12_minimum(&value) {
                Policy::Strong
            } else {
                Policy::Weak(format!("{value} accepts protocols older than TLS 1.2"))
            };
        }
        if OLD_PROTOCOLS.contains(&name.as_str()) && value.eq_ignore_ascii_case("true") {
            weak.get_or_insert(format!("the negotiation policy enables {name}"));
        }
    }
    weak.map_or(Policy::Strong, Policy::Weak)
}

/// The policies that apply to the listener on `port` (CloudFormation).
fn cfn_policies<'a>(resource: &'a Resource, names: Option<&'a Node>, port: &str) -> Vec<&'a Node> {
    let named: Vec<String> = items(names)
        .iter()
        .filter_map(|n| n.scalar_text())
        .collect();
    items(get_in(&resource.properties, "Policies"))
        .into_iter()
        .filter(|p| {
            get_in(p, "PolicyType").and_then(Node::as_str) == Some("SSLNegotiationPolicyType")
        })
        .filter(|p| {
            get_in(p, "PolicyName")
                .and_then(|n| n.scalar_text())
                .is_some_and(|n| named.contains(&n))
                || items(get_in(p, "LoadBalancerPorts"))
                    .iter()
                    .any(|x| x.scalar_text().as_deref() == Some(port))
        })
        .collect()
}

/// The verdicts of the Terraform policies attached to `port`.
fn tf_policies(resource: &Resource, cx: &Context, port: &str) -> Vec<Policy> {
    let mut out = Vec::new();
    for p in cx.linked(
        resource,
        &["aws_lb_ssl_negotiation_policy"],
        "load_balancer",
        Some("name"),
    ) {
        if get_in(&p.properties, "lb_port")
            .and_then(|n| n.scalar_text())
            .as_deref()
            == Some(port)
        {
            out.push(judge_attributes(
                get_in(&p.properties, "attribute"),
                ["name", "value"],
            ));
        }
    }
    let policies = cx.linked(
        resource,
        &["aws_load_balancer_policy"],
        "load_balancer_name",
        Some("name"),
    );
    for lp in cx.linked(
        resource,
        &["aws_load_balancer_listener_policy"],
        "load_balancer_name",
        Some("name"),
    ) {
        if get_in(&lp.properties, "load_balancer_port")
            .and_then(|n| n.scalar_text())
            .as_deref()
            != Some(port)
        {
            continue;
        }
        for name in items(get_in(&lp.properties, "policy_names")) {
            let policy = cx.resolve(lp, name).or_else(|| {
                let literal = name.as_str()?;
                policies.iter().copied().find(|p| {
                    get_in(&p.properties, "policy_name").and_then(Node::as_str) == Some(literal)
                })
            });
            match policy {
                Some(p)
                    if get_in(&p.properties, "policy_type_name").and_then(Node::as_str)
                        == Some("SSLNegotiationPolicyType") =>
                {
                    out.push(judge_attributes(
                        get_in(&p.properties, "policy_attribute"),
                        ["name", "value"],
                    ));
                }
                Some(_) => {}
                None if matches!(name.value, Value::String(_)) => {}
                None => out.push(Policy::Unresolved(format!(
                    "a policy of {} declared outside the scanned code",
                    lp.id
                ))),
            }
        }
    }
    out
}

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let mut encrypted = 0;
    let mut unknown = None;
    for l in classic_listeners(resource) {
        match classic_encrypted(&l) {
            Ok(false) => continue,
            Ok(true) => encrypted += 1,
            Err((span, what)) => {
                unknown.get_or_insert_with(|| Verdict::unknown(resource, span, &l.path, what));
                continue;
            }
        }
        let Some(port) = l.port.and_then(|p| p.scalar_text()) else {
            unknown.get_or_insert_with(|| {
                Verdict::unknown(resource, l.node.span, &l.path, "the listener's port")
            });
            continue;
        };
        let policies: Vec<Policy> = if resource.format.is_terraform() {
            tf_policies(resource, cx, &port)
        } else {
            cfn_policies(resource, l.policies, &port)
                .into_iter()
                .map(|p| judge_attributes(get_in(p, "Attributes"), ["Name", "Value"]))
                .collect()
        };
        if policies.is_empty() {
            return Verdict::not_met(
                resource,
                l.node.span,
                &l.path,
                format!(
                    "the listener on port {port} names no SSL negotiation policy: ELBSecurityPolicy-2016-08 accepts TLS 1.0 and 1.1"
                ),
            );
        }
        for p in policies {
            match p {
                Policy::Strong => {}
                Policy::Weak(why) => return Verdict::not_met(resource, l.node.span, &l.path, why),
                Policy::Unresolved(what) => {
                    unknown.get_or_insert_with(|| {
                        Verdict::unknown(resource, l.node.span, &l.path, what)
                    });
                }
            }
        }
    }
    if let Some(u) = unknown {
        return u;
    }
    if encrypted == 0 {
        return Verdict::not_applicable(resource, "no HTTPS or SSL listener");
    }
    Verdict::met(
        resource,
        resource.name_span,
        "",
        "every HTTPS and SSL listener negotiates TLS 1.2 or later",
    )
}
