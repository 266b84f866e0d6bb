//! # sagemaker.notebook-no-root-access: SageMaker notebook users have no root access
//!
//! ## Why this is your duty
//! SageMaker hosting is a container service, but a notebook instance with
//! root access turns into infrastructure: its users can install anything,
//! change the OS and disable controls, and the OS state becomes yours to
//! keep safe. Limiting who controls the instance is access control, which
//! is the customer's duty.
//!
//! ## What AWS already does
//! Runs the notebook instance and its platform; gives users root access by
//! default (`RootAccess: Enabled`).
//!
//! ## Verdicts
//! - met: `RootAccess` (`root_access`) is `Disabled`;
//! - not met: `Enabled`, or absent (the default is `Enabled`);
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
//!       RootAccess: Disabled
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
//!   root_access   = "Disabled"
//! }
//! ```
//! ```hcl fail
//! resource "aws_sagemaker_notebook_instance" "nb" {
//!   name          = "nb"
//!   instance_type = "ml.t3.medium"
//!   role_arn      = "arn:aws:iam::111122223333:role/notebook"
//!   root_access   = "Enabled"
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "sagemaker.notebook-no-root-access",
    title: "SageMaker notebook instance has root access disabled",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &["AWS::SageMaker::NotebookInstance"],
    tf_types: &["aws_sagemaker_notebook_instance"],
    reads: &[],
    controls: Controls {
        fsbp: &["SageMaker.3"],
        config: &["SAGEMAKER_NOTEBOOK_INSTANCE_ROOT_ACCESS_CHECK"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_307", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "RootAccess",
        "root_access",
        &["Disabled"],
        Some("Enabled"),
        "users without root access",
    )
}
