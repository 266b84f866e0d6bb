//! # vpc.flow-logs: VPCs record flow logs
//!
//! ## Why this is your duty
//! Logging and monitoring of your own resources is yours under the Shared
//! Responsibility Model, and the VPC is a network you architect. Flow logs
//! are the only record of which addresses talked to which inside the VPC:
//! without them an intrusion or data exfiltration cannot be traced.
//!
//! ## What AWS already does
//! Offers flow logs to CloudWatch Logs, S3 or Firehose; none are created by
//! default.
//!
//! ## Verdicts
//! Reads `AWS::EC2::VPC` and Terraform `aws_vpc` / `aws_default_vpc`, and
//! looks for a flow log pointing at the VPC: `AWS::EC2::FlowLog` whose
//! `ResourceId` refers to it (`!Ref Vpc`, `!GetAtt Vpc.VpcId`), or
//! `aws_flow_log` whose `vpc_id` refers to it.
//! - met: such a flow log exists (any `TrafficType`);
//! - unknown: no such flow log, but one in the same template or module has
//!   a target onus cannot resolve;
//! - not met: no flow log for the VPC.
//!
//! - judged with its VPC: a flow log of a VPC in the scanned code; one whose
//!   VPC is declared elsewhere (another stack or module) is judged on its
//!   own: met when it logs a VPC (`ResourceType: VPC`, Terraform `vpc_id`),
//!   not applicable when it logs a subnet, an interface or a transit
//!   gateway;
//!
//! Flow logs on the VPC's subnets or interfaces only, or created outside the
//! scanned code, are not seen: log at VPC level.
//!
//! ## Examples
//! ```yaml FlowLog=met
//! Parameters:
//!   VpcId:
//!     Type: AWS::EC2::VPC::Id
//! Resources:
//!   FlowLog:
//!     Type: AWS::EC2::FlowLog
//!     Properties:
//!       ResourceId: !Ref VpcId
//!       ResourceType: VPC
//!       TrafficType: ALL
//!       LogDestinationType: s3
//!       LogDestination: arn:aws:s3:::flow-logs
//! ```
//! ```yaml Vpc=met
//! Resources:
//!   Vpc:
//!     Type: AWS::EC2::VPC
//!     Properties:
//!       CidrBlock: 10.0.0.0/16
//!   VpcFlowLog:
//!     Type: AWS::EC2::FlowLog
//!     Properties:
//!       ResourceId: !Ref Vpc
//!       ResourceType: VPC
//!       TrafficType: ALL
//!       LogDestinationType: s3
//!       LogDestination: arn:aws:s3:::flow-logs
//! ```
//! ```yaml fail
//! Resources:
//!   Vpc:
//!     Type: AWS::EC2::VPC
//!     Properties:
//!       CidrBlock: 10.0.0.0/16
//! ```
//! ```yaml Vpc=unknown
//! Parameters:
//!   Target:
//!     Type: String
//! Resources:
//!   Vpc:
//!     Type: AWS::EC2::VPC
//!     Properties:
//!       CidrBlock: 10.0.0.0/16
//!   FlowLog:
//!     Type: AWS::EC2::FlowLog
//!     Properties:
//!       ResourceId: !Ref Target
//!       ResourceType: VPC
//!       TrafficType: REJECT
//!       LogDestination: arn:aws:s3:::flow-logs
//! ```
//! ```hcl aws_vpc.main=met
//! resource "aws_vpc" "main" {
//!   cidr_block = "10.0.0.0/16"
//! }
//! resource "aws_flow_log" "main" {
//!   vpc_id               = aws_vpc.main.id
//!   traffic_type         = "ALL"
//!   log_destination_type = "s3"
//!   log_destination      = "arn:aws:s3:::flow-logs"
//! }
//! ```
//! ```hcl fail
//! resource "aws_vpc" "main" {
//!   cidr_block = "10.0.0.0/16"
//! }
//! ```

use crate::check::get_in;
use crate::context::Context;
use crate::parent::VPC;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "vpc.flow-logs",
    title: "VPCs have flow logs",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::EC2::VPC", "AWS::EC2::FlowLog"],
    tf_types: &["aws_vpc", "aws_default_vpc", "aws_flow_log"],
    reads: &["AWS::EC2::FlowLog", "aws_flow_log"],
    controls: Controls {
        fsbp: &["EC2.6"],
        config: &["VPC_FLOW_LOGS_ENABLED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV2_AWS_11", Same),
        cfn_nag("W60", Same),
        trivy("AVD-AWS-0178", Same),
        guard("VPC_FLOW_LOGS_ENABLED", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    if let Some(v) = VPC.judge_alone(resource, cx, alone) {
        return v;
    }
    let (flow_type, attr) = if resource.format.is_terraform() {
        ("aws_flow_log", "vpc_id")
    } else {
        ("AWS::EC2::FlowLog", "ResourceId")
    };
    if let Some(log) = cx.linked(resource, &[flow_type], attr, None).first() {
        return Verdict::met(
            resource,
            resource.name_span,
            "",
            format!("flow log {} records this VPC's traffic", log.id),
        );
    }
    let unresolved = cx.in_scope(resource, &[flow_type]).find_map(|r| {
        let target = get_in(&r.properties, attr)?;
        match &target.value {
            Value::Unknown(what) => Some(format!("the target of flow log {} ({what})", r.id)),
            Value::Either(_) => Some(format!(
                "the target of flow log {}, which depends on a condition",
                r.id
            )),
            _ => None,
        }
    });
    if let Some(what) = unresolved {
        return Verdict::unknown(resource, resource.name_span, "", what);
    }
    Verdict::missing(
        resource,
        "",
        format!("no {flow_type} refers to this VPC: its traffic is not logged"),
    )
}

/// A flow log whose VPC is not in the scanned code.
fn alone(log: &Resource) -> Verdict {
    let vpc_level = if log.format.is_terraform() {
        get_in(&log.properties, "vpc_id").is_some()
    } else {
        get_in(&log.properties, "ResourceType")
            .and_then(|t| t.scalar_text())
            .is_some_and(|t| t.eq_ignore_ascii_case("VPC"))
    };
    if vpc_level {
        Verdict::met(
            log,
            log.name_span,
            "",
            "this flow log records a VPC's traffic",
        )
    } else {
        Verdict::not_applicable(
            log,
            "a flow log of a subnet, an interface or a transit gateway: vpc.flow-logs judges VPC-level logs",
        )
    }
}
