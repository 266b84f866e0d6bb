//! # backup.resource-covered: data stores are selected by an AWS Backup plan
//!
//! ## Why this is your duty
//! RDS is a container service and EFS, DynamoDB and EBS volumes hold your
//! data on infrastructure AWS runs; in every case AWS keeps the storage
//! durable, but recovering from your own deletes, corruption or ransomware
//! needs backups you schedule and retain. An AWS Backup plan that selects the
//! resource is the account-wide, policy-driven way to do that.
//!
//! ## What AWS already does
//! Replicates the storage within an Availability Zone (EBS) or across zones
//! (RDS Multi-AZ, EFS, DynamoDB). Some services keep their own backups when
//! you turn them on (RDS automated backups, DynamoDB point-in-time recovery,
//! EFS automatic backups, which themselves use a default AWS Backup plan; the
//! EFS console turns them on for a new file system, the API, CloudFormation
//! and Terraform do not); AWS Backup selects nothing unless you create a
//! selection.
//!
//! ## Verdicts
//! Judged on `AWS::RDS::DBInstance`, `AWS::RDS::DBCluster`,
//! `AWS::EC2::Volume`, `AWS::EFS::FileSystem`, `AWS::DynamoDB::Table` and
//! `aws_db_instance`, `aws_rds_cluster`, `aws_ebs_volume`,
//! `aws_efs_file_system`, `aws_dynamodb_table`, against every
//! `AWS::Backup::BackupSelection` (`BackupSelection.Resources`,
//! `NotResources`, `ListOfTags`) and `aws_backup_selection` (`resources`,
//! `not_resources`, `selection_tag`) in the scanned code:
//! - met: an EFS file system with automatic backups on (CloudFormation
//!   `BackupPolicy: {Status: ENABLED}`, Terraform an `aws_efs_backup_policy`
//!   with `backup_policy { status = "ENABLED" }`): EFS puts it in AWS
//!   Backup's default plan (daily, kept 35 days); or a selection lists the
//!   resource: a reference to it (`!GetAtt
//!   Table.Arn`, `!Ref`, a `!Sub` ARN built from it, `aws_x.y.arn`), its
//!   literal ARN (by its literal name), `*`, or an ARN pattern whose wildcards
//!   match its service and type (`arn:aws:dynamodb:*:*:table/*`); or a tag
//!   selection (`STRINGEQUALS`) whose tag the resource carries in its `Tags`
//!   / `tags`;
//! - unknown: no selection lists it, but a tag selection picks resources by a
//!   tag the resource does not carry in the code (it may be tagged elsewhere:
//!   stack tags, provider `default_tags`); a selection entry is a value onus
//!   cannot resolve; a matching selection also filters by `Conditions`; or
//!   the entry that selects it exists only under a condition;
//! - not met: no AWS Backup selection in the scanned code covers it.
//!
//! Low severity: many teams back up with service-native backups (RDS
//! retention, DynamoDB PITR), snapshots or Data Lifecycle Manager, or with a
//! backup plan managed outside this code; suppress this rule when so.
//!
//! ## Examples
//! ```yaml Table=met
//! Resources:
//!   Table:
//!     Type: AWS::DynamoDB::Table
//!     Properties:
//!       BillingMode: PAY_PER_REQUEST
//!       AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
//!       KeySchema: [{AttributeName: id, KeyType: HASH}]
//!   Selection:
//!     Type: AWS::Backup::BackupSelection
//!     Properties:
//!       BackupPlanId: plan-1234
//!       BackupSelection:
//!         SelectionName: data
//!         IamRoleArn: arn:aws:iam::111122223333:role/backup
//!         Resources:
//!           - !GetAtt Table.Arn
//! ```
//! ```yaml fail
//! Resources:
//!   Table:
//!     Type: AWS::DynamoDB::Table
//!     Properties:
//!       BillingMode: PAY_PER_REQUEST
//!       AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
//!       KeySchema: [{AttributeName: id, KeyType: HASH}]
//! ```
//! ```yaml Vol=met Db=met
//! Resources:
//!   Vol:
//!     Type: AWS::EC2::Volume
//!     Properties:
//!       AvailabilityZone: eu-west-1a
//!       Size: 100
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.t3.micro
//!   Selection:
//!     Type: AWS::Backup::BackupSelection
//!     Properties:
//!       BackupPlanId: plan-1234
//!       BackupSelection:
//!         SelectionName: all
//!         IamRoleArn: arn:aws:iam::111122223333:role/backup
//!         Resources:
//!           - !Sub "arn:aws:ec2:${AWS::Region}:${AWS::AccountId}:volume/${Vol}"
//!           - "arn:aws:rds:*:*:db:*"
//! ```
//! ```yaml Db=not-met Files=met
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.t3.micro
//!   Files:
//!     Type: AWS::EFS::FileSystem
//!     Properties:
//!       Encrypted: true
//!   Selection:
//!     Type: AWS::Backup::BackupSelection
//!     Properties:
//!       BackupPlanId: plan-1234
//!       BackupSelection:
//!         SelectionName: files
//!         IamRoleArn: arn:aws:iam::111122223333:role/backup
//!         Resources:
//!           - "arn:aws:elasticfilesystem:*:*:file-system/*"
//! ```
//! ```yaml Tagged=met Untagged=unknown
//! Resources:
//!   Tagged:
//!     Type: AWS::DynamoDB::Table
//!     Properties:
//!       BillingMode: PAY_PER_REQUEST
//!       AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
//!       KeySchema: [{AttributeName: id, KeyType: HASH}]
//!       Tags:
//!         - Key: backup
//!           Value: daily
//!   Untagged:
//!     Type: AWS::DynamoDB::Table
//!     Properties:
//!       BillingMode: PAY_PER_REQUEST
//!       AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
//!       KeySchema: [{AttributeName: id, KeyType: HASH}]
//!   Selection:
//!     Type: AWS::Backup::BackupSelection
//!     Properties:
//!       BackupPlanId: plan-1234
//!       BackupSelection:
//!         SelectionName: tagged
//!         IamRoleArn: arn:aws:iam::111122223333:role/backup
//!         ListOfTags:
//!           - ConditionType: STRINGEQUALS
//!             ConditionKey: backup
//!             ConditionValue: daily
//! ```
//! ```hcl aws_db_instance.db=met
//! resource "aws_db_instance" "db" {
//!   identifier     = "orders"
//!   engine         = "postgres"
//!   instance_class = "db.t3.micro"
//! }
//! resource "aws_backup_plan" "p" {
//!   name = "daily"
//!   rule {
//!     rule_name         = "daily"
//!     target_vault_name = "Default"
//!     schedule          = "cron(0 5 * * ? *)"
//!   }
//! }
//! resource "aws_backup_selection" "s" {
//!   name         = "data"
//!   plan_id      = aws_backup_plan.p.id
//!   iam_role_arn = "arn:aws:iam::111122223333:role/backup"
//!   resources    = [aws_db_instance.db.arn]
//! }
//! ```
//! ```hcl fail
//! resource "aws_db_instance" "db" {
//!   identifier     = "orders"
//!   engine         = "postgres"
//!   instance_class = "db.t3.micro"
//! }
//! ```
//! ```hcl aws_rds_cluster.c=met aws_ebs_volume.v=not-met
//! resource "aws_rds_cluster" "c" {
//!   cluster_identifier = "orders"
//!   engine             = "aurora-postgresql"
//! }
//! resource "aws_ebs_volume" "v" {
//!   availability_zone = "eu-west-1a"
//!   size              = 100
//! }
//! resource "aws_backup_selection" "s" {
//!   name         = "data"
//!   plan_id      = "plan-1234"
//!   iam_role_arn = "arn:aws:iam::111122223333:role/backup"
//!   resources    = ["arn:aws:rds:eu-west-1:111122223333:cluster:orders"]
//! }
//! ```
//! ```hcl aws_dynamodb_table.t=not-met
//! resource "aws_dynamodb_table" "t" {
//!   name     = "scratch"
//!   hash_key = "id"
//!   attribute {
//!     name = "id"
//!     type = "S"
//!   }
//! }
//! resource "aws_backup_selection" "s" {
//!   name          = "all-but-scratch"
//!   plan_id       = "plan-1234"
//!   iam_role_arn  = "arn:aws:iam::111122223333:role/backup"
//!   resources     = ["*"]
//!   not_resources = [aws_dynamodb_table.t.arn]
//! }
//! ```
//! ```yaml unknown
//! Resources:
//!   Files:
//!     Type: AWS::EFS::FileSystem
//!   Selection:
//!     Type: AWS::Backup::BackupSelection
//!     Properties:
//!       BackupPlanId: plan-1234
//!       BackupSelection:
//!         SelectionName: prod-only
//!         IamRoleArn: arn:aws:iam::111122223333:role/backup
//!         Resources: ["*"]
//!         Conditions:
//!           StringEquals:
//!             - ConditionKey: aws:ResourceTag/env
//!               ConditionValue: prod
//! ```
//! ```yaml Files=met
//! Resources:
//!   Files:
//!     Type: AWS::EFS::FileSystem
//!     Properties:
//!       Encrypted: true
//!       BackupPolicy:
//!         Status: ENABLED
//! ```
//! ```hcl aws_efs_file_system.files=met
//! resource "aws_efs_file_system" "files" {
//!   encrypted = true
//! }
//! resource "aws_efs_backup_policy" "files" {
//!   file_system_id = aws_efs_file_system.files.id
//!   backup_policy {
//!     status = "ENABLED"
//!   }
//! }
//! ```
//! ```hcl aws_dynamodb_table.tagged=met aws_dynamodb_table.other=unknown
//! resource "aws_dynamodb_table" "tagged" {
//!   name     = "orders"
//!   hash_key = "id"
//!   attribute {
//!     name = "id"
//!     type = "S"
//!   }
//!   tags = {
//!     backup = "daily"
//!   }
//! }
//! resource "aws_dynamodb_table" "other" {
//!   name     = "events"
//!   hash_key = "id"
//!   attribute {
//!     name = "id"
//!     type = "S"
//!   }
//! }
//! resource "aws_backup_selection" "s" {
//!   name         = "tagged"
//!   plan_id      = "plan-1234"
//!   iam_role_arn = "arn:aws:iam::111122223333:role/backup"
//!   selection_tag {
//!     type  = "STRINGEQUALS"
//!     key   = "backup"
//!     value = "daily"
//!   }
//! }
//! ```

