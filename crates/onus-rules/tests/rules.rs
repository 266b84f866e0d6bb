//! Every rule's documented examples are run: the verdict each example states
//! must be the verdict onus gives, resource by resource. Plus the registry's
//! invariants (ids, docs, types known to the catalog).

use onus_ingest::{Options, ingest};
use onus_model::Catalog;
use onus_rules::engine::scan_with;
use onus_rules::rules::ALL;
use onus_rules::{Rule, Settings, Status};
use std::collections::HashSet;

/// A fenced example in a rule's doc: ```` ```hcl fail ```` or
/// ```` ```yaml Bucket=met Logs=not-met allowed-regions=eu-west-1 ````.
struct Example {
    lang: String,
    /// Expected status of every applicable resource, or per resource id.
    all: Option<Status>,
    by_id: Vec<(String, Status)>,
    allowed_regions: Option<Vec<String>>,
    /// `region=...`: the `--region` a CloudFormation example is scanned with.
    region: Option<String>,
    text: String,
}

fn examples(rule: &Rule) -> Vec<Example> {
    let mut out = Vec::new();
    let mut lines = rule.doc().lines();
    while let Some(line) = lines.next() {
        let Some(info) = line.trim().strip_prefix("```") else {
            continue;
        };
        let mut words = info.split_whitespace();
        let Some(lang) = words.next() else { continue };
        if !matches!(lang, "yaml" | "json" | "hcl") {
            continue;
        }
        let mut example = Example {
            lang: lang.to_owned(),
            all: None,
            by_id: Vec::new(),
            allowed_regions: None,
            region: None,
            text: String::new(),
        };
        for word in words {
            match word {
                "pass" => example.all = Some(Status::Met),
                "fail" => example.all = Some(Status::NotMet),
                other if Status::parse(other).is_some() => example.all = Status::parse(other),
                other => {
                    let (key, value) = other
                        .split_once('=')
                        .unwrap_or_else(|| panic!("{}: bad example word {other:?}", rule.id));
                    if key == "region" {
                        example.region = Some(value.to_owned());
                    } else if key == "allowed-regions" {
                        example.allowed_regions =
                            Some(value.split(',').map(str::to_owned).collect());
                    } else if let Some(status) = Status::parse(value) {
                        example.by_id.push((key.to_owned(), status));
                    } else if key == "all" || key == "expect" {
                        example.all = Status::parse(value);
                    } else {
                        panic!("{}: bad example word {other:?}", rule.id);
                    }
                }
            }
        }
        for body in lines.by_ref() {
            if body.trim_start().starts_with("```") {
                break;
            }
            example.text.push_str(body);
            example.text.push('\n');
        }
        out.push(example);
    }
    out
}

fn run(rule: &'static Rule, example: &Example) -> Vec<(String, Status, String)> {
    let dir = tempfile::tempdir().expect("temp dir");
    let name = match example.lang.as_str() {
        "yaml" => "template.yaml",
        "json" => "template.json",
        _ => "main.tf",
    };
    std::fs::write(dir.path().join(name), &example.text).expect("write example");
    let options = Options {
        region: example.region.clone(),
        ..Options::default()
    };
    let workload = ingest(&[dir.path().to_path_buf()], &options);
    assert!(
        !workload.incomplete(),
        "{}: example did not parse: {:?}\n{}",
        rule.id,
        workload.diagnostics,
        example.text
    );
    let settings = Settings {
        allowed_regions: example.allowed_regions.clone(),
    };
    let result = scan_with(&workload, &settings, &[rule]);
    let mut out = Vec::new();
    for report in &result.resources {
        let resource = &workload.resources[report.resource];
        for row in &report.duties {
            for v in &row.verdicts {
                out.push((
                    resource.id.clone(),
                    v.verdict.status,
                    v.verdict.message.to_string(),
                ));
            }
        }
    }
    out
}

