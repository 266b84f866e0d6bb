//! # ecr.tag-immutability: ECR image tags cannot be overwritten
//!
//! ## Why this is your duty
//! ECR is an abstracted service: AWS stores the images, but who may replace
//! what a tag points at is yours to control. With mutable tags, anyone
//! allowed to push can silently swap the image behind `app:1.4` that your
//! services deploy; immutability narrows what push permission can do, so
//! this rule is filed under access control.
//!
//! ## What AWS already does
//! Keeps every image addressable by its digest; `ImageTagMutability`
//! defaults to `MUTABLE`.
//!
//! ## Verdicts
//! - met: `ImageTagMutability: IMMUTABLE` / `image_tag_mutability = "IMMUTABLE"`;
//! - not met: `MUTABLE` (or the `*_WITH_EXCLUSION` variants, which leave
//!   some tags mutable), or absent (the default is `MUTABLE`);
//! - unknown: the value comes from something onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Images:
//!     Type: AWS::ECR::Repository
//!     Properties:
//!       ImageTagMutability: IMMUTABLE
//! ```
//! ```yaml fail
//! Resources:
//!   Images:
//!     Type: AWS::ECR::Repository
//!     Properties:
//!       RepositoryName: app
//! ```
//! ```hcl pass
//! resource "aws_ecr_repository" "images" {
//!   name                 = "app"
//!   image_tag_mutability = "IMMUTABLE"
//! }
//! ```
//! ```hcl fail
//! resource "aws_ecr_repository" "images" {
//!   name                 = "app"
//!   image_tag_mutability = "MUTABLE"
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ecr.tag-immutability",
    title: "ECR repository tags are immutable",
    duty: Duty::AccessControl,
    severity: Severity::Low,
    cfn_types: &["AWS::ECR::Repository"],
    tf_types: &["aws_ecr_repository"],
    reads: &[],
    controls: Controls {
        fsbp: &["ECR.2"],
        config: &["ECR_PRIVATE_TAG_IMMUTABILITY_ENABLED"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_51", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "ImageTagMutability",
        "image_tag_mutability",
        &["IMMUTABLE"],
        Some("MUTABLE"),
        "tag immutability",
    )
}
