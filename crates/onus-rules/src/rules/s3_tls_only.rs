//! # s3.tls-only: S3 bucket policies deny requests without TLS
//!
//! ## Why this is your duty
//! S3 is an abstracted service: AWS serves every endpoint over HTTPS, but it
//! still accepts plain HTTP requests unless your bucket policy refuses them.
//! Enforcing encryption in transit is the part of network traffic protection
//! left to you.
//!
//! ## What AWS already does
//! Offers HTTPS on all S3 endpoints; the SDKs and console use it by default.
//! Plain HTTP stays allowed for a bucket without a denying policy.
//!
//! ## Verdicts
//! Over every policy for a bucket (CloudFormation
//! `AWS::S3::BucketPolicy` by `Bucket`; Terraform `aws_s3_bucket_policy` by
//! `bucket` and the bucket's inline `policy`).
//! - met: a statement with `Effect: Deny`, `Principal` `*` (or `AWS: *`),
//!   `Action` `s3:*` or `*`, and a `Bool` (or `BoolIfExists`) condition
//!   `aws:SecureTransport: false`;
//! - not met: no bucket policy, or none with such a statement;
//! - unknown: no such statement found, and a policy or statement onus cannot
//!   resolve;
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
//! Fix: add the deny statement (the AWS Config rule S3_BUCKET_SSL_REQUESTS_ONLY
//! looks for the same shape).
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Data:
//!     Type: AWS::S3::Bucket
//!   DataPolicy:
//!     Type: AWS::S3::BucketPolicy
//!     Properties:
//!       Bucket: !Ref Data
//!       PolicyDocument:
//!         Statement:
//!           - Effect: Deny
//!             Principal: "*"
//!             Action: "s3:*"
//!             Resource:
//!               - !GetAtt Data.Arn
//!               - !Sub "${Data.Arn}/*"
//!             Condition:
//!               Bool:
//!                 aws:SecureTransport: false
//! ```
//! ```yaml fail
//! Resources:
//!   Data:
//!     Type: AWS::S3::Bucket
//! ```
//! ```yaml fail
//! Resources:
//!   Data:
//!     Type: AWS::S3::Bucket
//!   DataPolicy:
//!     Type: AWS::S3::BucketPolicy
//!     Properties:
//!       Bucket: !Ref Data
//!       PolicyDocument:
//!         Statement:
//!           - Effect: Deny
//!             Principal: "*"
//!             Action: "s3:DeleteBucket"
//!             Resource: !GetAtt Data.Arn
//! ```
//! ```hcl pass
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//! }
//! resource "aws_s3_bucket_policy" "data" {
//!   bucket = aws_s3_bucket.data.id
//!   policy = jsonencode({
//!     Version = "2012-10-17"
//!     Statement = [{
//!       Effect    = "Deny"
//!       Principal = "*"
//!       Action    = "s3:*"
//!       Resource  = [aws_s3_bucket.data.arn, "${aws_s3_bucket.data.arn}/*"]
//!       Condition = { Bool = { "aws:SecureTransport" = "false" } }
//!     }]
//!   })
//! }
//! ```
//! ```hcl fail
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//! }
//! ```
//! ```json pass
//! {"Resources": {
//!   "Data": {"Type": "AWS::S3::Bucket"},
//!   "DataPolicy": {"Type": "AWS::S3::BucketPolicy", "Properties": {
//!     "Bucket": {"Ref": "Data"},
//!     "PolicyDocument": {"Statement": {
//!       "Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "*",
//!       "Resource": {"Fn::Sub": "${Data.Arn}/*"},
//!       "Condition": {"Bool": {"aws:SecureTransport": "false"}}}}}}}}
//! ```
//! ```hcl pass
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//!   policy = <<POLICY
//! {
//!   "Version": "2012-10-17",
//!   "Statement": [{
//!     "Effect": "Deny",
//!     "Principal": {"AWS": "*"},
//!     "Action": "s3:*",
//!     "Resource": ["arn:aws:s3:::data", "arn:aws:s3:::data/*"],
//!     "Condition": {"Bool": {"aws:SecureTransport": "false"}}
//!   }]
//! }
//! POLICY
//! }
//! ```
//! ```hcl fail
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//! }
//! resource "aws_s3_bucket_policy" "data" {
//!   bucket = aws_s3_bucket.data.id
//!   policy = <<POLICY
//! {
//!   "Version": "2012-10-17",
//!   "Statement": [{
//!     "Effect": "Deny",
//!     "Principal": "*",
//!     "Action": "s3:DeleteBucket",
//!     "Resource": "${aws_s3_bucket.data.arn}"
//!   }]
//! }
//! POLICY
//! }
//! ```
//! ```yaml pass
//! Resources:
//!   SharedPolicy:
//!     Type: AWS::S3::BucketPolicy
//!     Properties:
//!       Bucket: shared-data
//!       PolicyDocument:
//!         Statement:
//!           - Effect: Deny
//!             Principal: "*"
//!             Action: "s3:*"
//!             Resource: ["arn:aws:s3:::shared-data", "arn:aws:s3:::shared-data/*"]
//!             Condition:
//!               Bool:
//!                 aws:SecureTransport: false
//! ```

