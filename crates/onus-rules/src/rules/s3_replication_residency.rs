//! # s3.replication-residency: S3 replication destinations stay in the allowed Regions
//!
//! ## Why this is your duty
//! S3 is an abstracted service: AWS keeps a bucket's objects in the bucket's
//! Region and copies them elsewhere only when your replication configuration
//! says so. Each replication destination holds a full copy of the replicated
//! objects, so it decides where your data lives; meeting data-residency
//! obligations is always the customer's duty.
//!
//! ## What AWS already does
//! Never moves objects out of the bucket's Region on its own. Replication
//! (same- or cross-Region) runs only for the rules you configure.
//!
//! ## Verdicts
//! Only with `--allowed-regions`, judged on the source bucket:
//! - met: every replication destination bucket is in an allowed Region;
//! - not met: a destination bucket in another Region;
//! - unknown: a destination whose Region cannot be resolved. S3 ARNs carry no
//!   Region (`arn:aws:s3:::name`), so the Region is taken from the
//!   destination bucket resource, reached by reference (`!GetAtt Replica.Arn`,
//!   `aws_s3_bucket.replica.arn`) or by its literal name when that bucket is
//!   in the scanned code; any other destination is unknown;
//! - not applicable: no allowed Regions given, or no replication.
//!
//! Read from CloudFormation `ReplicationConfiguration.Rules[].Destination.Bucket`
//! and Terraform `aws_s3_bucket_replication_configuration`
//! (`rule { destination { bucket } }`, linked by `bucket`) or the legacy inline
//! `replication_configuration { rules { destination { bucket } } }`.
//!
//! **Conflict with backup guidance.** FSBP S3.7 (Config
//! `S3_BUCKET_REPLICATION_ENABLED`, Checkov `CKV_AWS_144`) asks for
//! cross-Region replication as a resilience control, while residency may
//! forbid any copy outside the allowed Regions. onus does not ask for
//! replication; if you need both, replicate to a second allowed Region (for
//! example another EU Region) and record the decision.
//!
//! ## Examples
//! ```yaml Data=not-met Replica=not-applicable allowed-regions=eu-west-1 region=us-east-1
//! Resources:
//!   Replica:
//!     Type: AWS::S3::Bucket
//!     Properties:
//!       VersioningConfiguration:
//!         Status: Enabled
//!   Data:
//!     Type: AWS::S3::Bucket
//!     Properties:
//!       VersioningConfiguration:
//!         Status: Enabled
//!       ReplicationConfiguration:
//!         Role: arn:aws:iam::111122223333:role/replication
//!         Rules:
//!           - Status: Enabled
//!             Destination:
//!               Bucket: !GetAtt Replica.Arn
//! ```
//! ```yaml Data=met Replica=not-applicable allowed-regions=eu-west-1 region=eu-west-1
//! Resources:
//!   Replica:
//!     Type: AWS::S3::Bucket
//!     Properties:
//!       VersioningConfiguration:
//!         Status: Enabled
//!   Data:
//!     Type: AWS::S3::Bucket
//!     Properties:
//!       VersioningConfiguration:
//!         Status: Enabled
//!       ReplicationConfiguration:
//!         Role: arn:aws:iam::111122223333:role/replication
//!         Rules:
//!           - Status: Enabled
//!             Destination:
//!               Bucket: !GetAtt Replica.Arn
//! ```
//! ```yaml unknown allowed-regions=eu-west-1 region=eu-west-1
//! Resources:
//!   Data:
//!     Type: AWS::S3::Bucket
//!     Properties:
//!       VersioningConfiguration:
//!         Status: Enabled
//!       ReplicationConfiguration:
//!         Role: arn:aws:iam::111122223333:role/replication
//!         Rules:
//!           - Status: Enabled
//!             Destination:
//!               Bucket: arn:aws:s3:::bucket-in-another-stack
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Data:
//!     Type: AWS::S3::Bucket
//! ```
//! ```hcl aws_s3_bucket.data=not-met aws_s3_bucket.replica=not-applicable allowed-regions=eu-west-1,eu-central-1
//! provider "aws" {
//!   region = "eu-west-1"
//! }
//! provider "aws" {
//!   alias  = "replica"
//!   region = "us-east-1"
//! }
//! resource "aws_s3_bucket" "replica" {
//!   provider = aws.replica
//!   bucket   = "data-replica"
//! }
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//! }
//! resource "aws_s3_bucket_replication_configuration" "data" {
//!   bucket = aws_s3_bucket.data.id
//!   role   = "arn:aws:iam::111122223333:role/replication"
//!   rule {
//!     id     = "all"
//!     status = "Enabled"
//!     destination {
//!       bucket = aws_s3_bucket.replica.arn
//!     }
//!   }
//! }
//! ```
//! ```hcl aws_s3_bucket.data=met aws_s3_bucket.replica=not-applicable allowed-regions=eu-west-1,eu-central-1
//! provider "aws" {
//!   region = "eu-west-1"
//! }
//! provider "aws" {
//!   alias  = "replica"
//!   region = "eu-central-1"
//! }
//! resource "aws_s3_bucket" "replica" {
//!   provider = aws.replica
//!   bucket   = "data-replica"
//! }
//! resource "aws_s3_bucket" "data" {
//!   bucket = "data"
//! }
//! resource "aws_s3_bucket_replication_configuration" "data" {
//!   bucket = aws_s3_bucket.data.id
//!   role   = "arn:aws:iam::111122223333:role/replication"
//!   rule {
//!     id     = "all"
//!     status = "Enabled"
//!     destination {
//!       bucket = aws_s3_bucket.replica.arn
//!     }
//!   }
//! }
//! ```

