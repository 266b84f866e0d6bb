//! # elb.acm-certificate: load balancer listeners use certificates from ACM
//!
//! ## Why this is your duty
//! Elastic Load Balancing is an abstracted service: AWS terminates TLS, but
//! the certificate — and keeping it valid — is yours. A certificate uploaded
//! to IAM must be renewed and re-uploaded by hand; when it expires, clients
//! refuse the connection or learn to click through warnings. Certificates
//! issued by AWS Certificate Manager are renewed and deployed automatically.
//!
//! ## What AWS already does
//! Renews ACM-issued certificates before they expire and updates the load
//! balancers that use them. Certificates in IAM are never renewed.
//!
//! ## Verdicts
//! Reads the HTTPS and SSL listeners of Classic Load Balancers
//! (`AWS::ElasticLoadBalancing::LoadBalancer` `Listeners[].SSLCertificateId`,
//! Terraform `aws_elb` `listener { ssl_certificate_id }`) and HTTPS and TLS
//! listeners of application and network load balancers
//! (`AWS::ElasticLoadBalancingV2::Listener` `Certificates[].CertificateArn`,
//! Terraform `aws_lb_listener` / `aws_alb_listener` `certificate_arn`):
//! - met: every certificate is an ACM ARN (`arn:aws:acm:…`) or a reference
//!   to an ACM certificate declared in the code;
//! - not met: an IAM server certificate (`arn:aws:iam::…:server-certificate/…`),
//!   or an encrypted listener without a certificate (invalid);
//! - not applicable: no HTTPS, SSL or TLS listener;
//! - unknown: a certificate or protocol onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
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
//!           SSLCertificateId: arn:aws:iam::111122223333:server-certificate/web
//! ```
//! ```hcl pass
//! resource "aws_acm_certificate" "web" {
//!   domain_name       = "example.com"
//!   validation_method = "DNS"
//! }
//! resource "aws_lb_listener" "https" {
//!   load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/1"
//!   port              = 443
//!   protocol          = "HTTPS"
//!   certificate_arn   = aws_acm_certificate.web.arn
//!   default_action {
//!     type             = "forward"
//!     target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_elb" "web" {
//!   availability_zones = ["eu-west-1a", "eu-west-1b"]
//!   listener {
//!     lb_port            = 443
//!     lb_protocol        = "https"
//!     instance_port      = 8080
//!     instance_protocol  = "http"
//!     ssl_certificate_id = "arn:aws:iam::111122223333:server-certificate/web"
//!   }
//! }
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

use crate::check::{Every, Judgement, get_in, items, judge, spelling};
use crate::context::Context;
use crate::lb::{classic_encrypted, classic_listeners, listener_protocol};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "elb.acm-certificate",
    title: "Load balancer listeners use certificates from ACM",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: &[
        "AWS::ElasticLoadBalancing::LoadBalancer",
        "AWS::ElasticLoadBalancingV2::Listener",
    ],
    tf_types: &["aws_elb", "aws_lb_listener", "aws_alb_listener"],
    reads: &[
        "AWS::CertificateManager::Certificate",
        "aws_acm_certificate",
        "aws_acm_certificate_validation",
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
        "aws_lb",
        "aws_alb",
    ],
    controls: Controls {
        fsbp: &["ELB.2"],
        config: &["ELB_ACM_CERTIFICATE_REQUIRED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_127", Same),
        guard("ELB_ACM_CERTIFICATE_REQUIRED", Same),
        guard("ELBV2_ACM_CERTIFICATE_REQUIRED", Same),
    ],
    check,
    file: file!(),
};

/// Yes for an ACM certificate, no for an IAM one.
fn is_acm(resource: &Resource, cx: &Context, node: &Node) -> Judgement {
    judge(node, &mut |n| match (&n.value, n.as_str()) {
        (_, Some(arn)) => {
            let acm = arn.split(':').nth(2) == Some("acm");
            Judgement::from_bool(acm, n, || {
                if arn.contains(":server-certificate/") {
                    format!("{arn} is an IAM server certificate: nothing renews it")
                } else {
                    format!("{arn} is not an ACM certificate")
                }
            })
        }
        (Value::Ref(_), _) => match cx.resolve(resource, n) {
            Some(t)
                if t.resource_type == "AWS::CertificateManager::Certificate"
                    || t.resource_type.starts_with("aws_acm_certificate") =>
            {
                Judgement::Yes
            }
            Some(t) => {
                Judgement::Unknown(n.span, format!("whether {} holds an ACM certificate", t.id))
            }
            None => Judgement::Unknown(
                n.span,
                "a certificate declared outside the scanned code".into(),
            ),
        },
        _ => Judgement::no(n, "the certificate is not a string"),
    })
}

/// An encrypted listener's certificate (if set), the listener's node and
/// the certificate's path.
type Certificate<'a> = (Option<&'a Node>, &'a Node, String);

/// The certificates of the resource's encrypted listeners, or a verdict
/// when a protocol is unresolved.
fn certificates<'a>(resource: &'a Resource, cx: &Context) -> Result<Vec<Certificate<'a>>, Verdict> {
    let mut out = Vec::new();
    if matches!(
        resource.resource_type.as_str(),
        "AWS::ElasticLoadBalancing::LoadBalancer" | "aws_elb"
    ) {
        let key = spelling(resource, "SSLCertificateId", "ssl_certificate_id");
        for l in classic_listeners(resource) {
            match classic_encrypted(&l) {
                Ok(true) => out.push((l.certificate, l.node, format!("{}.{key}", l.path))),
                Ok(false) => {}
                Err((span, what)) => return Err(Verdict::unknown(resource, span, &l.path, what)),
            }
        }
        return Ok(out);
    }
    match listener_protocol(resource, cx)? {
        Some(p) if p == "HTTPS" || p == "TLS" => {}
        _ => return Ok(out),
    }
    let props = &resource.properties;
    if resource.format.is_terraform() {
        out.push((
            get_in(props, "certificate_arn"),
            props,
            "certificate_arn".into(),
        ));
    } else {
        let certs = items(get_in(props, "Certificates"));
        if certs.is_empty() {
            out.push((None, props, "Certificates".into()));
        }
        for (i, c) in certs.into_iter().enumerate() {
            out.push((
                get_in(c, "CertificateArn"),
                c,
                format!("Certificates[{i}].CertificateArn"),
            ));
        }
    }
    Ok(out)
}

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let certs = match certificates(resource, cx) {
        Ok(certs) => certs,
        Err(unknown) => return unknown,
    };
    if certs.is_empty() {
        return Verdict::not_applicable(resource, "no HTTPS, SSL or TLS listener");
    }
    let mut every = Every::default();
    for (cert, owner, path) in certs {
        let Some(cert) = cert else {
            return Verdict::not_met(
                resource,
                owner.span,
                &path,
                "an encrypted listener without a certificate (invalid)",
            );
        };
        if let Some(v) = every.add(resource, &path, is_acm(resource, cx, cert)) {
            return v;
        }
    }
    every.finish(|| {
        Verdict::met(
            resource,
            resource.name_span,
            "",
            "every encrypted listener uses an ACM certificate",
        )
    })
}
