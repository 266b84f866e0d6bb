//! # elb.access-logging: Classic Load Balancers write access logs
//!
//! ## Why this is your duty
//! Logging of your own resources is yours under the Shared Responsibility
//! Model. A Classic Load Balancer's access logs are the only record of the
//! requests it passed to your instances.
//!
//! ## What AWS already does
//! Delivers access logs to an S3 bucket you name, every 5 or 60 minutes, once
//! you turn them on. They are off by default.
//!
//! ## Verdicts
//! Reads `AWS::ElasticLoadBalancing::LoadBalancer` `AccessLoggingPolicy.Enabled`
//! and Terraform `aws_elb` `access_logs { enabled }`:
//! - met: enabled, or (Terraform) an `access_logs` block without `enabled`,
//!   whose default is `true`;
//! - not met: `Enabled: false` / `enabled = false`, or no access logging
//!   policy / block;
//! - unknown: the value is unresolved.
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
//!       AccessLoggingPolicy:
//!         Enabled: true
//!         S3BucketName: lb-logs
//!         EmitInterval: 5
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
//! ```
//! ```hcl pass
//! resource "aws_elb" "web" {
//!   availability_zones = ["eu-west-1a"]
//!   listener {
//!     lb_port           = 443
//!     lb_protocol       = "https"
//!     instance_port     = 80
//!     instance_protocol = "http"
//!   }
//!   access_logs {
//!     bucket   = "lb-logs"
//!     interval = 5
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_elb" "web" {
//!   availability_zones = ["eu-west-1a"]
//!   listener {
//!     lb_port           = 443
//!     lb_protocol       = "https"
//!     instance_port     = 80
//!     instance_protocol = "http"
//!   }
//!   access_logs {
//!     bucket  = "lb-logs"
//!     enabled = false
//!   }
//! }
//! ```

use crate::check::{Judgement, get_in, judge, spelling, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "elb.access-logging",
    title: "Classic Load Balancers write access logs",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::ElasticLoadBalancing::LoadBalancer"],
    tf_types: &["aws_elb"],
    reads: &[],
    controls: Controls {
        fsbp: &["ELB.5"],
        config: &["ELB_LOGGING_ENABLED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_92", Same),
        cfn_nag("W26", Same),
        guard("ELB_LOGGING_ENABLED", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let block = spelling(resource, "AccessLoggingPolicy", "access_logs");
    let Some(policy) = get_in(&resource.properties, block) else {
        return Verdict::missing(
            resource,
            block,
            format!("{block} is not set: access logging is off"),
        );
    };
    let key = spelling(resource, "Enabled", "enabled");
    let path = format!("{block}.{key}");
    match get_in(policy, key) {
        // Terraform's aws_elb access_logs.enabled defaults to true; the
        // CloudFormation property is required.
        None if resource.format.is_terraform() => Verdict::met(
            resource,
            policy.span,
            &path,
            "access logging is on (enabled defaults to true in an access_logs block)",
        ),
        None => Verdict::not_met(resource, policy.span, &path, format!("{path} is not set")),
        Some(flag) => {
            let j = judge(flag, &mut |n| match n.as_bool() {
                Some(b) => {
                    Judgement::from_bool(b, n, || format!("{path} is false: access logging is off"))
                }
                None => Judgement::no(n, format!("{path} is not a boolean")),
            });
            verdict_of(resource, flag, &path, j, "access logging is on")
        }
    }
}