use crate::check::get_in;
use crate::context::Context;
use crate::residency::{Dest, dests_of, judge};
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::{Node, Region, Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "s3.replication-residency",
    title: "S3 replication destinations stay in allowed Regions",
    duty: Duty::DataResidency,
    severity: Severity::High,
    cfn_types: &["AWS::S3::Bucket"],
    tf_types: &["aws_s3_bucket"],
    reads: &["aws_s3_bucket_replication_configuration"],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn list(node: Option<&Node>) -> Vec<&Node> {
    match node {
        None => Vec::new(),
        Some(n) => match n.as_list() {
            Some(items) => items.iter().collect(),
            None => vec![n],
        },
    }
}

/// A destination `arn:aws:s3:::NAME`: the Region of the bucket named NAME in
/// the same scope, when the scanned code declares it.
fn by_name(from: &Resource, node: &Node, cx: &Context, out: &mut Vec<Dest>) {
    let Value::String(arn) = &node.value else {
        dests_of(from, node, cx, true, out);
        return;
    };
    let name = arn.strip_prefix("arn:aws:s3:::").unwrap_or(arn);
    let found = cx
        .in_scope(from, &["AWS::S3::Bucket", "aws_s3_bucket"])
        .find(|r| {
            ["BucketName", "bucket"]
                .iter()
                .any(|k| r.properties.get(k).and_then(Node::as_str) == Some(name))
        });
    match found.map(|r| &r.region) {
        Some(Region::Known(region)) => out.push(Dest::Known(region.clone(), node.span, from.file)),
        Some(Region::Unknown(why)) => out.push(Dest::Unknown(
            format!("the Region of bucket {name}: {why}"),
            node.span,
            from.file,
        )),
        None => out.push(Dest::Unknown(
            format!("the Region of bucket {name}, which is not in the scanned code"),
            node.span,
            from.file,
        )),
    }
}

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let mut dests: Vec<Dest> = Vec::new();
    let mut collect = |holder: &Resource, rules: Vec<&Node>, dest_path: &str| {
        for rule in rules {
            match get_in(rule, dest_path) {
                Some(b) => by_name(holder, b, cx, &mut dests),
                None => dests.push(Dest::Unknown(
                    "a replication rule without a destination bucket".into(),
                    rule.span,
                    holder.file,
                )),
            }
        }
    };
    let path;
    if resource.format.is_terraform() {
        path = "rule.destination.bucket";
        for config in cx.linked(
            resource,
            &["aws_s3_bucket_replication_configuration"],
            "bucket",
            Some("bucket"),
        ) {
            collect(
                config,
                list(get_in(&config.properties, "rule")),
                "destination.bucket",
            );
        }
        collect(
            resource,
            list(get_in(
                &resource.properties,
                "replication_configuration.rules",
            )),
            "destination.bucket",
        );
    } else {
        path = "ReplicationConfiguration.Rules.Destination.Bucket";
        collect(
            resource,
            list(get_in(
                &resource.properties,
                "ReplicationConfiguration.Rules",
            )),
            "Destination.Bucket",
        );
    }
    judge(resource, cx, path, "replicated objects", &dests)
}
