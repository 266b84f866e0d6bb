//! # mwaa.logging: MWAA environments send scheduler, worker and web server logs to CloudWatch
//!
//! ## Why this is your duty
//! Amazon MWAA is a container service: AWS runs the Airflow scheduler,
//! workers and web server, but their logs (which DAGs ran, what they did,
//! who signed in to the web server) reach CloudWatch Logs only for the log
//! types you enable. Logging your workloads is yours.
//!
//! ## What AWS already does
//! Publishes environment metrics. Each Airflow log type is sent to
//! CloudWatch Logs only when its `Enabled` is true in the environment's
//! `LoggingConfiguration`.
//!
//! ## Verdicts
//! - met: `LoggingConfiguration.SchedulerLogs`, `WorkerLogs` and
//!   `WebserverLogs` (`logging_configuration { scheduler_logs, worker_logs,
//!   webserver_logs }`) all have `Enabled` true;
//! - not met: one of them absent or disabled;
//! - unknown: a flag that is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Airflow:
//!     Type: AWS::MWAA::Environment
//!     Properties:
//!       Name: pipelines
//!       LoggingConfiguration:
//!         SchedulerLogs: {Enabled: true, LogLevel: INFO}
//!         WorkerLogs: {Enabled: true, LogLevel: INFO}
//!         WebserverLogs: {Enabled: true, LogLevel: INFO}
//! ```
//! ```yaml fail
//! Resources:
//!   Airflow:
//!     Type: AWS::MWAA::Environment
//!     Properties:
//!       Name: pipelines
//!       LoggingConfiguration:
//!         TaskLogs: {Enabled: true, LogLevel: INFO}
//! ```
//! ```hcl pass
//! resource "aws_mwaa_environment" "airflow" {
//!   name               = "pipelines"
//!   dag_s3_path        = "dags/"
//!   execution_role_arn = "arn:aws:iam::111122223333:role/airflow"
//!   source_bucket_arn  = "arn:aws:s3:::airflow-source"
//!   logging_configuration {
//!     scheduler_logs {
//!       enabled   = true
//!       log_level = "INFO"
//!     }
//!     worker_logs {
//!       enabled   = true
//!       log_level = "INFO"
//!     }
//!     webserver_logs {
//!       enabled   = true
//!       log_level = "WARNING"
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_mwaa_environment" "airflow" {
//!   name               = "pipelines"
//!   dag_s3_path        = "dags/"
//!   execution_role_arn = "arn:aws:iam::111122223333:role/airflow"
//!   source_bucket_arn  = "arn:aws:s3:::airflow-source"
//! }
//! ```

use crate::check::{both, require_bool};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "mwaa.logging",
    title: "MWAA environments send scheduler, worker and web server logs to CloudWatch Logs",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::MWAA::Environment"],
    tf_types: &["aws_mwaa_environment"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[
        checkov("CKV_AWS_242", Same),
        checkov("CKV_AWS_243", Same),
        checkov("CKV_AWS_244", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let log = |cfn: &str, tf: &str, what: &str| {
        require_bool(
            resource,
            &format!("LoggingConfiguration.{cfn}.Enabled"),
            &format!("logging_configuration.{tf}.enabled"),
            true,
            false,
            what,
        )
    };
    let scheduler = log("SchedulerLogs", "scheduler_logs", "scheduler logs");
    let worker = log("WorkerLogs", "worker_logs", "worker logs");
    let webserver = log("WebserverLogs", "webserver_logs", "web server logs");
    both(both(scheduler, worker), webserver)
}
