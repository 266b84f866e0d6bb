//! # memorydb.tls: MemoryDB clusters encrypt connections with TLS
//!
//! ## Why this is your duty
//! MemoryDB is a container service: AWS terminates TLS on the nodes, but
//! only on clusters created with it. Protecting data in transit is the
//! customer's side of the model.
//!
//! ## What AWS already does
//! Creates clusters with TLS unless `TLSEnabled` / `tls_enabled` is false
//! (the default has been true since launch in 2021; it cannot be changed
//! later).
//!
//! ## Verdicts
//! - met: true or absent;
//! - not met: false;
//! - unknown: the value comes from a value onus cannot resolve.
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
//!       TLSEnabled: false
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
//!   acl_name    = "open-access"
//!   tls_enabled = false
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "memorydb.tls",
    title: "MemoryDB clusters encrypt connections with TLS",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: &["AWS::MemoryDB::Cluster"],
    tf_types: &["aws_memorydb_cluster"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_202", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(resource, "TLSEnabled", "tls_enabled", true, true, "TLS")
}
