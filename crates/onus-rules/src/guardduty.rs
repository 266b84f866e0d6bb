//! GuardDuty protection plans, read the same way for every plan: a
//! detector's `Features` (CloudFormation) or the `aws_guardduty_detector_feature`
//! resources naming it (Terraform), the legacy data-source flags, then the
//! default `CreateDetector` applies to a feature the request leaves out.

use crate::check::{Judgement, is_text, items, judge, require_bool, spelling, verdict_of};
use crate::context::Context;
use crate::verdict::{Status, Verdict};
use onus_ingest::{Node, Resource};

/// One protection plan, as a rule asks for it.
pub struct Protection {
    /// Feature names that provide it (any one, e.g. `EKS_RUNTIME_MONITORING`
    /// or `RUNTIME_MONITORING`).
    pub features: &'static [&'static str],
    /// An additional configuration that must be `ENABLED` too (automated
    /// agent management).
    pub agent: Option<&'static str>,
    /// The legacy data-source flag, CloudFormation and Terraform paths.
    pub legacy: Option<(&'static str, &'static str)>,
    /// True when a detector that does not mention the feature gets it.
    pub default_on: bool,
    /// What the plan does, for messages ("S3 Protection").
    pub what: &'static str,
}

/// The verdict for `p` on a detector.
pub fn protection(detector: &Resource, cx: &Context, p: &Protection) -> Verdict {
    let tf = detector.format.is_terraform();
    // CloudFormation requires Enable; Terraform defaults it to true.
    let enabled = require_bool(detector, "Enable", "enable", true, tf, "the detector");
    if enabled.status != Status::Met {
        return Verdict {
            message: format!("{}: no protection plan runs", enabled.message).into(),
            ..enabled
        };
    }
    let (name_key, status_key, extra_key) = if tf {
        ("name", "status", "additional_configuration")
    } else {
        ("Name", "Status", "AdditionalConfiguration")
    };
    let declared: Vec<(&Resource, &Node)> = if tf {
        cx.linked(
            detector,
            &["aws_guardduty_detector_feature"],
            "detector_id",
            None,
        )
        .into_iter()
        .map(|f| (f, &f.properties))
        .collect()
    } else {
        items(detector.properties.get("Features"))
            .into_iter()
            .map(|n| (detector, n))
            .collect()
    };
    let mut first: Option<Verdict> = None;
    for (owner, item) in declared {
        let Some(name) = item.get(name_key) else {
            continue;
        };
        let named = judge(name, &mut |n| {
            let text = n.scalar_text().unwrap_or_default();
            Judgement::from_bool(
                p.features.iter().any(|f| f.eq_ignore_ascii_case(&text)),
                n,
                || "another feature",
            )
        });
        match named {
            Judgement::No(..) => continue,
            Judgement::Unknown(..) => {
                first.get_or_insert_with(|| verdict_of(owner, name, name_key, named, ""));
                continue;
            }
            Judgement::Yes => {}
        }
        let v = feature_status(owner, item, status_key, extra_key, name_key, p);
        if v.status == Status::Met {
            return v;
        }
        first.get_or_insert(v);
    }
    if let Some(v) = first {
        return v;
    }
    if let Some((cfn, tf_path)) = p.legacy
        && detector
            .properties
            .path(spelling(detector, cfn, tf_path).split('.'))
            .is_some()
    {
        return require_bool(detector, cfn, tf_path, true, true, p.what);
    }
    let feature = p.features[0];
    if p.default_on {
        Verdict::met_by_default(
            detector,
            "",
            format!(
                "{feature} is not declared: a detector gets {} by default (every optional plan but Runtime Monitoring)",
                p.what
            ),
        )
    } else {
        Verdict::missing(
            detector,
            spelling(detector, "Features", "aws_guardduty_detector_feature"),
            format!(
                "{feature} is not enabled: {} is off unless you enable it",
                p.what
            ),
        )
    }
}

/// A declared feature: its status, then its agent management if asked for.
fn feature_status(
    owner: &Resource,
    item: &Node,
    status_key: &str,
    extra_key: &str,
    name_key: &str,
    p: &Protection,
) -> Verdict {
    let Some(status) = item.get(status_key) else {
        return Verdict::not_met(
            owner,
            item.span,
            status_key,
            format!("the feature has no {status_key}"),
        );
    };
    let j = is_text(status, "ENABLED", status_key);
    if j != Judgement::Yes {
        return verdict_of(owner, status, status_key, j, "");
    }
    let Some(agent) = p.agent else {
        return Verdict::met(
            owner,
            status.span,
            status_key,
            format!("{} is enabled", p.what),
        );
    };
    for extra in items(item.get(extra_key)) {
        let is_agent = extra
            .get(name_key)
            .and_then(Node::as_str)
            .is_some_and(|n| n.eq_ignore_ascii_case(agent));
        if let (true, Some(s)) = (is_agent, extra.get(status_key)) {
            let j = is_text(s, "ENABLED", agent);
            return verdict_of(
                owner,
                s,
                extra_key,
                j,
                format!("{} is enabled, with {agent}", p.what),
            );
        }
    }
    Verdict::not_met(
        owner,
        status.span,
        extra_key,
        format!(
            "{} is enabled but {agent} is not: GuardDuty does not manage the security agent, so only agents you deploy yourself report",
            p.what
        ),
    )
}