use crate::check::{get, get_in, items, items_cond};
use crate::context::{Context, local_id};
use crate::policy::at;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Span, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "backup.resource-covered",
    title: "Data store is selected by an AWS Backup plan",
    duty: Duty::Backups,
    severity: Severity::Low,
    cfn_types: &[
        "AWS::DynamoDB::Table",
        "AWS::EC2::Volume",
        "AWS::EFS::FileSystem",
        "AWS::RDS::DBCluster",
        "AWS::RDS::DBInstance",
    ],
    tf_types: &[
        "aws_db_instance",
        "aws_dynamodb_table",
        "aws_ebs_volume",
        "aws_efs_file_system",
        "aws_rds_cluster",
    ],
    reads: &[
        "AWS::Backup::BackupSelection",
        "aws_backup_selection",
        "aws_efs_backup_policy",
    ],
    controls: Controls {
        fsbp: &["EFS.2"],
        config: &[
            "RDS_RESOURCES_PROTECTED_BY_BACKUP_PLAN",
            "EBS_RESOURCES_PROTECTED_BY_BACKUP_PLAN",
            "EFS_RESOURCES_PROTECTED_BY_BACKUP_PLAN",
            "DYNAMODB_RESOURCES_PROTECTED_BY_BACKUP_PLAN",
            "EFS_IN_BACKUP_PLAN",
            "RDS_IN_BACKUP_PLAN",
            "DYNAMODB_IN_BACKUP_PLAN",
            "EBS_IN_BACKUP_PLAN",
        ],
        cis: &[],
    },
    peers: &[
        checkov("CKV2_AWS_8", Same),
        checkov("CKV2_AWS_9", Same),
        checkov("CKV2_AWS_18", Same),
        guard("RDS_RESOURCES_PROTECTED_BY_BACKUP_PLAN", Same),
        guard("EBS_RESOURCES_PROTECTED_BY_BACKUP_PLAN", Same),
        guard("EFS_RESOURCES_PROTECTED_BY_BACKUP_PLAN", Same),
        guard("DYNAMODB_RESOURCES_PROTECTED_BY_BACKUP_PLAN", Same),
        guard("RDS_IN_BACKUP_PLAN", Same),
        guard("EBS_IN_BACKUP_PLAN", Same),
        guard("EFS_IN_BACKUP_PLAN", Same),
        guard("DYNAMODB_IN_BACKUP_PLAN", Same),
    ],
    check,
    file: file!(),
};

