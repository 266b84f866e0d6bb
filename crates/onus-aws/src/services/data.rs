//! Data services: RDS, DynamoDB, SQS, SNS, KMS, Secrets Manager, CloudWatch
//! Logs and AWS Backup.

use super::{policy_document, put_tags, text};
use crate::model::{LiveResource, reference, unknown};
use crate::scan::Cx;
use serde_json::{Value as Json, json};
use std::collections::HashMap;

pub async fn read_rds(cx: Cx) {
    let client = crate::client!(aws_sdk_rds, cx);
    let (instances, clusters) = tokio::join!(
        cx.call(
            "DescribeDBInstances",
            client
                .describe_db_instances()
                .into_paginator()
                .items()
                .send()
                .try_collect()
        ),
        cx.call(
            "DescribeDBClusters",
            client
                .describe_db_clusters()
                .into_paginator()
                .items()
                .send()
                .try_collect()
        ),
    );
    for db in instances.iter().flatten() {
        let (Some(id), Some(arn)) = (db.db_instance_identifier(), db.db_instance_arn()) else {
            continue;
        };
        let tags = optional_key_tags!(db.tag_list());
        let mut p = json!({
            "DBInstanceIdentifier": id,
            "DBInstanceClass": db.db_instance_class(),
            "Engine": db.engine(),
            "EngineVersion": db.engine_version(),
            "StorageEncrypted": db.storage_encrypted().unwrap_or(false),
            "PubliclyAccessible": db.publicly_accessible().unwrap_or(false),
            "MultiAZ": db.multi_az().unwrap_or(false),
            "BackupRetentionPeriod": db.backup_retention_period(),
            "DeletionProtection": db.deletion_protection().unwrap_or(false),
            "AutoMinorVersionUpgrade": db.auto_minor_version_upgrade().unwrap_or(false),
            "EnableIAMDatabaseAuthentication": db.iam_database_authentication_enabled().unwrap_or(false),
            "EnableCloudwatchLogsExports": db.enabled_cloudwatch_logs_exports(),
            "MonitoringInterval": db.monitoring_interval().unwrap_or(0),
            "EnablePerformanceInsights": db.performance_insights_enabled().unwrap_or(false),
            "CopyTagsToSnapshot": db.copy_tags_to_snapshot().unwrap_or(false),
            "VPCSecurityGroups": db.vpc_security_groups().iter().filter_map(|g| g.vpc_security_group_id()).map(reference).collect::<Vec<_>>(),
        });
        if let Some(k) = text(db.kms_key_id()) {
            p["KmsKeyId"] = json!(k);
        }
        if let Some(k) = text(db.performance_insights_kms_key_id()) {
            p["PerformanceInsightsKMSKeyId"] = json!(k);
        }
        if let Some(c) = db.db_cluster_identifier() {
            p["DBClusterIdentifier"] = reference(c);
        }
        if let Some(port) = db
            .endpoint()
            .and_then(|e| e.port())
            .or(db.db_instance_port().filter(|p| *p != 0))
        {
            p["Port"] = json!(port);
        }
        if let Some(s) = db.storage_type() {
            p["StorageType"] = json!(s);
        }
        if let Some(g) = db.db_subnet_group().and_then(|g| g.db_subnet_group_name()) {
            p["DBSubnetGroupName"] = json!(g);
        }
        if let Some(c) = db.ca_certificate_identifier() {
            p["CACertificateIdentifier"] = json!(c);
        }
        put_tags(&mut p, &tags);
        cx.push(LiveResource {
            arn: arn.to_owned(),
            id: id.to_owned(),
            resource_type: "AWS::RDS::DBInstance",
            region: cx.region().to_owned(),
            properties: p,
            tags,
        });
    }
    for c in clusters.iter().flatten() {
        let (Some(id), Some(arn)) = (c.db_cluster_identifier(), c.db_cluster_arn()) else {
            continue;
        };
        let tags = optional_key_tags!(c.tag_list());
        let mut p = json!({
            "DBClusterIdentifier": id,
            "Engine": c.engine(),
            "EngineVersion": c.engine_version(),
            "StorageEncrypted": c.storage_encrypted().unwrap_or(false),
            "BackupRetentionPeriod": c.backup_retention_period(),
            "DeletionProtection": c.deletion_protection().unwrap_or(false),
            "EnableIAMDatabaseAuthentication": c.iam_database_authentication_enabled().unwrap_or(false),
            "EnableCloudwatchLogsExports": c.enabled_cloudwatch_logs_exports(),
            "CopyTagsToSnapshot": c.copy_tags_to_snapshot().unwrap_or(false),
            "AvailabilityZones": c.availability_zones(),
            "VpcSecurityGroupIds": c.vpc_security_groups().iter().filter_map(|g| g.vpc_security_group_id()).map(reference).collect::<Vec<_>>(),
        });
        if let Some(k) = text(c.kms_key_id()) {
            p["KmsKeyId"] = json!(k);
        }
        if let Some(m) = c.engine_mode() {
            p["EngineMode"] = json!(m);
        }
        if let Some(public) = c.publicly_accessible() {
            p["PubliclyAccessible"] = json!(public);
        }
        if let Some(port) = c.port() {
            p["Port"] = json!(port);
        }
        put_tags(&mut p, &tags);
        cx.push(LiveResource {
            arn: arn.to_owned(),
            id: id.to_owned(),
            resource_type: "AWS::RDS::DBCluster",
            region: cx.region().to_owned(),
            properties: p,
            tags,
        });
    }
}

