//! # ec2.ami-owner-pinned: AMIs looked up by name come from an owner you trust
//!
//! ## Why this is your duty
//! EC2 is an infrastructure service: the guest operating system is yours,
//! starting with the image it boots from. A Terraform `aws_ami` data source
//! that searches by name (`filter { name = "name" }`, `name_regex`) without
//! naming the image's owner picks the newest image anyone has made public
//! under a matching name: an attacker who publishes one in your Region
//! chooses your operating system (the "whoAMI" name-confusion attack,
//! disclosed in February 2025).
//!
//! ## What AWS already does
//! Lets every account publish public AMIs under any name. Since December 2024
//! an account can turn on Allowed AMIs, an account-level setting outside
//! this code that limits which owners' images may be launched.
//!
//! ## Verdicts
//! Judged on `aws_instance` and `aws_spot_instance_request` (`ami`),
//! `aws_launch_template` and `aws_launch_configuration` (`image_id`) whose
//! image comes from an `aws_ami` data source in the same module:
//! - met: the lookup names `owners`, or filters on `owner-id`,
//!   `owner-alias` or `image-id`;
//! - not met: it names none of them, so any account's public image can
//!   match;
//! - not applicable: the image is not such a lookup (a fixed image id, a
//!   variable, an SSM public parameter); CloudFormation has no lookup by
//!   name (a CDK lookup is resolved at synth time into a fixed id);
//! - unknown: the owners come from a variable onus cannot resolve.
//!
//! ## Examples
//! ```hcl aws_instance.web=met
//! data "aws_ami" "ubuntu" {
//!   most_recent = true
//!   owners      = ["099720109477"]
//!   filter {
//!     name   = "name"
//!     values = ["ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*"]
//!   }
//! }
//! resource "aws_instance" "web" {
//!   ami           = data.aws_ami.ubuntu.id
//!   instance_type = "t3.micro"
//! }
//! ```
//! ```hcl aws_instance.web=not-met
//! data "aws_ami" "ubuntu" {
//!   most_recent = true
//!   filter {
//!     name   = "name"
//!     values = ["ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*"]
//!   }
//! }
//! resource "aws_instance" "web" {
//!   ami           = data.aws_ami.ubuntu.id
//!   instance_type = "t3.micro"
//! }
//! ```
//! ```hcl aws_launch_template.web=not-applicable
//! resource "aws_launch_template" "web" {
//!   image_id      = "ami-0123456789abcdef0"
//!   instance_type = "t3.micro"
//! }
//! ```

use crate::check::{Judgement, get, get_in, is_empty, items, judge};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ec2.ami-owner-pinned",
    title: "AMIs looked up by name come from a named owner",
    duty: Duty::OsPatching,
    severity: Severity::Medium,
    cfn_types: &[],
    tf_types: &[
        "aws_instance",
        "aws_launch_configuration",
        "aws_launch_template",
        "aws_spot_instance_request",
    ],
    reads: &["aws_ami"],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_386", Same)],
    check,
    file: file!(),
};

/// `aws_ami` filters that pin the image to an owner or to one image.
const PINNING_FILTERS: &[&str] = &["owner-id", "owner-alias", "image-id"];

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let attr = match resource.resource_type.as_str() {
        "aws_instance" | "aws_spot_instance_request" => "ami",
        _ => "image_id",
    };
    let lookup = get(resource, attr)
        .and_then(|node| cx.resolve(resource, node))
        .filter(|r| r.is_data && r.resource_type == "aws_ami");
    let Some(lookup) = lookup else {
        return Verdict::not_applicable(
            resource,
            format!("{attr} does not come from an aws_ami lookup in this module"),
        );
    };
    if let Some(owners) = get(lookup, "owners") {
        let j = judge(owners, &mut |n: &Node| {
            Judgement::from_bool(!is_empty(n), n, || "owners is empty".to_owned())
        });
        return match j {
            Judgement::Yes => Verdict::met(
                lookup,
                owners.span,
                "owners",
                format!(
                    "the image of {} is looked up among named owners only",
                    lookup.id
                ),
            ),
            Judgement::No(span, why) => not_met(lookup, span, &why),
            Judgement::Unknown(span, what) => Verdict::unknown(lookup, span, "owners", what),
        };
    }
    for filter in items(get(lookup, "filter")) {
        let name = get_in(filter, "name").and_then(Node::scalar_text);
        if let Some(name) = name.filter(|n| PINNING_FILTERS.contains(&n.as_str())) {
            return Verdict::met(
                lookup,
                filter.span,
                "filter",
                format!("the lookup {} filters on {name}", lookup.id),
            );
        }
        if let Value::Unknown(what) = &filter.value {
            return Verdict::unknown(lookup, filter.span, "filter", what.clone());
        }
    }
    not_met(lookup, lookup.name_span, "owners is not set")
}

fn not_met(lookup: &Resource, span: onus_ingest::Span, why: &str) -> Verdict {
    let searched = if get(lookup, "name_regex").is_some()
        || items(get(lookup, "filter"))
            .iter()
            .any(|f| get_in(f, "name").and_then(Node::as_str) == Some("name"))
    {
        "by name"
    } else {
        "by its filters"
    };
    Verdict::not_met(
        lookup,
        span,
        "owners",
        format!(
            "{why}: {} picks an image {searched} among every account's public AMIs, so an image anyone publishes can be chosen",
            lookup.id
        ),
    )
}
