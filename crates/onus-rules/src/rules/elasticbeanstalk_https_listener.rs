//! # elasticbeanstalk.https-listener: Elastic Beanstalk load balancers listen on HTTPS
//!
//! ## Why this is your duty
//! Elastic Beanstalk is a container service: AWS creates the load balancer,
//! but its listeners and certificates are your option settings. Without an
//! HTTPS listener, users reach your application over plain HTTP, in the clear.
//!
//! ## What AWS already does
//! Creates one HTTP listener on port 80. TLS needs a listener with an ACM or
//! IAM certificate that you configure.
//!
//! ## Verdicts
//! - met: a listener namespace (`aws:elbv2:listener:<port>` with `Protocol`
//!   `HTTPS`, or `aws:elb:listener:<port>` with `ListenerProtocol` `HTTPS` / `SSL`)
//!   is configured;
//! - not met: no such listener (HTTP only);
//! - unknown: a listener protocol is not static;
//! - not applicable: single-instance environments
//!   (`aws:elasticbeanstalk:environment` / `EnvironmentType: SingleInstance`,
//!   TLS then terminates on the instance) and worker environments.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Env:
//!     Type: AWS::ElasticBeanstalk::Environment
//!     Properties:
//!       ApplicationName: app
//!       SolutionStackName: 64bit Amazon Linux 2023 v6.1.0 running Node.js 20
//!       OptionSettings:
//!         - Namespace: aws:elasticbeanstalk:environment
//!           OptionName: LoadBalancerType
//!           Value: application
//!         - Namespace: aws:elbv2:listener:443
//!           OptionName: Protocol
//!           Value: HTTPS
//!         - Namespace: aws:elbv2:listener:443
//!           OptionName: SSLCertificateArns
//!           Value: arn:aws:acm:eu-west-1:111122223333:certificate/1234abcd-12ab-34cd-56ef-1234567890ab
//! ```
//! ```yaml fail
//! Resources:
//!   Env:
//!     Type: AWS::ElasticBeanstalk::Environment
//!     Properties:
//!       ApplicationName: app
//!       SolutionStackName: 64bit Amazon Linux 2023 v6.1.0 running Node.js 20
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Env:
//!     Type: AWS::ElasticBeanstalk::Environment
//!     Properties:
//!       ApplicationName: app
//!       SolutionStackName: 64bit Amazon Linux 2023 v6.1.0 running Node.js 20
//!       OptionSettings:
//!         - Namespace: aws:elasticbeanstalk:environment
//!           OptionName: EnvironmentType
//!           Value: SingleInstance
//! ```
//! ```hcl pass
//! resource "aws_elastic_beanstalk_environment" "env" {
//!   name                = "app"
//!   application         = "app"
//!   solution_stack_name = "64bit Amazon Linux 2023 v6.1.0 running Node.js 20"
//!   setting {
//!     namespace = "aws:elb:listener:443"
//!     name      = "ListenerProtocol"
//!     value     = "HTTPS"
//!   }
//!   setting {
//!     namespace = "aws:elb:listener:443"
//!     name      = "SSLCertificateId"
//!     value     = "arn:aws:acm:eu-west-1:111122223333:certificate/1234abcd-12ab-34cd-56ef-1234567890ab"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_elastic_beanstalk_environment" "env" {
//!   name                = "app"
//!   application         = "app"
//!   solution_stack_name = "64bit Amazon Linux 2023 v6.1.0 running Node.js 20"
//!   setting {
//!     namespace = "aws:elbv2:listener:443"
//!     name      = "Protocol"
//!     value     = "HTTP"
//!   }
//! }
//! ```

use crate::beanstalk::{EB_CFN, EB_TF, Settings, find, is_worker, settings};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "elasticbeanstalk.https-listener",
    title: "Elastic Beanstalk load balancers have an HTTPS listener",
    duty: Duty::EncryptionInTransit,
    severity: Severity::High,
    cfn_types: EB_CFN,
    tf_types: EB_TF,
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    if is_worker(resource) {
        return Verdict::not_applicable(resource, "a worker environment serves no web traffic");
    }
    let list = match settings(resource, cx) {
        Settings::List(l) => l,
        Settings::Unknown(node, w) => {
            return Verdict::unknown(resource, node.span, "option settings", w);
        }
    };
    if let Some(s) = find(&list, "aws:elasticbeanstalk:environment", "EnvironmentType")
        && !s.conditional
        && s.value
            .and_then(|v| v.as_str())
            .is_some_and(|v| v.eq_ignore_ascii_case("SingleInstance"))
    {
        return Verdict::not_applicable(
            resource,
            "a single-instance environment has no load balancer",
        );
    }
    let mut unknown = None;
    for s in &list {
        let ns = s.namespace.to_ascii_lowercase();
        let protocol_key = if ns.starts_with("aws:elbv2:listener:") {
            "Protocol"
        } else if ns.starts_with("aws:elb:listener:") || ns == "aws:elb:listener" {
            "ListenerProtocol"
        } else {
            continue;
        };
        if !s.name.eq_ignore_ascii_case(protocol_key) {
            continue;
        }
        match s.value.map(|v| (v, &v.value)) {
            Some((v, Value::String(p)))
                if !s.conditional
                    && (p.eq_ignore_ascii_case("HTTPS") || p.eq_ignore_ascii_case("SSL")) =>
            {
                let mut verdict = Verdict::met(
                    resource,
                    v.span,
                    &format!("{}/{}", s.namespace, s.name),
                    format!("{} listens on {p}", s.namespace),
                );
                if !std::ptr::eq(s.holder, resource) {
                    verdict.span = resource.name_span;
                }
                return verdict;
            }
            Some((v, Value::Unknown(w))) => {
                unknown.get_or_insert(Verdict::unknown(
                    resource,
                    v.span,
                    &format!("{}/{}", s.namespace, s.name),
                    w.clone(),
                ));
            }
            _ => {}
        }
    }
    unknown.unwrap_or_else(|| {
        Verdict::missing(
            resource,
            "aws:elbv2:listener:443",
            "no HTTPS listener in the option settings: the load balancer serves plain HTTP",
        )
    })
}
