//! # lambda.failed-event-destination: events Lambda gives up on are kept, not discarded
//!
//! ## Why this is your duty
//! Lambda is abstracted: AWS queues, retries and runs the invocations, but
//! the events themselves are your data. When a function invoked
//! asynchronously (by S3, SNS, EventBridge, CloudWatch Logs, IoT, SES...)
//! keeps failing, or a batch from a Kinesis or DynamoDB stream keeps
//! failing, Lambda eventually gives up, and the event is then gone unless
//! you named somewhere to keep it. Keeping the only copy of an event that
//! could not be processed is a durability choice that is yours (resilience,
//! shared). Synchronous callers (API Gateway, a load balancer, the SDK) get
//! the error back themselves, and SQS keeps failed messages in the queue
//! (its redrive policy decides), so those are not judged here.
//!
//! ## What AWS already does
//! For asynchronous invocations Lambda retries twice and keeps an event for
//! up to six hours, then discards it, unless the function has a dead-letter
//! queue (`DeadLetterConfig`, since 2016) or an on-failure destination
//! (`AWS::Lambda::EventInvokeConfig`, since November 2019). For stream
//! sources, Lambda retries a failing batch until its records expire from the
//! stream (24 hours by default on Kinesis and DynamoDB Streams), blocking
//! the shard meanwhile, unless an on-failure destination is set on the event
//! source mapping (since November 2019).
//!
//! ## Verdicts
//! Functions (`AWS::Lambda::Function`, `aws_lambda_function`):
//! - met: `DeadLetterConfig.TargetArn` (`dead_letter_config { target_arn }`)
//!   is set, or an event invoke configuration for the function names an
//!   on-failure destination;
//! - not met: neither, and the code shows the function is invoked
//!   asynchronously: a permission for an asynchronous AWS service principal
//!   (`s3`, `sns`, `events`, `logs`, `iot`, `ses`, `codecommit`, `config`),
//!   including the ones SAM adds for such event sources, or an event invoke
//!   configuration without an on-failure destination;
//! - unknown: the dead-letter target, or the principal of a permission of
//!   the function, is not static, or the only asynchronous invoker is a
//!   Terraform resource whose `count` / `for_each` is not static (it may not
//!   exist);
//! - not applicable: no asynchronous invoker of the function in the scanned
//!   code.
//!
//! Event invoke configurations (`AWS::Lambda::EventInvokeConfig`,
//! `aws_lambda_function_event_invoke_config`, SAM's `EventInvokeConfig`):
//! met with `DestinationConfig.OnFailure.Destination`
//! (`destination_config { on_failure { destination } }`) or when the
//! function (in the same code) has a dead-letter queue; not met otherwise;
//! unknown when the function is not in the scan.
//!
//! Event source mappings (`AWS::Lambda::EventSourceMapping`,
//! `aws_lambda_event_source_mapping`) reading a Kinesis or DynamoDB stream:
//! met with `DestinationConfig.OnFailure.Destination`
//! (`destination_config { on_failure { destination_arn } }`), not met
//! without; not applicable to SQS, Amazon MQ, Kafka and DocumentDB sources;
//! unknown when the source is not static.
//!
//! Fix: add `DeadLetterConfig: {TargetArn: <queue or topic ARN>}`, or an
//! `OnFailure` destination.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Fn:
//!     Type: AWS::Lambda::Function
//!     Properties:
//!       Runtime: python3.13
//!       Handler: app.handler
//!       Role: arn:aws:iam::111122223333:role/app
//!       Code:
//!         ZipFile: "def handler(e, c): pass"
//!       DeadLetterConfig:
//!         TargetArn: arn:aws:sqs:eu-west-1:111122223333:failed
//! ```
//! ```yaml Fn=not-met
//! Resources:
//!   Fn:
//!     Type: AWS::Lambda::Function
//!     Properties:
//!       Runtime: python3.13
//!       Handler: app.handler
//!       Role: arn:aws:iam::111122223333:role/app
//!       Code:
//!         ZipFile: "def handler(e, c): pass"
//!   FromBucket:
//!     Type: AWS::Lambda::Permission
//!     Properties:
//!       Action: lambda:InvokeFunction
//!       FunctionName: !GetAtt Fn.Arn
//!       Principal: s3.amazonaws.com
//!       SourceAccount: "111122223333"
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Fn:
//!     Type: AWS::Lambda::Function
//!     Properties:
//!       Runtime: python3.13
//!       Handler: app.handler
//!       Role: arn:aws:iam::111122223333:role/app
//!       Code:
//!         ZipFile: "def handler(e, c): pass"
//! ```
//! ```yaml Fn=met Async=met
//! Resources:
//!   Fn:
//!     Type: AWS::Lambda::Function
//!     Properties:
//!       Runtime: python3.13
//!       Handler: app.handler
//!       Role: arn:aws:iam::111122223333:role/app
//!       Code:
//!         ZipFile: "def handler(e, c): pass"
//!   Async:
//!     Type: AWS::Lambda::EventInvokeConfig
//!     Properties:
//!       FunctionName: !Ref Fn
//!       Qualifier: $LATEST
//!       DestinationConfig:
//!         OnFailure:
//!           Destination: arn:aws:sqs:eu-west-1:111122223333:failed
//! ```
//! ```yaml Handler=not-met
//! Transform: AWS::Serverless-2016-10-31
//! Resources:
//!   Uploads:
//!     Type: AWS::S3::Bucket
//!   Handler:
//!     Type: AWS::Serverless::Function
//!     Properties:
//!       Runtime: python3.13
//!       Handler: app.handler
//!       CodeUri: src/
//!       Events:
//!         Uploads:
//!           Type: S3
//!           Properties:
//!             Bucket: !Ref Uploads
//!             Events: s3:ObjectCreated:*
//! ```
//! ```yaml pass
//! Transform: AWS::Serverless-2016-10-31
//! Resources:
//!   Topic:
//!     Type: AWS::SNS::Topic
//!   Handler:
//!     Type: AWS::Serverless::Function
//!     Properties:
//!       Runtime: python3.13
//!       Handler: app.handler
//!       CodeUri: src/
//!       EventInvokeConfig:
//!         DestinationConfig:
//!           OnFailure:
//!             Type: SQS
//!       Events:
//!         Alerts:
//!           Type: SNS
//!           Properties:
//!             Topic: !Ref Topic
//! ```
//! ```yaml fail
//! Resources:
//!   Stream:
//!     Type: AWS::Kinesis::Stream
//!     Properties:
//!       ShardCount: 1
//!   Mapping:
//!     Type: AWS::Lambda::EventSourceMapping
//!     Properties:
//!       FunctionName: app
//!       EventSourceArn: !GetAtt Stream.Arn
//!       StartingPosition: LATEST
//! ```
//! ```hcl not-applicable
//! resource "aws_lambda_event_source_mapping" "Mapping" {
//!   function_name    = "app"
//!   event_source_arn = "arn:aws:sqs:eu-west-1:111122223333:jobs"
//! }
//! ```
//! ```hcl pass
//! resource "aws_lambda_function" "fn" {
//!   function_name = "app"
//!   role          = "arn:aws:iam::111122223333:role/app"
//!   runtime       = "python3.13"
//!   handler       = "app.handler"
//!   filename      = "app.zip"
//! }
//! resource "aws_lambda_function_event_invoke_config" "async" {
//!   function_name = aws_lambda_function.fn.function_name
//!   destination_config {
//!     on_failure {
//!       destination = "arn:aws:sqs:eu-west-1:111122223333:failed"
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_lambda_function" "fn" {
//!   function_name = "app"
//!   role          = "arn:aws:iam::111122223333:role/app"
//!   runtime       = "python3.13"
//!   handler       = "app.handler"
//!   filename      = "app.zip"
//! }
//! resource "aws_lambda_function_event_invoke_config" "async" {
//!   function_name          = aws_lambda_function.fn.function_name
//!   maximum_retry_attempts = 1
//! }
//! ```
//! ```hcl aws_lambda_function.fn=unknown
//! variable "asynchronous" {
//!   type = bool
//! }
//! resource "aws_lambda_function" "fn" {
//!   function_name = "app"
//!   role          = "arn:aws:iam::111122223333:role/app"
//!   runtime       = "python3.13"
//!   handler       = "app.handler"
//!   filename      = "app.zip"
//! }
//! resource "aws_lambda_function_event_invoke_config" "async" {
//!   count         = var.asynchronous ? 1 : 0
//!   function_name = aws_lambda_function.fn.function_name
//! }
//! ```
//! ```hcl fail
//! resource "aws_lambda_function" "fn" {
//!   function_name = "app"
//!   role          = "arn:aws:iam::111122223333:role/app"
//!   runtime       = "python3.13"
//!   handler       = "app.handler"
//!   filename      = "app.zip"
//! }
//! resource "aws_lambda_permission" "events" {
//!   action        = "lambda:InvokeFunction"
//!   function_name = aws_lambda_function.fn.function_name
//!   principal     = "events.amazonaws.com"
//!   source_arn    = "arn:aws:events:eu-west-1:111122223333:rule/nightly"
//! }
//! ```

