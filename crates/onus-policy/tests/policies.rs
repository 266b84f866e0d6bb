//! Custom policies as a user writes them: load-time problems at their
//! file:line:col, and the verdicts policies give on real templates.

use onus_policy::{LoadError, Options, Policies};
use onus_rules::custom::CustomRules;
use onus_rules::{Context, Settings, Status};
use std::path::{Path, PathBuf};

/// Writes `files` into a new directory.
fn dir(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn load(dir: &Path) -> Result<Policies, LoadError> {
    onus_policy::load(&[dir.to_path_buf()])
}

/// The load problems, as `file-name:line:col: message`.
fn problems(files: &[(&str, &str)]) -> Vec<String> {
    let d = dir(files);
    match load(d.path()) {
        Ok(_) => panic!("expected problems"),
        Err(LoadError::Policies(list)) => list
            .iter()
            .map(|p| {
                let name = Path::new(&p.file).file_name().unwrap().to_string_lossy();
                format!("{name}:{}:{}: {}", p.line, p.column, p.message)
            })
            .collect(),
        Err(e) => panic!("{e}"),
    }
}

/// One verdict: resource, rule, status, message, line:col.
#[derive(Debug)]
struct Seen {
    resource: String,
    rule: String,
    status: Status,
    message: String,
    at: String,
}

/// Loads the policies and runs them on `template` (a file name and text).
fn run_with(policies: &[(&str, &str)], template: (&str, &str), options: &Options) -> Vec<Seen> {
    let p = dir(policies);
    let policies = onus_policy::load_with(&[p.path().to_path_buf()], options)
        .unwrap_or_else(|e| panic!("{e}"));
    let t = dir(&[template]);
    let workload = onus_ingest::ingest(&[t.path().to_path_buf()], &Default::default());
    assert!(
        workload.diagnostics.is_empty(),
        "{:?}",
        workload.diagnostics
    );
    let settings = Settings::default();
    let cx = Context::new(&workload, &settings);
    let mut seen = Vec::new();
    for resource in workload.resources.iter().filter(|r| !r.is_data) {
        let rules: Vec<_> = CustomRules::rules(&policies)
            .iter()
            .copied()
            .filter(|r| r.applies_to(&resource.resource_type))
            .collect();
        for (rule, v) in rules.iter().zip(policies.check(&rules, resource, &cx)) {
            let at = workload.file(v.file).lines.line_col(v.span.start);
            seen.push(Seen {
                resource: resource.id.clone(),
                rule: rule.id.to_owned(),
                status: v.status,
                message: v.message.to_string(),
                at: format!("{}:{}", at.line, at.column),
            });
        }
    }
    seen
}

fn run(policies: &[(&str, &str)], template: (&str, &str)) -> Vec<Seen> {
    run_with(policies, template, &Options::default())
}

fn one<'a>(seen: &'a [Seen], resource: &str, rule: &str) -> &'a Seen {
    seen.iter()
        .find(|s| s.resource == resource && s.rule == rule)
        .unwrap_or_else(|| panic!("no verdict of {rule} on {resource}: {seen:#?}"))
}

const BUCKETS: (&str, &str) = (
    "template.yaml",
    r#"AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Name:
    Type: String
Resources:
  Named:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: shop-assets
  FromParameter:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Ref Name
  Unnamed:
    Type: AWS::S3::Bucket
"#,
);

/// A policy's METADATA block, for a package and its rules.
fn policy(id: &str, package: &str, body: &str) -> String {
    format!(
        "# METADATA\n# title: Test policy {id}\n# custom:\n#   id: {id}\n#   duty: access-control\n#   cloudformation: [AWS::S3::Bucket]\n#   terraform: [aws_s3_bucket]\npackage {package}\n\nimport rego.v1\nimport data.onus\n\n{body}\n"
    )
}

