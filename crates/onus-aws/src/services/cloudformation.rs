//! CloudFormation: each stack's resources (logical id → physical id), so the
//! scan can join a template's resources with the deployed ones.

use crate::scan::{Cx, Stack};

pub async fn read(cx: Cx) {
    let client = crate::client!(aws_sdk_cloudformation, cx);
    let Some(stacks) = cx
        .call(
            "ListStacks",
            client
                .list_stacks()
                .into_paginator()
                .items()
                .send()
                .try_collect(),
        )
        .await
    else {
        return;
    };
    for s in &stacks {
        let Some(name) = s.stack_name() else { continue };
        // Deleted stacks stay listed for 90 days.
        if s.stack_status().map(|s| s.as_str()) == Some("DELETE_COMPLETE") {
            continue;
        }
        let Some(resources) = cx
            .call_about(
                "ListStackResources",
                Some(name),
                client
                    .list_stack_resources()
                    .stack_name(s.stack_id().unwrap_or(name))
                    .into_paginator()
                    .items()
                    .send()
                    .try_collect(),
            )
            .await
        else {
            continue;
        };
        cx.push_stack(Stack {
            name: name.to_owned(),
            region: cx.region().to_owned(),
            resources: resources
                .iter()
                .filter_map(|r| {
                    Some((
                        r.logical_resource_id()?.to_owned(),
                        r.physical_resource_id()?.to_owned(),
                        r.resource_type()?.to_owned(),
                    ))
                })
                .collect(),
        });
    }
}
