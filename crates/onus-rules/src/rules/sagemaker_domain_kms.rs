//! # sagemaker.domain-kms: SageMaker domains encrypt their storage with your KMS key
//!
//! ## Why this is your duty
//! A SageMaker domain (Studio) gives each user a home directory on an EFS
//! file system AWS creates and encrypts at rest. Which key protects those
//! notebooks and data, who may use it and when it rotates is the
//! key-management duty, yours whenever your policy asks for keys you
//! control.
//!
//! ## What AWS already does
//! Encrypts the domain's EFS volume with an AWS managed key unless
//! `KmsKeyId` names one. The key is fixed when the domain is created.
//!
//! ## Verdicts
//! - met: `KmsKeyId` / `kms_key_id` names a customer managed key;
//! - not met: absent, or an AWS managed key alias;
//! - unknown: the key is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Studio:
//!     Type: AWS::SageMaker::Domain
//!     Properties:
//!       DomainName: studio
//!       AuthMode: IAM
//!       VpcId: vpc-0123456789abcdef0
//!       SubnetIds: [subnet-0123456789abcdef0]
//!       DefaultUserSettings:
//!         ExecutionRole: arn:aws:iam::111122223333:role/studio
//!       KmsKeyId: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
//! ```
//! ```yaml fail
//! Resources:
//!   Studio:
//!     Type: AWS::SageMaker::Domain
//!     Properties:
//!       DomainName: studio
//!       AuthMode: IAM
//!       VpcId: vpc-0123456789abcdef0
//!       SubnetIds: [subnet-0123456789abcdef0]
//!       DefaultUserSettings:
//!         ExecutionRole: arn:aws:iam::111122223333:role/studio
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "studio" {}
//! resource "aws_sagemaker_domain" "studio" {
//!   domain_name = "studio"
//!   auth_mode   = "IAM"
//!   vpc_id      = "vpc-0123456789abcdef0"
//!   subnet_ids  = ["subnet-0123456789abcdef0"]
//!   kms_key_id  = aws_kms_key.studio.arn
//!   default_user_settings {
//!     execution_role = "arn:aws:iam::111122223333:role/studio"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_sagemaker_domain" "studio" {
//!   domain_name = "studio"
//!   auth_mode   = "IAM"
//!   vpc_id      = "vpc-0123456789abcdef0"
//!   subnet_ids  = ["subnet-0123456789abcdef0"]
//!   default_user_settings {
//!     execution_role = "arn:aws:iam::111122223333:role/studio"
//!   }
//! }
//! ```

use crate::check::require_customer_managed_key;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "sagemaker.domain-kms",
    title: "SageMaker domains encrypt their storage with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::SageMaker::Domain"],
    tf_types: &["aws_sagemaker_domain"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_187", Related)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_customer_managed_key(resource, "KmsKeyId", "kms_key_id", "an AWS managed key")
}
