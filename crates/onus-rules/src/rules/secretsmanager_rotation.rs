//! # secretsmanager.rotation: Secrets Manager secrets rotate automatically
//!
//! ## Why this is your duty
//! Secrets Manager is an abstracted service: AWS stores and encrypts the
//! secret and runs the rotation machinery, but whether a secret is ever
//! changed is your configuration. A credential that never rotates stays
//! valid for as long as anyone who once saw it keeps a copy.
//!
//! ## What AWS already does
//! Encrypts every secret with KMS and versions it. Rotation is off until you
//! attach a rotation schedule (and a rotation function, or a managed one).
//!
//! ## Verdicts
//! Judged on the secret.
//! - met: an `AWS::SecretsManager::RotationSchedule` whose `SecretId` refers
//!   to the secret (Terraform an `aws_secretsmanager_secret_rotation` whose
//!   `secret_id` refers to it by reference or by name);
//! - not met: no rotation schedule for the secret;
//! - unknown: never: a schedule that exists rotates the secret;
//! - judged with the secret: a rotation schedule
//!   (`AWS::SecretsManager::RotationSchedule`,
//!   `aws_secretsmanager_secret_rotation`) for a secret in the scanned code; one
//!   whose secret is declared elsewhere (another module or stack) is judged on
//!   its own, and the verdict says the secret is not in the scanned code.
//!
//! Secrets created and rotated by other services (RDS
//! `ManageMasterUserPassword`) are not `AWS::SecretsManager::Secret` resources
//! and are not judged here.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   DbSecret:
//!     Type: AWS::SecretsManager::Secret
//!     Properties:
//!       GenerateSecretString:
//!         SecretStringTemplate: '{"username": "admin"}'
//!         GenerateStringKey: password
//!   DbSecretRotation:
//!     Type: AWS::SecretsManager::RotationSchedule
//!     Properties:
//!       SecretId: !Ref DbSecret
//!       RotationLambdaARN: arn:aws:lambda:eu-west-1:111122223333:function:rotate
//!       RotationRules:
//!         AutomaticallyAfterDays: 30
//! ```
//! ```yaml fail
//! Resources:
//!   DbSecret:
//!     Type: AWS::SecretsManager::Secret
//!     Properties:
//!       GenerateSecretString:
//!         SecretStringTemplate: '{"username": "admin"}'
//!         GenerateStringKey: password
//! ```
//! ```hcl pass
//! resource "aws_secretsmanager_secret" "db" {
//!   name = "db"
//! }
//! resource "aws_secretsmanager_secret_rotation" "db" {
//!   secret_id           = aws_secretsmanager_secret.db.id
//!   rotation_lambda_arn = "arn:aws:lambda:eu-west-1:111122223333:function:rotate"
//!   rotation_rules {
//!     automatically_after_days = 30
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_secretsmanager_secret" "db" {
//!   name = "db"
//! }
//! ```
//! ```yaml pass
//! Resources:
//!   Rotation:
//!     Type: AWS::SecretsManager::RotationSchedule
//!     Properties:
//!       SecretId: arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-abc123
//!       RotationLambdaARN: arn:aws:lambda:eu-west-1:111122223333:function:rotate
//!       RotationRules:
//!         AutomaticallyAfterDays: 30
//! ```
//! ```hcl pass
//! resource "aws_secretsmanager_secret_rotation" "shared" {
//!   secret_id           = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-abc123"
//!   rotation_lambda_arn = "arn:aws:lambda:eu-west-1:111122223333:function:rotate"
//!   rotation_rules {
//!     automatically_after_days = 30
//!   }
//! }
//! ```

use crate::context::Context;
use crate::parent::SECRET;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "secretsmanager.rotation",
    title: "Secrets Manager secret rotates automatically",
    duty: Duty::SecretsHandling,
    severity: Severity::Medium,
    cfn_types: &[
        "AWS::SecretsManager::Secret",
        "AWS::SecretsManager::RotationSchedule",
    ],
    tf_types: &[
        "aws_secretsmanager_secret",
        "aws_secretsmanager_secret_rotation",
    ],
    reads: &[
        "AWS::SecretsManager::RotationSchedule",
        "aws_secretsmanager_secret_rotation",
    ],
    controls: Controls {
        fsbp: &["SecretsManager.1"],
        config: &["SECRETSMANAGER_ROTATION_ENABLED_CHECK"],
        cis: &[],
    },
    peers: &[
        checkov("CKV2_AWS_57", Same),
        checkov("CKV_AWS_304", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let rotated = |schedule: &Resource| {
        Verdict::met(
            schedule,
            schedule.name_span,
            "",
            format!("rotated by {}", schedule.id),
        )
    };
    if let Some(v) = SECRET.judge_alone(resource, cx, rotated) {
        return v;
    }
    let linked = if resource.format.is_terraform() {
        cx.linked(
            resource,
            &["aws_secretsmanager_secret_rotation"],
            "secret_id",
            Some("name"),
        )
    } else {
        cx.linked(
            resource,
            &["AWS::SecretsManager::RotationSchedule"],
            "SecretId",
            Some("Name"),
        )
    };
    match linked.first() {
        Some(schedule) => rotated(schedule),
        None => Verdict::missing(
            resource,
            "",
            "no rotation schedule for this secret: it is never rotated",
        ),
    }
}
