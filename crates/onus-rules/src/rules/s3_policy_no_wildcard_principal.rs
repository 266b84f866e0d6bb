//! # s3.policy-no-wildcard-principal: S3 bucket policies do not allow everyone
//!
//! ## Why this is your duty
//! S3 is an abstracted service: AWS runs the storage and enforces whatever
//! bucket policy you attach. A statement that allows the principal `*`
//! grants its actions to anyone on the internet, unless a condition narrows
//! who can use it. Writing the policy is yours alone.
//!
//! ## What AWS already does
//! A bucket has no policy until you attach one. Block Public Access (when on
//! with `BlockPublicPolicy`/`RestrictPublicBuckets`) rejects or neutralises
//! public policies; this rule looks at the policy itself.
//!
//! ## Verdicts
//! Over every policy for a bucket: CloudFormation
//! `AWS::S3::BucketPolicy` whose `Bucket` refers to it; Terraform
//! `aws_s3_bucket_policy` whose `bucket` refers to it and the bucket's own
//! `policy` argument (a `jsonencode(...)` string, a heredoc, or a
//! `data.aws_iam_policy_document`).
//! - met: no policy, or no `Allow` statement to everyone;
//! - not met: an `Allow` statement whose `Principal` is `"*"` or has `"*"` in
//!   `AWS` (or that uses `NotPrincipal`), with no condition limiting the
//!   caller to fixed values: `aws:SourceArn`, `aws:SourceAccount`,
//!   `aws:SourceOwner`, `aws:PrincipalOrgID`, `aws:PrincipalAccount`,
//!   `aws:SourceVpce`, `aws:SourceVpc`, `aws:SourceIp`... with `StringEquals`,
//!   `ArnEquals` or a wildcard-free `StringLike`/`ArnLike` (as S3 Block Public
//!   Access judges a policy public; `aws:SecureTransport` limits transport,
//!   not the caller);
//! - unknown: the policy, a statement's principal, effect or condition is a
//!   value onus cannot resolve;
//! - judged where the document is written: a bucket policy
//!   (`AWS::S3::BucketPolicy`, `aws_s3_bucket_policy`) is judged on itself,
//!   as Checkov judges it and where the fix goes, and its bucket is not
//!   applicable ("judged on its bucket policy ..."), so a problem is
//!   reported once; when the bucket is declared elsewhere (another module or
//!   stack) the verdict says the bucket is not in the scanned code. A
//!   Terraform bucket with its own `policy` argument is judged on that;
//! - unknown, on the bucket: no bucket policy (`AWS::S3::BucketPolicy`,
//!   `aws_s3_bucket_policy`) names it, but one in the same module names its
//!   bucket by a value onus cannot resolve (it may be this bucket); a bucket and
//!   a bucket policy (`AWS::S3::BucketPolicy`, `aws_s3_bucket_policy`) that name
//!   the bucket by the same expression (`bucket = var.name`) are linked.
//!
//! Fix: name the principals (accounts, roles, CloudFront via
//! `aws:SourceArn`), or add a condition such as `aws:PrincipalOrgID`.
//!
//! ## Examples
//! ```yaml fail
//! Resources:
//!   Site:
//!     Type: AWS::S3::Bucket
//!   SitePolicy:
//!     Type: AWS::S3::BucketPolicy
//!     Properties:
//!       Bucket: !Ref Site
//!       PolicyDocument:
//!         Statement:
//!           - Effect: Allow
//!             Principal: "*"
//!             Action: s3:GetObject
//!             Resource: !Sub "${Site.Arn}/*"
//! ```
//! ```yaml pass
//! Resources:
//!   Site:
//!     Type: AWS::S3::Bucket
//!   SitePolicy:
//!     Type: AWS::S3::BucketPolicy
//!     Properties:
//!       Bucket: !Ref Site
//!       PolicyDocument:
//!         Statement:
//!           - Effect: Allow
//!             Principal:
//!               AWS: "*"
//!             Action: s3:GetObject
//!             Resource: !Sub "${Site.Arn}/*"
//!             Condition:
//!               StringEquals:
//!                 aws:PrincipalOrgID: o-abc123
//! ```
//! ```yaml pass
//! Resources:
//!   Site:
//!     Type: AWS::S3::Bucket
//! ```
//! ```hcl fail
//! resource "aws_s3_bucket" "site" {
//!   bucket = "site"
//! }
//! resource "aws_s3_bucket_policy" "site" {
//!   bucket = aws_s3_bucket.site.id
//!   policy = jsonencode({
//!     Version = "2012-10-17"
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = "*"
//!       Action    = "s3:GetObject"
//!       Resource  = "${aws_s3_bucket.site.arn}/*"
//!     }]
//!   })
//! }
//! ```
//! ```hcl pass
//! resource "aws_s3_bucket" "site" {
//!   bucket = "site"
//! }
//! resource "aws_s3_bucket_policy" "site" {
//!   bucket = aws_s3_bucket.site.id
//!   policy = jsonencode({
//!     Version = "2012-10-17"
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = { AWS = "*" }
//!       Action    = "s3:GetObject"
//!       Resource  = "arn:aws:s3:::site/*"
//!       Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abc123" } }
//!     }]
//!   })
//! }
//! ```
//! ```hcl fail
//! resource "aws_s3_bucket" "site" {
//!   bucket = "site"
//!   policy = <<EOF
//! {"Statement": [{"Effect": "Allow", "Principal": {"AWS": ["*"]},
//!   "Action": "s3:*", "Resource": "arn:aws:s3:::site/*"}]}
//! EOF
//! }
//! ```
//! ```hcl unknown
//! variable "policy" {
//!   type = string
//! }
//! resource "aws_s3_bucket" "site" {
//!   bucket = "site"
//! }
//! resource "aws_s3_bucket_policy" "site" {
//!   bucket = aws_s3_bucket.site.id
//!   policy = var.policy
//! }
//! ```
//! ```yaml unknown
//! Parameters:
//!   Reader:
//!     Type: String
//! Resources:
//!   Site:
//!     Type: AWS::S3::Bucket
//!   SitePolicy:
//!     Type: AWS::S3::BucketPolicy
//!     Properties:
//!       Bucket: !Ref Site
//!       PolicyDocument:
//!         Statement:
//!           - Effect: Allow
//!             Principal:
//!               AWS: !Ref Reader
//!             Action: s3:GetObject
//!             Resource: !Sub "${Site.Arn}/*"
//! ```
//! ```hcl fail
//! resource "aws_s3_bucket_policy" "shared" {
//!   bucket = "shared-data"
//!   policy = jsonencode({
//!     Version = "2012-10-17"
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = "*"
//!       Action    = "s3:GetObject"
//!       Resource  = "arn:aws:s3:::shared-data/*"
//!     }]
//!   })
//! }
//! ```

