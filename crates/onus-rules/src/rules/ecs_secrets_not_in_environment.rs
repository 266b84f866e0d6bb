//! # ecs.secrets-not-in-environment: ECS secrets come from Secrets Manager or Parameter Store
//!
//! ## Why this is your duty
//! ECS is a container service: AWS runs the scheduler and the hosts' agent,
//! but what you put into a task definition is your configuration. Plaintext
//! `Environment` values are stored in the task definition, shown in the
//! console and API to anyone who can describe it, and copied into every
//! revision; keeping secrets out of them is yours.
//!
//! ## What AWS already does
//! Offers `Secrets` / `secrets` entries that ECS resolves from Secrets Manager
//! or SSM Parameter Store when the task starts, so the value never appears in
//! the task definition.
//!
//! ## Verdicts
//! An environment variable looks like a secret when its name says so
//! (`PASSWORD`, `PASSWD`, `PASSPHRASE`, `SECRET`, `TOKEN`, `API_KEY`,
//! `ACCESS_KEY`, `PRIVATE_KEY`, `CREDENTIAL`, or ending in `_KEY`, ignoring
//! case, and not a pointer such as `DB_PASSWORD_ARN` or `SECRET_NAME`), or
//! when its value is in a known key format (an AWS access key id, a private
//! key, a GitHub or Slack token...; the message shows a masked prefix only).
//! - met: no container has such a variable in `Environment` / `environment`
//!   (values belong in `Secrets` / `secrets`);
//! - not met: a container sets one;
//! - unknown: a name or Terraform's `container_definitions` is not static;
//! - not applicable: no container definitions.
//!
//! A value that is a reference (`!Ref DbPassword`, `var.db_password`) is
//! still written into the task definition in plaintext, so it fails too.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Task:
//!     Type: AWS::ECS::TaskDefinition
//!     Properties:
//!       ContainerDefinitions:
//!         - Name: app
//!           Image: public.ecr.aws/nginx/nginx:1.27
//!           Environment:
//!             - Name: LOG_LEVEL
//!               Value: info
//!           Secrets:
//!             - Name: DB_PASSWORD
//!               ValueFrom: arn:aws:secretsmanager:eu-west-1:111122223333:secret:db
//! ```
//! ```yaml fail
//! Resources:
//!   Task:
//!     Type: AWS::ECS::TaskDefinition
//!     Properties:
//!       ContainerDefinitions:
//!         - Name: app
//!           Image: public.ecr.aws/nginx/nginx:1.27
//!           Environment:
//!             - Name: DB_PASSWORD
//!               Value: hunter2
//! ```
//! ```yaml fail
//! Resources:
//!   Task:
//!     Type: AWS::ECS::TaskDefinition
//!     Properties:
//!       ContainerDefinitions:
//!         - Name: app
//!           Image: public.ecr.aws/nginx/nginx:1.27
//!           Environment:
//!             - Name: DEPLOY_CONFIG
//!               Value: "-----BEGIN RSA PRIVATE KEY-----"
//! ```
//! ```hcl pass
//! resource "aws_ecs_task_definition" "task" {
//!   family = "app"
//!   container_definitions = jsonencode([{
//!     name        = "app"
//!     image       = "public.ecr.aws/nginx/nginx:1.27"
//!     environment = [{ name = "LOG_LEVEL", value = "info" }]
//!     secrets     = [{ name = "DB_PASSWORD", valueFrom = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db" }]
//!   }])
//! }
//! ```
//! ```hcl fail
//! resource "aws_ecs_task_definition" "task" {
//!   family = "app"
//!   container_definitions = jsonencode([{
//!     name        = "app"
//!     image       = "public.ecr.aws/nginx/nginx:1.27"
//!     environment = [{ name = "DB_PASSWORD", value = "hunter2" }]
//!   }])
//! }
//! ```

use crate::check::{Judgement, get_in, items};
use crate::context::Context;
use crate::ecs::{TASK_CFN, TASK_TF, every_container, field};
use crate::rule::{Controls, Rule, Severity};
use crate::secrets::{known_formats, mask, secret_variable};
use crate::verdict::Verdict;
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ecs.secrets-not-in-environment",
    title: "ECS task definitions keep secrets out of plaintext environment variables",
    duty: Duty::SecretsHandling,
    severity: Severity::High,
    cfn_types: TASK_CFN,
    tf_types: TASK_TF,
    reads: &[],
    controls: Controls {
        fsbp: &["ECS.8"],
        config: &["ECS_NO_ENVIRONMENT_SECRETS"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let env = field(resource, "Environment");
    let name_key = field(resource, "Name");
    let value_key = field(resource, "Value");
    every_container(
        resource,
        &mut |c| {
            let mut unknown = None;
            for var in items(get_in(&c.node, &env)) {
                let value = get_in(var, &value_key).and_then(|v| v.as_str().map(|s| (v, s)));
                if let Some((v, hit)) = value.and_then(|(v, s)| {
                    known_formats(s)
                        .into_iter()
                        .next()
                        .map(|h| (v, mask(&s[h.start..h.end])))
                }) {
                    return Judgement::No(
                        v.span,
                        format!(
                            "{env} holds a value in a known key format ({hit}): use {} instead",
                            field(resource, "Secrets")
                        ),
                    );
                }
                match get_in(var, &name_key).map(|n| (n, &n.value)) {
                    Some((_, Value::String(name))) if secret_variable(name) => {
                        return Judgement::No(
                            var.span,
                            format!(
                                "{env} sets {name} in plaintext: use {} instead",
                                field(resource, "Secrets")
                            ),
                        );
                    }
                    Some((n, Value::Unknown(what))) => {
                        unknown.get_or_insert(Judgement::Unknown(n.span, what.clone()));
                    }
                    _ => {}
                }
            }
            unknown.unwrap_or(Judgement::Yes)
        },
        "no environment variable looks like a secret",
    )
}
