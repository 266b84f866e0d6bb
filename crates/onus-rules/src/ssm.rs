//! Systems Manager readers: the preferences a Session Manager document
//! (`DocumentType: Session`) sets in its content's `inputs`, and the
//! account-level service settings of `aws_ssm_service_setting`.

use crate::check::{Judgement, embedded_json, get, is_text, judge, spelling, verdict_of};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource, Value};

/// The `inputs` of a Session Manager preferences document, or the verdict to
/// give instead: not applicable for a document of another type, unknown when
/// the type or the content cannot be read.
pub fn session_inputs(resource: &Resource) -> Result<Node, Verdict> {
    let not_session = || Verdict::not_applicable(resource, "not a Session Manager document");
    let type_path = spelling(resource, "DocumentType", "document_type");
    let Some(kind) = get(resource, type_path) else {
        return Err(not_session());
    };
    match judge(kind, &mut |n| {
        Judgement::from_bool(n.as_str() == Some("Session"), n, || "")
    }) {
        Judgement::Yes => {}
        Judgement::No(..) => return Err(not_session()),
        u @ Judgement::Unknown(..) => return Err(verdict_of(resource, kind, type_path, u, "")),
    }
    let content_path = spelling(resource, "Content", "content");
    let Some(content) = get(resource, content_path) else {
        return Ok(Node::new(Value::Map(Vec::new()), resource.name_span));
    };
    let doc = embedded_json(resource, content, content_path)?;
    Ok(doc
        .get("inputs")
        .cloned()
        .unwrap_or_else(|| Node::new(Value::Map(Vec::new()), content.span)))
}

/// The verdict on an `aws_ssm_service_setting` for the setting whose id ends
/// with `setting` (ids may be given as a path or a full ARN): its value must
/// be `want`. `None` for any other setting.
pub fn service_setting(
    resource: &Resource,
    setting: &str,
    want: &str,
    what: &str,
) -> Option<Verdict> {
    let id = get(resource, "setting_id")?;
    let hit = judge(id, &mut |n| {
        Judgement::from_bool(n.as_str().is_some_and(|s| s.ends_with(setting)), n, || "")
    });
    match hit {
        Judgement::No(..) => None,
        u @ Judgement::Unknown(..) => Some(verdict_of(resource, id, "setting_id", u, "")),
        Judgement::Yes => Some(match get(resource, "setting_value") {
            None => Verdict::missing(resource, "setting_value", "setting_value is not set"),
            Some(value) => {
                let j = is_text(value, want, "setting_value");
                verdict_of(
                    resource,
                    value,
                    "setting_value",
                    j,
                    format!("{what}: {want}"),
                )
            }
        }),
    }
}

/// Words in a parameter name that say it holds a secret.
const SECRET_WORDS: &[&str] = &[
    "password",
    "passwd",
    "secret",
    "token",
    "apikey",
    "api_key",
    "api-key",
    "privatekey",
    "private_key",
    "private-key",
    "credential",
];

/// The secret-sounding word in a parameter name, if any.
pub fn secret_word(name: &str) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase();
    SECRET_WORDS.iter().copied().find(|w| lower.contains(w))
}
