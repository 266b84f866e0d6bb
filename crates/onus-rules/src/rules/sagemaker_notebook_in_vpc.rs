//! # sagemaker.notebook-in-vpc: SageMaker notebook instances run in your VPC
//!
//! ## Why this is your duty
//! A notebook instance is an EC2 instance AWS manages for you, but where it
//! sits on the network is your choice. Without a subnet it is launched in a
//! VPC that SageMaker owns, where your security groups, network ACLs, VPC
//! endpoints and flow logs do not apply: you cannot control or watch its
//! traffic. Network exposure is yours.
//!
//! ## What AWS already does
//! Without `SubnetId` the instance runs in SageMaker's service VPC with
//! direct internet access. With a subnet it gets a network interface in your
//! VPC, with the security groups you name.
//!
//! ## Verdicts
//! - met: `SubnetId` / `subnet_id` is set;
//! - not met: absent;
//! - unknown: the subnet is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Notebook:
//!     Type: AWS::SageMaker::NotebookInstance
//!     Properties:
//!       InstanceType: ml.t3.medium
//!       RoleArn: arn:aws:iam::111122223333:role/notebook
//!       SubnetId: subnet-0123456789abcdef0
//!       SecurityGroupIds: [sg-0123456789abcdef0]
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
//!   name            = "nb"
//!   instance_type   = "ml.t3.medium"
//!   role_arn        = "arn:aws:iam::111122223333:role/notebook"
//!   subnet_id       = "subnet-0123456789abcdef0"
//!   security_groups = ["sg-0123456789abcdef0"]
//! }
//! ```
//! ```hcl fail
//! resource "aws_sagemaker_notebook_instance" "nb" {
//!   name          = "nb"
//!   instance_type = "ml.t3.medium"
//!   role_arn      = "arn:aws:iam::111122223333:role/notebook"
//! }
//! ```

use crate::check::require_set;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "sagemaker.notebook-in-vpc",
    title: "SageMaker notebook instances are launched in your VPC",
    duty: Duty::NetworkExposure,
    severity: Severity::High,
    cfn_types: &["AWS::SageMaker::NotebookInstance"],
    tf_types: &["aws_sagemaker_notebook_instance"],
    reads: &[],
    controls: Controls {
        fsbp: &["SageMaker.2"],
        config: &["SAGEMAKER_NOTEBOOK_INSTANCE_INSIDE_VPC"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_306", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_set(
        resource,
        "SubnetId",
        "subnet_id",
        "the instance runs in SageMaker's own VPC, outside your network controls",
    )
}
