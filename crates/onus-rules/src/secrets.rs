//! Hard-coded secrets: known key formats (AWS access key ids, private keys,
//! GitHub, GitLab, Slack, Stripe, Google, SendGrid, npm and Twilio tokens,
//! JWTs, credentials in URLs), names that say a value is a secret
//! (`DB_PASSWORD`, `ApiKey`, `client_secret`), and the masking that keeps
//! every secret out of reports: messages show a masked prefix only, and
//! source excerpts go through [`mask_excerpt`].

use crate::verdict::Verdict;
use base64::Engine as _;
use onus_ingest::{Node, Resource, Span, Value};
use regex::Regex;
use std::sync::LazyLock;

/// Known secret formats, each a named group.
static FORMATS: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?P<aws>\b(?:AKIA|ASIA)[A-Z2-7]{16}\b)",
        r"|(?P<pem>-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----)",
        r"|(?P<github>\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,})\b)",
        r"|(?P<gitlab>\bglpat-[A-Za-z0-9_-]{20,}\b)",
        r"|(?P<slack>\bxox[baprs]-[A-Za-z0-9-]{10,}|https://hooks\.slack\.com/services/[A-Za-z0-9/]{20,})",
        r"|(?P<stripe>\b[rs]k_(?:live|test)_[A-Za-z0-9]{20,}\b)",
        r"|(?P<google>\bAIza[0-9A-Za-z_-]{35}\b)",
        r"|(?P<sendgrid>\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b)",
        r"|(?P<npm>\bnpm_[A-Za-z0-9]{36}\b)",
        r"|(?P<twilio>\bSK[0-9a-f]{32}\b)",
        r"|(?P<jwt>\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})",
    ))
    .ok()
});

/// A password in a URL (`scheme://user:password@host`), tried only on text
/// holding `://` and `@`: this pattern has no literal prefix to search for.
static URL_PASSWORD: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"\b[a-zA-Z][a-zA-Z0-9+.-]*://[^/\s:@'\x22]+:(?P<urlpass>[^/\s@'\x22]+)@").ok()
});

const KINDS: &[(&str, &str)] = &[
    ("aws", "an AWS access key id"),
    ("pem", "a private key"),
    ("github", "a GitHub token"),
    ("gitlab", "a GitLab token"),
    ("slack", "a Slack token or webhook"),
    ("stripe", "a Stripe secret key"),
    ("google", "a Google API key"),
    ("sendgrid", "a SendGrid API key"),
    ("npm", "an npm token"),
    ("twilio", "a Twilio API key"),
    ("jwt", "a JSON Web Token"),
];

/// A secret found in a text: what it is, and its byte range (for a URL,
/// the password part).
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// What kind of secret, as a phrase ("an AWS access key id").
    pub kind: &'static str,
    /// Byte offset of its first byte in the text.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
}

/// Every known-format secret in `text`.
pub fn known_formats(text: &str) -> Vec<Hit> {
    let mut out = Vec::new();
    for caps in FORMATS.iter().flat_map(|r| r.captures_iter(text)) {
        for (group, kind) in KINDS {
            if let Some(m) = caps.name(group) {
                out.push(Hit {
                    kind,
                    start: m.start(),
                    end: m.end(),
                });
                break;
            }
        }
    }
    if text.contains("://") && text.contains('@') {
        for caps in URL_PASSWORD.iter().flat_map(|r| r.captures_iter(text)) {
            if let Some(m) = caps.name("urlpass") {
                out.push(Hit {
                    kind: "a password in a URL",
                    start: m.start(),
                    end: m.end(),
                });
            }
        }
    }
    out
}

