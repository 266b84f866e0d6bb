//! # ssm.parameter-secure-string: secret parameters are stored as SecureString
//!
//! ## Why this is your duty
//! Systems Manager Parameter Store is an abstracted service: AWS stores what
//! you put in it, but whether a value is treated as a secret is your choice
//! of type. A `String` parameter is returned in plain text to anyone who may
//! call `GetParameter`, shown in the console and in CloudFormation; only a
//! `SecureString` is encrypted with KMS and needs `kms:Decrypt` to read.
//!
//! ## What AWS already does
//! Stores `String` and `StringList` values as given. CloudFormation cannot
//! create `SecureString` parameters at all (its `Type` accepts `String` and
//! `StringList` only): a secret belongs in Secrets Manager there.
//!
//! ## Verdicts
//! Judged on parameters whose name (CloudFormation: `Name`, or the logical id
//! when it is absent) says they hold a secret: `password`, `passwd`,
//! `secret`, `token`, `apikey`, `private_key`, `credential`.
//! - met: Terraform `type = "SecureString"`, or a value that only points at
//!   a Secrets Manager secret (its ARN, or a reference to an
//!   `AWS::SecretsManager::Secret` / `aws_secretsmanager_secret`);
//! - not met: any other `String` / `StringList` value (in CloudFormation,
//!   every other value);
//! - unknown: the type or the name is not static;
//! - not applicable: parameters whose name does not sound secret.
//!
//! Hard-coded secret values are found by the secrets-handling rules whatever
//! the name.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   DbSecret:
//!     Type: AWS::SecretsManager::Secret
//!     Properties:
//!       GenerateSecretString:
//!         PasswordLength: 32
//!   DbPasswordArn:
//!     Type: AWS::SSM::Parameter
//!     Properties:
//!       Name: /app/db/password-secret
//!       Type: String
//!       Value: !Ref DbSecret
//! ```
//! ```yaml fail
//! Resources:
//!   DbPassword:
//!     Type: AWS::SSM::Parameter
//!     Properties:
//!       Name: /app/db/password
//!       Type: String
//!       Value: "{{resolve:secretsmanager:db}}"
//! ```
//! ```yaml not-applicable
//! Resources:
//!   AmiId:
//!     Type: AWS::SSM::Parameter
//!     Properties:
//!       Name: /app/ami
//!       Type: String
//!       Value: ami-0123456789abcdef0
//! ```
//! ```hcl pass
//! resource "aws_ssm_parameter" "db_password" {
//!   name  = "/app/db/password"
//!   type  = "SecureString"
//!   value = var.db_password
//! }
//! ```
//! ```hcl fail
//! resource "aws_ssm_parameter" "api_token" {
//!   name  = "/app/api-token"
//!   type  = "String"
//!   value = var.api_token
//! }
//! ```

use crate::check::{get, require_one_of, spelling};
use crate::context::{Context, local_id};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::ssm::secret_word;
use crate::verdict::Verdict;
use onus_ingest::{Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ssm.parameter-secure-string",
    title: "Parameters named as secrets are SecureString parameters",
    duty: Duty::SecretsHandling,
    severity: Severity::High,
    cfn_types: &["AWS::SSM::Parameter"],
    tf_types: &["aws_ssm_parameter"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV2_AWS_34", Related)],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let name_path = spelling(resource, "Name", "name");
    let name = match get(resource, name_path).map(|n| &n.value) {
        Some(Value::String(s)) => s.as_str(),
        Some(Value::Unknown(_)) | Some(Value::Either(_)) | Some(Value::Ref(_)) => {
            return Verdict::not_applicable(resource, "the name is not static");
        }
        _ => local_id(resource),
    };
    let Some(word) = secret_word(name) else {
        return Verdict::not_applicable(resource, "the name does not say it holds a secret");
    };
    if let Some(v) = points_at_secret(resource, cx) {
        return v;
    }
    if !resource.format.is_terraform() {
        return Verdict::not_met(
            resource,
            resource.name_span,
            "Type",
            format!(
                "{name:?} sounds like a {word}, but CloudFormation stores it as plain text: keep it in Secrets Manager"
            ),
        );
    }
    require_one_of(
        resource,
        "",
        "type",
        &["SecureString"],
        None,
        &format!("{name:?} sounds like a {word}: it"),
    )
}

/// Met when the value is a Secrets Manager secret's ARN, not the secret.
fn points_at_secret(resource: &Resource, cx: &Context) -> Option<Verdict> {
    let path = spelling(resource, "Value", "value");
    let value = get(resource, path)?;
    let secret = match &value.value {
        Value::String(s) => s.starts_with("arn:aws:secretsmanager:"),
        Value::Ref(_) => cx.resolve(resource, value).is_some_and(|r| {
            matches!(
                r.resource_type.as_str(),
                "AWS::SecretsManager::Secret" | "aws_secretsmanager_secret"
            )
        }),
        _ => false,
    };
    secret.then(|| {
        Verdict::met(
            resource,
            value.span,
            path,
            "holds the ARN of a Secrets Manager secret, not the secret",
        )
    })
}
