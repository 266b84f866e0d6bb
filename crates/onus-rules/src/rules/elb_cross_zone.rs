//! # elb.cross-zone: Classic Load Balancers balance across zones
//!
//! ## Why this is your duty
//! Elastic Load Balancing is an abstracted service: AWS runs a load balancer
//! node in each zone you enable, but how traffic spreads over your
//! instances is your configuration. Without cross-zone load balancing each
//! node sends its share only to instances in its own zone: uneven instance
//! counts overload one zone, and a zone without healthy instances drops the
//! traffic its node receives.
//!
//! ## What AWS already does
//! Enables cross-zone load balancing for Classic Load Balancers created with
//! the console, and Terraform's `aws_elb` defaults
//! `cross_zone_load_balancing` to true; CloudFormation's `CrossZone`
//! defaults to false, as does the API.
//!
//! ## Verdicts
//! Reads `AWS::ElasticLoadBalancing::LoadBalancer` `CrossZone` and Terraform
//! `aws_elb` `cross_zone_load_balancing`:
//! - met: `true`, or absent in Terraform;
//! - not met: `false`, or absent in CloudFormation;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Web:
//!     Type: AWS::ElasticLoadBalancing::LoadBalancer
//!     Properties:
//!       AvailabilityZones: [eu-west-1a, eu-west-1b]
//!       CrossZone: true
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
//!           SSLCertificateId: arn:aws:acm:eu-west-1:111122223333:certificate/abc
//! ```
//! ```hcl pass
//! resource "aws_elb" "web" {
//!   availability_zones = ["eu-west-1a", "eu-west-1b"]
//!   listener {
//!     lb_port           = 443
//!     lb_protocol       = "https"
//!     instance_port     = 8080
//!     instance_protocol = "http"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_elb" "web" {
//!   availability_zones        = ["eu-west-1a", "eu-west-1b"]
//!   cross_zone_load_balancing = false
//!   listener {
//!     lb_port           = 443
//!     lb_protocol       = "https"
//!     instance_port     = 8080
//!     instance_protocol = "http"
//!   }
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::lb::{CLASSIC_CFN, CLASSIC_TF};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "elb.cross-zone",
    title: "Classic Load Balancers balance across Availability Zones",
    duty: Duty::Resilience,
    severity: Severity::Medium,
    cfn_types: CLASSIC_CFN,
    tf_types: CLASSIC_TF,
    reads: &[],
    controls: Controls {
        fsbp: &["ELB.9"],
        config: &["ELB_CROSS_ZONE_LOAD_BALANCING_ENABLED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_138", Same),
        guard("ELB_CROSS_ZONE_LOAD_BALANCING_ENABLED", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "CrossZone",
        "cross_zone_load_balancing",
        true,
        resource.format.is_terraform(),
        "cross-zone load balancing",
    )
}
