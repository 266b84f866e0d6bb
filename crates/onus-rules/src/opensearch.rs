//! OpenSearch and legacy Elasticsearch domains: where their settings live
//! (`ClusterConfig` vs `ElasticsearchClusterConfig` in CloudFormation) and
//! whether a log type is published.

use crate::check::{Judgement, get, get_in, items, judge, spelling, verdict_of};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource};

/// The path of a cluster-config setting, e.g. `InstanceCount` /
/// `instance_count`, in this resource's spelling.
pub fn cluster_config(resource: &Resource, cfn: &str, tf: &str) -> String {
    let block = match resource.resource_type.as_str() {
        "AWS::Elasticsearch::Domain" => "ElasticsearchClusterConfig",
        _ => "ClusterConfig",
    };
    format!(
        "{}.{}",
        spelling(resource, block, "cluster_config"),
        spelling(resource, cfn, tf)
    )
}

/// Whether the domain publishes `log_type` (`ES_APPLICATION_LOGS`,
/// `AUDIT_LOGS`) to CloudWatch Logs: CloudFormation's `LogPublishingOptions`
/// map (`Enabled` defaults to false), Terraform's `log_publishing_options`
/// blocks (`enabled` defaults to true).
pub fn publishes(resource: &Resource, log_type: &str, what: &str) -> Verdict {
    let path = format!(
        "{}.{log_type}",
        spelling(resource, "LogPublishingOptions", "log_publishing_options")
    );
    let option: Option<&Node> = if resource.format.is_terraform() {
        items(get(resource, "log_publishing_options"))
            .into_iter()
            .find(|o| {
                get_in(o, "log_type")
                    .and_then(Node::as_str)
                    .is_some_and(|t| t.eq_ignore_ascii_case(log_type))
            })
    } else {
        get(resource, "LogPublishingOptions").and_then(|m| m.get(log_type))
    };
    let Some(option) = option else {
        return Verdict::missing(
            resource,
            &path,
            format!("{log_type} are not published: {what}"),
        );
    };
    let enabled = get_in(option, spelling(resource, "Enabled", "enabled"));
    let default = resource.format.is_terraform();
    match enabled {
        None if default => Verdict::met(
            resource,
            option.span,
            &path,
            format!("{log_type} are published"),
        ),
        None => Verdict::not_met(
            resource,
            option.span,
            &path,
            format!("{log_type} has no Enabled: true (the default is false): {what}"),
        ),
        Some(node) => {
            let j = judge(node, &mut |n| {
                Judgement::from_bool(n.as_bool() == Some(true), n, || {
                    format!("{log_type} publishing is off: {what}")
                })
            });
            verdict_of(
                resource,
                node,
                &path,
                j,
                format!("{log_type} are published"),
            )
        }
    }
}
