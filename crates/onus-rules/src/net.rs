//! Security group ingress, read the same way from every form it takes:
//! inline rules on a group (CloudFormation `SecurityGroupIngress`, Terraform
//! `ingress` blocks) and standalone rule resources
//! (`AWS::EC2::SecurityGroupIngress`, `aws_security_group_rule`,
//! `aws_vpc_security_group_ingress_rule`).

use crate::check::{Judgement, get_in, items_cond, judge};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Span, Value};

/// Resource types that carry ingress rules.
pub const INGRESS_CFN: &[&str] = &["AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress"];
pub const INGRESS_TF: &[&str] = &[
    "aws_security_group",
    "aws_security_group_rule",
    "aws_vpc_security_group_ingress_rule",
];

/// One ingress rule: the node it came from and its fields.
pub struct Ingress<'a> {
    pub node: &'a Node,
    pub path: String,
    protocol: Option<&'a Node>,
    from: Option<&'a Node>,
    to: Option<&'a Node>,
    /// Source CIDRs (IPv4 and IPv6), each possibly a list.
    sources: Vec<&'a Node>,
}

/// The ingress rules of a resource, or `None` when it holds none by nature
/// (an egress `aws_security_group_rule`). A `Some(Err)` is an unknown `type`.
pub fn ingress_rules(resource: &Resource) -> Result<Vec<Ingress<'_>>, Verdict> {
    let props = &resource.properties;
    match resource.resource_type.as_str() {
        "AWS::EC2::SecurityGroup" => Ok(list(props, "SecurityGroupIngress")
            .into_iter()
            .enumerate()
            .map(|(i, n)| Ingress {
                node: n,
                path: format!("SecurityGroupIngress[{i}]"),
                protocol: get_in(n, "IpProtocol"),
                from: get_in(n, "FromPort"),
                to: get_in(n, "ToPort"),
                sources: ["CidrIp", "CidrIpv6"]
                    .iter()
                    .filter_map(|k| get_in(n, k))
                    .collect(),
            })
            .collect()),
        "AWS::EC2::SecurityGroupIngress" => Ok(vec![Ingress {
            node: props,
            path: String::new(),
            protocol: get_in(props, "IpProtocol"),
            from: get_in(props, "FromPort"),
            to: get_in(props, "ToPort"),
            sources: ["CidrIp", "CidrIpv6"]
                .iter()
                .filter_map(|k| get_in(props, k))
                .collect(),
        }]),
        "aws_security_group" => Ok(list(props, "ingress")
            .into_iter()
            .enumerate()
            .map(|(i, n)| Ingress {
                node: n,
                path: format!("ingress[{i}]"),
                protocol: get_in(n, "protocol"),
                from: get_in(n, "from_port"),
                to: get_in(n, "to_port"),
                sources: ["cidr_blocks", "ipv6_cidr_blocks"]
                    .iter()
                    .filter_map(|k| get_in(n, k))
                    .collect(),
            })
            .collect()),
        "aws_security_group_rule" => {
            match get_in(props, "type").map(|t| &t.value) {
                Some(Value::String(t)) if t == "ingress" => {}
                Some(Value::String(_)) => return Ok(Vec::new()),
                Some(_) => {
                    let node = get_in(props, "type").unwrap_or(props);
                    return Err(unknown_type(resource, node));
                }
                None => return Ok(Vec::new()),
            }
            Ok(vec![Ingress {
                node: props,
                path: String::new(),
                protocol: get_in(props, "protocol"),
                from: get_in(props, "from_port"),
                to: get_in(props, "to_port"),
                sources: ["cidr_blocks", "ipv6_cidr_blocks"]
                    .iter()
                    .filter_map(|k| get_in(props, k))
                    .collect(),
            }])
        }
        "aws_vpc_security_group_ingress_rule" => Ok(vec![Ingress {
            node: props,
            path: String::new(),
            protocol: get_in(props, "ip_protocol"),
            from: get_in(props, "from_port"),
            to: get_in(props, "to_port"),
            sources: ["cidr_ipv4", "cidr_ipv6"]
                .iter()
                .filter_map(|k| get_in(props, k))
                .collect(),
        }]),
        _ => Ok(Vec::new()),
    }
}

fn unknown_type(resource: &Resource, node: &Node) -> Verdict {
    let what = match &node.value {
        Value::Unknown(w) => w.clone(),
        _ => "the rule's type (ingress or egress)".into(),
    };
    Verdict::unknown(resource, node.span, "type", what)
}

/// The items of a list property (a single map counts as one item; every
/// branch of a conditional item or list is an item).
fn list<'a>(node: &'a Node, key: &str) -> Vec<&'a Node> {
    crate::check::items(node.get(key))
}

