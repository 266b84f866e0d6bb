//! The SAM transform, for the settings that carry customer duties.
//!
//! Each `AWS::Serverless::*` resource becomes the CloudFormation resource(s)
//! SAM generates, with the settings we check moved to the generated
//! property names. Spans stay on the SAM source. Generated resources other
//! than the main one use SAM's logical ids:
//!
//! | SAM type | main resource (same id) | extra resources |
//! | --- | --- | --- |
//! | `Function` | `AWS::Lambda::Function` | `<Id>Url` (`AWS::Lambda::Url`) with `FunctionUrlConfig`; `<Id>EventInvokeConfig` (`AWS::Lambda::EventInvokeConfig`) with `EventInvokeConfig`; `<Id><Event>Permission` (`AWS::Lambda::Permission`) for each asynchronous event source (`S3`, `SNS`, `EventBridgeRule`, `CloudWatchEvent`, `Schedule`, `CloudWatchLogs`, `IoTRule`) |
//! | `Api` | `AWS::ApiGateway::RestApi` (EndpointConfiguration, Body, `Auth` kept as written) | `<Id><StageName>Stage` (`AWS::ApiGateway::Stage`) |
//! | `HttpApi` | `AWS::ApiGatewayV2::Api` (`Auth` kept as written) | `<Id>ApiGatewayDefaultStage` or `<Id><StageName>Stage` (`AWS::ApiGatewayV2::Stage`) |
//! | `SimpleTable` | `AWS::DynamoDB::Table` (no SSESpecification → `SSEEnabled: false`) | |
//! | `StateMachine` | `AWS::StepFunctions::StateMachine` | |
//! | `LayerVersion` | `AWS::Lambda::LayerVersion` | |
//! | `Application` | `AWS::CloudFormation::Stack` | |
//!
//! A function without `Role` also gets `<Id>Role` (`AWS::IAM::Role`), and
//! function events of type `Api`/`HttpApi` that name no API get SAM's
//! implicit `ServerlessRestApi` / `ServerlessHttpApi` (see `implicit_apis`).
//! Not generated: the event sources themselves (rules, subscriptions,
//! event source mappings), the permissions of synchronous sources (`Api`...),
//! aliases, deployments.
//! Other SAM types are kept with their SAM type and a warning.

use crate::model::{Entry, Node, Reference, Resource, ResourceRef, Span, Value};

/// The `Globals` section that applies to a SAM type.
pub fn globals_section(resource_type: &str) -> Option<&'static str> {
    match resource_type {
        "AWS::Serverless::Function" => Some("Function"),
        "AWS::Serverless::Api" => Some("Api"),
        "AWS::Serverless::HttpApi" => Some("HttpApi"),
        "AWS::Serverless::SimpleTable" => Some("SimpleTable"),
        "AWS::Serverless::StateMachine" => Some("StateMachine"),
        "AWS::Serverless::LayerVersion" => Some("LayerVersion"),
        _ => None,
    }
}

fn is_intrinsic(node: &Node) -> bool {
    super::eval::intrinsic(node).is_some()
        || matches!(&node.value, Value::Map(e) if e.len() == 1 && e[0].key == "Condition")
}

/// Globals merged under a resource's properties: the resource wins for
/// scalars, maps merge, lists add up (globals first), as SAM does.
pub fn merge_globals(global: &Node, local: Option<&Node>) -> Node {
    let Some(local) = local else {
        return global.clone();
    };
    match (&global.value, &local.value) {
        (Value::Map(g), Value::Map(l)) if !is_intrinsic(global) && !is_intrinsic(local) => {
            let mut out: Vec<Entry> = Vec::with_capacity(g.len() + l.len());
            for ge in g {
                match l.iter().find(|le| le.key == ge.key) {
                    Some(le) => out.push(Entry {
                        key: le.key.clone(),
                        key_span: le.key_span,
                        node: merge_globals(&ge.node, Some(&le.node)),
                    }),
                    None => out.push(ge.clone()),
                }
            }
            for le in l {
                if !g.iter().any(|ge| ge.key == le.key) {
                    out.push(le.clone());
                }
            }
            Node::new(Value::Map(out), local.span)
        }
        (Value::List(g), Value::List(l)) => {
            let mut items = g.clone();
            items.extend(l.iter().cloned());
            Node::new(Value::List(items), local.span)
        }
        _ => local.clone(),
    }
}

