//! # elbv2.https-listener: load balancer listeners use HTTPS or redirect to it
//!
//! ## Why this is your duty
//! Elastic Load Balancing is an abstracted service: AWS runs and patches the
//! load balancer nodes, but which protocols its listeners accept is your
//! configuration. A plain HTTP listener that serves content carries
//! cookies, tokens and customer data unencrypted across the internet.
//!
//! ## What AWS already does
//! Terminates TLS on HTTPS and TLS listeners with certificates from ACM, and
//! offers a redirect action that upgrades HTTP requests to HTTPS.
//!
//! ## Verdicts
//! Reads `AWS::ElasticLoadBalancingV2::Listener` and Terraform
//! `aws_lb_listener` / `aws_alb_listener`:
//! - met: protocol `HTTPS` or `TLS`; or `HTTP` whose default action is a
//!   `redirect` with protocol `HTTPS`, and no listener rule of it
//!   (`AWS::ElasticLoadBalancingV2::ListenerRule` / `aws_lb_listener_rule`
//!   referring to it) forwards or authenticates requests;
//! - not met: `HTTP` otherwise (a protocol left unset on an application load
//!   balancer listener is HTTP);
//! - not applicable: `TCP`, `UDP`, `TCP_UDP` (network load balancers pass the
//!   bytes through: encrypt end-to-end or use a `TLS` listener) and
//!   `GENEVE` / no protocol on a gateway load balancer;
//! - unknown: the protocol or the redirect's protocol is unresolved, or the
//!   protocol is unset and the load balancer is not in the scanned code.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Https:
//!     Type: AWS::ElasticLoadBalancingV2::Listener
//!     Properties:
//!       LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/1
//!       Port: 443
//!       Protocol: HTTPS
//!       SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
//!       Certificates:
//!         - CertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/abc
//!       DefaultActions:
//!         - Type: forward
//!           TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1
//! ```
//! ```yaml pass
//! Resources:
//!   Http:
//!     Type: AWS::ElasticLoadBalancingV2::Listener
//!     Properties:
//!       LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/1
//!       Port: 80
//!       Protocol: HTTP
//!       DefaultActions:
//!         - Type: redirect
//!           RedirectConfig:
//!             Protocol: HTTPS
//!             Port: "443"
//!             StatusCode: HTTP_301
//! ```
//! ```yaml fail
//! Resources:
//!   Http:
//!     Type: AWS::ElasticLoadBalancingV2::Listener
//!     Properties:
//!       LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/1
//!       Port: 80
//!       Protocol: HTTP
//!       DefaultActions:
//!         - Type: forward
//!           TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1
//! ```
//! ```yaml fail
//! Resources:
//!   Http:
//!     Type: AWS::ElasticLoadBalancingV2::Listener
//!     Properties:
//!       LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/1
//!       Port: 80
//!       Protocol: HTTP
//!       DefaultActions:
//!         - Type: redirect
//!           RedirectConfig:
//!             Protocol: HTTPS
//!             StatusCode: HTTP_301
//!   Api:
//!     Type: AWS::ElasticLoadBalancingV2::ListenerRule
//!     Properties:
//!       ListenerArn: !Ref Http
//!       Priority: 1
//!       Conditions:
//!         - Field: path-pattern
//!           Values: ["/api/*"]
//!       Actions:
//!         - Type: forward
//!           TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/api/1
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Tcp:
//!     Type: AWS::ElasticLoadBalancingV2::Listener
//!     Properties:
//!       LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/db/1
//!       Port: 5432
//!       Protocol: TCP
//!       DefaultActions:
//!         - Type: forward
//!           TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/db/1
//! ```
//! ```hcl pass
//! resource "aws_lb_listener" "http" {
//!   load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/1"
//!   port              = 80
//!   protocol          = "HTTP"
//!   default_action {
//!     type = "redirect"
//!     redirect {
//!       port        = "443"
//!       protocol    = "HTTPS"
//!       status_code = "HTTP_301"
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_lb_listener" "http" {
//!   load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/1"
//!   port              = 80
//!   protocol          = "HTTP"
//!   default_action {
//!     type             = "forward"
//!     target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1"
//!   }
//! }
//! ```
//! ```hcl aws_lb_listener.web=not-met
//! resource "aws_lb" "web" {
//!   name = "web"
//! }
//! resource "aws_lb_listener" "web" {
//!   load_balancer_arn = aws_lb.web.arn
//!   port              = 80
//!   default_action {
//!     type             = "forward"
//!     target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1"
//!   }
//! }
//! ```
//! ```hcl pass
//! resource "aws_lb_listener" "https" {
//!   load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/1"
//!   port              = 443
//!   protocol          = "HTTPS"
//!   ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
//!   certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
//!   default_action {
//!     type             = "forward"
//!     target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1"
//!   }
//! }
//! ```

use crate::check::{get_in, items, items_cond, spelling};
use crate::context::Context;
use crate::lb::{LISTENER_CFN, LISTENER_TF, listener_protocol};
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "elbv2.https-listener",
    title: "Load balancer listeners use HTTPS/TLS or redirect HTTP to HTTPS",
    duty: Duty::EncryptionInTransit,
    severity: Severity::High,
    cfn_types: LISTENER_CFN,
    tf_types: LISTENER_TF,
    reads: &[
        "AWS::ElasticLoadBalancingV2::ListenerRule",
        "aws_lb_listener_rule",
        "aws_alb_listener_rule",
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
        "aws_lb",
        "aws_alb",
    ],
    controls: Controls {
        fsbp: &["ELB.1", "ELB.18"],
        config: &["ALB_HTTP_TO_HTTPS_REDIRECTION_CHECK"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_2", Same),
        checkov("CKV2_AWS_20", Same),
        cfn_nag("W56", Related),
        trivy("AVD-AWS-0054", Same),
        guard("ALB_HTTP_TO_HTTPS_REDIRECTION_CHECK", Same),
        guard("ELBV2_LISTENER_PROTOCOL_RULE", Related),
    ],
    check,
    file: file!(),
};

