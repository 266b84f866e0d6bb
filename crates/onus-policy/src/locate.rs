//! Property paths (`Tags[0].Value`, or `["Tags", 0, "Value"]` from a policy)
//! and the source spans they point at, so a custom verdict is reported at the
//! property that decided it.

use onus_ingest::{Node, Resource, Span, Value};

/// One step of a property path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// `A.B[0].C` → `A`, `B`, `0`, `C`. A leading `Properties` (CloudFormation's
/// section name) is dropped: paths are relative to the properties.
pub fn parse(path: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut key = String::new();
    let flush = |key: &mut String, steps: &mut Vec<Step>| {
        if !key.is_empty() {
            steps.push(Step::Key(std::mem::take(key)));
        }
    };
    let mut chars = path.chars();
    while let Some(c) = chars.next() {
        match c {
            '.' => flush(&mut key, &mut steps),
            '[' => {
                flush(&mut key, &mut steps);
                let mut inside = String::new();
                let (mut quote, mut quoted) = (None, false);
                for c in chars.by_ref() {
                    match (c, quote) {
                        (']', None) => break,
                        ('"' | '\'', None) => (quote, quoted) = (Some(c), true),
                        (c, Some(q)) if c == q => quote = None,
                        (c, _) => inside.push(c),
                    }
                }
                steps.push(match inside.parse() {
                    Ok(i) if !quoted => Step::Index(i),
                    _ => Step::Key(inside),
                });
            }
            c => key.push(c),
        }
    }
    flush(&mut key, &mut steps);
    if steps.first() == Some(&Step::Key("Properties".into())) {
        steps.remove(0);
    }
    steps
}

/// Writes steps back as `A.B[0].C`.
pub fn display(steps: &[Step]) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Key(k) if out.is_empty() => out.push_str(k),
            Step::Key(k) => {
                out.push('.');
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// The nodes along `steps` from `root`, as far as they exist: a key looks
/// through a one-element list (a Terraform block), and the walk stops at a
/// value onus could not resolve.
pub fn walk<'n>(root: &'n Node, steps: &[Step]) -> Vec<&'n Node> {
    let mut found = vec![root];
    let mut node = root;
    for step in steps {
        if matches!(node.value, Value::Unknown(_) | Value::Either(_)) {
            break;
        }
        let next = match step {
            Step::Key(k) => node.single().get(k),
            Step::Index(i) => node.as_list().and_then(|items| items.get(*i)),
        };
        match next {
            Some(n) => {
                node = n;
                found.push(n);
            }
            None => break,
        }
    }
    found
}

/// The node at `path` exactly, if it exists.
pub fn node_at<'n>(root: &'n Node, path: &str) -> Option<&'n Node> {
    let steps = parse(path);
    let nodes = walk(root, &steps);
    (nodes.len() == steps.len() + 1).then(|| nodes[nodes.len() - 1])
}

/// Where a verdict about `steps` points: the deepest property on the path
/// that exists, or the resource's name when none does.
pub fn span(resource: &Resource, steps: &[Step]) -> Span {
    let nodes = walk(&resource.properties, steps);
    match nodes.len() {
        0 | 1 => resource.name_span,
        n => nodes[n - 1].span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_parse_and_print() {
        let steps = parse("Properties.Tags[0].Value");
        assert_eq!(
            steps,
            vec![
                Step::Key("Tags".into()),
                Step::Index(0),
                Step::Key("Value".into())
            ]
        );
        assert_eq!(display(&steps), "Tags[0].Value");
        assert_eq!(
            parse("tags[\"kubernetes.io\"]"),
            vec![Step::Key("tags".into()), Step::Key("kubernetes.io".into())]
        );
    }
}
