//! Elastic Load Balancing (v2) settings read the same way from CloudFormation
//! and Terraform: the load balancer a listener belongs to, its type, its
//! attributes (`LoadBalancerAttributes` key/value pairs in CloudFormation,
//! typed arguments in Terraform) and a listener's effective protocol.

pub use crate::check::require_true;
use crate::check::{Judgement, get_in, is_null, items_cond, judge, spelling, verdict_of};
use crate::context::Context;
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Span, Value};

pub const LB_CFN: &[&str] = &["AWS::ElasticLoadBalancingV2::LoadBalancer"];
pub const LB_TF: &[&str] = &["aws_lb", "aws_alb"];
pub const LISTENER_CFN: &[&str] = &["AWS::ElasticLoadBalancingV2::Listener"];
pub const LISTENER_TF: &[&str] = &["aws_lb_listener", "aws_alb_listener"];
pub const TARGET_GROUP_CFN: &[&str] = &["AWS::ElasticLoadBalancingV2::TargetGroup"];
pub const TARGET_GROUP_TF: &[&str] = &["aws_lb_target_group", "aws_alb_target_group"];

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

/// A load balancer attribute that must satisfy `ok` (compared as text, so
/// CloudFormation's string values and Terraform's typed ones read alike):
/// CloudFormation `key` in `LoadBalancerAttributes`, Terraform `tf_path`.
/// `default` is AWS's value when the attribute is absent.
pub fn require_attribute(
    resource: &Resource,
    key: &str,
    tf_path: &str,
    default: &str,
    ok: fn(&str) -> bool,
    what: &str,
) -> Verdict {
    let (node, path, conditional) = if resource.format.is_terraform() {
        (
            get_in(&resource.properties, tf_path),
            tf_path.to_owned(),
            false,
        )
    } else {
        let path = format!("LoadBalancerAttributes[{key}]");
        match cfn_attribute(resource, key) {
            Attribute::Absent => (None, path, false),
            Attribute::Value(node) => (Some(node), path, false),
            Attribute::Conditional(k) => match cfn_attribute_value(resource, k) {
                Some(v) => (Some(v), path, true),
                None => (None, path, false),
            },
            Attribute::Unknown(span, unresolved) => {
                return Verdict::unknown(resource, span, &path, unresolved);
            }
        }
    };
    let Some(node) = node else {
        return if ok(default) {
            Verdict::met_by_default(
                resource,
                &path,
                format!("{what}: {path} defaults to {default}"),
            )
        } else {
            Verdict::missing(
                resource,
                &path,
                format!("{path} is not set and defaults to {default}: {what} is off"),
            )
        };
    };
    if conditional && !ok(default) {
        return Verdict::not_met(
            resource,
            node.span,
            &path,
            format!(
                "{path} is set only under a condition: otherwise it is {default} and {what} is off"
            ),
        );
    }
    let j = judge(node, &mut |n| match n.scalar_text() {
        Some(v) => Judgement::from_bool(ok(v.trim()), n, || {
            format!("{path} is {v:?}: {what} is off")
        }),
        None if is_null(n) => Judgement::from_bool(ok(default), n, || {
            format!("{path} is left unset by a condition and defaults to {default}: {what} is off")
        }),
        None => Judgement::no(n, format!("{path} is not a plain value")),
    });
    verdict_of(
        resource,
        node,
        &path,
        j,
        format!("{what}: {path} is acceptable"),
    )
}

/// The `Value` next to a conditional attribute's `Key` node.
fn cfn_attribute_value<'a>(lb: &'a Resource, key_node: &Node) -> Option<&'a Node> {
    let list = get_in(&lb.properties, "LoadBalancerAttributes")?;
    items_cond(Some(list)).into_iter().find_map(|(item, _)| {
        let k = get_in(item, "Key")?;
        (k.span == key_node.span)
            .then(|| get_in(item, "Value"))
            .flatten()
    })
}

/// Classic Load Balancer types.
pub const CLASSIC_CFN: &[&str] = &["AWS::ElasticLoadBalancing::LoadBalancer"];
pub const CLASSIC_TF: &[&str] = &["aws_elb"];

/// One listener of a Classic Load Balancer, read from CloudFormation
/// `Listeners` or Terraform `listener` blocks.
pub struct ClassicListener<'a> {
    pub node: &'a Node,
    /// `Listeners[0]` / `listener[0]`.
    pub path: String,
    pub protocol: Option<&'a Node>,
    pub port: Option<&'a Node>,
    pub certificate: Option<&'a Node>,
    /// CloudFormation `PolicyNames` (Terraform attaches policies elsewhere).
    pub policies: Option<&'a Node>,
}

pub fn classic_listeners(resource: &Resource) -> Vec<ClassicListener<'_>> {
    let tf = resource.format.is_terraform();
    let list_key = spelling(resource, "Listeners", "listener");
    let keys: [&str; 3] = if tf {
        ["lb_protocol", "lb_port", "ssl_certificate_id"]
    } else {
        ["Protocol", "LoadBalancerPort", "SSLCertificateId"]
    };
    items_cond(get_in(&resource.properties, list_key))
        .into_iter()
        .enumerate()
        .map(|(i, (node, _))| ClassicListener {
            node,
            path: format!("{list_key}[{i}]"),
            protocol: get_in(node, keys[0]),
            port: get_in(node, keys[1]),
            certificate: get_in(node, keys[2]),
            policies: (!tf).then(|| get_in(node, "PolicyNames")).flatten(),
        })
        .collect()
}

/// Whether a listener encrypts (`HTTPS` / `SSL`): `Err` when the protocol
/// is not static.
pub fn classic_encrypted(listener: &ClassicListener) -> Result<bool, (Span, String)> {
    match listener.protocol {
        None => Ok(false),
        Some(p) => match (&p.value, p.as_str()) {
            (_, Some(text)) => Ok(matches!(
                text.trim().to_ascii_uppercase().as_str(),
                "HTTPS" | "SSL"
            )),
            (Value::Unknown(what), _) => Err((p.span, what.clone())),
            _ => Err((p.span, "a protocol that depends on a condition".into())),
        },
    }
}

/// ELB security policies (v2 and classic predefined ones) whose minimum
/// protocol is TLS 1.2.
pub fn tls12_minimum(policy: &str) -> bool {
    let p = policy.to_ascii_uppercase();
    ["-TLS13-1-2-", "-TLS13-1-3-", "-TLS-1-2-", "-FS-1-2-"]
        .iter()
        .any(|marker| p.contains(marker))
}
