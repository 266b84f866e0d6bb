//! # sagemaker.notebook-no-direct-internet: SageMaker notebooks have no direct internet access
//!
//! ## Why this is your duty
//! SageMaker runs the notebook instance for you (a container service), but
//! its network path is yours: with direct internet access the instance
//! reaches — and can be reached from — the internet through a SageMaker
//! managed network, outside your VPC's controls. Network exposure is the
//! customer's duty.
//!
//! ## What AWS already does
//! Gives notebook instances direct internet access by default
//! (`DirectInternetAccess: Enabled`); with `Disabled` the instance uses only
//! the subnet (`SubnetId`) you give it.
//!
//! ## Verdicts
//! - met: `DirectInternetAccess` (`direct_internet_access`) is `Disabled`;
//! - not met: `Enabled`, or absent (default `Enabled`);
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Notebook:
//!     Type: AWS::SageMaker::NotebookInstance
//!     Properties:
//!       InstanceType: ml.t3.medium
//!       RoleArn: arn:aws:iam::111122223333:role/notebook
//!       SubnetId: subnet-1
//!       SecurityGroupIds: [sg-1]
//!       DirectInternetAccess: Disabled
//! ```
//! ```yaml fail
//! Resources:
//!   Notebook:
//!     Type: AWS::SageMaker::NotebookInstance
//!     Properties:
//!       InstanceType: ml.t3.medium
//!       RoleArn: arn:aws:iam::111122223333:role/notebook
//! ```
//! ```hcl pass
//! resource "aws_sagemaker_notebook_instance" "nb" {
//!   name                   = "nb"
//!   instance_type          = "ml.t3.medium"
//!   role_arn               = "arn:aws:iam::111122223333:role/notebook"
//!   subnet_id              = "subnet-1"
//!   security_groups        = ["sg-1"]
//!   direct_internet_access = "Disabled"
//! }
//! ```
//! ```hcl fail
//! resource "aws_sagemaker_notebook_instance" "nb" {
//!   name          = "nb"
//!   instance_type = "ml.t3.medium"
//!   role_arn      = "arn:aws:iam::111122223333:role/notebook"
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "sagemaker.notebook-no-direct-internet",
    title: "SageMaker notebook instance has direct internet access disabled",
    duty: Duty::NetworkExposure,
    severity: Severity::High,
    cfn_types: &["AWS::SageMaker::NotebookInstance"],
    tf_types: &["aws_sagemaker_notebook_instance"],
    reads: &[],
    controls: Controls {
        fsbp: &["SageMaker.1"],
        config: &["SAGEMAKER_NOTEBOOK_NO_DIRECT_INTERNET_ACCESS"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_122", Same),
        guard("SAGEMAKER_NOTEBOOK_NO_DIRECT_INTERNET_ACCESS", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "DirectInternetAccess",
        "direct_internet_access",
        &["Disabled"],
        Some("Enabled"),
        "no direct internet access",
    )
}
