//! `onus.toml`: project settings, found by walking up from the scanned path or
//! given with `--config`. Unknown keys are errors.

use crate::suppress::ConfigSuppression;
use onus_rules::select::Selector;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The name of the project settings file looked for by [`discover`].
pub const FILE_NAME: &str = "onus.toml";

/// The settings of `onus.toml`, as written (command-line flags override them in
/// the CLI).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `critical`, `high`, `medium` or `low` (the `--fail-on` default).
    pub fail_on: Option<String>,
    /// Only these rules run (rule ids, duties, services, globs over rule
    /// ids, peer check ids: [`onus_rules::select`]); empty: all but the
    /// opt-in rules, which run only when named by id or peer check id.
    #[serde(default)]
    pub enable: Vec<String>,
    /// These rules do not run (named as in `enable`).
    #[serde(default)]
    pub disable: Vec<String>,
    /// Regions data may live in.
    #[serde(default)]
    pub allowed_regions: Vec<String>,
    /// Globs of paths to leave out.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// CloudFormation parameter values (`--param` overrides them).
    #[serde(default)]
    pub params: BTreeMap<String, String>,
    /// Where the rule docs are published for your users (SARIF `helpUri`):
    /// `{id}` is replaced by the rule id, else the id is appended.
    pub rules_url: Option<String>,
    /// Accepted findings.
    #[serde(default)]
    pub suppress: Vec<ConfigSuppression>,
}

/// Errors reading a config file; the message names the file, and the key for
/// unknown keys.
#[derive(Debug)]
pub struct ConfigError(pub String);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Parses and validates the text of a config file; `path` names it in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let config: Config = toml::from_str(text)
            .map_err(|e| ConfigError(format!("{}: {}", path.display(), e.to_string().trim())))?;
        config.validate(path)?;
        Ok(config)
    }

    /// Reads, parses and validates the config file at `path`.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| ConfigError(format!("{}: {e}", path.display())))?;
        Config::parse(&text, path)
    }

    fn validate(&self, path: &Path) -> Result<(), ConfigError> {
        let err = |m: String| Err(ConfigError(format!("{}: {m}", path.display())));
        if let Some(f) = &self.fail_on
            && onus_rules::Severity::parse(f).is_none()
        {
            return err(format!(
                "fail_on: expected critical, high, medium or low, got {f:?}"
            ));
        }
        if let Some(url) = &self.rules_url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            return err(format!(
                "rules_url: expected an http:// or https:// URL, got {url:?}"
            ));
        }
        for (key, list) in [("enable", &self.enable), ("disable", &self.disable)] {
            if let Err(e) = Selector::parse_all(list) {
                return err(format!("{key}: {e}"));
            }
        }
        Ok(())
    }

    /// The rules to run: `enable` (when given) minus `disable`.
    pub fn rules(&self) -> Result<Vec<&'static onus_rules::Rule>, String> {
        self.rules_with(None, None)
    }

    /// The rules to run, with the command line's `--rule` and `--skip-rule`
    /// lists (when given) in place of `enable` and `disable`. An error names
    /// a selector that names no rule.
    pub fn rules_with(
        &self,
        enable: Option<&[String]>,
        disable: Option<&[String]>,
    ) -> Result<Vec<&'static onus_rules::Rule>, String> {
        let enable = Selector::parse_all(enable.unwrap_or(&self.enable))?;
        let disable = Selector::parse_all(disable.unwrap_or(&self.disable))?;
        Ok(onus_rules::select::select(&enable, &disable))
    }
}

