//! # code.no-hardcoded-secrets: Resource settings hold no hard-coded secrets
//!
//! ## Why this is your duty
//! Whatever the service, the credentials you hand it are yours to keep: a
//! password, token or private key written in a template or Terraform file
//! (directly, as a parameter's `Default`, a variable's `default` or a
//! `locals` value) is in version control, in stack or state history and in
//! every copy of the code, and stops being a secret.
//!
//! ## What AWS already does
//! Keeps secrets out of the code when you ask it to: CloudFormation dynamic
//! references (`{{resolve:secretsmanager:...}}`, `{{resolve:ssm-secure:...}}`),
//! `ManageMasterUserPassword`, Secrets Manager generated secrets, and
//! Terraform `ephemeral`/`sensitive` values read from a secret store.
//!
//! ## Verdicts
//! Every setting of every resource, except those a dedicated rule judges
//! (Lambda environment variables, EC2 user data, CodeBuild environment and
//! source, ECS container definitions, RDS master passwords) and tags. A
//! value that comes from a CloudFormation parameter's `Default`, a Terraform
//! variable's default or a local is judged where a resource uses it: the
//! verdict lands on that resource (its secrets-handling duty), names the
//! parameter, variable or local, and points at the use.
//! - not met: a value in a known key format (AWS access key id, private key,
//!   GitHub, GitLab, Slack, Stripe, Google, SendGrid, npm or Twilio token,
//!   JWT, password in a URL) anywhere, or a literal under a setting named
//!   like a secret (`Password`, `MasterUserPassword`, `AuthToken`,
//!   `OAuthToken`, `SecretString`, `api_key`...); the message shows a masked
//!   prefix only;
//! - met: the resource has settings named like secrets, and each holds a
//!   pointer to a secret store (a dynamic reference, an ARN, a parameter
//!   path), a reference to another resource or a value not in the code;
//! - not applicable: no setting of the resource holds a secret.
//!
//! ## Examples
//! ```yaml fail
//! Resources:
//!   Cache:
//!     Type: AWS::ElastiCache::ReplicationGroup
//!     Properties:
//!       ReplicationGroupDescription: sessions
//!       Engine: redis
//!       CacheNodeType: cache.t3.micro
//!       TransitEncryptionEnabled: true
//!       AuthToken: correct-horse-battery-staple
//! ```
//! ```yaml Pipeline=met Bucket=not-applicable
//! Resources:
//!   Bucket:
//!     Type: AWS::S3::Bucket
//!   Pipeline:
//!     Type: AWS::CodePipeline::Pipeline
//!     Properties:
//!       RoleArn: arn:aws:iam::111122223333:role/pipeline
//!       Stages:
//!         - Name: Source
//!           Actions:
//!             - Name: GitHub
//!               ActionTypeId: {Category: Source, Owner: ThirdParty, Provider: GitHub, Version: "1"}
//!               Configuration:
//!                 Owner: acme
//!                 Repo: app
//!                 Branch: main
//!                 OAuthToken: "{{resolve:secretsmanager:github:SecretString:token}}"
//! ```
//! ```yaml fail
//! Parameters:
//!   GithubToken:
//!     Type: String
//!     NoEcho: true
//!     Default: ghp_abcdefghijklmnopqrstuvwxyz0123456789
//! Resources:
//!   Site:
//!     Type: AWS::Amplify::App
//!     Properties:
//!       Name: site
//!       Repository: https://github.com/acme/site
//!       AccessToken: !Ref GithubToken
//! ```
//! ```yaml fail
//! Parameters:
//!   ApiSecret:
//!     Type: String
//!     Default: s3cr3t-v4lue-in-template
//! Resources:
//!   Hook:
//!     Type: AWS::SSM::Parameter
//!     Properties:
//!       Type: String
//!       Value: !Ref ApiSecret
//! ```
//! ```hcl fail
//! variable "broker_password" {
//!   type    = string
//!   default = "hunter2hunter2"
//! }
//! resource "aws_mq_broker" "events" {
//!   broker_name        = "events"
//!   engine_type        = "RabbitMQ"
//!   engine_version     = "3.13"
//!   host_instance_type = "mq.t3.micro"
//!   user {
//!     username = "app"
//!     password = var.broker_password
//!   }
//! }
//! ```
//! ```hcl aws_secretsmanager_secret_version.broker=met aws_secretsmanager_secret.broker=not-applicable
//! resource "aws_secretsmanager_secret" "broker" {
//!   name = "broker"
//! }
//! resource "aws_secretsmanager_secret_version" "broker" {
//!   secret_id     = aws_secretsmanager_secret.broker.id
//!   secret_string = random_password.broker.result
//! }
//! resource "random_password" "broker" {
//!   length = 32
//! }
//! ```