/// The world: any IPv4 or IPv6 address.
pub fn is_world(cidr: &str) -> bool {
    world_family(cidr).is_some()
}

/// `Some("IPv4")` or `Some("IPv6")` when `cidr` is a whole address family:
/// a valid address with a prefix length of 0, however it is spelled
/// (`0.0.0.0/0`, `10.0.0.0/0`, `::/0`, `::0/0`, `0:0:0:0:0:0:0:0/0`).
/// The CIDR is parsed, never compared as text.
pub fn world_family(cidr: &str) -> Option<&'static str> {
    let (addr, prefix) = cidr.trim().split_once('/')?;
    if prefix.trim().parse::<u8>().ok()? != 0 {
        return None;
    }
    let addr = addr.trim();
    let octets: Vec<&str> = addr.split('.').collect();
    if octets.len() == 4
        && octets
            .iter()
            .all(|o| !o.is_empty() && o.parse::<u8>().is_ok())
    {
        return Some("IPv4");
    }
    addr.parse::<std::net::Ipv6Addr>().ok().map(|_| "IPv6")
}

/// `Yes` = reachable from the world; `No` = not; `Unknown` = cannot tell.
fn from_world(ingress: &Ingress) -> (Judgement, Option<Span>) {
    let mut open_at = None;
    let mut unknown = None;
    for source in &ingress.sources {
        let j = judge(source, &mut |n| {
            let cidrs: Vec<&Node> = match &n.value {
                Value::List(items) => items.iter().collect(),
                _ => vec![n],
            };
            for c in cidrs {
                match &c.value {
                    Value::String(s) if is_world(s) => {
                        return Judgement::no(c, s.clone());
                    }
                    Value::Unknown(w) => return Judgement::Unknown(c.span, w.clone()),
                    Value::Either(_) => {
                        let inner = judge(c, &mut |b| match b.as_str() {
                            Some(s) if is_world(s) => Judgement::no(b, s.to_owned()),
                            _ => Judgement::Yes,
                        });
                        if inner != Judgement::Yes {
                            return inner;
                        }
                    }
                    _ => {}
                }
            }
            Judgement::Yes
        });
        match j {
            // "No" from the predicate means: a world CIDR was found.
            Judgement::No(span, _) => open_at = open_at.or(Some(span)),
            Judgement::Unknown(span, what) => {
                unknown.get_or_insert(Judgement::Unknown(span, what));
            }
            Judgement::Yes => {}
        }
    }
    match (open_at, unknown) {
        (Some(span), _) => (Judgement::Yes, Some(span)),
        (None, Some(u)) => (u, None),
        (None, None) => (Judgement::No(ingress.node.span, String::new()), None),
    }
}

/// All protocols (`-1`, `all`).
fn all_protocols(text: &str) -> bool {
    matches!(text.trim().to_ascii_lowercase().as_str(), "-1" | "all")
}

fn is_tcp(text: &str) -> bool {
    matches!(text.trim().to_ascii_lowercase().as_str(), "tcp" | "6")
}

/// What an ingress rule lets in.
enum Ports {
    All,
    Range(i64, i64),
    /// A protocol without ports (UDP/ICMP) for the TCP question.
    OtherProtocol,
    Unknown(Span, String),
}

fn scalar(node: Option<&Node>) -> Result<Option<String>, (Span, String)> {
    match node {
        None => Ok(None),
        Some(n) => match &n.value {
            Value::Unknown(w) => Err((n.span, w.clone())),
            Value::Either(_) | Value::Ref(_) => Err((
                n.span,
                "a value that depends on a condition or reference".into(),
            )),
            _ => Ok(n.scalar_text()),
        },
    }
}

fn ports(ingress: &Ingress) -> Ports {
    let protocol = match scalar(ingress.protocol) {
        Ok(p) => p.unwrap_or_else(|| "tcp".into()),
        Err((span, w)) => return Ports::Unknown(span, w),
    };
    if all_protocols(&protocol) {
        return Ports::All;
    }
    if !is_tcp(&protocol) {
        return Ports::OtherProtocol;
    }
    let (from, to) = match (scalar(ingress.from), scalar(ingress.to)) {
        (Ok(f), Ok(t)) => (f, t),
        (Err((span, w)), _) | (_, Err((span, w))) => return Ports::Unknown(span, w),
    };
    let parse = |s: Option<String>| s.and_then(|s| s.trim().parse::<i64>().ok());
    match (parse(from), parse(to)) {
        // -1 in CloudFormation means every port of the protocol.
        (Some(-1), _) | (_, Some(-1)) | (None, None) => Ports::All,
        (Some(f), Some(t)) => Ports::Range(f, t),
        (Some(p), None) | (None, Some(p)) => Ports::Range(p, p),
    }
}

