//! # ecr.scan-on-push: ECR repositories scan images when they are pushed
//!
//! ## Why this is your duty
//! ECR is abstracted: AWS stores and serves the images, but what is inside them (the OS packages and
//! libraries your containers run on) is yours to keep patched. Scanning each image as it is pushed is the
//! first signal that a platform layer you own has a known vulnerability.
//!
//! ## What AWS already does
//! Runs the scanner (basic scanning, or Amazon Inspector with enhanced scanning) and reports findings;
//! it never changes your images.
//!
//! ## Verdicts
//! - met: `ImageScanningConfiguration.ScanOnPush: true` / `image_scanning_configuration { scan_on_push = true }`;
//! - not met: false or absent (the default is off) — unless the registry's enhanced scanning covers
//!   the repository, which is set outside the repository resource: suppress with that reason;
//! - unknown: the flag comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Images:
//!     Type: AWS::ECR::Repository
//!     Properties:
//!       ImageScanningConfiguration:
//!         ScanOnPush: true
//! ```
//! ```yaml fail
//! Resources:
//!   Images:
//!     Type: AWS::ECR::Repository
//! ```
//! ```hcl pass
//! resource "aws_ecr_repository" "images" {
//!   name = "images"
//!   image_scanning_configuration {
//!     scan_on_push = true
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_ecr_repository" "images" {
//!   name = "images"
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, trivy};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ecr.scan-on-push",
    title: "ECR repositories scan images when they are pushed",
    duty: Duty::PlatformPatching,
    severity: Severity::Medium,
    cfn_types: &["AWS::ECR::Repository"],
    tf_types: &["aws_ecr_repository"],
    reads: &[],
    controls: Controls {
        fsbp: &["ECR.1"],
        config: &["ECR_PRIVATE_IMAGE_SCANNING_ENABLED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_163", Same),
        cfn_nag("W79", Same),
        trivy("AVD-AWS-0030", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "ImageScanningConfiguration.ScanOnPush",
        "image_scanning_configuration.scan_on_push",
        true,
        false,
        "scan on push",
    )
}