#[test]
fn metadata_problems_point_at_their_line_and_column() {
    let missing_custom = "# METADATA\n# title: No custom\npackage a\n\nimport rego.v1\n\ndeny contains \"x\" if false\n";
    let bad_duty = "# METADATA\n# title: Bad duty\n# custom:\n#   id: acme.b\n#   duty: patching\n#   terraform: [aws_s3_bucket]\npackage b\n\nimport rego.v1\n\ndeny contains \"x\" if false\n";
    let no_metadata = "package c\n\nimport rego.v1\n\ndeny contains \"x\" if false\n";
    let no_types = "# METADATA\n# title: No types\n# custom:\n#   id: acme.d\n#   duty: logging\npackage d\n\nimport rego.v1\n\nviolation contains \"x\" if false\n";
    let wrong_format = "# METADATA\n# title: Types of the other format\n# custom:\n#   id: acme.e\n#   duty: logging\n#   cloudformation: [aws_s3_bucket]\npackage e\n\nimport rego.v1\n\ndeny contains \"x\" if false\n";
    let no_output = "# METADATA\n# title: Nothing to say\n# custom:\n#   id: acme.f\n#   duty: logging\n#   terraform: [aws_s3_bucket]\npackage f\n\nimport rego.v1\n\nallow if true\n";
    let got = problems(&[
        ("a.rego", missing_custom),
        ("b.rego", bad_duty),
        ("c.rego", no_metadata),
        ("d.rego", no_types),
        ("e.rego", wrong_format),
        ("f.rego", no_output),
    ]);
    let expected = [
        "a.rego:1:1: missing custom (with id and duty)",
        "b.rego:5:11: unknown duty \"patching\"; duties are: physical-security",
        "c.rego:1:1: policy data.c has no # METADATA block above its package line",
        "d.rego:1:1: no resource types: set custom.cloudformation and/or custom.terraform",
        "e.rego:6:21: custom.cloudformation: \"aws_s3_bucket\" is not a CloudFormation resource type",
        "f.rego:1:1: data.f has # METADATA but declares no deny, violation, warn or verdict rule",
    ];
    for e in expected {
        assert!(got.iter().any(|g| g.starts_with(e)), "{e}\nnot in {got:#?}");
    }
    assert_eq!(got.len(), expected.len(), "{got:#?}");
}

#[test]
fn a_missing_title_and_id_are_named() {
    let text = "# METADATA\n# description: no title\n# custom:\n#   duty: logging\n#   terraform: [aws_s3_bucket]\npackage a\n\nimport rego.v1\n\ndeny contains \"x\" if false\n";
    let got = problems(&[("a.rego", text)]);
    assert!(
        got.contains(&"a.rego:1:1: missing title".to_owned()),
        "{got:#?}"
    );
    assert!(
        got.contains(&"a.rego:1:1: missing custom.id".to_owned()),
        "{got:#?}"
    );
}

#[test]
fn syntax_errors_point_at_their_line_and_column() {
    let got = problems(&[("a.rego", "package a\n\nimport rego.v1\n\nx := {\n")]);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(got[0].starts_with("a.rego:6:1: "), "{got:#?}");
}

#[test]
fn ids_may_not_collide_with_built_in_rules_or_each_other() {
    let builtin = policy("s3.encryption-at-rest", "a", "deny contains \"x\" if false");
    let first = policy("acme.same", "b", "deny contains \"x\" if false");
    let second = policy("acme.same", "c", "deny contains \"x\" if false");
    let got = problems(&[
        ("a.rego", &builtin),
        ("b.rego", &first),
        ("c.rego", &second),
    ]);
    assert!(
        got.iter()
            .any(|g| g
                .starts_with("a.rego:4:9: rule id \"s3.encryption-at-rest\" is a built-in rule's")),
        "{got:#?}"
    );
    assert!(
        got.iter().any(|g| g
            .starts_with("c.rego:4:9: rule id \"acme.same\" is already the id of the policy at ")
            && g.ends_with("b.rego:4:9")),
        "{got:#?}"
    );
}

#[test]
fn conftest_deny_fails_the_resource_at_the_named_property() {
    let body = r#"deny contains {"msg": sprintf("bucket name %s is not ours", [name]), "path": "BucketName"} if {
	name := input.resource.properties.BucketName
	is_string(name)
	not startswith(name, "acme-")
}

