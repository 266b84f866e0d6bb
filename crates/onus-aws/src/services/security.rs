//! Audit and detection: CloudTrail trails, GuardDuty detectors, AWS Config
//! recorders, IAM Access Analyzer analyzers, Security Hub. Besides the
//! resources, each records what the Region's account resource needs
//! (`cx.fact`), including "none": an absent detector is a finding there.

use super::text;
use crate::model::{LiveResource, unknown};
use crate::scan::Cx;
use serde_json::{Value as Json, json};

pub async fn read_cloudtrail(cx: Cx) {
    let client = crate::client!(aws_sdk_cloudtrail, cx);
    let Some(out) = cx
        .call(
            "DescribeTrails",
            client.describe_trails().include_shadow_trails(true).send(),
        )
        .await
    else {
        cx.fact("MultiRegionTrails", unknown("DescribeTrails failed"));
        return;
    };
    let mut covering = Vec::new();
    for t in out.trail_list() {
        let (Some(name), Some(arn)) = (t.name(), t.trail_arn()) else {
            continue;
        };
        let home_region = t.home_region().unwrap_or(cx.region());
        let home = home_region == cx.region();
        // A multi-Region trail's status and selectors are asked of its home
        // Region (other Regions list a shadow of it).
        let at_home = if home {
            cx.clone()
        } else {
            cx.in_region(home_region)
        };
        let home_client = crate::client!(aws_sdk_cloudtrail, at_home);
        let (status, selectors) = tokio::join!(
            at_home.call_about(
                "GetTrailStatus",
                Some(name),
                home_client.get_trail_status().name(arn).send()
            ),
            at_home.call_about(
                "GetEventSelectors",
                Some(name),
                home_client.get_event_selectors().trail_name(arn).send()
            ),
        );
        let logging = status
            .as_ref()
            .and_then(|s| s.is_logging())
            .map(Json::Bool)
            .unwrap_or_else(|| unknown("GetTrailStatus failed"));
        let (event_selectors, advanced, management) = match &selectors {
            Some(s) => {
                let basic: Vec<Json> = s
                    .event_selectors()
                    .iter()
                    .map(|e| {
                        json!({
                            "ReadWriteType": e.read_write_type().map(|r| r.as_str()).unwrap_or("All"),
                            "IncludeManagementEvents": e.include_management_events().unwrap_or(true),
                        })
                    })
                    .collect();
                let advanced: Vec<Json> = s
                    .advanced_event_selectors()
                    .iter()
                    .map(|a| {
                        json!({
                            "Name": a.name(),
                            "FieldSelectors": a.field_selectors().iter().map(|f| json!({
                                "Field": f.field(),
                                "Equals": f.equals(),
                                "NotEquals": f.not_equals(),
                            })).collect::<Vec<_>>(),
                        })
                    })
                    .collect();
                let management = management_events(&basic, &advanced);
                (json!(basic), json!(advanced), management)
            }
            None => (
                unknown("GetEventSelectors failed"),
                Json::Null,
                unknown("GetEventSelectors failed"),
            ),
        };
        if t.is_multi_region_trail().unwrap_or(false) {
            covering.push(json!({
                "TrailName": name,
                "HomeRegion": t.home_region(),
                "IsLogging": logging.clone(),
                "ManagementEvents": management,
            }));
        }
        if !home {
            continue;
        }
        let mut p = json!({
            "TrailName": name,
            "IsLogging": logging,
            "IsMultiRegionTrail": t.is_multi_region_trail().unwrap_or(false),
            "IncludeGlobalServiceEvents": t.include_global_service_events().unwrap_or(false),
            "EnableLogFileValidation": t.log_file_validation_enabled().unwrap_or(false),
            "IsOrganizationTrail": t.is_organization_trail().unwrap_or(false),
            "S3BucketName": t.s3_bucket_name(),
            "EventSelectors": event_selectors,
        });
        if advanced.as_array().is_some_and(|a| !a.is_empty()) {
            p["AdvancedEventSelectors"] = advanced;
        }
        for (key, value) in [
            ("KMSKeyId", t.kms_key_id()),
            (
                "CloudWatchLogsLogGroupArn",
                t.cloud_watch_logs_log_group_arn(),
            ),
            ("CloudWatchLogsRoleArn", t.cloud_watch_logs_role_arn()),
            ("SnsTopicName", t.sns_topic_arn()),
        ] {
            if let Some(v) = text(value) {
                p[key] = json!(v);
            }
        }
        cx.push(LiveResource {
            arn: arn.to_owned(),
            id: name.to_owned(),
            resource_type: "AWS::CloudTrail::Trail",
            region: cx.region().to_owned(),
            properties: p,
            tags: Vec::new(),
        });
    }
    cx.fact("MultiRegionTrails", Json::Array(covering));
}

