//! Nested stacks: an `AWS::CloudFormation::Stack` (or a SAM
//! `AWS::Serverless::Application`) whose template is in the scanned tree is
//! read through its parent, with the `Parameters` the parent passes and the
//! parent's Region, its resources in their own scope (a nested stack sees
//! only what it is passed).
//!
//! The template is found from `TemplateURL` (`Location` for SAM):
//! - a local path (`network.yaml`, `./nested/network.yaml`), as
//!   `aws cloudformation package`, `sam package` and `rain` take it, beside
//!   the parent template;
//! - an S3 URL, often built with `!Sub`: the end of its key (after the last
//!   part that is not static) names a template of the scanned tree, the
//!   longest end first (`templates/network.yaml`, then `network.yaml`, which
//!   must be beside the parent). Quick-start repositories keep
//!   `templates/X.yaml` beside the parent this way.
//!
//! A template reached this way is read only through its parent, not a second
//! time on its own ([`crate::discover`]): standalone it would be read with its
//! parameter defaults, not the values its parent passes, and its findings
//! would be reported twice. A cycle of templates, or nesting deeper than
//! [`MAX_DEPTH`], is an error on the stack resource and stops there.

use crate::model::{Node, Span, Value};
use std::path::{Component, Path, PathBuf};

/// Nested stacks deeper than this are not read (CloudFormation itself allows
/// five levels of nesting in practice; this leaves room, and bounds a loop).
pub const MAX_DEPTH: usize = 8;

/// The CloudFormation templates found in the scan: which S3 `TemplateURL`s
/// are resolved against, and the Region their deployment configuration
/// names ([`crate::deploy`]).
#[derive(Debug, Default, Clone)]
pub struct Templates {
    /// Lexically normalised, sorted.
    paths: Vec<PathBuf>,
    regions: std::collections::HashMap<PathBuf, String>,
    /// The scanned paths (canonical directories): a local `TemplateURL`
    /// outside them is not read. Empty: no bound.
    roots: Vec<PathBuf>,
}

impl Templates {
    /// The templates among `paths` (lexically normalised, sorted, deduplicated).
    pub fn new(paths: impl IntoIterator<Item = PathBuf>) -> Self {
        let mut paths: Vec<PathBuf> = paths.into_iter().map(|p| normalize(&p)).collect();
        paths.sort();
        paths.dedup();
        Templates {
            paths,
            regions: Default::default(),
            roots: Vec::new(),
        }
    }

    /// Bounded to the scanned paths (a file stands for its directory).
    pub fn within(mut self, roots: &[PathBuf]) -> Self {
        self.roots = roots
            .iter()
            .filter_map(|r| {
                let dir = if r.is_file() {
                    r.parent()?
                } else {
                    r.as_path()
                };
                let dir = if dir.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    dir
                };
                dir.canonicalize().ok()
            })
            .collect();
        self
    }

    /// A template named by a relative path from the parent's directory (a
    /// local `TemplateURL`, a CDK asset path), inside the scanned paths.
    pub fn local(&self, parent: &Path, relative: &str) -> Result<PathBuf, String> {
        if Path::new(relative).is_absolute() {
            return Err(format!("{relative} is an absolute path"));
        }
        let dir = parent.parent().unwrap_or(Path::new(""));
        let path = normalize(&dir.join(relative));
        if !path.is_file() {
            return Err(format!("{relative}: no such file beside the template"));
        }
        let inside = self.roots.is_empty()
            || path
                .canonicalize()
                .is_ok_and(|p| self.roots.iter().any(|r| p.starts_with(r)));
        if inside {
            Ok(path)
        } else {
            Err(format!("{relative} is outside the scanned paths: not read"))
        }
    }

    /// With the Region each template deploys to, from the deployment
    /// configuration beside the templates.
    pub fn with_deployment_regions(mut self) -> Self {
        self.regions = crate::deploy::regions(self.paths.iter().map(PathBuf::as_path));
        self
    }

    /// The Region the deployment configuration names for the template.
    pub fn region(&self, template: &Path) -> Option<&str> {
        if self.regions.is_empty() {
            return None;
        }
        self.regions.get(&normalize(template)).map(String::as_str)
    }

    fn contains(&self, path: &Path) -> bool {
        self.paths.binary_search(&normalize(path)).is_ok()
    }

    /// The template a `TemplateURL` (as [`url_text`] gives it) names for a
    /// stack in `parent`, and how it was found; or why none was.
    pub fn resolve(&self, parent: &Path, url: &str) -> Result<(PathBuf, String), String> {
        let dir = parent.parent().unwrap_or(Path::new(""));
        let Some((_, rest)) = url.split_once("://") else {
            if url.contains("${") {
                return Err(format!("TemplateURL {url} is not static"));
            }
            return self
                .local(parent, url)
                .map(|path| (path, format!("TemplateURL is the local path {url}")))
                .map_err(|why| format!("TemplateURL {why}"));
        };
        // The key, or the end of it after the last part that is not static.
        let tail = match rest.rfind('}') {
            Some(at) => &rest[at + 1..],
            None => rest.split_once('/').map_or("", |(_, key)| key),
        };
        let tail = tail.split(['?', '#']).next().unwrap_or_default();
        let parts: Vec<&str> = tail
            .split('/')
            .filter(|p| !p.is_empty() && *p != "." && *p != "..")
            .collect();
        for start in 0..parts.len() {
            let end = &parts[start..];
            let found = if end.len() == 1 {
                let beside = normalize(&dir.join(end[0]));
                self.contains(&beside).then_some(beside)
            } else {
                self.closest(dir, end)
            };
            if let Some(path) = found {
                return Ok((
                    path,
                    format!(
                        "the S3 key of TemplateURL ends in {}, a template of the scanned tree",
                        end.join("/")
                    ),
                ));
            }
        }
        Err(format!(
            "TemplateURL {url} names no template of the scanned tree"
        ))
    }

    /// The template whose path ends in `end`, nearest to `dir`.
    fn closest(&self, dir: &Path, end: &[&str]) -> Option<PathBuf> {
        let dir = normalize(dir);
        let dir: Vec<Component> = dir.components().collect();
        self.paths
            .iter()
            .filter(|p| {
                let names: Vec<&std::ffi::OsStr> = p.iter().collect();
                names.len() >= end.len()
                    && names[names.len() - end.len()..]
                        .iter()
                        .zip(end)
                        .all(|(a, b)| *a == std::ffi::OsStr::new(b))
            })
            .max_by_key(|p| {
                // Most leading components shared with the parent's directory;
                // the first in path order on a tie.
                let shared = p
                    .components()
                    .zip(&dir)
                    .take_while(|(a, b)| a == *b)
                    .count();
                (shared, std::cmp::Reverse(*p))
            })
            .cloned()
    }
}

