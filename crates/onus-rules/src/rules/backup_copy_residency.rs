//! # backup.copy-residency: AWS Backup copies stay in the allowed Regions
//!
//! ## Why this is your duty
//! AWS Backup is an abstracted service: AWS runs the backup jobs and stores
//! recovery points, and copies them exactly where your plan says. A copy
//! action to a vault in another Region moves a full copy of the data there;
//! keeping data in the Regions your obligations allow is always the
//! customer's duty.
//!
//! ## What AWS already does
//! Keeps recovery points in the vault's Region; copies them to another Region
//! or account only when a plan rule has a copy action.
//!
//! ## Verdicts
//! Only with `--allowed-regions`:
//! - met: every copy action's destination vault is in an allowed Region;
//! - not met: a destination vault in another Region (the Region is read from
//!   the ARN `arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME`, or from the
//!   vault resource a reference points at);
//! - unknown: a destination whose Region cannot be resolved (a parameter, a
//!   variable, a vault whose Region is not known);
//! - not applicable: no allowed Regions given, or no copy actions.
//!
//! Cross-Region backup copies are a common resilience recommendation; when
//! residency forbids them, copy to another account in an allowed Region.
//!
//! ## Examples
//! ```yaml fail allowed-regions=eu-west-1,eu-central-1
//! Resources:
//!   Plan:
//!     Type: AWS::Backup::BackupPlan
//!     Properties:
//!       BackupPlan:
//!         BackupPlanName: daily
//!         BackupPlanRule:
//!           - RuleName: daily
//!             TargetBackupVault: Default
//!             CopyActions:
//!               - DestinationBackupVaultArn: arn:aws:backup:us-east-1:111122223333:backup-vault:dr
//! ```
//! ```yaml pass allowed-regions=eu-west-1,eu-central-1
//! Resources:
//!   Plan:
//!     Type: AWS::Backup::BackupPlan
//!     Properties:
//!       BackupPlan:
//!         BackupPlanName: daily
//!         BackupPlanRule:
//!           - RuleName: daily
//!             TargetBackupVault: Default
//!             CopyActions:
//!               - DestinationBackupVaultArn: arn:aws:backup:eu-central-1:111122223333:backup-vault:dr
//! ```
//! ```yaml unknown allowed-regions=eu-west-1
//! Parameters:
//!   DrVaultArn:
//!     Type: String
//! Resources:
//!   Plan:
//!     Type: AWS::Backup::BackupPlan
//!     Properties:
//!       BackupPlan:
//!         BackupPlanName: daily
//!         BackupPlanRule:
//!           - RuleName: daily
//!             TargetBackupVault: Default
//!             CopyActions:
//!               - DestinationBackupVaultArn: !Ref DrVaultArn
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Plan:
//!     Type: AWS::Backup::BackupPlan
//!     Properties:
//!       BackupPlan:
//!         BackupPlanName: daily
//!         BackupPlanRule:
//!           - RuleName: daily
//!             TargetBackupVault: Default
//!             CopyActions:
//!               - DestinationBackupVaultArn: arn:aws:backup:us-east-1:111122223333:backup-vault:dr
//! ```
//! ```hcl fail allowed-regions=eu-west-1,eu-central-1
//! resource "aws_backup_plan" "daily" {
//!   name = "daily"
//!   rule {
//!     rule_name         = "daily"
//!     target_vault_name = "Default"
//!     schedule          = "cron(0 5 * * ? *)"
//!     copy_action {
//!       destination_vault_arn = "arn:aws:backup:us-east-1:111122223333:backup-vault:dr"
//!     }
//!   }
//! }
//! ```
//! ```hcl pass allowed-regions=eu-west-1,eu-central-1
//! resource "aws_backup_plan" "daily" {
//!   name = "daily"
//!   rule {
//!     rule_name         = "daily"
//!     target_vault_name = "Default"
//!     schedule          = "cron(0 5 * * ? *)"
//!     copy_action {
//!       destination_vault_arn = "arn:aws:backup:eu-central-1:111122223333:backup-vault:dr"
//!     }
//!   }
//! }
//! ```
//! ```hcl not-applicable allowed-regions=eu-west-1
//! resource "aws_backup_plan" "daily" {
//!   name = "daily"
//!   rule {
//!     rule_name         = "daily"
//!     target_vault_name = "Default"
//!     schedule          = "cron(0 5 * * ? *)"
//!   }
//! }
//! ```

use crate::check::get_in;
use crate::context::Context;
use crate::residency::{Dest, dests_of, judge};
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "backup.copy-residency",
    title: "AWS Backup copy actions stay in allowed Regions",
    duty: Duty::DataResidency,
    severity: Severity::High,
    cfn_types: &["AWS::Backup::BackupPlan"],
    tf_types: &["aws_backup_plan"],
    reads: &["AWS::Backup::BackupVault", "aws_backup_vault"],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

fn list(node: Option<&Node>) -> Vec<&Node> {
    match node {
        None => Vec::new(),
        Some(n) => match n.as_list() {
            Some(items) => items.iter().collect(),
            None => vec![n],
        },
    }
}

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let (rules, copies, arn, path) = if resource.format.is_terraform() {
        (
            list(get_in(&resource.properties, "rule")),
            "copy_action",
            "destination_vault_arn",
            "rule.copy_action.destination_vault_arn",
        )
    } else {
        (
            list(get_in(&resource.properties, "BackupPlan.BackupPlanRule")),
            "CopyActions",
            "DestinationBackupVaultArn",
            "BackupPlan.BackupPlanRule.CopyActions.DestinationBackupVaultArn",
        )
    };
    let mut dests: Vec<Dest> = Vec::new();
    for rule in rules {
        for copy in list(get_in(rule, copies)) {
            match get_in(copy, arn) {
                Some(a) => dests_of(resource, a, cx, true, &mut dests),
                None => dests.push(Dest::Unknown(
                    "copy action without a destination vault".into(),
                    copy.span,
                    resource.file,
                )),
            }
        }
    }
    judge(resource, cx, path, "backup copies", &dests)
}
