//! Elastic Load Balancing (v2) settings read the same way from CloudFormation
//! and Terraform: the load balancer a listener belongs to, its type, its
//! attributes (`LoadBalancerAttributes` key/value pairs in CloudFormation,
//! typed arguments in Terraform) and a listener's effective protocol.

pub use crate::check::require_true;
use crate::check::{get_in, items_cond, spelling};
use crate::context::Context;
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Span, Value};

pub const LB_CFN: &[&str] = &["AWS::ElasticLoadBalancingV2::LoadBalancer"];
pub const LB_TF: &[&str] = &["aws_lb", "aws_alb"];
pub const LISTENER_CFN: &[&str] = &["AWS::ElasticLoadBalancingV2::Listener"];
pub const LISTENER_TF: &[&str] = &["aws_lb_listener", "aws_alb_listener"];

/// A load balancer's type: `application` (the default), `network` or `gateway`.
pub fn lb_type(lb: &Resource) -> Result<String, (Span, String)> {
    let key = spelling(lb, "Type", "load_balancer_type");
    match get_in(&lb.properties, key) {
        None => Ok("application".into()),
        Some(node) => match (&node.value, node.as_str()) {
            (_, Some(t)) => Ok(t.trim().to_ascii_lowercase()),
            (Value::Unknown(what), _) => Err((node.span, what.clone())),
            _ => Err((node.span, format!("{key}, which is not static"))),
        },
    }
}

/// The load balancer a listener (or listener rule's listener) belongs to.
pub fn listener_lb<'w>(listener: &Resource, cx: &Context<'w>) -> Option<&'w Resource> {
    let key = spelling(listener, "LoadBalancerArn", "load_balancer_arn");
    get_in(&listener.properties, key).and_then(|n| cx.resolve(listener, n))
}

/// A CloudFormation `LoadBalancerAttributes` entry, looked up by key.
pub enum Attribute<'a> {
    Absent,
    Value(&'a Node),
    /// The entry exists only under a condition (its key node).
    Conditional(&'a Node),
    /// An entry's key (or the whole list) is not static.
    Unknown(Span, String),
}

pub fn cfn_attribute<'a>(lb: &'a Resource, key: &str) -> Attribute<'a> {
    let Some(list) = get_in(&lb.properties, "LoadBalancerAttributes") else {
        return Attribute::Absent;
    };
    if let Value::Unknown(what) = &list.value {
        return Attribute::Unknown(list.span, what.clone());
    }
    for (item, conditional) in items_cond(Some(list)) {
        match get_in(item, "Key") {
            Some(k) if k.as_str() == Some(key) && conditional => return Attribute::Conditional(k),
            Some(k) if k.as_str() == Some(key) => {
                return get_in(item, "Value").map_or(Attribute::Absent, Attribute::Value);
            }
            Some(k) if k.as_str().is_none() => {
                return Attribute::Unknown(
                    k.span,
                    format!("an attribute key that is not static (could be {key})"),
                );
            }
            _ => {}
        }
    }
    Attribute::Absent
}

/// A load balancer attribute that must be true: CloudFormation `key` in
/// `LoadBalancerAttributes`, Terraform `tf_path`. Absent is false.
pub fn require_attribute_true(
    resource: &Resource,
    key: &str,
    tf_path: &str,
    what: &str,
) -> Verdict {
    if resource.format.is_terraform() {
        return require_true(
            resource,
            get_in(&resource.properties, tf_path),
            tf_path,
            what,
        );
    }
    let path = format!("LoadBalancerAttributes[{key}]");
    match cfn_attribute(resource, key) {
        Attribute::Absent => require_true(resource, None, &path, what),
        Attribute::Value(node) => require_true(resource, Some(node), &path, what),
        Attribute::Conditional(node) => Verdict::not_met(
            resource,
            node.span,
            &path,
            format!("{path} is set only under a condition: when it is false, {what} is off"),
        ),
        Attribute::Unknown(span, unresolved) => Verdict::unknown(resource, span, &path, unresolved),
    }
}

/// The effective protocol of a listener, upper case. Absent means HTTP on an
/// application load balancer (Terraform's documented default) and no
/// protocol on a gateway load balancer (`Ok(None)`).
pub fn listener_protocol(listener: &Resource, cx: &Context) -> Result<Option<String>, Verdict> {
    let key = spelling(listener, "Protocol", "protocol");
    match get_in(&listener.properties, key) {
        Some(node) => match (&node.value, node.as_str()) {
            (_, Some(p)) => Ok(Some(p.trim().to_ascii_uppercase())),
            (Value::Unknown(what), _) => {
                Err(Verdict::unknown(listener, node.span, key, what.clone()))
            }
            _ => Err(Verdict::unknown(
                listener,
                node.span,
                key,
                format!("{key}, which depends on a condition"),
            )),
        },
        None => match listener_lb(listener, cx).map(lb_type) {
            Some(Ok(t)) if t == "gateway" => Ok(None),
            Some(Ok(t)) if t == "application" => Ok(Some("HTTP".into())),
            Some(Ok(t)) => Err(Verdict::unknown(
                listener,
                listener.name_span,
                key,
                format!("the protocol of a {t} load balancer listener that sets none"),
            )),
            Some(Err((span, what))) => Err(Verdict::unknown(listener, span, key, what)),
            None => Err(Verdict::unknown(
                listener,
                listener.name_span,
                key,
                format!(
                    "{key} is not set and the load balancer (its type decides the default) is not in the scanned code"
                ),
            )),
        },
    }
}
