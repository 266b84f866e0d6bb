//! S3: buckets (`AWS::S3::Bucket`), their policies (`AWS::S3::BucketPolicy`),
//! and the account's Block Public Access (`aws_s3_account_public_access_block`).

use super::{policy_document, text};
use crate::model::{GLOBAL, LiveResource, reference, tag_list, unknown};
use crate::scan::{CallError, Cx};
use serde_json::{Map, Value as Json, json};

fn s3_client(cx: &Cx) -> aws_sdk_s3::Client {
    // Emulators and VPC endpoints answer path-style requests only.
    aws_sdk_s3::Client::from_conf(
        aws_sdk_s3::config::Builder::from(&cx.sdk)
            .interceptor(cx.counter())
            .force_path_style(cx.shared.endpoint_set)
            .build(),
    )
}

/// A "not configured" answer (`NoSuchBucketPolicy`) is `Ok(None)`; any other
/// error is recorded and the property becomes unknown.
fn optional<T>(
    cx: &Cx,
    op: &'static str,
    bucket: &str,
    absent: &[&str],
    r: Result<T, CallError>,
) -> Result<Option<T>, Json> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(e) if absent.iter().any(|c| e.is(c)) => Ok(None),
        Err(e) => {
            let why = format!("{op} failed: {}", e.message);
            cx.fail(op, Some(bucket), e);
            Err(unknown(why))
        }
    }
}

pub async fn read(cx: Cx) {
    let client = s3_client(&cx);
    let Some(pages) = cx
        .call(
            "ListBuckets",
            client.list_buckets().into_paginator().send().try_collect(),
        )
        .await
    else {
        return;
    };
    let mut tasks = tokio::task::JoinSet::new();
    for bucket in pages.iter().flat_map(|p| p.buckets()) {
        let Some(name) = bucket.name().map(str::to_owned) else {
            continue;
        };
        let cx = cx.clone();
        tasks.spawn(async move { read_bucket(cx, name).await });
    }
    while tasks.join_next().await.is_some() {}
}

