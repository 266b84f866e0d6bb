//! Security group rules, read the same way from every form they take: inline
//! rules on a group (CloudFormation `SecurityGroupIngress` /
//! `SecurityGroupEgress`, Terraform `ingress` / `egress` blocks) and
//! standalone rule resources (`AWS::EC2::SecurityGroupIngress` / `Egress`,
//! `aws_security_group_rule`, `aws_vpc_security_group_ingress_rule` /
//! `egress_rule`); and network ACL entries.

use crate::check::{Judgement, get_in, items_cond, judge};
use crate::context::Context;
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Span, Value};

/// Resource types that carry ingress rules.
pub const INGRESS_CFN: &[&str] = &["AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress"];
pub const INGRESS_TF: &[&str] = &[
    "aws_security_group",
    "aws_security_group_rule",
    "aws_vpc_security_group_ingress_rule",
];

/// Resource types that carry egress rules.
pub const EGRESS_CFN: &[&str] = &["AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupEgress"];
pub const EGRESS_TF: &[&str] = &[
    "aws_security_group",
    "aws_security_group_rule",
    "aws_vpc_security_group_egress_rule",
];

/// Which way a security group rule lets traffic through.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Ingress,
    Egress,
}

impl Direction {
    /// The word Terraform uses (`ingress` blocks, `type = "ingress"`).
    fn word(self) -> &'static str {
        match self {
            Direction::Ingress => "ingress",
            Direction::Egress => "egress",
        }
    }
}

/// One security group rule: the node it came from and its fields.
pub struct SgRule<'a> {
    pub node: &'a Node,
    pub path: String,
    protocol: Option<&'a Node>,
    from: Option<&'a Node>,
    to: Option<&'a Node>,
    /// The other end's CIDRs (sources of ingress, destinations of egress),
    /// IPv4 and IPv6, each possibly a list.
    sources: Vec<&'a Node>,
}

/// Reads one rule from `node` with the given field names.
fn sg_rule<'a>(node: &'a Node, path: String, keys: [&str; 3], cidrs: [&str; 2]) -> SgRule<'a> {
    SgRule {
        node,
        path,
        protocol: get_in(node, keys[0]),
        from: get_in(node, keys[1]),
        to: get_in(node, keys[2]),
        sources: cidrs.iter().filter_map(|k| get_in(node, k)).collect(),
    }
}

const CFN_KEYS: [&str; 3] = ["IpProtocol", "FromPort", "ToPort"];
const CFN_CIDRS: [&str; 2] = ["CidrIp", "CidrIpv6"];
const TF_KEYS: [&str; 3] = ["protocol", "from_port", "to_port"];
const TF_CIDRS: [&str; 2] = ["cidr_blocks", "ipv6_cidr_blocks"];

/// The ingress rules of a resource (none for an egress
/// `aws_security_group_rule`). An `Err` is an unknown `type`.
#[allow(dead_code, reason = "rules call sg_rules with a direction today")]
pub fn ingress_rules(resource: &Resource) -> Result<Vec<SgRule<'_>>, Verdict> {
    sg_rules(resource, Direction::Ingress)
}

