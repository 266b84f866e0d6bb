//! # redshiftserverless.log-exports: Redshift Serverless namespaces export their audit logs
//!
//! ## Why this is your duty
//! Redshift Serverless is a container service: AWS records API calls in
//! CloudTrail, but who connected and what they ran in *your* warehouse is in
//! the connection, user and user-activity logs, exported only if you ask.
//! Logging of customer resources is the customer's duty.
//!
//! ## What AWS already does
//! Exports no log unless `LogExports` / `log_exports` lists it (the default
//! since general availability in July 2022).
//!
//! ## Verdicts
//! - met: the list holds `connectionlog`, `userlog` and `useractivitylog`;
//! - not met: absent, or one of them is missing;
//! - unknown: the list comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Namespace:
//!     Type: AWS::RedshiftServerless::Namespace
//!     Properties:
//!       NamespaceName: analytics
//!       LogExports: [userlog, connectionlog, useractivitylog]
//! ```
//! ```yaml fail
//! Resources:
//!   Namespace:
//!     Type: AWS::RedshiftServerless::Namespace
//!     Properties:
//!       NamespaceName: analytics
//!       LogExports: [userlog]
//! ```
//! ```hcl pass
//! resource "aws_redshiftserverless_namespace" "analytics" {
//!   namespace_name = "analytics"
//!   log_exports = ["userlog", "connectionlog", "useractivitylog"]
//! }
//! ```
//! ```hcl fail
//! resource "aws_redshiftserverless_namespace" "analytics" {
//!   namespace_name = "analytics"
//! }
//! ```

use crate::check::all_of;
use crate::context::Context;
use crate::lists::require_item;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "redshiftserverless.log-exports",
    title: "Redshift Serverless namespaces export their audit logs to CloudWatch Logs",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::RedshiftServerless::Namespace"],
    tf_types: &["aws_redshiftserverless_namespace"],
    reads: &[],
    controls: Controls {
        fsbp: &["RedshiftServerless.6"],
        config: &["REDSHIFT_SERVERLESS_PUBLISH_LOGS_TO_CLOUDWATCH"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let verdicts = ["connectionlog", "userlog", "useractivitylog"]
        .iter()
        .map(|log| {
            require_item(
                resource,
                "LogExports",
                "log_exports",
                &[log],
                &format!("the {log} is not exported"),
            )
        })
        .collect();
    all_of(verdicts).unwrap_or_else(|| Verdict::not_applicable(resource, "no log to export"))
}
