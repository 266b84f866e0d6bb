//! ECS task definitions: their container definitions, read the same way from
//! CloudFormation (`ContainerDefinitions`, a list of maps with PascalCase
//! keys) and Terraform (`container_definitions`, a JSON string with camelCase
//! keys, usually from `jsonencode`).

use crate::check::{Judgement, get, items_cond, spelling};
use crate::policy::json_to_node;
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Value};

/// One container definition of a task definition.
pub struct Container {
    pub node: Node,
    /// `ContainerDefinitions[0]`.
    pub path: String,
    /// The container's name, for messages.
    pub name: String,
    /// The container exists only under a condition.
    #[allow(dead_code, reason = "no rule treats conditional containers apart yet")]
    pub conditional: bool,
}

/// The container definitions of a task definition, or the verdict when they
/// cannot be read (unresolved, invalid JSON).
pub fn containers(resource: &Resource) -> Result<Vec<Container>, Verdict> {
    let tf = resource.format.is_terraform();
    let key = spelling(resource, "ContainerDefinitions", "container_definitions");
    let Some(node) = get(resource, key) else {
        return Ok(Vec::new());
    };
    let parsed;
    let list = if tf {
        match &node.value {
            Value::String(text) => match serde_json::from_str::<serde_json::Value>(text) {
                Ok(json) => {
                    parsed = json_to_node(&json, node.span);
                    &parsed
                }
                Err(e) => {
                    return Err(Verdict::unknown(
                        resource,
                        node.span,
                        key,
                        format!("container_definitions is not valid JSON: {e}"),
                    ));
                }
            },
            Value::Unknown(what) => {
                return Err(Verdict::unknown(resource, node.span, key, what.clone()));
            }
            _ => {
                return Err(Verdict::unknown(
                    resource,
                    node.span,
                    key,
                    "container_definitions that is not a static JSON document",
                ));
            }
        }
    } else {
        if let Value::Unknown(what) = &node.value {
            return Err(Verdict::unknown(resource, node.span, key, what.clone()));
        }
        node
    };
    let name_key = if tf { "name" } else { "Name" };
    Ok(items_cond(Some(list))
        .into_iter()
        .enumerate()
        .map(|(i, (n, conditional))| Container {
            node: n.clone(),
            path: format!("{key}[{i}]"),
            name: n
                .get(name_key)
                .and_then(Node::scalar_text)
                .unwrap_or_else(|| format!("#{i}")),
            conditional,
        })
        .collect())
}

/// The key of a container field in this resource's spelling: `Privileged` or
/// `privileged`.
pub fn field(resource: &Resource, cfn: &'static str) -> String {
    if resource.format.is_terraform() {
        let mut chars = cfn.chars();
        match chars.next() {
            Some(c) => c.to_ascii_lowercase().to_string() + chars.as_str(),
            None => String::new(),
        }
    } else {
        cfn.to_owned()
    }
}

/// Judges every container with `judge_one`; the first container that fails
/// decides, then the first unknown. `met` is the message when all pass.
pub fn every_container(
    resource: &Resource,
    judge_one: &mut dyn FnMut(&Container) -> Judgement,
    met: &'static str,
) -> Verdict {
    let key = spelling(resource, "ContainerDefinitions", "container_definitions");
    let containers = match containers(resource) {
        Ok(c) => c,
        Err(v) => return v,
    };
    if containers.is_empty() {
        return Verdict::not_applicable(
            resource,
            "the task definition has no container definitions",
        );
    }
    let mut unknown = None;
    for c in &containers {
        match judge_one(c) {
            Judgement::Yes => {}
            Judgement::No(span, why) => {
                return Verdict::not_met(
                    resource,
                    span,
                    &c.path,
                    format!("container {}: {why}", c.name),
                );
            }
            Judgement::Unknown(span, what) => {
                unknown.get_or_insert(Verdict::unknown(resource, span, &c.path, what));
            }
        }
    }
    unknown.unwrap_or_else(|| {
        let span = get(resource, key)
            .map(|n| n.span)
            .unwrap_or(resource.name_span);
        Verdict::met(resource, span, key, met)
    })
}

/// The task definition's CloudFormation types and Terraform types.
pub const TASK_CFN: &[&str] = &["AWS::ECS::TaskDefinition"];
pub const TASK_TF: &[&str] = &["aws_ecs_task_definition"];

/// The operating system a task definition runs.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Os {
    Linux,
    Windows,
    /// `RuntimePlatform.OperatingSystemFamily` is not static.
    NotStatic,
}

/// The task definition's operating system family: Windows when
/// `RuntimePlatform.OperatingSystemFamily` (`runtime_platform {
/// operating_system_family }`) names a Windows Server family, Linux when it
/// is absent or names Linux.
pub fn os(task: &Resource) -> Os {
    let key = spelling(
        task,
        "RuntimePlatform.OperatingSystemFamily",
        "runtime_platform.operating_system_family",
    );
    match get(task, key).map(Node::scalar_text) {
        None => Os::Linux,
        Some(Some(f)) if f.to_ascii_uppercase().starts_with("WINDOWS") => Os::Windows,
        Some(Some(_)) => Os::Linux,
        Some(None) => Os::NotStatic,
    }
}