/// Which management events a trail's selectors record: `All`, `ReadOnly`,
/// `WriteOnly` or `None`. No selectors at all: CloudTrail's default, all.
fn management_events(basic: &[Json], advanced: &[Json]) -> Json {
    if basic.is_empty() && advanced.is_empty() {
        return json!("All");
    }
    let (mut read, mut write) = (false, false);
    for s in basic {
        if s["IncludeManagementEvents"] == json!(true) {
            match s["ReadWriteType"].as_str() {
                Some("ReadOnly") => read = true,
                Some("WriteOnly") => write = true,
                _ => (read, write) = (true, true),
            }
        }
    }
    for a in advanced {
        let fields = a["FieldSelectors"].as_array().cloned().unwrap_or_default();
        let management = fields.iter().any(|f| {
            f["Field"] == json!("eventCategory")
                && f["Equals"]
                    .as_array()
                    .is_some_and(|e| e.contains(&json!("Management")))
        });
        if !management {
            continue;
        }
        let read_only = fields.iter().find(|f| f["Field"] == json!("readOnly"));
        match read_only
            .and_then(|f| f["Equals"].as_array())
            .and_then(|e| e.first())
            .and_then(|v| v.as_str())
        {
            Some("true") => read = true,
            Some("false") => write = true,
            _ => (read, write) = (true, true),
        }
    }
    json!(match (read, write) {
        (true, true) => "All",
        (true, false) => "ReadOnly",
        (false, true) => "WriteOnly",
        (false, false) => "None",
    })
}

