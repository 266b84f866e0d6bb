//! IAM (account-wide): roles, users and their access keys, customer managed
//! policies, the password policy (`aws_iam_account_password_policy`) and the
//! root user's access keys and MFA (facts of the account resource).

use super::policy_document;
use crate::model::{GLOBAL, LiveResource, reference, tag_list, unknown};
use crate::scan::Cx;
use aws_sdk_iam::types::SummaryKeyType;
use serde_json::{Value as Json, json};

fn iam_tags(tags: &[aws_sdk_iam::types::Tag]) -> Vec<(String, String)> {
    tags.iter()
        .map(|t| (t.key().to_owned(), t.value().to_owned()))
        .collect()
}

pub async fn read(cx: Cx) {
    let client = crate::client!(aws_sdk_iam, cx);
    tokio::join!(
        read_roles(&cx, &client),
        read_users(&cx, &client),
        read_policies(&cx, &client),
        read_account(&cx, &client),
    );
}

/// Inline policies (`[{PolicyName, PolicyDocument}]`) from their names and a
/// getter of one document; unknown when any could not be read.
async fn inline_policies<F, Fut>(names: Option<Vec<String>>, get: F) -> Json
where
    F: Fn(String) -> Fut,
    Fut: std::future::Future<Output = Option<String>>,
{
    let Some(names) = names else {
        return unknown("the inline policies could not be listed");
    };
    let mut out = Vec::new();
    for name in names {
        match get(name.clone()).await {
            Some(doc) => out.push(json!({"PolicyName": name, "PolicyDocument": policy_document(&doc)})),
            None => out.push(json!({"PolicyName": name, "PolicyDocument": unknown("the document could not be read")})),
        }
    }
    Json::Array(out)
}

fn attached(list: Option<Vec<aws_sdk_iam::types::AttachedPolicy>>) -> Json {
    match list {
        Some(list) => json!(
            list.iter()
                .filter_map(|p| p.policy_arn())
                .collect::<Vec<_>>()
        ),
        None => unknown("the attached managed policies could not be listed"),
    }
}

async fn read_roles(cx: &Cx, client: &aws_sdk_iam::Client) {
    let Some(pages) = cx
        .call(
            "ListRoles",
            client.list_roles().into_paginator().send().try_collect(),
        )
        .await
    else {
        return;
    };
    for role in pages.iter().flat_map(|p| p.roles()) {
        let name = role.role_name();
        // Service-linked roles are AWS's to manage.
        if role.path().starts_with("/aws-service-role/") {
            continue;
        }
        let (managed, inline_names) = tokio::join!(
            cx.call_about(
                "ListAttachedRolePolicies",
                Some(name),
                client
                    .list_attached_role_policies()
                    .role_name(name)
                    .into_paginator()
                    .items()
                    .send()
                    .try_collect(),
            ),
            cx.call_about(
                "ListRolePolicies",
                Some(name),
                client
                    .list_role_policies()
                    .role_name(name)
                    .into_paginator()
                    .items()
                    .send()
                    .try_collect(),
            ),
        );
        let policies = inline_policies(inline_names, |policy| async move {
            cx.call_about(
                "GetRolePolicy",
                Some(name),
                client
                    .get_role_policy()
                    .role_name(name)
                    .policy_name(policy)
                    .send(),
            )
            .await
            .map(|o| o.policy_document().to_owned())
        })
        .await;
        let tags = iam_tags(role.tags());
        let mut p = json!({
            "RoleName": name,
            "Path": role.path(),
            "AssumeRolePolicyDocument": role
                .assume_role_policy_document()
                .map(policy_document)
                .unwrap_or_else(|| unknown("ListRoles returned no trust policy")),
            "ManagedPolicyArns": attached(managed),
            "Policies": policies,
        });
        if let Some(d) = role.max_session_duration() {
            p["MaxSessionDuration"] = json!(d);
        }
        if let Some(b) = role
            .permissions_boundary()
            .and_then(|b| b.permissions_boundary_arn())
        {
            p["PermissionsBoundary"] = json!(b);
        }
        if !tags.is_empty() {
            p["Tags"] = tag_list(&tags);
        }
        cx.push(LiveResource {
            arn: role.arn().to_owned(),
            id: name.to_owned(),
            resource_type: "AWS::IAM::Role",
            region: GLOBAL.into(),
            properties: p,
            tags,
        });
    }
}