use crate::check::{Judgement, is_empty, judge, prop, spelling};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::{Status, Verdict};
use onus_ingest::{Node, Resource, Value};
use onus_model::Duty;

const FUNCTION: &[&str] = &["AWS::Lambda::Function", "aws_lambda_function"];
const INVOKE_CONFIG: &[&str] = &[
    "AWS::Lambda::EventInvokeConfig",
    "aws_lambda_function_event_invoke_config",
];
const PERMISSION: &[&str] = &["AWS::Lambda::Permission", "aws_lambda_permission"];

pub static RULE: Rule = Rule {
    id: "lambda.failed-event-destination",
    title: "Events that Lambda gives up on are kept (dead-letter queue or on-failure destination)",
    duty: Duty::Resilience,
    severity: Severity::Low,
    cfn_types: &[
        "AWS::Lambda::Function",
        "AWS::Lambda::EventInvokeConfig",
        "AWS::Lambda::EventSourceMapping",
    ],
    tf_types: &[
        "aws_lambda_function",
        "aws_lambda_function_event_invoke_config",
        "aws_lambda_event_source_mapping",
    ],
    reads: PERMISSION,
    controls: Controls {
        fsbp: &[],
        config: &["LAMBDA_DLQ_CHECK"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_116", Related),
        guard("LAMBDA_DLQ_CHECK", Related),
    ],
    check,
    file: file!(),
};

/// Service principals that invoke functions asynchronously.
const ASYNC_SERVICES: &[&str] = &[
    "s3",
    "sns",
    "events",
    "logs",
    "iot",
    "ses",
    "codecommit",
    "config",
];

fn check(resource: &Resource, cx: &Context) -> Verdict {
    if INVOKE_CONFIG.contains(&resource.resource_type.as_str()) {
        invoke_config(resource, cx)
    } else if FUNCTION.contains(&resource.resource_type.as_str()) {
        function(resource, cx)
    } else {
        event_source_mapping(resource, cx)
    }
}

/// The function's dead-letter target: met, not met (absent) or unknown.
fn dead_letter(resource: &Resource) -> Verdict {
    let (node, path) = prop(
        resource,
        "DeadLetterConfig.TargetArn",
        "dead_letter_config.target_arn",
    );
    let Some(node) = node else {
        return Verdict::missing(resource, path, format!("{path} is not set"));
    };
    let j = judge(node, &mut |n| {
        Judgement::from_bool(!is_empty(n), n, || format!("{path} is empty"))
    });
    crate::check::verdict_of(
        resource,
        node,
        path,
        j,
        "failed asynchronous events go to the function's dead-letter queue",
    )
}

/// True when an event invoke configuration names an on-failure destination
/// (a value that is not static counts: the destination is set).
fn has_on_failure(config: &Resource) -> bool {
    let key = spelling(
        config,
        "DestinationConfig.OnFailure.Destination",
        "destination_config.on_failure.destination",
    );
    crate::check::get(config, key).is_some_and(|n| !is_empty(n))
}

fn function_links<'w>(resource: &Resource, cx: &Context<'w>, types: &[&str]) -> Vec<&'w Resource> {
    let attr = spelling(resource, "FunctionName", "function_name");
    cx.linked(resource, types, attr, Some(attr))
}

