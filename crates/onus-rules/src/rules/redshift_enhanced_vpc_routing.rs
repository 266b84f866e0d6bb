//! # redshift.enhanced-vpc-routing: Redshift clusters route COPY and UNLOAD traffic through the VPC
//!
//! ## Why this is your duty
//! Redshift is a container service: AWS runs the cluster, but the network
//! path of *your* data is a customer duty. With enhanced VPC routing, `COPY`
//! and `UNLOAD` traffic to S3 and other services goes through your VPC, where
//! your endpoints, endpoint policies, security groups and flow logs apply;
//! without it, it leaves over the internet path.
//!
//! ## What AWS already does
//! Routes that traffic outside your VPC unless `EnhancedVpcRouting` /
//! `enhanced_vpc_routing` is true; the default has been false since the
//! feature launched in September 2016.
//!
//! ## Verdicts
//! - met: true;
//! - not met: false or absent (the default);
//! - unknown: the value comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Warehouse:
//!     Type: AWS::Redshift::Cluster
//!     Properties:
//!       ClusterType: multi-node
//!       NodeType: ra3.xlplus
//!       NumberOfNodes: 2
//!       DBName: analytics
//!       MasterUsername: analytics_owner
//!       ManageMasterPassword: true
//!       EnhancedVpcRouting: true
//! ```
//! ```yaml fail
//! Resources:
//!   Warehouse:
//!     Type: AWS::Redshift::Cluster
//!     Properties:
//!       ClusterType: multi-node
//!       NodeType: ra3.xlplus
//!       NumberOfNodes: 2
//!       DBName: analytics
//!       MasterUsername: analytics_owner
//!       ManageMasterPassword: true
//! ```
//! ```hcl pass
//! resource "aws_redshift_cluster" "warehouse" {
//!   cluster_identifier     = "warehouse"
//!   node_type              = "ra3.xlplus"
//!   number_of_nodes        = 2
//!   master_username        = "analytics_owner"
//!   manage_master_password = true
//!   enhanced_vpc_routing = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_redshift_cluster" "warehouse" {
//!   cluster_identifier     = "warehouse"
//!   node_type              = "ra3.xlplus"
//!   number_of_nodes        = 2
//!   master_username        = "analytics_owner"
//!   manage_master_password = true
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "redshift.enhanced-vpc-routing",
    title: "Redshift clusters use enhanced VPC routing",
    duty: Duty::NetworkExposure,
    severity: Severity::Medium,
    cfn_types: &["AWS::Redshift::Cluster"],
    tf_types: &["aws_redshift_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &["Redshift.7"],
        config: &["REDSHIFT_ENHANCED_VPC_ROUTING_ENABLED"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_321", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "EnhancedVpcRouting",
        "enhanced_vpc_routing",
        true,
        false,
        "enhanced VPC routing",
    )
}
