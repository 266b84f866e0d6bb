//! Sub-resources that configure a parent declared apart (Terraform's split
//! S3 resources, a CloudFormation bucket policy, a KMS key policy...). A rule
//! judges the parent with its sub-resources; when the parent is not in the
//! scanned code (declared in another stack or module), the rule judges the
//! sub-resource on its own and says so, rather than leaving it without a
//! verdict.
//!
//! A rule opts in by listing the sub-resource's types both in its types and
//! in `reads`, and starting its check with [`Parent::judge_alone`]. When the
//! parent is scanned, the sub-resource gets a not-applicable verdict, and
//! the engine marks the duty not applicable on it (the parent's row holds
//! the verdict).

use crate::check::spelling;
use crate::context::Context;
use crate::verdict::Verdict;
use onus_ingest::Resource;

/// How sub-resources name their parent.
pub struct Parent {
    /// The parent's types, in both formats.
    pub types: &'static [&'static str],
    /// The sub-resource's property naming the parent (CloudFormation,
    /// Terraform).
    pub attr: (&'static str, &'static str),
    /// The parent's property holding the name sub-resources may use
    /// (empty: none, they name it by reference or ARN only).
    pub name_attr: (&'static str, &'static str),
    /// What the parent is called in messages: "bucket".
    pub noun: &'static str,
}

/// An S3 bucket and its Terraform split resources / bucket policies.
pub const S3_BUCKET: Parent = Parent {
    types: &["AWS::S3::Bucket", "aws_s3_bucket"],
    attr: ("Bucket", "bucket"),
    name_attr: ("BucketName", "bucket"),
    noun: "bucket",
};

/// A KMS key and its Terraform `aws_kms_key_policy`.
pub const KMS_KEY: Parent = Parent {
    types: &["AWS::KMS::Key", "aws_kms_key"],
    attr: ("", "key_id"),
    name_attr: ("", ""),
    noun: "key",
};

/// A Secrets Manager secret and its rotation schedule.
pub const SECRET: Parent = Parent {
    types: &["AWS::SecretsManager::Secret", "aws_secretsmanager_secret"],
    attr: ("SecretId", "secret_id"),
    name_attr: ("Name", "name"),
    noun: "secret",
};

/// A Route 53 hosted zone and its Terraform `aws_route53_query_log`.
pub const HOSTED_ZONE: Parent = Parent {
    types: &["AWS::Route53::HostedZone", "aws_route53_zone"],
    attr: ("", "zone_id"),
    name_attr: ("", ""),
    noun: "hosted zone",
};

impl Parent {
    /// `None` for the parent itself. For a sub-resource: not applicable
    /// when its parent is in the scanned code (judged there), else what
    /// `judge` says of the sub-resource alone, noting that the parent is
    /// outside the scan.
    pub fn judge_alone(
        &self,
        resource: &Resource,
        cx: &Context,
        judge: impl FnOnce(&Resource) -> Verdict,
    ) -> Option<Verdict> {
        if self.types.contains(&resource.resource_type.as_str()) {
            return None;
        }
        let attr = spelling(resource, self.attr.0, self.attr.1);
        let name_attr =
            Some(spelling(resource, self.name_attr.0, self.name_attr.1)).filter(|n| !n.is_empty());
        if let Some(parent) = cx.parent_of(resource, attr, self.types, name_attr) {
            return Some(Verdict::not_applicable(
                resource,
                format!("judged with its {} {}", self.noun, parent.id),
            ));
        }
        let named = match resource.properties.get(attr) {
            Some(node) => match node.scalar_text() {
                Some(name) => format!(" {name}"),
                None => cx
                    .source_text(resource, node)
                    .map(|t| format!(" {t}"))
                    .unwrap_or_default(),
            },
            None => String::new(),
        };
        let mut v = judge(resource);
        v.message = format!(
            "{} (its {}{named} is not in the scanned code)",
            v.message, self.noun
        )
        .into();
        Some(v)
    }
}