use crate::context::Context;
use crate::parent::{Held, S3_BUCKET, documents_elsewhere};
use crate::policy::{bucket_policies, no_public_grant, unresolved_bucket_policy};
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "s3.policy-no-wildcard-principal",
    title: "S3 bucket policy does not allow everyone",
    duty: Duty::AccessControl,
    severity: Severity::Critical,
    cfn_types: &["AWS::S3::Bucket", "AWS::S3::BucketPolicy"],
    tf_types: &["aws_s3_bucket", "aws_s3_bucket_policy"],
    reads: &[
        "AWS::S3::Bucket",
        "AWS::S3::BucketPolicy",
        "aws_s3_bucket",
        "aws_s3_bucket_policy",
    ],
    controls: Controls {
        fsbp: &["S3.2", "S3.3"],
        config: &[
            "S3_BUCKET_PUBLIC_READ_PROHIBITED",
            "S3_BUCKET_PUBLIC_WRITE_PROHIBITED",
        ],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_70", Same),
        checkov("CKV_AWS_283", Related),
        cfn_nag("F16", Same),
        cfn_nag("F15", Related),
        guard("S3_BUCKET_POLICY_NO_WILDCARD_PRINCIPAL", Same),
        guard("S3_BUCKET_PUBLIC_READ_PROHIBITED", Related),
        guard("S3_BUCKET_PUBLIC_WRITE_PROHIBITED", Related),
        guard("S3_BUCKETPOLICY_NO_ALLOW_PLUS_NOTPRINCIPAL", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let on_policy = |policy: &Resource| judge(policy, bucket_policies(policy, cx), cx);
    if let Some(v) = S3_BUCKET.judge_document(resource, cx, on_policy) {
        return v;
    }
    let mut policies = bucket_policies(resource, cx);
    if let Some(v) = documents_elsewhere(resource, &mut policies, "bucket") {
        return v;
    }
    judge(resource, policies, cx)
}

fn judge(resource: &Resource, policies: Vec<Held>, cx: &Context) -> Verdict {
    if policies.is_empty()
        && let Some(v) = unresolved_bucket_policy(resource, cx)
    {
        return v;
    }
    no_public_grant(
        resource,
        &policies,
        cx,
        "bucket",
        "no bucket policy: nothing is granted to everyone",
    )
}