async fn read_bucket(home: Cx, name: String) {
    let client = s3_client(&home);
    let location = home
        .call_about(
            "GetBucketLocation",
            Some(&name),
            client.get_bucket_location().bucket(&name).send(),
        )
        .await;
    let Some(location) = location else { return };
    let region = match location.location_constraint().map(|c| c.as_str()) {
        None | Some("") => "us-east-1".to_owned(),
        Some("EU") => "eu-west-1".to_owned(),
        Some(r) => r.to_owned(),
    };
    if !home.scans(&region) {
        return;
    }
    let cx = home.in_region(&region);
    let client = s3_client(&cx);
    let b = name.as_str();
    let (
        encryption,
        versioning,
        public_access,
        logging,
        ownership,
        policy,
        lock,
        replication,
        tagging,
        acl,
    ) = tokio::join!(
        cx.try_call(
            "GetBucketEncryption",
            client.get_bucket_encryption().bucket(b).send()
        ),
        cx.try_call(
            "GetBucketVersioning",
            client.get_bucket_versioning().bucket(b).send()
        ),
        cx.try_call(
            "GetPublicAccessBlock",
            client.get_public_access_block().bucket(b).send()
        ),
        cx.try_call(
            "GetBucketLogging",
            client.get_bucket_logging().bucket(b).send()
        ),
        cx.try_call(
            "GetBucketOwnershipControls",
            client.get_bucket_ownership_controls().bucket(b).send()
        ),
        cx.try_call(
            "GetBucketPolicy",
            client.get_bucket_policy().bucket(b).send()
        ),
        cx.try_call(
            "GetObjectLockConfiguration",
            client.get_object_lock_configuration().bucket(b).send()
        ),
        cx.try_call(
            "GetBucketReplication",
            client.get_bucket_replication().bucket(b).send()
        ),
        cx.try_call(
            "GetBucketTagging",
            client.get_bucket_tagging().bucket(b).send()
        ),
        cx.try_call("GetBucketAcl", client.get_bucket_acl().bucket(b).send()),
    );
    let mut p = Map::new();
    p.insert("BucketName".into(), json!(b));
    match optional(
        &cx,
        "GetBucketEncryption",
        b,
        &["ServerSideEncryptionConfigurationNotFoundError"],
        encryption,
    ) {
        Ok(Some(out)) => {
            let rules: Vec<Json> = out
                .server_side_encryption_configuration()
                .map(|c| c.rules())
                .unwrap_or_default()
                .iter()
                .map(|r| {
                    let mut rule = Map::new();
                    if let Some(d) = r.apply_server_side_encryption_by_default() {
                        let mut by_default = Map::new();
                        by_default.insert("SSEAlgorithm".into(), json!(d.sse_algorithm().as_str()));
                        if let Some(k) = text(d.kms_master_key_id()) {
                            by_default.insert("KMSMasterKeyID".into(), json!(k));
                        }
                        rule.insert(
                            "ServerSideEncryptionByDefault".into(),
                            Json::Object(by_default),
                        );
                    }
                    if let Some(k) = r.bucket_key_enabled() {
                        rule.insert("BucketKeyEnabled".into(), json!(k));
                    }
                    Json::Object(rule)
                })
                .collect();
            p.insert(
                "BucketEncryption".into(),
                json!({"ServerSideEncryptionConfiguration": rules}),
            );
        }
        Ok(None) => {}
        Err(u) => {
            p.insert("BucketEncryption".into(), u);
        }
    }
    match optional(&cx, "GetBucketVersioning", b, &[], versioning) {
        Ok(Some(out)) => {
            if let Some(status) = out.status() {
                p.insert(
                    "VersioningConfiguration".into(),
                    json!({"Status": status.as_str()}),
                );
            }
        }
        Ok(None) => {}
        Err(u) => {
            p.insert("VersioningConfiguration".into(), u);
        }
    }
    match optional(
        &cx,
        "GetPublicAccessBlock",
        b,
        &["NoSuchPublicAccessBlockConfiguration"],
        public_access,
    ) {
        Ok(Some(out)) => {
            if let Some(c) = out.public_access_block_configuration() {
                p.insert(
                    "PublicAccessBlockConfiguration".into(),
                    json!({
                        "BlockPublicAcls": c.block_public_acls().unwrap_or(false),
                        "IgnorePublicAcls": c.ignore_public_acls().unwrap_or(false),
                        "BlockPublicPolicy": c.block_public_policy().unwrap_or(false),
                        "RestrictPublicBuckets": c.restrict_public_buckets().unwrap_or(false),
                    }),
                );
            }
        }
        // No configuration on the bucket: every setting is off (a template
        // that omits it gets them on: S3's default for new buckets since
        // April 2023).
        Ok(None) => {
            p.insert(
                "PublicAccessBlockConfiguration".into(),
                json!({
                    "BlockPublicAcls": false,
                    "IgnorePublicAcls": false,
                    "BlockPublicPolicy": false,
                    "RestrictPublicBuckets": false,
                }),
            );
        }
        Err(u) => {
            p.insert("PublicAccessBlockConfiguration".into(), u);
        }
    }
    match optional(&cx, "GetBucketLogging", b, &[], logging) {
        Ok(Some(out)) => {
            if let Some(l) = out.logging_enabled() {
                p.insert(
                    "LoggingConfiguration".into(),
                    json!({"DestinationBucketName": l.target_bucket(), "LogFilePrefix": l.target_prefix()}),
                );
            }
        }
        Ok(None) => {}
        Err(u) => {
            p.insert("LoggingConfiguration".into(), u);
        }
    }
    match optional(
        &cx,
        "GetBucketOwnershipControls",
        b,
        &["OwnershipControlsNotFoundError"],
        ownership,
    ) {
        Ok(Some(out)) => {
            let rules: Vec<Json> = out
                .ownership_controls()
                .map(|c| c.rules())
                .unwrap_or_default()
                .iter()
                .map(|r| json!({"ObjectOwnership": r.object_ownership().as_str()}))
                .collect();
            p.insert("OwnershipControls".into(), json!({"Rules": rules}));
        }
        // No ownership controls: ACLs are in effect, the object writer owns
        // (buckets created since April 2023 report BucketOwnerEnforced).
        Ok(None) => {
            p.insert(
                "OwnershipControls".into(),
                json!({"Rules": [{"ObjectOwnership": "ObjectWriter"}]}),
            );
        }
        Err(u) => {
            p.insert("OwnershipControls".into(), u);
        }
    }
    match optional(
        &cx,
        "GetObjectLockConfiguration",
        b,
        &["ObjectLockConfigurationNotFoundError"],
        lock,
    ) {
        Ok(Some(out)) => {
            if let Some(c) = out.object_lock_configuration() {
                let enabled = c.object_lock_enabled().map(|e| e.as_str().to_owned());
                let mut conf = Map::new();
                if let Some(e) = &enabled {
                    conf.insert("ObjectLockEnabled".into(), json!(e));
                }
                if let Some(d) = c.rule().and_then(|r| r.default_retention()) {
                    let mut retention = Map::new();
                    if let Some(m) = d.mode() {
                        retention.insert("Mode".into(), json!(m.as_str()));
                    }
                    if let Some(days) = d.days() {
                        retention.insert("Days".into(), json!(days));
                    }
                    if let Some(years) = d.years() {
                        retention.insert("Years".into(), json!(years));
                    }
                    conf.insert("Rule".into(), json!({"DefaultRetention": retention}));
                }
                p.insert(
                    "ObjectLockEnabled".into(),
                    json!(enabled.as_deref() == Some("Enabled")),
                );
                p.insert("ObjectLockConfiguration".into(), Json::Object(conf));
            }
        }
        Ok(None) => {}
        Err(u) => {
            p.insert("ObjectLockConfiguration".into(), u);
        }
    }
    match optional(
        &cx,
        "GetBucketReplication",
        b,
        &["ReplicationConfigurationNotFoundError"],
        replication,
    ) {
        Ok(Some(out)) => {
            if let Some(c) = out.replication_configuration() {
                let rules: Vec<Json> = c
                    .rules()
                    .iter()
                    .map(|r| {
                        let mut rule = Map::new();
                        rule.insert("Status".into(), json!(r.status().as_str()));
                        if let Some(id) = r.id() {
                            rule.insert("Id".into(), json!(id));
                        }
                        if let Some(d) = r.destination() {
                            let mut dest = Map::new();
                            dest.insert("Bucket".into(), json!(d.bucket()));
                            if let Some(a) = d.account() {
                                dest.insert("Account".into(), json!(a));
                            }
                            rule.insert("Destination".into(), Json::Object(dest));
                        }
                        Json::Object(rule)
                    })
                    .collect();
                p.insert(
                    "ReplicationConfiguration".into(),
                    json!({"Role": c.role(), "Rules": rules}),
                );
            }
        }
        Ok(None) => {}
        Err(u) => {
            p.insert("ReplicationConfiguration".into(), u);
        }
    }
    match optional(&cx, "GetBucketAcl", b, &[], acl) {
        Ok(Some(out)) => {
            p.insert("AccessControl".into(), json!(canned_acl(&out)));
        }
        Ok(None) => {}
        Err(u) => {
            p.insert("AccessControl".into(), u);
        }
    }
    let tags: Vec<(String, String)> =
        match optional(&cx, "GetBucketTagging", b, &["NoSuchTagSet"], tagging) {
            Ok(Some(out)) => out
                .tag_set()
                .iter()
                .map(|t| (t.key().to_owned(), t.value().to_owned()))
                .collect(),
            _ => Vec::new(),
        };
    if !tags.is_empty() {
        p.insert("Tags".into(), tag_list(&tags));
    }
    let arn = format!("arn:{}:s3:::{b}", cx.partition);
    match optional(&cx, "GetBucketPolicy", b, &["NoSuchBucketPolicy"], policy) {
        Ok(Some(out)) => {
            if let Some(doc) = out.policy() {
                cx.push(LiveResource {
                    arn: format!("{arn}/policy"),
                    id: format!("{b}/policy"),
                    resource_type: "AWS::S3::BucketPolicy",
                    region: region.clone(),
                    properties: json!({"Bucket": reference(b), "PolicyDocument": policy_document(doc)}),
                    tags: Vec::new(),
                });
            }
        }
        Ok(None) => {}
        Err(u) => {
            // The policy could not be read: say so on a policy resource, so
            // rules reading the bucket's policy say unknown.
            cx.push(LiveResource {
                arn: format!("{arn}/policy"),
                id: format!("{b}/policy"),
                resource_type: "AWS::S3::BucketPolicy",
                region: region.clone(),
                properties: json!({"Bucket": reference(b), "PolicyDocument": u}),
                tags: Vec::new(),
            });
        }
    }
    cx.push(LiveResource {
        arn,
        id: name.clone(),
        resource_type: "AWS::S3::Bucket",
        region,
        properties: Json::Object(p),
        tags,
    });
}