fn function(resource: &Resource, cx: &Context) -> Verdict {
    let dlq = dead_letter(resource);
    if dlq.status == Status::Met {
        return dlq;
    }
    let configs = function_links(resource, cx, INVOKE_CONFIG);
    if let Some(c) = configs.iter().find(|c| has_on_failure(c)) {
        return Verdict::met(
            resource,
            resource.name_span,
            "DestinationConfig.OnFailure",
            format!(
                "{} sends failed asynchronous events to an on-failure destination",
                c.id
            ),
        );
    }
    if dlq.status == Status::Unknown {
        return dlq;
    }
    let (dlq_path, why) = (
        dlq.path.clone(),
        "after two retries Lambda discards an event that still fails: set a dead-letter queue or an on-failure destination",
    );
    if let Some(c) = configs.iter().find(|c| !may_not_exist(c)) {
        return Verdict::missing(
            resource,
            &dlq_path,
            format!(
                "invoked asynchronously ({} configures it, with no on-failure destination): {why}",
                c.id
            ),
        );
    }
    let mut unknown = configs.first().map(|c| {
        Verdict::unknown(
            resource,
            resource.name_span,
            &dlq_path,
            format!("whether {} exists (its count or for_each is not static), so whether the function is invoked asynchronously", c.id),
        )
    });
    for permission in function_links(resource, cx, PERMISSION) {
        let (principal, _) = prop(permission, "Principal", "principal");
        let Some(principal) = principal else { continue };
        match principal.scalar_text() {
            Some(p) if is_async_service(&p) && may_not_exist(permission) => {
                unknown.get_or_insert_with(|| {
                    Verdict::unknown(
                        resource,
                        resource.name_span,
                        &dlq_path,
                        format!(
                            "whether {} exists (its count or for_each is not static)",
                            permission.id
                        ),
                    )
                });
            }
            Some(p) if is_async_service(&p) => {
                return Verdict::missing(
                    resource,
                    &dlq_path,
                    format!(
                        "invoked asynchronously by {} ({}): {why}",
                        p.trim(),
                        permission.id
                    ),
                );
            }
            Some(_) => {}
            None => {
                unknown.get_or_insert_with(|| {
                    let what = match &principal.value {
                        Value::Unknown(w) => w.clone(),
                        _ => format!(
                            "the principal of {}, which is not a plain value",
                            permission.id
                        ),
                    };
                    Verdict::unknown(resource, principal.span, &dlq_path, what)
                });
            }
        }
    }
    unknown.unwrap_or_else(|| {
        Verdict::not_applicable(
            resource,
            "no asynchronous invoker of the function in the scanned code",
        )
    })
}