/// The nearest `onus.toml` in `start` (a file's directory, or a directory) or
/// its parents.
pub fn discover(start: &Path) -> Option<PathBuf> {
    let start = std::fs::canonicalize(start).unwrap_or_else(|_| start.to_path_buf());
    let mut dir = if start.is_dir() {
        Some(start.as_path())
    } else {
        start.parent()
    };
    while let Some(d) = dir {
        let candidate = d.join(FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        dir = d.parent();
    }
    None
}

/// What `onus init` writes: every key, commented.
pub const TEMPLATE: &str = r#"# onus configuration. onus finds this file by walking up from the scanned path;
# `onus scan --config FILE` names another. Unknown keys are errors.

# Exit 1 when a duty is not met by a rule of this severity or higher
# (critical, high, medium, low). `--fail-on` overrides it.
# fail_on = "low"

# Run only these rules: rule ids ("s3.encryption-at-rest"), duties ("logging"),
# services ("s3"), globs over rule ids ("s3.*"), or peer check ids ("CKV_AWS_18").
# Empty: every rule but the opt-in ones (`onus rules` marks them), which run
# only when named by id: enable = ["*", "s3.replication"] adds one to the
# default rules. `--rule` replaces this list.
# enable = []

# Never run these rules (named as in enable). `--skip-rule` replaces this list.
# disable = []

# Regions your data may live in; resources elsewhere fail data-residency.
# allowed_regions = ["eu-west-1", "eu-central-1"]

# Paths to leave out (globs, like --exclude).
# exclude = ["test/**"]

# Where your copy of the rule docs lives (`onus rules ID` prints one): SARIF
# rules link there (helpUri); `{id}` becomes the rule id, else it is appended.
# Without it, SARIF carries each rule's full documentation and no link.
# rules_url = "https://wiki.example.com/onus/rules/{id}"

# CloudFormation parameter values (`--param KEY=VALUE` overrides them).
# [params]
# Environment = "prod"

# Accepted findings. Each needs a reason; `until` makes it expire (the finding
# then counts again). `path` is a glob over the reported file path, `resource`
# a CloudFormation logical id or Terraform address; leave either out to match all.
# [[suppress]]
# rule = "s3.encryption-at-rest"
# path = "legacy/**"
# resource = "OldBucket"
# reason = "Bucket is being retired, see TICKET-123"
# until = "2027-06-30"
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_parses_and_is_empty() {
        let c = Config::parse(TEMPLATE, Path::new("onus.toml")).unwrap();
        assert_eq!(c, Config::default());
        let uncommented: String = TEMPLATE
            .lines()
            .map(|l| l.strip_prefix("# ").unwrap_or(l))
            .filter(|l| {
                l.starts_with('[')
                    || l.split_once(" = ").is_some_and(|(k, _)| {
                        !k.contains(' ') && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    })
            })
            .collect::<Vec<_>>()
            .join("\n");
        let c = Config::parse(&uncommented, Path::new("onus.toml")).unwrap();
        assert_eq!(c.suppress.len(), 1);
        assert_eq!(
            c.params.get("Environment").map(String::as_str),
            Some("prod")
        );
        assert_eq!(c.allowed_regions.len(), 2);
    }

    #[test]
    fn unknown_keys_are_named() {
        let e = Config::parse("fail_onn = \"high\"\n", Path::new("x/onus.toml")).unwrap_err();
        assert!(e.0.contains("fail_onn"), "{e}");
        assert!(e.0.contains("x/onus.toml"), "{e}");
        let e = Config::parse(
            "[[suppress]]\nrule = \"a\"\nreson = \"typo\"\n",
            Path::new("onus.toml"),
        )
        .unwrap_err();
        assert!(e.0.contains("reson"), "{e}");
    }

    #[test]
    fn bad_values_are_errors() {
        assert!(Config::parse("fail_on = \"severe\"", Path::new("c")).is_err());
        assert!(Config::parse("disable = [\"nope\"]", Path::new("c")).is_err());
        let c = Config::parse("disable = [\"encryption-at-rest\"]", Path::new("c")).unwrap();
        assert!(
            c.rules()
                .unwrap()
                .iter()
                .all(|r| r.duty != onus_model::Duty::EncryptionAtRest)
        );
    }
}
