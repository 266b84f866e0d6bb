//! Deployed resources in the onus resource model: the CloudFormation type and
//! property shape, the ARN as the "file", the deployed configuration (as onus
//! read it, pretty JSON) as its text, so every report format can point at the
//! property that decided a verdict.

use onus_ingest::{Entry, Format, Node, Region, Resource, ResourceRef, Span, Value, Workload};
use serde_json::{Map, Value as Json};
use std::path::PathBuf;
use std::sync::Arc;

/// One deployed resource, before it enters the workload.
#[derive(Debug, Clone)]
pub struct LiveResource {
    /// The resource's ARN: its location in every report.
    pub arn: String,
    /// The physical id: bucket name, `sg-…`, role name, table name.
    pub id: String,
    /// CloudFormation type (`AWS::S3::Bucket`), or the Terraform type of an
    /// account setting CloudFormation has no type for
    /// (`aws_ebs_encryption_by_default`), or `AWS::Account` for the account.
    pub resource_type: &'static str,
    /// The Region it was read in ([`GLOBAL`] for global resources such as IAM).
    pub region: String,
    /// CloudFormation property shape. `{"Ref": "id"}` refers to another live
    /// resource of the same account and Region (its `id`), as `!Ref` does in a
    /// template; `{"$unknown": "why"}` is a value the API did not give.
    pub properties: Json,
    /// Its tags, as the API returned them.
    pub tags: Vec<(String, String)>,
}

/// A property the API did not return (denied, failed, not offered): rules say
/// unknown and name it.
pub fn unknown(why: impl Into<String>) -> Json {
    let mut m = Map::new();
    m.insert("$unknown".into(), Json::String(why.into()));
    Json::Object(m)
}

/// A reference to another live resource by its `id`.
pub fn reference(id: &str) -> Json {
    let mut m = Map::new();
    m.insert("Ref".into(), Json::String(id.to_owned()));
    Json::Object(m)
}

/// Tags in the CloudFormation shape (`[{Key, Value}]`).
pub fn tag_list(tags: &[(String, String)]) -> Json {
    Json::Array(
        tags.iter()
            .map(|(k, v)| serde_json::json!({"Key": k, "Value": v}))
            .collect(),
    )
}

/// The scope (and unit) of an account and Region: rules link resources within it.
pub fn scope(account: &str, region: &str) -> String {
    format!("aws:{account}:{region}")
}

/// Builds the workload of a live scan: one unit per account and Region (so
/// rules link a flow log to its VPC, a policy to its bucket, by id), one
/// "file" per resource named by its ARN.
pub fn into_workload(account: &str, resources: Vec<LiveResource>) -> Workload {
    let mut by_region: std::collections::BTreeMap<String, Vec<LiveResource>> = Default::default();
    for r in resources {
        by_region.entry(r.region.clone()).or_default().push(r);
    }
    let mut workload = Workload::default();
    for (region, mut resources) in by_region {
        resources.sort_by(|a, b| a.arn.cmp(&b.arn));
        let mut unit = Workload::default();
        let scope = scope(account, &region);
        for r in resources {
            let text = serde_json::to_string_pretty(&r.properties).unwrap_or_default();
            let loaded = onus_ingest::cfn::json::load(&text);
            let mut properties = loaded
                .root
                .unwrap_or_else(|| Node::new(Value::Map(Vec::new()), Span::default()));
            convert_markers(&mut properties);
            let span = properties.span;
            let file = unit.add_file(PathBuf::from(&r.arn), Some(Format::Aws), Arc::from(text));
            let mut resource = Resource {
                id: r.id,
                resource_type: r.resource_type.to_owned(),
                source_type: None,
                format: Format::Aws,
                scope: scope.clone(),
                unit: 0,
                service: None,
                category: None,
                properties,
                file,
                span,
                name_span: Span::new(0, 0),
                region: if region == GLOBAL {
                    Region::Unknown("an account-wide setting, in no Region".into())
                } else {
                    Region::Known(region.clone())
                },
                references: Vec::new(),
                is_data: false,
                metadata: None,
            };
            resource.classify();
            unit.resources.push(resource);
        }
        workload.merge(unit);
    }
    workload
}

/// The "Region" of account-wide settings (IAM, S3 account Block Public Access).
pub const GLOBAL: &str = "global";

/// `{"Ref": id}` → a reference, `{"$unknown": why}` → unknown, everywhere.
fn convert_markers(node: &mut Node) {
    let replacement = match &node.value {
        Value::Map(entries) if entries.len() == 1 => {
            let e: &Entry = &entries[0];
            match (e.key.as_str(), &e.node.value) {
                ("Ref", Value::String(target)) => Some(Value::Ref(Box::new(ResourceRef {
                    target: target.clone(),
                    attribute: None,
                }))),
                ("$unknown", Value::String(why)) => Some(Value::Unknown(why.clone())),
                _ => None,
            }
        }
        _ => None,
    };
    if let Some(value) = replacement {
        node.value = value;
        return;
    }
    match &mut node.value {
        Value::Map(entries) => entries
            .iter_mut()
            .for_each(|e| convert_markers(&mut e.node)),
        Value::List(items) => items.iter_mut().for_each(convert_markers),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn markers_become_references_and_unknowns_and_the_arn_is_the_file() {
        let r = LiveResource {
            arn: "arn:aws:ec2:eu-west-1:123456789012:vpc-flow-log/fl-1".into(),
            id: "fl-1".into(),
            resource_type: "AWS::EC2::FlowLog",
            region: "eu-west-1".into(),
            properties: json!({"ResourceId": reference("vpc-1"), "LogFormat": unknown("not read")}),
            tags: vec![],
        };
        let w = into_workload("123456789012", vec![r]);
        let res = &w.resources[0];
        assert_eq!(res.format, Format::Aws);
        assert_eq!(res.scope, "aws:123456789012:eu-west-1");
        assert_eq!(
            w.file(res.file).path,
            PathBuf::from("arn:aws:ec2:eu-west-1:123456789012:vpc-flow-log/fl-1")
        );
        match &res.properties.get("ResourceId").unwrap().value {
            Value::Ref(r) => assert_eq!(r.target, "vpc-1"),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            res.properties.get("LogFormat").unwrap().value,
            Value::Unknown("not read".into())
        );
        assert_eq!(res.service.as_deref(), Some("Amazon VPC"));
    }
}