/// What an action does with an HTTP request.
enum Action<'a> {
    RedirectHttps,
    /// Redirect whose protocol is not HTTPS (or not static), forward, etc.
    Serves(&'a Node, String),
    Unknown(&'a Node, String),
}

fn action_kind<'a>(action: &'a Node, tf: bool) -> Action<'a> {
    let (type_key, redirect_key, protocol_key) = if tf {
        ("type", "redirect", "protocol")
    } else {
        ("Type", "RedirectConfig", "Protocol")
    };
    let kind = get_in(action, type_key);
    match kind.map(|k| &k.value) {
        Some(Value::String(t)) if t.eq_ignore_ascii_case("redirect") => {
            match get_in(action, &format!("{redirect_key}.{protocol_key}")) {
                Some(p) => match (&p.value, p.as_str()) {
                    (_, Some(s)) if s.eq_ignore_ascii_case("HTTPS") => Action::RedirectHttps,
                    (_, Some(s)) => {
                        Action::Serves(p, format!("redirects to protocol {s:?}, not HTTPS"))
                    }
                    (Value::Unknown(w), _) => Action::Unknown(p, w.clone()),
                    _ => Action::Unknown(
                        p,
                        "the redirect protocol, which depends on a condition".into(),
                    ),
                },
                // The redirect keeps the request's protocol (#{protocol}): HTTP.
                None => Action::Serves(action, "redirects without switching to HTTPS".into()),
            }
        }
        Some(Value::String(t)) => Action::Serves(
            kind.unwrap_or(action),
            format!("a {t} action serves plain HTTP"),
        ),
        Some(Value::Unknown(w)) => Action::Unknown(kind.unwrap_or(action), w.clone()),
        _ => Action::Unknown(action, "the action type".into()),
    }
}

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let protocol = match listener_protocol(resource, cx) {
        Ok(Some(p)) => p,
        Ok(None) => {
            return Verdict::not_applicable(
                resource,
                "a gateway load balancer listener: no application protocol",
            );
        }
        Err(unknown) => return unknown,
    };
    let tf = resource.format.is_terraform();
    let protocol_path = spelling(resource, "Protocol", "protocol");
    let protocol_span = get_in(&resource.properties, protocol_path)
        .map(|n| n.span)
        .unwrap_or(resource.name_span);
    match protocol.as_str() {
        "HTTPS" | "TLS" => {
            return Verdict::met(
                resource,
                protocol_span,
                protocol_path,
                format!("the listener uses {protocol}"),
            );
        }
        "HTTP" => {}
        other => {
            return Verdict::not_applicable(
                resource,
                format!(
                    "a {other} listener passes traffic through: encrypt end-to-end or use a TLS listener"
                ),
            );
        }
    }
    let actions_key = spelling(resource, "DefaultActions", "default_action");
    let with_cond = items_cond(get_in(&resource.properties, actions_key));
    let actions: Vec<&Node> = with_cond.iter().map(|(a, _)| *a).collect();
    let mut redirect = None;
    for (i, (action, conditional)) in with_cond.iter().enumerate() {
        match action_kind(action, tf) {
            // A redirect that exists only under a condition does not cover the other case.
            Action::RedirectHttps if *conditional => {}
            Action::RedirectHttps => redirect = Some(i),
            Action::Unknown(node, what) => {
                return Verdict::unknown(resource, node.span, actions_key, what);
            }
            Action::Serves(..) => {}
        }
    }
    let Some(i) = redirect else {
        let serving = actions.iter().find_map(|a| match action_kind(a, tf) {
            Action::Serves(node, why) => Some((node.span, why)),
            _ => None,
        });
        let (span, why) = serving.unwrap_or_else(|| {
            (
                protocol_span,
                "no default action redirects unconditionally".to_owned(),
            )
        });
        return Verdict::not_met(
            resource,
            span,
            actions_key,
            format!("an HTTP listener that does not redirect to HTTPS ({why})"),
        );
    };
    // Listener rules can still serve paths over HTTP.
    let (rule_types, attr, rule_actions): (&[&str], &str, &str) = if tf {
        (
            &["aws_lb_listener_rule", "aws_alb_listener_rule"],
            "listener_arn",
            "action",
        )
    } else {
        (
            &["AWS::ElasticLoadBalancingV2::ListenerRule"],
            "ListenerArn",
            "Actions",
        )
    };
    for rule in cx.linked(resource, rule_types, attr, None) {
        for action in items(get_in(&rule.properties, rule_actions)) {
            match action_kind(action, tf) {
                Action::RedirectHttps => {}
                Action::Serves(_, why) => {
                    return Verdict::not_met(
                        resource,
                        resource.name_span,
                        "",
                        format!("listener rule {} serves plain HTTP ({why})", rule.id),
                    );
                }
                Action::Unknown(_, what) => {
                    return Verdict::unknown(
                        resource,
                        resource.name_span,
                        "",
                        format!("an action of listener rule {}: {what}", rule.id),
                    );
                }
            }
        }
    }
    Verdict::met(
        resource,
        actions[i].span,
        actions_key,
        "the HTTP listener redirects every request to HTTPS",
    )
}