/// `MasterUserPassword` → `MASTER_USER_PASSWORD`; `db-password` → `DB_PASSWORD`.
fn normalise(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    let mut prev_lower = false;
    for c in name.chars() {
        if c.is_ascii_uppercase() && prev_lower {
            out.push('_');
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        out.push(if c.is_ascii_alphanumeric() {
            c.to_ascii_uppercase()
        } else {
            '_'
        });
    }
    out
}

/// True when a name says its value is a secret (`DB_PASSWORD`, `apiKey`,
/// `GITHUB_TOKEN`, `client_secret`, `AWS_SECRET_ACCESS_KEY`), and not a
/// pointer to one or a setting about one (`DB_PASSWORD_ARN`,
/// `SECRET_NAME`, `TOKEN_TTL`, `KmsKeyId`).
pub fn secret_name(name: &str) -> bool {
    secret_word(name, false)
}

/// [`secret_name`] for environment variables and script assignments, where
/// a name ending in `_KEY` (`STRIPE_KEY`) also names a secret; a resource
/// setting such as `ParameterKey` or a tag's `Key` does not.
pub fn secret_variable(name: &str) -> bool {
    secret_word(name, true)
}

fn secret_word(name: &str, variable: bool) -> bool {
    let n = normalise(name);
    let words = [
        "PASSWORD",
        "PASSWD",
        "PASSPHRASE",
        "SECRET",
        "TOKEN",
        "API_KEY",
        "APIKEY",
        "ACCESS_KEY",
        "PRIVATE_KEY",
        "CREDENTIAL",
        "AUTH_KEY",
    ];
    let pointer = [
        "ARN",
        "NAME",
        "ID",
        "IDS",
        "PATH",
        "PARAM",
        "PARAMETER",
        "FILE",
        "TABLE",
        "BUCKET",
        "QUEUE",
        "TOPIC",
        "LENGTH",
        "TTL",
        "EXPIRY",
        "EXPIRATION",
        "VALIDITY",
        "DURATION",
        "UNITS",
        "HEADER",
        "REGION",
        "VERSION",
        "ENABLED",
        "TYPE",
        "FIELD",
        "POLICY",
        "ROTATION",
        "TEMPLATE",
        "URL",
        "URI",
        "ENDPOINT",
        "KEY_NAME",
        "SECRETS",
        "LOCATION",
        "SOURCE",
        "REF",
        "TOKENS",
        "PERMISSIONS",
        "USAGE",
        "COUNT",
        "SIZE",
        "STORE",
        "PROVIDER",
    ];
    // `STRIPE_KEY`: an upper-case environment variable ending in `_KEY`.
    let env_key = variable && n.ends_with("_KEY") && !name.chars().any(|c| c.is_ascii_lowercase());
    let has_word = words.iter().any(|w| n.contains(w)) || env_key;
    has_word
        && !n.contains("KMS")
        && !n.contains("PUBLIC")
        && !pointer
            .iter()
            .any(|p| n.ends_with(&format!("_{p}")) || n == *p)
}

/// True when a literal looks like a value someone typed, not a pointer to a
/// secret or a placeholder: not empty, not one repeated character, not a
/// dynamic reference, ARN, SSM path or template placeholder.
pub fn literal_secret(value: &str) -> bool {
    let v = value.trim();
    let lower = v.to_ascii_lowercase();
    let mut chars = v.chars();
    let first = chars.next();
    !(v.is_empty()
        || chars.all(|c| Some(c) == first)
        || lower.starts_with("{{resolve:")
        || lower.starts_with("arn:")
        || lower.starts_with("alias/")
        || lower.starts_with("${")
        || lower.starts_with("$(")
        || lower.starts_with('$')
        || lower.starts_with('/')
        || lower.starts_with('<') && lower.ends_with('>')
        || matches!(
            lower.as_str(),
            "null" | "none" | "undefined" | "true" | "false"
        ))
}

/// A masked prefix of a secret: at most a quarter of it, at most 4
/// characters, then `…`.
pub fn mask(value: &str) -> String {
    let n = (value.chars().count() / 4).min(4);
    let prefix: String = value.chars().take(n).collect();
    format!("{prefix}…")
}

/// What a value holding a secret is, with its masked prefix, for messages.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// "an AWS access key id", "a value named like a secret"...
    pub kind: &'static str,
    /// The value's first characters followed by `…`, never the whole secret.
    pub masked: String,
}

/// Judges one value: a known format anywhere in it (also inside base64),
/// or a literal under a name that says it is a secret.
pub fn judge(name: Option<&str>, value: &str) -> Option<Found> {
    if let Some(hit) = known_formats(value).into_iter().next() {
        return Some(Found {
            kind: hit.kind,
            masked: mask(&value[hit.start..hit.end]),
        });
    }
    if let Some(text) = decode_base64_text(value)
        && let Some(f) = judge_text(&text)
    {
        return Some(f);
    }
    if name.is_some_and(secret_variable) && literal_secret(value) {
        return Some(Found {
            kind: "a literal value named like a secret",
            masked: mask(value.trim()),
        });
    }
    None
}