deny contains "every bucket is denied twice" if input.resource.properties.BucketName == "shop-assets"
"#;
    let seen = run(&[("p.rego", &policy("acme.names", "names", body))], BUCKETS);
    let named = one(&seen, "Named", "acme.names");
    assert_eq!(named.status, Status::NotMet);
    // Every message, in the set's order; the place of the first with a path.
    assert_eq!(
        named.message,
        "every bucket is denied twice; bucket name shop-assets is not ours"
    );
    assert_eq!(named.at, "9:19", "at the BucketName value");
    // No deny: met, at the resource.
    let unnamed = one(&seen, "Unnamed", "acme.names");
    assert_eq!(unnamed.status, Status::Met);
    assert_eq!(unnamed.at, "14:3");
}

#[test]
fn the_explicit_form_says_met_not_met_unknown_and_not_applicable() {
    let body = r#"name := input.resource.properties.BucketName

verdict := {"status": "unknown", "msg": onus.why(name), "path": ["BucketName"]} if {
	onus.unknown(name)
} else := {"status": "not-applicable", "msg": "no name: generated"} if {
	not name
} else := {"status": "met", "msg": "named", "path": "BucketName"} if {
	startswith(name, "shop-")
} else := {"status": "not-met", "msg": "badly named", "path": "BucketName"}
"#;
    let seen = run(
        &[("p.rego", &policy("acme.explicit", "explicit", body))],
        BUCKETS,
    );
    let named = one(&seen, "Named", "acme.explicit");
    assert_eq!((named.status, named.at.as_str()), (Status::Met, "9:19"));
    let from_parameter = one(&seen, "FromParameter", "acme.explicit");
    assert_eq!(from_parameter.status, Status::Unknown);
    assert_eq!(from_parameter.message, "parameter Name has no default");
    assert_eq!(from_parameter.at, "13:19");
    let unnamed = one(&seen, "Unnamed", "acme.explicit");
    assert_eq!(unnamed.status, Status::NotApplicable);
}

#[test]
fn a_bad_status_is_an_unknown_verdict_saying_so() {
    let body = r#"verdict := {"status": "passed"}"#;
    let seen = run(&[("p.rego", &policy("acme.bad", "bad", body))], BUCKETS);
    let v = one(&seen, "Named", "acme.bad");
    assert_eq!(v.status, Status::Unknown);
    assert!(
        v.message.contains("\"passed\" is not met, not-met"),
        "{}",
        v.message
    );
}

#[test]
fn unknown_values_are_marked_in_the_input() {
    // The input marks a parameter without default; a policy that forgets
    // to look sees an object, not a string.
    let body = r#"verdict := {"status": "met", "msg": "marked"} if {
	input.resource.properties.BucketName == {"$unknown": "parameter Name has no default"}
	onus.unknown(input.resource.properties.BucketName)
	not onus.resolved(input.resource.properties.BucketName)
	input.version == 1
	input.resource.format == "cloudformation"
	onus.unknown(input.resource.region)
} else := {"status": "not-met", "msg": "not marked"}
"#;
    let seen = run(&[("p.rego", &policy("acme.marks", "marks", body))], BUCKETS);
    assert_eq!(
        one(&seen, "FromParameter", "acme.marks").status,
        Status::Met
    );
    assert_eq!(one(&seen, "Named", "acme.marks").status, Status::NotMet);
}

#[test]
fn a_runtime_error_is_unknown_for_that_resource_and_the_rest_go_on() {
    // Two definitions that disagree for a named bucket: a conflict, which
    // OPA and onus report as an error (a builtin's error, by contrast, makes
    // its expression undefined, as in OPA by default).
    let failing = r#"verdict := {"status": "met", "msg": "named"} if input.resource.properties.BucketName

verdict := {"status": "not-met", "msg": "shop"} if startswith(input.resource.properties.BucketName, "shop-")

deny contains "a builtin error is undefined, not a failure" if to_number("not a number") > 0
"#;
    let fine = r#"deny contains "no name" if not input.resource.properties.BucketName"#;
    let seen = run(
        &[
            ("failing.rego", &policy("acme.failing", "failing", failing)),
            ("fine.rego", &policy("acme.fine", "fine", fine)),
        ],
        BUCKETS,
    );
    let v = one(&seen, "Named", "acme.failing");
    assert_eq!(v.status, Status::Unknown);
    assert!(
        v.message.starts_with("policy acme.failing failed: ")
            && v.message.contains("failing.rego:")
            && v.message.contains("conflicts"),
        "{}",
        v.message
    );
    assert_eq!(v.at, "6:3", "at the resource");
    // Where the definitions agree, the policy gives its verdict.
    assert_eq!(
        one(&seen, "FromParameter", "acme.failing").status,
        Status::Met
    );
    assert_eq!(one(&seen, "Unnamed", "acme.failing").status, Status::Met);
    assert_eq!(one(&seen, "Named", "acme.fine").status, Status::Met);
    assert_eq!(one(&seen, "Unnamed", "acme.fine").status, Status::NotMet);
}

