//! EC2 and VPC (instances, security groups, volumes, VPCs, subnets, flow logs,
//! EBS encryption by default) and Elastic Load Balancing v2.

use super::{put_tags, text};
use crate::model::{LiveResource, reference, unknown};
use crate::scan::Cx;
use aws_sdk_ec2::types::{Filter, IpPermission};
use serde_json::{Map, Value as Json, json};
use std::collections::HashMap;

fn with_tags(mut p: Json, tags: &[(String, String)]) -> Json {
    put_tags(&mut p, tags);
    p
}

pub async fn read_ec2(cx: Cx) {
    let client = crate::client!(aws_sdk_ec2, cx);
    let (volumes, groups, vpcs, subnets, flow_logs, by_default) = tokio::join!(
        cx.call(
            "DescribeVolumes",
            client
                .describe_volumes()
                .into_paginator()
                .items()
                .send()
                .try_collect()
        ),
        cx.call(
            "DescribeSecurityGroups",
            client
                .describe_security_groups()
                .into_paginator()
                .items()
                .send()
                .try_collect()
        ),
        cx.call(
            "DescribeVpcs",
            client
                .describe_vpcs()
                .into_paginator()
                .items()
                .send()
                .try_collect()
        ),
        cx.call(
            "DescribeSubnets",
            client
                .describe_subnets()
                .into_paginator()
                .items()
                .send()
                .try_collect()
        ),
        cx.call(
            "DescribeFlowLogs",
            client
                .describe_flow_logs()
                .into_paginator()
                .items()
                .send()
                .try_collect()
        ),
        cx.try_call(
            "GetEbsEncryptionByDefault",
            client.get_ebs_encryption_by_default().send()
        ),
    );
    let encrypted = match by_default {
        Ok(out) => json!(out.ebs_encryption_by_default().unwrap_or(false)),
        Err(e) => {
            let why = format!("GetEbsEncryptionByDefault failed: {}", e.message);
            cx.fail("GetEbsEncryptionByDefault", None, e);
            unknown(why)
        }
    };
    cx.push(LiveResource {
        arn: cx.arn("ec2", "ebs-encryption-by-default"),
        id: "ebs-encryption-by-default".into(),
        resource_type: "aws_ebs_encryption_by_default",
        region: cx.region().to_owned(),
        properties: json!({ "enabled": encrypted }),
        tags: Vec::new(),
    });
    // Volume id → encrypted, for the instances' block device mappings.
    let mut volume_encryption: HashMap<String, bool> = HashMap::new();
    for v in volumes.iter().flatten() {
        let Some(id) = v.volume_id() else { continue };
        volume_encryption.insert(id.to_owned(), v.encrypted().unwrap_or(false));
        let tags = optional_key_tags!(v.tags());
        let mut p = json!({
            "Encrypted": v.encrypted().unwrap_or(false),
            "AvailabilityZone": v.availability_zone(),
            "Size": v.size(),
            "VolumeType": v.volume_type().map(|t| t.as_str()),
        });
        if let Some(k) = text(v.kms_key_id()) {
            p["KmsKeyId"] = json!(k);
        }
        cx.push(LiveResource {
            arn: cx.arn("ec2", &format!("volume/{id}")),
            id: id.to_owned(),
            resource_type: "AWS::EC2::Volume",
            region: cx.region().to_owned(),
            properties: with_tags(p, &tags),
            tags,
        });
    }
    for g in groups.iter().flatten() {
        let Some(id) = g.group_id() else { continue };
        let tags = optional_key_tags!(g.tags());
        let p = json!({
            "GroupName": g.group_name(),
            "GroupDescription": g.description(),
            "VpcId": g.vpc_id(),
            "SecurityGroupIngress": permissions(g.ip_permissions(), "Source"),
            "SecurityGroupEgress": permissions(g.ip_permissions_egress(), "Destination"),
        });
        cx.push(LiveResource {
            arn: cx.arn("ec2", &format!("security-group/{id}")),
            id: id.to_owned(),
            resource_type: "AWS::EC2::SecurityGroup",
            region: cx.region().to_owned(),
            properties: with_tags(p, &tags),
            tags,
        });
    }
    for v in vpcs.iter().flatten() {
        let Some(id) = v.vpc_id() else { continue };
        let tags = optional_key_tags!(v.tags());
        let p = json!({
            "CidrBlock": v.cidr_block(),
            "InstanceTenancy": v.instance_tenancy().map(|t| t.as_str()),
            "IsDefault": v.is_default().unwrap_or(false),
        });
        cx.push(LiveResource {
            arn: cx.arn("ec2", &format!("vpc/{id}")),
            id: id.to_owned(),
            resource_type: "AWS::EC2::VPC",
            region: cx.region().to_owned(),
            properties: with_tags(p, &tags),
            tags,
        });
    }
    for s in subnets.iter().flatten() {
        let Some(id) = s.subnet_id() else { continue };
        let tags = optional_key_tags!(s.tags());
        let p = json!({
            "VpcId": s.vpc_id().map(reference),
            "CidrBlock": s.cidr_block(),
            "AvailabilityZone": s.availability_zone(),
            "MapPublicIpOnLaunch": s.map_public_ip_on_launch().unwrap_or(false),
        });
        cx.push(LiveResource {
            arn: cx.arn("ec2", &format!("subnet/{id}")),
            id: id.to_owned(),
            resource_type: "AWS::EC2::Subnet",
            region: cx.region().to_owned(),
            properties: with_tags(p, &tags),
            tags,
        });
    }
    for f in flow_logs.iter().flatten() {
        let Some(id) = f.flow_log_id() else { continue };
        let target = f.resource_id().unwrap_or_default();
        let kind = match target.split('-').next() {
            Some("vpc") => "VPC",
            Some("subnet") => "Subnet",
            Some("eni") => "NetworkInterface",
            Some("tgw") => "TransitGateway",
            _ => "VPC",
        };
        let tags = optional_key_tags!(f.tags());
        let mut p = json!({
            "ResourceId": reference(target),
            "ResourceType": kind,
            "TrafficType": f.traffic_type().map(|t| t.as_str()),
            "LogDestinationType": f.log_destination_type().map(|t| t.as_str()),
        });
        if let Some(d) = text(f.log_destination()) {
            p["LogDestination"] = json!(d);
        }
        if let Some(g) = text(f.log_group_name()) {
            p["LogGroupName"] = json!(g);
        }
        cx.push(LiveResource {
            arn: cx.arn("ec2", &format!("vpc-flow-log/{id}")),
            id: id.to_owned(),
            resource_type: "AWS::EC2::FlowLog",
            region: cx.region().to_owned(),
            properties: with_tags(p, &tags),
            tags,
        });
    }
    read_instances(&cx, &client, &volume_encryption).await;
}

