//! # lightsail.bucket-not-public: Lightsail buckets do not allow public reads
//!
//! ## Why this is your duty
//! A Lightsail bucket is an abstracted object store: AWS stores and protects
//! the objects, but who may read them is your access rule. A bucket whose
//! `GetObject` rule is `public`, or that lets individual objects be made
//! public, can expose every file to anyone with the URL.
//!
//! ## What AWS already does
//! Creates buckets private (`GetObject: private`, no public overrides).
//!
//! ## Verdicts
//! CloudFormation only: Terraform's `aws_lightsail_bucket` has no access
//! rules (it always creates private buckets).
//! - met: `AccessRules.GetObject` absent or `private`, and
//!   `AccessRules.AllowPublicOverrides` absent or false;
//! - not met: `GetObject: public`, or public overrides allowed;
//! - unknown: a value is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Files:
//!     Type: AWS::Lightsail::Bucket
//!     Properties:
//!       BucketName: files
//!       BundleId: small_1_0
//!       AccessRules:
//!         GetObject: private
//!         AllowPublicOverrides: false
//! ```
//! ```yaml fail
//! Resources:
//!   Files:
//!     Type: AWS::Lightsail::Bucket
//!     Properties:
//!       BucketName: files
//!       BundleId: small_1_0
//!       AccessRules:
//!         GetObject: public
//! ```
//! ```yaml fail
//! Resources:
//!   Files:
//!     Type: AWS::Lightsail::Bucket
//!     Properties:
//!       BucketName: files
//!       BundleId: small_1_0
//!       AccessRules:
//!         AllowPublicOverrides: true
//! ```

use crate::check::{all_of, require_bool, require_one_of};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "lightsail.bucket-not-public",
    title: "Lightsail buckets do not allow public reads",
    duty: Duty::AccessControl,
    severity: Severity::Critical,
    cfn_types: &["AWS::Lightsail::Bucket"],
    tf_types: &[],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let get_object = require_one_of(
        resource,
        "AccessRules.GetObject",
        "",
        &["private"],
        Some("private"),
        "private objects",
    );
    let overrides = require_bool(
        resource,
        "AccessRules.AllowPublicOverrides",
        "",
        false,
        false,
        "no public per-object overrides",
    );
    all_of(vec![get_object, overrides])
        .unwrap_or_else(|| Verdict::not_applicable(resource, "nothing to judge"))
}