/// Judges free text (a user-data script): known formats, and assignments
/// `NAME=value`, `NAME: value`, `NAME = "value"`, `--password value` whose
/// name says the value is a secret.
pub fn judge_text(text: &str) -> Option<Found> {
    if let Some(hit) = known_formats(text).into_iter().next() {
        return Some(Found {
            kind: hit.kind,
            masked: mask(&text[hit.start..hit.end]),
        });
    }
    assignments(text).into_iter().next().map(|(s, e)| Found {
        kind: "a literal value named like a secret",
        masked: mask(&text[s..e]),
    })
}

static ASSIGNMENT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r#"(?P<name>[A-Za-z_][A-Za-z0-9_.-]*)["']?\s*(?:=|:|\s-?-?p\s)\s*["']?(?P<value>[^\s"',;}]+)|--(?P<flag>[A-Za-z][A-Za-z0-9-]*)[ =]["']?(?P<fvalue>[^\s"',;]+)"#,
    )
    .ok()
});

/// `{ name = "X", value = "y" }` / `{"Name": "X", "Value": "y"}` on one line.
static INLINE_PAIR: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r#"(?i)"?name"?\s*[:=]\s*"(?P<n>[^"]+)"[^}]*?"?value"?\s*[:=]\s*"(?P<v>[^"]*)""#)
        .ok()
});

/// Byte ranges of the values of secret-named assignments in `text`.
pub fn assignments(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for caps in ASSIGNMENT.iter().flat_map(|r| r.captures_iter(text)) {
        let (name, value) = match (caps.name("name"), caps.name("value")) {
            (Some(n), Some(v)) => (n, v),
            _ => match (caps.name("flag"), caps.name("fvalue")) {
                (Some(n), Some(v)) => (n, v),
                _ => continue,
            },
        };
        if secret_variable(name.as_str()) && literal_secret(value.as_str()) {
            out.push((value.start(), value.end()));
        }
    }
    out
}

/// The text a base64 string encodes, when it is one and decodes to text
/// (CloudFormation `Fn::Base64` and Terraform `base64encode` results,
/// `user_data_base64`).
pub fn decode_base64_text(value: &str) -> Option<String> {
    let v = value.trim();
    if v.len() < 12
        || !v.len().is_multiple_of(4)
        || !v
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
    {
        return None;
    }
    let bytes = base64::engine::general_purpose::STANDARD.decode(v).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    text.chars()
        .all(|c| !c.is_control() || c.is_whitespace())
        .then_some(text)
}

/// Every string of a property tree with the name of the key or variable it
/// sits under (`Name`/`Value` pairs give the pair's `Name`), for rules that
/// judge a whole block (environment variables, container definitions).
pub fn strings<'n>(
    node: &'n Node,
    key: Option<&'n str>,
    out: &mut Vec<(Option<&'n str>, &'n Node)>,
) {
    match &node.value {
        Value::String(_) => out.push((key, node)),
        Value::List(items) | Value::Either(items) => {
            items.iter().for_each(|n| strings(n, key, out));
        }
        Value::Map(entries) => {
            // `{Name: DB_PASSWORD, Value: x}` and `{name = .., value = ..}`.
            let pair_name = entries
                .iter()
                .find(|e| e.key.eq_ignore_ascii_case("name"))
                .and_then(|e| e.node.as_str());
            for e in entries {
                let k = if e.key.eq_ignore_ascii_case("value") && pair_name.is_some() {
                    pair_name
                } else {
                    Some(e.key.as_str())
                };
                strings(&e.node, k, out);
            }
        }
        _ => {}
    }
}

/// Where a value written through a parameter, variable or local comes from,
/// read from its source text: what it is and its name.
pub fn origin_of(text: &str, span: Span) -> Option<(&'static str, String)> {
    let src = text.get(span.start as usize..span.end as usize)?.trim();
    let name = |s: &str| -> String {
        s.trim_start_matches('"')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'))
            .collect()
    };
    if let Some(rest) = src
        .strip_prefix("!Ref ")
        .or_else(|| src.strip_prefix("Ref: "))
    {
        return Some(("the default of parameter", name(rest.trim())));
    }
    if let Some(i) = src.find("\"Ref\"") {
        let rest = src[i + 5..]
            .trim_start()
            .trim_start_matches(':')
            .trim_start();
        return Some(("the default of parameter", name(rest)));
    }
    if let Some(rest) = src.strip_prefix("var.") {
        return Some(("the value of variable", name(rest)));
    }
    src.strip_prefix("local.").map(|rest| ("local", name(rest)))
}

/// [`origin_of`] as words: `the default of parameter DbPassword`.
pub fn origin(text: &str, span: Span) -> Option<String> {
    origin_of(text, span).map(|(what, name)| format!("{what} {name}"))
}

