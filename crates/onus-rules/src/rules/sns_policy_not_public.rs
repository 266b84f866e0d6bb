//! # sns.policy-not-public: SNS topic policies do not allow everyone
//!
//! ## Why this is your duty
//! SNS is an abstracted service: AWS runs the topics and enforces the topic
//! policy you attach.
//! A statement that allows the principal `*` (or uses `NotPrincipal` with
//! `Allow`) grants its actions to every AWS account, unless a condition
//! limits the caller. Writing the policy is yours alone.
//!
//! ## What AWS already does
//! A topic created without a policy gets a default policy that allows only
//! the owning account (`AWS:SourceOwner`).
//!
//! ## Verdicts
//! Judged on the topic, over every policy for it: CloudFormation `AWS::SNS::TopicPolicy` (`Topics`) and `AWS::SNS::TopicInlinePolicy` (`TopicArn`) naming the topic; Terraform the topic's `policy` and `aws_sns_topic_policy` (`arn`).
//! - met: no policy, or no `Allow` statement to everyone;
//! - not met: an `Allow` statement whose `Principal` is `"*"` or has `"*"` in
//!   `AWS`, or that uses `NotPrincipal`, with no condition that limits the
//!   caller to fixed values: `aws:SourceArn`, `aws:SourceAccount`,
//!   `aws:SourceOwner`, `aws:PrincipalOrgID`, `aws:PrincipalAccount`,
//!   `aws:PrincipalArn`, `aws:SourceVpce`, `aws:SourceVpc`, `aws:SourceIp`...
//!   tested with `StringEquals`, `ArnEquals`, or `StringLike`/`ArnLike`
//!   without a wildcard (a negated operator, `...IfExists` or
//!   `ForAllValues:` does not limit anyone, nor does `aws:SecureTransport`);
//! - unknown: the policy, a statement's principal, effect or a condition
//!   value is something onus cannot resolve.
//! - judged where the document is written: a policy resource (`AWS::SNS::TopicPolicy`, `AWS::SNS::TopicInlinePolicy`, `aws_sns_topic_policy`)
//!   is judged on its own document, as Checkov judges it and where the fix
//!   goes, and the topic it names is not applicable ("judged on its topic
//!   policy ..."), so a problem is reported once; when the topic is
//!   declared elsewhere the verdict says it is not in the scanned code. A
//!   Terraform topic with its own `policy` argument is judged on that.
//!
//! ## Examples
//! ```yaml fail
//! Resources:
//!   Events:
//!     Type: AWS::SNS::Topic
//!   EventsPolicy:
//!     Type: AWS::SNS::TopicPolicy
//!     Properties:
//!       Topics: [!Ref Events]
//!       PolicyDocument:
//!         Statement:
//!           - Effect: Allow
//!             Principal:
//!               AWS: "*"
//!             Action: sns:Publish
//!             Resource: !Ref Events
//! ```
//! ```yaml pass
//! Resources:
//!   Events:
//!     Type: AWS::SNS::Topic
//!   EventsPolicy:
//!     Type: AWS::SNS::TopicPolicy
//!     Properties:
//!       Topics: [!Ref Events]
//!       PolicyDocument:
//!         Statement:
//!           - Effect: Allow
//!             Principal:
//!               AWS: "*"
//!             Action: sns:Publish
//!             Resource: !Ref Events
//!             Condition:
//!               StringEquals:
//!                 aws:SourceAccount: "111122223333"
//! ```
//! ```hcl fail
//! resource "aws_sns_topic" "events" {
//!   name = "events"
//!   policy = jsonencode({
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = "*"
//!       Action    = "sns:Subscribe"
//!       Resource  = "arn:aws:sns:eu-west-1:111122223333:events"
//!     }]
//!   })
//! }
//! ```
//! ```hcl pass
//! resource "aws_sns_topic" "events" {
//!   name = "events"
//!   policy = jsonencode({
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = "*"
//!       Action    = "sns:Subscribe"
//!       Resource  = "arn:aws:sns:eu-west-1:111122223333:events"
//!       Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abc123" } }
//!     }]
//!   })
//! }
//! ```

use crate::context::Context;
use crate::parent::{Parent, SNS_TOPIC, SNS_TOPIC_INLINE};
use crate::policy::{Link, public_policy_where_written};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "sns.policy-not-public",
    title: "SNS topic policies do not allow everyone",
    duty: Duty::AccessControl,
    severity: Severity::Critical,
    cfn_types: &[
        "AWS::SNS::Topic",
        "AWS::SNS::TopicInlinePolicy",
        "AWS::SNS::TopicPolicy",
    ],
    tf_types: &["aws_sns_topic", "aws_sns_topic_policy"],
    reads: &[
        "AWS::SNS::Topic",
        "AWS::SNS::TopicPolicy",
        "AWS::SNS::TopicInlinePolicy",
        "aws_sns_topic",
        "aws_sns_topic_policy",
    ],
    controls: Controls {
        fsbp: &["SNS.4"],
        config: &[],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_169", Same),
        checkov("CKV_AWS_385", Related),
    ],
    check,
    file: file!(),
};

const LINKS: &[Link] = &[
    Link {
        types: &["AWS::SNS::TopicPolicy"],
        attr: "Topics",
        name_attr: None,
        policy: "PolicyDocument",
    },
    Link {
        types: &["AWS::SNS::TopicInlinePolicy"],
        attr: "TopicArn",
        name_attr: None,
        policy: "PolicyDocument",
    },
    Link {
        types: &["aws_sns_topic_policy"],
        attr: "arn",
        name_attr: None,
        policy: "policy",
    },
];

const SUBS: &[(&str, &Parent)] = &[
    ("AWS::SNS::TopicPolicy", &SNS_TOPIC),
    ("AWS::SNS::TopicInlinePolicy", &SNS_TOPIC_INLINE),
    ("aws_sns_topic_policy", &SNS_TOPIC),
];

fn check(resource: &Resource, cx: &Context) -> Verdict {
    public_policy_where_written(
        resource,
        cx,
        ("", "policy"),
        LINKS,
        SUBS,
        "topic",
        "no topic policy: the default one allows only the owning account",
    )
}
