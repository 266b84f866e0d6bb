//! # ec2.default-security-group-closed: the VPC's default security group allows no traffic
//!
//! ## Why this is your duty
//! Network configuration in your VPC is yours under the Shared Responsibility
//! Model. Every VPC comes with a default security group that AWS creates with
//! an inbound rule allowing all traffic from members of the group and an
//! outbound rule allowing everything. Resources launched without an explicit
//! group land in it, so rules on it quietly open traffic between unrelated
//! workloads; closing it forces every resource onto a purpose-built group.
//!
//! ## What AWS already does
//! Creates the default group and never deletes it. It does not close it for
//! you: its default rules allow all traffic within the group and all egress.
//!
//! ## Verdicts
//! CloudFormation cannot manage a VPC's default security group (there is no
//! resource type for it; `AWS::EC2::VPC` only exposes its id), so this rule is
//! Terraform only. It reads `aws_default_security_group`, which adopts the
//! default group and, on first apply, removes every rule not written in it:
//! - met: no `ingress` and no `egress` block, and no standalone
//!   `aws_security_group_rule`, `aws_vpc_security_group_ingress_rule` or
//!   `aws_vpc_security_group_egress_rule` whose `security_group_id` refers to
//!   it;
//! - not met: any such block or rule (the finding points at it);
//! - unknown: the rules come from a value onus cannot resolve. A `dynamic`
//!   block whose `for_each` is unresolved counts as a rule (every possible
//!   value must pass).
//!
//! A VPC whose default group is not managed anywhere keeps AWS's open default
//! rules; manage it with an empty `aws_default_security_group` per VPC.
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_vpc" "main" {
//!   cidr_block = "10.0.0.0/16"
//! }
//! resource "aws_default_security_group" "default" {
//!   vpc_id = aws_vpc.main.id
//! }
//! ```
//! ```hcl fail
//! resource "aws_vpc" "main" {
//!   cidr_block = "10.0.0.0/16"
//! }
//! resource "aws_default_security_group" "default" {
//!   vpc_id = aws_vpc.main.id
//!   ingress {
//!     protocol  = -1
//!     self      = true
//!     from_port = 0
//!     to_port   = 0
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_default_security_group" "default" {
//!   vpc_id = "vpc-123"
//! }
//! resource "aws_vpc_security_group_egress_rule" "all" {
//!   security_group_id = aws_default_security_group.default.id
//!   ip_protocol       = "-1"
//!   cidr_ipv4         = "0.0.0.0/0"
//! }
//! ```

use crate::check::{get_in, items};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ec2.default-security-group-closed",
    title: "The default security group allows no inbound or outbound traffic",
    duty: Duty::NetworkExposure,
    severity: Severity::Medium,
    cfn_types: &[],
    tf_types: &["aws_default_security_group"],
    reads: &[
        "aws_security_group_rule",
        "aws_vpc_security_group_ingress_rule",
        "aws_vpc_security_group_egress_rule",
    ],
    controls: Controls {
        fsbp: &["EC2.2"],
        config: &["VPC_DEFAULT_SECURITY_GROUP_CLOSED"],
        cis: &["5.4"],
    },
    peers: &[
        checkov("CKV2_AWS_12", Same),
        trivy("AVD-AWS-0173", Related),
        guard("VPC_DEFAULT_SECURITY_GROUP_CLOSED", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    for block in ["ingress", "egress"] {
        if let Some(node) = get_in(&resource.properties, block) {
            match &node.value {
                _ if items(Some(node)).is_empty() => {}
                Value::Unknown(what) => {
                    return Verdict::unknown(resource, node.span, block, what.clone());
                }
                Value::Either(_) => {
                    return Verdict::unknown(
                        resource,
                        node.span,
                        block,
                        format!("{block} rules that depend on a condition"),
                    );
                }
                _ => {
                    return Verdict::not_met(
                        resource,
                        node.span,
                        block,
                        format!("the default security group has an {block} rule"),
                    );
                }
            }
        }
    }
    let rules = cx.linked(
        resource,
        &[
            "aws_security_group_rule",
            "aws_vpc_security_group_ingress_rule",
            "aws_vpc_security_group_egress_rule",
        ],
        "security_group_id",
        None,
    );
    if let Some(rule) = rules.first() {
        return Verdict::not_met(
            resource,
            resource.name_span,
            "",
            format!("{} adds a rule to the default security group", rule.id),
        );
    }
    Verdict::met(
        resource,
        resource.name_span,
        "",
        "the default security group has no rules (Terraform removes AWS's default rules)",
    )
}
