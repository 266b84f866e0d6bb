//! # iam.oidc-trust-restricted: Roles trusted by an OIDC provider name who may assume them
//!
//! ## Why this is your duty
//! IAM is a global, abstracted service: AWS checks the web identity token
//! and then applies the trust policy you wrote. A role that trusts an OIDC
//! provider such as GitHub Actions (`token.actions.githubusercontent.com`),
//! GitLab or an EKS cluster without a condition on the token's `sub` claim
//! can be assumed by every workflow on GitHub, every GitLab project or
//! every service account of the cluster, not just yours.
//!
//! ## What AWS already does
//! Verifies the token's signature and audience against the
//! `AWS::IAM::OIDCProvider` / `aws_iam_openid_connect_provider` you
//! registered. Which repository, branch or service account may use the role
//! is only decided by your conditions.
//!
//! ## Verdicts
//! Judged on every `Allow` statement of the trust policy whose principal is
//! `Federated` by an OIDC provider (`...:oidc-provider/HOST`):
//! - met: each such statement tests `HOST:sub` with `StringEquals` or
//!   `StringLike` for values that name the caller: for GitHub,
//!   `repo:OWNER/REPO...` (a fixed owner), not a claim that anyone can
//!   choose first (`workflow`, `environment`, `ref`, `context`, `head_ref`,
//!   `base_ref`), as Checkov checks; for other providers a value whose text
//!   before any wildcard fixes at least two parts
//!   (`project_path:acme/app:*`; for EKS the namespace too,
//!   `system:serviceaccount:kube-system:*`);
//! - not met: no `sub` condition, or one that matches anyone (`*`,
//!   `repo:*`, `system:serviceaccount:*`, a negated or `...IfExists`
//!   operator);
//! - unknown: the trust policy or a condition value is something onus
//!   cannot resolve;
//! - not applicable: the role trusts no OIDC provider.
//!
//! ## Examples
//! ```yaml fail
//! Resources:
//!   Deploy:
//!     Type: AWS::IAM::Role
//!     Properties:
//!       AssumeRolePolicyDocument:
//!         Statement:
//!           - Effect: Allow
//!             Principal:
//!               Federated: arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com
//!             Action: sts:AssumeRoleWithWebIdentity
//!             Condition:
//!               StringEquals:
//!                 token.actions.githubusercontent.com:aud: sts.amazonaws.com
//! ```
//! ```yaml pass
//! Resources:
//!   Deploy:
//!     Type: AWS::IAM::Role
//!     Properties:
//!       AssumeRolePolicyDocument:
//!         Statement:
//!           - Effect: Allow
//!             Principal:
//!               Federated: arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com
//!             Action: sts:AssumeRoleWithWebIdentity
//!             Condition:
//!               StringEquals:
//!                 token.actions.githubusercontent.com:aud: sts.amazonaws.com
//!               StringLike:
//!                 token.actions.githubusercontent.com:sub: repo:acme/app:ref:refs/heads/main
//! ```
//! ```hcl fail
//! resource "aws_iam_role" "deploy" {
//!   name = "deploy"
//!   assume_role_policy = jsonencode({
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }
//!       Action    = "sts:AssumeRoleWithWebIdentity"
//!       Condition = { StringLike = { "token.actions.githubusercontent.com:sub" = "repo:*" } }
//!     }]
//!   })
//! }
//! ```
//! ```hcl pass
//! resource "aws_iam_role" "irsa" {
//!   name = "irsa"
//!   assume_role_policy = jsonencode({
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC123" }
//!       Action    = "sts:AssumeRoleWithWebIdentity"
//!       Condition = { StringEquals = { "oidc.eks.eu-west-1.amazonaws.com/id/ABC123:sub" = "system:serviceaccount:kube-system:ebs-csi" } }
//!     }]
//!   })
//! }
//! ```
//! ```hcl aws_iam_role.app=not-applicable
//! resource "aws_iam_role" "app" {
//!   name = "app"
//!   assume_role_policy = jsonencode({
//!     Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
//!   })
//! }
//! ```

use crate::check::prop;
use crate::context::Context;
use crate::policy::{Condition, Document, Effect, Item, Statement, at};
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::{Resource, Span};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "iam.oidc-trust-restricted",
    title: "Roles trusted by an OIDC provider name who may assume them",
    duty: Duty::AccessControl,
    severity: Severity::Critical,
    cfn_types: &["AWS::IAM::Role"],
    tf_types: &["aws_iam_role"],
    reads: &["aws_iam_policy_document"],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_358", Same), checkov("CKV_AWS_393", Same)],
    check,
    file: file!(),
};

const GITHUB: &str = "token.actions.githubusercontent.com";
/// GitHub claims anyone can put first in a `sub` of their own workflow.
const ABUSABLE: &[&str] = &[
    "workflow",
    "environment",
    "ref",
    "context",
    "head_ref",
    "base_ref",
];

/// The OIDC provider hosts a statement trusts (`Some("")` for one given by
/// reference, whose host is unknown).
fn oidc_hosts(st: &Statement) -> Vec<String> {
    let mut out = Vec::new();
    for p in st.principal.iter().flatten() {
        if !p.kind.eq_ignore_ascii_case("Federated") {
            continue;
        }
        for id in &p.ids {
            match id {
                Item::Text(t, _) => {
                    if let Some((_, host)) = t.split_once(":oidc-provider/") {
                        out.push(host.to_ascii_lowercase());
                    }
                }
                Item::Ref(_) | Item::Unknown(..) => out.push(String::new()),
            }
        }
    }
    out
}

