//! # redshiftserverless.require-ssl: Redshift Serverless workgroups require SSL connections
//!
//! ## Why this is your duty
//! Redshift Serverless is a container service: AWS presents a certificate,
//! but whether the workgroup refuses plaintext clients is its `require_ssl`
//! configuration parameter. Protecting data in transit is the customer's.
//!
//! ## What AWS already does
//! Accepts `require_ssl` among a workgroup's configuration parameters
//! (CloudFormation `ConfigParameter` reference), but neither that reference,
//! the `CreateWorkgroup` API reference nor the Redshift Management Guide
//! states what a workgroup that leaves it out gets. (The January 10, 2025
//! change that made `require_ssl` default to true is documented for the
//! provisioned clusters' `redshift-2.0` parameter groups only.)
//!
//! ## Verdicts
//! - met: `ConfigParameters` / `config_parameter` sets `require_ssl` true;
//! - not met: it sets `require_ssl` false, or a value that is not a
//!   boolean (invalid);
//! - unknown: `require_ssl` is not set (its default is undocumented), or a
//!   value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Workgroup:
//!     Type: AWS::RedshiftServerless::Workgroup
//!     Properties:
//!       WorkgroupName: analytics
//!       NamespaceName: analytics
//!       ConfigParameters:
//!         - ParameterKey: require_ssl
//!           ParameterValue: "true"
//! ```
//! ```yaml fail
//! Resources:
//!   Workgroup:
//!     Type: AWS::RedshiftServerless::Workgroup
//!     Properties:
//!       WorkgroupName: analytics
//!       NamespaceName: analytics
//!       ConfigParameters:
//!         - ParameterKey: require_ssl
//!           ParameterValue: "false"
//! ```
//! ```yaml unknown
//! Resources:
//!   Workgroup:
//!     Type: AWS::RedshiftServerless::Workgroup
//!     Properties:
//!       WorkgroupName: analytics
//!       NamespaceName: analytics
//! ```
//! ```hcl pass
//! resource "aws_redshiftserverless_workgroup" "analytics" {
//!   namespace_name = "analytics"
//!   workgroup_name = "analytics"
//!   config_parameter {
//!     parameter_key   = "require_ssl"
//!     parameter_value = "true"
//!   }
//! }
//! ```
//! ```hcl unknown
//! resource "aws_redshiftserverless_workgroup" "analytics" {
//!   namespace_name = "analytics"
//!   workgroup_name = "analytics"
//! }
//! ```
//! ```hcl fail
//! resource "aws_redshiftserverless_workgroup" "analytics" {
//!   namespace_name = "analytics"
//!   workgroup_name = "analytics"
//!   config_parameter {
//!     parameter_key   = "require_ssl"
//!     parameter_value = "false"
//!   }
//! }
//! ```

use crate::check::{
    Judgement, find_named, get_in, judge_bool, prop, undocumented_default, verdict_of,
};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "redshiftserverless.require-ssl",
    title: "Redshift Serverless workgroups require SSL connections",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: &["AWS::RedshiftServerless::Workgroup"],
    tf_types: &["aws_redshiftserverless_workgroup"],
    reads: &[],
    controls: Controls {
        fsbp: &["RedshiftServerless.2"],
        config: &["REDSHIFT_SERVERLESS_WORKGROUP_ENCRYPTED_IN_TRANSIT"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let (list, path) = prop(resource, "ConfigParameters", "config_parameter");
    let (key, value) = if resource.format.is_terraform() {
        ("parameter_key", "parameter_value")
    } else {
        ("ParameterKey", "ParameterValue")
    };
    let item = match find_named(list, key, "require_ssl") {
        Err((span, what)) => return Verdict::unknown(resource, span, path, what),
        Ok(None) => return undocumented_default(resource, path, "require_ssl"),
        Ok(Some((item, _))) => item,
    };
    let Some(node) = get_in(item, value) else {
        return undocumented_default(resource, path, "require_ssl");
    };
    let j = judge_bool(node, true, "require_ssl");
    let j = match j {
        Judgement::No(span, why) if why.ends_with("not a boolean") => {
            Judgement::No(span, format!("{why}, which is invalid"))
        }
        other => other,
    };
    verdict_of(resource, node, path, j, "require_ssl is true")
}
