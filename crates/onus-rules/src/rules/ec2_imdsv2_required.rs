//! # ec2.imdsv2-required: instances require IMDSv2 session tokens
//!
//! ## Why this is your duty
//! EC2 is an infrastructure service: the instance, its role credentials and
//! the software on it are yours. With IMDSv1 allowed, any server-side request
//! forgery in an application on the instance can read the instance role's
//! credentials from `169.254.169.254`; IMDSv2's session tokens (a `PUT` first,
//! hop limit 1) block that path.
//!
//! ## What AWS already does
//! Runs the metadata service and supports IMDSv2 on every current instance.
//! Whether v1 stays allowed is your launch setting. When the launch sets no
//! `HttpTokens`, the `RunInstances` reference gives `required` for an AMI
//! registered with `ImdsSupport: v2.0` (such as Amazon Linux 2023) and the
//! account's Region-level default otherwise, `optional` when neither says
//! anything.
//!
//! ## Verdicts
//! Reads `MetadataOptions.HttpTokens` of `AWS::EC2::LaunchTemplate`
//! (`LaunchTemplateData.MetadataOptions`) and
//! `AWS::AutoScaling::LaunchConfiguration`, and `metadata_options { http_tokens }`
//! of Terraform `aws_instance`, `aws_launch_template` and
//! `aws_launch_configuration`. `AWS::EC2::Instance` has no metadata options in
//! CloudFormation: an instance is judged by the launch template it names
//! (`LaunchTemplate.LaunchTemplateId` / `LaunchTemplateName`), as is a
//! Terraform instance without its own `metadata_options`.
//! - met: `required`, or `HttpEndpoint` / `http_endpoint` `disabled` (no
//!   metadata service at all), or a Terraform
//!   `aws_ec2_instance_metadata_defaults` with `http_tokens = "required"` for
//!   the same Region;
//! - not met: `optional`;
//! - unknown: not set (or a CloudFormation instance without a launch
//!   template): the default depends on the AMI's `ImdsSupport`, which is not
//!   in the code; or the value, or the instance's launch template, is
//!   unresolved. Set `required` explicitly.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Template:
//!     Type: AWS::EC2::LaunchTemplate
//!     Properties:
//!       LaunchTemplateData:
//!         ImageId: ami-0123456789abcdef0
//!         MetadataOptions:
//!           HttpTokens: required
//!   Web:
//!     Type: AWS::EC2::Instance
//!     Properties:
//!       LaunchTemplate:
//!         LaunchTemplateId: !Ref Template
//!         Version: !GetAtt Template.LatestVersionNumber
//! ```
//! ```yaml unknown
//! Resources:
//!   Web:
//!     Type: AWS::EC2::Instance
//!     Properties:
//!       ImageId: ami-0123456789abcdef0
//!       InstanceType: t3.micro
//! ```
//! ```yaml fail
//! Resources:
//!   Template:
//!     Type: AWS::EC2::LaunchTemplate
//!     Properties:
//!       LaunchTemplateData:
//!         ImageId: ami-0123456789abcdef0
//!         MetadataOptions:
//!           HttpTokens: optional
//! ```
//! ```yaml unknown
//! Parameters:
//!   TemplateId:
//!     Type: String
//! Resources:
//!   Web:
//!     Type: AWS::EC2::Instance
//!     Properties:
//!       LaunchTemplate:
//!         LaunchTemplateId: !Ref TemplateId
//!         Version: "1"
//! ```
//! ```hcl pass
//! resource "aws_instance" "web" {
//!   ami           = "ami-0123456789abcdef0"
//!   instance_type = "t3.micro"
//!   metadata_options {
//!     http_tokens = "required"
//!   }
//! }
//! ```
//! ```hcl unknown
//! resource "aws_instance" "web" {
//!   ami           = "ami-0123456789abcdef0"
//!   instance_type = "t3.micro"
//! }
//! ```
//! ```hcl fail
//! resource "aws_instance" "web" {
//!   ami           = "ami-0123456789abcdef0"
//!   instance_type = "t3.micro"
//!   metadata_options {
//!     http_tokens = "optional"
//!   }
//! }
//! ```
//! ```hcl aws_launch_template.web=met aws_instance.web=met
//! resource "aws_launch_template" "web" {
//!   image_id = "ami-0123456789abcdef0"
//!   metadata_options {
//!     http_endpoint = "enabled"
//!     http_tokens   = "required"
//!   }
//! }
//! resource "aws_instance" "web" {
//!   launch_template {
//!     id = aws_launch_template.web.id
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_launch_template" "web" {
//!   image_id = "ami-0123456789abcdef0"
//!   metadata_options {
//!     http_tokens = "optional"
//!   }
//! }
//! ```

