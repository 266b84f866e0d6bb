//! The Terraform built-in functions we evaluate. Anything else is Unknown
//! naming the function.

use super::eval::{
    Eval, first_unknown, from_json, is_static, span_of, to_json, unknown, values_equal,
};
use crate::model::{Entry, Node, Span, Value};
use hcl_edit::Span as _;
use hcl_edit::expr::Expression;

fn s(v: impl Into<String>, span: Span) -> Node {
    Node::new(Value::String(v.into()), span)
}
fn n(v: f64, span: Span) -> Node {
    Node::new(Value::Number(v), span)
}
fn b(v: bool, span: Span) -> Node {
    Node::new(Value::Bool(v), span)
}

/// Keys that are strings in a set/list used like a set.
fn distinct_nodes(items: Vec<Node>) -> Vec<Node> {
    let mut out: Vec<Node> = Vec::new();
    for i in items {
        if !out.iter().any(|o| values_equal(o, &i)) {
            out.push(i);
        }
    }
    out
}

pub fn call(ev: &Eval, name: &str, args: &[&Expression], expand_final: bool, span: Span) -> Node {
    // Functions that must not evaluate all arguments eagerly.
    match name {
        "try" => {
            for a in args {
                let v = ev.eval(a);
                match &v.value {
                    Value::Unknown(w) if is_failure(w) => continue,
                    _ => return Node::new(v.value, span),
                }
            }
            return unknown("try(): no argument succeeded", span);
        }
        "can" => {
            let Some(a) = args.first() else {
                return unknown("can() without argument", span);
            };
            let v = ev.eval(a);
            return match &v.value {
                Value::Unknown(w) if is_failure(w) => b(false, span),
                _ if is_static(&v) => b(true, span),
                _ => ev.not_static("can() of", &v, span),
            };
        }
        _ => {}
    }
    let mut vals: Vec<Node> = args.iter().map(|a| ev.eval(a)).collect();
    if expand_final && let Some(last) = vals.pop() {
        match last.value {
            Value::List(items) => vals.extend(items),
            _ => return ev.not_static(&format!("{name}(…) expanding"), &last, span),
        }
    }
    let str_arg = |i: usize| vals.get(i).and_then(|v| v.scalar_text());
    let num_arg = |i: usize| vals.get(i).and_then(|v| v.as_f64());
    // Any argument that is not static: the result is not either (except for
    // functions that pass values through).
    let passthrough = matches!(
        name,
        "merge"
            | "concat"
            | "lookup"
            | "coalesce"
            | "tolist"
            | "toset"
            | "tomap"
            | "element"
            | "flatten"
            | "compact"
            | "values"
            | "length"
            | "jsonencode"
            | "distinct"
    );
    if !passthrough && let Some(bad) = vals.iter().find(|v| !is_static(v)) {
        return ev.not_static(&format!("{name}() of"), bad, span);
    }
    let out: Option<Node> = (|| {
        Some(match name {
            "jsonencode" => {
                let v = vals.first()?;
                match to_json(v) {
                    Some(j) => s(serde_json::to_string(&j).ok()?, span),
                    None => return Some(ev.not_static("jsonencode() of", v, span)),
                }
            }
            "jsondecode" => {
                let j: serde_json::Value = serde_json::from_str(&str_arg(0)?).ok()?;
                from_json(&j, span)
            }
            "merge" => {
                let mut entries: Vec<Entry> = Vec::new();
                for v in &vals {
                    match &v.value {
                        Value::Map(es) => {
                            for e in es {
                                entries.retain(|x| x.key != e.key);
                                entries.push(e.clone());
                            }
                        }
                        Value::Null => {}
                        _ => return Some(ev.not_static("merge() of", v, span)),
                    }
                }
                Node::new(Value::Map(entries), span)
            }
            "concat" => {
                let mut out = Vec::new();
                for v in &vals {
                    match &v.value {
                        Value::List(items) => out.extend(items.iter().cloned()),
                        _ => return Some(ev.not_static("concat() of", v, span)),
                    }
                }
                Node::new(Value::List(out), span)
            }
            "flatten" => {
                fn flat(v: &Node, out: &mut Vec<Node>) -> bool {
                    match &v.value {
                        Value::List(items) => items.iter().all(|i| flat(i, out)),
                        Value::Unknown(_) | Value::Either(_) => false,
                        _ => {
                            out.push(v.clone());
                            true
                        }
                    }
                }
                let mut out = Vec::new();
                let v = vals.first()?;
                if !flat(v, &mut out) {
                    return Some(ev.not_static("flatten() of", v, span));
                }
                Node::new(Value::List(out), span)
            }
            "lookup" => {
                let m = vals.first()?;
                let k = str_arg(1);
                match (&m.value, k) {
                    (Value::Map(_), Some(k)) => match m.get(&k) {
                        Some(v) => v.clone(),
                        None => match vals.get(2) {
                            Some(d) => d.clone(),
                            None => unknown(format!("lookup(): key {k} not in map"), span),
                        },
                    },
                    _ => {
                        let bad = if matches!(m.value, Value::Map(_)) {
                            vals.get(1)?
                        } else {
                            m
                        };
                        ev.not_static("lookup() of", bad, span)
                    }
                }
            }
            "coalesce" => {
                for v in &vals {
                    match &v.value {
                        Value::Null => continue,
                        Value::String(s) if s.is_empty() => continue,
                        _ if is_static(v) => return Some(v.clone()),
                        _ => return Some(ev.not_static("coalesce() of", v, span)),
                    }
                }
                unknown("coalesce(): no non-null argument", span)
            }
            "tolist" | "toset" | "tomap" => {
                let v = vals.first()?.clone();
                match (&v.value, name) {
                    (Value::List(items), "toset") => {
                        Node::new(Value::List(distinct_nodes(items.clone())), v.span)
                    }
                    (Value::List(_), "tolist") | (Value::Map(_), "tomap") | (Value::Null, _) => v,
                    _ => ev.not_static(&format!("{name}() of"), &v, span),
                }
            }
            "distinct" => match &vals.first()?.value {
                Value::List(items) if items.iter().all(is_static) => {
                    Node::new(Value::List(distinct_nodes(items.clone())), span)
                }
                _ => ev.not_static("distinct() of", vals.first()?, span),
            },
            "compact" => match &vals.first()?.value {
                Value::List(items) => {
                    if let Some(bad) = items.iter().find(|i| !is_static(i)) {
                        return Some(ev.not_static("compact() of", bad, span));
                    }
                    Node::new(
                        Value::List(
                            items
                                .iter()
                                .filter(|i| {
                                    !matches!(&i.value, Value::Null) && i.as_str() != Some("")
                                })
                                .cloned()
                                .collect(),
                        ),
                        span,
                    )
                }
                _ => ev.not_static("compact() of", vals.first()?, span),
            },
            "element" => {
                let l = vals.first()?;
                match (&l.value, vals.get(1).and_then(|i| i.as_i64())) {
                    (Value::List(items), Some(i)) if !items.is_empty() => {
                        let idx = i.rem_euclid(items.len() as i64) as usize;
                        items.get(idx)?.clone()
                    }
                    _ => ev.not_static(
                        "element() of",
                        if matches!(l.value, Value::List(_)) {
                            vals.get(1)?
                        } else {
                            l
                        },
                        span,
                    ),
                }
            }
            "length" => {
                let v = vals.first()?;
                match &v.value {
                    Value::List(items) => n(items.len() as f64, span),
                    Value::Map(es) => n(es.len() as f64, span),
                    Value::String(st) => n(st.chars().count() as f64, span),
                    _ => ev.not_static("length() of", v, span),
                }
            }
            "values" => match &vals.first()?.value {
                Value::Map(es) => {
                    let mut es = es.clone();
                    es.sort_by(|a, b| a.key.cmp(&b.key));
                    Node::new(Value::List(es.into_iter().map(|e| e.node).collect()), span)
                }
                _ => ev.not_static("values() of", vals.first()?, span),
            },
            "keys" => match &vals.first()?.value {
                Value::Map(es) => {
                    let mut ks: Vec<Node> =
                        es.iter().map(|e| s(e.key.clone(), e.key_span)).collect();
                    ks.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
                    Node::new(Value::List(ks), span)
                }
                _ => return None,
            },
            "contains" => match &vals.first()?.value {
                Value::List(items) => {
                    let x = vals.get(1)?;
                    b(items.iter().any(|i| values_equal(i, x)), span)
                }
                _ => return None,
            },
            "format" => format(&str_arg(0)?, &vals[1..], span)?,
            "join" => match &vals.get(1)?.value {
                Value::List(items) => {
                    let parts: Option<Vec<String>> =
                        items.iter().map(|i| i.scalar_text()).collect();
                    s(parts?.join(&str_arg(0)?), span)
                }
                _ => return None,
            },
            "split" => {
                let sep = str_arg(0)?;
                let text = str_arg(1)?;
                if sep.is_empty() {
                    return None;
                }
                Node::new(
                    Value::List(text.split(sep.as_str()).map(|p| s(p, span)).collect()),
                    span,
                )
            }
            "lower" => s(str_arg(0)?.to_lowercase(), span),
            "basename" => {
                let p = str_arg(0)?;
                s(
                    p.trim_end_matches('/').rsplit('/').next().unwrap_or(""),
                    span,
                )
            }
            "dirname" => {
                let p = str_arg(0)?;
                s(
                    p.rsplit_once('/')
                        .map(|(d, _)| if d.is_empty() { "/" } else { d })
                        .unwrap_or("."),
                    span,
                )
            }
            "trimprefix" => {
                let (t, p) = (str_arg(0)?, str_arg(1)?);
                s(t.strip_prefix(p.as_str()).unwrap_or(&t), span)
            }
            "trimsuffix" => {
                let (t, p) = (str_arg(0)?, str_arg(1)?);
                s(t.strip_suffix(p.as_str()).unwrap_or(&t), span)
            }
            "title" => {
                let mut out = String::new();
                let mut start = true;
                for c in str_arg(0)?.chars() {
                    if start && c.is_alphabetic() {
                        out.extend(c.to_uppercase());
                    } else {
                        out.push(c);
                    }
                    start = !c.is_alphanumeric();
                }
                s(out, span)
            }
            "base64encode" => s(base64(str_arg(0)?.as_bytes()), span),
            "slice" => match &vals.first()?.value {
                Value::List(items) => {
                    let (a, z) = (vals.get(1)?.as_i64()?, vals.get(2)?.as_i64()?);
                    let (a, z) = (usize::try_from(a).ok()?, usize::try_from(z).ok()?);
                    if a > z || z > items.len() {
                        return None;
                    }
                    Node::new(Value::List(items[a..z].to_vec()), span)
                }
                _ => return None,
            },
            "coalescelist" => {
                for v in &vals {
                    match &v.value {
                        Value::List(items) if items.is_empty() => continue,
                        Value::List(_) => return Some(v.clone()),
                        _ => return Some(ev.not_static("coalescelist() of", v, span)),
                    }
                }
                unknown("coalescelist(): all lists empty", span)
            }
            "upper" => s(str_arg(0)?.to_uppercase(), span),
            "trimspace" => s(str_arg(0)?.trim(), span),
            "replace" => {
                let (t, from, to) = (str_arg(0)?, str_arg(1)?, str_arg(2)?);
                if from.len() > 2 && from.starts_with('/') && from.ends_with('/') {
                    return Some(unknown("replace() with a regular expression", span));
                }
                s(t.replace(from.as_str(), &to), span)
            }
            "startswith" => b(str_arg(0)?.starts_with(str_arg(1)?.as_str()), span),
            "endswith" => b(str_arg(0)?.ends_with(str_arg(1)?.as_str()), span),
            "substr" => {
                let t: Vec<char> = str_arg(0)?.chars().collect();
                let off = num_arg(1)? as i64;
                let len = num_arg(2)? as i64;
                let start = if off < 0 {
                    (t.len() as i64 + off).max(0)
                } else {
                    off.min(t.len() as i64)
                } as usize;
                let end = if len < 0 {
                    t.len()
                } else {
                    start.saturating_add(len as usize).min(t.len())
                };
                s(t[start..end].iter().collect::<String>(), span)
            }
            "tostring" => match &vals.first()?.value {
                Value::Null => Node::new(Value::Null, span),
                _ => s(str_arg(0)?, span),
            },
            "tonumber" => match &vals.first()?.value {
                Value::Null => Node::new(Value::Null, span),
                _ => n(vals.first()?.as_f64()?, span),
            },
            "tobool" => b(vals.first()?.as_bool()?, span),
            "max" | "min" => {
                let nums: Option<Vec<f64>> = vals.iter().map(|v| v.as_f64()).collect();
                let nums = nums?;
                let first = *nums.first()?;
                let r = nums.iter().fold(
                    first,
                    |a, &x| if name == "max" { a.max(x) } else { a.min(x) },
                );
                n(r, span)
            }
            "range" => {
                let (start, end, step) = match vals.len() {
                    1 => (0.0, num_arg(0)?, 1.0),
                    2 => (num_arg(0)?, num_arg(1)?, 1.0),
                    _ => (num_arg(0)?, num_arg(1)?, num_arg(2)?),
                };
                if step == 0.0 || ((end - start) / step) > 1024.0 {
                    return None;
                }
                let mut out = Vec::new();
                let mut x = start;
                while (step > 0.0 && x < end) || (step < 0.0 && x > end) {
                    out.push(n(x, span));
                    x += step;
                }
                Node::new(Value::List(out), span)
            }
            "sum" => match &vals.first()?.value {
                Value::List(items) => {
                    let nums: Option<Vec<f64>> = items.iter().map(|i| i.as_f64()).collect();
                    n(nums?.iter().sum(), span)
                }
                _ => return None,
            },
            "abs" => n(num_arg(0)?.abs(), span),
            "ceil" => n(num_arg(0)?.ceil(), span),
            "floor" => n(num_arg(0)?.floor(), span),
            "cidrsubnet" => s(
                cidrsubnet(&str_arg(0)?, num_arg(1)? as u32, num_arg(2)? as u64)?,
                span,
            ),
            "file" | "templatefile" => return Some(read_file(ev, name, &vals, args, span)),
            _ => return Some(unknown(format!("{name}() is not evaluated"), span)),
        })
    })();
    out.unwrap_or_else(|| unknown(format!("{name}() with arguments it cannot take"), span))
}

