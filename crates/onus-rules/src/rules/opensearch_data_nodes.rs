//! # opensearch.data-nodes: OpenSearch domains have at least three data nodes across zones
//!
//! ## Why this is your duty
//! OpenSearch Service is a container service: AWS replaces failed nodes, but
//! how many data nodes *your* domain has, and whether they span zones, is the
//! customer's resilience decision. With fewer than three, or all in one zone,
//! losing a node or a zone makes shards unavailable.
//!
//! ## What AWS already does
//! Creates one data node in one zone when `InstanceCount` / `instance_count`
//! and zone awareness are absent (the API default since launch in 2015).
//!
//! ## Verdicts
//! - met: at least 3 data nodes and zone awareness on;
//! - not met: fewer than 3 (absent: 1), or zone awareness off (absent: off);
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Search:
//!     Type: AWS::OpenSearchService::Domain
//!     Properties:
//!       EngineVersion: OpenSearch_2.13
//!       ClusterConfig:
//!         InstanceCount: 3
//!         ZoneAwarenessEnabled: true
//!         ZoneAwarenessConfig:
//!           AvailabilityZoneCount: 3
//! ```
//! ```yaml fail
//! Resources:
//!   Search:
//!     Type: AWS::Elasticsearch::Domain
//!     Properties:
//!       ElasticsearchVersion: "7.10"
//!       ElasticsearchClusterConfig:
//!         InstanceCount: 3
//! ```
//! ```hcl pass
//! resource "aws_opensearch_domain" "search" {
//!   domain_name    = "search"
//!   engine_version = "OpenSearch_2.13"
//!   cluster_config {
//!     instance_count         = 3
//!     zone_awareness_enabled = true
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_elasticsearch_domain" "search" {
//!   domain_name           = "search"
//!   elasticsearch_version = "7.10"
//! }
//! ```

use crate::check::{all_of, require_bool, require_number};
use crate::context::Context;
use crate::opensearch::cluster_config;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "opensearch.data-nodes",
    title: "OpenSearch domains have at least three data nodes across zones",
    duty: Duty::Resilience,
    severity: Severity::Medium,
    cfn_types: &[
        "AWS::OpenSearchService::Domain",
        "AWS::Elasticsearch::Domain",
    ],
    tf_types: &["aws_opensearch_domain", "aws_elasticsearch_domain"],
    reads: &[],
    controls: Controls {
        fsbp: &["ES.6", "Opensearch.6"],
        config: &["OPENSEARCH_DATA_NODE_FAULT_TOLERANCE"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let count = cluster_config(resource, "InstanceCount", "instance_count");
    let zones = cluster_config(resource, "ZoneAwarenessEnabled", "zone_awareness_enabled");
    let verdicts = vec![
        require_number(
            resource,
            &count,
            &count,
            Some(1.0),
            |v| v >= 3.0,
            "at least 3 data nodes",
        ),
        require_bool(resource, &zones, &zones, true, false, "zone awareness"),
    ];
    all_of(verdicts).unwrap_or_else(|| Verdict::not_applicable(resource, "nothing to check"))
}