/// Which exposure a rule looks for.
#[derive(Clone, Copy)]
pub enum Exposure {
    /// TCP to this port (ranges that include it, and all-protocol rules, count).
    TcpPort(i64),
    /// Every port: protocol `-1`, or a TCP range covering 0/1–65535.
    AllPorts,
}

/// The verdict of "no ingress rule opens `exposure` to the world".
pub fn check_exposure(resource: &Resource, exposure: Exposure, what: &str) -> Verdict {
    let rules = match ingress_rules(resource) {
        Ok(rules) => rules,
        Err(unknown) => return unknown,
    };
    if rules.is_empty() {
        return Verdict::met_by_default(resource, "", format!("no ingress rule opens {what}"));
    }
    let mut unknown: Option<Verdict> = None;
    for ingress in &rules {
        let hit = match ports(ingress) {
            Ports::Unknown(span, w) => {
                unknown.get_or_insert_with(|| Verdict::unknown(resource, span, &ingress.path, w));
                continue;
            }
            Ports::OtherProtocol => false,
            Ports::All => true,
            Ports::Range(from, to) => match exposure {
                Exposure::TcpPort(p) => from <= p && p <= to,
                Exposure::AllPorts => from <= 1 && to >= 65535,
            },
        };
        if !hit {
            continue;
        }
        match from_world(ingress) {
            (Judgement::Yes, span) => {
                return Verdict::not_met(
                    resource,
                    span.unwrap_or(ingress.node.span),
                    &ingress.path,
                    format!("ingress rule opens {what} to the whole internet"),
                );
            }
            (Judgement::Unknown(span, w), _) => {
                unknown.get_or_insert_with(|| Verdict::unknown(resource, span, &ingress.path, w));
            }
            (Judgement::No(..), _) => {}
        }
    }
    unknown.unwrap_or_else(|| {
        Verdict::met(
            resource,
            resource.name_span,
            "",
            format!("no ingress rule opens {what} to the internet"),
        )
    })
}

// ---------------------------------------------------------------------------
// Network ACLs
// ---------------------------------------------------------------------------

/// Resource types that carry network ACL entries.
pub const NACL_CFN: &[&str] = &["AWS::EC2::NetworkAclEntry"];
pub const NACL_TF: &[&str] = &[
    "aws_network_acl",
    "aws_default_network_acl",
    "aws_network_acl_rule",
];

/// One network ACL entry: the node it came from and its fields.
pub struct AclEntry<'a> {
    pub node: &'a Node,
    pub path: String,
    number: Option<&'a Node>,
    /// `None` = ingress by nature (a Terraform `ingress` block).
    egress: Option<&'a Node>,
    action: Option<&'a Node>,
    protocol: Option<&'a Node>,
    from: Option<&'a Node>,
    to: Option<&'a Node>,
    ipv4: Option<&'a Node>,
    ipv6: Option<&'a Node>,
    /// The entry exists only under a condition: it can expose, never shadow.
    conditional: bool,
}

