//! # organizations.region-deny-scp: service control policies keep workloads in the allowed Regions
//!
//! ## Why this is your duty
//! Organizations is a global, abstracted service: AWS enforces your SCPs on
//! every request, but which Regions your accounts may use is yours to
//! decide. An SCP that denies every action outside an allow-list of Regions
//! (`aws:RequestedRegion`) is the strongest data-residency control there is:
//! it stops data from being created elsewhere whatever the templates say.
//!
//! ## What AWS already does
//! Lets every account use every Region enabled for it; opt-in Regions are
//! off until enabled. Global services (IAM, Organizations, CloudFront,
//! Route 53, ...) answer from us-east-1 and are usually exempted with `NotAction`.
//!
//! ## Verdicts
//! Judges each service control policy (`Type: SERVICE_CONTROL_POLICY`; the
//! Terraform default) that has a `Deny` statement conditioned on
//! `aws:RequestedRegion` with `StringNotEquals` / `StringNotLike`
//! (optionally `...IfExists`, `ForAnyValue:`). Other policies are not
//! applicable; an organization without such a policy gets no verdict here
//! (`region.data-residency` judges each resource's Region instead).
//! - met: the statement denies all actions (`Action: "*"`, or `NotAction`
//!   exempting global services) on all resources outside the listed
//!   Regions, and, when `--allowed-regions` is set, every listed Region is
//!   allowed;
//! - not met: the SCP lets a Region outside `--allowed-regions` through
//!   (a listed Region, or a wildcard pattern such as `us-*`), or it denies
//!   only some actions;
//! - unknown: the policy content, or a listed Region, is not static;
//! - not applicable: not an SCP, or an SCP without a Region condition.
//!
//! The rule does not check where the policy is attached (`TargetIds`,
//! `aws_organizations_policy_attachment`).
//!
//! ## Examples
//! ```yaml pass allowed-regions=eu-west-1,eu-central-1
//! Resources:
//!   Regions:
//!     Type: AWS::Organizations::Policy
//!     Properties:
//!       Name: eu-only
//!       Type: SERVICE_CONTROL_POLICY
//!       Content:
//!         Version: "2012-10-17"
//!         Statement:
//!           - Sid: DenyOutsideEU
//!             Effect: Deny
//!             NotAction: [iam:*, organizations:*, route53:*, cloudfront:*, support:*, sts:*]
//!             Resource: "*"
//!             Condition:
//!               StringNotEquals:
//!                 aws:RequestedRegion: [eu-west-1, eu-central-1]
//! ```
//! ```yaml fail allowed-regions=eu-west-1
//! Resources:
//!   Regions:
//!     Type: AWS::Organizations::Policy
//!     Properties:
//!       Name: eu-us
//!       Type: SERVICE_CONTROL_POLICY
//!       Content:
//!         Version: "2012-10-17"
//!         Statement:
//!           - Effect: Deny
//!             Action: "*"
//!             Resource: "*"
//!             Condition:
//!               StringNotEquals:
//!                 aws:RequestedRegion: [eu-west-1, us-east-1]
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Tags:
//!     Type: AWS::Organizations::Policy
//!     Properties:
//!       Name: tags
//!       Type: TAG_POLICY
//!       Content: {}
//! ```
//! ```hcl pass allowed-regions=eu-west-1
//! resource "aws_organizations_policy" "regions" {
//!   name = "eu-only"
//!   content = jsonencode({
//!     Version = "2012-10-17"
//!     Statement = [{
//!       Effect    = "Deny"
//!       NotAction = ["iam:*", "organizations:*", "route53:*", "cloudfront:*", "sts:*"]
//!       Resource  = "*"
//!       Condition = { StringNotEquals = { "aws:RequestedRegion" = ["eu-west-1"] } }
//!     }]
//!   })
//! }
//! ```
//! ```hcl fail allowed-regions=eu-west-1
//! resource "aws_organizations_policy" "regions" {
//!   name = "eu-and-us"
//!   content = jsonencode({
//!     Version = "2012-10-17"
//!     Statement = [{
//!       Effect    = "Deny"
//!       Action    = "*"
//!       Resource  = "*"
//!       Condition = { StringNotLike = { "aws:RequestedRegion" = ["eu-*", "us-*"] } }
//!     }]
//!   })
//! }
//! ```
//! ```hcl fail
//! resource "aws_organizations_policy" "regions" {
//!   name = "ec2-only"
//!   content = jsonencode({
//!     Version = "2012-10-17"
//!     Statement = [{
//!       Effect    = "Deny"
//!       Action    = ["ec2:RunInstances"]
//!       Resource  = "*"
//!       Condition = { StringNotEquals = { "aws:RequestedRegion" = ["eu-west-1"] } }
//!     }]
//!   })
//! }
//! ```

