//! What RDS rules share.

use crate::check::{get, spelling};
use crate::verdict::Verdict;
use onus_ingest::Resource;

/// Not applicable for an Aurora instance (one with `DBClusterIdentifier` /
/// `cluster_identifier`), whose setting lives on its cluster; `why` says where.
pub fn cluster_member(resource: &Resource, why: &str) -> Option<Verdict> {
    let cluster = matches!(
        resource.resource_type.as_str(),
        "AWS::RDS::DBCluster" | "aws_rds_cluster"
    );
    let member = spelling(resource, "DBClusterIdentifier", "cluster_identifier");
    (!cluster && get(resource, member).is_some())
        .then(|| Verdict::not_applicable(resource, format!("an Aurora cluster member: {why}")))
}
