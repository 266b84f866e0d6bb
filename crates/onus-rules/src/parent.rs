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
use onus_ingest::{Node, Resource};

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

/// A VPC and its flow logs.
pub const VPC: Parent = Parent {
    types: &["AWS::EC2::VPC", "aws_vpc", "aws_default_vpc"],
    attr: ("ResourceId", "vpc_id"),
    name_attr: ("", ""),
    noun: "VPC",
};

/// A VPC endpoint and its Terraform `aws_vpc_endpoint_policy`.
pub const VPC_ENDPOINT: Parent = Parent {
    types: &["AWS::EC2::VPCEndpoint", "aws_vpc_endpoint"],
    attr: ("", "vpc_endpoint_id"),
    name_attr: ("", ""),
    noun: "VPC endpoint",
};

/// SQS queue policies: `AWS::SQS::QueuePolicy` (`Queues`) and
/// `aws_sqs_queue_policy` (`queue_url`); `AWS::SQS::QueueInlinePolicy` names
/// its one `Queue`.
pub const SQS_QUEUE: Parent = Parent {
    types: &["AWS::SQS::Queue", "aws_sqs_queue"],
    attr: ("Queues", "queue_url"),
    name_attr: ("", ""),
    noun: "queue",
};
pub const SQS_QUEUE_INLINE: Parent = Parent {
    attr: ("Queue", "queue_url"),
    ..SQS_QUEUE
};

/// SNS topic policies: `AWS::SNS::TopicPolicy` (`Topics`) and
/// `aws_sns_topic_policy` (`arn`); `AWS::SNS::TopicInlinePolicy` names its
/// one `TopicArn`.
pub const SNS_TOPIC: Parent = Parent {
    types: &["AWS::SNS::Topic", "aws_sns_topic"],
    attr: ("Topics", "arn"),
    name_attr: ("", ""),
    noun: "topic",
};
pub const SNS_TOPIC_INLINE: Parent = Parent {
    attr: ("TopicArn", "arn"),
    ..SNS_TOPIC
};

/// A policy document and the resource holding it: (holder, document, path).
pub type Held<'a> = (&'a Resource, &'a Node, &'static str);

/// The parent's side of a rule judged where its policy documents are
/// written (see [`Parent::judge_document`]): `policies` are the documents
/// that apply to `parent`, its own and its policy resources'. When it holds
/// one itself, only its own are kept (judged on the parent, the separate
/// ones on their resources); when all are in policy resources, the parent is
/// not applicable, naming them; `None` when the parent is to be judged.
pub fn documents_elsewhere(
    parent: &Resource,
    policies: &mut Vec<Held<'_>>,
    noun: &str,
) -> Option<Verdict> {
    let own = |(h, ..): &Held| std::ptr::eq(*h, parent);
    if policies.iter().any(own) {
        policies.retain(own);
        return None;
    }
    let names: Vec<&str> = policies.iter().map(|(h, ..)| h.id.as_str()).collect();
    (!names.is_empty()).then(|| {
        Verdict::not_applicable(
            parent,
            format!("judged on its {noun} policy {}", names.join(", ")),
        )
    })
}

impl Parent {
    /// For a rule that reads only policy documents, whose verdict belongs
    /// where the document is written (as peers judge it, and where the fix
    /// goes): `None` for the parent. For a policy resource: what `judge`
    /// says of its own document, noting when its parent is not in the
    /// scanned code. The parent defers to it with [`documents_elsewhere`],
    /// so each problem is reported once.
    pub fn judge_document(
        &self,
        resource: &Resource,
        cx: &Context,
        judge: impl FnOnce(&Resource) -> Verdict,
    ) -> Option<Verdict> {
        let (attr, parent) = self.find(resource, cx)?;
        Some(match parent {
            Some(_) => judge(resource),
            None => self.outside(resource, cx, attr, judge(resource)),
        })
    }

    /// For a sub-resource (`None` for the parent): the property naming its
    /// parent, and the parent when it is in the scanned code.
    fn find<'w>(
        &self,
        resource: &Resource,
        cx: &Context<'w>,
    ) -> Option<(&'static str, Option<&'w Resource>)> {
        if self.types.contains(&resource.resource_type.as_str()) {
            return None;
        }
        let attr = spelling(resource, self.attr.0, self.attr.1);
        let name_attr =
            Some(spelling(resource, self.name_attr.0, self.name_attr.1)).filter(|n| !n.is_empty());
        Some((attr, cx.parent_of(resource, attr, self.types, name_attr)))
    }

    /// `v`, saying that the parent `attr` names is not in the scanned code.
    fn outside(&self, resource: &Resource, cx: &Context, attr: &str, mut v: Verdict) -> Verdict {
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
        v.message = format!(
            "{} (its {}{named} is not in the scanned code)",
            v.message, self.noun
        )
        .into();
        v
    }

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
        let (attr, parent) = self.find(resource, cx)?;
        Some(match parent {
            Some(parent) => Verdict::not_applicable(
                resource,
                format!("judged with its {} {}", self.noun, parent.id),
            ),
            None => self.outside(resource, cx, attr, judge(resource)),
        })
    }
}
