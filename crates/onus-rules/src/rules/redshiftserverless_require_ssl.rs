//! # redshiftserverless.require-ssl: Redshift Serverless workgroups require SSL connections
//!
//! ## Why this is your duty
//! Redshift Serverless is a container service: AWS presents a certificate,
//! but whether the workgroup refuses plaintext clients is its `require_ssl`
//! configuration parameter. Protecting data in transit is the customer's.
//!
//! ## What AWS already does
//! Requires SSL on workgroups that leave `require_ssl` unset (the default
//! has been true since the secure-by-default change of January 2025); the
//! parameter can still be set to false.
//!
//! ## Verdicts
//! - met: `ConfigParameters` / `config_parameter` leaves `require_ssl` unset
//!   or sets it true;
//! - not met: it sets `require_ssl` false;
//! - unknown: a value onus cannot resolve.
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
//! ```hcl pass
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

use crate::check::{Judgement, get_in, items, judge, prop, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Node;
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
    let setting = items(list).into_iter().find(|p| {
        get_in(p, key)
            .and_then(Node::as_str)
            .is_some_and(|k| k.eq_ignore_ascii_case("require_ssl"))
    });
    let Some(node) = setting.and_then(|p| get_in(p, value)) else {
        return Verdict::met_by_default(
            resource,
            path,
            "require_ssl is not set: SSL is required by default",
        );
    };
    let j = judge(node, &mut |n| {
        Judgement::from_bool(n.as_bool() != Some(false), n, || {
            "require_ssl is false".to_owned()
        })
    });
    verdict_of(resource, node, path, j, "require_ssl is true")
}
