//! # eks.secrets-encryption: EKS clusters envelope-encrypt Kubernetes secrets with your KMS key
//!
//! ## Why this is your duty
//! The EKS control plane is a container service: AWS runs and encrypts etcd.
//! Envelope encryption of Kubernetes secrets with a KMS key you control is the
//! customer's key-management choice: it lets you audit and revoke access to the
//! secrets independently of AWS's own keys.
//!
//! ## What AWS already does
//! Encrypts the etcd volumes at rest, and (since Kubernetes 1.28) envelope-encrypts
//! all Kubernetes API data with an AWS-owned key by default.
//!
//! ## Verdicts
//! - met: an `EncryptionConfig` / `encryption_config` entry lists `secrets` in its resources;
//! - not met: none does (absent, or other resources only);
//! - unknown: the list comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Cluster:
//!     Type: AWS::EKS::Cluster
//!     Properties:
//!       RoleArn: arn:aws:iam::111122223333:role/eks
//!       ResourcesVpcConfig:
//!         SubnetIds: [subnet-1, subnet-2]
//!       EncryptionConfig:
//!         - Resources: [secrets]
//!           Provider:
//!             KeyArn: arn:aws:kms:eu-west-1:111122223333:key/1
//! ```
//! ```yaml fail
//! Resources:
//!   Cluster:
//!     Type: AWS::EKS::Cluster
//!     Properties:
//!       RoleArn: arn:aws:iam::111122223333:role/eks
//!       ResourcesVpcConfig:
//!         SubnetIds: [subnet-1, subnet-2]
//! ```
//! ```hcl pass
//! resource "aws_eks_cluster" "main" {
//!   name     = "main"
//!   role_arn = "arn:aws:iam::111122223333:role/eks"
//!   vpc_config {
//!     subnet_ids = ["subnet-1", "subnet-2"]
//!   }
//!   encryption_config {
//!     resources = ["secrets"]
//!     provider {
//!       key_arn = "arn:aws:kms:eu-west-1:111122223333:key/1"
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_eks_cluster" "main" {
//!   name     = "main"
//!   role_arn = "arn:aws:iam::111122223333:role/eks"
//!   vpc_config {
//!     subnet_ids = ["subnet-1", "subnet-2"]
//!   }
//! }
//! ```

use crate::check::{Judgement, get_in, judge, prop, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, trivy};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "eks.secrets-encryption",
    title: "EKS clusters envelope-encrypt secrets with a KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Medium,
    cfn_types: &["AWS::EKS::Cluster"],
    tf_types: &["aws_eks_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &["EKS.3"],
        config: &["EKS_SECRETS_ENCRYPTED", "EKS_CLUSTER_SECRETS_ENCRYPTED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_58", Same),
        cfn_nag("W82", Related),
        trivy("AVD-AWS-0039", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let (config, path) = prop(resource, "EncryptionConfig", "encryption_config");
    let resources_key = if resource.format.is_terraform() {
        "resources"
    } else {
        "Resources"
    };
    let Some(config) = config else {
        return Verdict::missing(
            resource,
            path,
            format!("{path} is not set: secrets use only the AWS-owned key"),
        );
    };
    let names_secrets = |n: &Node| -> Judgement {
        let items: Vec<&Node> = match &n.value {
            Value::List(items) => items.iter().collect(),
            Value::Null => Vec::new(),
            _ => vec![n],
        };
        let mut unknown = None;
        for item in items {
            let Some(list) = get_in(item, resources_key) else {
                continue;
            };
            let j = judge(list, &mut |l| {
                let names: Vec<&Node> = match &l.value {
                    Value::List(xs) => xs.iter().collect(),
                    _ => vec![l],
                };
                for name in names {
                    match &name.value {
                        Value::String(s) if s == "secrets" => return Judgement::Yes,
                        Value::Unknown(w) => return Judgement::Unknown(name.span, w.clone()),
                        _ => {}
                    }
                }
                Judgement::no(l, "no entry lists secrets")
            });
            match j {
                Judgement::Yes => return Judgement::Yes,
                u @ Judgement::Unknown(..) => unknown = Some(u),
                Judgement::No(..) => {}
            }
        }
        unknown.unwrap_or_else(|| {
            Judgement::no(
                n,
                format!("{path} does not list secrets: secrets use only the AWS-owned key"),
            )
        })
    };
    let j = judge(config, &mut |n| names_secrets(n));
    verdict_of(
        resource,
        config,
        path,
        j,
        "Kubernetes secrets are envelope-encrypted with your KMS key",
    )
}
