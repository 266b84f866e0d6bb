//! # transfer.logging: Transfer Family servers log to CloudWatch Logs
//!
//! ## Why this is your duty
//! Transfer Family is an abstracted service: AWS runs the endpoints, but the
//! record of who logged in and which files they uploaded, downloaded or
//! deleted is written to CloudWatch Logs only when you give the server a
//! logging role or log destinations. Logging of customer resources is the
//! customer's duty.
//!
//! ## What AWS already does
//! Records API calls in CloudTrail; session and file-operation logs need
//! `LoggingRole` or `StructuredLogDestinations`.
//!
//! ## Verdicts
//! - met: `LoggingRole` (`logging_role`) or `StructuredLogDestinations`
//!   (`structured_log_destinations`) is set;
//! - not met: neither is set;
//! - unknown: neither is known to be set and one comes from a value onus
//!   cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Server:
//!     Type: AWS::Transfer::Server
//!     Properties:
//!       LoggingRole: arn:aws:iam::111122223333:role/transfer-logs
//! ```
//! ```yaml fail
//! Resources:
//!   Server:
//!     Type: AWS::Transfer::Server
//!     Properties:
//!       Protocols: [SFTP]
//! ```
//! ```hcl pass
//! resource "aws_transfer_server" "files" {
//!   structured_log_destinations = ["arn:aws:logs:eu-west-1:111122223333:log-group:transfer:*"]
//! }
//! ```
//! ```hcl fail
//! resource "aws_transfer_server" "files" {
//!   protocols = ["SFTP"]
//! }
//! ```

use crate::check::require_set;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::{Status, Verdict};
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "transfer.logging",
    title: "Transfer Family server logs sessions to CloudWatch Logs",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::Transfer::Server"],
    tf_types: &["aws_transfer_server"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let what = "sessions and file operations are not logged";
    let role = require_set(resource, "LoggingRole", "logging_role", what);
    if role.status == Status::Met {
        return role;
    }
    let dests = require_set(
        resource,
        "StructuredLogDestinations",
        "structured_log_destinations",
        what,
    );
    match (role.status, dests.status) {
        (_, Status::Met) => dests,
        (Status::Unknown, _) => role,
        _ => dests,
    }
}