/// The canned ACL (`AccessControl`) a bucket's grants amount to.
fn canned_acl(acl: &aws_sdk_s3::operation::get_bucket_acl::GetBucketAclOutput) -> &'static str {
    let group = |uri: &str, perms: &[&str]| {
        acl.grants().iter().any(|g| {
            g.grantee().and_then(|e| e.uri()) == Some(uri)
                && g.permission().is_some_and(|p| perms.contains(&p.as_str()))
        })
    };
    const ALL: &str = "http://acs.amazonaws.com/groups/global/AllUsers";
    const AUTH: &str = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
    const LOG: &str = "http://acs.amazonaws.com/groups/s3/LogDelivery";
    if group(ALL, &["WRITE", "FULL_CONTROL"]) {
        "PublicReadWrite"
    } else if group(ALL, &["READ", "READ_ACP"]) {
        "PublicRead"
    } else if group(AUTH, &["READ", "WRITE", "FULL_CONTROL", "READ_ACP"]) {
        "AuthenticatedRead"
    } else if group(LOG, &["WRITE"]) {
        "LogDeliveryWrite"
    } else {
        "Private"
    }
}

/// The account's S3 Block Public Access, in the shape of Terraform's
/// `aws_s3_account_public_access_block` (CloudFormation has no type for it).
pub async fn read_account(cx: Cx) {
    let mut config = aws_sdk_s3control::config::Builder::from(&cx.sdk).interceptor(cx.counter());
    if cx.shared.endpoint_set {
        config = config.endpoint_resolver(WithoutAccountHost(
            aws_sdk_s3control::config::endpoint::DefaultResolver::new(),
        ));
    }
    let client = aws_sdk_s3control::Client::from_conf(config.build());
    let got = cx
        .try_call(
            "GetPublicAccessBlock",
            client
                .get_public_access_block()
                .account_id(cx.account())
                .send(),
        )
        .await;
    let properties = match got {
        Ok(out) => {
            let c = out.public_access_block_configuration();
            let flag = |f: fn(
                &aws_sdk_s3control::types::PublicAccessBlockConfiguration,
            ) -> Option<bool>| { c.and_then(f).unwrap_or(false) };
            json!({
                "block_public_acls": flag(|c| c.block_public_acls()),
                "ignore_public_acls": flag(|c| c.ignore_public_acls()),
                "block_public_policy": flag(|c| c.block_public_policy()),
                "restrict_public_buckets": flag(|c| c.restrict_public_buckets()),
            })
        }
        // Never configured: every setting off.
        Err(e) if e.is("NoSuchPublicAccessBlockConfiguration") => json!({
            "block_public_acls": false,
            "ignore_public_acls": false,
            "block_public_policy": false,
            "restrict_public_buckets": false,
        }),
        Err(e) => {
            let why = format!("GetPublicAccessBlock failed: {}", e.message);
            cx.fail("GetPublicAccessBlock", None, e);
            json!({
                "block_public_acls": unknown(why.clone()),
                "ignore_public_acls": unknown(why.clone()),
                "block_public_policy": unknown(why.clone()),
                "restrict_public_buckets": unknown(why),
            })
        }
    };
    cx.push(LiveResource {
        arn: format!(
            "arn:{}:s3::{}:account-public-access-block",
            cx.partition,
            cx.account()
        ),
        id: "account-public-access-block".into(),
        resource_type: "aws_s3_account_public_access_block",
        region: GLOBAL.into(),
        properties,
        tags: Vec::new(),
    });
}