#[test]
fn a_runaway_policy_is_stopped_and_reported() {
    let runaway = r#"deny contains "never" if {
	some a in numbers.range(1, 100000)
	some b in numbers.range(1, 100000)
	a * b < 0
}
"#;
    let fine = r#"deny contains "no name" if not input.resource.properties.BucketName"#;
    let options = Options {
        step_budget: 200_000,
    };
    let seen = run_with(
        &[
            ("runaway.rego", &policy("acme.runaway", "runaway", runaway)),
            ("fine.rego", &policy("acme.fine", "fine", fine)),
        ],
        BUCKETS,
        &options,
    );
    for resource in ["Named", "FromParameter", "Unnamed"] {
        let v = one(&seen, resource, "acme.runaway");
        assert_eq!(v.status, Status::Unknown);
        assert_eq!(
            v.message,
            "policy acme.runaway stopped: it ran past its budget of evaluation steps on this resource"
        );
    }
    assert_eq!(one(&seen, "Unnamed", "acme.fine").status, Status::NotMet);
}

#[test]
fn an_absent_property_is_absent_not_unknown() {
    // Binding an absent value leaves the body undefined, so the helper that
    // tells unresolved values is never asked about it (regorus's bytecode VM
    // went on with an undefined binding here: onus stays on its interpreter).
    let body = r#"verdict := {"status": "unknown", "msg": "tags unresolved"} if {
	tags := input.resource.properties.Tags
	not onus.resolved(tags)
} else := {"status": "met", "msg": "tags resolved or absent"}
"#;
    let seen = run(&[("p.rego", &policy("acme.tags", "tags", body))], BUCKETS);
    for resource in ["Named", "FromParameter", "Unnamed"] {
        assert_eq!(one(&seen, resource, "acme.tags").status, Status::Met);
    }
}

#[test]
fn a_range_too_large_to_build_is_refused_not_allocated() {
    let body = r#"deny contains "huge" if count(numbers.range(1, 10000000000)) > 0"#;
    let seen = run(&[("p.rego", &policy("acme.huge", "huge", body))], BUCKETS);
    let v = one(&seen, "Named", "acme.huge");
    assert_eq!(v.status, Status::Unknown);
    assert!(v.message.contains("over onus's limit"), "{}", v.message);
}

#[test]
fn policies_cannot_reach_the_clock_randomness_or_the_network() {
    for (name, call) in [
        ("clock", "time.now_ns()"),
        ("random", "rand.intn(\"x\", 10)"),
        (
            "network",
            "http.send({\"method\": \"get\", \"url\": \"http://127.0.0.1/\"})",
        ),
        ("runtime", "opa.runtime()"),
        ("uuid", "uuid.rfc4122(\"x\")"),
    ] {
        let body = format!("deny contains sprintf(\"%v\", [x]) if x := {call}");
        let seen = run(
            &[("p.rego", &policy(&format!("acme.{name}"), name, &body))],
            BUCKETS,
        );
        let v = one(&seen, "Named", &format!("acme.{name}"));
        assert_eq!(v.status, Status::Unknown, "{call}");
        let function = call.split('(').next().unwrap();
        assert!(
            v.message
                .contains(&format!("could not find function {function}")),
            "{call}: {}",
            v.message
        );
    }
}