/// The rules of a resource in one direction (none when it holds rules of
/// the other direction only). An `Err` is an unknown `type` on an
/// `aws_security_group_rule`.
pub fn sg_rules(resource: &Resource, direction: Direction) -> Result<Vec<SgRule<'_>>, Verdict> {
    let props = &resource.properties;
    let inline = |key: &str, keys, cidrs| {
        list(props, key)
            .into_iter()
            .enumerate()
            .map(|(i, n)| sg_rule(n, format!("{key}[{i}]"), keys, cidrs))
            .collect()
    };
    let single = |keys, cidrs| vec![sg_rule(props, String::new(), keys, cidrs)];
    let ingress = direction == Direction::Ingress;
    Ok(match resource.resource_type.as_str() {
        "AWS::EC2::SecurityGroup" => {
            let key = if ingress {
                "SecurityGroupIngress"
            } else {
                "SecurityGroupEgress"
            };
            inline(key, CFN_KEYS, CFN_CIDRS)
        }
        "AWS::EC2::SecurityGroupIngress" if ingress => single(CFN_KEYS, CFN_CIDRS),
        "AWS::EC2::SecurityGroupEgress" if !ingress => single(CFN_KEYS, CFN_CIDRS),
        "aws_security_group" => inline(direction.word(), TF_KEYS, TF_CIDRS),
        "aws_security_group_rule" => match get_in(props, "type").map(|t| &t.value) {
            Some(Value::String(t)) if t == direction.word() => single(TF_KEYS, TF_CIDRS),
            Some(Value::String(_)) | None => Vec::new(),
            Some(_) => {
                let node = get_in(props, "type").unwrap_or(props);
                return Err(unknown_type(resource, node));
            }
        },
        "aws_vpc_security_group_ingress_rule" if ingress => single(
            ["ip_protocol", "from_port", "to_port"],
            ["cidr_ipv4", "cidr_ipv6"],
        ),
        "aws_vpc_security_group_egress_rule" if !ingress => single(
            ["ip_protocol", "from_port", "to_port"],
            ["cidr_ipv4", "cidr_ipv6"],
        ),
        _ => Vec::new(),
    })
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
fn from_world(ingress: &SgRule) -> (Judgement, Option<Span>) {
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

fn is_udp(text: &str) -> bool {
    matches!(text.trim().to_ascii_lowercase().as_str(), "udp" | "17")
}

/// What a security group rule lets through.
enum Ports {
    /// Every protocol.
    All,
    /// A TCP (`true`) or UDP (`false`) port range, inclusive.
    Range(bool, i64, i64),
    /// A protocol without ports (ICMP and the like).
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

fn ports(rule: &SgRule) -> Ports {
    let protocol = match scalar(rule.protocol) {
        Ok(p) => p.unwrap_or_else(|| "tcp".into()),
        Err((span, w)) => return Ports::Unknown(span, w),
    };
    if all_protocols(&protocol) {
        return Ports::All;
    }
    let tcp = is_tcp(&protocol);
    if !tcp && !is_udp(&protocol) {
        return Ports::OtherProtocol;
    }
    let (from, to) = match (scalar(rule.from), scalar(rule.to)) {
        (Ok(f), Ok(t)) => (f, t),
        (Err((span, w)), _) | (_, Err((span, w))) => return Ports::Unknown(span, w),
    };
    let parse = |s: Option<String>| s.and_then(|s| s.trim().parse::<i64>().ok());
    match (parse(from), parse(to)) {
        // -1 in CloudFormation means every port of the protocol.
        (Some(-1), _) | (_, Some(-1)) | (None, None) => Ports::Range(tcp, 0, 65535),
        (Some(f), Some(t)) => Ports::Range(tcp, f, t),
        (Some(p), None) | (None, Some(p)) => Ports::Range(tcp, p, p),
    }
}

/// A TCP port and the service that usually listens on it.
pub type NamedPort = (i64, &'static str);

/// Services that must never face the whole internet: the ports AWS
/// Security Hub control EC2.19 calls high-risk (without SSH and RDP, which
/// have rules of their own), plus common databases, caches, container and
/// cluster control ports, file sharing and remote desktops.
pub const HIGH_RISK_PORTS: &[NamedPort] = &[
    (20, "FTP data"),
    (21, "FTP"),
    (23, "Telnet"),
    (25, "SMTP"),
    (110, "POP3"),
    (135, "Windows RPC"),
    (137, "NetBIOS name service"),
    (138, "NetBIOS datagram service"),
    (139, "NetBIOS session service"),
    (143, "IMAP"),
    (445, "SMB"),
    (1433, "SQL Server"),
    (1434, "SQL Server Browser"),
    (1521, "Oracle Database"),
    (2049, "NFS"),
    (2375, "the Docker Engine API"),
    (2376, "the Docker Engine API (TLS)"),
    (2379, "etcd"),
    (3000, "development web servers (Grafana, Node.js)"),
    (3306, "MySQL"),
    (4333, "mSQL"),
    (5000, "development web servers (Flask, Docker registry)"),
    (5432, "PostgreSQL"),
    (5500, "VNC"),
    (5601, "Kibana"),
    (5900, "VNC"),
    (5984, "CouchDB"),
    (6379, "Redis"),
    (8080, "HTTP proxies and application servers"),
    (8088, "Hadoop YARN"),
    (8888, "Jupyter"),
    (9042, "Cassandra"),
    (9200, "Elasticsearch/OpenSearch"),
    (9300, "Elasticsearch transport"),
    (10250, "the Kubernetes kubelet API"),
    (11211, "Memcached"),
    (27017, "MongoDB"),
    (27018, "MongoDB"),
];

/// Which exposure a rule looks for.
#[derive(Clone, Copy)]
pub enum Exposure {
    /// TCP to this port (ranges that include it, and all-protocol rules, count).
    TcpPort(i64),
    /// TCP to any port of the table (the first one a rule covers is named).
    TcpPorts(&'static [NamedPort]),
    /// Every port: protocol `-1`, or a TCP range covering 0/1–65535.
    AllPorts,
    /// Anything but these TCP ports: other TCP ports, UDP, all protocols
    /// (ICMP is not counted: it has no ports to authorise).
    AnyBut(&'static [i64]),
}

/// What `ports` exposes of `exposure`, described for the finding (`what`
/// names a single port or "all ports"), or `None`.
fn exposed(ports: &Ports, exposure: Exposure, what: &str) -> Option<String> {
    let (tcp, from, to) = match *ports {
        Ports::All => (true, 0, 65535),
        Ports::Range(tcp, from, to) => (tcp, from, to),
        Ports::OtherProtocol | Ports::Unknown(..) => return None,
    };
    let all = matches!(ports, Ports::All);
    match exposure {
        Exposure::TcpPort(p) => (tcp && from <= p && p <= to).then(|| what.to_owned()),
        Exposure::TcpPorts(table) => table
            .iter()
            .find(|(p, _)| tcp && from <= *p && *p <= to)
            .map(|(p, name)| format!("{name} (TCP {p})")),
        Exposure::AllPorts => (tcp && from <= 1 && to >= 65535).then(|| what.to_owned()),
        Exposure::AnyBut(allowed) => {
            if all {
                return Some("all protocols".into());
            }
            let proto = if tcp { "TCP" } else { "UDP" };
            let extra = (from..=to).find(|p| !tcp || !allowed.contains(p))?;
            Some(if from == to {
                format!("{proto} {extra}")
            } else {
                format!("{proto} {from}-{to}")
            })
        }
    }
}

/// The verdict of "no ingress rule opens `exposure` to the world".
pub fn check_exposure(resource: &Resource, exposure: Exposure, what: &str) -> Verdict {
    check_rules(resource, Direction::Ingress, exposure, what)
}

/// The verdict of "no rule in `direction` opens `exposure` to (or towards)
/// the world". `what` describes the exposure for single-port and all-port
/// checks; tables name the port they found.
pub fn check_rules(
    resource: &Resource,
    direction: Direction,
    exposure: Exposure,
    what: &str,
) -> Verdict {
    let rules = match sg_rules(resource, direction) {
        Ok(rules) => rules,
        Err(unknown) => return unknown,
    };
    let verb = match direction {
        Direction::Ingress => "opens",
        Direction::Egress => "allows",
    };
    if rules.is_empty() {
        if resource.resource_type == "aws_security_group_rule" {
            return Verdict::not_applicable(
                resource,
                format!("a rule that is not an {} rule", direction.word()),
            );
        }
        return Verdict::met_by_default(
            resource,
            "",
            format!("no {} rule {verb} {what}", direction.word()),
        );
    }
    let mut unknown: Option<Verdict> = None;
    for rule in &rules {
        let ports = ports(rule);
        if let Ports::Unknown(span, w) = ports {
            unknown.get_or_insert_with(|| Verdict::unknown(resource, span, &rule.path, w));
            continue;
        }
        let Some(found) = exposed(&ports, exposure, what) else {
            continue;
        };
        match from_world(rule) {
            (Judgement::Yes, span) => {
                return Verdict::not_met(
                    resource,
                    span.unwrap_or(rule.node.span),
                    &rule.path,
                    format!(
                        "{} rule {verb} {found} to the whole internet",
                        direction.word()
                    ),
                );
            }
            (Judgement::Unknown(span, w), _) => {
                unknown.get_or_insert_with(|| Verdict::unknown(resource, span, &rule.path, w));
            }
            (Judgement::No(..), _) => {}
        }
    }
    unknown.unwrap_or_else(|| {
        Verdict::met(
            resource,
            resource.name_span,
            "",
            format!("no {} rule {verb} {what} to the internet", direction.word()),
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
    ports: &[NamedPort],
    what: &str,
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
            format!("no inbound entry admits {what} from the internet"),
        )
    })
}

/// The verdict of "no inbound entry of this network ACL resource admits one
/// of `ports` from the world", with the sibling entries of its network ACL
/// (found through `NetworkAclId` / `network_acl_id` references) taken into
/// account for shadowing denies.
pub fn check_acl(resource: &Resource, cx: &Context, ports: &[NamedPort], what: &str) -> Verdict {
    // The network ACL this resource belongs to (itself for aws_network_acl).
    let (acl_attr, entry_types): (&str, &[&str]) = if resource.format.is_terraform() {
        ("network_acl_id", &["aws_network_acl_rule"])
    } else {
        ("NetworkAclId", &["AWS::EC2::NetworkAclEntry"])
    };
    let acl = match resource.resource_type.as_str() {
        "aws_network_acl" | "aws_default_network_acl" => Some(resource),
        _ => get_in(&resource.properties, acl_attr).and_then(|n| cx.resolve(resource, n)),
    };
    let mut members: Vec<&Resource> = match acl {
        Some(acl) => {
            let mut m = cx.linked(acl, entry_types, acl_attr, None);
            m.push(acl);
            m
        }
        None => Vec::new(),
    };
    if !members.iter().any(|m| std::ptr::eq(*m, resource)) {
        members.push(resource);
    }
    let siblings: Vec<AclEntry> = members.iter().flat_map(|m| acl_entries(m)).collect();
    check_acl_ports(resource, &siblings, ports, what)
}
