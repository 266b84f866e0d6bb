//! # ec2.imds-hop-limit: instance metadata responses do not travel beyond the instance
//!
//! ## Why this is your duty
//! EC2 is an infrastructure service: which processes on an instance may use
//! its IAM role is yours to control. The hop limit of IMDSv2 token responses
//! decides whether containers on the host (one network hop further) can get
//! a token and read the instance role's credentials. With a limit of 1 only
//! the host can; containers use their own task or pod roles.
//!
//! ## What AWS already does
//! Sets the hop limit to 1 when the launch does not choose one, except for
//! instances launched from an AMI registered with `ImdsSupport: v2.0` (such
//! as Amazon Linux 2023), which get 2. An account-level default
//! (`aws_ec2_instance_metadata_defaults`) can change both.
//!
//! ## Verdicts
//! Reads the metadata options of `AWS::EC2::LaunchTemplate`
//! (`LaunchTemplateData.MetadataOptions.HttpPutResponseHopLimit`),
//! `AWS::AutoScaling::LaunchConfiguration` (`MetadataOptions`), and
//! Terraform `aws_instance`, `aws_launch_template`, `aws_launch_configuration`
//! (`metadata_options { http_put_response_hop_limit }`); an instance without
//! options of its own is judged by its launch template when it is in the
//! scanned code.
//! - met: the hop limit is 1, or the metadata endpoint is `disabled`;
//! - not met: a hop limit above 1;
//! - unknown: no hop limit is set (it then depends on the AMI), or a value
//!   onus cannot resolve. An `aws_ec2_instance_metadata_defaults` of the same
//!   Region with a hop limit decides instead when the launch sets none.
//!
//! Set the hop limit to 1 explicitly; give containers their own roles (ECS
//! task roles, EKS Pod Identity or IRSA).
//!
//! A value AWS rejects (a hop limit outside 1 to 64) is not met and said to be
//! invalid.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Template:
//!     Type: AWS::EC2::LaunchTemplate
//!     Properties:
//!       LaunchTemplateData:
//!         MetadataOptions:
//!           HttpTokens: required
//!           HttpPutResponseHopLimit: 1
//! ```
//! ```yaml fail
//! Resources:
//!   Template:
//!     Type: AWS::EC2::LaunchTemplate
//!     Properties:
//!       LaunchTemplateData:
//!         MetadataOptions:
//!           HttpTokens: required
//!           HttpPutResponseHopLimit: 2
//! ```
//! ```yaml unknown
//! Resources:
//!   Template:
//!     Type: AWS::EC2::LaunchTemplate
//!     Properties:
//!       LaunchTemplateData:
//!         ImageId: ami-0123456789abcdef0
//! ```
//! ```hcl pass
//! resource "aws_instance" "web" {
//!   ami           = "ami-0123456789abcdef0"
//!   instance_type = "t3.micro"
//!   metadata_options {
//!     http_tokens                 = "required"
//!     http_put_response_hop_limit = 1
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_launch_template" "nodes" {
//!   metadata_options {
//!     http_tokens                 = "required"
//!     http_put_response_hop_limit = 3
//!   }
//! }
//! ```

use crate::check::{get_in, require_number_in, spelling};
use crate::context::Context;
use crate::instance::{LAUNCH_TF, data_prefix, from_template, image_of, launch_data, same_region};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ec2.imds-hop-limit",
    title: "Instance metadata token responses stay on the instance (hop limit 1)",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &[
        "AWS::EC2::LaunchTemplate",
        "AWS::AutoScaling::LaunchConfiguration",
    ],
    tf_types: LAUNCH_TF,
    reads: &["aws_ec2_instance_metadata_defaults"],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_341", Same)],
    check,
    file: file!(),
};

/// The launch's own judgement, `None` when it sets no hop limit.
fn own(resource: &Resource) -> Option<Verdict> {
    let data = launch_data(resource)?;
    let (block, limit, endpoint) = if resource.format.is_terraform() {
        (
            "metadata_options",
            "http_put_response_hop_limit",
            "http_endpoint",
        )
    } else {
        ("MetadataOptions", "HttpPutResponseHopLimit", "HttpEndpoint")
    };
    let options = get_in(data, block)?;
    let prefix = format!("{}{block}", data_prefix(resource));
    if let Some(e) = get_in(options, endpoint)
        && e.as_str()
            .is_some_and(|e| e.eq_ignore_ascii_case("disabled"))
    {
        return Some(Verdict::met(
            resource,
            e.span,
            &format!("{prefix}.{endpoint}"),
            "the instance metadata service is disabled",
        ));
    }
    get_in(options, limit)?;
    let path = format!("{prefix}.{limit}");
    Some(require_number_in(
        resource,
        &path,
        &path,
        &[(1.0, 64.0)],
        None,
        |n| n <= 1.0,
        "a hop limit of 1 keeps containers on the host from fetching the instance role's credentials",
    ))
}

fn check(resource: &Resource, cx: &Context) -> Verdict {
    if let Some(v) = own(resource) {
        return v;
    }
    if let Some(v) = from_template(resource, cx, own, "the metadata options") {
        return v;
    }
    if let Some(defaults) = cx
        .of_type(&["aws_ec2_instance_metadata_defaults"])
        .find(|r| {
            same_region(r, resource) && r.properties.get("http_put_response_hop_limit").is_some()
        })
    {
        let limit = defaults
            .properties
            .get("http_put_response_hop_limit")
            .and_then(|n| n.as_f64());
        return match limit {
            Some(l) if l > 1.0 => Verdict::missing(
                resource,
                "",
                format!("{} sets the Region's default hop limit to {l}", defaults.id),
            ),
            Some(l) if l >= 1.0 => Verdict::met_by_default(
                resource,
                "",
                format!("{} sets the Region's default hop limit to 1", defaults.id),
            ),
            _ => Verdict::unknown(
                resource,
                resource.name_span,
                "",
                format!(
                    "the hop limit {} sets (-1 leaves it to the AMI)",
                    defaults.id
                ),
            ),
        };
    }
    let path = format!(
        "{}{}",
        data_prefix(resource),
        spelling(
            resource,
            "MetadataOptions.HttpPutResponseHopLimit",
            "metadata_options.http_put_response_hop_limit"
        )
    );
    Verdict::unknown(
        resource,
        resource.name_span,
        &path,
        format!(
            "the hop limit, which is not set: 1 by default, 2 if {} is registered with ImdsSupport v2.0",
            image_of(resource)
        ),
    )
}
