//! Choosing rules by name: `enable`/`disable` in onus.toml and `--rule`/
//! `--skip-rule` on the command line. A selector names a rule id
//! (`s3.encryption-at-rest`), a duty (`logging`), a service (`s3`, the first
//! part of rule ids), a glob over rule ids (`s3.*`, `*.tls-only`), or a peer
//! tool's check (`CKV_AWS_18`, `W35`, `AVD-AWS-0089`, a Guard rule name) through
//! the rules' peer map, whether the peer checks the same thing or something
//! related.

use crate::rule::Rule;
use globset::{Glob, GlobMatcher};
use onus_model::Duty;

/// One way of naming rules.
#[derive(Debug, Clone)]
pub struct Selector {
    text: String,
    duty: Option<Duty>,
    glob: Option<GlobMatcher>,
}

impl Selector {
    /// Reads a selector; an error when it names no rule (the message says
    /// what a selector may be).
    pub fn parse(text: &str) -> Result<Selector, String> {
        let text = text.trim();
        let glob = if text.contains(['*', '?', '[']) {
            let glob = Glob::new(text).map_err(|e| format!("{text:?}: {e}"))?;
            Some(glob.compile_matcher())
        } else {
            None
        };
        let selector = Selector {
            text: text.to_owned(),
            duty: Duty::from_slug(text),
            glob,
        };
        if crate::rules::ALL.iter().any(|r| selector.matches(r)) {
            Ok(selector)
        } else {
            Err(format!(
                "{text:?} names no rule: expected a rule id, a duty, a service, a glob over \
                 rule ids (s3.*) or a peer check id (CKV_AWS_18); `onus rules` lists them"
            ))
        }
    }

    /// Reads every selector of a list, stopping at the first that names no
    /// rule.
    pub fn parse_all<S: AsRef<str>>(texts: &[S]) -> Result<Vec<Selector>, String> {
        texts.iter().map(|t| Selector::parse(t.as_ref())).collect()
    }

    /// Whether the selector names this rule.
    pub fn matches(&self, rule: &Rule) -> bool {
        let text = self.text.as_str();
        rule.id == text
            || rule.service() == text
            || self.duty == Some(rule.duty)
            || self.glob.as_ref().is_some_and(|g| g.is_match(rule.id))
            || rule.peers.iter().any(|p| p.id.eq_ignore_ascii_case(text))
    }

    /// Whether the selector names this rule itself: by its id or by a peer
    /// check id it maps, not through a duty, a service or a glob. Only so is
    /// an opt-in rule enabled.
    pub fn names(&self, rule: &Rule) -> bool {
        let text = self.text.as_str();
        rule.id == text || rule.peers.iter().any(|p| p.id.eq_ignore_ascii_case(text))
    }

    /// As written.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

/// The rules `enable` names (every rule but the opt-in ones when it is
/// empty), less those `disable` names, in the order of
/// [`crate::rules::ALL`]. An opt-in rule ([`Rule::opt_in`]) runs only when
/// a selector [names](Selector::names) it: `enable = ["*", "s3.replication"]`
/// runs the default rules and that one.
pub fn select(enable: &[Selector], disable: &[Selector]) -> Vec<&'static Rule> {
    crate::rules::ALL
        .iter()
        .copied()
        .filter(|r| {
            if r.opt_in() {
                enable.iter().any(|s| s.names(r))
            } else {
                enable.is_empty() || enable.iter().any(|s| s.matches(r))
            }
        })
        .filter(|r| !disable.iter().any(|s| s.matches(r)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(enable: &[&str], disable: &[&str]) -> Vec<&'static str> {
        let enable = Selector::parse_all(enable).unwrap();
        let disable = Selector::parse_all(disable).unwrap();
        select(&enable, &disable).iter().map(|r| r.id).collect()
    }

    #[test]
    fn ids_duties_services_globs_and_peers() {
        assert_eq!(
            ids(&["s3.encryption-at-rest"], &[]),
            ["s3.encryption-at-rest"]
        );
        let logging = ids(&["logging"], &[]);
        assert!(logging.contains(&"s3.access-logging"), "{logging:?}");
        assert!(
            logging
                .iter()
                .all(|id| { crate::rules::by_id(id).is_some_and(|r| r.duty == Duty::Logging) })
        );
        let s3 = ids(&["s3"], &[]);
        assert_eq!(s3, ids(&["s3.*"], &[]));
        assert!(s3.iter().all(|id| id.starts_with("s3.")) && s3.len() > 3);
        // Checkov's S3 access-logging check, in any case.
        let ckv = ids(&["CKV_AWS_18"], &[]);
        assert!(ckv.contains(&"s3.access-logging"), "{ckv:?}");
        assert!(ckv.iter().all(|id| {
            crate::rules::by_id(id).is_some_and(|r| r.peers.iter().any(|p| p.id == "CKV_AWS_18"))
        }));
        assert_eq!(ids(&["ckv_aws_18"], &[]), ckv);
        let without = ids(&[], &["s3.*", "logging"]);
        assert!(!without.iter().any(|id| id.starts_with("s3.")));
        assert!(without.contains(&"rds.encryption-at-rest"));
        assert!(!without.contains(&"vpc.flow-logs"));
    }

    #[test]
    fn opt_in_rules_run_only_when_named() {
        assert!(crate::rules::by_id("s3.replication").is_some_and(Rule::opt_in));
        assert!(!ids(&[], &[]).contains(&"s3.replication"));
        assert!(!ids(&["s3"], &[]).contains(&"s3.replication"));
        assert!(!ids(&["s3.*"], &[]).contains(&"s3.replication"));
        assert!(!ids(&["backups"], &[]).contains(&"s3.replication"));
        let plus = ids(&["*", "s3.replication"], &[]);
        assert!(plus.contains(&"s3.replication") && plus.contains(&"s3.versioning"));
        assert!(!plus.contains(&"s3.object-lock"));
        assert_eq!(ids(&["s3.replication"], &[]), ["s3.replication"]);
        // Named by the Checkov check it maps.
        assert!(ids(&["CKV_AWS_144"], &[]).contains(&"s3.replication"));
        assert!(ids(&["s3.replication"], &["s3.replication"]).is_empty());
    }

    #[test]
    fn opt_in_ids_are_rules() {
        for id in crate::rules::OPT_IN {
            assert!(crate::rules::by_id(id).is_some(), "{id}");
        }
    }

    #[test]
    fn a_name_that_selects_nothing_is_an_error() {
        for bad in ["s4.*", "nope", "CKV_AWS_999999", "s3.[", ""] {
            assert!(Selector::parse(bad).is_err(), "{bad:?}");
        }
    }
}
