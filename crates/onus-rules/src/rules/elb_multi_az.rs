//! # elb.multi-az: load balancers span at least two Availability Zones
//!
//! ## Why this is your duty
//! Elastic Load Balancing is an abstracted service: AWS runs a load balancer
//! node in every zone you enable and replaces failed nodes, but which zones
//! those are is your choice. A load balancer in one zone stops with that
//! zone, however many targets you run elsewhere.
//!
//! ## What AWS already does
//! Requires two zones for an Application Load Balancer; lets Classic,
//! Network and Gateway Load Balancers run in a single zone. Routes traffic
//! only through the zones you enable.
//!
//! ## Verdicts
//! Follows the AWS Config rules `clb-multiple-az` and `elbv2-multiple-az`.
//! Reads `AWS::ElasticLoadBalancing::LoadBalancer` (`Subnets` or
//! `AvailabilityZones`), Terraform `aws_elb` (`subnets` or
//! `availability_zones`), `AWS::ElasticLoadBalancingV2::LoadBalancer`
//! (`Subnets` or `SubnetMappings[].SubnetId`) and Terraform `aws_lb` /
//! `aws_alb` (`subnets` or `subnet_mapping { subnet_id }`):
//! - met: two or more zones, or subnets declared in the same code in two or
//!   more zones;
//! - not met: one zone, one subnet, or subnets all in one zone;
//! - unknown: the list, or the zone of a subnet, is not static (a parameter,
//!   a variable, a subnet declared elsewhere), or no placement is set.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   A:
//!     Type: AWS::EC2::Subnet
//!     Properties:
//!       VpcId: vpc-1
//!       CidrBlock: 10.0.0.0/24
//!       AvailabilityZone: eu-west-1a
//!   B:
//!     Type: AWS::EC2::Subnet
//!     Properties:
//!       VpcId: vpc-1
//!       CidrBlock: 10.0.1.0/24
//!       AvailabilityZone: eu-west-1b
//!   Nlb:
//!     Type: AWS::ElasticLoadBalancingV2::LoadBalancer
//!     Properties:
//!       Type: network
//!       SubnetMappings:
//!         - SubnetId: !Ref A
//!         - SubnetId: !Ref B
//! ```
//! ```yaml fail
//! Resources:
//!   Web:
//!     Type: AWS::ElasticLoadBalancing::LoadBalancer
//!     Properties:
//!       AvailabilityZones: [eu-west-1a]
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
//! resource "aws_lb" "nlb" {
//!   load_balancer_type = "network"
//!   subnets            = ["subnet-0abc"]
//! }
//! ```

use crate::check::prop;
use crate::context::Context;
use crate::lb::CLASSIC_CFN;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use crate::zones::{Members, require_two_zones};
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "elb.multi-az",
    title: "Load balancers span at least two Availability Zones",
    duty: Duty::Resilience,
    severity: Severity::Medium,
    cfn_types: &[
        "AWS::ElasticLoadBalancing::LoadBalancer",
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
    ],
    tf_types: &["aws_elb", "aws_lb", "aws_alb"],
    reads: &["AWS::EC2::Subnet", "aws_subnet"],
    controls: Controls {
        fsbp: &["ELB.10", "ELB.13"],
        config: &["CLB_MULTIPLE_AZ", "ELBV2_MULTIPLE_AZ"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let (subnets, subnet_path) = prop(resource, "Subnets", "subnets");
    if let Some(n) = subnets {
        return require_two_zones(resource, cx, n, subnet_path, Members::Subnets(None));
    }
    let classic = CLASSIC_CFN.contains(&resource.resource_type.as_str())
        || resource.resource_type == "aws_elb";
    let (other, path, members) = if classic {
        let (n, p) = prop(resource, "AvailabilityZones", "availability_zones");
        (n, p, Members::Zones)
    } else {
        let (n, p) = prop(resource, "SubnetMappings", "subnet_mapping");
        let key = if resource.format.is_terraform() {
            "subnet_id"
        } else {
            "SubnetId"
        };
        (n, p, Members::Subnets(Some(key)))
    };
    match other {
        Some(n) => require_two_zones(resource, cx, n, path, members),
        None => Verdict::unknown(
            resource,
            resource.name_span,
            subnet_path,
            format!("neither {subnet_path} nor {path} is set: the zones are not in the code"),
        ),
    }
}