/// An API SAM creates because a function event of type `Api` or `HttpApi`
/// names no API (`RestApiId` / `ApiId`).
pub struct ImplicitApi {
    pub id: &'static str,
    pub stage_id: &'static str,
    pub sam_type: &'static str,
    /// The `Globals` section that configures it.
    pub globals: &'static str,
    /// The first event that asks for it.
    pub event_span: Span,
}

/// The implicit APIs of a SAM template: `ServerlessRestApi` (stage `Prod`)
/// and `ServerlessHttpApi` (stage `$default`), unless the template defines
/// resources with those ids itself.
pub fn implicit_apis(resources: &[Entry]) -> Vec<ImplicitApi> {
    let kinds = [
        (
            "Api",
            "RestApiId",
            "ServerlessRestApi",
            "ServerlessRestApiProdStage",
            "AWS::Serverless::Api",
        ),
        (
            "HttpApi",
            "ApiId",
            "ServerlessHttpApi",
            "ServerlessHttpApiApiGatewayDefaultStage",
            "AWS::Serverless::HttpApi",
        ),
    ];
    let mut out = Vec::new();
    for (kind, link, id, stage_id, sam_type) in kinds {
        if resources.iter().any(|e| e.key == id) {
            continue;
        }
        let event = resources
            .iter()
            .filter(|e| {
                e.node.get("Type").and_then(Node::as_str) == Some("AWS::Serverless::Function")
            })
            .filter_map(|e| e.node.path(["Properties", "Events"]).and_then(Node::as_map))
            .flatten()
            .find(|ev| {
                ev.node.get("Type").and_then(Node::as_str) == Some(kind)
                    && ev.node.path(["Properties", link]).is_none()
            });
        if let Some(event) = event {
            out.push(ImplicitApi {
                id,
                stage_id,
                sam_type,
                globals: kind,
                event_span: Span::new(event.key_span.start as usize, event.node.span.end as usize),
            });
        }
    }
    out
}

/// Logical ids of the extra resources a SAM resource generates.
pub fn generated_ids(id: &str, node: &Node) -> Vec<String> {
    let t = node.get("Type").and_then(Node::as_str).unwrap_or("");
    let props = node.get("Properties");
    match t {
        "AWS::Serverless::Function" => {
            let mut ids = vec![format!("{id}Role")];
            if props.and_then(|p| p.get("FunctionUrlConfig")).is_some() {
                ids.push(format!("{id}Url"));
            }
            if props.and_then(|p| p.get("EventInvokeConfig")).is_some() {
                ids.push(format!("{id}EventInvokeConfig"));
            }
            let events = props.and_then(|p| p.get("Events")).and_then(Node::as_map);
            for event in events.unwrap_or(&[]) {
                let kind = event.node.get("Type").and_then(Node::as_str);
                if kind.and_then(async_event_principal).is_some() {
                    ids.push(format!("{id}{}Permission", event.key));
                }
            }
            ids
        }
        "AWS::Serverless::Api" => vec![stage_id(id, props.and_then(|p| p.get("StageName")), false)],
        "AWS::Serverless::HttpApi" => {
            vec![stage_id(id, props.and_then(|p| p.get("StageName")), true)]
        }
        _ => Vec::new(),
    }
}

/// SAM's id for the stage of an API.
fn stage_id(id: &str, stage_name: Option<&Node>, http: bool) -> String {
    match stage_name.and_then(Node::as_str) {
        Some("$default") | None if http => format!("{id}ApiGatewayDefaultStage"),
        Some(name) => {
            let clean: String = name.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
            format!("{id}{clean}Stage")
        }
        None => format!("{id}Stage"),
    }
}