pub async fn read_dynamodb(cx: Cx) {
    let client = crate::client!(aws_sdk_dynamodb, cx);
    let Some(names) = cx
        .call(
            "ListTables",
            client
                .list_tables()
                .into_paginator()
                .items()
                .send()
                .try_collect(),
        )
        .await
    else {
        return;
    };
    for name in &names {
        let (table, backups) = tokio::join!(
            cx.call_about(
                "DescribeTable",
                Some(name),
                client.describe_table().table_name(name).send()
            ),
            cx.call_about(
                "DescribeContinuousBackups",
                Some(name),
                client.describe_continuous_backups().table_name(name).send()
            ),
        );
        let Some(t) = table.as_ref().and_then(|t| t.table()) else {
            continue;
        };
        let Some(arn) = t.table_arn() else { continue };
        let tags = cx
            .call_about(
                "ListTagsOfResource",
                Some(name),
                client.list_tags_of_resource().resource_arn(arn).send(),
            )
            .await
            .map(|o| {
                o.tags()
                    .iter()
                    .map(|t| (t.key().to_owned(), t.value().to_owned()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        let mut p = json!({
            "TableName": name,
            "BillingMode": t.billing_mode_summary().and_then(|b| b.billing_mode()).map(|m| m.as_str()).unwrap_or("PROVISIONED"),
            "DeletionProtectionEnabled": t.deletion_protection_enabled().unwrap_or(false),
            "KeySchema": t.key_schema().iter().map(|k| json!({"AttributeName": k.attribute_name(), "KeyType": k.key_type().as_str()})).collect::<Vec<_>>(),
        });
        // No SSE description: the table is encrypted with an AWS owned key.
        match t.sse_description() {
            Some(sse) if sse.status().map(|s| s.as_str()) == Some("ENABLED") => {
                let mut spec = json!({"SSEEnabled": true, "SSEType": sse.sse_type().map(|s| s.as_str()).unwrap_or("KMS")});
                if let Some(k) = sse.kms_master_key_arn() {
                    spec["KMSMasterKeyId"] = json!(k);
                }
                p["SSESpecification"] = spec;
            }
            _ => p["SSESpecification"] = json!({"SSEEnabled": false}),
        }
        p["PointInTimeRecoverySpecification"] = match &backups {
            Some(b) => json!({
                "PointInTimeRecoveryEnabled": b
                    .continuous_backups_description()
                    .and_then(|d| d.point_in_time_recovery_description())
                    .and_then(|d| d.point_in_time_recovery_status())
                    .map(|s| s.as_str() == "ENABLED")
                    .unwrap_or(false)
            }),
            None => unknown("DescribeContinuousBackups failed"),
        };
        if let Some(s) = t.stream_specification() {
            p["StreamSpecification"] =
                json!({"StreamViewType": s.stream_view_type().map(|v| v.as_str())});
        }
        put_tags(&mut p, &tags);
        cx.push(LiveResource {
            arn: arn.to_owned(),
            id: name.to_owned(),
            resource_type: "AWS::DynamoDB::Table",
            region: cx.region().to_owned(),
            properties: p,
            tags,
        });
    }
}

pub async fn read_sqs(cx: Cx) {
    let client = crate::client!(aws_sdk_sqs, cx);
    let Some(urls) = cx
        .call(
            "ListQueues",
            client
                .list_queues()
                .into_paginator()
                .items()
                .send()
                .try_collect(),
        )
        .await
    else {
        return;
    };
    for url in &urls {
        let name = url.rsplit('/').next().unwrap_or(url);
        let (attributes, tags) = tokio::join!(
            cx.call_about(
                "GetQueueAttributes",
                Some(name),
                client
                    .get_queue_attributes()
                    .queue_url(url)
                    .attribute_names(aws_sdk_sqs::types::QueueAttributeName::All)
                    .send()
            ),
            cx.call_about(
                "ListQueueTags",
                Some(name),
                client.list_queue_tags().queue_url(url).send()
            ),
        );
        let Some(attributes) = attributes else {
            continue;
        };
        let a: HashMap<&str, &str> = attributes
            .attributes()
            .map(|m| m.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect())
            .unwrap_or_default();
        let arn = a
            .get("QueueArn")
            .map(|s| s.to_string())
            .unwrap_or_else(|| cx.arn("sqs", name));
        let tags: Vec<(String, String)> = tags
            .and_then(|t| {
                t.tags()
                    .map(|m| m.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
            })
            .unwrap_or_default();
        let mut p = json!({
            "QueueName": name,
            "FifoQueue": a.get("FifoQueue").is_some_and(|v| *v == "true"),
        });
        if let Some(k) = a.get("KmsMasterKeyId").filter(|k| !k.is_empty()) {
            p["KmsMasterKeyId"] = json!(k);
        }
        if let Some(v) = a.get("SqsManagedSseEnabled") {
            p["SqsManagedSseEnabled"] = json!(*v == "true");
        }
        for (attr, prop) in [
            ("MessageRetentionPeriod", "MessageRetentionPeriod"),
            ("VisibilityTimeout", "VisibilityTimeout"),
            (
                "KmsDataKeyReusePeriodSeconds",
                "KmsDataKeyReusePeriodSeconds",
            ),
        ] {
            if let Some(n) = a.get(attr).and_then(|v| v.parse::<i64>().ok()) {
                p[prop] = json!(n);
            }
        }
        if let Some(r) = a.get("RedrivePolicy") {
            p["RedrivePolicy"] = serde_json::from_str(r).unwrap_or(json!(r));
        }
        put_tags(&mut p, &tags);
        if let Some(policy) = a.get("Policy") {
            cx.push(LiveResource {
                arn: format!("{arn}/policy"),
                id: format!("{name}/policy"),
                resource_type: "AWS::SQS::QueuePolicy",
                region: cx.region().to_owned(),
                properties: json!({"Queues": [reference(name)], "PolicyDocument": policy_document(policy)}),
                tags: Vec::new(),
            });
        }
        cx.push(LiveResource {
            arn,
            id: name.to_owned(),
            resource_type: "AWS::SQS::Queue",
            region: cx.region().to_owned(),
            properties: p,
            tags,
        });
    }
}

pub async fn read_sns(cx: Cx) {
    let client = crate::client!(aws_sdk_sns, cx);
    let Some(topics) = cx
        .call(
            "ListTopics",
            client
                .list_topics()
                .into_paginator()
                .items()
                .send()
                .try_collect(),
        )
        .await
    else {
        return;
    };
    for topic in &topics {
        let Some(arn) = topic.topic_arn() else {
            continue;
        };
        let name = arn.rsplit(':').next().unwrap_or(arn);
        let (attributes, tags) = tokio::join!(
            cx.call_about(
                "GetTopicAttributes",
                Some(name),
                client.get_topic_attributes().topic_arn(arn).send()
            ),
            cx.call_about(
                "ListTagsForResource",
                Some(name),
                client.list_tags_for_resource().resource_arn(arn).send()
            ),
        );
        let Some(attributes) = attributes else {
            continue;
        };
        let a: HashMap<&str, &str> = attributes
            .attributes()
            .map(|m| m.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect())
            .unwrap_or_default();
        let tags: Vec<(String, String)> = tags
            .map(|t| {
                t.tags()
                    .iter()
                    .map(|t| (t.key().to_owned(), t.value().to_owned()))
                    .collect()
            })
            .unwrap_or_default();
        let mut p = json!({
            "TopicName": name,
            "FifoTopic": a.get("FifoTopic").is_some_and(|v| *v == "true"),
        });
        if let Some(k) = a.get("KmsMasterKeyId").filter(|k| !k.is_empty()) {
            p["KmsMasterKeyId"] = json!(k);
        }
        put_tags(&mut p, &tags);
        if let Some(policy) = a.get("Policy") {
            cx.push(LiveResource {
                arn: format!("{arn}/policy"),
                id: format!("{name}/policy"),
                resource_type: "AWS::SNS::TopicPolicy",
                region: cx.region().to_owned(),
                properties: json!({"Topics": [reference(name)], "PolicyDocument": policy_document(policy)}),
                tags: Vec::new(),
            });
        }
        cx.push(LiveResource {
            arn: arn.to_owned(),
            id: name.to_owned(),
            resource_type: "AWS::SNS::Topic",
            region: cx.region().to_owned(),
            properties: p,
            tags,
        });
    }
}

pub async fn read_kms(cx: Cx) {
    let client = crate::client!(aws_sdk_kms, cx);
    let Some(keys) = cx
        .call(
            "ListKeys",
            client
                .list_keys()
                .into_paginator()
                .items()
                .send()
                .try_collect(),
        )
        .await
    else {
        return;
    };
    for key in &keys {
        let Some(id) = key.key_id() else { continue };
        let Some(described) = cx
            .call_about(
                "DescribeKey",
                Some(id),
                client.describe_key().key_id(id).send(),
            )
            .await
        else {
            continue;
        };
        let Some(m) = described.key_metadata() else {
            continue;
        };
        // AWS managed keys (aws/s3…) are AWS's to rotate and guard.
        if m.key_manager().map(|k| k.as_str()) == Some("AWS") {
            continue;
        }
        let state = m.key_state().map(|s| s.as_str()).unwrap_or_default();
        if state == "PendingDeletion" || state == "PendingReplicaDeletion" {
            continue;
        }
        let symmetric = m.key_spec().map(|s| s.as_str()) == Some("SYMMETRIC_DEFAULT");
        let (rotation, policy, tags) = tokio::join!(
            async {
                if symmetric {
                    Some(
                        cx.call_about(
                            "GetKeyRotationStatus",
                            Some(id),
                            client.get_key_rotation_status().key_id(id).send(),
                        )
                        .await,
                    )
                } else {
                    None
                }
            },
            cx.call_about(
                "GetKeyPolicy",
                Some(id),
                client
                    .get_key_policy()
                    .key_id(id)
                    .policy_name("default")
                    .send()
            ),
            cx.call_about(
                "ListResourceTags",
                Some(id),
                client.list_resource_tags().key_id(id).send()
            ),
        );
        let tags: Vec<(String, String)> = tags
            .map(|t| {
                t.tags()
                    .iter()
                    .map(|t| (t.tag_key().to_owned(), t.tag_value().to_owned()))
                    .collect()
            })
            .unwrap_or_default();
        let mut p = json!({
            "Enabled": m.enabled(),
            "KeySpec": m.key_spec().map(|s| s.as_str()),
            "KeyUsage": m.key_usage().map(|u| u.as_str()),
            "MultiRegion": m.multi_region().unwrap_or(false),
            "KeyPolicy": policy
                .as_ref()
                .and_then(|p| p.policy())
                .map(policy_document)
                .unwrap_or_else(|| unknown("GetKeyPolicy failed")),
        });
        match rotation {
            Some(Some(r)) => p["EnableKeyRotation"] = json!(r.key_rotation_enabled()),
            Some(None) => p["EnableKeyRotation"] = unknown("GetKeyRotationStatus failed"),
            None => {}
        }
        if let Some(d) = text(m.description()) {
            p["Description"] = json!(d);
        }
        put_tags(&mut p, &tags);
        cx.push(LiveResource {
            arn: m
                .arn()
                .map(str::to_owned)
                .unwrap_or_else(|| cx.arn("kms", &format!("key/{id}"))),
            id: id.to_owned(),
            resource_type: "AWS::KMS::Key",
            region: cx.region().to_owned(),
            properties: p,
            tags,
        });
    }
}

pub async fn read_secrets(cx: Cx) {
    let client = crate::client!(aws_sdk_secretsmanager, cx);
    let Some(pages) = cx
        .call(
            "ListSecrets",
            client.list_secrets().into_paginator().send().try_collect(),
        )
        .await
    else {
        return;
    };
    for s in pages.iter().flat_map(|p| p.secret_list()) {
        let (Some(name), Some(arn)) = (s.name(), s.arn()) else {
            continue;
        };
        let tags = optional_key_tags!(s.tags());
        let mut p = json!({"Name": name});
        if let Some(k) = text(s.kms_key_id()) {
            p["KmsKeyId"] = json!(k);
        }
        if let Some(d) = text(s.description()) {
            p["Description"] = json!(d);
        }
        put_tags(&mut p, &tags);
        if s.rotation_enabled().unwrap_or(false) {
            let mut rules = json!({});
            if let Some(r) = s.rotation_rules() {
                if let Some(days) = r.automatically_after_days() {
                    rules["AutomaticallyAfterDays"] = json!(days);
                }
                if let Some(e) = r.schedule_expression() {
                    rules["ScheduleExpression"] = json!(e);
                }
            }
            let mut schedule = json!({"SecretId": reference(name), "RotationRules": rules});
            if let Some(l) = s.rotation_lambda_arn() {
                schedule["RotationLambdaARN"] = json!(l);
            }
            cx.push(LiveResource {
                arn: format!("{arn}/rotation"),
                id: format!("{name}/rotation"),
                resource_type: "AWS::SecretsManager::RotationSchedule",
                region: cx.region().to_owned(),
                properties: schedule,
                tags: Vec::new(),
            });
        }
        cx.push(LiveResource {
            arn: arn.to_owned(),
            id: name.to_owned(),
            resource_type: "AWS::SecretsManager::Secret",
            region: cx.region().to_owned(),
            properties: p,
            tags,
        });
    }
}

pub async fn read_logs(cx: Cx) {
    let client = crate::client!(aws_sdk_cloudwatchlogs, cx);
    let Some(groups) = cx
        .call(
            "DescribeLogGroups",
            client
                .describe_log_groups()
                .into_paginator()
                .items()
                .send()
                .try_collect(),
        )
        .await
    else {
        return;
    };
    for g in &groups {
        let Some(name) = g.log_group_name() else {
            continue;
        };
        let mut p = json!({"LogGroupName": name});
        if let Some(days) = g.retention_in_days() {
            p["RetentionInDays"] = json!(days);
        }
        if let Some(k) = text(g.kms_key_id()) {
            p["KmsKeyId"] = json!(k);
        }
        if let Some(c) = g.log_group_class() {
            p["LogGroupClass"] = json!(c.as_str());
        }
        let arn = g
            .arn()
            .map(|a| a.trim_end_matches(":*").to_owned())
            .unwrap_or_else(|| cx.arn("logs", &format!("log-group:{name}")));
        cx.push(LiveResource {
            arn,
            id: name.to_owned(),
            resource_type: "AWS::Logs::LogGroup",
            region: cx.region().to_owned(),
            properties: p,
            tags: Vec::new(),
        });
    }
}

pub async fn read_backup(cx: Cx) {
    let client = crate::client!(aws_sdk_backup, cx);
    let (vaults, plans) = tokio::join!(
        cx.call(
            "ListBackupVaults",
            client
                .list_backup_vaults()
                .into_paginator()
                .items()
                .send()
                .try_collect()
        ),
        cx.call(
            "ListBackupPlans",
            client
                .list_backup_plans()
                .into_paginator()
                .items()
                .send()
                .try_collect()
        ),
    );
    for v in vaults.iter().flatten() {
        let (Some(name), Some(arn)) = (v.backup_vault_name(), v.backup_vault_arn()) else {
            continue;
        };
        let policy = cx
            .try_call(
                "GetBackupVaultAccessPolicy",
                client
                    .get_backup_vault_access_policy()
                    .backup_vault_name(name)
                    .send(),
            )
            .await;
        let mut p = json!({"BackupVaultName": name});
        if let Some(k) = text(v.encryption_key_arn()) {
            p["EncryptionKeyArn"] = json!(k);
        }
        if v.locked().unwrap_or(false) || v.min_retention_days().is_some() {
            let mut lock = json!({});
            if let Some(d) = v.min_retention_days() {
                lock["MinRetentionDays"] = json!(d);
            }
            if let Some(d) = v.max_retention_days() {
                lock["MaxRetentionDays"] = json!(d);
            }
            p["LockConfiguration"] = lock;
        }
        match policy {
            Ok(out) => {
                if let Some(doc) = out.policy() {
                    p["AccessPolicy"] = policy_document(doc);
                }
            }
            Err(e) if e.is("ResourceNotFoundException") => {}
            Err(e) => {
                p["AccessPolicy"] =
                    unknown(format!("GetBackupVaultAccessPolicy failed: {}", e.message));
                cx.fail("GetBackupVaultAccessPolicy", Some(name), e);
            }
        }
        cx.push(LiveResource {
            arn: arn.to_owned(),
            id: name.to_owned(),
            resource_type: "AWS::Backup::BackupVault",
            region: cx.region().to_owned(),
            properties: p,
            tags: Vec::new(),
        });
    }
    for plan in plans.iter().flatten() {
        let (Some(id), Some(arn)) = (plan.backup_plan_id(), plan.backup_plan_arn()) else {
            continue;
        };
        let Some(got) = cx
            .call_about(
                "GetBackupPlan",
                Some(id),
                client.get_backup_plan().backup_plan_id(id).send(),
            )
            .await
        else {
            continue;
        };
        let Some(bp) = got.backup_plan() else {
            continue;
        };
        let rules: Vec<Json> = bp
            .rules()
            .iter()
            .map(|r| {
                let mut rule = json!({"RuleName": r.rule_name(), "TargetBackupVault": r.target_backup_vault_name()});
                if let Some(s) = r.schedule_expression() {
                    rule["ScheduleExpression"] = json!(s);
                }
                if let Some(l) = r.lifecycle() {
                    let mut lifecycle = json!({});
                    if let Some(d) = l.delete_after_days() {
                        lifecycle["DeleteAfterDays"] = json!(d);
                    }
                    if let Some(d) = l.move_to_cold_storage_after_days() {
                        lifecycle["MoveToColdStorageAfterDays"] = json!(d);
                    }
                    rule["Lifecycle"] = lifecycle;
                }
                let copies: Vec<Json> = r
                    .copy_actions()
                    .iter()
                    .map(|c| json!({"DestinationBackupVaultArn": c.destination_backup_vault_arn()}))
                    .collect();
                if !copies.is_empty() {
                    rule["CopyActions"] = json!(copies);
                }
                rule
            })
            .collect();
        cx.push(LiveResource {
            arn: arn.to_owned(),
            id: id.to_owned(),
            resource_type: "AWS::Backup::BackupPlan",
            region: cx.region().to_owned(),
            properties: json!({"BackupPlan": {"BackupPlanName": bp.backup_plan_name(), "BackupPlanRule": rules}}),
            tags: Vec::new(),
        });
    }
}