/// How a resource appears in ARNs: service, resource-type prefix of the
/// resource part, and the property holding its literal name (if any).
struct Arn {
    service: &'static str,
    prefix: &'static str,
    name_cfn: Option<&'static str>,
    name_tf: Option<&'static str>,
}

fn arn_shape(resource_type: &str) -> Option<Arn> {
    let (service, prefix, name_cfn, name_tf) = match resource_type {
        "AWS::RDS::DBInstance" | "aws_db_instance" => (
            "rds",
            "db:",
            Some("DBInstanceIdentifier"),
            Some("identifier"),
        ),
        "AWS::RDS::DBCluster" | "aws_rds_cluster" => (
            "rds",
            "cluster:",
            Some("DBClusterIdentifier"),
            Some("cluster_identifier"),
        ),
        "AWS::EC2::Volume" | "aws_ebs_volume" => ("ec2", "volume/", None, None),
        "AWS::EFS::FileSystem" | "aws_efs_file_system" => {
            ("elasticfilesystem", "file-system/", None, None)
        }
        "AWS::DynamoDB::Table" | "aws_dynamodb_table" => {
            ("dynamodb", "table/", Some("TableName"), Some("name"))
        }
        _ => return None,
    };
    Some(Arn {
        service,
        prefix,
        name_cfn,
        name_tf,
    })
}

