//! What RDS rules share.

use crate::check::{get, prop};
use crate::context::Context;
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Value};

/// Not applicable for an Aurora instance, whose setting lives on its
/// cluster (`why` says where). An Aurora instance is a CloudFormation
/// `AWS::RDS::DBInstance` with `DBClusterIdentifier`, or a Terraform
/// `aws_rds_cluster_instance` (`aws_db_instance` has no cluster argument).
pub fn cluster_member(resource: &Resource, why: &str) -> Option<Verdict> {
    let member = match resource.resource_type.as_str() {
        "AWS::RDS::DBInstance" => get(resource, "DBClusterIdentifier").is_some(),
        "aws_rds_cluster_instance" => true,
        _ => false,
    };
    member.then(|| Verdict::not_applicable(resource, format!("an Aurora cluster member: {why}")))
}

/// The source of a read replica: `SourceDBInstanceIdentifier` /
/// `replicate_source_db`, with its path; `None` for any other instance.
pub fn replica_source(resource: &Resource) -> Option<(&Node, &'static str)> {
    let (node, path) = prop(
        resource,
        "SourceDBInstanceIdentifier",
        "replicate_source_db",
    );
    node.map(|n| (n, path))
}

/// For a read replica that leaves a setting unset (it then takes its
/// source's): the verdict `judge` gives the first instance up the chain of
/// sources that sets it (or is no replica), when that is in the scanned
/// code, said to be inherited; unknown when it is not. `None` for an
/// instance that is not a replica, or sets the property itself.
pub fn inherited(
    resource: &Resource,
    cx: &Context,
    cfn: &str,
    tf: &str,
    judge: impl Fn(&Resource) -> Verdict,
) -> Option<Verdict> {
    let (_, path) = prop(resource, cfn, tf);
    let mut current = resource;
    // A chain of replicas, cut short so that a cycle cannot loop.
    for _ in 0..8 {
        let Some((source, source_path)) = replica_source(current) else {
            break;
        };
        if prop(current, cfn, tf).0.is_some() {
            break;
        }
        let Some(src) = source_instance(current, cx, source) else {
            let what = match &source.value {
                Value::String(s) => format!("source {s:?}"),
                _ => format!("the source named by {source_path}"),
            };
            return Some(Verdict::unknown(
                current,
                source.span,
                path,
                format!(
                    "a read replica takes {path} from its {what}, which is not in the scanned code"
                ),
            ));
        };
        current = src;
    }
    if std::ptr::eq(current, resource) {
        return None;
    }
    if replica_source(current).is_some() && prop(current, cfn, tf).0.is_none() {
        return Some(Verdict::unknown(
            resource,
            resource.name_span,
            path,
            "a chain of read replicas that leads back to itself",
        ));
    }
    let mut v = judge(current);
    v.message = format!(
        "a read replica takes {path} from its source {}: {}",
        current.id, v.message
    )
    .into();
    Some(v)
}

/// The instance a replica's source names: a reference, or the literal
/// identifier of an instance in the same scope.
fn source_instance<'w>(
    replica: &Resource,
    cx: &Context<'w>,
    source: &Node,
) -> Option<&'w Resource> {
    cx.resolve(replica, source).or_else(|| {
        let name = source.as_str()?;
        let id_prop = if replica.format.is_terraform() {
            "identifier"
        } else {
            "DBInstanceIdentifier"
        };
        cx.in_scope(replica, &[replica.resource_type.as_str()])
            .find(|r| get(r, id_prop).and_then(Node::as_str) == Some(name))
    })
}
