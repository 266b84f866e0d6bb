//! # rds.snapshot-not-public: RDS snapshots are not shared with everyone
//!
//! ## Why this is your duty
//! RDS is a container service: AWS stores snapshots privately in your
//! account, and who else may restore them is access control, the
//! customer's side of the model. A snapshot shared with `all` can be
//! restored by any AWS account, with every row of the database.
//!
//! ## What AWS already does
//! Keeps every snapshot private to its account unless you add accounts to
//! its restore attribute; it refuses to make an encrypted snapshot public.
//!
//! ## Verdicts
//! - met: `shared_accounts` is absent (the default) or lists only account
//!   ids;
//! - not met: `shared_accounts` lists `all`;
//! - unknown: an item comes from a value onus cannot resolve.
//!
//! CloudFormation has no snapshot resources, so this rule reads the
//! Terraform `aws_db_snapshot`, `aws_db_cluster_snapshot` and
//! `aws_db_snapshot_copy`.
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_db_snapshot" "before_upgrade" {
//!   db_instance_identifier = "orders"
//!   db_snapshot_identifier = "orders-before-upgrade"
//!   shared_accounts        = ["123456789012"]
//! }
//! ```
//! ```hcl fail
//! resource "aws_db_cluster_snapshot" "before_upgrade" {
//!   db_cluster_identifier          = "orders"
//!   db_cluster_snapshot_identifier = "orders-before-upgrade"
//!   shared_accounts                = ["all"]
//! }
//! ```

use crate::check::prop;
use crate::context::Context;
use crate::lists::find_item;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "rds.snapshot-not-public",
    title: "RDS snapshots are not shared publicly",
    duty: Duty::AccessControl,
    severity: Severity::Critical,
    cfn_types: &[],
    tf_types: &[
        "aws_db_snapshot",
        "aws_db_cluster_snapshot",
        "aws_db_snapshot_copy",
    ],
    reads: &[],
    controls: Controls {
        fsbp: &["RDS.1"],
        config: &["RDS_SNAPSHOTS_PUBLIC_PROHIBITED"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_302", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let (node, path) = prop(resource, "", "shared_accounts");
    let Some(node) = node else {
        return Verdict::met_by_default(resource, path, "the snapshot is not shared (the default)");
    };
    match find_item(node, &["all"]) {
        Ok(Some(all)) => Verdict::not_met(
            resource,
            all.span,
            path,
            "shared_accounts lists all: any AWS account can restore the snapshot",
        ),
        Ok(None) => Verdict::met(resource, node.span, path, "shared only with named accounts"),
        Err((n, what)) => Verdict::unknown(resource, n.span, path, what),
    }
}