#[test]
fn warn_is_a_low_severity_rule_of_its_own() {
    let body = r#"deny contains "no name" if not input.resource.properties.BucketName

warn contains {"msg": "a shop bucket", "path": "BucketName"} if startswith(input.resource.properties.BucketName, "shop-")
"#;
    let d = dir(&[("p.rego", &policy("acme.both", "both", body))]);
    let policies = load(d.path()).unwrap();
    let ids: Vec<(&str, onus_rules::Severity)> = policies
        .rules()
        .iter()
        .map(|r| (r.id, r.severity))
        .collect();
    assert_eq!(
        ids,
        [
            ("acme.both.warn", onus_rules::Severity::Low),
            ("acme.both", onus_rules::Severity::Medium)
        ]
    );
    let seen = run(&[("p.rego", &policy("acme.both", "both", body))], BUCKETS);
    assert_eq!(one(&seen, "Named", "acme.both.warn").status, Status::NotMet);
    assert_eq!(one(&seen, "Named", "acme.both").status, Status::Met);
    assert_eq!(one(&seen, "Unnamed", "acme.both.warn").status, Status::Met);
    assert_eq!(one(&seen, "Unnamed", "acme.both").status, Status::NotMet);
}

const TERRAFORM: (&str, &str) = (
    "main.tf",
    r#"variable "acl" {}

resource "aws_s3_bucket" "blocked" {
  bucket = "blocked"
}

resource "aws_s3_bucket_public_access_block" "blocked" {
  bucket                  = aws_s3_bucket.blocked.id
  block_public_acls       = true
  block_public_policy     = true
}

resource "aws_s3_bucket" "half" {
  bucket = "half"
}

resource "aws_s3_bucket_public_access_block" "half" {
  bucket                  = aws_s3_bucket.half.id
  block_public_acls       = true
  block_public_policy     = false
}

resource "aws_s3_bucket" "alone" {
  bucket = "alone"
}

resource "aws_s3_bucket" "legacy" {
  bucket = "legacy"
  acl    = var.acl
}
"#,
);

/// Nested and/or, a connection, attributes of the connected resource, and a
/// filter; CloudFormation buckets are judged by their own branch.
const CHECKOV: &str = r#"metadata:
  id: CKV2_ACME_9
  name: Buckets block public ACLs and policies
  category: IAM
definition:
  and:
    - cond_type: filter
      attribute: resource_type
      operator: within
      value: [aws_s3_bucket, AWS::S3::Bucket]
    - or:
        - and:
            - cond_type: connection
              resource_types: [aws_s3_bucket]
              connected_resource_types: [aws_s3_bucket_public_access_block]
              operator: exists
            - cond_type: attribute
              resource_types: [aws_s3_bucket_public_access_block]
              attribute: block_public_acls
              operator: equals
              value: true
            - cond_type: attribute
              resource_types: [aws_s3_bucket_public_access_block]
              attribute: block_public_policy
              operator: is_true
        - and:
            - cond_type: attribute
              resource_types: [aws_s3_bucket]
              attribute: acl
              operator: within
              value: [private]
            - not:
                cond_type: connection
                resource_types: [aws_s3_bucket]
                connected_resource_types: [aws_s3_bucket_policy]
                operator: exists
        - cond_type: attribute
          resource_types: [AWS::S3::Bucket]
          attribute: Properties.BucketName
          operator: regex_match
          value: "^shop-"
"#;

