//! What a rule is: its metadata and its check.

use crate::context::Context;
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;
use serde::Serialize;
use std::fmt;

/// How urgent an unmet duty is, set per rule; `--fail-on` fails the scan at a
/// severity and above. Ordered from low to critical.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The least urgent (SARIF `note`).
    Low,
    /// SARIF `warning`; the level of most rules.
    Medium,
    /// Urgent (SARIF `error`).
    High,
    /// SARIF `error`, the most urgent: resources open to anyone (public policies,
    /// all ports open to the world), admin access for all, credentials in code.
    Critical,
}

impl Severity {
    /// Every severity, most severe first.
    pub const ALL: [Severity; 4] = [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
    ];

    /// The lower-case name used in reports and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    /// Parses `low`, `medium`, `high` or `critical` (any case).
    pub fn parse(text: &str) -> Option<Severity> {
        Severity::ALL
            .into_iter()
            .find(|s| s.as_str().eq_ignore_ascii_case(text.trim()))
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// A peer tool whose checks users migrate from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tool {
    /// Checkov (`CKV_AWS_*`, `CKV2_AWS_*`).
    Checkov,
    /// cfn_nag (`W*`, `F*` rule ids).
    CfnNag,
    /// Trivy's misconfiguration checks (`AVD-AWS-*`).
    Trivy,
    /// The AWS Guard rules registry (`aws-guard-rules-registry`): its rule
    /// names, which are AWS Config managed-rule identifiers where one exists.
    Guard,
}

/// How close a peer check is to an onus rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// Checks the same thing: its suppressions carry over.
    Same,
    /// Overlaps, but checks something narrower or broader.
    Related,
}

/// A check of a peer tool that corresponds to a rule, so users find the rule
/// by the id they know and their existing suppressions carry over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Peer {
    /// The peer tool.
    pub tool: Tool,
    /// `CKV_AWS_19`, `W41`, `AVD-AWS-0088`.
    pub id: &'static str,
    /// Whether it checks the same thing or only overlaps.
    pub relation: Relation,
}

pub const fn checkov(id: &'static str, relation: Relation) -> Peer {
    Peer {
        tool: Tool::Checkov,
        id,
        relation,
    }
}

pub const fn cfn_nag(id: &'static str, relation: Relation) -> Peer {
    Peer {
        tool: Tool::CfnNag,
        id,
        relation,
    }
}

pub const fn trivy(id: &'static str, relation: Relation) -> Peer {
    Peer {
        tool: Tool::Trivy,
        id,
        relation,
    }
}

pub const fn guard(id: &'static str, relation: Relation) -> Peer {
    Peer {
        tool: Tool::Guard,
        id,
        relation,
    }
}

/// Mapped compliance controls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Controls {
    /// AWS Security Hub Foundational Security Best Practices ids, e.g. `S3.5`.
    pub fsbp: &'static [&'static str],
    /// AWS Config managed rule identifiers, e.g. `S3_BUCKET_SSL_REQUESTS_ONLY`.
    pub config: &'static [&'static str],
    /// CIS AWS Foundations Benchmark ids, e.g. `2.1.1`.
    pub cis: &'static [&'static str],
}

impl Controls {
    /// No mapped controls.
    pub const NONE: Controls = Controls {
        fsbp: &[],
        config: &[],
        cis: &[],
    };
}

/// The check: one verdict for one resource of a type the rule reads.
pub type CheckFn = fn(&Resource, &Context) -> Verdict;

/// One rule. Each lives in its own file under `src/rules/`, whose `//!` doc
/// comment is the rule's user documentation.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Rule {
    /// `service.duty-slug`, e.g. `s3.encryption-at-rest`. Stable.
    pub id: &'static str,
    /// One line saying what the rule checks, shown with every verdict.
    pub title: &'static str,
    /// The customer duty the rule verifies.
    pub duty: Duty,
    /// How much a not-met verdict matters.
    pub severity: Severity,
    /// CloudFormation types evaluated (`"*"` = every resource).
    pub cfn_types: &'static [&'static str],
    /// Terraform types evaluated (`"*"` = every resource).
    pub tf_types: &'static [&'static str],
    /// Other types the rule reads across (split S3 resources, ingress rules...).
    pub reads: &'static [&'static str],
    /// The compliance controls the rule implements.
    pub controls: Controls,
    /// The peer tools' checks that correspond to the rule.
    pub peers: &'static [Peer],
    /// Judges one resource of a type the rule evaluates.
    #[serde(skip)]
    pub check: CheckFn,
    /// The rule's source file name, e.g. `s3_encryption_at_rest.rs`: finds its doc.
    #[serde(skip)]
    pub file: &'static str,
}

impl Rule {
    /// True when the rule evaluates resources of this type.
    pub fn applies_to(&self, resource_type: &str) -> bool {
        let types = if resource_type.starts_with("AWS::") || resource_type.starts_with("Alexa::") {
            self.cfn_types
        } else {
            self.tf_types
        };
        types.iter().any(|t| *t == "*" || *t == resource_type)
    }

    /// The user documentation (Markdown), from the rule file's `//!` comment.
    pub fn doc(&self) -> &'static str {
        crate::docs::doc_for(self.file).unwrap_or("")
    }

    /// Runs only when named (see [`crate::rules::OPT_IN`]).
    pub fn opt_in(&self) -> bool {
        crate::rules::OPT_IN.contains(&self.id)
    }

    /// The service part of the id (`s3` in `s3.encryption-at-rest`).
    pub fn service(&self) -> &'static str {
        self.id.split('.').next().unwrap_or(self.id)
    }
}
