//! # eks.control-plane-logging: EKS clusters send api, audit and authenticator logs
//!
//! ## Why this is your duty
//! EKS is a container service: AWS runs the Kubernetes control plane, but it
//! keeps its logs to itself unless you ask for them. Who called the
//! Kubernetes API, what they changed and how they authenticated is the audit
//! trail of your cluster; turning those log types on is your duty.
//!
//! ## What AWS already does
//! Runs the API servers and can deliver five log types (api, audit,
//! authenticator, controllerManager, scheduler) to CloudWatch Logs. All are
//! off by default.
//!
//! ## Verdicts
//! Reads `Logging.ClusterLogging.EnabledTypes[].Type` of `AWS::EKS::Cluster`
//! and `enabled_cluster_log_types` of `aws_eks_cluster`.
//! - met: `api`, `audit` and `authenticator` are all enabled;
//! - not met: logging not configured (off by default), or one of the three missing;
//! - unknown: a log type is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Cluster:
//!     Type: AWS::EKS::Cluster
//!     Properties:
//!       RoleArn: arn:aws:iam::111122223333:role/eks
//!       ResourcesVpcConfig:
//!         SubnetIds: [subnet-0123456789abcdef0, subnet-0123456789abcdef1]
//!       Logging:
//!         ClusterLogging:
//!           EnabledTypes:
//!             - Type: api
//!             - Type: audit
//!             - Type: authenticator
//! ```
//! ```yaml fail
//! Resources:
//!   Cluster:
//!     Type: AWS::EKS::Cluster
//!     Properties:
//!       RoleArn: arn:aws:iam::111122223333:role/eks
//!       ResourcesVpcConfig:
//!         SubnetIds: [subnet-0123456789abcdef0, subnet-0123456789abcdef1]
//!       Logging:
//!         ClusterLogging:
//!           EnabledTypes:
//!             - Type: api
//! ```
//! ```json fail
//! {"Resources": {"Cluster": {"Type": "AWS::EKS::Cluster", "Properties": {"RoleArn": "arn:aws:iam::111122223333:role/eks"}}}}
//! ```
//! ```hcl pass
//! resource "aws_eks_cluster" "cluster" {
//!   name                      = "main"
//!   role_arn                  = "arn:aws:iam::111122223333:role/eks"
//!   enabled_cluster_log_types = ["api", "audit", "authenticator"]
//!   vpc_config {
//!     subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_eks_cluster" "cluster" {
//!   name     = "main"
//!   role_arn = "arn:aws:iam::111122223333:role/eks"
//!   vpc_config {
//!     subnet_ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
//!   }
//! }
//! ```

use crate::check::{get, get_in, items_cond};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "eks.control-plane-logging",
    title: "EKS clusters log api, audit and authenticator events",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::EKS::Cluster"],
    tf_types: &["aws_eks_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &["EKS.8"],
        config: &["EKS_CLUSTER_LOGGING_ENABLED", "EKS_CLUSTER_LOG_ENABLED"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_37", Related)],
    check,
    file: file!(),
};

const REQUIRED: [&str; 3] = ["api", "audit", "authenticator"];

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let tf = resource.format.is_terraform();
    let path = if tf {
        "enabled_cluster_log_types"
    } else {
        "Logging.ClusterLogging.EnabledTypes"
    };
    let Some(node) = get(resource, path) else {
        return Verdict::missing(
            resource,
            path,
            format!("{path} is not set: control plane logging is off by default"),
        );
    };
    let mut found: Vec<String> = Vec::new();
    for (item, conditional) in items_cond(Some(node)) {
        let value = if tf { Some(item) } else { get_in(item, "Type") };
        match value.map(|v| &v.value) {
            Some(Value::String(t)) if !conditional => found.push(t.to_ascii_lowercase()),
            Some(Value::Unknown(what)) => {
                return Verdict::unknown(resource, item.span, path, what.clone());
            }
            _ => {}
        }
    }
    let missing: Vec<&str> = REQUIRED
        .into_iter()
        .filter(|r| !found.iter().any(|f| f == r))
        .collect();
    if missing.is_empty() {
        Verdict::met(
            resource,
            node.span,
            path,
            "api, audit and authenticator logs are enabled",
        )
    } else {
        Verdict::not_met(
            resource,
            node.span,
            path,
            format!("{path} does not enable {}", missing.join(", ")),
        )
    }
}
