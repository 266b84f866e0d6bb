//! # opensearch.dedicated-masters: OpenSearch domains have at least three dedicated master nodes
//!
//! ## Why this is your duty
//! OpenSearch Service is a container service: AWS runs the nodes, but the
//! topology of *your* domain is yours. Without dedicated masters, busy data
//! nodes also manage the cluster state; with fewer than three, losing one
//! leaves no quorum to elect a master.
//!
//! ## What AWS already does
//! Creates no dedicated master nodes unless `DedicatedMasterEnabled` /
//! `dedicated_master_enabled` is true (the default is false); with them on,
//! the recommended and default console count is three.
//!
//! ## Verdicts
//! - met: dedicated masters on, and `DedicatedMasterCount` /
//!   `dedicated_master_count` at least 3;
//! - not met: off (the default), or fewer than 3;
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
//!         DedicatedMasterEnabled: true
//!         DedicatedMasterCount: 3
//!         DedicatedMasterType: m6g.large.search
//! ```
//! ```yaml fail
//! Resources:
//!   Search:
//!     Type: AWS::OpenSearchService::Domain
//!     Properties:
//!       EngineVersion: OpenSearch_2.13
//!       ClusterConfig:
//!         DedicatedMasterEnabled: true
//!         DedicatedMasterCount: 2
//! ```
//! ```hcl pass
//! resource "aws_elasticsearch_domain" "search" {
//!   domain_name           = "search"
//!   elasticsearch_version = "7.10"
//!   cluster_config {
//!     dedicated_master_enabled = true
//!     dedicated_master_count   = 3
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_opensearch_domain" "search" {
//!   domain_name    = "search"
//!   engine_version = "OpenSearch_2.13"
//! }
//! ```

use crate::check::{require_bool, require_number};
use crate::context::Context;
use crate::opensearch::cluster_config;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Status;
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "opensearch.dedicated-masters",
    title: "OpenSearch domains have at least three dedicated master nodes",
    duty: Duty::Resilience,
    severity: Severity::Medium,
    cfn_types: &[
        "AWS::OpenSearchService::Domain",
        "AWS::Elasticsearch::Domain",
    ],
    tf_types: &["aws_opensearch_domain", "aws_elasticsearch_domain"],
    reads: &[],
    controls: Controls {
        fsbp: &["ES.7"],
        config: &[],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_318", Same),
        checkov("CKV2_AWS_59", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let enabled = cluster_config(
        resource,
        "DedicatedMasterEnabled",
        "dedicated_master_enabled",
    );
    let count = cluster_config(resource, "DedicatedMasterCount", "dedicated_master_count");
    let on = require_bool(
        resource,
        &enabled,
        &enabled,
        true,
        false,
        "dedicated master nodes",
    );
    if on.status != Status::Met {
        return on;
    }
    require_number(
        resource,
        &count,
        &count,
        None,
        |v| v >= 3.0,
        "at least 3 dedicated master nodes",
    )
}
