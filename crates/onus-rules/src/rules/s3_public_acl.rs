//! # s3.public-acl: S3 buckets do not grant access with a public canned ACL
//!
//! ## Why this is your duty
//! S3 is an abstracted service: AWS runs the storage, and who can read or
//! write your objects is entirely your configuration. A canned ACL such as
//! `PublicRead` opens the bucket to everyone on the internet;
//! `AuthenticatedRead` opens it to every AWS account.
//!
//! ## What AWS already does
//! New buckets are `private` (the default ACL) and, since April 2023, have
//! ACLs disabled (Object Ownership `BucketOwnerEnforced`) and Block Public
//! Access on, so a public ACL must be asked for explicitly.
//!
//! ## Verdicts
//! - met: no ACL set (`Private` is the default), or a non-public canned ACL;
//!   Terraform: the bucket's `acl` and every `aws_s3_bucket_acl` for the bucket
//!   are non-public and any `access_control_policy` grants nothing to the
//!   `AllUsers` / `AuthenticatedUsers` groups;
//! - not met: `AccessControl` is `PublicRead`, `PublicReadWrite` or
//!   `AuthenticatedRead` (Terraform `public-read`, `public-read-write`,
//!   `authenticated-read`), or a grant to one of those groups; a name that
//!   is no canned ACL (S3 rejects it; said to be invalid);
//! - unknown: the ACL comes from a value onus cannot resolve;
//! - judged with the bucket: an `aws_s3_bucket_acl` of a bucket in the scanned
//!   code; one whose bucket is declared elsewhere (another module or stack) is
//!   judged on its own, and the verdict says the bucket is not in the scanned
//!   code;
//! - unknown, on the bucket: no `aws_s3_bucket_acl` names it, but one in the
//!   same module names its bucket by a value onus cannot resolve (it may be this
//!   bucket); a bucket and an `aws_s3_bucket_acl` that name the bucket by the
//!   same expression (`bucket = var.name`) are linked.
//!
//! Fix: remove the ACL (keep ACLs disabled) and grant access with IAM or a
//! bucket policy that names principals.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Data:
//!     Type: AWS::S3::Bucket
//! ```
//! ```yaml fail
//! Resources:
//!   Data:
//!     Type: AWS::S3::Bucket
//!     Properties:
//!       AccessControl: PublicRead
//! ```
//! ```json fail
//! {"Resources": {"Data": {"Type": "AWS::S3::Bucket",
//!   "Properties": {"AccessControl": "AuthenticatedRead"}}}}
//! ```
//! ```yaml fail
//! Resources:
//!   Data:
//!     Type: AWS::S3::Bucket
//!     Properties:
//!       AccessControl: PrivateRead
//! ```
//! ```hcl pass
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//! }
//! resource "aws_s3_bucket_acl" "data" {
//!   bucket = aws_s3_bucket.data.id
//!   acl    = "private"
//! }
//! ```
//! ```hcl fail
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//! }
//! resource "aws_s3_bucket_acl" "data" {
//!   bucket = aws_s3_bucket.data.id
//!   acl    = "public-read"
//! }
//! ```
//! ```hcl fail
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//!   acl    = "public-read-write"
//! }
//! ```
//! ```hcl fail
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//! }
//! resource "aws_s3_bucket_acl" "data" {
//!   bucket = aws_s3_bucket.data.id
//!   access_control_policy {
//!     grant {
//!       grantee {
//!         type = "Group"
//!         uri  = "http://acs.amazonaws.com/groups/global/AllUsers"
//!       }
//!       permission = "READ"
//!     }
//!     owner {
//!       id = "abc"
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_s3_bucket_acl" "shared" {
//!   bucket = "shared-data"
//!   acl    = "public-read"
//! }
//! ```

use crate::check::{Judgement, get, get_in, judge, verdict_of};
use crate::context::Context;
use crate::parent::S3_BUCKET;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "s3.public-acl",
    title: "S3 bucket has no public canned ACL",
    duty: Duty::AccessControl,
    severity: Severity::Critical,
    cfn_types: &["AWS::S3::Bucket"],
    tf_types: &["aws_s3_bucket", "aws_s3_bucket_acl"],
    reads: &["aws_s3_bucket_acl"],
    controls: Controls {
        fsbp: &["S3.2", "S3.3"],
        config: &[
            "S3_BUCKET_PUBLIC_READ_PROHIBITED",
            "S3_BUCKET_PUBLIC_WRITE_PROHIBITED",
        ],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_20", Related),
        checkov("CKV_AWS_57", Related),
        checkov("CKV2_AWS_43", Related),
        checkov("CKV_AWS_375", Related),
        cfn_nag("W31", Related),
        cfn_nag("F14", Related),
        trivy("AVD-AWS-0092", Same),
        guard("S3_BUCKET_PUBLIC_READ_PROHIBITED", Related),
        guard("S3_BUCKET_PUBLIC_WRITE_PROHIBITED", Related),
        guard("S3_BUCKET_PUBLIC_READ_ACL", Same),
        guard("S3_BUCKET_NO_PUBLIC_RW_ACL", Same),
    ],
    check,
    file: file!(),
};