pub async fn read_guardduty(cx: Cx) {
    let client = crate::client!(aws_sdk_guardduty, cx);
    let Some(ids) = cx
        .call(
            "ListDetectors",
            client
                .list_detectors()
                .into_paginator()
                .items()
                .send()
                .try_collect(),
        )
        .await
    else {
        cx.fact("GuardDuty", unknown("ListDetectors failed"));
        return;
    };
    let mut status = Json::Null;
    for id in &ids {
        let Some(d) = cx
            .call_about(
                "GetDetector",
                Some(id),
                client.get_detector().detector_id(id).send(),
            )
            .await
        else {
            status = unknown("GetDetector failed");
            continue;
        };
        let enabled = d.status().map(|s| s.as_str()) == Some("ENABLED");
        status = json!({"DetectorId": id, "Status": d.status().map(|s| s.as_str())});
        let features: Vec<Json> = d
            .features()
            .iter()
            .map(|f| {
                json!({
                    "Name": f.name().map(|n| n.as_str()),
                    "Status": f.status().map(|s| s.as_str()),
                    "AdditionalConfiguration": f.additional_configuration().iter().map(|a| json!({
                        "Name": a.name().map(|n| n.as_str()),
                        "Status": a.status().map(|s| s.as_str()),
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        let mut p = json!({"Enable": enabled, "Features": features});
        if let Some(f) = d.finding_publishing_frequency() {
            p["FindingPublishingFrequency"] = json!(f.as_str());
        }
        cx.push(LiveResource {
            arn: cx.arn("guardduty", &format!("detector/{id}")),
            id: id.clone(),
            resource_type: "AWS::GuardDuty::Detector",
            region: cx.region().to_owned(),
            properties: p,
            tags: Vec::new(),
        });
    }
    cx.fact("GuardDuty", status);
}

pub async fn read_config(cx: Cx) {
    let client = crate::client!(aws_sdk_config, cx);
    let (recorders, statuses, channels) = tokio::join!(
        cx.call(
            "DescribeConfigurationRecorders",
            client.describe_configuration_recorders().send()
        ),
        cx.call(
            "DescribeConfigurationRecorderStatus",
            client.describe_configuration_recorder_status().send()
        ),
        cx.call(
            "DescribeDeliveryChannels",
            client.describe_delivery_channels().send()
        ),
    );
    let (Some(recorders), Some(statuses)) = (recorders, statuses) else {
        cx.fact(
            "ConfigRecorder",
            unknown("the configuration recorders could not be read"),
        );
        return;
    };
    let mut fact = Json::Null;
    for r in recorders.configuration_recorders() {
        let Some(name) = r.name() else { continue };
        // Service-linked recorders of other services record only for them.
        if r.service_principal().is_some() {
            continue;
        }
        let status = statuses
            .configuration_recorders_status()
            .iter()
            .find(|s| s.name() == Some(name));
        let recording = status.map(|s| s.recording()).unwrap_or(false);
        fact = json!({"Name": name, "Recording": recording});
        let mut p = json!({"Name": name, "Recording": recording});
        if let Some(role) = r.role_arn() {
            p["RoleARN"] = json!(role);
        }
        if let Some(g) = r.recording_group() {
            p["RecordingGroup"] = json!({
                "AllSupported": g.all_supported(),
                "IncludeGlobalResourceTypes": g.include_global_resource_types(),
                "ResourceTypes": g.resource_types().iter().map(|t| t.as_str()).collect::<Vec<_>>(),
            });
        }
        cx.push(LiveResource {
            arn: r
                .arn()
                .map(str::to_owned)
                .unwrap_or_else(|| cx.arn("config", &format!("configuration-recorder/{name}"))),
            id: name.to_owned(),
            resource_type: "AWS::Config::ConfigurationRecorder",
            region: cx.region().to_owned(),
            properties: p,
            tags: Vec::new(),
        });
    }
    for c in channels.iter().flat_map(|c| c.delivery_channels()) {
        let Some(name) = c.name() else { continue };
        cx.push(LiveResource {
            arn: cx.arn("config", &format!("delivery-channel/{name}")),
            id: format!("delivery-channel/{name}"),
            resource_type: "AWS::Config::DeliveryChannel",
            region: cx.region().to_owned(),
            properties: json!({"Name": name, "S3BucketName": c.s3_bucket_name()}),
            tags: Vec::new(),
        });
    }
    cx.fact("ConfigRecorder", fact);
}

pub async fn read_access_analyzer(cx: Cx) {
    let client = crate::client!(aws_sdk_accessanalyzer, cx);
    let Some(analyzers) = cx
        .call(
            "ListAnalyzers",
            client
                .list_analyzers()
                .into_paginator()
                .items()
                .send()
                .try_collect(),
        )
        .await
    else {
        cx.fact("AccessAnalyzers", unknown("ListAnalyzers failed"));
        return;
    };
    let mut fact = Vec::new();
    for a in &analyzers {
        let kind = a.r#type().as_str();
        fact.push(json!({"Name": a.name(), "Type": kind, "Status": a.status().as_str()}));
        cx.push(LiveResource {
            arn: a.arn().to_owned(),
            id: a.name().to_owned(),
            resource_type: "AWS::AccessAnalyzer::Analyzer",
            region: cx.region().to_owned(),
            properties: json!({"AnalyzerName": a.name(), "Type": kind}),
            tags: Vec::new(),
        });
    }
    cx.fact("AccessAnalyzers", Json::Array(fact));
}

pub async fn read_securityhub(cx: Cx) {
    let client = crate::client!(aws_sdk_securityhub, cx);
    let hub = match cx
        .try_call("DescribeHub", client.describe_hub().send())
        .await
    {
        Ok(hub) => hub,
        // Not subscribed: Security Hub is off in this Region.
        Err(e) if e.is("InvalidAccessException") || e.is("ResourceNotFoundException") => {
            cx.fact("SecurityHub", json!({"Enabled": false}));
            return;
        }
        Err(e) => {
            cx.fact(
                "SecurityHub",
                unknown(format!("DescribeHub failed: {}", e.message)),
            );
            cx.fail("DescribeHub", None, e);
            return;
        }
    };
    let standards = cx
        .call(
            "GetEnabledStandards",
            client
                .get_enabled_standards()
                .into_paginator()
                .items()
                .send()
                .try_collect(),
        )
        .await;
    let arn = hub
        .hub_arn()
        .map(str::to_owned)
        .unwrap_or_else(|| cx.arn("securityhub", "hub/default"));
    let enabled: Vec<String> = standards
        .iter()
        .flatten()
        .filter(|s| s.standards_status().map(|s| s.as_str()) == Some("READY"))
        .filter_map(|s| s.standards_arn().map(str::to_owned))
        .collect();
    for (i, standard) in enabled.iter().enumerate() {
        cx.push(LiveResource {
            arn: format!("{arn}/standard/{i}"),
            id: standard.rsplit(':').next().unwrap_or(standard).to_owned(),
            resource_type: "AWS::SecurityHub::Standard",
            region: cx.region().to_owned(),
            properties: json!({"StandardsArn": standard}),
            tags: Vec::new(),
        });
    }
    cx.fact(
        "SecurityHub",
        json!({"Enabled": true, "Standards": enabled}),
    );
    cx.push(LiveResource {
        arn,
        id: "hub".into(),
        resource_type: "AWS::SecurityHub::Hub",
        region: cx.region().to_owned(),
        // Whether the default standards were asked for at subscription is not
        // readable; the enabled standards are (AWS::SecurityHub::Standard).
        properties: json!({
            "EnableDefaultStandards": false,
            "AutoEnableControls": hub.auto_enable_controls().unwrap_or(true),
        }),
        tags: Vec::new(),
    });
}

#[cfg(test)]
mod tests {
    use super::management_events;
    use serde_json::json;

    #[test]
    fn management_events_from_basic_and_advanced_selectors() {
        // No selector at all: CloudTrail's default records all management events.
        assert_eq!(management_events(&[], &[]), json!("All"));
        let basic =
            |rw: &str, mgmt: bool| json!({"ReadWriteType": rw, "IncludeManagementEvents": mgmt});
        assert_eq!(
            management_events(&[basic("WriteOnly", true)], &[]),
            json!("WriteOnly")
        );
        assert_eq!(
            management_events(&[basic("All", false)], &[]),
            json!("None")
        );
        assert_eq!(
            management_events(&[basic("ReadOnly", true), basic("WriteOnly", true)], &[]),
            json!("All")
        );
        // Advanced selectors, as DescribeTrails/GetEventSelectors document them.
        let advanced = |read_only: Option<&str>| {
            let mut fields = vec![json!({"Field": "eventCategory", "Equals": ["Management"]})];
            if let Some(r) = read_only {
                fields.push(json!({"Field": "readOnly", "Equals": [r]}));
            }
            json!({"Name": "mgmt", "FieldSelectors": fields})
        };
        assert_eq!(management_events(&[], &[advanced(None)]), json!("All"));
        assert_eq!(
            management_events(&[], &[advanced(Some("true"))]),
            json!("ReadOnly")
        );
        let data_only = json!({"Name": "s3", "FieldSelectors": [{"Field": "eventCategory", "Equals": ["Data"]}]});
        assert_eq!(management_events(&[], &[data_only]), json!("None"));
    }
}
