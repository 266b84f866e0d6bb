//! Elastic Load Balancing (v2) settings read the same way from CloudFormation
//! and Terraform: the load balancer a listener belongs to, its type, its
//! attributes (`LoadBalancerAttributes` key/value pairs in CloudFormation,
//! typed arguments in Terraform) and a listener's effective protocol.

use crate::check::{Judgement, get_in, items, judge, spelling, verdict_of};
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

/// A CloudFormation `LoadBalancerAttributes` value by key. `Err` when an
/// entry's key is not static (it could be the one asked for).
pub fn cfn_attribute<'a>(lb: &'a Resource, key: &str) -> Result<Option<&'a Node>, (Span, String)> {
    let Some(list) = get_in(&lb.properties, "LoadBalancerAttributes") else {
        return Ok(None);
    };
    if let Value::Unknown(what) = &list.value {
        return Err((list.span, what.clone()));
    }
    for item in items(Some(list)) {
        match get_in(item, "Key") {
            Some(k) if k.as_str() == Some(key) => return Ok(get_in(item, "Value")),
            Some(k) if k.as_str().is_none() => {
                return Err((
                    k.span,
                    format!("an attribute key that is not static (could be {key})"),
                ));
            }
            _ => {}
        }
    }
    Ok(None)
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

/// A boolean that must be true, absent = false.
pub fn require_true(resource: &Resource, node: Option<&Node>, path: &str, what: &str) -> Verdict {
    match node {
        None => Verdict::missing(
            resource,
            path,
            format!("{path} is not set and defaults to false: {what} is off"),
        ),
        Some(node) => {
            let j = judge(node, &mut |n| match n.as_bool() {
                Some(b) => Judgement::from_bool(b, n, format!("{path} is false: {what} is off")),
                None => Judgement::no(n, format!("{path} is not a boolean")),
            });
            verdict_of(resource, node, path, j, format!("{what} is on"))
        }
    }
}