/// [`judge`], also when the name is not a secret's but the parameter,
/// variable or local the value comes from is (`CONN: !Ref DbPassword`).
pub fn judge_at(text: &str, node: &Node, name: Option<&str>, value: &str) -> Option<Found> {
    judge(name, value).or_else(|| {
        let (_, from) = origin_of(text, node.span)?;
        judge(Some(&from), value)
    })
}

/// The first string under `node` that holds a secret, with the name it sits
/// under. `script` judges each string as free text (user data).
pub fn first_secret<'n>(
    text: &str,
    node: &'n Node,
    script: bool,
) -> Option<(&'n Node, Option<&'n str>, Found)> {
    let mut all = Vec::new();
    strings(node, None, &mut all);
    all.into_iter().find_map(|(name, n)| {
        let s = n.as_str()?;
        let found = if script {
            match decode_base64_text(s) {
                Some(text) => judge_text(&text),
                None => judge_text(s),
            }
        } else {
            judge_at(text, n, name, s)
        };
        found.map(|f| (n, name, f))
    })
}

/// The verdict of "no secret is written in `path`" for rules that judge a
/// block of settings (environment variables, user data): not met at the
/// first secret found, naming what it is and a masked prefix only.
pub fn judge_block(
    resource: &Resource,
    text: &str,
    node: Option<&Node>,
    path: &str,
    script: bool,
    instead: &str,
    absent: &'static str,
) -> Verdict {
    match node {
        None => Verdict::met_by_default(resource, path, absent),
        Some(node) => judge_nodes(resource, text, &[node], node.span, path, script, instead),
    }
}

/// [`judge_block`] over several nodes; a met verdict points at `anchor`.
pub fn judge_nodes(
    resource: &Resource,
    text: &str,
    nodes: &[&Node],
    anchor: Span,
    path: &str,
    script: bool,
    instead: &str,
) -> Verdict {
    match nodes.iter().find_map(|n| first_secret(text, n, script)) {
        Some((n, name, found)) => {
            let whose = name.map(|x| format!(" {x}")).unwrap_or_default();
            let from = origin(text, n.span)
                .map(|o| format!(", from {o}"))
                .unwrap_or_default();
            Verdict::not_met(
                resource,
                n.span,
                path,
                format!(
                    "{path}{whose} holds {} ({}) written in the code{from}: {instead}",
                    found.kind, found.masked
                ),
            )
        }
        None => Verdict::met(
            resource,
            anchor,
            path,
            "no value written here looks like a secret",
        ),
    }
}

/// `text` with the secrets it shows masked (known formats, secret-named
/// assignments), or `None` when it shows none: for messages and unresolved
/// values, which may quote a value from the scanned code.
pub fn mask_text(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.split('\n').collect();
    let masked = mask_excerpt(&lines, 0, lines.len().saturating_sub(1)).join("\n");
    (masked != text).then_some(masked)
}

/// Masking line `i` reads at most these lines before and after it: a caller
/// holding a file's lines elsewhere can pass [`mask_excerpt`] just those.
pub const CONTEXT_LINES: (usize, usize) = (12, 2);

/// Masks the secrets in lines `first..=last` (0-based) of a file, using the
/// lines around them for context: known formats, secret-named assignments
/// and keys, `Value` lines whose sibling `Name` is secret-named, `Default`
/// / `default` lines of a secret-named parameter or variable, and base64
/// strings that encode any of those.
pub fn mask_excerpt(lines: &[&str], first: usize, last: usize) -> Vec<String> {
    (first..=last.min(lines.len().saturating_sub(1)))
        .map(|i| mask_line(lines, i))
        .collect()
}

fn mask_line(lines: &[&str], i: usize) -> String {
    let line = lines[i];
    let mut ranges: Vec<(usize, usize)> = known_formats(line)
        .into_iter()
        .map(|h| (h.start, h.end))
        .collect();
    ranges.extend(assignments(line));
    for caps in INLINE_PAIR.iter().flat_map(|r| r.captures_iter(line)) {
        if let (Some(n), Some(v)) = (caps.name("n"), caps.name("v"))
            && secret_name(n.as_str())
            && literal_secret(v.as_str())
        {
            ranges.push((v.start(), v.end()));
        }
    }
    if let Some((start, end)) = value_of(line)
        && (sibling_secret_name(lines, i) || enclosing_secret_name(lines, i))
        && literal_secret(&line[start..end])
    {
        ranges.push((start, end));
    }
    for (start, end) in tokens(line) {
        if decode_base64_text(&line[start..end]).is_some_and(|t| judge_text(&t).is_some()) {
            ranges.push((start, end));
        }
    }
    if ranges.is_empty() {
        return line.to_owned();
    }
    ranges.sort_unstable();
    let mut out = String::with_capacity(line.len());
    let mut at = 0;
    for (start, end) in ranges {
        if start < at || !line.is_char_boundary(start) || !line.is_char_boundary(end) {
            continue;
        }
        out.push_str(&line[at..start]);
        out.push_str(&mask(&line[start..end]));
        at = end;
    }
    out.push_str(&line[at..]);
    out
}