async fn read_users(cx: &Cx, client: &aws_sdk_iam::Client) {
    let Some(pages) = cx
        .call(
            "ListUsers",
            client.list_users().into_paginator().send().try_collect(),
        )
        .await
    else {
        return;
    };
    for user in pages.iter().flat_map(|p| p.users()) {
        let name = user.user_name();
        let (managed, inline_names, keys, login) = tokio::join!(
            cx.call_about(
                "ListAttachedUserPolicies",
                Some(name),
                client
                    .list_attached_user_policies()
                    .user_name(name)
                    .into_paginator()
                    .items()
                    .send()
                    .try_collect(),
            ),
            cx.call_about(
                "ListUserPolicies",
                Some(name),
                client
                    .list_user_policies()
                    .user_name(name)
                    .into_paginator()
                    .items()
                    .send()
                    .try_collect(),
            ),
            cx.call_about(
                "ListAccessKeys",
                Some(name),
                client
                    .list_access_keys()
                    .user_name(name)
                    .into_paginator()
                    .items()
                    .send()
                    .try_collect(),
            ),
            cx.try_call(
                "GetLoginProfile",
                client.get_login_profile().user_name(name).send()
            ),
        );
        let policies = inline_policies(inline_names, |policy| async move {
            cx.call_about(
                "GetUserPolicy",
                Some(name),
                client
                    .get_user_policy()
                    .user_name(name)
                    .policy_name(policy)
                    .send(),
            )
            .await
            .map(|o| o.policy_document().to_owned())
        })
        .await;
        let tags = iam_tags(user.tags());
        let mut p = json!({
            "UserName": name,
            "Path": user.path(),
            "ManagedPolicyArns": attached(managed),
            "Policies": policies,
        });
        match login {
            // The password itself is never readable.
            Ok(out) => {
                p["LoginProfile"] = json!({
                    "Password": unknown("a console password is set (its value is never readable)"),
                    "PasswordResetRequired": out.login_profile().map(|l| l.password_reset_required()).unwrap_or(false),
                })
            }
            Err(e) if e.is("NoSuchEntity") => {}
            Err(e) => {
                p["LoginProfile"] = unknown(format!("GetLoginProfile failed: {}", e.message));
                cx.fail("GetLoginProfile", Some(name), e);
            }
        }
        if let Some(b) = user
            .permissions_boundary()
            .and_then(|b| b.permissions_boundary_arn())
        {
            p["PermissionsBoundary"] = json!(b);
        }
        if !tags.is_empty() {
            p["Tags"] = tag_list(&tags);
        }
        for key in keys.iter().flatten() {
            let Some(id) = key.access_key_id() else {
                continue;
            };
            cx.push(LiveResource {
                arn: format!("{}/access-key/{id}", user.arn()),
                id: id.to_owned(),
                resource_type: "AWS::IAM::AccessKey",
                region: GLOBAL.into(),
                properties: json!({
                    "UserName": reference(name),
                    "Status": key.status().map(|s| s.as_str()).unwrap_or("Active"),
                }),
                tags: Vec::new(),
            });
        }
        cx.push(LiveResource {
            arn: user.arn().to_owned(),
            id: name.to_owned(),
            resource_type: "AWS::IAM::User",
            region: GLOBAL.into(),
            properties: p,
            tags,
        });
    }
}