use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::secrets::{judge, literal_secret, mask, origin, origin_of, secret_name};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "code.no-hardcoded-secrets",
    title: "Resource settings hold no hard-coded secrets",
    duty: Duty::SecretsHandling,
    severity: Severity::High,
    cfn_types: &["*"],
    tf_types: &["*"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[
        checkov("CKV_AWS_384", Related),
        checkov("CKV_AWS_295", Related),
        guard("AMAZON_MQ_BROKER_USERS_NO_PLAINTEXT_PASSWORD", Related),
        guard(
            "REDSHIFT_CLUSTER_MASTER_USER_PASSWORD_NO_PLAINTEXT_PASSWORD",
            Related,
        ),
        guard("IAM_USER_LOGIN_PROFILE_NO_PLAINTEXT_PASSWORD", Related),
    ],
    check,
    file: file!(),
};

/// Top-level settings judged by a dedicated rule, per type.
fn judged_elsewhere(resource_type: &str, key: &str) -> bool {
    let keys: &[&str] = match resource_type {
        "AWS::Lambda::Function" => &["Environment"],
        "aws_lambda_function" => &["environment"],
        "AWS::EC2::Instance" | "AWS::AutoScaling::LaunchConfiguration" => &["UserData"],
        "AWS::EC2::LaunchTemplate" => &["LaunchTemplateData"],
        "aws_instance" | "aws_launch_configuration" | "aws_launch_template" => {
            &["user_data", "user_data_base64"]
        }
        "AWS::CodeBuild::Project" => &["Environment", "Source", "SecondarySources"],
        "aws_codebuild_project" => &["environment", "source", "secondary_sources"],
        "AWS::ECS::TaskDefinition" => &["ContainerDefinitions"],
        "aws_ecs_task_definition" => &["container_definitions"],
        "AWS::RDS::DBInstance" | "AWS::RDS::DBCluster" => &["MasterUserPassword"],
        "aws_db_instance" => &["password"],
        "aws_rds_cluster" => &["master_password"],
        _ => &[],
    };
    keys.contains(&key) || key.eq_ignore_ascii_case("tags") || key == "tags_all"
}

#[derive(Default)]
struct Scan<'n> {
    /// The first secret: node, setting name, what and masked prefix.
    found: Option<(&'n Node, &'n str, &'static str, String)>,
    /// The first setting named like a secret that holds no literal.
    pointer: Option<(&'n Node, &'n str)>,
}

fn walk<'n>(text: &str, node: &'n Node, key: &'n str, scan: &mut Scan<'n>) {
    if scan.found.is_some() {
        return;
    }
    match &node.value {
        Value::String(s) => {
            // A setting named like a secret, or a value from a parameter,
            // variable or local named like one.
            let named = secret_name(key)
                || origin_of(text, node.span).is_some_and(|(_, from)| secret_name(&from));
            if let Some(f) = judge(None, s) {
                scan.found = Some((node, key, f.kind, f.masked));
            } else if named && literal_secret(s) {
                scan.found = Some((
                    node,
                    key,
                    "a literal value named like a secret",
                    mask(s.trim()),
                ));
            } else if named {
                scan.pointer.get_or_insert((node, key));
            }
        }
        Value::Map(entries) => {
            let pair = entries
                .iter()
                .find(|e| e.key.eq_ignore_ascii_case("name"))
                .and_then(|e| e.node.as_str());
            for e in entries {
                let k = match pair {
                    Some(name) if e.key.eq_ignore_ascii_case("value") => name,
                    _ => e.key.as_str(),
                };
                walk(text, &e.node, k, scan);
            }
        }
        Value::List(items) | Value::Either(items) => {
            items.iter().for_each(|n| walk(text, n, key, scan));
        }
        Value::Ref(_) | Value::Unknown(_) if secret_name(key) => {
            scan.pointer.get_or_insert((node, key));
        }
        _ => {}
    }
}

fn check(resource: &Resource, cx: &Context) -> Verdict {
    if resource.service.is_none() {
        return Verdict::not_applicable(resource, "not an AWS resource onus knows");
    }
    let mut scan = Scan::default();
    let text = cx.workload.file(resource.file).lines.text();
    for e in resource.properties.as_map().unwrap_or(&[]) {
        if !judged_elsewhere(&resource.resource_type, &e.key) {
            walk(text, &e.node, &e.key, &mut scan);
        }
    }
    if let Some((node, key, kind, masked)) = scan.found {
        let from = origin(text, node.span)
            .map(|o| format!(", from {o}"))
            .unwrap_or_default();
        return Verdict::not_met(
            resource,
            node.span,
            key,
            format!(
                "{key} holds {kind} ({masked}) written in the code{from}: pass it from Secrets Manager or Parameter Store (a dynamic reference, a data source) instead"
            ),
        );
    }
    match scan.pointer {
        Some((node, key)) => {
            let what = match node.as_str() {
                Some(s) if !literal_secret(s) => {
                    format!("{key} points at a secret store ({})", mask(s))
                }
                _ => format!("{key} is not written in the code"),
            };
            Verdict::met(resource, node.span, key, what)
        }
        None => Verdict::not_applicable(resource, "no setting of this resource holds a secret"),
    }
}
