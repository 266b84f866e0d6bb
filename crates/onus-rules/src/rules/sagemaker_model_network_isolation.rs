//! # sagemaker.model-network-isolation: SageMaker models run with network isolation
//!
//! ## Why this is your duty
//! SageMaker hosting is a container service: AWS runs your inference
//! container, but the container is your code and, unless isolated, can open
//! outbound connections — a path for data to leave. Whether it may is a
//! network-exposure decision the customer makes per model.
//!
//! ## What AWS already does
//! Runs model containers with network access unless `EnableNetworkIsolation`
//! is true (the default is false).
//!
//! ## Verdicts
//! - met: `EnableNetworkIsolation` (`enable_network_isolation`) is true;
//! - not met: false or absent;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Model:
//!     Type: AWS::SageMaker::Model
//!     Properties:
//!       ExecutionRoleArn: arn:aws:iam::111122223333:role/model
//!       EnableNetworkIsolation: true
//!       PrimaryContainer:
//!         Image: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/churn:1
//! ```
//! ```yaml fail
//! Resources:
//!   Model:
//!     Type: AWS::SageMaker::Model
//!     Properties:
//!       ExecutionRoleArn: arn:aws:iam::111122223333:role/model
//!       PrimaryContainer:
//!         Image: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/churn:1
//! ```
//! ```hcl pass
//! resource "aws_sagemaker_model" "churn" {
//!   execution_role_arn       = "arn:aws:iam::111122223333:role/model"
//!   enable_network_isolation = true
//!   primary_container {
//!     image = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/churn:1"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_sagemaker_model" "churn" {
//!   execution_role_arn = "arn:aws:iam::111122223333:role/model"
//!   primary_container {
//!     image = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/churn:1"
//!   }
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "sagemaker.model-network-isolation",
    title: "SageMaker model has network isolation enabled",
    duty: Duty::NetworkExposure,
    severity: Severity::Medium,
    cfn_types: &["AWS::SageMaker::Model"],
    tf_types: &["aws_sagemaker_model"],
    reads: &[],
    controls: Controls {
        fsbp: &["SageMaker.5"],
        config: &["SAGEMAKER_MODEL_ISOLATION_ENABLED"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_370", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "EnableNetworkIsolation",
        "enable_network_isolation",
        true,
        false,
        "network isolation",
    )
}
