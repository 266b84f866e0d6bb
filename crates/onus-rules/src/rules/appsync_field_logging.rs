//! # appsync.field-logging: AppSync GraphQL APIs log resolver activity
//!
//! ## Why this is your duty
//! AppSync is an abstracted service: AWS runs the GraphQL endpoint and your
//! resolvers, but a record of which fields were resolved and which failed —
//! what you need to trace abuse or data access — goes to CloudWatch Logs
//! only with a field log level you set. Logging of customer resources is the
//! customer's duty.
//!
//! ## What AWS already does
//! Publishes request metrics; no field-level logs without `LogConfig`.
//!
//! ## Verdicts
//! - met: `LogConfig.FieldLogLevel` (`log_config { field_log_level }`) is
//!   `ERROR`, `INFO`, `DEBUG` or `ALL`;
//! - not met: `NONE`, or no log configuration;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Api:
//!     Type: AWS::AppSync::GraphQLApi
//!     Properties:
//!       Name: orders
//!       AuthenticationType: AWS_IAM
//!       LogConfig:
//!         FieldLogLevel: ERROR
//!         CloudWatchLogsRoleArn: arn:aws:iam::111122223333:role/appsync-logs
//! ```
//! ```yaml fail
//! Resources:
//!   Api:
//!     Type: AWS::AppSync::GraphQLApi
//!     Properties:
//!       Name: orders
//!       AuthenticationType: AWS_IAM
//! ```
//! ```hcl pass
//! resource "aws_appsync_graphql_api" "orders" {
//!   name                = "orders"
//!   authentication_type = "AWS_IAM"
//!   log_config {
//!     field_log_level          = "ALL"
//!     cloudwatch_logs_role_arn = "arn:aws:iam::111122223333:role/appsync-logs"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_appsync_graphql_api" "orders" {
//!   name                = "orders"
//!   authentication_type = "AWS_IAM"
//!   log_config {
//!     field_log_level          = "NONE"
//!     cloudwatch_logs_role_arn = "arn:aws:iam::111122223333:role/appsync-logs"
//!   }
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "appsync.field-logging",
    title: "AppSync GraphQL API has field-level logging",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::AppSync::GraphQLApi"],
    tf_types: &["aws_appsync_graphql_api"],
    reads: &[],
    controls: Controls {
        fsbp: &["AppSync.2"],
        config: &["APPSYNC_LOGGING_ENABLED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_194", Related),
        checkov("CKV_AWS_193", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "LogConfig.FieldLogLevel",
        "log_config.field_log_level",
        &["ERROR", "INFO", "DEBUG", "ALL"],
        None,
        "field-level logging",
    )
}
