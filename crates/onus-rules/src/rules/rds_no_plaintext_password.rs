//! # rds.no-plaintext-password: RDS master passwords are not written in the code
//!
//! ## Why this is your duty
//! RDS is a container service: AWS runs the engine, but the master
//! credentials are yours to create and keep secret. A password written in a
//! template or Terraform file ends up in version control, in stack or state
//! history and in every copy of the code, so handling it is your duty.
//!
//! ## What AWS already does
//! Can generate and rotate the master password in Secrets Manager for you
//! (`ManageMasterUserPassword` / `manage_master_user_password`), and
//! CloudFormation resolves `{{resolve:secretsmanager:...}}` and
//! `{{resolve:ssm-secure:...}}` dynamic references without storing the value.
//!
//! ## Verdicts
//! - met: `ManageMasterUserPassword: true` / `manage_master_user_password =
//!   true`; or the password is a Secrets Manager / SSM SecureString dynamic
//!   reference, a reference to another resource (a secret, a
//!   `random_password`), a parameter without a default or a variable without
//!   a value (the message says the value is not in the code);
//! - not met: the password is a literal string (including a parameter's
//!   `Default` or a variable's `default`, which sit in the code too, and a
//!   plain `{{resolve:ssm:...}}` String parameter);
//! - not applicable: neither is set (a snapshot restore, an Aurora member,
//!   a replica), so there is no password to judge.
//!
//! Fix: set `ManageMasterUserPassword: true`, or pass the password from
//! Secrets Manager.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.t3.micro
//!       MasterUsername: shop
//!       ManageMasterUserPassword: true
//! ```
//! ```yaml fail
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.t3.micro
//!       MasterUsername: shop
//!       MasterUserPassword: hunter2hunter2
//! ```
//! ```yaml Secret=met NoEcho=met Restored=not-applicable
//! Parameters:
//!   DbPassword:
//!     Type: String
//!     NoEcho: true
//! Resources:
//!   Secret:
//!     Type: AWS::RDS::DBCluster
//!     Properties:
//!       Engine: aurora-postgresql
//!       MasterUsername: shop
//!       MasterUserPassword: "{{resolve:secretsmanager:shop-db:SecretString:password}}"
//!   NoEcho:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.t3.micro
//!       MasterUsername: shop
//!       MasterUserPassword: !Ref DbPassword
//!   Restored:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       DBInstanceClass: db.t3.micro
//!       DBSnapshotIdentifier: shop-snapshot
//! ```
//! ```hcl pass
//! resource "aws_db_instance" "db" {
//!   engine                      = "postgres"
//!   instance_class              = "db.t3.micro"
//!   username                    = "shop"
//!   manage_master_user_password = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_db_instance" "db" {
//!   engine         = "postgres"
//!   instance_class = "db.t3.micro"
//!   username       = "shop"
//!   password       = "hunter2hunter2"
//! }
//! ```
//! ```hcl pass
//! variable "db_password" {
//!   sensitive = true
//! }
//! resource "aws_rds_cluster" "db" {
//!   engine          = "aurora-postgresql"
//!   master_username = "shop"
//!   master_password = var.db_password
//! }
//! ```

use crate::check::{get, prop, spelling};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, guard};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "rds.no-plaintext-password",
    title: "RDS master passwords are not written in the code",
    duty: Duty::SecretsHandling,
    severity: Severity::High,
    cfn_types: &["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"],
    tf_types: &["aws_db_instance", "aws_rds_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &[],
        config: &[],
        cis: &[],
    },
    peers: &[
        cfn_nag("F23", Same),
        guard("RDS_MASTER_USER_PASSWORD_NO_PLAINTEXT_PASSWORD", Same),
    ],
    check,
    file: file!(),
};

/// Why a password value is not in the code, or `Err` with why it is.
fn judge_password(node: &Node, tf: bool) -> Result<String, (onus_ingest::Span, String)> {
    match &node.value {
        Value::Null => Ok(String::new()),
        Value::Unknown(what) => Ok(format!("the password is not in the code ({what})")),
        Value::Ref(r) => Ok(format!("the password comes from {}", r.target)),
        Value::Either(branches) => {
            let mut why = String::new();
            for b in branches {
                let w = judge_password(b, tf)?;
                if why.is_empty() {
                    why = w;
                }
            }
            Ok(why)
        }
        Value::String(s) if !tf => {
            let lower = s.trim().to_ascii_lowercase();
            if lower.starts_with("{{resolve:secretsmanager:")
                || lower.starts_with("{{resolve:ssm-secure:")
            {
                Ok("the password is a dynamic reference to a secret".to_owned())
            } else if lower.starts_with("{{resolve:ssm:") {
                Err((
                    node.span,
                    "the password comes from a plain SSM String parameter, not a SecureString"
                        .to_owned(),
                ))
            } else {
                Err((
                    node.span,
                    "the master password is written in the template".to_owned(),
                ))
            }
        }
        _ => Err((
            node.span,
            "the master password is written in the code".to_owned(),
        )),
    }
}

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let tf = resource.format.is_terraform();
    let (managed, mpath) = prop(
        resource,
        "ManageMasterUserPassword",
        "manage_master_user_password",
    );
    if let Some(m) = managed.filter(|m| m.as_bool() == Some(true)) {
        return Verdict::met(
            resource,
            m.span,
            mpath,
            "the master password is generated and kept in Secrets Manager by RDS",
        );
    }
    let tf_path = if resource.resource_type == "aws_rds_cluster" {
        "master_password"
    } else {
        "password"
    };
    let path = spelling(resource, "MasterUserPassword", tf_path);
    let Some(node) = get(resource, path) else {
        return Verdict::not_applicable(
            resource,
            "no master password is set here (a restore, a replica or an Aurora member)",
        );
    };
    match judge_password(node, tf) {
        Ok(why) if why.is_empty() => Verdict::not_applicable(
            resource,
            "no master password is set here (a restore, a replica or an Aurora member)",
        ),
        Ok(why) => Verdict::met(resource, node.span, path, why),
        Err((span, why)) => Verdict::not_met(resource, span, path, why),
    }
}