#[test]
fn a_checkov_policy_with_nested_and_or_and_a_connection() {
    let seen = run(&[("checkov/buckets.yaml", CHECKOV)], TERRAFORM);
    let status = |r: &str| one(&seen, r, "CKV2_ACME_9").status;
    assert_eq!(status("aws_s3_bucket.blocked"), Status::Met);
    let half = one(&seen, "aws_s3_bucket.half", "CKV2_ACME_9");
    assert_eq!(half.status, Status::NotMet);
    assert!(
        half.message.contains(
            "aws_s3_bucket_public_access_block.half: expected block_public_policy is true"
        ),
        "{}",
        half.message
    );
    // Said where the connected resource sets it.
    assert_eq!(half.at, "20:29", "at block_public_policy = false");
    // No access block, and an ACL from a variable: unknown, never a pass.
    let legacy = one(&seen, "aws_s3_bucket.legacy", "CKV2_ACME_9");
    assert_eq!(legacy.status, Status::Unknown);
    assert_eq!(legacy.at, "29:12", "at the acl");
    let alone = one(&seen, "aws_s3_bucket.alone", "CKV2_ACME_9");
    assert_eq!(alone.status, Status::NotMet);
    // Only the filtered types are judged.
    assert!(
        !seen
            .iter()
            .any(|s| s.resource.contains("public_access_block"))
    );
    // The same policy on CloudFormation.
    let seen = run(&[("checkov/buckets.yaml", CHECKOV)], BUCKETS);
    assert_eq!(one(&seen, "Named", "CKV2_ACME_9").status, Status::Met);
    assert_eq!(
        one(&seen, "FromParameter", "CKV2_ACME_9").status,
        Status::Unknown
    );
    let unnamed = one(&seen, "Unnamed", "CKV2_ACME_9");
    assert_eq!(
        (unnamed.status, unnamed.at.as_str()),
        (Status::NotMet, "14:3")
    );
}

#[test]
fn checkov_metadata_maps_category_to_duty_and_keeps_its_id_for_suppressions() {
    let d = dir(&[("p.yaml", CHECKOV)]);
    let policies = load(d.path()).unwrap();
    let rule = policies.rules()[0];
    assert_eq!(rule.id, "CKV2_ACME_9");
    assert_eq!(rule.duty, onus_model::Duty::AccessControl);
    assert_eq!(rule.peers[0].id, "CKV2_ACME_9");
    assert_eq!(rule.tf_types, ["aws_s3_bucket"]);
    assert_eq!(rule.cfn_types, ["AWS::S3::Bucket"]);
}

#[test]
fn checkov_problems_name_the_operator_and_the_missing_duty() {
    let unsupported = CHECKOV.replace(
        "operator: within\n              value: [private]",
        "operator: jsonpath_within\n              value: [private]",
    );
    let general = CHECKOV.replace("category: IAM", "category: GENERAL_SECURITY");
    let got = problems(&[("a.yaml", &unsupported)]);
    assert!(
        got.iter()
            .any(|g| g.starts_with("a.yaml:30:25: unsupported operator \"jsonpath_within\"")),
        "{got:#?}"
    );
    let got = problems(&[("b.yaml", &general)]);
    assert!(
        got.iter()
            .any(|g| g
                .starts_with("b.yaml:4:13: category \"GENERAL_SECURITY\" does not say which duty")),
        "{got:#?}"
    );
    let with_duty = general.replace(
        "category: GENERAL_SECURITY",
        "category: GENERAL_SECURITY\n  duty: access-control",
    );
    let d = dir(&[("c.yaml", &with_duty)]);
    assert!(load(d.path()).is_ok());
}

#[test]
fn yaml_files_that_are_not_policies_are_left_alone() {
    let d = dir(&[("data.yaml", "allowed:\n  - a\n"), ("p.yaml", CHECKOV)]);
    assert_eq!(load(d.path()).unwrap().rules().len(), 1);
}

#[test]
fn policies_see_what_refers_to_a_resource_and_what_it_refers_to() {
    let body = r#"verdict := {"status": "met", "msg": concat(", ", sort(ids))} if {
	ids := [sprintf("%s by %s", [r.resource.type, r.path]) | some r in input.referred_by]
	count(ids) > 0
} else := {"status": "not-met", "msg": "nothing refers to it"}
"#;
    let seen = run(&[("p.rego", &policy("acme.refs", "refs", body))], TERRAFORM);
    assert_eq!(
        one(&seen, "aws_s3_bucket.blocked", "acme.refs").message,
        "aws_s3_bucket_public_access_block by bucket"
    );
    assert_eq!(
        one(&seen, "aws_s3_bucket.alone", "acme.refs").status,
        Status::NotMet
    );
}

#[test]
fn a_path_that_is_not_a_directory_or_policy_is_a_path_error() {
    let missing = PathBuf::from("/nonexistent/policies");
    assert!(matches!(
        onus_policy::load(&[missing]),
        Err(LoadError::Path(_))
    ));
}
