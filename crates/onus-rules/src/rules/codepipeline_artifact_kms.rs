//! # codepipeline.artifact-kms: CodePipeline artifact stores use your KMS key
//!
//! ## Why this is your duty
//! CodePipeline is abstracted: AWS moves your source, build output and
//! deployment packages between stages through S3 artifact stores, encrypted
//! at rest. Which key protects them, who may use it (a deploy role in
//! another account needs it) and when it rotates is the key-management
//! duty, yours whenever your policy asks for keys you control.
//!
//! ## What AWS already does
//! Encrypts artifacts with the AWS managed key for S3 (`aws/s3`) unless the
//! artifact store's `EncryptionKey` names a KMS key.
//!
//! ## Verdicts
//! Reads `ArtifactStore` and every `ArtifactStores[].ArtifactStore`
//! (`artifact_store` blocks).
//! - met: every artifact store's `EncryptionKey.Id`
//!   (`encryption_key { id }`) names a customer managed key;
//! - not met: a store without one, or with an AWS managed key alias;
//! - unknown: a key that is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Pipeline:
//!     Type: AWS::CodePipeline::Pipeline
//!     Properties:
//!       RoleArn: arn:aws:iam::111122223333:role/pipeline
//!       ArtifactStore:
//!         Type: S3
//!         Location: artifacts-bucket
//!         EncryptionKey:
//!           Type: KMS
//!           Id: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
//!       Stages: []
//! ```
//! ```yaml fail
//! Resources:
//!   Pipeline:
//!     Type: AWS::CodePipeline::Pipeline
//!     Properties:
//!       RoleArn: arn:aws:iam::111122223333:role/pipeline
//!       ArtifactStore:
//!         Type: S3
//!         Location: artifacts-bucket
//!       Stages: []
//! ```
//! ```hcl pass
//! resource "aws_kms_key" "artifacts" {}
//! resource "aws_codepipeline" "pipeline" {
//!   name     = "pipeline"
//!   role_arn = "arn:aws:iam::111122223333:role/pipeline"
//!   artifact_store {
//!     location = "artifacts-bucket"
//!     type     = "S3"
//!     encryption_key {
//!       id   = aws_kms_key.artifacts.arn
//!       type = "KMS"
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_codepipeline" "pipeline" {
//!   name     = "pipeline"
//!   role_arn = "arn:aws:iam::111122223333:role/pipeline"
//!   artifact_store {
//!     location = "artifacts-bucket"
//!     type     = "S3"
//!   }
//! }
//! ```

use crate::check::{Every, Judgement, get_in, items, judge_customer_managed_key, prop};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "codepipeline.artifact-kms",
    title: "CodePipeline artifact stores are encrypted with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &["AWS::CodePipeline::Pipeline"],
    tf_types: &["aws_codepipeline"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_219", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let tf = resource.format.is_terraform();
    let mut stores: Vec<(String, &Node)> = Vec::new();
    let (single, path) = prop(resource, "ArtifactStore", "artifact_store");
    for (i, store) in items(single).into_iter().enumerate() {
        let label = if tf {
            format!("{path}[{i}]")
        } else {
            path.to_owned()
        };
        stores.push((label, store));
    }
    if !tf {
        let (many, path) = prop(resource, "ArtifactStores", "");
        for (i, item) in items(many).into_iter().enumerate() {
            if let Some(store) = get_in(item, "ArtifactStore") {
                stores.push((format!("{path}[{i}].ArtifactStore"), store));
            }
        }
    }
    let key_path = if tf {
        "encryption_key.id"
    } else {
        "EncryptionKey.Id"
    };
    let Some((first_label, first)) = stores.first() else {
        return Verdict::unknown(
            resource,
            resource.name_span,
            path,
            "no artifact store is declared statically",
        );
    };
    let mut every = Every::default();
    for (label, store) in &stores {
        let path = format!("{label}.{key_path}");
        let judgement = match (&store.value, get_in(store, key_path)) {
            (Value::Unknown(what), _) => Judgement::Unknown(store.span, what.clone()),
            (_, None) => Judgement::no(
                store,
                format!("{path} is not set: artifacts use the AWS managed key aws/s3"),
            ),
            (_, Some(key)) => judge_customer_managed_key(key, &path, "the AWS managed key aws/s3"),
        };
        if let Some(not_met) = every.add(resource, &path, judgement) {
            return not_met;
        }
    }
    every.finish(|| {
        Verdict::met(
            resource,
            first.span,
            first_label,
            "every artifact store names a customer managed key",
        )
    })
}