use crate::check::{Judgement, get, judge, spelling};
use crate::context::Context;
use crate::policy::{Condition, Document, Effect, Item, Statement, Tri, any_is, at};
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "organizations.region-deny-scp",
    title: "Service control policies deny all actions outside the allowed Regions",
    duty: Duty::DataResidency,
    severity: Severity::High,
    cfn_types: &["AWS::Organizations::Policy"],
    tf_types: &["aws_organizations_policy"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

/// The Region values of a statement's `aws:RequestedRegion` "not" condition.
fn region_condition(s: &Statement) -> Result<Option<&[Item]>, (String, onus_ingest::Span)> {
    match &s.condition {
        None => Ok(None),
        Some(Condition::Unknown(w, span)) => Err((w.clone(), *span)),
        Some(Condition::Tests(tests)) => Ok(tests
            .iter()
            .find(|t| {
                let op = t.operator.to_ascii_lowercase();
                let op = op
                    .strip_prefix("forallvalues:")
                    .or_else(|| op.strip_prefix("foranyvalue:"))
                    .unwrap_or(&op);
                let op = op.strip_suffix("ifexists").unwrap_or(op);
                t.key.eq_ignore_ascii_case("aws:RequestedRegion")
                    && matches!(
                        op,
                        "stringnotequals" | "stringnotlike" | "stringnotequalsignorecase"
                    )
            })
            .map(|t| t.values.as_slice())),
    }
}

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let type_path = spelling(resource, "Type", "type");
    if let Some(t) = get(resource, type_path) {
        let j = judge(t, &mut |n| match n.as_str() {
            Some(s) => Judgement::from_bool(s == "SERVICE_CONTROL_POLICY", n, || s.to_owned()),
            None if crate::check::is_null(n) => Judgement::Yes,
            None => Judgement::no(n, "not a string"),
        });
        match j {
            Judgement::Yes => {}
            Judgement::No(_, what) => {
                return Verdict::not_applicable(
                    resource,
                    format!("a {what}, not a service control policy"),
                );
            }
            Judgement::Unknown(span, what) => {
                return Verdict::unknown(resource, span, type_path, what);
            }
        }
    }
    let content_path = spelling(resource, "Content", "content");
    let Some(content) = get(resource, content_path) else {
        return Verdict::not_applicable(resource, "the policy has no content");
    };
    let statements = match Document::read(content, resource, cx) {
        Document::Statements(s) => s,
        Document::Unknown(what, span) => {
            return Verdict::unknown(resource, span, content_path, what);
        }
        Document::Invalid(why, span) => return Verdict::unknown(resource, span, content_path, why),
    };
    let mut met: Option<Verdict> = None;
    for s in &statements {
        if s.effect != Effect::Deny {
            if let Effect::Unknown(w) = &s.effect {
                return at(
                    Verdict::unknown(resource, s.effect_span, content_path, w.clone()),
                    s.file,
                );
            }
            continue;
        }
        let regions = match region_condition(s) {
            Ok(Some(r)) => r,
            Ok(None) => continue,
            Err((w, span)) => return at(Verdict::unknown(resource, span, content_path, w), s.file),
        };
        // Every action: Action "*" or a NotAction exemption list.
        let all_actions = s.not_action.is_some()
            || s.action
                .as_deref()
                .is_some_and(|a| any_is(a, &["*"]) == Tri::Yes);
        if !all_actions {
            if let Some(Tri::Unknown(w, span)) = s.action.as_deref().map(|a| any_is(a, &["*"])) {
                return at(Verdict::unknown(resource, span, content_path, w), s.file);
            }
            return at(
                Verdict::not_met(
                    resource,
                    s.span,
                    content_path,
                    "the Region condition denies only some actions outside the listed Regions; others still run anywhere",
                ),
                s.file,
            );
        }
        let mut listed = Vec::new();
        for item in regions {
            match item {
                Item::Text(t, span) => listed.push((t.trim().to_owned(), *span)),
                Item::Ref(span) => {
                    return at(
                        Verdict::unknown(
                            resource,
                            *span,
                            content_path,
                            "a Region given by reference",
                        ),
                        s.file,
                    );
                }
                Item::Unknown(w, span) => {
                    return at(
                        Verdict::unknown(resource, *span, content_path, w.clone()),
                        s.file,
                    );
                }
            }
        }
        let names: Vec<&str> = listed.iter().map(|(t, _)| t.as_str()).collect();
        if let Some(allowed) = &cx.settings.allowed_regions
            && let Some((bad, span)) = listed.iter().find(|(t, _)| {
                t.contains('*')
                    || t.contains('?')
                    || !allowed.iter().any(|a| a.eq_ignore_ascii_case(t))
            })
        {
            return at(
                Verdict::not_met(
                    resource,
                    *span,
                    content_path,
                    format!(
                        "the SCP lets {bad} through, which is not among the allowed Regions ({})",
                        allowed.join(", ")
                    ),
                ),
                s.file,
            );
        }
        met.get_or_insert(at(
            Verdict::met(
                resource,
                s.span,
                content_path,
                format!("denies every action outside {}", names.join(", ")),
            ),
            s.file,
        ));
    }
    met.unwrap_or_else(|| {
        Verdict::not_applicable(resource, "the SCP does not restrict aws:RequestedRegion")
    })
}