/// Unknowns that are evaluation errors in Terraform (what `try`/`can` catch),
/// as opposed to values not known statically.
fn is_failure(why: &str) -> bool {
    why.contains("out of range")
        || why.contains("not in map")
        || why.ends_with("is not set")
        || why.contains("with arguments it cannot take")
}

fn format(spec: &str, args: &[Node], span: Span) -> Option<Node> {
    let mut out = String::new();
    let mut chars = spec.chars().peekable();
    let mut i = 0;
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        // Flags and width are not supported beyond the plain verbs.
        let verb = chars.next()?;
        match verb {
            '%' => out.push('%'),
            's' | 'v' | 'd' | 'q' | 't' => {
                let a = args.get(i)?;
                i += 1;
                let t = a.scalar_text()?;
                if verb == 'q' {
                    out.push_str(&format!("{t:?}"));
                } else {
                    out.push_str(&t);
                }
            }
            _ => return None,
        }
    }
    Some(s(out, span))
}

fn cidrsubnet(prefix: &str, newbits: u32, netnum: u64) -> Option<String> {
    let (addr, len) = prefix.split_once('/')?;
    let len: u32 = len.parse().ok()?;
    let ip: std::net::Ipv4Addr = addr.parse().ok()?;
    let new_len = len.checked_add(newbits)?;
    if new_len > 32 || (newbits < 64 && netnum >= (1u64 << newbits)) {
        return None;
    }
    let base = u32::from(ip) & if len == 0 { 0 } else { u32::MAX << (32 - len) };
    let shift = 32 - new_len;
    let net = base | ((netnum as u32).checked_shl(shift).unwrap_or(0));
    Some(format!("{}/{}", std::net::Ipv4Addr::from(net), new_len))
}

