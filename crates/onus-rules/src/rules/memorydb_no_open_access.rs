//! # memorydb.no-open-access: MemoryDB clusters require authentication
//!
//! ## Why this is your duty
//! MemoryDB is a container service: AWS runs the engine, but who may run
//! commands against *your* data is access control, the customer's side of
//! the model. The built-in `open-access` ACL lets every client that reaches
//! the port in with full rights and no password.
//!
//! ## What AWS already does
//! Requires an ACL on every cluster; `open-access` is a built-in one, allowed
//! only without TLS, and has been since MemoryDB launched in 2021.
//!
//! ## Verdicts
//! - met: `ACLName` / `acl_name` names another ACL (a reference counts);
//! - not met: `open-access` or absent;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Store:
//!     Type: AWS::MemoryDB::Cluster
//!     Properties:
//!       ClusterName: sessions
//!       NodeType: db.r7g.large
//!       ACLName: sessions-users
//! ```
//! ```yaml fail
//! Resources:
//!   Store:
//!     Type: AWS::MemoryDB::Cluster
//!     Properties:
//!       ClusterName: sessions
//!       NodeType: db.r7g.large
//!       ACLName: open-access
//! ```
//! ```hcl pass
//! resource "aws_memorydb_cluster" "store" {
//!   name      = "sessions"
//!   node_type = "db.r7g.large"
//!   acl_name = "sessions-users"
//! }
//! ```
//! ```hcl fail
//! resource "aws_memorydb_cluster" "store" {
//!   name      = "sessions"
//!   node_type = "db.r7g.large"
//!   acl_name = "open-access"
//! }
//! ```

use crate::check::require_not_in;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "memorydb.no-open-access",
    title: "MemoryDB clusters require authentication",
    duty: Duty::AccessControl,
    severity: Severity::High,
    cfn_types: &["AWS::MemoryDB::Cluster"],
    tf_types: &["aws_memorydb_cluster"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_not_in(
        resource,
        "ACLName",
        "acl_name",
        &["open-access"],
        "the open-access ACL, which needs no password",
        |path| Verdict::missing(resource, path, format!("{path} is not set")),
    )
}