async fn read_instances(cx: &Cx, client: &aws_sdk_ec2::Client, volumes: &HashMap<String, bool>) {
    let live = Filter::builder()
        .name("instance-state-name")
        .values("pending")
        .values("running")
        .values("stopping")
        .values("stopped")
        .build();
    let Some(reservations) = cx
        .call(
            "DescribeInstances",
            client
                .describe_instances()
                .filters(live)
                .into_paginator()
                .items()
                .send()
                .try_collect(),
        )
        .await
    else {
        return;
    };
    for i in reservations.iter().flat_map(|r| r.instances()) {
        let Some(id) = i.instance_id() else { continue };
        let tags = optional_key_tags!(i.tags());
        let devices: Vec<Json> = i
            .block_device_mappings()
            .iter()
            .map(|m| {
                let volume = m.ebs().and_then(|e| e.volume_id()).unwrap_or_default();
                let encrypted = volumes
                    .get(volume)
                    .map(|e| json!(e))
                    .unwrap_or_else(|| unknown(format!("volume {volume} was not listed")));
                json!({"DeviceName": m.device_name(), "Ebs": {"Encrypted": encrypted}})
            })
            .collect();
        let groups: Vec<&str> = i
            .security_groups()
            .iter()
            .filter_map(|g| g.group_id())
            .collect();
        let mut p = json!({
            "ImageId": i.image_id(),
            "InstanceType": i.instance_type().map(|t| t.as_str()),
            "SubnetId": i.subnet_id().map(reference),
            "SecurityGroupIds": groups.iter().map(|g| reference(g)).collect::<Vec<_>>(),
            "Monitoring": i.monitoring().and_then(|m| m.state()).map(|s| s.as_str() == "enabled").unwrap_or(false),
            "EbsOptimized": i.ebs_optimized().unwrap_or(false),
            "BlockDeviceMappings": devices,
            "NetworkInterfaces": [{
                "DeviceIndex": "0",
                "AssociatePublicIpAddress": i.public_ip_address().is_some(),
                "SubnetId": i.subnet_id(),
            }],
        });
        if let Some(m) = i.metadata_options() {
            let mut options = Map::new();
            if let Some(t) = m.http_tokens() {
                options.insert("HttpTokens".into(), json!(t.as_str()));
            }
            if let Some(h) = m.http_put_response_hop_limit() {
                options.insert("HttpPutResponseHopLimit".into(), json!(h));
            }
            if let Some(e) = m.http_endpoint() {
                options.insert("HttpEndpoint".into(), json!(e.as_str()));
            }
            p["MetadataOptions"] = Json::Object(options);
        }
        if let Some(profile) = i.iam_instance_profile().and_then(|p| p.arn()) {
            p["IamInstanceProfile"] = json!(profile);
        }
        if let Some(k) = i.key_name() {
            p["KeyName"] = json!(k);
        }
        cx.push(LiveResource {
            arn: cx.arn("ec2", &format!("instance/{id}")),
            id: id.to_owned(),
            resource_type: "AWS::EC2::Instance",
            region: cx.region().to_owned(),
            properties: with_tags(p, &tags),
            tags,
        });
    }
}