/// The key of a `key: value`, `"key": "value"` or `key = "value"` line.
fn key_of(line: &str) -> Option<&str> {
    let t = line.trim_start().trim_start_matches("- ").trim_start();
    let t = t.strip_prefix('"').unwrap_or(t);
    let end = t.find(['"', ':', '=', ' '])?;
    Some(&t[..end]).filter(|k| !k.is_empty())
}

/// The value range of a `Value:` / `Default:` / `value =` / `default =` line.
fn value_of(line: &str) -> Option<(usize, usize)> {
    let key = key_of(line)?;
    if !(key.eq_ignore_ascii_case("value") || key.eq_ignore_ascii_case("default")) {
        return None;
    }
    let sep = line.find([':', '='])?;
    let rest = &line[sep + 1..];
    let lead = rest.len() - rest.trim_start().len();
    let mut start = sep + 1 + lead;
    let mut end = line.trim_end().len();
    let bytes = line.as_bytes();
    if end > start && matches!(bytes[start], b'"' | b'\'') {
        start += 1;
        end = line[start..].find(['"', '\'']).map_or(end, |e| start + e);
    }
    let end = line[start..end]
        .find([',', '}'])
        .map_or(end, |e| start + e)
        .max(start);
    (end > start).then_some((start, end))
}

/// Where a line's key starts (after indentation and a list dash).
fn key_column(line: &str) -> usize {
    let t = line.trim_start();
    let t2 = t.trim_start_matches("- ").trim_start();
    line.len() - t2.len()
}

/// A `Name: X` sibling (within two lines, at the same column) with a
/// secret name.
fn sibling_secret_name(lines: &[&str], i: usize) -> bool {
    let lo = i.saturating_sub(CONTEXT_LINES.1);
    let hi = (i + CONTEXT_LINES.1).min(lines.len().saturating_sub(1));
    let col = key_column(lines[i]);
    (lo..=hi).filter(|&j| j != i).any(|j| {
        let l = lines[j];
        let between = if j < i { j + 1..i } else { i + 1..j };
        key_column(l) == col
            && lines[between].iter().all(|b| key_column(b) >= col)
            && key_of(l).is_some_and(|k| k.eq_ignore_ascii_case("name"))
            && l.split_once([':', '='])
                .map(|(_, v)| v.trim().trim_matches(['"', '\'', ',']))
                .is_some_and(secret_name)
    })
}

/// The block a `Default:` line belongs to (a CloudFormation parameter, a
/// Terraform `variable "x"`) has a secret name.
fn enclosing_secret_name(lines: &[&str], i: usize) -> bool {
    let indent = |l: &str| l.len() - l.trim_start().len();
    let own = indent(lines[i]);
    for j in (0..i).rev().take(CONTEXT_LINES.0) {
        let l = lines[j];
        if l.trim().is_empty() {
            continue;
        }
        if let Some(rest) = l.trim_start().strip_prefix("variable ") {
            return secret_name(rest.trim().trim_matches(['"', '{', ' ']));
        }
        if indent(l) < own {
            return key_of(l).is_some_and(secret_name);
        }
    }
    false
}

