//! # connect.contact-flow-logs: Amazon Connect instances log their flows
//!
//! ## Why this is your duty
//! Amazon Connect is an abstracted service: AWS runs the contact centre, but
//! the flows that route your customers' calls and chats, and what they do
//! with customer input, are yours. Flow logs in CloudWatch are the record of
//! what each contact went through, for troubleshooting and for audit.
//!
//! ## What AWS already does
//! Writes no flow logs unless `Attributes.ContactflowLogs` /
//! `contact_flow_logs_enabled` is true (false by default).
//!
//! ## Verdicts
//! Follows the AWS Config rule `connect-instance-logging-enabled` (Security
//! Hub Connect.2).
//! - met: true;
//! - not met: false or absent;
//! - unknown: the value is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   ContactCentre:
//!     Type: AWS::Connect::Instance
//!     Properties:
//!       IdentityManagementType: CONNECT_MANAGED
//!       InstanceAlias: support
//!       Attributes:
//!         InboundCalls: true
//!         OutboundCalls: false
//!         ContactflowLogs: true
//! ```
//! ```yaml fail
//! Resources:
//!   ContactCentre:
//!     Type: AWS::Connect::Instance
//!     Properties:
//!       IdentityManagementType: CONNECT_MANAGED
//!       InstanceAlias: support
//!       Attributes:
//!         InboundCalls: true
//!         OutboundCalls: false
//! ```
//! ```hcl pass
//! resource "aws_connect_instance" "support" {
//!   identity_management_type  = "CONNECT_MANAGED"
//!   instance_alias            = "support"
//!   inbound_calls_enabled     = true
//!   outbound_calls_enabled    = false
//!   contact_flow_logs_enabled = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_connect_instance" "support" {
//!   identity_management_type = "CONNECT_MANAGED"
//!   instance_alias           = "support"
//!   inbound_calls_enabled    = true
//!   outbound_calls_enabled   = false
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "connect.contact-flow-logs",
    title: "Amazon Connect instances write flow logs to CloudWatch",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::Connect::Instance"],
    tf_types: &["aws_connect_instance"],
    reads: &[],
    controls: Controls {
        fsbp: &["Connect.2"],
        config: &["CONNECT_INSTANCE_LOGGING_ENABLED"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "Attributes.ContactflowLogs",
        "contact_flow_logs_enabled",
        true,
        false,
        "flow logs",
    )
}
