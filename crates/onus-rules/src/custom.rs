//! Rules loaded at run time: the user's own policies (crate `onus-policy`).
//!
//! A built-in rule's check is a `fn`; a policy's check carries its compiled
//! policy, so it cannot be one. A run loads its policies once, before it scans:
//! their rules are built then (and leaked, like every `&'static Rule`) and
//! [`install`]ed here. From then on they are rules like the others:
//! [`crate::rules::all`] and [`crate::rules::by_id`] list them, [`Rule::doc`]
//! prints their description, and the engine asks the set for their verdicts
//! once per resource, next to the built-in rules' (`engine.rs`).

use crate::context::Context;
use crate::rule::Rule;
use crate::verdict::Verdict;
use foldhash::HashSet;
use onus_ingest::Resource;
use std::sync::OnceLock;

/// A set of rules whose checks are evaluated together, one resource at a time.
pub trait CustomRules: Send + Sync {
    /// Every rule of the set.
    fn rules(&self) -> &[&'static Rule];

    /// The user documentation (Markdown) of one of the set's rules.
    fn doc(&self, rule: &Rule) -> Option<&str>;

    /// One verdict per rule of `rules` (some of the set's rules, those that
    /// evaluate `resource`'s type), in the same order. A policy that fails on
    /// this resource gives an unknown verdict saying why, never a panic.
    fn check(&self, rules: &[&'static Rule], resource: &Resource, cx: &Context) -> Vec<Verdict>;
}

struct Installed {
    set: Box<dyn CustomRules>,
    /// The built-in rules, then the set's.
    all: Vec<&'static Rule>,
    ids: HashSet<&'static str>,
}

static INSTALLED: OnceLock<Installed> = OnceLock::new();

/// Makes `set`'s rules part of every scan of this process. Once per process;
/// an id used twice, or by a built-in rule, is refused (the loader reports
/// those with their file and line first; this is the last guard).
pub fn install(set: Box<dyn CustomRules>) -> Result<(), String> {
    let mut ids: HashSet<&'static str> = HashSet::default();
    for rule in set.rules() {
        if crate::rules::ALL.iter().any(|r| r.id == rule.id) || !ids.insert(rule.id) {
            return Err(format!("rule id {:?} is used twice", rule.id));
        }
    }
    let mut all = crate::rules::ALL.to_vec();
    all.extend_from_slice(set.rules());
    INSTALLED
        .set(Installed { set, all, ids })
        .map_err(|_| "custom rules are already installed".to_owned())
}

/// The installed set, if any.
pub fn installed() -> Option<&'static dyn CustomRules> {
    INSTALLED.get().map(|i| &*i.set)
}

/// True when `rule` belongs to the installed set.
pub fn is_custom(rule: &Rule) -> bool {
    INSTALLED.get().is_some_and(|i| i.ids.contains(rule.id))
}

/// The built-in rules and the installed ones.
pub(crate) fn all() -> Option<&'static [&'static Rule]> {
    INSTALLED.get().map(|i| i.all.as_slice())
}

/// An installed rule's documentation.
pub(crate) fn doc(rule: &Rule) -> Option<&'static str> {
    let installed = INSTALLED.get()?;
    if !installed.ids.contains(rule.id) {
        return None;
    }
    installed.set.doc(rule)
}

/// The `check` of a rule built at run time: never called by the engine, which
/// asks the rule's set instead (`CustomRules::check`). Reached only when such
/// a rule is run without its set installed.
pub fn uninstalled(resource: &Resource, _cx: &Context) -> Verdict {
    Verdict::unknown(
        resource,
        resource.name_span,
        "",
        "a custom policy run without its policy set",
    )
}