/// Does this `sub` value name the caller?
fn names_caller(host: &str, value: &str) -> bool {
    let v = value.trim();
    if v.is_empty() || v.chars().all(|c| c == '*' || c == '?') {
        return false;
    }
    let parts: Vec<&str> = v.split(':').collect();
    if host == GITHUB || host.starts_with("token.actions.githubusercontent.com/") {
        let (Some(claim), Some(val)) = (parts.first(), parts.get(1)) else {
            return false;
        };
        if *val == "*" || ABUSABLE.iter().any(|a| claim.starts_with(a)) {
            return false;
        }
        return *claim != "repo"
            || val.split_once('/').is_some_and(|(owner, repo)| {
                !owner.is_empty() && !owner.contains(['*', '?']) && !repo.is_empty()
            });
    }
    // EKS: `system:serviceaccount:NAMESPACE:NAME`, the namespace fixed at
    // least; others (`project_path:GROUP/PROJECT:...`): two parts fixed.
    let needed = if host.starts_with("oidc.eks.") { 3 } else { 2 };
    let fixed = v.split(['*', '?']).next().unwrap_or("");
    !v.contains(['*', '?']) || fixed.matches(':').count() >= needed
}

/// Why a statement fails (span and sentence), or what is unresolved (what,
/// span).
type Failure = Result<(Span, String), (String, Span)>;

/// Met, or the failure.
fn judge(st: &Statement, hosts: &[String]) -> Result<(), Failure> {
    let tests = match &st.condition {
        None => {
            return Err(Ok((
                st.principal_span,
                "no Condition on the token's sub claim".into(),
            )));
        }
        Some(Condition::Unknown(w, s)) => return Err(Err((w.clone(), *s))),
        Some(Condition::Tests(t)) => t,
    };
    let mut unknown = None;
    let mut broad = None;
    for t in tests {
        let key = t.key.to_ascii_lowercase();
        let Some(host) = key.strip_suffix(":sub") else {
            continue;
        };
        if !hosts.iter().any(|h| h.is_empty() || h == host) {
            continue;
        }
        let op = t.operator.to_ascii_lowercase();
        let op = op.strip_prefix("foranyvalue:").unwrap_or(&op);
        if !matches!(op, "stringequals" | "stringlike") {
            broad.get_or_insert((
                t.span,
                format!(
                    "{} {} does not limit who assumes the role",
                    t.operator, t.key
                ),
            ));
            continue;
        }
        let mut all = !t.values.is_empty();
        for v in &t.values {
            match v {
                Item::Text(val, _) if !names_caller(host, val) => {
                    all = false;
                    broad.get_or_insert((
                        t.span,
                        format!(
                            "{} {val:?} lets anyone on the provider assume the role",
                            t.key
                        ),
                    ));
                }
                Item::Text(..) | Item::Ref(_) => {}
                Item::Unknown(w, s) => {
                    all = false;
                    unknown.get_or_insert((w.clone(), *s));
                }
            }
        }
        if all {
            return Ok(());
        }
    }
    if let Some(u) = unknown {
        return Err(Err(u));
    }
    Err(Ok(broad.unwrap_or((
        st.principal_span,
        "no condition on the token's sub claim: every identity of the provider may assume the role"
            .into(),
    ))))
}

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let (node, path) = prop(resource, "AssumeRolePolicyDocument", "assume_role_policy");
    let Some(node) = node else {
        return Verdict::not_applicable(resource, "no trust policy declared");
    };
    let stmts = match Document::read(node, resource, cx) {
        Document::Statements(s) => s,
        Document::Unknown(w, s) | Document::Invalid(w, s) => {
            return Verdict::unknown(resource, s, path, w);
        }
    };
    let mut trusted = false;
    let mut unknown = None;
    for st in stmts.iter().filter(|s| s.effect == Effect::Allow) {
        let hosts = oidc_hosts(st);
        if hosts.is_empty() {
            continue;
        }
        trusted = true;
        match judge(st, &hosts) {
            Ok(()) => {}
            Err(Ok((span, why))) => {
                return at(Verdict::not_met(resource, span, path, why), st.file);
            }
            Err(Err((w, s))) => {
                unknown.get_or_insert_with(|| at(Verdict::unknown(resource, s, path, w), st.file));
            }
        }
    }
    match (unknown, trusted) {
        (Some(u), _) => u,
        (None, true) => Verdict::met(
            resource,
            node.span,
            path,
            "every OIDC trust names the repository, project or service account in its sub condition",
        ),
        (None, false) => Verdict::not_applicable(resource, "the role trusts no OIDC provider"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_values_that_name_the_caller() {
        for ok in [
            "repo:acme/app:ref:refs/heads/main",
            "repo:acme/*",
            "repo:acme/app:*",
        ] {
            assert!(names_caller(GITHUB, ok), "{ok}");
        }
        for broad in [
            "*",
            "repo:*",
            "repo:*/app",
            "workflow:deploy",
            "environment:prod",
            "repo",
        ] {
            assert!(!names_caller(GITHUB, broad), "{broad}");
        }
        let eks = "oidc.eks.eu-west-1.amazonaws.com/id/abc";
        assert!(names_caller(eks, "system:serviceaccount:kube-system:*"));
        assert!(!names_caller(eks, "system:serviceaccount:*"));
    }
}