use crate::check::{Judgement, get_in, judge, verdict_of};
use crate::context::Context;
use crate::instance::{
    LAUNCH_CFN, LAUNCH_TF, data_prefix, from_template, launch_data, same_region,
};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ec2.imdsv2-required",
    title: "Instances require IMDSv2 (HttpTokens required)",
    duty: Duty::AccessControl,
    severity: Severity::High,
    cfn_types: LAUNCH_CFN,
    tf_types: LAUNCH_TF,
    reads: &["aws_ec2_instance_metadata_defaults"],
    controls: Controls {
        fsbp: &["EC2.8", "EC2.170", "AutoScaling.3"],
        config: &[
            "EC2_IMDSV2_CHECK",
            "AUTOSCALING_LAUNCHCONFIG_REQUIRES_IMDSV2",
        ],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_79", Same),
        trivy("AVD-AWS-0028", Same),
        trivy("AVD-AWS-0130", Same),
        guard("EC2_IMDSV2_CHECK", Same),
    ],
    check,
    file: file!(),
};

/// The judgement of one resource's own metadata options, `None` when it sets none.
fn own(resource: &Resource) -> Option<Verdict> {
    let data = launch_data(resource)?;
    let tf = resource.format.is_terraform();
    let (block, tokens_key, endpoint_key) = if tf {
        ("metadata_options", "http_tokens", "http_endpoint")
    } else {
        ("MetadataOptions", "HttpTokens", "HttpEndpoint")
    };
    let options = get_in(data, block)?;
    let prefix = format!("{}{block}", data_prefix(resource));
    if let Some(endpoint) = get_in(options, endpoint_key)
        && endpoint
            .as_str()
            .is_some_and(|e| e.eq_ignore_ascii_case("disabled"))
    {
        return Some(Verdict::met(
            resource,
            endpoint.span,
            &format!("{prefix}.{endpoint_key}"),
            "the instance metadata service is disabled",
        ));
    }
    let path = format!("{prefix}.{tokens_key}");
    Some(match get_in(options, tokens_key) {
        None => Verdict::missing(
            resource,
            &path,
            format!("{path} is not set and defaults to optional: IMDSv1 stays available"),
        ),
        Some(tokens) => judge_tokens(resource, tokens, &path),
    })
}

fn judge_tokens(resource: &Resource, tokens: &Node, path: &str) -> Verdict {
    let j = judge(tokens, &mut |n| match n.as_str() {
        Some(t) => Judgement::from_bool(t.eq_ignore_ascii_case("required"), n, || {
            format!("{path} is {t:?}: IMDSv1 stays available")
        }),
        None => Judgement::no(n, format!("{path} is not a string")),
    });
    verdict_of(resource, tokens, path, j, "IMDSv2 is required")
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
            same_region(r, resource)
                && get_in(&r.properties, "http_tokens")
                    .and_then(Node::as_str)
                    .is_some_and(|t| t.eq_ignore_ascii_case("required"))
        })
    {
        return Verdict::met_by_default(
            resource,
            "",
            format!(
                "{} makes IMDSv2 required by default in this Region",
                defaults.id
            ),
        );
    }
    if resource.resource_type == "AWS::EC2::Instance" {
        return Verdict::unknown(
            resource,
            resource.name_span,
            "LaunchTemplate",
            "HttpTokens, which AWS::EC2::Instance cannot set in CloudFormation without a launch template: the default depends on the AMI's ImdsSupport",
        );
    }
    let (block, key) = if resource.format.is_terraform() {
        ("metadata_options", "http_tokens")
    } else {
        ("MetadataOptions", "HttpTokens")
    };
    let path = format!("{}{block}.{key}", data_prefix(resource));
    Verdict::unknown(
        resource,
        resource.name_span,
        &path,
        format!(
            "{path}, which is not set: the default is required for an AMI with ImdsSupport v2.0, optional otherwise"
        ),
    )
}