/// A Terraform resource whose `count` or `for_each` is not static (read
/// once as `x[*]`): it may not exist at all.
fn may_not_exist(resource: &Resource) -> bool {
    resource.id.ends_with("[*]")
}

fn is_async_service(principal: &str) -> bool {
    let p = principal.trim();
    let service = p
        .strip_suffix(".amazonaws.com")
        .or_else(|| p.strip_suffix(".amazonaws.com.cn"));
    service.is_some_and(|s| ASYNC_SERVICES.contains(&s))
}

fn invoke_config(resource: &Resource, cx: &Context) -> Verdict {
    let key = spelling(
        resource,
        "DestinationConfig.OnFailure.Destination",
        "destination_config.on_failure.destination",
    );
    if has_on_failure(resource) {
        return Verdict::met(
            resource,
            resource.name_span,
            key,
            "failed asynchronous events go to the on-failure destination",
        );
    }
    let (name, name_path) = prop(resource, "FunctionName", "function_name");
    let target = name.and_then(|n| {
        cx.resolve(resource, n).or_else(|| {
            let text = n.as_str()?;
            cx.in_scope(resource, FUNCTION).find(|f| {
                let k = spelling(f, "FunctionName", "function_name");
                f.properties.get(k).and_then(Node::as_str) == Some(text)
            })
        })
    });
    match target {
        Some(f) if dead_letter(f).status == Status::Met => Verdict::met(
            resource,
            resource.name_span,
            key,
            format!(
                "no on-failure destination, but {} has a dead-letter queue",
                f.id
            ),
        ),
        Some(f) => Verdict::missing(
            resource,
            key,
            format!(
                "{key} is not set and {} has no dead-letter queue: after the retries, failed events are discarded",
                f.id
            ),
        ),
        None => {
            let span = name.map_or(resource.name_span, |n| n.span);
            let what = match name.map(|n| &n.value) {
                Some(Value::Unknown(w)) => format!("the function ({w}) and its dead-letter queue"),
                _ => "whether the function, which is not in the scanned code, has a dead-letter queue"
                    .into(),
            };
            Verdict::unknown(resource, span, name_path, what)
        }
    }
}

