//! # sagemaker.notebook-platform: SageMaker notebook instances run a supported platform
//!
//! ## Why this is your duty
//! A notebook instance's platform (the Amazon Linux release and JupyterLab
//! version it runs) is chosen by you when you create it; AWS patches the
//! platform versions it supports, but never moves an instance to a newer
//! one, because that can break your notebooks. Leaving a deprecated
//! platform is your platform-patching duty.
//!
//! ## What AWS already does
//! Applies security updates to supported platforms when the instance is
//! restarted. Without `PlatformIdentifier` an instance gets SageMaker's
//! current default (`notebook-al2-v3`, per the provider references of 2025).
//! `notebook-al1-v1` (Amazon Linux 1), `notebook-al2-v1` (JupyterLab 1) and
//! `notebook-al2-v2` (JupyterLab 3) are deprecated.
//!
//! ## Verdicts
//! - met: `PlatformIdentifier` / `platform_identifier` absent, or a platform
//!   not on the deprecated list (`notebook-al2-v3`, `notebook-al2023-v1`);
//! - not met: `notebook-al1-v1`, `notebook-al2-v1` or `notebook-al2-v2`;
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
//!       PlatformIdentifier: notebook-al2023-v1
//! ```
//! ```yaml fail
//! Resources:
//!   Notebook:
//!     Type: AWS::SageMaker::NotebookInstance
//!     Properties:
//!       InstanceType: ml.t3.medium
//!       RoleArn: arn:aws:iam::111122223333:role/notebook
//!       PlatformIdentifier: notebook-al1-v1
//! ```
//! ```hcl pass
//! resource "aws_sagemaker_notebook_instance" "nb" {
//!   name          = "nb"
//!   instance_type = "ml.t3.medium"
//!   role_arn      = "arn:aws:iam::111122223333:role/notebook"
//! }
//! ```
//! ```hcl fail
//! resource "aws_sagemaker_notebook_instance" "nb" {
//!   name                = "nb"
//!   instance_type       = "ml.t3.medium"
//!   role_arn            = "arn:aws:iam::111122223333:role/notebook"
//!   platform_identifier = "notebook-al2-v1"
//! }
//! ```

use crate::check::require_none_of;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "sagemaker.notebook-platform",
    title: "SageMaker notebook instances run a supported platform version",
    duty: Duty::PlatformPatching,
    severity: Severity::Medium,
    cfn_types: &["AWS::SageMaker::NotebookInstance"],
    tf_types: &["aws_sagemaker_notebook_instance"],
    reads: &[],
    controls: Controls {
        fsbp: &["SageMaker.8"],
        config: &["SAGEMAKER_NOTEBOOK_INSTANCE_PLATFORM_VERSION"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_none_of(
        resource,
        "PlatformIdentifier",
        "platform_identifier",
        &["notebook-al1-v1", "notebook-al2-v1", "notebook-al2-v2"],
        "a deprecated platform that no longer gets updates",
        "SageMaker's current default platform is used",
    )
}
