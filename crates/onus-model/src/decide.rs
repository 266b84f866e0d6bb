//! Services whose category depends on a resource's type or properties
//! (ECS launch type, Lambda package type, ...). Each rule reads the resource
//! through [`Properties`], so the model needs nothing from the ingest layer.

use crate::catalog::Service;
use crate::category::Category;
use serde::Serialize;

/// What a property path holds, as far as a category rule needs to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Probe {
    /// Not set at all.
    Absent,
    /// Set, but its value cannot be resolved statically; the text says why.
    Unknown(String),
    /// A string, number or boolean, as text (`"FARGATE"`, `"true"`).
    Text(String),
    /// Set to a map, a list or a reference.
    Present,
}

/// Read access to a resource's properties. Paths are property names from the
/// resource's own format (`LaunchType` in CloudFormation, `launch_type` in
/// Terraform); a list with one element is looked through.
pub trait Properties {
    fn probe(&self, path: &[&str]) -> Probe;
}

/// No properties at all (e.g. `onus explain` of a bare type).
pub struct NoProperties;

impl Properties for NoProperties {
    fn probe(&self, _path: &[&str]) -> Probe {
        Probe::Absent
    }
}

/// The effective category of one resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryDecision {
    /// `None` when the deciding value could not be resolved: never guessed.
    pub category: Option<Category>,
    /// Why, in one line.
    pub reason: String,
}

impl CategoryDecision {
    pub fn fixed(category: Category, reason: impl Into<String>) -> Self {
        CategoryDecision {
            category: Some(category),
            reason: reason.into(),
        }
    }

    pub fn unknown(reason: impl Into<String>) -> Self {
        CategoryDecision {
            category: None,
            reason: reason.into(),
        }
    }
}

/// A service-specific rule: its doc and its decision function.
pub(crate) struct CategoryRule {
    /// The service key (first alias) it belongs to.
    pub service: &'static str,
    pub doc: &'static str,
    pub decide: fn(&Service, &str, &dyn Properties) -> CategoryDecision,
}

pub(crate) fn has_rule(service_key: &str) -> bool {
    RULES.iter().any(|r| r.service == service_key)
}

pub(crate) fn rule_doc(service_key: &str) -> Option<&'static str> {
    RULES
        .iter()
        .find(|r| r.service == service_key)
        .map(|r| r.doc)
}

pub(crate) fn decide(
    service: &Service,
    resource_type: &str,
    props: &dyn Properties,
) -> CategoryDecision {
    match RULES.iter().find(|r| r.service == service.key()) {
        Some(rule) => (rule.decide)(service, resource_type, props),
        None => CategoryDecision::fixed(service.category, service.rationale.clone()),
    }
}

fn is_cfn(resource_type: &str) -> bool {
    resource_type.starts_with("AWS::")
}

/// Picks the CloudFormation or Terraform spelling of a path.
fn probe_either(resource_type: &str, props: &dyn Properties, cfn: &[&str], tf: &[&str]) -> Probe {
    if is_cfn(resource_type) {
        props.probe(cfn)
    } else {
        props.probe(tf)
    }
}

pub(crate) static RULES: &[CategoryRule] = &[CategoryRule {
    service: "ecs",
    doc: "ECS services and task definitions follow their launch type: EC2 or EXTERNAL capacity is infrastructure (you patch the container instances), FARGATE and MANAGED_INSTANCES are container (AWS patches the hosts). With no launch type and no capacity provider strategy ECS uses EC2. Clusters and other ECS types stay container: AWS runs the control plane.",
    decide: decide_ecs,
}];

fn decide_ecs(service: &Service, resource_type: &str, props: &dyn Properties) -> CategoryDecision {
    let launch_type = match resource_type {
        "AWS::ECS::Service" | "aws_ecs_service" => {
            probe_either(resource_type, props, &["LaunchType"], &["launch_type"])
        }
        "AWS::ECS::TaskDefinition" | "aws_ecs_task_definition" => probe_either(
            resource_type,
            props,
            &["RequiresCompatibilities"],
            &["requires_compatibilities"],
        ),
        _ => return CategoryDecision::fixed(service.category, "AWS runs the ECS control plane."),
    };
    match launch_type {
        Probe::Text(t) => launch_category(&t),
        Probe::Unknown(why) => CategoryDecision::unknown(format!("launch type is unknown: {why}")),
        Probe::Present => CategoryDecision::unknown(
            "launch type is given as a list or reference that cannot be read statically",
        ),
        Probe::Absent => {
            let strategy = probe_either(
                resource_type,
                props,
                &["CapacityProviderStrategy"],
                &["capacity_provider_strategy"],
            );
            match strategy {
                Probe::Absent => CategoryDecision::fixed(
                    Category::Infrastructure,
                    "no launch type or capacity provider strategy: ECS defaults to EC2, whose container instances you patch",
                ),
                _ => CategoryDecision::unknown(
                    "placement comes from a capacity provider strategy; the provider's kind decides the category",
                ),
            }
        }
    }
}

fn launch_category(launch_type: &str) -> CategoryDecision {
    match launch_type.to_ascii_uppercase().as_str() {
        "FARGATE" => CategoryDecision::fixed(
            Category::Container,
            "launch type FARGATE: AWS runs and patches the hosts",
        ),
        "MANAGED_INSTANCES" => CategoryDecision::fixed(
            Category::Container,
            "launch type MANAGED_INSTANCES: AWS patches the EC2 instances",
        ),
        "EC2" => CategoryDecision::fixed(
            Category::Infrastructure,
            "launch type EC2: you patch the container instances and the agent",
        ),
        "EXTERNAL" => CategoryDecision::fixed(
            Category::Infrastructure,
            "launch type EXTERNAL (ECS Anywhere): your own hardware and OS",
        ),
        other => CategoryDecision::unknown(format!("unrecognised launch type {other:?}")),
    }
}