async fn read_policies(cx: &Cx, client: &aws_sdk_iam::Client) {
    let Some(pages) = cx
        .call(
            "ListPolicies",
            client
                .list_policies()
                .scope(aws_sdk_iam::types::PolicyScopeType::Local)
                .into_paginator()
                .send()
                .try_collect(),
        )
        .await
    else {
        return;
    };
    for policy in pages.iter().flat_map(|p| p.policies()) {
        let (Some(arn), Some(name)) = (policy.arn(), policy.policy_name()) else {
            continue;
        };
        let document = match policy.default_version_id() {
            Some(version) => cx
                .call_about(
                    "GetPolicyVersion",
                    Some(name),
                    client
                        .get_policy_version()
                        .policy_arn(arn)
                        .version_id(version)
                        .send(),
                )
                .await
                .and_then(|o| {
                    o.policy_version()
                        .and_then(|v| v.document())
                        .map(policy_document)
                })
                .unwrap_or_else(|| unknown("the policy's default version could not be read")),
            None => unknown("ListPolicies gave no default version"),
        };
        let tags = iam_tags(policy.tags());
        cx.push(LiveResource {
            arn: arn.to_owned(),
            id: name.to_owned(),
            resource_type: "AWS::IAM::ManagedPolicy",
            region: GLOBAL.into(),
            properties: json!({
                "ManagedPolicyName": name,
                "Path": policy.path().unwrap_or("/"),
                "PolicyDocument": document,
            }),
            tags,
        });
    }
}

async fn read_account(cx: &Cx, client: &aws_sdk_iam::Client) {
    let (policy, summary) = tokio::join!(
        cx.try_call(
            "GetAccountPasswordPolicy",
            client.get_account_password_policy().send()
        ),
        cx.call("GetAccountSummary", client.get_account_summary().send()),
    );
    let properties = match policy {
        Ok(out) => match out.password_policy() {
            Some(p) => {
                let mut props = json!({
                    "require_symbols": p.require_symbols(),
                    "require_numbers": p.require_numbers(),
                    "require_uppercase_characters": p.require_uppercase_characters(),
                    "require_lowercase_characters": p.require_lowercase_characters(),
                    "allow_users_to_change_password": p.allow_users_to_change_password(),
                });
                if let Some(n) = p.minimum_password_length() {
                    props["minimum_password_length"] = json!(n);
                }
                if let Some(n) = p.max_password_age() {
                    props["max_password_age"] = json!(n);
                }
                if let Some(n) = p.password_reuse_prevention() {
                    props["password_reuse_prevention"] = json!(n);
                }
                if let Some(h) = p.hard_expiry() {
                    props["hard_expiry"] = json!(h);
                }
                Some(props)
            }
            None => None,
        },
        // No custom policy: IAM's default asks for 8 characters and nothing else
        // these rules look for.
        Err(e) if e.is("NoSuchEntity") => Some(json!({"minimum_password_length": 8})),
        Err(e) => {
            let why = format!("GetAccountPasswordPolicy failed: {}", e.message);
            cx.fail("GetAccountPasswordPolicy", None, e);
            Some(json!({
                "minimum_password_length": unknown(why.clone()),
                "password_reuse_prevention": unknown(why.clone()),
                "require_symbols": unknown(why.clone()),
                "require_numbers": unknown(why.clone()),
                "require_uppercase_characters": unknown(why.clone()),
                "require_lowercase_characters": unknown(why.clone()),
                "max_password_age": unknown(why),
            }))
        }
    };
    if let Some(properties) = properties {
        cx.push(LiveResource {
            arn: format!(
                "arn:{}:iam::{}:account-password-policy",
                cx.partition,
                cx.account()
            ),
            id: "account-password-policy".into(),
            resource_type: "aws_iam_account_password_policy",
            region: GLOBAL.into(),
            properties,
            tags: Vec::new(),
        });
    }
    let why = "GetAccountSummary failed";
    match summary.as_ref().and_then(|s| s.summary_map()) {
        Some(map) => {
            let get = |k: SummaryKeyType| map.get(&k).copied();
            cx.fact_in(
                GLOBAL,
                "RootAccessKeysPresent",
                get(SummaryKeyType::AccountAccessKeysPresent)
                    .map_or_else(|| unknown("not in the account summary"), |n| json!(n)),
            );
            cx.fact_in(
                GLOBAL,
                "RootMfaEnabled",
                get(SummaryKeyType::AccountMfaEnabled)
                    .map_or_else(|| unknown("not in the account summary"), |n| json!(n == 1)),
            );
        }
        None => {
            cx.fact_in(GLOBAL, "RootAccessKeysPresent", unknown(why));
            cx.fact_in(GLOBAL, "RootMfaEnabled", unknown(why));
        }
    }
}