/// `file()` and `templatefile()`, reading only below the scan root.
fn read_file(ev: &Eval, name: &str, vals: &[Node], args: &[&Expression], span: Span) -> Node {
    let Some(p) = vals.first().and_then(|v| v.scalar_text()) else {
        return unknown(format!("{name}() of a path that is not known"), span);
    };
    let scope = ev.scope;
    let full = scope.root_dir.join(&p);
    let refuse = |why: String| {
        scope.warnings.borrow_mut().push((span, why.clone()));
        unknown(why, span)
    };
    let (Ok(canon), Ok(root)) = (full.canonicalize(), scope.root_dir.canonicalize()) else {
        return refuse(format!("{name}(\"{p}\"): file not found"));
    };
    if !canon.starts_with(&root) {
        return refuse(format!(
            "{name}(\"{p}\"): outside the scanned module, not read"
        ));
    }
    // Bounded like every input file (the default file size limit).
    let Some(text) = crate::read_limited(&canon, &crate::Limits::default())
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
    else {
        return refuse(format!("{name}(\"{p}\"): cannot be read"));
    };
    if name == "file" {
        return s(text, span);
    }
    let Ok(tpl) = hcl_edit::parser::parse_template(&text) else {
        return refuse(format!("templatefile(\"{p}\"): not a valid template"));
    };
    let mut bindings = Vec::new();
    match vals.get(1).map(|v| &v.value) {
        Some(Value::Map(es)) => {
            for e in es {
                bindings.push((e.key.clone(), e.node.clone()));
            }
        }
        Some(_) => {
            let why = vals.get(1).and_then(first_unknown).unwrap_or_default();
            return unknown(format!("templatefile() with variables {why}"), span);
        }
        None => {}
    }
    let inner = Eval::with_bindings(scope, bindings);
    let _ = args.first().map(|a| span_of(a.span()));
    let wrapped = Expression::StringTemplate(hcl_edit::template::StringTemplate::from(tpl));
    let out = inner.eval(&wrapped);
    ev.refs.borrow_mut().extend(inner.refs.into_inner());
    Node::new(out.value, span)
}

fn base64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(T[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}
