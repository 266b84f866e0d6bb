//! The live scan only reads: every AWS operation the crate's source can call
//! is in `OPERATIONS` below, and each is a `Describe*`, `Get*` or `List*`.
//! A new call fails this test until it is added here (and to the IAM policy
//! in docs/LIVE.md), and a write operation fails it for good.

use std::collections::BTreeSet;
use std::path::Path;

/// Every operation the reader calls, as the SDK's client method names it.
const OPERATIONS: &[&str] = &[
    // sts
    "get_caller_identity",
    // ec2
    "describe_regions",
    "describe_volumes",
    "describe_security_groups",
    "describe_vpcs",
    "describe_subnets",
    "describe_flow_logs",
    "describe_instances",
    "get_ebs_encryption_by_default",
    // elasticloadbalancingv2
    "describe_load_balancers",
    "describe_load_balancer_attributes",
    "describe_listeners",
    "describe_tags",
    // s3, s3control
    "list_buckets",
    "get_bucket_location",
    "get_bucket_encryption",
    "get_bucket_versioning",
    "get_public_access_block",
    "get_bucket_logging",
    "get_bucket_ownership_controls",
    "get_bucket_policy",
    "get_object_lock_configuration",
    "get_bucket_replication",
    "get_bucket_tagging",
    "get_bucket_acl",
    // rds
    "describe_db_instances",
    "describe_db_clusters",
    // dynamodb
    "list_tables",
    "describe_table",
    "describe_continuous_backups",
    "list_tags_of_resource",
    // sqs
    "list_queues",
    "get_queue_attributes",
    "list_queue_tags",
    // sns
    "list_topics",
    "get_topic_attributes",
    "list_tags_for_resource",
    // kms
    "list_keys",
    "describe_key",
    "get_key_rotation_status",
    "get_key_policy",
    "list_resource_tags",
    // secretsmanager
    "list_secrets",
    // logs
    "describe_log_groups",
    // backup
    "list_backup_vaults",
    "list_backup_plans",
    "get_backup_vault_access_policy",
    "get_backup_plan",
    // lambda
    "list_functions",
    "get_policy",
    "list_tags",
    // ecs, eks
    "list_clusters",
    "describe_clusters",
    "list_services",
    "describe_services",
    "list_task_definition_families",
    "describe_task_definition",
    "describe_cluster",
    // ecr
    "describe_repositories",
    "get_repository_policy",
    "get_lifecycle_policy",
    // cloudtrail
    "describe_trails",
    "get_trail_status",
    "get_event_selectors",
    // guardduty
    "list_detectors",
    "get_detector",
    // config
    "describe_configuration_recorders",
    "describe_configuration_recorder_status",
    "describe_delivery_channels",
    // accessanalyzer
    "list_analyzers",
    // securityhub
    "describe_hub",
    "get_enabled_standards",
    // cloudformation
    "list_stacks",
    "list_stack_resources",
    // iam
    "list_roles",
    "list_attached_role_policies",
    "list_role_policies",
    "get_role_policy",
    "list_users",
    "list_attached_user_policies",
    "list_user_policies",
    "get_user_policy",
    "list_access_keys",
    "get_login_profile",
    "list_policies",
    "get_policy_version",
    "get_account_password_policy",
    "get_account_summary",
];

fn is_read(op: &str) -> bool {
    ["describe_", "get_", "list_"]
        .iter()
        .any(|p| op.starts_with(p))
}

fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((
                path.display().to_string(),
                std::fs::read_to_string(&path).unwrap(),
            ));
        }
    }
}

/// The operations called in `text`: `client.<op>(` (an SDK client is always
/// bound to a variable named `client`), also across line breaks.
fn called(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("client") {
        rest = &rest[at + "client".len()..];
        let after = rest.trim_start();
        let Some(after) = after.strip_prefix('.') else {
            continue;
        };
        let name: String = after
            .trim_start()
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
            .collect();
        if !name.is_empty() && after.trim_start()[name.len()..].starts_with('(') {
            out.push(name);
        }
    }
    out
}

#[test]
fn the_reader_calls_only_listed_read_operations() {
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let listed: BTreeSet<&str> = OPERATIONS.iter().copied().collect();
    let mut seen = BTreeSet::new();
    for (path, text) in &files {
        for op in called(text) {
            assert!(
                is_read(&op),
                "{path} calls {op}: not a Describe/Get/List operation"
            );
            assert!(
                listed.contains(op.as_str()),
                "{path} calls {op}, which OPERATIONS does not list"
            );
            seen.insert(op);
        }
    }
    for op in OPERATIONS {
        assert!(is_read(op), "OPERATIONS lists {op}, which is not read-only");
        assert!(
            seen.contains(*op),
            "OPERATIONS lists {op}, which the source no longer calls"
        );
    }
}

#[test]
fn a_write_call_would_be_caught() {
    assert_eq!(
        called("let x = client\n    .put_bucket_policy()"),
        vec!["put_bucket_policy"]
    );
    assert!(!is_read("put_bucket_policy"));
    assert!(!is_read("delete_bucket"));
    assert_eq!(
        called("let client = crate::client!(aws_sdk_s3, cx);"),
        Vec::<String>::new()
    );
}

#[test]
fn the_iam_policy_in_docs_allows_each_service() {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/LIVE.md"))
            .unwrap();
    for action in [
        "ec2:DescribeInstances",
        "s3:GetEncryptionConfiguration",
        "iam:GetAccountSummary",
        "cloudtrail:GetTrailStatus",
        "guardduty:GetDetector",
        "securityhub:DescribeHub",
        "cloudformation:ListStackResources",
        "kms:GetKeyRotationStatus",
    ] {
        assert!(doc.contains(action), "docs/LIVE.md's policy lacks {action}");
    }
    assert!(doc.contains("SecurityAudit") && doc.contains("ViewOnlyAccess"));
}