/// Security group rules in the CloudFormation shape: one entry per range,
/// group or prefix list (`Source`/`Destination` names the peer).
fn permissions(list: &[IpPermission], peer: &str) -> Json {
    let mut out = Vec::new();
    for perm in list {
        let mut base = Map::new();
        base.insert(
            "IpProtocol".into(),
            json!(perm.ip_protocol().unwrap_or("-1")),
        );
        if let Some(f) = perm.from_port() {
            base.insert("FromPort".into(), json!(f));
        }
        if let Some(t) = perm.to_port() {
            base.insert("ToPort".into(), json!(t));
        }
        let mut push = |key: String, value: &str| {
            let mut entry = base.clone();
            entry.insert(key, json!(value));
            out.push(Json::Object(entry));
        };
        for r in perm.ip_ranges() {
            if let Some(c) = r.cidr_ip() {
                push("CidrIp".into(), c);
            }
        }
        for r in perm.ipv6_ranges() {
            if let Some(c) = r.cidr_ipv6() {
                push("CidrIpv6".into(), c);
            }
        }
        for g in perm.user_id_group_pairs() {
            if let Some(id) = g.group_id() {
                push(format!("{peer}SecurityGroupId"), id);
            }
        }
        for p in perm.prefix_list_ids() {
            if let Some(id) = p.prefix_list_id() {
                push(format!("{peer}PrefixListId"), id);
            }
        }
    }
    Json::Array(out)
}

pub async fn read_elbv2(cx: Cx) {
    let client = crate::client!(aws_sdk_elasticloadbalancingv2, cx);
    let Some(balancers) = cx
        .call(
            "DescribeLoadBalancers",
            client
                .describe_load_balancers()
                .into_paginator()
                .items()
                .send()
                .try_collect(),
        )
        .await
    else {
        return;
    };
    for lb in &balancers {
        let (Some(arn), Some(name)) = (lb.load_balancer_arn(), lb.load_balancer_name()) else {
            continue;
        };
        let (attributes, listeners, tags) = tokio::join!(
            cx.call_about(
                "DescribeLoadBalancerAttributes",
                Some(name),
                client
                    .describe_load_balancer_attributes()
                    .load_balancer_arn(arn)
                    .send()
            ),
            cx.call_about(
                "DescribeListeners",
                Some(name),
                client
                    .describe_listeners()
                    .load_balancer_arn(arn)
                    .into_paginator()
                    .items()
                    .send()
                    .try_collect()
            ),
            cx.call_about(
                "DescribeTags",
                Some(name),
                client.describe_tags().resource_arns(arn).send()
            ),
        );
        let attributes = match attributes {
            Some(out) => json!(
                out.attributes()
                    .iter()
                    .map(|a| json!({"Key": a.key(), "Value": a.value()}))
                    .collect::<Vec<_>>()
            ),
            None => unknown("DescribeLoadBalancerAttributes failed"),
        };
        let tags = optional_key_tags!(
            tags.iter()
                .flat_map(|t| t.tag_descriptions())
                .flat_map(|d| d.tags())
                .collect::<Vec<_>>()
        );
        let p = json!({
            "Name": name,
            "Scheme": lb.scheme().map(|s| s.as_str()),
            "Type": lb.r#type().map(|t| t.as_str()),
            "Subnets": lb.availability_zones().iter().filter_map(|z| z.subnet_id()).collect::<Vec<_>>(),
            "SecurityGroups": lb.security_groups(),
            "LoadBalancerAttributes": attributes,
        });
        for l in listeners.iter().flatten() {
            let Some(listener_arn) = l.listener_arn() else {
                continue;
            };
            let mut lp = json!({
                "LoadBalancerArn": reference(name),
                "Port": l.port(),
                "Protocol": l.protocol().map(|p| p.as_str()),
                "DefaultActions": l.default_actions().iter().map(|a| {
                    let mut action = json!({"Type": a.r#type().map(|t| t.as_str())});
                    if let Some(r) = a.redirect_config() {
                        action["RedirectConfig"] = json!({"Protocol": r.protocol(), "Port": r.port(), "StatusCode": r.status_code().map(|s| s.as_str())});
                    }
                    if let Some(t) = a.target_group_arn() {
                        action["TargetGroupArn"] = json!(t);
                    }
                    action
                }).collect::<Vec<_>>(),
            });
            if let Some(policy) = l.ssl_policy() {
                lp["SslPolicy"] = json!(policy);
            }
            let certificates: Vec<Json> = l
                .certificates()
                .iter()
                .filter_map(|c| c.certificate_arn())
                .map(|c| json!({"CertificateArn": c}))
                .collect();
            if !certificates.is_empty() {
                lp["Certificates"] = json!(certificates);
            }
            let id = listener_arn.rsplit('/').next().unwrap_or(listener_arn);
            cx.push(LiveResource {
                arn: listener_arn.to_owned(),
                id: format!("{name}/listener/{id}"),
                resource_type: "AWS::ElasticLoadBalancingV2::Listener",
                region: cx.region().to_owned(),
                properties: lp,
                tags: Vec::new(),
            });
        }
        cx.push(LiveResource {
            arn: arn.to_owned(),
            id: name.to_owned(),
            resource_type: "AWS::ElasticLoadBalancingV2::LoadBalancer",
            region: cx.region().to_owned(),
            properties: with_tags(p, &tags),
            tags,
        });
    }
}