use crate::context::Context;
use crate::parent::{Held, S3_BUCKET, documents_elsewhere};
use crate::policy::{
    Condition, Document, Effect, Item, Tri, any_is, at, bucket_policies, unresolved_bucket_policy,
};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "s3.tls-only",
    title: "S3 bucket policy denies requests without TLS",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: &["AWS::S3::Bucket", "AWS::S3::BucketPolicy"],
    tf_types: &["aws_s3_bucket", "aws_s3_bucket_policy"],
    reads: &[
        "AWS::S3::Bucket",
        "AWS::S3::BucketPolicy",
        "aws_s3_bucket",
        "aws_s3_bucket_policy",
    ],
    controls: Controls {
        fsbp: &["S3.5"],
        config: &["S3_BUCKET_SSL_REQUESTS_ONLY"],
        cis: &["2.1.2"],
    },
    peers: &[
        checkov("CKV_AWS_379", Related),
        guard("S3_BUCKET_SSL_REQUESTS_ONLY", Same),
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
    if policies.is_empty() {
        if let Some(v) = unresolved_bucket_policy(resource, cx) {
            return v;
        }
        return Verdict::missing(
            resource,
            "",
            "no bucket policy: plain HTTP requests are accepted",
        );
    }
    let mut unknown = None;
    for (holder, node, path) in &policies {
        let stmts = match Document::read(node, holder, cx) {
            Document::Statements(s) => s,
            Document::Unknown(w, span) | Document::Invalid(w, span) => {
                unknown.get_or_insert_with(|| Verdict::unknown(holder, span, path, w));
                continue;
            }
        };
        for st in &stmts {
            let mut parts = vec![
                match &st.effect {
                    Effect::Deny => Tri::Yes,
                    Effect::Allow => Tri::No,
                    Effect::Unknown(w) => Tri::Unknown(w.clone(), st.effect_span),
                },
                st.principal_is_wildcard(),
                match &st.action {
                    Some(a) => any_is(a, &["*", "s3:*"]),
                    None => Tri::No,
                },
            ];
            parts.push(match &st.condition {
                None => Tri::No,
                Some(Condition::Unknown(w, s)) => Tri::Unknown(w.clone(), *s),
                Some(Condition::Tests(tests)) => {
                    let mut r = Tri::No;
                    for t in tests {
                        if !t.key.eq_ignore_ascii_case("aws:SecureTransport")
                            || !(t.operator == "Bool" || t.operator == "BoolIfExists")
                        {
                            continue;
                        }
                        match any_is(&t.values, &["false"]) {
                            Tri::Yes => {
                                r = Tri::Yes;
                                break;
                            }
                            u @ Tri::Unknown(..) => r = u,
                            Tri::No => {}
                        }
                        if t.values.iter().any(|v| matches!(v, Item::Ref(_))) {
                            r = Tri::Unknown("aws:SecureTransport value".into(), t.span);
                        }
                    }
                    r
                }
            });
            if parts.iter().all(|p| *p == Tri::Yes) {
                return at(
                    Verdict::met(
                        holder,
                        st.span,
                        path,
                        "the bucket policy denies requests without TLS (aws:SecureTransport false)",
                    ),
                    st.file,
                );
            }
            if !parts.contains(&Tri::No)
                && let Some(Tri::Unknown(w, s)) =
                    parts.into_iter().find(|p| matches!(p, Tri::Unknown(..)))
            {
                unknown.get_or_insert_with(|| at(Verdict::unknown(holder, s, path, w), st.file));
            }
        }
    }
    if let Some(u) = unknown {
        return u;
    }
    let (holder, node, path) = policies[0];
    Verdict::not_met(
        holder,
        node.span,
        path,
        "no bucket policy statement denies requests with aws:SecureTransport false",
    )
}
