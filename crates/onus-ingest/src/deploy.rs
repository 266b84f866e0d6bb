//! Deployment configuration beside templates: the Region a stack deploys to,
//! which a template never names itself.
//!
//! - A CDK cloud assembly (`cdk.out`): `manifest.json` lists each stack's
//!   template and its `environment` (`aws://ACCOUNT/REGION`); its assets
//!   (`asset.*`: Lambda bundles, Docker contexts, files) are not
//!   infrastructure code and are not read.
//! - SAM CLI's `samconfig.toml` (or `.yaml`, `.yml`) beside a template:
//!   `region` under `[default.deploy.parameters]`, else
//!   `[default.global.parameters]`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The name of a CDK cloud assembly's manifest.
pub const CDK_MANIFEST: &str = "manifest.json";

/// A stack of a CDK cloud assembly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CdkStack {
    /// The stack's template file, from the manifest's `templateFile`.
    pub template: PathBuf,
    /// `None` for an environment-agnostic stack (`unknown-region`).
    pub region: Option<String>,
}

/// The stacks a `manifest.json` lists, when it is a CDK cloud assembly's.
pub fn cdk_stacks(manifest: &Path) -> Option<Vec<CdkStack>> {
    let text = std::fs::read_to_string(manifest).ok()?;
    if !text.contains("aws:cloudformation:stack") {
        return None;
    }
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    let dir = manifest.parent().unwrap_or(Path::new(""));
    let stacks = json
        .get("artifacts")?
        .as_object()?
        .values()
        .filter(|a| a.get("type").and_then(|t| t.as_str()) == Some("aws:cloudformation:stack"))
        .filter_map(|a| {
            let file = a.pointer("/properties/templateFile")?.as_str()?;
            let region = a
                .get("environment")
                .and_then(|e| e.as_str())
                .and_then(|e| e.strip_prefix("aws://"))
                .and_then(|e| e.split_once('/'))
                .map(|(_, region)| region)
                .filter(|r| !r.is_empty() && !r.starts_with("unknown-"))
                .map(str::to_owned);
            Some(CdkStack {
                template: dir.join(file),
                region,
            })
        })
        .collect();
    Some(stacks)
}

/// A directory a CDK cloud assembly keeps an asset in (`cdk.out/asset.*`).
pub fn is_cdk_asset_dir(dir: &Path) -> bool {
    dir.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with("asset."))
        && dir.parent().is_some_and(|p| p.join(CDK_MANIFEST).is_file())
}

/// The Region `samconfig.toml` (`.yaml`, `.yml`) in `dir` deploys to, and
/// the file that says so.
pub fn samconfig_region(dir: &Path) -> Option<(String, PathBuf)> {
    for name in ["samconfig.toml", "samconfig.yaml", "samconfig.yml"] {
        let path = dir.join(name);
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let region = if name.ends_with(".toml") {
            let config: toml::Table = toml::from_str(&text).ok()?;
            let default = config.get("default")?;
            ["deploy", "global"].iter().find_map(|command| {
                default
                    .get(command)?
                    .get("parameters")?
                    .get("region")?
                    .as_str()
                    .map(str::to_owned)
            })
        } else {
            let root = crate::cfn::yaml::load(&text).root?;
            ["deploy", "global"].iter().find_map(|command| {
                root.path(["default", command, "parameters", "region"])?
                    .as_str()
                    .map(str::to_owned)
            })
        };
        return region.filter(|r| !r.is_empty()).map(|r| (r, path));
    }
    None
}

/// The Region each template deploys to, by its (normalised) path, as the
/// deployment configuration in its directory says: a CDK manifest listing
/// it, else a `samconfig`.
pub fn regions<'a>(templates: impl Iterator<Item = &'a Path>) -> HashMap<PathBuf, String> {
    let normalize = crate::terraform::normalize;
    let templates: Vec<PathBuf> = templates.map(normalize).collect();
    let mut dirs: Vec<PathBuf> = templates
        .iter()
        .map(|t| t.parent().map(Path::to_path_buf).unwrap_or_default())
        .collect();
    dirs.sort();
    dirs.dedup();
    let mut regions: HashMap<PathBuf, String> = HashMap::new();
    let mut samconfig: HashMap<&Path, String> = HashMap::new();
    for dir in &dirs {
        let manifest = dir.join(CDK_MANIFEST);
        for stack in cdk_stacks(&manifest).unwrap_or_default() {
            if let Some(region) = stack.region {
                regions.insert(normalize(&stack.template), region);
            }
        }
        if let Some((region, _)) = samconfig_region(dir) {
            samconfig.insert(dir, region);
        }
    }
    for template in templates {
        let dir = template.parent().unwrap_or(Path::new(""));
        if let Some(region) = samconfig.get(dir)
            && !regions.contains_key(&template)
        {
            regions.insert(template.clone(), region.clone());
        }
    }
    regions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samconfig_names_the_deploy_region() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("samconfig.toml"),
            "version = 0.1\n[default.global.parameters]\nregion = \"us-east-1\"\n[default.deploy.parameters]\nstack_name = \"app\"\nregion = \"eu-central-1\"\n",
        )
        .unwrap();
        assert_eq!(
            samconfig_region(dir.path()).map(|(r, _)| r).as_deref(),
            Some("eu-central-1")
        );
        std::fs::remove_file(dir.path().join("samconfig.toml")).unwrap();
        std::fs::write(
            dir.path().join("samconfig.yaml"),
            "version: 0.1\ndefault:\n  global:\n    parameters:\n      region: ap-southeast-2\n",
        )
        .unwrap();
        assert_eq!(
            samconfig_region(dir.path()).map(|(r, _)| r).as_deref(),
            Some("ap-southeast-2")
        );
    }
}
