//! Compute: Lambda functions (and their resource policies), ECS clusters,
//! services and task definitions, EKS clusters, ECR repositories.

use super::{policy_document, put_tags, text};
use crate::model::{LiveResource, reference, unknown};
use crate::scan::Cx;
use serde_json::{Value as Json, json};
use std::collections::HashMap;

fn map_tags(tags: Option<&HashMap<String, String>>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = tags
        .map(|m| m.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
        .unwrap_or_default();
    out.sort();
    out
}

pub async fn read_lambda(cx: Cx) {
    let client = crate::client!(aws_sdk_lambda, cx);
    let Some(functions) = cx
        .call(
            "ListFunctions",
            client
                .list_functions()
                .into_paginator()
                .items()
                .send()
                .try_collect(),
        )
        .await
    else {
        return;
    };
    for f in &functions {
        let (Some(name), Some(arn)) = (f.function_name(), f.function_arn()) else {
            continue;
        };
        let (policy, tags) = tokio::join!(
            cx.try_call("GetPolicy", client.get_policy().function_name(name).send()),
            cx.call_about(
                "ListTags",
                Some(name),
                client.list_tags().resource(arn).send()
            ),
        );
        let tags = map_tags(tags.as_ref().and_then(|t| t.tags()));
        let mut p = json!({
            "FunctionName": name,
            "Role": f.role(),
            "PackageType": f.package_type().map(|t| t.as_str()).unwrap_or("Zip"),
            "Architectures": f.architectures().iter().map(|a| a.as_str()).collect::<Vec<_>>(),
            "TracingConfig": {"Mode": f.tracing_config().and_then(|t| t.mode()).map(|m| m.as_str()).unwrap_or("PassThrough")},
        });
        if let Some(r) = f.runtime() {
            p["Runtime"] = json!(r.as_str());
        }
        if let Some(h) = f.handler() {
            p["Handler"] = json!(h);
        }
        if let Some(k) = text(f.kms_key_arn()) {
            p["KmsKeyArn"] = json!(k);
        }
        if let Some(v) = f.vpc_config().filter(|v| !v.subnet_ids().is_empty()) {
            p["VpcConfig"] = json!({
                "SubnetIds": v.subnet_ids().iter().map(|s| reference(s)).collect::<Vec<_>>(),
                "SecurityGroupIds": v.security_group_ids().iter().map(|s| reference(s)).collect::<Vec<_>>(),
            });
        }
        if let Some(d) = f.dead_letter_config().and_then(|d| d.target_arn()) {
            p["DeadLetterConfig"] = json!({"TargetArn": d});
        }
        // Environment values may be secrets: their names are kept, their
        // values are not copied into reports.
        if let Some(vars) = f.environment().and_then(|e| e.variables()) {
            let mut names: Vec<&String> = vars.keys().collect();
            names.sort();
            let masked: serde_json::Map<String, Json> = names
                .into_iter()
                .map(|k| {
                    (
                        k.clone(),
                        unknown("the value of an environment variable (not read)"),
                    )
                })
                .collect();
            p["Environment"] = json!({"Variables": masked});
        }
        put_tags(&mut p, &tags);
        match policy {
            Ok(out) => {
                let doc = out.policy().map(policy_document).unwrap_or(Json::Null);
                let statements = doc
                    .get("Statement")
                    .and_then(|s| s.as_array())
                    .cloned()
                    .unwrap_or_default();
                for (i, st) in statements.iter().enumerate() {
                    let principal = match st.get("Principal") {
                        Some(Json::String(s)) => json!(s),
                        Some(Json::Object(m)) => m.values().next().cloned().unwrap_or(Json::Null),
                        _ => Json::Null,
                    };
                    let mut perm = json!({
                        "FunctionName": reference(name),
                        "Action": st.get("Action").cloned().unwrap_or(json!("lambda:InvokeFunction")),
                        "Principal": principal,
                    });
                    let condition = st.get("Condition");
                    let find = |key: &str| {
                        condition
                            .and_then(|c| c.as_object())
                            .into_iter()
                            .flat_map(|c| c.values())
                            .find_map(|v| v.get(key).cloned())
                    };
                    if let Some(a) = find("AWS:SourceArn") {
                        perm["SourceArn"] = a;
                    }
                    if let Some(a) = find("AWS:SourceAccount") {
                        perm["SourceAccount"] = a;
                    }
                    if let Some(o) = find("aws:PrincipalOrgID") {
                        perm["PrincipalOrgID"] = o;
                    }
                    let sid = st
                        .get("Sid")
                        .and_then(|s| s.as_str())
                        .map(str::to_owned)
                        .unwrap_or_else(|| i.to_string());
                    cx.push(LiveResource {
                        arn: format!("{arn}/policy/{sid}"),
                        id: format!("{name}/{sid}"),
                        resource_type: "AWS::Lambda::Permission",
                        region: cx.region().to_owned(),
                        properties: perm,
                        tags: Vec::new(),
                    });
                }
            }
            Err(e) if e.is("ResourceNotFoundException") => {}
            Err(e) => cx.fail("GetPolicy", Some(name), e),
        }
        cx.push(LiveResource {
            arn: arn.to_owned(),
            id: name.to_owned(),
            resource_type: "AWS::Lambda::Function",
            region: cx.region().to_owned(),
            properties: p,
            tags,
        });
    }
}

pub async fn read_ecs(cx: Cx) {
    let client = crate::client!(aws_sdk_ecs, cx);
    let (clusters, families) = tokio::join!(
        cx.call(
            "ListClusters",
            client
                .list_clusters()
                .into_paginator()
                .items()
                .send()
                .try_collect()
        ),
        cx.call(
            "ListTaskDefinitionFamilies",
            client
                .list_task_definition_families()
                .status(aws_sdk_ecs::types::TaskDefinitionFamilyStatus::Active)
                .into_paginator()
                .items()
                .send()
                .try_collect()
        ),
    );
    let clusters = clusters.unwrap_or_default();
    for chunk in clusters.chunks(100) {
        let Some(described) = cx
            .call(
                "DescribeClusters",
                client
                    .describe_clusters()
                    .set_clusters(Some(chunk.to_vec()))
                    .include(aws_sdk_ecs::types::ClusterField::Settings)
                    .include(aws_sdk_ecs::types::ClusterField::Configurations)
                    .include(aws_sdk_ecs::types::ClusterField::Tags)
                    .send(),
            )
            .await
        else {
            continue;
        };
        for c in described.clusters() {
            let (Some(name), Some(arn)) = (c.cluster_name(), c.cluster_arn()) else {
                continue;
            };
            let tags = optional_key_tags!(c.tags());
            let mut p = json!({
                "ClusterName": name,
                "ClusterSettings": c.settings().iter().map(|s| json!({"Name": s.name().map(|n| n.as_str()), "Value": s.value()})).collect::<Vec<_>>(),
            });
            if let Some(e) = c
                .configuration()
                .and_then(|c| c.execute_command_configuration())
            {
                let mut exec =
                    json!({"Logging": e.logging().map(|l| l.as_str()).unwrap_or("DEFAULT")});
                if let Some(k) = e.kms_key_id() {
                    exec["KmsKeyId"] = json!(k);
                }
                p["Configuration"] = json!({"ExecuteCommandConfiguration": exec});
            }
            put_tags(&mut p, &tags);
            read_ecs_services(&cx, &client, name, arn).await;
            cx.push(LiveResource {
                arn: arn.to_owned(),
                id: name.to_owned(),
                resource_type: "AWS::ECS::Cluster",
                region: cx.region().to_owned(),
                properties: p,
                tags,
            });
        }
    }
    for family in families.iter().flatten() {
        // The family's latest ACTIVE revision.
        let Some(out) = cx
            .call_about(
                "DescribeTaskDefinition",
                Some(family),
                client
                    .describe_task_definition()
                    .task_definition(family)
                    .include(aws_sdk_ecs::types::TaskDefinitionField::Tags)
                    .send(),
            )
            .await
        else {
            continue;
        };
        let Some(td) = out.task_definition() else {
            continue;
        };
        let Some(arn) = td.task_definition_arn() else {
            continue;
        };
        let tags = optional_key_tags!(out.tags());
        let containers: Vec<Json> = td
            .container_definitions()
            .iter()
            .map(|c| {
                let mut d = json!({
                    "Name": c.name(),
                    "Image": c.image(),
                    "Environment": c.environment().iter().map(|e| json!({"Name": e.name(), "Value": unknown("the value of an environment variable (not read)")})).collect::<Vec<_>>(),
                    "Secrets": c.secrets().iter().map(|s| json!({"Name": s.name(), "ValueFrom": s.value_from()})).collect::<Vec<_>>(),
                });
                if let Some(v) = c.privileged() {
                    d["Privileged"] = json!(v);
                }
                if let Some(v) = c.readonly_root_filesystem() {
                    d["ReadonlyRootFilesystem"] = json!(v);
                }
                if let Some(u) = c.user() {
                    d["User"] = json!(u);
                }
                if let Some(l) = c.log_configuration() {
                    d["LogConfiguration"] = json!({"LogDriver": l.log_driver().as_str(), "Options": l.options()});
                }
                d
            })
            .collect();
        let mut p = json!({
            "Family": td.family(),
            "ContainerDefinitions": containers,
            "RequiresCompatibilities": td.requires_compatibilities().iter().map(|c| c.as_str()).collect::<Vec<_>>(),
        });
        if let Some(m) = td.network_mode() {
            p["NetworkMode"] = json!(m.as_str());
        }
        if let Some(m) = td.pid_mode() {
            p["PidMode"] = json!(m.as_str());
        }
        if let Some(m) = td.ipc_mode() {
            p["IpcMode"] = json!(m.as_str());
        }
        if let Some(r) = td.task_role_arn() {
            p["TaskRoleArn"] = json!(r);
        }
        if let Some(r) = td.execution_role_arn() {
            p["ExecutionRoleArn"] = json!(r);
        }
        put_tags(&mut p, &tags);
        cx.push(LiveResource {
            arn: arn.to_owned(),
            id: family.clone(),
            resource_type: "AWS::ECS::TaskDefinition",
            region: cx.region().to_owned(),
            properties: p,
            tags,
        });
    }
}

async fn read_ecs_services(
    cx: &Cx,
    client: &aws_sdk_ecs::Client,
    cluster: &str,
    cluster_arn: &str,
) {
    let Some(arns) = cx
        .call_about(
            "ListServices",
            Some(cluster),
            client
                .list_services()
                .cluster(cluster_arn)
                .into_paginator()
                .items()
                .send()
                .try_collect(),
        )
        .await
    else {
        return;
    };
    for chunk in arns.chunks(10) {
        let Some(out) = cx
            .call_about(
                "DescribeServices",
                Some(cluster),
                client
                    .describe_services()
                    .cluster(cluster_arn)
                    .set_services(Some(chunk.to_vec()))
                    .include(aws_sdk_ecs::types::ServiceField::Tags)
                    .send(),
            )
            .await
        else {
            continue;
        };
        for s in out.services() {
            let (Some(name), Some(arn)) = (s.service_name(), s.service_arn()) else {
                continue;
            };
            let tags = optional_key_tags!(s.tags());
            let mut p = json!({"ServiceName": name, "Cluster": reference(cluster)});
            if let Some(t) = s.launch_type() {
                p["LaunchType"] = json!(t.as_str());
            }
            if let Some(v) = s.platform_version() {
                p["PlatformVersion"] = json!(v);
            }
            if let Some(t) = s.task_definition() {
                p["TaskDefinition"] = json!(t);
            }
            if let Some(a) = s
                .network_configuration()
                .and_then(|n| n.awsvpc_configuration())
            {
                p["NetworkConfiguration"] = json!({"AwsvpcConfiguration": {
                    "AssignPublicIp": a.assign_public_ip().map(|v| v.as_str()).unwrap_or("DISABLED"),
                    "Subnets": a.subnets(),
                    "SecurityGroups": a.security_groups(),
                }});
            }
            put_tags(&mut p, &tags);
            cx.push(LiveResource {
                arn: arn.to_owned(),
                id: format!("{cluster}/{name}"),
                resource_type: "AWS::ECS::Service",
                region: cx.region().to_owned(),
                properties: p,
                tags,
            });
        }
    }
}

pub async fn read_eks(cx: Cx) {
    let client = crate::client!(aws_sdk_eks, cx);
    let Some(names) = cx
        .call(
            "ListClusters",
            client
                .list_clusters()
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
        let Some(out) = cx
            .call_about(
                "DescribeCluster",
                Some(name),
                client.describe_cluster().name(name).send(),
            )
            .await
        else {
            continue;
        };
        let Some(c) = out.cluster() else { continue };
        let Some(arn) = c.arn() else { continue };
        let tags = map_tags(c.tags());
        let mut p = json!({"Name": name});
        if let Some(v) = c.version() {
            p["Version"] = json!(v);
        }
        if let Some(r) = c.role_arn() {
            p["RoleArn"] = json!(r);
        }
        if let Some(v) = c.resources_vpc_config() {
            p["ResourcesVpcConfig"] = json!({
                "SubnetIds": v.subnet_ids(),
                "SecurityGroupIds": v.security_group_ids(),
                "EndpointPublicAccess": v.endpoint_public_access(),
                "EndpointPrivateAccess": v.endpoint_private_access(),
                "PublicAccessCidrs": v.public_access_cidrs(),
            });
        }
        let encryption: Vec<Json> = c
            .encryption_config()
            .iter()
            .map(|e| json!({"Provider": {"KeyArn": e.provider().and_then(|p| p.key_arn())}}))
            .collect();
        if !encryption.is_empty() {
            p["EncryptionConfig"] = json!(encryption);
        }
        if let Some(l) = c.logging() {
            let enabled: Vec<Json> = l
                .cluster_logging()
                .iter()
                .filter(|s| s.enabled().unwrap_or(false))
                .flat_map(|s| s.types())
                .map(|t| json!({"Type": t.as_str()}))
                .collect();
            p["Logging"] = json!({"ClusterLogging": {"EnabledTypes": enabled}});
        }
        put_tags(&mut p, &tags);
        cx.push(LiveResource {
            arn: arn.to_owned(),
            id: name.to_owned(),
            resource_type: "AWS::EKS::Cluster",
            region: cx.region().to_owned(),
            properties: p,
            tags,
        });
    }
}

pub async fn read_ecr(cx: Cx) {
    let client = crate::client!(aws_sdk_ecr, cx);
    let Some(repositories) = cx
        .call(
            "DescribeRepositories",
            client
                .describe_repositories()
                .into_paginator()
                .items()
                .send()
                .try_collect(),
        )
        .await
    else {
        return;
    };
    for r in &repositories {
        let (Some(name), Some(arn)) = (r.repository_name(), r.repository_arn()) else {
            continue;
        };
        let (policy, lifecycle) = tokio::join!(
            cx.try_call(
                "GetRepositoryPolicy",
                client.get_repository_policy().repository_name(name).send()
            ),
            cx.try_call(
                "GetLifecyclePolicy",
                client.get_lifecycle_policy().repository_name(name).send()
            ),
        );
        let mut p = json!({
            "RepositoryName": name,
            "ImageTagMutability": r.image_tag_mutability().map(|m| m.as_str()).unwrap_or("MUTABLE"),
            "ImageScanningConfiguration": {"ScanOnPush": r.image_scanning_configuration().map(|s| s.scan_on_push()).unwrap_or(false)},
        });
        if let Some(e) = r.encryption_configuration() {
            let mut enc = json!({"EncryptionType": e.encryption_type().as_str()});
            if let Some(k) = e.kms_key() {
                enc["KmsKey"] = json!(k);
            }
            p["EncryptionConfiguration"] = enc;
        }
        match policy {
            Ok(out) => {
                if let Some(doc) = out.policy_text() {
                    p["RepositoryPolicyText"] = policy_document(doc);
                }
            }
            Err(e) if e.is("RepositoryPolicyNotFoundException") => {}
            Err(e) => {
                p["RepositoryPolicyText"] =
                    unknown(format!("GetRepositoryPolicy failed: {}", e.message));
                cx.fail("GetRepositoryPolicy", Some(name), e);
            }
        }
        match lifecycle {
            Ok(out) => {
                if let Some(text) = out.lifecycle_policy_text() {
                    p["LifecyclePolicy"] = json!({"LifecyclePolicyText": text});
                }
            }
            Err(e) if e.is("LifecyclePolicyNotFoundException") => {}
            Err(e) => {
                p["LifecyclePolicy"] = unknown(format!("GetLifecyclePolicy failed: {}", e.message));
                cx.fail("GetLifecyclePolicy", Some(name), e);
            }
        }
        cx.push(LiveResource {
            arn: arn.to_owned(),
            id: name.to_owned(),
            resource_type: "AWS::ECR::Repository",
            region: cx.region().to_owned(),
            properties: p,
            tags: Vec::new(),
        });
    }
}