/// Glob match with `*` (any run) and `?` (one character).
fn glob(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == '*' {
        pi += 1;
    }
    pi == p.len()
}

/// Stands for a name onus does not know: only a wildcard matches it.
const UNNAMED: &str = "\u{1}";

enum Hit {
    Yes(Span),
    Unknown(Span, String),
    No,
}

/// Whether one selection entry (`Resources` / `NotResources` item) names `resource`.
fn entry_names(entry: &Node, resource: &Resource, sel: &Resource, shape: &Arn) -> Hit {
    let me = local_id(resource);
    let me = me.split('[').next().unwrap_or(me);
    match &entry.value {
        Value::Ref(r) => {
            let target = r.target.split('[').next().unwrap_or(&r.target);
            if sel.same_scope(resource) && target == me {
                Hit::Yes(entry.span)
            } else {
                Hit::No
            }
        }
        Value::String(s) => {
            let s = s.trim();
            if s == "*" {
                return Hit::Yes(entry.span);
            }
            let parts: Vec<&str> = s.splitn(6, ':').collect();
            if parts.len() != 6 || parts[0] != "arn" {
                return Hit::No;
            }
            let name_prop = if resource.format.is_terraform() {
                shape.name_tf
            } else {
                shape.name_cfn
            };
            let name = name_prop
                .and_then(|p| get(resource, p))
                .and_then(Node::as_str)
                .unwrap_or(UNNAMED);
            let wanted = format!("{}{}", shape.prefix, name);
            if glob(parts[2], shape.service) && glob(parts[5], &wanted) {
                Hit::Yes(entry.span)
            } else {
                Hit::No
            }
        }
        Value::Unknown(why) => {
            // A CloudFormation `!Sub` ARN built from the resource, or a
            // Terraform template interpolating it.
            let from_sub = why
                .strip_prefix("Fn::Sub depends on ")
                .is_some_and(|names| names.split(", ").any(|n| n == me));
            let from_template = sel.same_scope(resource)
                && why.starts_with("template: ")
                && why.contains(&format!("${{{me}."));
            if (from_sub && sel.same_scope(resource)) || from_template {
                Hit::Yes(entry.span)
            } else {
                Hit::Unknown(
                    entry.span,
                    format!("an entry of the backup selection {} ({why})", sel.id),
                )
            }
        }
        _ => Hit::No,
    }
}

