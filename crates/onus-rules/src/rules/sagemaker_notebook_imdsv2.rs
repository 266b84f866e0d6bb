//! # sagemaker.notebook-imdsv2: SageMaker notebook instances accept only IMDSv2
//!
//! ## Why this is your duty
//! A notebook instance runs your code, and anyone who can make it fetch a
//! URL can read its instance metadata, including the credentials of its
//! IAM role. IMDSv2 requires a session token that such requests cannot get;
//! requiring it is part of guarding who can use those credentials
//! (access control).
//!
//! ## What AWS already does
//! Serves both IMDSv1 and IMDSv2 on notebook instances unless
//! `MinimumInstanceMetadataServiceVersion` is `2` (a setting available
//! since 2022).
//!
//! ## Verdicts
//! - met: `InstanceMetadataServiceConfiguration.MinimumInstanceMetadataServiceVersion`
//!   (`instance_metadata_service_configuration { minimum_instance_metadata_service_version }`)
//!   is `2`;
//! - not met: `1`, or absent (IMDSv1 allowed);
//! - unknown: the value is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Notebook:
//!     Type: AWS::SageMaker::NotebookInstance
//!     Properties:
//!       InstanceType: ml.t3.medium
//!       RoleArn: arn:aws:iam::111122223333:role/notebook
//!       InstanceMetadataServiceConfiguration:
//!         MinimumInstanceMetadataServiceVersion: "2"
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
//!   name          = "nb"
//!   instance_type = "ml.t3.medium"
//!   role_arn      = "arn:aws:iam::111122223333:role/notebook"
//!   instance_metadata_service_configuration {
//!     minimum_instance_metadata_service_version = "2"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_sagemaker_notebook_instance" "nb" {
//!   name          = "nb"
//!   instance_type = "ml.t3.medium"
//!   role_arn      = "arn:aws:iam::111122223333:role/notebook"
//!   instance_metadata_service_configuration {
//!     minimum_instance_metadata_service_version = "1"
//!   }
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "sagemaker.notebook-imdsv2",
    title: "SageMaker notebook instances require IMDSv2",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &["AWS::SageMaker::NotebookInstance"],
    tf_types: &["aws_sagemaker_notebook_instance"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_371", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "InstanceMetadataServiceConfiguration.MinimumInstanceMetadataServiceVersion",
        "instance_metadata_service_configuration.minimum_instance_metadata_service_version",
        &["2"],
        Some("1"),
        "IMDSv2 only",
    )
}
