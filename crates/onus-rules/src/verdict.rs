//! Verdicts: what a rule concluded about one resource, and where.

use onus_ingest::{FileId, Resource, Span};
use serde::Serialize;
use std::borrow::Cow;
use std::fmt;

/// What a rule concluded about the duty it verifies, for one resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The resource fulfils the duty (including through an AWS default).
    Met,
    /// The resource does not fulfil the duty, or a value is invalid.
    NotMet,
    /// A value the verdict depends on could not be resolved statically.
    Unknown,
    /// The rule does not apply to this resource (e.g. a setting that only
    /// exists for some engines).
    NotApplicable,
}

impl Status {
    /// The kebab-case name used in reports (`not-met`).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::NotMet => "not-met",
            Status::Unknown => "unknown",
            Status::NotApplicable => "not-applicable",
        }
    }

    /// Parses a [`Status::as_str`] name.
    pub fn parse(text: &str) -> Option<Status> {
        [
            Status::Met,
            Status::NotMet,
            Status::Unknown,
            Status::NotApplicable,
        ]
        .into_iter()
        .find(|s| s.as_str() == text)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One rule's verdict on one resource.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    /// What the rule concluded.
    pub status: Status,
    /// Plain sentence for the user: what was found (or missing).
    /// Fixed sentences are borrowed, not copied: most verdicts have one.
    pub message: Cow<'static, str>,
    /// The property path that decided it (`BucketEncryption.ServerSideEncryptionConfiguration`),
    /// empty when the resource as a whole decided.
    pub path: String,
    /// Where: the deciding property, or the resource's name when a property is missing.
    pub file: FileId,
    /// The byte range in `file` the verdict points at.
    pub span: Span,
    /// The unresolved value, when `status` is unknown.
    pub unknown: Option<String>,
}

impl Verdict {
    fn at(
        status: Status,
        resource: &Resource,
        span: Span,
        path: &str,
        message: Cow<'static, str>,
    ) -> Verdict {
        Verdict {
            status,
            message,
            path: path.to_owned(),
            file: resource.file,
            span,
            unknown: None,
        }
    }

    /// Met, decided by the property at `span` (`path`).
    pub fn met(
        resource: &Resource,
        span: Span,
        path: &str,
        message: impl Into<Cow<'static, str>>,
    ) -> Verdict {
        Verdict::at(Status::Met, resource, span, path, message.into())
    }

    /// Not met, decided by the property at `span` (`path`).
    pub fn not_met(
        resource: &Resource,
        span: Span,
        path: &str,
        message: impl Into<Cow<'static, str>>,
    ) -> Verdict {
        Verdict::at(Status::NotMet, resource, span, path, message.into())
    }

    /// Not met because `path` is absent: points at the resource's name.
    pub fn missing(
        resource: &Resource,
        path: &str,
        message: impl Into<Cow<'static, str>>,
    ) -> Verdict {
        Verdict::at(
            Status::NotMet,
            resource,
            resource.name_span,
            path,
            message.into(),
        )
    }

    /// Met because the default applies when `path` is absent.
    pub fn met_by_default(
        resource: &Resource,
        path: &str,
        message: impl Into<Cow<'static, str>>,
    ) -> Verdict {
        Verdict::at(
            Status::Met,
            resource,
            resource.name_span,
            path,
            message.into(),
        )
    }

    /// Unknown: the value at `span` (`path`) could not be resolved statically;
    /// `unresolved` names it and the message says so.
    pub fn unknown(
        resource: &Resource,
        span: Span,
        path: &str,
        unresolved: impl Into<String>,
    ) -> Verdict {
        let unresolved = unresolved.into();
        let mut v = Verdict::at(
            Status::Unknown,
            resource,
            span,
            path,
            format!("cannot tell statically: {unresolved}").into(),
        );
        v.unknown = Some(unresolved);
        v
    }

    /// Not applicable to this resource; points at the resource's name.
    pub fn not_applicable(resource: &Resource, message: impl Into<Cow<'static, str>>) -> Verdict {
        Verdict::at(
            Status::NotApplicable,
            resource,
            resource.name_span,
            "",
            message.into(),
        )
    }
}

impl Verdict {
    /// The same judgement, reported on `resource` (whose duty it is) when it
    /// was read from a companion resource (a backup policy, a logging
    /// configuration) that names it.
    pub fn restated_on(mut self, resource: &Resource) -> Verdict {
        if self.file != resource.file {
            self.file = resource.file;
            self.span = resource.name_span;
        }
        self
    }
}
