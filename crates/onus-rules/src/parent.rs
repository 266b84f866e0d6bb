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
    /// The parent's property holding the name sub-resources may use.
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
        let name_attr = spelling(resource, self.name_attr.0, self.name_attr.1);
        if let Some(parent) = cx.parent_of(resource, attr, self.types, Some(name_attr)) {
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