/// The template a CDK app's nested stack was synthesised to, from the stack
/// resource's `Metadata` (`aws:asset:path`, for `aws:asset:property`
/// `TemplateURL`): its `TemplateURL` names a hashed asset key.
pub fn cdk_asset_path(metadata: Option<&Node>) -> Option<&str> {
    let metadata = metadata?;
    (metadata.get("aws:asset:property")?.as_str()? == "TemplateURL")
        .then(|| metadata.get("aws:asset:path")?.as_str())
        .flatten()
}

/// `TemplateURL` as text: its value when it is static, else as written, with
/// `${...}` for the parts that are not (`Fn::Sub` as is, `Fn::Join` with
/// its non-string parts), so the static end of an S3 key can still name a
/// template. `None` without a `TemplateURL`; an error saying why the
/// template cannot be found otherwise (a SAM application from the Serverless
/// Application Repository, a `!Ref`, a condition).
pub fn url_text(
    evaluated: Option<&Node>,
    raw: Option<&Node>,
) -> Option<Result<(String, Span), String>> {
    if let Some(Node {
        value: Value::String(s),
        span,
    }) = evaluated
    {
        return Some(Ok((s.clone(), *span)));
    }
    let raw = raw?;
    let not_static = || {
        Err(format!(
            "its TemplateURL is not static ({})",
            evaluated.map_or_else(|| "not a string".into(), super::eval::describe)
        ))
    };
    let text = match &raw.value {
        Value::String(s) => s.clone(),
        Value::Map(_) if raw.get("ApplicationId").is_some() => {
            let id = raw
                .get("ApplicationId")
                .and_then(Node::as_str)
                .unwrap_or("an application id that is not static");
            return Some(Err(format!(
                "{id} is an application of the Serverless Application Repository, not in the scanned tree"
            )));
        }
        _ => match super::eval::intrinsic(raw) {
            Some(("Fn::Sub", args)) => match &args.value {
                Value::String(s) => s.clone(),
                Value::List(items) => match items.first().and_then(Node::as_str) {
                    Some(s) => s.to_owned(),
                    None => return Some(not_static()),
                },
                _ => return Some(not_static()),
            },
            Some(("Fn::Join", args)) => match join_text(args) {
                Some(text) => text,
                None => return Some(not_static()),
            },
            _ => return Some(not_static()),
        },
    };
    Some(Ok((text, raw.span)))
}

/// `Fn::Join [sep, [parts]]` with `${?}` for the parts that are not strings.
fn join_text(args: &Node) -> Option<String> {
    let [sep, parts] = args.as_list()? else {
        return None;
    };
    let parts: Vec<String> = parts
        .as_list()?
        .iter()
        .map(|p| p.as_str().map_or_else(|| "${?}".to_owned(), str::to_owned))
        .collect();
    Some(parts.join(sep.as_str()?))
}

/// Removes `.` and resolves `..` lexically.
fn normalize(path: &Path) -> PathBuf {
    crate::terraform::normalize(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s3_keys_name_templates_by_their_longest_end() {
        let templates = Templates::new([
            PathBuf::from("repo/templates/main.yaml"),
            PathBuf::from("repo/templates/network.yaml"),
            PathBuf::from("other/templates/network.yaml"),
            PathBuf::from("repo/submodules/db/templates/db.yaml"),
        ]);
        let parent = Path::new("repo/templates/main.yaml");
        let found = |url: &str| templates.resolve(parent, url).map(|(p, _)| p);
        let network = Ok(PathBuf::from("repo/templates/network.yaml"));
        assert_eq!(
            found(
                "https://${Bucket}.s3.${AWS::Region}.amazonaws.com/${Prefix}templates/network.yaml"
            ),
            network
        );
        assert_eq!(
            found("https://s3.amazonaws.com/bucket/quickstart/templates/network.yaml"),
            network
        );
        assert_eq!(
            found("https://${B}.s3.amazonaws.com/${P}network.yaml"),
            network
        );
        assert_eq!(
            found("https://${B}.s3.amazonaws.com/${P}submodules/db/templates/db.yaml"),
            Ok(PathBuf::from("repo/submodules/db/templates/db.yaml"))
        );
        // A bare file name only beside the parent.
        assert!(found("https://${B}.s3.amazonaws.com/${P}db.yaml").is_err());
        assert!(found("https://b.s3.amazonaws.com/5f2a9c0e.template").is_err());
        assert!(found("${Url}").is_err());
    }
}