/// Builds a property map from the SAM properties.
struct Props<'a> {
    source: &'a Node,
    /// Path of `source` in the resource (`Properties`).
    prefix: String,
    out: Vec<Entry>,
    /// Source paths read, to keep only their references.
    used: Vec<String>,
}

/// Generated properties and the source paths they came from.
struct Built {
    node: Node,
    used: Vec<String>,
}

impl<'a> Props<'a> {
    fn new(source: &'a Node) -> Props<'a> {
        Props::under(source, "Properties")
    }

    fn under(source: &'a Node, prefix: &str) -> Props<'a> {
        Props {
            source,
            prefix: prefix.into(),
            out: Vec::new(),
            used: Vec::new(),
        }
    }

    fn entry(&mut self, key: &str) -> Option<&'a Entry> {
        let e = self.source.as_map()?.iter().find(|e| e.key == key)?;
        self.used.push(format!("{}.{key}", self.prefix));
        Some(e)
    }

    /// Copies `from` as `to`.
    fn rename(&mut self, from: &str, to: &str) {
        if let Some(e) = self.entry(from) {
            self.out.push(Entry {
                key: to.into(),
                key_span: e.key_span,
                node: e.node.clone(),
            });
        }
    }

    fn copy(&mut self, keys: &[&str]) {
        for k in keys {
            self.rename(k, k);
        }
    }

    /// Sets `to` from `from` through a function of the node.
    fn map(&mut self, from: &str, to: &str, f: impl FnOnce(&Node) -> Option<Node>) {
        if let Some(e) = self.entry(from)
            && let Some(node) = f(&e.node)
        {
            self.out.push(Entry {
                key: to.into(),
                key_span: e.key_span,
                node,
            });
        }
    }

    fn set(&mut self, key: &str, node: Node) {
        self.out.push(Entry {
            key: key.into(),
            key_span: node.span,
            node,
        });
    }

    fn has(&self, key: &str) -> bool {
        self.out.iter().any(|e| e.key == key)
    }

    fn build(self, span: Span) -> Built {
        Built {
            node: Node::new(Value::Map(self.out), span),
            used: self.used,
        }
    }
}

fn map_node(span: Span, entries: Vec<(&str, Node)>) -> Node {
    Node::new(
        Value::Map(
            entries
                .into_iter()
                .map(|(k, node)| Entry {
                    key: k.into(),
                    key_span: node.span,
                    node,
                })
                .collect(),
        ),
        span,
    )
}

fn string(s: &str, span: Span) -> Node {
    Node::new(Value::String(s.into()), span)
}

fn reference(target: &str, attribute: Option<&str>, span: Span) -> Node {
    Node::new(
        Value::Ref(Box::new(ResourceRef {
            target: target.into(),
            attribute: attribute.map(Into::into),
        })),
        span,
    )
}

/// SAM tag maps (`{Key: Value}`) become CloudFormation tag lists.
fn tag_list(node: &Node) -> Option<Node> {
    match &node.value {
        Value::Map(entries) => Some(Node::new(
            Value::List(
                entries
                    .iter()
                    .map(|e| {
                        map_node(
                            e.key_span,
                            vec![
                                ("Key", string(&e.key, e.key_span)),
                                ("Value", e.node.clone()),
                            ],
                        )
                    })
                    .collect(),
            ),
            node.span,
        )),
        _ => Some(node.clone()),
    }
}

/// `CodeUri`/`ContentUri`/`DefinitionUri`: `s3://bucket/key` or `{Bucket, Key, Version}`.
fn s3_location(node: &Node, bucket: &str, key: &str, version: &str) -> Node {
    match &node.value {
        Value::String(s) => match s.strip_prefix("s3://").and_then(|r| r.split_once('/')) {
            Some((b, k)) => map_node(
                node.span,
                vec![(bucket, string(b, node.span)), (key, string(k, node.span))],
            ),
            // A local path, uploaded by `sam package` / `cloudformation package`.
            None => node.clone(),
        },
        Value::Map(entries) => Node::new(
            Value::Map(
                entries
                    .iter()
                    .map(|e| Entry {
                        key: match e.key.as_str() {
                            "Bucket" => bucket.into(),
                            "Key" => key.into(),
                            "Version" => version.into(),
                            other => other.into(),
                        },
                        key_span: e.key_span,
                        node: e.node.clone(),
                    })
                    .collect(),
            ),
            node.span,
        ),
        _ => node.clone(),
    }
}

/// The execution role SAM makes for a function without `Role`: the basic
/// execution policy (plus X-Ray and VPC access when used), `Policies` as
/// managed policy ARNs or inline documents. SAM policy templates
/// (`S3ReadPolicy: {..}`) are not expanded: their document is unknown.
fn function_role(id: &str, p: &Node, span: Span) -> Built {
    let mut r = Props::new(p);
    let arn = |name: &str| string(&format!("arn:aws:iam::aws:policy/{name}"), span);
    let mut managed = vec![arn("service-role/AWSLambdaBasicExecutionRole")];
    if p.get("Tracing").and_then(Node::as_str) == Some("Active") {
        managed.push(arn("AWSXrayWriteOnlyAccess"));
    }
    if p.get("VpcConfig").is_some() {
        managed.push(arn("service-role/AWSLambdaVPCAccessExecutionRole"));
    }
    let mut inline = Vec::new();
    if let Some(policies) = r.entry("Policies").map(|e| &e.node) {
        let items: Vec<&Node> = match &policies.value {
            Value::List(items) => items.iter().collect(),
            _ => vec![policies],
        };
        for item in items {
            let name = format!("{id}RolePolicy{}", inline.len());
            match &item.value {
                Value::String(s) if s.starts_with("arn:") => managed.push(item.clone()),
                Value::String(s) => managed.push(Node::new(
                    Value::String(format!("arn:aws:iam::aws:policy/{s}")),
                    item.span,
                )),
                Value::Map(_) if item.get("Statement").is_some() => {
                    inline.push(map_node(
                        item.span,
                        vec![
                            ("PolicyName", string(&name, item.span)),
                            ("PolicyDocument", item.clone()),
                        ],
                    ));
                }
                Value::Map(entries) => {
                    let template = entries.first().map(|e| e.key.as_str()).unwrap_or("");
                    inline.push(map_node(
                        item.span,
                        vec![
                            ("PolicyName", string(&name, item.span)),
                            (
                                "PolicyDocument",
                                Node::new(
                                    Value::Unknown(format!(
                                        "SAM policy template {template} is not expanded"
                                    )),
                                    item.span,
                                ),
                            ),
                        ],
                    ));
                }
                // A Ref or other value: a managed policy ARN.
                _ => managed.push(item.clone()),
            }
        }
    }
    let trust = map_node(
        span,
        vec![
            ("Version", string("2012-10-17", span)),
            (
                "Statement",
                Node::new(
                    Value::List(vec![map_node(
                        span,
                        vec![
                            ("Effect", string("Allow", span)),
                            ("Action", string("sts:AssumeRole", span)),
                            (
                                "Principal",
                                map_node(
                                    span,
                                    vec![("Service", string("lambda.amazonaws.com", span))],
                                ),
                            ),
                        ],
                    )]),
                    span,
                ),
            ),
        ],
    );
    r.set("AssumeRolePolicyDocument", trust);
    r.set("ManagedPolicyArns", Node::new(Value::List(managed), span));
    if !inline.is_empty() {
        r.set("Policies", Node::new(Value::List(inline), span));
    }
    r.rename("PermissionsBoundary", "PermissionsBoundary");
    r.map("RolePath", "Path", |n| Some(n.clone()));
    r.build(span)
}

/// The principal of the permission SAM adds for a function event source
/// that invokes the function asynchronously (S3, SNS, EventBridge, CloudWatch
/// Logs, IoT), and how SAM restricts it.
fn async_event_principal(event_type: &str) -> Option<(&'static str, Restriction)> {
    Some(match event_type {
        "S3" => ("s3.amazonaws.com", Restriction::Account),
        "SNS" => ("sns.amazonaws.com", Restriction::Property("Topic")),
        "EventBridgeRule" | "CloudWatchEvent" | "Schedule" => {
            ("events.amazonaws.com", Restriction::GeneratedRule)
        }
        "CloudWatchLogs" => ("logs.amazonaws.com", Restriction::LogGroup),
        "IoTRule" => ("iot.amazonaws.com", Restriction::GeneratedRule),
        _ => return None,
    })
}

/// The `SourceArn` / `SourceAccount` SAM puts on an event's permission.
enum Restriction {
    /// `SourceAccount: !Ref AWS::AccountId`.
    Account,
    /// `SourceArn` is the event property (the topic).
    Property(&'static str),
    /// `SourceArn` is the rule SAM generates for the event (`<Fn><Event>`).
    GeneratedRule,
    /// `SourceArn` is the log group's ARN, built with `Fn::Sub`.
    LogGroup,
}

/// `<Fn><Event>Permission` for each asynchronous event source of a function
/// (the synchronous and polled sources, `Api`, `SQS`, `Kinesis`..., are not
/// generated).
fn async_event_permissions(id: &str, p: &Node, name_span: Span) -> Vec<(String, Built)> {
    let Some(events) = p.get("Events").and_then(Node::as_map) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for event in events {
        let Some((principal, restriction)) = event
            .node
            .get("Type")
            .and_then(Node::as_str)
            .and_then(async_event_principal)
        else {
            continue;
        };
        let props = event.node.get("Properties");
        let empty = Node::new(Value::Map(Vec::new()), event.node.span);
        let mut perm = Props::under(
            props.unwrap_or(&empty),
            &format!("Properties.Events.{}.Properties", event.key),
        );
        let span = event.node.span;
        perm.set("Action", string("lambda:InvokeFunction", span));
        perm.set("FunctionName", reference(id, None, name_span));
        perm.set("Principal", string(principal, span));
        match restriction {
            Restriction::Account => perm.set(
                "SourceAccount",
                Node::new(
                    Value::Unknown(
                        "AWS::AccountId: the account is known only at deploy time".into(),
                    ),
                    span,
                ),
            ),
            Restriction::Property(key) => perm.rename(key, "SourceArn"),
            Restriction::GeneratedRule => perm.set(
                "SourceArn",
                reference(&format!("{id}{}", event.key), Some("Arn"), span),
            ),
            Restriction::LogGroup => perm.set(
                "SourceArn",
                Node::new(
                    Value::Unknown(format!(
                        "the ARN of the log group of event {} (known at deploy time)",
                        event.key
                    )),
                    span,
                ),
            ),
        }
        out.push((format!("{id}{}Permission", event.key), perm.build(span)));
    }
    out
}

/// SAM's `EventInvokeConfig.DestinationConfig` (`OnFailure: {Type,
/// Destination}`) as CloudFormation's (`OnFailure: {Destination}`). An `SQS`
/// or `SNS` destination without `Destination` is a queue or topic SAM
/// creates (`<Fn>EventInvokeConfigOnFailureQueue`).
fn event_destinations(id: &str, node: &Node) -> Node {
    let Some(entries) = node.as_map() else {
        return node.clone();
    };
    let destination = |e: &Entry| {
        if let Some(d) = e.node.get("Destination") {
            return Some(d.clone());
        }
        let created = match e.node.get("Type").and_then(Node::as_str)? {
            "SQS" => "Queue",
            "SNS" => "Topic",
            _ => return None,
        };
        Some(reference(
            &format!("{id}EventInvokeConfig{}{created}", e.key),
            Some("Arn"),
            e.node.span,
        ))
    };
    Node::new(
        Value::Map(
            entries
                .iter()
                .map(|e| Entry {
                    key: e.key.clone(),
                    key_span: e.key_span,
                    node: match destination(e) {
                        Some(d) => map_node(e.node.span, vec![("Destination", d)]),
                        None => map_node(e.node.span, Vec::new()),
                    },
                })
                .collect(),
        ),
        node.span,
    )
}

/// Expands one SAM resource (properties already evaluated).
pub fn expand(base: Resource) -> (Vec<Resource>, Vec<(Span, String)>) {
    let source_type = base.resource_type.clone();
    let mut warnings = Vec::new();
    let p = &base.properties;
    let span = p.span;
    let name_span = base.name_span;
    let make = |id: String, resource_type: &str, built: Built| {
        // Keep the references found in the settings this resource took, and
        // add the ones SAM makes (`RestApiId` of a stage).
        let mut references: Vec<Reference> = base
            .references
            .iter()
            .filter(|r| {
                r.path == "DependsOn"
                    || built.used.iter().any(|u| {
                        r.path == *u
                            || r.path.starts_with(&format!("{u}."))
                            || r.path.starts_with(&format!("{u}["))
                    })
            })
            .cloned()
            .collect();
        for e in built.node.as_map().unwrap_or(&[]) {
            if let Value::Ref(r) = &e.node.value
                && e.node.span == name_span
            {
                references.push(Reference {
                    target: r.target.clone(),
                    path: format!("Properties.{}", e.key),
                    span: name_span,
                });
            }
        }
        Resource {
            id,
            resource_type: resource_type.into(),
            source_type: Some(source_type.clone()),
            properties: built.node,
            references,
            ..base.clone()
        }
    };
    let mut out = Vec::new();
    match source_type.as_str() {
        "AWS::Serverless::Function" => {
            let mut f = Props::new(p);
            f.copy(&[
                "Runtime",
                "Handler",
                "Description",
                "MemorySize",
                "Timeout",
                "Role",
                "Environment",
                "KmsKeyArn",
                "VpcConfig",
                "Layers",
                "ReservedConcurrentExecutions",
                "Architectures",
                "EphemeralStorage",
                "PackageType",
                "FunctionName",
                "ImageConfig",
                "FileSystemConfigs",
                "SnapStart",
                "LoggingConfig",
                "RuntimeManagementConfig",
                "CodeSigningConfigArn",
                "RecursiveLoop",
            ]);
            f.map("CodeUri", "Code", |n| {
                Some(s3_location(n, "S3Bucket", "S3Key", "S3ObjectVersion"))
            });
            f.map("InlineCode", "Code", |n| {
                Some(map_node(n.span, vec![("ZipFile", n.clone())]))
            });
            f.map("ImageUri", "Code", |n| {
                Some(map_node(n.span, vec![("ImageUri", n.clone())]))
            });
            f.map("Tracing", "TracingConfig", |n| {
                Some(map_node(n.span, vec![("Mode", n.clone())]))
            });
            f.map("DeadLetterQueue", "DeadLetterConfig", |n| {
                n.get("TargetArn")
                    .map(|t| map_node(n.span, vec![("TargetArn", t.clone())]))
            });
            f.map("Tags", "Tags", tag_list);
            let role = if f.has("Role") {
                None
            } else {
                f.set(
                    "Role",
                    reference(&format!("{}Role", base.id), Some("Arn"), name_span),
                );
                Some(function_role(&base.id, p, name_span))
            };
            let invoke_config = p.get("EventInvokeConfig").map(|config| {
                let mut c = Props::under(config, "Properties.EventInvokeConfig");
                c.copy(&["MaximumEventAgeInSeconds", "MaximumRetryAttempts"]);
                c.map("DestinationConfig", "DestinationConfig", |n| {
                    Some(event_destinations(&base.id, n))
                });
                c.set("FunctionName", reference(&base.id, None, name_span));
                c.set("Qualifier", string("$LATEST", config.span));
                c.build(config.span)
            });
            let permissions = async_event_permissions(&base.id, p, name_span);
            let url = p.get("FunctionUrlConfig").map(|config| {
                let mut u = Props::under(config, "Properties.FunctionUrlConfig");
                u.copy(&["AuthType", "Cors", "InvokeMode"]);
                u.set("TargetFunctionArn", reference(&base.id, None, name_span));
                u.build(config.span)
            });
            out.push(make(
                base.id.clone(),
                "AWS::Lambda::Function",
                f.build(span),
            ));
            if let Some(url) = url {
                out.push(make(format!("{}Url", base.id), "AWS::Lambda::Url", url));
            }
            if let Some(config) = invoke_config {
                out.push(make(
                    format!("{}EventInvokeConfig", base.id),
                    "AWS::Lambda::EventInvokeConfig",
                    config,
                ));
            }
            for (id, permission) in permissions {
                out.push(make(id, "AWS::Lambda::Permission", permission));
            }
            if let Some(role) = role {
                out.push(make(format!("{}Role", base.id), "AWS::IAM::Role", role));
            }
        }
        "AWS::Serverless::Api" => {
            let mut api = Props::new(p);
            api.copy(&[
                "Name",
                "Description",
                "BinaryMediaTypes",
                "MinimumCompressionSize",
                "DisableExecuteApiEndpoint",
                "Mode",
                "ApiKeySourceType",
                "FailOnWarnings",
                // Not a RestApi property: SAM turns it into authorizers and
                // method settings. Kept as written for authorization checks.
                "Auth",
            ]);
            api.map("EndpointConfiguration", "EndpointConfiguration", |n| {
                Some(match &n.value {
                    Value::String(_) | Value::Ref(_) | Value::Unknown(_) | Value::Either(_) => {
                        map_node(
                            n.span,
                            vec![("Types", Node::new(Value::List(vec![n.clone()]), n.span))],
                        )
                    }
                    Value::Map(_) => {
                        let mut e = Props::new(n);
                        e.map("Type", "Types", |t| {
                            Some(Node::new(Value::List(vec![t.clone()]), t.span))
                        });
                        e.rename("VPCEndpointIds", "VpcEndpointIds");
                        e.build(n.span).node
                    }
                    _ => n.clone(),
                })
            });
            api.rename("DefinitionBody", "Body");
            api.map("DefinitionUri", "BodyS3Location", |n| {
                Some(s3_location(n, "Bucket", "Key", "Version"))
            });
            let mut stage = Props::new(p);
            stage.copy(&[
                "StageName",
                "AccessLogSetting",
                "MethodSettings",
                "TracingEnabled",
                "CacheClusterEnabled",
                "CacheClusterSize",
                "CanarySetting",
            ]);
            stage.rename("Variables", "Variables");
            stage.map("Tags", "Tags", tag_list);
            stage.set("RestApiId", reference(&base.id, None, name_span));
            let stage_id = stage_id(&base.id, p.get("StageName"), false);
            out.push(make(
                base.id.clone(),
                "AWS::ApiGateway::RestApi",
                api.build(span),
            ));
            out.push(make(stage_id, "AWS::ApiGateway::Stage", stage.build(span)));
        }
        "AWS::Serverless::HttpApi" => {
            let mut api = Props::new(p);
            api.copy(&[
                "Name",
                "Description",
                "CorsConfiguration",
                "DisableExecuteApiEndpoint",
                "FailOnWarnings",
                // Kept as written: SAM turns it into authorizers.
                "Auth",
            ]);
            api.rename("DefinitionBody", "Body");
            api.map("DefinitionUri", "BodyS3Location", |n| {
                Some(s3_location(n, "Bucket", "Key", "Version"))
            });
            api.set("ProtocolType", string("HTTP", name_span));
            let mut stage = Props::new(p);
            stage.copy(&[
                "AccessLogSettings",
                "DefaultRouteSettings",
                "RouteSettings",
                "StageVariables",
            ]);
            stage.map("Tags", "Tags", |n| Some(n.clone()));
            match p.get("StageName") {
                Some(_) => stage.rename("StageName", "StageName"),
                None => stage.set("StageName", string("$default", name_span)),
            }
            stage.set("ApiId", reference(&base.id, None, name_span));
            stage.set("AutoDeploy", Node::new(Value::Bool(true), name_span));
            let stage_id = stage_id(&base.id, p.get("StageName"), true);
            out.push(make(
                base.id.clone(),
                "AWS::ApiGatewayV2::Api",
                api.build(span),
            ));
            out.push(make(
                stage_id,
                "AWS::ApiGatewayV2::Stage",
                stage.build(span),
            ));
        }
        "AWS::Serverless::SimpleTable" => {
            let mut t = Props::new(p);
            t.copy(&["TableName", "ProvisionedThroughput", "SSESpecification"]);
            t.map("Tags", "Tags", tag_list);
            if !t.has("SSESpecification") {
                // SAM generates the table without server-side encryption settings.
                t.set(
                    "SSESpecification",
                    map_node(
                        name_span,
                        vec![("SSEEnabled", Node::new(Value::Bool(false), name_span))],
                    ),
                );
            }
            if !t.has("ProvisionedThroughput") {
                t.set("BillingMode", string("PAY_PER_REQUEST", name_span));
            }
            let (key_name, key_type, key_span) = match p.get("PrimaryKey") {
                Some(k) => (
                    k.get("Name")
                        .cloned()
                        .unwrap_or_else(|| string("id", k.span)),
                    k.get("Type")
                        .and_then(Node::as_str)
                        .unwrap_or("String")
                        .to_string(),
                    k.span,
                ),
                None => (string("id", name_span), "String".to_string(), name_span),
            };
            let attr_type = match key_type.as_str() {
                "Number" => "N",
                "Binary" => "B",
                _ => "S",
            };
            t.set(
                "KeySchema",
                Node::new(
                    Value::List(vec![map_node(
                        key_span,
                        vec![
                            ("AttributeName", key_name.clone()),
                            ("KeyType", string("HASH", key_span)),
                        ],
                    )]),
                    key_span,
                ),
            );
            t.set(
                "AttributeDefinitions",
                Node::new(
                    Value::List(vec![map_node(
                        key_span,
                        vec![
                            ("AttributeName", key_name),
                            ("AttributeType", string(attr_type, key_span)),
                        ],
                    )]),
                    key_span,
                ),
            );
            out.push(make(base.id.clone(), "AWS::DynamoDB::Table", t.build(span)));
        }
        "AWS::Serverless::StateMachine" => {
            let mut s = Props::new(p);
            s.copy(&[
                "Definition",
                "DefinitionSubstitutions",
                "PermissionsBoundary",
            ]);
            s.map("DefinitionUri", "DefinitionS3Location", |n| {
                Some(s3_location(n, "Bucket", "Key", "Version"))
            });
            s.rename("Logging", "LoggingConfiguration");
            s.rename("Tracing", "TracingConfiguration");
            s.rename("Type", "StateMachineType");
            s.rename("Name", "StateMachineName");
            s.rename("Role", "RoleArn");
            s.map("Tags", "Tags", tag_list);
            out.push(make(
                base.id.clone(),
                "AWS::StepFunctions::StateMachine",
                s.build(span),
            ));
        }
        "AWS::Serverless::LayerVersion" => {
            let mut l = Props::new(p);
            l.copy(&[
                "LayerName",
                "Description",
                "CompatibleRuntimes",
                "CompatibleArchitectures",
                "LicenseInfo",
            ]);
            l.map("ContentUri", "Content", |n| {
                Some(s3_location(n, "S3Bucket", "S3Key", "S3ObjectVersion"))
            });
            out.push(make(
                base.id.clone(),
                "AWS::Lambda::LayerVersion",
                l.build(span),
            ));
        }
        "AWS::Serverless::Application" => {
            let mut a = Props::new(p);
            a.copy(&["Parameters", "NotificationARNs", "TimeoutInMinutes"]);
            a.rename("Location", "TemplateURL");
            a.map("Tags", "Tags", tag_list);
            out.push(make(
                base.id.clone(),
                "AWS::CloudFormation::Stack",
                a.build(span),
            ));
        }
        other => {
            warnings.push((
                base.name_span,
                format!("{other} is not expanded: {} is read as written", base.id),
            ));
            let mut r = base.clone();
            r.source_type = Some(other.to_string());
            out.push(r);
        }
    }
    (out, warnings)
}
