//! # elb.https-listener: Classic Load Balancer listeners use HTTPS or SSL
//!
//! ## Why this is your duty
//! Elastic Load Balancing is an abstracted service: AWS runs and patches the
//! load balancer nodes, but the protocols its listeners accept are yours. A
//! Classic Load Balancer cannot redirect HTTP to HTTPS, so an `HTTP` or `TCP`
//! front-end listener carries client traffic unencrypted.
//!
//! ## What AWS already does
//! Terminates TLS on `HTTPS` and `SSL` listeners with your certificate.
//!
//! ## Verdicts
//! Reads every listener of `AWS::ElasticLoadBalancing::LoadBalancer`
//! (`Listeners[].Protocol`) and Terraform `aws_elb` (`listener { lb_protocol }`),
//! compared ignoring case:
//! - met: every listener is `HTTPS` or `SSL`;
//! - not met: a listener is `HTTP` or `TCP` (the finding points at it), as in
//!   Security Hub ELB.3;
//! - unknown: a protocol onus cannot resolve.
//!
//! Migrate to an Application Load Balancer, which can redirect HTTP to HTTPS
//! (`elbv2.https-listener`).
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Web:
//!     Type: AWS::ElasticLoadBalancing::LoadBalancer
//!     Properties:
//!       AvailabilityZones: [eu-west-1a]
//!       Listeners:
//!         - LoadBalancerPort: "443"
//!           InstancePort: "80"
//!           Protocol: HTTPS
//!           InstanceProtocol: HTTP
//!           SSLCertificateId: arn:aws:acm:eu-west-1:111122223333:certificate/abc
//! ```
//! ```yaml fail
//! Resources:
//!   Web:
//!     Type: AWS::ElasticLoadBalancing::LoadBalancer
//!     Properties:
//!       AvailabilityZones: [eu-west-1a]
//!       Listeners:
//!         - LoadBalancerPort: "443"
//!           InstancePort: "80"
//!           Protocol: HTTPS
//!           SSLCertificateId: arn:aws:acm:eu-west-1:111122223333:certificate/abc
//!         - LoadBalancerPort: "80"
//!           InstancePort: "80"
//!           Protocol: HTTP
//! ```
//! ```hcl pass
//! resource "aws_elb" "web" {
//!   availability_zones = ["eu-west-1a"]
//!   listener {
//!     lb_port            = 443
//!     lb_protocol        = "https"
//!     instance_port      = 80
//!     instance_protocol  = "http"
//!     ssl_certificate_id = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_elb" "web" {
//!   availability_zones = ["eu-west-1a"]
//!   listener {
//!     lb_port           = 80
//!     lb_protocol       = "http"
//!     instance_port     = 80
//!     instance_protocol = "http"
//!   }
//! }
//! ```

use crate::check::{Judgement, get_in, items, judge, spelling, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "elb.https-listener",
    title: "Classic Load Balancer listeners use HTTPS or SSL",
    duty: Duty::EncryptionInTransit,
    severity: Severity::High,
    cfn_types: &["AWS::ElasticLoadBalancing::LoadBalancer"],
    tf_types: &["aws_elb"],
    reads: &[],
    controls: Controls {
        fsbp: &["ELB.3"],
        config: &["ELB_TLS_HTTPS_LISTENERS_ONLY"],
        cis: &[],
    },
    peers: &[
        guard("ELB_TLS_HTTPS_LISTENERS_ONLY", Same),
        checkov("CKV_AWS_376", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let list_key = spelling(resource, "Listeners", "listener");
    let protocol_key = spelling(resource, "Protocol", "lb_protocol");
    let listeners = items(get_in(&resource.properties, list_key));
    if listeners.is_empty() {
        return Verdict::not_applicable(resource, "no listeners");
    }
    let mut unknown = None;
    for (i, listener) in listeners.iter().enumerate() {
        let path = format!("{list_key}[{i}].{protocol_key}");
        let Some(protocol) = get_in(listener, protocol_key) else {
            return Verdict::not_met(
                resource,
                listener.span,
                &path,
                "a listener without a protocol",
            );
        };
        let j = judge(protocol, &mut |n| match n.as_str() {
            Some(p) => Judgement::from_bool(
                p.eq_ignore_ascii_case("HTTPS") || p.eq_ignore_ascii_case("SSL"),
                n,
                || {
                    format!(
                        "a {} listener carries traffic unencrypted",
                        p.to_ascii_uppercase()
                    )
                },
            ),
            None => Judgement::no(n, "the protocol is not a string"),
        });
        match j {
            Judgement::Yes => {}
            Judgement::No(..) => return verdict_of(resource, protocol, &path, j, ""),
            Judgement::Unknown(..) => {
                unknown.get_or_insert_with(|| verdict_of(resource, protocol, &path, j, ""));
            }
        }
    }
    unknown.unwrap_or_else(|| {
        Verdict::met(
            resource,
            resource.name_span,
            list_key,
            "every listener uses HTTPS or SSL",
        )
    })
}