/// Runs of base64 characters long enough to hide a secret.
fn tokens(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices().chain([(line.len(), ' ')]) {
        let b64 = c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=');
        match (b64, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                if i - s >= 16 {
                    out.push((s, i));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_patterns_compile() {
        assert!(FORMATS.is_some() && URL_PASSWORD.is_some());
        assert!(ASSIGNMENT.is_some() && INLINE_PAIR.is_some());
    }

    #[test]
    fn known_formats_are_found() {
        for (text, kind) in [
            ("key AKIAIOSFODNN7EXAMPLE here", "an AWS access key id"),
            ("-----BEGIN RSA PRIVATE KEY-----", "a private key"),
            ("-----BEGIN OPENSSH PRIVATE KEY-----", "a private key"),
            ("ghp_abcdefghijklmnopqrstuvwxyz0123456789", "a GitHub token"),
            ("xoxb-1234567890-abcdefghij", "a Slack token or webhook"),
            ("sk_live_abcdefghijklmnopqrstuvwx", "a Stripe secret key"),
            (
                "https://bob:hunter22@bitbucket.org/acme/app.git",
                "a password in a URL",
            ),
            (
                "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlX2hlcmU",
                "a JSON Web Token",
            ),
        ] {
            let hits = known_formats(text);
            assert_eq!(hits.first().map(|h| h.kind), Some(kind), "{text}");
        }
        assert!(known_formats("arn:aws:iam::111122223333:role/app").is_empty());
        assert!(known_formats("https://bitbucket.org/acme/app.git").is_empty());
        let url = known_formats("https://bob:hunter22@bitbucket.org/x");
        assert_eq!(
            &"https://bob:hunter22@bitbucket.org/x"[url[0].start..url[0].end],
            "hunter22"
        );
    }

    #[test]
    fn secret_names() {
        for name in [
            "DB_PASSWORD",
            "api_key",
            "GITHUB_TOKEN",
            "CLIENT_SECRET",
            "AWS_SECRET_ACCESS_KEY",
            "MasterUserPassword",
            "OAuthToken",
            "apiKey",
        ] {
            assert!(secret_name(name), "{name}");
        }
        assert!(secret_variable("STRIPE_KEY") && !secret_name("STRIPE_KEY"));
        assert!(!secret_name("ParameterKey") && !secret_name("Key"));
        for name in [
            "LOG_LEVEL",
            "DB_PASSWORD_ARN",
            "SECRET_NAME",
            "KmsKeyId",
            "TOKEN_TTL",
            "PublicKey",
            "KEYCLOAK_URL",
            "MONKEY",
            "AccessTokenValidity",
            "SecretStringTemplate",
            "HttpTokens",
            "http_tokens",
            "secret_permissions",
        ] {
            assert!(!secret_name(name), "{name}");
        }
    }

    #[test]
    fn values_are_judged_and_masked() {
        let f = judge(Some("DB_PASSWORD"), "hunter2hunter2").expect("a secret");
        assert_eq!(f.masked, "hun…");
        assert!(judge(Some("DB_PASSWORD"), "{{resolve:secretsmanager:db}}").is_none());
        assert!(judge(Some("LOG_LEVEL"), "info").is_none());
        let f = judge(Some("FOO"), "AKIAIOSFODNN7EXAMPLE").expect("a key id");
        assert_eq!(f.masked, "AKIA…");
        let b64 = base64::engine::general_purpose::STANDARD
            .encode("#!/bin/bash\nexport DB_PASSWORD=hunter2hunter2\n");
        assert!(judge(None, &b64).is_some());
        assert!(judge_text("#!/bin/bash\nyum install -y nginx\n").is_none());
        assert!(judge_text("mysql --password=hunter2hunter2 -h db").is_some());
        assert!(judge_text("echo $DB_PASSWORD").is_none());
    }

    #[test]
    fn excerpts_are_masked_with_context() {
        let text = "Parameters:\n  DbPassword:\n    Type: String\n    Default: hunter2hunter2\n  Env:\n    Default: prod\nResources:\n  - Name: API_TOKEN\n    Value: abcdefabcdef\n  x = [{ name = \"GH_TOKEN\", value = \"inlinesecret9\" }]\n  export DB_PASSWORD=s3cr3tvalue1\nvariable \"db_password\" {\n  default = \"tfsecret123\"\n}";
        let lines: Vec<&str> = text.lines().collect();
        let masked = mask_excerpt(&lines, 0, lines.len() - 1).join("\n");
        for secret in [
            "hunter2hunter2",
            "abcdefabcdef",
            "s3cr3tvalue1",
            "tfsecret123",
        ] {
            assert!(!masked.contains(secret), "{secret} in\n{masked}");
        }
        assert!(masked.contains("Default: prod"));
        assert_eq!(
            mask_text("template: export DB_PASSWORD=s3cr3tvalue1 ${aws_x.y.id}").as_deref(),
            Some("template: export DB_PASSWORD=s3c… ${aws_x.y.id}")
        );
        assert_eq!(mask_text("VpcConfig.SubnetIds is not set"), None);
    }
}