/// The entries a resource declares (egress blocks of `aws_network_acl` are left out).
pub fn acl_entries(resource: &Resource) -> Vec<AclEntry<'_>> {
    let props = &resource.properties;
    match resource.resource_type.as_str() {
        "AWS::EC2::NetworkAclEntry" => vec![AclEntry {
            node: props,
            path: String::new(),
            number: get_in(props, "RuleNumber"),
            egress: get_in(props, "Egress"),
            action: get_in(props, "RuleAction"),
            protocol: get_in(props, "Protocol"),
            from: get_in(props, "PortRange.From"),
            to: get_in(props, "PortRange.To"),
            ipv4: get_in(props, "CidrBlock"),
            ipv6: get_in(props, "Ipv6CidrBlock"),
            conditional: false,
        }],
        "aws_network_acl_rule" => vec![AclEntry {
            node: props,
            path: String::new(),
            number: get_in(props, "rule_number"),
            egress: get_in(props, "egress"),
            action: get_in(props, "rule_action"),
            protocol: get_in(props, "protocol"),
            from: get_in(props, "from_port"),
            to: get_in(props, "to_port"),
            ipv4: get_in(props, "cidr_block"),
            ipv6: get_in(props, "ipv6_cidr_block"),
            conditional: false,
        }],
        "aws_network_acl" | "aws_default_network_acl" => items_cond(props.get("ingress"))
            .into_iter()
            .enumerate()
            .map(|(i, (n, conditional))| AclEntry {
                node: n,
                path: format!("ingress[{i}]"),
                number: get_in(n, "rule_no"),
                egress: None,
                action: get_in(n, "action"),
                protocol: get_in(n, "protocol"),
                from: get_in(n, "from_port"),
                to: get_in(n, "to_port"),
                ipv4: get_in(n, "cidr_block"),
                ipv6: get_in(n, "ipv6_cidr_block"),
                conditional,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// A static reading of one entry, or the unresolved value that prevents it.
struct AclFacts {
    number: Option<i64>,
    ingress: bool,
    allow: bool,
    /// Inclusive TCP port range the entry matches (`None`: not TCP).
    tcp: Option<(i64, i64)>,
    /// World sources (prefix length 0) by family, with their spans.
    world: Vec<(&'static str, Span)>,
}

fn text_of(node: Option<&Node>) -> Result<Option<String>, (Span, String)> {
    scalar(node)
}

fn acl_facts(entry: &AclEntry) -> Result<AclFacts, (Span, String)> {
    let ingress = match entry.egress {
        None => true,
        Some(n) => match &n.value {
            Value::Unknown(w) => return Err((n.span, w.clone())),
            Value::Either(_) | Value::Ref(_) => {
                return Err((n.span, "an egress flag that depends on a condition".into()));
            }
            _ => !n.as_bool().unwrap_or(false),
        },
    };
    let allow = match text_of(entry.action)? {
        Some(a) => a.trim().eq_ignore_ascii_case("allow"),
        None => false,
    };
    let protocol = text_of(entry.protocol)?.unwrap_or_default();
    let tcp = if all_protocols(&protocol) {
        Some((0, 65535))
    } else if is_tcp(&protocol) {
        let parse = |s: Option<String>| s.and_then(|s| s.trim().parse::<i64>().ok());
        match (parse(text_of(entry.from)?), parse(text_of(entry.to)?)) {
            (Some(f), Some(t)) => Some((f, t)),
            (Some(p), None) | (None, Some(p)) => Some((p, p)),
            (None, None) => {
                return Err((
                    entry.node.span,
                    "a TCP entry without a port range (AWS requires one)".into(),
                ));
            }
        }
    } else {
        None
    };
    let mut world = Vec::new();
    for node in [entry.ipv4, entry.ipv6] {
        if let Some(family) = text_of(node)?.as_deref().and_then(world_family) {
            world.push((family, node.map(|n| n.span).unwrap_or(entry.node.span)));
        }
    }
    let number = text_of(entry.number)?.and_then(|s| s.trim().parse::<i64>().ok());
    Ok(AclFacts {
        number,
        ingress,
        allow,
        tcp,
        world,
    })
}

/// The verdict of "no ingress entry of this resource admits one of `ports`
/// (TCP) from the whole internet". `siblings` are the other entries of the
/// same network ACL: a lower-numbered deny from the world on the same port
/// shadows an allow, as AWS evaluates entries in rule-number order.
pub fn check_acl_ports(
    resource: &Resource,
    siblings: &[AclEntry],
    ports: &[(i64, &str)],
) -> Verdict {
    let own = acl_entries(resource);
    if own.is_empty() {
        return Verdict::met_by_default(
            resource,
            "",
            "no inbound entry: a network ACL denies what no entry allows",
        );
    }
    let others: Vec<AclFacts> = siblings
        .iter()
        .filter(|e| !e.conditional)
        .filter_map(|e| acl_facts(e).ok())
        .collect();
    let mut unknown: Option<Verdict> = None;
    for entry in &own {
        let facts = match acl_facts(entry) {
            Ok(f) => f,
            Err((span, what)) => {
                unknown.get_or_insert_with(|| Verdict::unknown(resource, span, &entry.path, what));
                continue;
            }
        };
        if !facts.ingress || !facts.allow {
            continue;
        }
        let Some((from, to)) = facts.tcp else {
            continue;
        };
        for &(port, name) in ports {
            if !(from <= port && port <= to) {
                continue;
            }
            for &(family, span) in &facts.world {
                let shadowed = others.iter().any(|o| {
                    o.ingress
                        && !o.allow
                        && o.world.iter().any(|(f, _)| *f == family)
                        && o.tcp.is_some_and(|(f, t)| f <= port && port <= t)
                        && matches!((o.number, facts.number), (Some(a), Some(b)) if a < b)
                });
                if !shadowed {
                    return Verdict::not_met(
                        resource,
                        span,
                        &entry.path,
                        format!(
                            "an inbound allow entry admits {name} (TCP {port}) from the whole {family} internet"
                        ),
                    );
                }
            }
        }
    }
    unknown.unwrap_or_else(|| {
        Verdict::met(
            resource,
            resource.name_span,
            "",
            "no inbound entry admits the administration ports from the internet",
        )
    })
}
