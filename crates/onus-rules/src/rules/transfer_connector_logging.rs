//! # transfer.connector-logging: Transfer Family connectors log their transfers
//!
//! ## Why this is your duty
//! Transfer Family is an abstracted service: AWS runs the AS2 and SFTP
//! connectors that send your files to partners, but it records their
//! activity in CloudWatch only with a logging role you give it. Those logs
//! are the evidence of which files left, when and to whom.
//!
//! ## What AWS already does
//! Writes no connector logs unless `LoggingRole` / `logging_role` names an IAM
//! role allowed to write to CloudWatch Logs.
//!
//! ## Verdicts
//! Follows the AWS Config rule `transfer-connector-logging-enabled`
//! (Security Hub Transfer.3).
//! - met: a logging role is set;
//! - not met: none;
//! - unknown: the value is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Partner:
//!     Type: AWS::Transfer::Connector
//!     Properties:
//!       Url: sftp://partner.example.com
//!       AccessRole: arn:aws:iam::123456789012:role/transfer-access
//!       LoggingRole: arn:aws:iam::123456789012:role/transfer-logging
//!       SftpConfig:
//!         UserSecretId: partner-sftp
//! ```
//! ```yaml fail
//! Resources:
//!   Partner:
//!     Type: AWS::Transfer::Connector
//!     Properties:
//!       Url: sftp://partner.example.com
//!       AccessRole: arn:aws:iam::123456789012:role/transfer-access
//!       SftpConfig:
//!         UserSecretId: partner-sftp
//! ```
//! ```hcl pass
//! resource "aws_transfer_connector" "partner" {
//!   url          = "sftp://partner.example.com"
//!   access_role  = "arn:aws:iam::123456789012:role/transfer-access"
//!   logging_role = "arn:aws:iam::123456789012:role/transfer-logging"
//!   sftp_config {
//!     user_secret_id = "partner-sftp"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_transfer_connector" "partner" {
//!   url         = "sftp://partner.example.com"
//!   access_role = "arn:aws:iam::123456789012:role/transfer-access"
//!   sftp_config {
//!     user_secret_id = "partner-sftp"
//!   }
//! }
//! ```

use crate::check::require_set;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "transfer.connector-logging",
    title: "Transfer Family connectors log to CloudWatch",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::Transfer::Connector"],
    tf_types: &["aws_transfer_connector"],
    reads: &[],
    controls: Controls {
        fsbp: &["Transfer.3"],
        config: &["TRANSFER_CONNECTOR_LOGGING_ENABLED"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_set(
        resource,
        "LoggingRole",
        "logging_role",
        "the connector's transfers are not logged",
    )
}
