//! # ec2.ami-not-public: AMIs are not shared with everyone
//!
//! ## Why this is your duty
//! EC2 is an infrastructure service and your machine images are your data:
//! they hold the operating system, installed software, configuration and
//! often credentials or keys baked in at build time. A launch permission for
//! the group `all` makes the AMI public: any AWS account can launch it and
//! read its volumes.
//!
//! ## What AWS already does
//! Keeps an AMI private to its owner account until you grant launch
//! permissions. Block public access for AMIs, an account-and-Region setting
//! introduced in 2023, rejects new public grants where it is on.
//!
//! ## Verdicts
//! Reads Terraform `aws_ami_launch_permission` (CloudFormation has no AMI
//! permission resource):
//! - met: the permission names an `account_id`, `organization_arn` or
//!   `organizational_unit_arn`;
//! - not met: `group = "all"`;
//! - unknown: the group is a value onus cannot resolve.
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_ami_launch_permission" "share" {
//!   image_id   = "ami-0123456789abcdef0"
//!   account_id = "111122223333"
//! }
//! ```
//! ```hcl fail
//! resource "aws_ami_launch_permission" "public" {
//!   image_id = "ami-0123456789abcdef0"
//!   group    = "all"
//! }
//! ```

use crate::check::{Judgement, get, judge, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ec2.ami-not-public",
    title: "AMIs are not shared with every AWS account",
    duty: Duty::AccessControl,
    severity: Severity::High,
    cfn_types: &[],
    tf_types: &["aws_ami_launch_permission"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_205", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let Some(group) = get(resource, "group") else {
        return Verdict::met(
            resource,
            resource.name_span,
            "",
            "the launch permission names an account or organisation, not everyone",
        );
    };
    let j = judge(group, &mut |n| match n.as_str() {
        Some(g) => Judgement::from_bool(
            !g.trim().eq_ignore_ascii_case("all"),
            n,
            || "group \"all\" makes the AMI public: any AWS account can launch it",
        ),
        None => Judgement::no(n, "group is not a string"),
    });
    verdict_of(
        resource,
        group,
        "group",
        j,
        "the launch permission is not public",
    )
}