#[test]
fn documented_examples_give_their_stated_verdicts() {
    let mut failures = Vec::new();
    let mut count = 0;
    for rule in ALL {
        for (i, example) in examples(rule).iter().enumerate() {
            count += 1;
            let verdicts = run(rule, example);
            if verdicts.is_empty() {
                failures.push(format!(
                    "{} example {i} ({}): no resource the rule applies to",
                    rule.id, example.lang
                ));
                continue;
            }
            for (id, status) in &example.by_id {
                match verdicts.iter().find(|(r, _, _)| r == id) {
                    Some((_, got, msg)) if got == status => {}
                    Some((_, got, msg)) => failures.push(format!(
                        "{} example {i} ({}): {id} is {got}, expected {status} ({msg})",
                        rule.id, example.lang
                    )),
                    None => failures.push(format!(
                        "{} example {i} ({}): no verdict for {id}; got {verdicts:?}",
                        rule.id, example.lang
                    )),
                }
            }
            if let Some(status) = example.all {
                for (id, got, msg) in &verdicts {
                    // A sub-resource judged with its scanned parent, or a
                    // parent judged on its policy resource.
                    let with_parent = *got == Status::NotApplicable
                        && (msg.starts_with("judged with its ")
                            || msg.starts_with("judged on its "))
                        && !example.by_id.iter().any(|(i, _)| i == id);
                    if got != &status && !with_parent {
                        failures.push(format!(
                            "{} example {i} ({}): {id} is {got}, expected {status} ({msg})",
                            rule.id, example.lang
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(count >= ALL.len() * 2, "only {count} examples ran");
}

#[test]
fn every_rule_has_a_passing_and_a_failing_example_per_format() {
    let mut missing = Vec::new();
    for rule in ALL {
        let ex = examples(rule);
        let has = |langs: &[&str], status: Status| {
            ex.iter().any(|e| {
                langs.contains(&e.lang.as_str())
                    && (e.all == Some(status) || e.by_id.iter().any(|(_, s)| *s == status))
            })
        };
        for (supported, langs) in [
            (!rule.cfn_types.is_empty(), &["yaml", "json"][..]),
            (!rule.tf_types.is_empty(), &["hcl"][..]),
        ] {
            if !supported {
                continue;
            }
            for status in [Status::Met, Status::NotMet] {
                if !has(langs, status) {
                    missing.push(format!("{}: no {status} example in {langs:?}", rule.id));
                }
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn registry_invariants() {
    let catalog = Catalog::get();
    let mut ids = HashSet::new();
    for rule in ALL {
        assert!(ids.insert(rule.id), "duplicate rule id {}", rule.id);
        let (service, slug) = rule
            .id
            .split_once('.')
            .unwrap_or_else(|| panic!("{}: id must be service.duty-slug", rule.id));
        assert!(
            slug.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{}: slug must be kebab-case",
            rule.id
        );
        let wildcard = rule.cfn_types.contains(&"*") || rule.tf_types.contains(&"*");
        if !wildcard {
            assert!(
                catalog.find_service(service).is_some(),
                "{}: {service} is not a service key in the catalog",
                rule.id
            );
        }
        for t in rule
            .cfn_types
            .iter()
            .chain(rule.tf_types)
            .chain(rule.reads)
            .filter(|t| **t != "*")
        {
            assert!(
                catalog.service_for_type(t).is_some(),
                "{}: type {t} is not in the catalog",
                rule.id
            );
        }
        let doc = rule.doc();
        assert!(
            doc.starts_with(&format!("# {}", rule.id)),
            "{}: doc must start with '# {}'",
            rule.id,
            rule.id
        );
        for heading in [
            "## Why this is your duty",
            "## What AWS already does",
            "## Examples",
        ] {
            assert!(doc.contains(heading), "{}: doc lacks {heading:?}", rule.id);
        }
        assert!(!rule.title.is_empty());
    }
    let sorted: Vec<&str> = ALL.iter().map(|r| r.id).collect();
    let mut expected = sorted.clone();
    expected.sort();
    assert_eq!(sorted, expected, "ALL must be sorted by id");
}

#[test]
fn every_rule_file_is_registered() {
    let files: HashSet<&str> = onus_rules::docs::all().iter().map(|(f, _)| *f).collect();
    let registered: HashSet<&str> = ALL
        .iter()
        .map(|r| r.file.rsplit(['/', '\\']).next().unwrap_or(r.file))
        .collect();
    let unregistered: Vec<_> = files.difference(&registered).collect();
    assert!(
        unregistered.is_empty(),
        "rule files not in ALL: {unregistered:?}"
    );
}

/// Rules reach other resources through `Context`'s indexes (`resolve`,
/// `linked`, `in_scope`, `of_type`). A loop over every resource of the
/// workload runs once per resource checked, which made scans quadratic (the
/// 10k-file benchmark took twice as long, 50k files 18 times as long as 10k).
#[test]
fn no_rule_walks_the_whole_workload() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut offenders = Vec::new();
    let mut dirs = vec![src];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs")
                && !path.ends_with("context.rs")
                && !path.ends_with("engine.rs")
            {
                let text = std::fs::read_to_string(&path).unwrap();
                let flat: String = text.split_whitespace().collect();
                if flat.contains("workload.resources") {
                    offenders.push(path.display().to_string());
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "use the Context indexes in {offenders:?}"
    );
}

/// `onus scan` checks one unit (template, Terraform root, plan) at a time:
/// `of_type` sees the other units only for the account-wide types of
/// `onus_rules::ACCOUNT_WIDE`, indexed before the scan. A rule asking for
/// another type would silently see its own unit only.
#[test]
fn of_type_asks_only_for_account_wide_types() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut offenders = Vec::new();
    let mut dirs = vec![src];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") || path.ends_with("context.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let flat: String = text.split_whitespace().collect();
            for call in flat.split(".of_type(").skip(1) {
                let Some(list) = call.strip_prefix("&[").and_then(|c| c.split(']').next()) else {
                    offenders.push(format!(
                        "{}: of_type without a literal list",
                        path.display()
                    ));
                    continue;
                };
                for t in list
                    .split(',')
                    .map(|t| t.trim_matches('"'))
                    .filter(|t| !t.is_empty())
                {
                    if !onus_rules::ACCOUNT_WIDE.contains(&t) {
                        offenders.push(format!("{}: {t}", path.display()));
                    }
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "of_type of types not in ACCOUNT_WIDE (add them there, or use in_scope/linked): {offenders:?}"
    );
}

/// A check that is not a built-in rule's function (as a policy read at run
/// time will be) runs through the same engine, one resource at a time, with
/// the same `Context`, and its verdicts name its rule.
#[test]
fn checks_made_at_run_time_run_like_rules() {
    use onus_ingest::Resource;
    use onus_rules::{Check, Context, Engine, Severity, Verdict};

    struct NeedsTag {
        rule: &'static Rule,
        key: String,
    }
    impl Check for NeedsTag {
        fn rule(&self) -> &'static Rule {
            self.rule
        }
        fn check(&self, resource: &Resource, cx: &Context) -> Verdict {
            let tagged = resource
                .properties
                .get("Tags")
                .and_then(|t| t.as_list())
                .unwrap_or(&[])
                .iter()
                .any(|t| t.get("Key").and_then(|k| k.as_str()) == Some(self.key.as_str()));
            // The Context is there too: the bucket's policy, by reference.
            let policies = cx.linked(resource, &["AWS::S3::BucketPolicy"], "Bucket", None);
            let message = format!("tag {} ({} policies)", self.key, policies.len());
            if tagged {
                Verdict::met(resource, resource.name_span, "Tags", message)
            } else {
                Verdict::missing(resource, "Tags", message)
            }
        }
    }
    let rule: &'static Rule = Box::leak(Box::new(Rule {
        id: "custom.owner-tag",
        title: "Buckets carry an Owner tag",
        duty: onus_model::Duty::AccessControl,
        severity: Severity::Low,
        cfn_types: &["AWS::S3::Bucket"],
        tf_types: &[],
        reads: &[],
        controls: onus_rules::Controls::NONE,
        peers: &[],
        check: |r, _| Verdict::not_applicable(r, "evaluated by its policy"),
        file: "",
    }));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("t.yaml"),
        "Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: [{Key: Owner, Value: me}]\n  P:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref A\n  B:\n    Type: AWS::S3::Bucket\n",
    )
    .unwrap();
    let workload = ingest(&[dir.path().to_path_buf()], &Options::default());
    let engine = Engine::with_checks(
        &Settings::default(),
        vec![Box::new(NeedsTag {
            rule,
            key: "Owner".into(),
        })],
    );
    let verdicts: Vec<(String, Status, String)> = engine
        .rows(&workload)
        .into_iter()
        .flat_map(|row| {
            let id = workload.resources[row.resource].id.clone();
            row.duties
                .into_iter()
                .flat_map(|d| d.verdicts)
                .map(move |v| (id.clone(), v.verdict.status, v.verdict.message.into_owned()))
        })
        .collect();
    assert_eq!(
        verdicts,
        [
            (
                "A".to_owned(),
                Status::Met,
                "tag Owner (1 policies)".to_owned()
            ),
            (
                "B".to_owned(),
                Status::NotMet,
                "tag Owner (0 policies)".to_owned()
            ),
        ]
    );
    assert_eq!(
        engine.rules().map(|r| r.id).collect::<Vec<_>>(),
        ["custom.owner-tag"]
    );
}