/// True when a node holds any scalar value (a condition that filters).
fn has_leaf(node: &Node) -> bool {
    match &node.value {
        Value::Null => false,
        Value::List(items) | Value::Either(items) => items.iter().any(has_leaf),
        Value::Map(entries) => entries.iter().any(|e| has_leaf(&e.node)),
        _ => true,
    }
}

/// The resource's tags as (key, value) pairs; Err when not static.
fn tags_of(resource: &Resource) -> Result<Vec<(String, String)>, String> {
    let Some(tags) = get(
        resource,
        if resource.format.is_terraform() {
            "tags"
        } else {
            "Tags"
        },
    ) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    match &tags.value {
        Value::Map(entries) => {
            for e in entries {
                if let Some(v) = e.node.scalar_text() {
                    out.push((e.key.clone(), v));
                }
            }
        }
        Value::List(list) => {
            for t in list {
                if let (Some(k), Some(v)) = (
                    t.get("Key").and_then(Node::scalar_text),
                    t.get("Value").and_then(Node::scalar_text),
                ) {
                    out.push((k, v));
                }
            }
        }
        Value::Unknown(why) => return Err(why.clone()),
        _ => {}
    }
    Ok(out)
}

/// An EFS file system whose backup policy is `ENABLED` (CloudFormation
/// `BackupPolicy.Status`, Terraform `aws_efs_backup_policy`): AWS Backup's
/// default plan backs it up. `None` when no enabled policy is found.
fn efs_automatic_backups(resource: &Resource, cx: &Context) -> Option<Verdict> {
    let enabled = |r: &Resource, path: &str| {
        let v =
            crate::check::require_one_of(r, path, path, &["ENABLED"], None, "automatic backups");
        (v.status != crate::verdict::Status::NotMet).then(|| {
            let mut v = v;
            if v.status == crate::verdict::Status::Met {
                v.message = "the backup policy is ENABLED: AWS Backup's default EFS plan backs the file system up daily".into();
            }
            v
        })
    };
    match resource.resource_type.as_str() {
        "AWS::EFS::FileSystem" => enabled(resource, "BackupPolicy.Status"),
        "aws_efs_file_system" => cx
            .linked(resource, &["aws_efs_backup_policy"], "file_system_id", None)
            .into_iter()
            .find_map(|p| enabled(p, "backup_policy.status")),
        _ => None,
    }
}

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let Some(shape) = arn_shape(&resource.resource_type) else {
        return Verdict::not_applicable(resource, "not a resource type AWS Backup selects here");
    };
    if let Some(v) = efs_automatic_backups(resource, cx) {
        return v;
    }
    let mut unknown: Option<Verdict> = None;
    for sel in cx.of_type(&["AWS::Backup::BackupSelection", "aws_backup_selection"]) {
        let tf = match sel.resource_type.as_str() {
            "AWS::Backup::BackupSelection" => false,
            "aws_backup_selection" => true,
            _ => continue,
        };
        if tf != resource.format.is_terraform() || sel.is_data {
            continue;
        }
        let body = if tf {
            Some(&sel.properties)
        } else {
            get_in(&sel.properties, "BackupSelection")
        };
        let Some(body) = body else { continue };
        let (res_key, not_key, tags_key, key_key, value_key, cond_key) = if tf {
            (
                "resources",
                "not_resources",
                "selection_tag",
                "key",
                "value",
                "condition",
            )
        } else {
            (
                "Resources",
                "NotResources",
                "ListOfTags",
                "ConditionKey",
                "ConditionValue",
                "Conditions",
            )
        };
        // Excluded by NotResources: this selection does not cover it.
        if items(get_in(body, not_key))
            .into_iter()
            .any(|n| matches!(entry_names(n, resource, sel, &shape), Hit::Yes(_)))
        {
            continue;
        }
        let filtered = get_in(body, cond_key).is_some_and(has_leaf);
        let mut note = |span: Span, what: String| {
            unknown.get_or_insert_with(|| {
                at(Verdict::unknown(resource, span, "", what), Some(sel.file))
            });
        };
        for (entry, conditional) in items_cond(get_in(body, res_key)) {
            match entry_names(entry, resource, sel, &shape) {
                Hit::Yes(span) if filtered => note(
                    span,
                    format!("the backup selection {} also filters by {cond_key}", sel.id),
                ),
                Hit::Yes(span) if conditional => note(
                    span,
                    format!(
                        "the backup selection {} lists it only under a condition",
                        sel.id
                    ),
                ),
                Hit::Yes(span) => {
                    return at(
                        Verdict::met(
                            resource,
                            span,
                            "",
                            format!("the AWS Backup selection {} covers it", sel.id),
                        ),
                        Some(sel.file),
                    );
                }
                Hit::Unknown(span, what) => note(span, what),
                Hit::No => {}
            }
        }
        for tag in items(get_in(body, tags_key)) {
            let key = tag.get(key_key).and_then(Node::scalar_text);
            let value = tag.get(value_key).and_then(Node::scalar_text);
            let (Some(key), Some(value)) = (key, value) else {
                note(
                    tag.span,
                    format!("a tag condition of the backup selection {}", sel.id),
                );
                continue;
            };
            let key = key
                .strip_prefix("aws:ResourceTag/")
                .unwrap_or(&key)
                .to_owned();
            match tags_of(resource) {
                Ok(tags) if tags.iter().any(|(k, v)| *k == key && *v == value) && !filtered => {
                    return at(
                        Verdict::met(
                            resource,
                            tag.span,
                            "",
                            format!(
                                "the AWS Backup selection {} picks resources tagged {key}={value}, and this one is",
                                sel.id
                            ),
                        ),
                        Some(sel.file),
                    );
                }
                Ok(_) => note(
                    tag.span,
                    format!(
                        "the backup selection {} picks resources tagged {key}={value}; this one does not carry that tag in the code (it may be tagged elsewhere)",
                        sel.id
                    ),
                ),
                Err(why) => note(tag.span, format!("the tags of this resource ({why})")),
            }
        }
    }
    unknown.unwrap_or_else(|| {
        Verdict::missing(
            resource,
            "",
            "no AWS Backup selection in the scanned code covers it (service-native backups, snapshots or a plan managed elsewhere may)",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::glob;

    #[test]
    fn globs() {
        assert!(glob("*", "table/orders"));
        assert!(glob("table/*", "table/orders"));
        assert!(glob("db:*", "db:\u{1}"));
        assert!(!glob("db:orders", "db:\u{1}"));
        assert!(!glob("cluster:*", "db:orders"));
        assert!(glob("d?:orders", "db:orders"));
    }
}