const PUBLIC: &[&str] = &[
    "PublicRead",
    "PublicReadWrite",
    "AuthenticatedRead",
    "public-read",
    "public-read-write",
    "authenticated-read",
];

const GROUPS: &[&str] = &[
    "http://acs.amazonaws.com/groups/global/AllUsers",
    "http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
];

/// The canned ACLs S3 accepts, as CloudFormation and Terraform spell them.
const CANNED_CFN: &[&str] = &[
    "Private",
    "PublicRead",
    "PublicReadWrite",
    "AuthenticatedRead",
    "AwsExecRead",
    "BucketOwnerRead",
    "BucketOwnerFullControl",
    "LogDeliveryWrite",
];
const CANNED_TF: &[&str] = &[
    "private",
    "public-read",
    "public-read-write",
    "authenticated-read",
    "aws-exec-read",
    "bucket-owner-read",
    "bucket-owner-full-control",
    "log-delivery-write",
];

fn judge_acl(resource: &Resource, node: &Node, path: &str) -> Verdict {
    let canned = if resource.format.is_terraform() {
        CANNED_TF
    } else {
        CANNED_CFN
    };
    let j = judge(node, &mut |n| match n.as_str() {
        Some(acl) if !canned.contains(&acl) => Judgement::no(
            n,
            format!(
                "{path} is {acl:?}, which is invalid: S3 accepts {}",
                canned.join(", ")
            ),
        ),
        Some(acl) => Judgement::from_bool(
            !PUBLIC.iter().any(|p| p.eq_ignore_ascii_case(acl)),
            n,
            || format!("{path} is {acl:?}: the bucket is readable outside your account"),
        ),
        None => Judgement::no(n, format!("{path} is not a canned ACL name")),
    });
    verdict_of(resource, node, path, j, format!("{path} is not public"))
}

fn judge_grants(resource: &Resource, acp: &Node) -> Option<Verdict> {
    let grants = get_in(acp, "grant")?;
    let list: Vec<&Node> = match grants.as_list() {
        Some(items) => items.iter().collect(),
        None => vec![grants],
    };
    for g in list {
        if let Some(uri) = get_in(g, "grantee.uri") {
            let j = judge(uri, &mut |n| {
                let public = n
                    .as_str()
                    .is_some_and(|u| GROUPS.iter().any(|p| p.eq_ignore_ascii_case(u)));
                Judgement::from_bool(
                    !public,
                    n,
                    || "a grant to a public group (AllUsers/AuthenticatedUsers)",
                )
            });
            if j != Judgement::Yes {
                return Some(verdict_of(
                    resource,
                    uri,
                    "access_control_policy.grant",
                    j,
                    "",
                ));
            }
        }
    }
    None
}

/// The verdict of one `aws_s3_bucket_acl`: its canned ACL, then its grants.
fn bucket_acl(r: &Resource) -> Verdict {
    let mut met = None;
    if let Some(acl) = get(r, "acl") {
        let v = judge_acl(r, acl, "acl");
        if v.status != crate::verdict::Status::Met {
            return v;
        }
        met = Some(v);
    }
    if let Some(acp) = get(r, "access_control_policy") {
        if let Some(v) = judge_grants(r, acp) {
            return v;
        }
        met.get_or_insert_with(|| {
            Verdict::met(
                r,
                acp.span,
                "access_control_policy",
                "no grant to a public group",
            )
        });
    }
    met.unwrap_or_else(|| Verdict::met_by_default(r, "acl", "no ACL set: the bucket is private"))
}

fn check(resource: &Resource, cx: &Context) -> Verdict {
    if let Some(v) = S3_BUCKET.judge_alone(resource, cx, bucket_acl) {
        return v;
    }
    if resource.format.is_terraform() {
        let mut met = None;
        if let Some(acl) = get(resource, "acl") {
            let v = judge_acl(resource, acl, "acl");
            if v.status != crate::verdict::Status::Met {
                return v;
            }
            met = Some(v);
        }
        let linked = cx.linked(resource, &["aws_s3_bucket_acl"], "bucket", Some("bucket"));
        if linked.is_empty()
            && let Some(v) =
                cx.unresolved_link(resource, &["aws_s3_bucket_acl"], "bucket", Some("bucket"))
        {
            return v;
        }
        for r in linked {
            let v = bucket_acl(r);
            if v.status != crate::verdict::Status::Met {
                return v;
            }
            if get(r, "acl").is_some() || get(r, "access_control_policy").is_some() {
                met.get_or_insert(v);
            }
        }
        return met.unwrap_or_else(|| {
            Verdict::met_by_default(resource, "acl", "no ACL set: the bucket is private")
        });
    }
    match get(resource, "AccessControl") {
        None => Verdict::met_by_default(
            resource,
            "AccessControl",
            "no AccessControl: the bucket ACL is Private",
        ),
        Some(acl) => judge_acl(resource, acl, "AccessControl"),
    }
}
