//! # mwaa.not-public: MWAA web servers are reachable only from your VPC
//!
//! ## Why this is your duty
//! Amazon MWAA is a container service: AWS runs Apache Airflow, but who can
//! reach its web server, where anyone with access can trigger DAGs that run
//! with your execution role, is your network choice. A public web server is
//! one login away from the internet.
//!
//! ## What AWS already does
//! Authenticates every web server request through IAM. `WebserverAccessMode`
//! defaults to `PRIVATE_ONLY`: the web server gets a VPC endpoint in your
//! subnets and no public address.
//!
//! ## Verdicts
//! - met: `WebserverAccessMode` / `webserver_access_mode` is absent or
//!   `PRIVATE_ONLY`;
//! - not met: `PUBLIC_ONLY`;
//! - unknown: the value is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Airflow:
//!     Type: AWS::MWAA::Environment
//!     Properties:
//!       Name: pipelines
//!       WebserverAccessMode: PRIVATE_ONLY
//! ```
//! ```yaml fail
//! Resources:
//!   Airflow:
//!     Type: AWS::MWAA::Environment
//!     Properties:
//!       Name: pipelines
//!       WebserverAccessMode: PUBLIC_ONLY
//! ```
//! ```hcl pass
//! resource "aws_mwaa_environment" "airflow" {
//!   name               = "pipelines"
//!   dag_s3_path        = "dags/"
//!   execution_role_arn = "arn:aws:iam::111122223333:role/airflow"
//!   source_bucket_arn  = "arn:aws:s3:::airflow-source"
//!   network_configuration {
//!     security_group_ids = ["sg-0123456789abcdef0"]
//!     subnet_ids         = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_mwaa_environment" "airflow" {
//!   name                  = "pipelines"
//!   dag_s3_path           = "dags/"
//!   execution_role_arn    = "arn:aws:iam::111122223333:role/airflow"
//!   source_bucket_arn     = "arn:aws:s3:::airflow-source"
//!   webserver_access_mode = "PUBLIC_ONLY"
//!   network_configuration {
//!     security_group_ids = ["sg-0123456789abcdef0"]
//!     subnet_ids         = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
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
    id: "mwaa.not-public",
    title: "MWAA environments keep the Airflow web server private",
    duty: Duty::NetworkExposure,
    severity: Severity::High,
    cfn_types: &["AWS::MWAA::Environment"],
    tf_types: &["aws_mwaa_environment"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV2_AWS_66", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "WebserverAccessMode",
        "webserver_access_mode",
        &["PRIVATE_ONLY"],
        Some("PRIVATE_ONLY"),
        "a private web server",
    )
}