/// What kind of source an event source mapping reads.
enum Source {
    Stream,
    Other(&'static str),
    NotStatic(Node, String),
}

fn source(resource: &Resource, cx: &Context) -> Source {
    if prop(
        resource,
        "SelfManagedEventSource",
        "self_managed_event_source",
    )
    .0
    .is_some()
    {
        return Source::Other("a self-managed Kafka source");
    }
    let (arn, _) = prop(resource, "EventSourceArn", "event_source_arn");
    let Some(arn) = arn else {
        return Source::Other("no event source");
    };
    if let Some(target) = cx.resolve(resource, arn) {
        return match target.resource_type.as_str() {
            "AWS::Kinesis::Stream"
            | "aws_kinesis_stream"
            | "AWS::DynamoDB::Table"
            | "aws_dynamodb_table"
            | "AWS::DynamoDB::GlobalTable" => Source::Stream,
            _ => Source::Other("a queue, broker, Kafka or DocumentDB source"),
        };
    }
    match arn.as_str() {
        Some(a) if a.contains(":kinesis:") || a.contains(":dynamodb:") => Source::Stream,
        Some(_) => Source::Other("a queue, broker, Kafka or DocumentDB source"),
        None => {
            let starting = prop(resource, "StartingPosition", "starting_position").0;
            match (&arn.value, starting) {
                // SQS and Amazon MQ take no starting position.
                (_, None) => Source::Other("a queue or broker source"),
                (Value::Unknown(w), Some(_)) => Source::NotStatic(arn.clone(), w.clone()),
                _ => Source::NotStatic(
                    arn.clone(),
                    "an event source that depends on a condition".into(),
                ),
            }
        }
    }
}

fn event_source_mapping(resource: &Resource, cx: &Context) -> Verdict {
    let key = spelling(
        resource,
        "DestinationConfig.OnFailure.Destination",
        "destination_config.on_failure.destination_arn",
    );
    match source(resource, cx) {
        Source::Other(what) => Verdict::not_applicable(
            resource,
            format!(
                "{what}: failed records stay at the source, whose retention or redrive policy decides"
            ),
        ),
        Source::NotStatic(node, what) => {
            let path = spelling(resource, "EventSourceArn", "event_source_arn");
            Verdict::unknown(resource, node.span, path, what)
        }
        Source::Stream => match crate::check::get(resource, key) {
            Some(d) if !is_empty(d) => Verdict::met(
                resource,
                d.span,
                key,
                "records of batches that keep failing go to the on-failure destination",
            ),
            _ => Verdict::missing(
                resource,
                key,
                format!(
                    "{key} is not set: a batch that keeps failing blocks the shard until its records expire from the stream, then they are lost"
                ),
            ),
        },
    }
}