/// S3 Control puts the account id in front of the host name
/// (`123456789012.s3-control…`). With an endpoint URL (an emulator, a VPC
/// endpoint) that name does not exist (and resolving it would leave the
/// loopback): the account id goes in the `x-amz-account-id` header alone.
#[derive(Debug)]
struct WithoutAccountHost(aws_sdk_s3control::config::endpoint::DefaultResolver);

impl aws_sdk_s3control::config::endpoint::ResolveEndpoint for WithoutAccountHost {
    fn resolve_endpoint<'a>(
        &'a self,
        params: &'a aws_sdk_s3control::config::endpoint::Params,
    ) -> aws_sdk_s3control::config::endpoint::EndpointFuture<'a> {
        use aws_sdk_s3control::config::endpoint::{Endpoint, EndpointFuture};
        let resolved = self.0.resolve_endpoint(params);
        EndpointFuture::new(async move {
            let endpoint = resolved.await?;
            let prefix = format!("{}.", params.account_id().unwrap_or_default());
            let mut builder = Endpoint::builder().url(endpoint.url().replacen(&prefix, "", 1));
            for (key, value) in endpoint.properties() {
                builder = builder.property(key.clone(), value.clone());
            }
            for (name, values) in endpoint.headers() {
                for value in values {
                    builder = builder.header(name.to_owned(), value.to_owned());
                }
            }
            Ok(builder.build())
        })
    }
}
