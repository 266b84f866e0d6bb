//! # sqs.policy-not-public: SQS queue policies do not allow everyone
//!
//! ## Why this is your duty
//! SQS is an abstracted service: AWS runs the queues and enforces the queue
//! policy you attach.
//! A statement that allows the principal `*` (or uses `NotPrincipal` with
//! `Allow`) grants its actions to every AWS account, unless a condition
//! limits the caller. Writing the policy is yours alone.
//!
//! ## What AWS already does
//! A queue has no policy until you attach one; without one only identities of
//! the owning account that IAM allows can use it.
//!
//! ## Verdicts
//! Judged on the queue, over every policy for it: CloudFormation `AWS::SQS::QueuePolicy` (`Queues`) and `AWS::SQS::QueueInlinePolicy` (`Queue`) naming the queue; Terraform the queue's `policy` and `aws_sqs_queue_policy` (`queue_url`).
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
//! - judged where the document is written: a policy resource (`AWS::SQS::QueuePolicy`, `AWS::SQS::QueueInlinePolicy`, `aws_sqs_queue_policy`)
//!   is judged on its own document, as Checkov judges it and where the fix
//!   goes, and the queue it names is not applicable ("judged on its queue
//!   policy ..."), so a problem is reported once; when the queue is
//!   declared elsewhere the verdict says it is not in the scanned code. A
//!   Terraform queue with its own `policy` argument is judged on that.
//!
//! ## Examples
//! ```yaml fail
//! Resources:
//!   Jobs:
//!     Type: AWS::SQS::Queue
//!   JobsPolicy:
//!     Type: AWS::SQS::QueuePolicy
//!     Properties:
//!       Queues: [!Ref Jobs]
//!       PolicyDocument:
//!         Statement:
//!           - Effect: Allow
//!             Principal: "*"
//!             Action: sqs:SendMessage
//!             Resource: !GetAtt Jobs.Arn
//! ```
//! ```yaml pass
//! Resources:
//!   Jobs:
//!     Type: AWS::SQS::Queue
//!   JobsPolicy:
//!     Type: AWS::SQS::QueuePolicy
//!     Properties:
//!       Queues: [!Ref Jobs]
//!       PolicyDocument:
//!         Statement:
//!           - Effect: Allow
//!             Principal: "*"
//!             Action: sqs:SendMessage
//!             Resource: !GetAtt Jobs.Arn
//!             Condition:
//!               ArnEquals:
//!                 aws:SourceArn: !Ref Topic
//!   Topic:
//!     Type: AWS::SNS::Topic
//! ```
//! ```hcl fail
//! resource "aws_sqs_queue" "jobs" {
//!   name = "jobs"
//! }
//! resource "aws_sqs_queue_policy" "jobs" {
//!   queue_url = aws_sqs_queue.jobs.id
//!   policy = jsonencode({
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = { AWS = "*" }
//!       Action    = "sqs:SendMessage"
//!       Resource  = aws_sqs_queue.jobs.arn
//!     }]
//!   })
//! }
//! ```
//! ```hcl pass
//! resource "aws_sqs_queue" "jobs" {
//!   name = "jobs"
//! }
//! resource "aws_sqs_queue_policy" "jobs" {
//!   queue_url = aws_sqs_queue.jobs.id
//!   policy = jsonencode({
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = { AWS = "*" }
//!       Action    = "sqs:SendMessage"
//!       Resource  = aws_sqs_queue.jobs.arn
//!       Condition = { ArnEquals = { "aws:SourceArn" = "arn:aws:sns:eu-west-1:111122223333:events" } }
//!     }]
//!   })
//! }
//! ```

use crate::context::Context;
use crate::parent::{Parent, SQS_QUEUE, SQS_QUEUE_INLINE};
use crate::policy::{Link, public_policy_where_written};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "sqs.policy-not-public",
    title: "SQS queue policies do not allow everyone",
    duty: Duty::AccessControl,
    severity: Severity::Critical,
    cfn_types: &[
        "AWS::SQS::Queue",
        "AWS::SQS::QueueInlinePolicy",
        "AWS::SQS::QueuePolicy",
    ],
    tf_types: &["aws_sqs_queue", "aws_sqs_queue_policy"],
    reads: &[
        "AWS::SQS::Queue",
        "AWS::SQS::QueuePolicy",
        "AWS::SQS::QueueInlinePolicy",
        "aws_sqs_queue",
        "aws_sqs_queue_policy",
    ],
    controls: Controls {
        fsbp: &["SQS.3"],
        config: &[],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_168", Same),
        checkov("CKV_AWS_387", Related),
    ],
    check,
    file: file!(),
};

const LINKS: &[Link] = &[
    Link {
        types: &["AWS::SQS::QueuePolicy"],
        attr: "Queues",
        name_attr: None,
        policy: "PolicyDocument",
    },
    Link {
        types: &["AWS::SQS::QueueInlinePolicy"],
        attr: "Queue",
        name_attr: None,
        policy: "PolicyDocument",
    },
    Link {
        types: &["aws_sqs_queue_policy"],
        attr: "queue_url",
        name_attr: None,
        policy: "policy",
    },
];

const SUBS: &[(&str, &Parent)] = &[
    ("AWS::SQS::QueuePolicy", &SQS_QUEUE),
    ("AWS::SQS::QueueInlinePolicy", &SQS_QUEUE_INLINE),
    ("aws_sqs_queue_policy", &SQS_QUEUE),
];

fn check(resource: &Resource, cx: &Context) -> Verdict {
    public_policy_where_written(
        resource,
        cx,
        ("", "policy"),
        LINKS,
        SUBS,
        "queue",
        "no queue policy: only the owning account can use the queue",
    )
}
