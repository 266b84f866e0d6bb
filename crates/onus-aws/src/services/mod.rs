//! One module per group of services: each reader lists a service's resources
//! in one Region (or account-wide) and maps them to the CloudFormation shape.
//! Only `Describe*`, `Get*` and `List*` operations are called
//! (`tests/read_only.rs` holds the list).

/// `(key, value)` pairs of an SDK's tags whose key is optional (EC2, ELBv2,
/// RDS, ECS, Secrets Manager): each SDK has its own `Tag` type, with the same
/// accessors.
macro_rules! optional_key_tags {
    ($tags:expr) => {
        $tags
            .iter()
            .filter_map(|t| {
                Some((
                    t.key()?.to_owned(),
                    t.value().unwrap_or_default().to_owned(),
                ))
            })
            .collect::<Vec<(String, String)>>()
    };
}

mod account;
mod cloudformation;
mod compute;
mod data;
mod iam;
mod network;
mod s3;
mod security;

pub use account::account_resources;

use crate::scan::{CallError, Cx, Reader};
use std::future::Future;
use std::pin::Pin;

fn boxed<F: Future<Output = ()> + Send + 'static>(
    f: F,
) -> Pin<Box<dyn Future<Output = ()> + Send>> {
    Box::pin(f)
}

/// Read once per account (from the home Region).
pub const GLOBAL_READERS: &[(&str, Reader)] = &[
    ("iam", |cx| boxed(iam::read(cx))),
    ("s3", |cx| boxed(s3::read(cx))),
    ("s3control", |cx| boxed(s3::read_account(cx))),
];

/// Read in every Region.
pub const REGIONAL_READERS: &[(&str, Reader)] = &[
    ("ec2", |cx| boxed(network::read_ec2(cx))),
    ("elbv2", |cx| boxed(network::read_elbv2(cx))),
    ("rds", |cx| boxed(data::read_rds(cx))),
    ("dynamodb", |cx| boxed(data::read_dynamodb(cx))),
    ("sqs", |cx| boxed(data::read_sqs(cx))),
    ("sns", |cx| boxed(data::read_sns(cx))),
    ("kms", |cx| boxed(data::read_kms(cx))),
    ("secretsmanager", |cx| boxed(data::read_secrets(cx))),
    ("logs", |cx| boxed(data::read_logs(cx))),
    ("backup", |cx| boxed(data::read_backup(cx))),
    ("lambda", |cx| boxed(compute::read_lambda(cx))),
    ("ecs", |cx| boxed(compute::read_ecs(cx))),
    ("eks", |cx| boxed(compute::read_eks(cx))),
    ("ecr", |cx| boxed(compute::read_ecr(cx))),
    ("cloudtrail", |cx| boxed(security::read_cloudtrail(cx))),
    ("guardduty", |cx| boxed(security::read_guardduty(cx))),
    ("config", |cx| boxed(security::read_config(cx))),
    ("accessanalyzer", |cx| {
        boxed(security::read_access_analyzer(cx))
    }),
    ("securityhub", |cx| boxed(security::read_securityhub(cx))),
    ("cloudformation", |cx| boxed(cloudformation::read(cx))),
];

/// The account the credentials belong to.
pub async fn identity(cx: &Cx) -> Result<String, CallError> {
    let client = crate::client!(aws_sdk_sts, cx);
    let out = cx
        .try_call("GetCallerIdentity", client.get_caller_identity().send())
        .await?;
    out.account().map(str::to_owned).ok_or_else(|| CallError {
        code: None,
        message: "GetCallerIdentity returned no account".into(),
    })
}

/// The Regions enabled for the account (opt-in Regions only once opted in);
/// the home Region alone when they cannot be listed.
pub async fn enabled_regions(cx: &Cx) -> Vec<String> {
    let client = crate::client!(aws_sdk_ec2, cx);
    let listed = cx
        .call("DescribeRegions", client.describe_regions().send())
        .await;
    let mut regions: Vec<String> = listed
        .map(|out| {
            out.regions()
                .iter()
                .filter(|r| r.opt_in_status() != Some("not-opted-in"))
                .filter_map(|r| r.region_name().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    if regions.is_empty() {
        regions.push(cx.region().to_owned());
    }
    regions.sort();
    regions
}

/// `Some(text)` when the string is set and not empty.
/// Sets `Tags` in the CloudFormation shape, when there are any.
pub(crate) fn put_tags(p: &mut serde_json::Value, tags: &[(String, String)]) {
    if !tags.is_empty() {
        p["Tags"] = crate::model::tag_list(tags);
    }
}

pub(crate) fn text(s: Option<&str>) -> Option<String> {
    s.filter(|s| !s.is_empty()).map(str::to_owned)
}

/// A policy document as returned by IAM (URL-encoded JSON) or by other
/// services (JSON): parsed, or unknown when it is neither.
pub(crate) fn policy_document(raw: &str) -> serde_json::Value {
    let decoded;
    let text = if raw.trim_start().starts_with('{') {
        raw
    } else {
        decoded = percent_decode(raw);
        &decoded
    };
    serde_json::from_str(text).unwrap_or_else(|e| {
        crate::model::unknown(format!("a policy document onus could not read ({e})"))
    })
}

/// `%7B%22a%22` → `{"a"`, `+` kept (IAM encodes spaces as `%20`).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iam_documents_are_url_decoded() {
        let doc =
            policy_document("%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%5D%7D");
        assert_eq!(doc["Version"], "2012-10-17");
        assert_eq!(
            policy_document(r#"{"Statement": []}"#)["Statement"],
            serde_json::json!([])
        );
        assert!(policy_document("%ZZnot json").get("$unknown").is_some());
    }
}
