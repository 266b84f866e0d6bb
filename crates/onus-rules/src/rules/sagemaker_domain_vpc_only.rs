//! # sagemaker.domain-vpc-only: SageMaker domains send traffic through your VPC only
//!
//! ## Why this is your duty
//! SageMaker runs the Studio domain's apps for you (a container service), but
//! their network path is yours. With `PublicInternetOnly` the apps reach the
//! internet through a SageMaker managed network, outside your VPC's security
//! groups, routing and endpoints; with `VpcOnly` all traffic goes through the
//! subnets you choose. Network exposure is the customer's duty.
//!
//! ## What AWS already does
//! Creates domains with `AppNetworkAccessType: PublicInternetOnly` unless you
//! choose `VpcOnly`.
//!
//! ## Verdicts
//! - met: `AppNetworkAccessType` (`app_network_access_type`) is `VpcOnly`;
//! - not met: `PublicInternetOnly`, or absent (the default);
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Studio:
//!     Type: AWS::SageMaker::Domain
//!     Properties:
//!       DomainName: research
//!       AuthMode: IAM
//!       VpcId: vpc-1
//!       SubnetIds: [subnet-1]
//!       AppNetworkAccessType: VpcOnly
//!       DefaultUserSettings:
//!         ExecutionRole: arn:aws:iam::111122223333:role/studio
//! ```
//! ```yaml fail
//! Resources:
//!   Studio:
//!     Type: AWS::SageMaker::Domain
//!     Properties:
//!       DomainName: research
//!       AuthMode: IAM
//!       VpcId: vpc-1
//!       SubnetIds: [subnet-1]
//!       DefaultUserSettings:
//!         ExecutionRole: arn:aws:iam::111122223333:role/studio
//! ```
//! ```hcl pass
//! resource "aws_sagemaker_domain" "studio" {
//!   domain_name             = "research"
//!   auth_mode               = "IAM"
//!   vpc_id                  = "vpc-1"
//!   subnet_ids              = ["subnet-1"]
//!   app_network_access_type = "VpcOnly"
//!   default_user_settings {
//!     execution_role = "arn:aws:iam::111122223333:role/studio"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_sagemaker_domain" "studio" {
//!   domain_name             = "research"
//!   auth_mode               = "IAM"
//!   vpc_id                  = "vpc-1"
//!   subnet_ids              = ["subnet-1"]
//!   app_network_access_type = "PublicInternetOnly"
//!   default_user_settings {
//!     execution_role = "arn:aws:iam::111122223333:role/studio"
//!   }
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "sagemaker.domain-vpc-only",
    title: "SageMaker domain routes app traffic through your VPC only",
    duty: Duty::NetworkExposure,
    severity: Severity::Medium,
    cfn_types: &["AWS::SageMaker::Domain"],
    tf_types: &["aws_sagemaker_domain"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "AppNetworkAccessType",
        "app_network_access_type",
        &["VpcOnly"],
        Some("PublicInternetOnly"),
        "VPC-only app traffic",
    )
}
