//! API Gateway REST stages read the same way from every form they take:
//! `AWS::ApiGateway::Stage`, the stage an `AWS::ApiGateway::Deployment`
//! creates with `StageName` (its `StageDescription`), Terraform
//! `aws_api_gateway_stage` and the `aws_api_gateway_method_settings` that
//! configure a stage's methods.

use crate::check::{get_in, items, spelling};
use crate::context::Context;
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Span};

/// Types that define a REST API stage.
pub const STAGE_CFN: &[&str] = &["AWS::ApiGateway::Stage", "AWS::ApiGateway::Deployment"];
pub const STAGE_TF: &[&str] = &["aws_api_gateway_stage"];

/// The node holding a stage's own settings and the prefix of their paths:
/// the properties of a stage, a deployment's `StageDescription`. A
/// deployment without `StageName` creates no stage: not applicable.
pub fn stage(resource: &Resource) -> Result<(&Node, &'static str), Verdict> {
    if resource.resource_type == "AWS::ApiGateway::Deployment" {
        if get_in(&resource.properties, "StageName").is_none() {
            return Err(Verdict::not_applicable(
                resource,
                "a deployment without StageName creates no stage",
            ));
        }
        return Ok(match get_in(&resource.properties, "StageDescription") {
            Some(d) => (d, "StageDescription."),
            None => (&resource.properties, "StageDescription."),
        });
    }
    Ok((&resource.properties, ""))
}

/// One method setting of a stage: where it is, the node holding its keys,
/// and whether it applies to every method of the stage (`*/*`).
pub struct MethodSetting<'a> {
    pub path: String,
    pub node: &'a Node,
    pub all_methods: bool,
    /// Declared by another resource (`aws_api_gateway_method_settings`):
    /// findings point at the stage, not into the other resource.
    pub external: bool,
}

impl MethodSetting<'_> {
    /// Where a finding about `node` (inside this setting) points on `resource`.
    pub fn span(&self, resource: &Resource, node: &Node) -> Span {
        if self.external {
            resource.name_span
        } else {
            node.span
        }
    }
}

/// The method settings that apply to a stage (or that an
/// `aws_api_gateway_method_settings` declares): CloudFormation
/// `MethodSettings` (and a deployment's stage-wide `StageDescription`
/// keys), Terraform `aws_api_gateway_method_settings` naming the stage.
pub fn method_settings<'a, 'w: 'a>(
    resource: &'a Resource,
    cx: &Context<'w>,
) -> Vec<MethodSetting<'a>> {
    let mut out = Vec::new();
    match resource.resource_type.as_str() {
        "aws_api_gateway_stage" => {
            for m in cx.linked(
                resource,
                &["aws_api_gateway_method_settings"],
                "stage_name",
                Some("stage_name"),
            ) {
                out.extend(tf_settings(m, true));
            }
        }
        "aws_api_gateway_method_settings" => out.extend(tf_settings(resource, false)),
        _ => {
            let Ok((stage, prefix)) = stage(resource) else {
                return out;
            };
            if resource.resource_type == "AWS::ApiGateway::Deployment" {
                out.push(MethodSetting {
                    path: "StageDescription".into(),
                    node: stage,
                    all_methods: true,
                    external: false,
                });
            }
            for (i, s) in items(get_in(stage, "MethodSettings"))
                .into_iter()
                .enumerate()
            {
                let all = |key: &str, want: &str| {
                    get_in(s, key)
                        .and_then(Node::as_str)
                        .is_none_or(|v| v.trim() == want)
                };
                out.push(MethodSetting {
                    path: format!("{prefix}MethodSettings[{i}]"),
                    node: s,
                    all_methods: all("HttpMethod", "*") && all("ResourcePath", "/*"),
                    external: false,
                });
            }
        }
    }
    out
}

fn tf_settings(m: &Resource, external: bool) -> Option<MethodSetting<'_>> {
    let node = get_in(&m.properties, "settings")?;
    let all_methods = get_in(&m.properties, "method_path")
        .and_then(Node::as_str)
        .is_some_and(|p| p.trim() == "*/*");
    Some(MethodSetting {
        path: if external {
            format!("{}.settings", m.id)
        } else {
            "settings".into()
        },
        node,
        all_methods,
        external,
    })
}

/// A method setting's key in the resource's spelling (`LoggingLevel`,
/// `logging_level`).
pub fn setting<'a>(
    resource: &Resource,
    s: &MethodSetting<'a>,
    cfn: &str,
    tf: &str,
) -> Option<&'a Node> {
    get_in(s.node, spelling(resource, cfn, tf))
}
