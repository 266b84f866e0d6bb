//! `onus scan` run as a user would, on the bundled example workload.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn onus() -> Command {
    let mut cmd = Command::cargo_bin("onus").expect("onus binary");
    cmd.env("NO_COLOR", "1").current_dir(repo());
    cmd
}

fn scan_json(args: &[&str]) -> (Value, i32) {
    let out = onus()
        .arg("scan")
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("run onus");
    let v = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: {e}\n{}", String::from_utf8_lossy(&out.stderr)));
    (v, out.status.code().unwrap_or(-1))
}

/// A string field of a JSON value ("" when absent).
fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_owned()
}

/// resource id → what `f` makes of the resource.
fn per_resource<T>(report: &Value, f: impl Fn(&Value) -> T) -> BTreeMap<String, T> {
    report["resources"]
        .as_array()
        .expect("resources")
        .iter()
        .map(|r| (text(&r["id"]), f(r)))
        .collect()
}

fn assert_no_diagnostics(report: &Value) {
    let diagnostics = &report["diagnostics"];
    assert!(diagnostics.as_array().unwrap().is_empty(), "{diagnostics}");
}

/// A resource's verdicts.
fn verdicts_of(resource: &Value) -> impl Iterator<Item = &Value> {
    resource["duties"]
        .as_object()
        .expect("duties")
        .values()
        .flat_map(|d| d["verdicts"].as_array().into_iter().flatten())
}

/// resource id → duty → status
fn statuses(report: &Value) -> BTreeMap<String, BTreeMap<String, String>> {
    per_resource(report, |r| {
        // Version 2: duties by id, the status left out when inherited.
        r["duties"]
            .as_object()
            .expect("duties")
            .iter()
            .map(|(duty, d)| {
                let status = d["status"].as_str().unwrap_or("inherited");
                (duty.clone(), status.to_owned())
            })
            .collect()
    })
}

/// The text report of `onus scan examples/ ARGS`, with its exit code.
fn scan_text(args: &[&str]) -> (String, i32) {
    let out = onus()
        .args(["scan", "examples/"])
        .args(args)
        .output()
        .expect("run onus");
    let text = String::from_utf8(out.stdout).expect("UTF-8 report");
    (text, out.status.code().unwrap_or(-1))
}

#[test]
fn the_default_text_report_lists_what_needs_action() {
    let (text, code) = scan_text(&[]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("examples_text", text);
    // A line per finding; nothing about met, attest or AWS's duties but the
    // summary's counts.
    assert!(!text.contains("✓ met"), "{text}");
    assert!(!text.contains("AWS carries:"), "{text}");
    let (report, _) = scan_json(&["examples/"]);
    let summary = &report["summary"];
    let inherited = format!("AWS carries {} duties", summary["inherited"]);
    assert!(text.contains(&inherited), "{inherited}: {text}");
    assert!(text.contains("most often not met:"), "{text}");
    // A line per unsuppressed not-met or unknown verdict.
    let not_met = text.lines().filter(|l| l.contains("  ✗ ")).count() as u64;
    let unknown = text.lines().filter(|l| l.contains("  ? ")).count() as u64;
    let unmet: u64 = summary["findings_by_severity"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert_eq!(
        (not_met, unknown),
        (unmet, summary["unknown_verdicts"].as_u64().unwrap()),
        "{text}"
    );
    assert!(unmet > 30 && unknown > 0);
}

#[test]
fn show_all_and_verbose_print_every_duty() {
    let (all, code) = scan_text(&["--show", "all"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("examples_text_all", all);
    assert_eq!(scan_text(&["-v"]).0, all);
}

#[test]
fn examples_exit_1_and_show_every_kind_of_duty() {
    let out = onus()
        .args(["scan", "--show", "all", "examples/"])
        .output()
        .expect("run onus");
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    for expected in [
        "examples/cloudformation/three-tier.yaml",
        "examples/terraform/main.tf",
        "AWS carries: physical-security, hardware-lifecycle",
        "✗ not met network-exposure       ec2.ssh-open-to-world [high]",
        "✓ met     encryption-at-rest     rds.encryption-at-rest",
        "◇ attest",
        "client-side-encryption",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
}

#[test]
fn an_unresolvable_property_is_unknown_and_named() {
    let (report, _) = scan_json(&["examples/"]);
    for (id, needle) in [
        ("Database", "BackupDays"),
        ("aws_db_instance.database", "var.backup_days"),
    ] {
        let resource = report["resources"]
            .as_array()
            .and_then(|rs| rs.iter().find(|r| r["id"] == id))
            .unwrap_or_else(|| panic!("no resource {id}"));
        let backups = resource["duties"].get("backups").expect("backups duty");
        assert_eq!(backups["status"], "unknown", "{id}: {backups:#}");
        let named = backups["verdicts"]
            .as_array()
            .expect("verdicts")
            .iter()
            .any(|v| {
                v["status"] == "unknown" && v["unknown"].as_str().unwrap_or("").contains(needle)
            });
        assert!(
            named,
            "{id}: no unknown verdict naming {needle}: {backups:#}"
        );
    }
}

/// CloudFormation logical id ↔ Terraform address of the same resource.
const SAME_RESOURCE: &[(&str, &str)] = &[
    ("DataKey", "aws_kms_key.data_key"),
    ("Vpc", "aws_vpc.vpc"),
    ("PublicSubnet", "aws_subnet.public_subnet"),
    ("PrivateSubnet", "aws_subnet.private_subnet"),
    (
        "LoadBalancerSecurityGroup",
        "aws_security_group.load_balancer",
    ),
    ("WebSecurityGroup", "aws_security_group.web"),
    (
        "WebSshFromAnywhere",
        "aws_vpc_security_group_ingress_rule.web_ssh_from_anywhere",
    ),
    ("DatabaseSecurityGroup", "aws_security_group.database"),
    ("LoadBalancer", "aws_lb.load_balancer"),
    ("HttpListener", "aws_lb_listener.http"),
    ("HttpsListener", "aws_lb_listener.https"),
    ("WebTargetGroup", "aws_lb_target_group.web"),
    ("WebLaunchTemplate", "aws_launch_template.web"),
    ("WebGroup", "aws_autoscaling_group.web"),
    ("DatabaseParameters", "aws_db_parameter_group.database"),
    ("DatabaseSubnets", "aws_db_subnet_group.database"),
    ("Database", "aws_db_instance.database"),
    ("AssetsBucket", "aws_s3_bucket.assets"),
    ("TrailBucket", "aws_s3_bucket.trail"),
    ("Trail", "aws_cloudtrail.trail"),
    ("OrdersQueue", "aws_sqs_queue.orders"),
    ("BackupVault", "aws_backup_vault.shop"),
    ("BackupPlan", "aws_backup_plan.shop"),
    ("DatabaseBackups", "aws_backup_selection.database"),
];

#[test]
fn the_same_workload_gets_the_same_verdicts_in_cloudformation_and_terraform() {
    // The Terraform provider pins eu-west-1; give the template the same Region.
    let (cfn, _) = scan_json(&["examples/cloudformation", "--region", "eu-west-1"]);
    let (tf, _) = scan_json(&["examples/terraform"]);
    let cfn = statuses(&cfn);
    let tf = statuses(&tf);
    let mut differences = Vec::new();
    for (cfn_id, tf_id) in SAME_RESOURCE {
        let a = cfn
            .get(*cfn_id)
            .unwrap_or_else(|| panic!("no {cfn_id} in CloudFormation"));
        let b = tf
            .get(*tf_id)
            .unwrap_or_else(|| panic!("no {tf_id} in Terraform"));
        for (duty, status) in a {
            if b.get(duty) != Some(status) {
                differences.push(format!(
                    "{cfn_id} / {tf_id}: {duty} is {status} in CloudFormation, {:?} in Terraform",
                    b.get(duty)
                ));
            }
        }
    }
    // Terraform-only helper resources (split S3 settings) are not compared.
    assert!(differences.is_empty(), "{}", differences.join("\n"));
    let mapped: Vec<&str> = SAME_RESOURCE.iter().map(|(c, _)| *c).collect();
    let unmapped: Vec<&String> = cfn
        .keys()
        .filter(|k| !mapped.contains(&k.as_str()))
        .collect();
    assert!(
        unmapped.is_empty(),
        "CloudFormation resources without a Terraform twin: {unmapped:?}"
    );
}

#[test]
fn terraform_roots_do_not_see_each_others_resources() {
    // Two root modules with the same bucket address; only the first turns
    // a public access block setting off. The second (left to S3's default,
    // all four on) must not borrow the first one's block.
    let dir = tempfile::tempdir().unwrap();
    let bucket = "resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"logs\"\n}\n";
    let block = "resource \"aws_s3_bucket_public_access_block\" \"logs\" {\n  bucket = aws_s3_bucket.logs.id\n  block_public_acls = false\n  block_public_policy = true\n  ignore_public_acls = true\n  restrict_public_buckets = true\n}\n";
    for (root, text) in [("a", format!("{bucket}{block}")), ("b", bucket.to_owned())] {
        std::fs::create_dir(dir.path().join(root)).unwrap();
        std::fs::write(dir.path().join(root).join("main.tf"), text).unwrap();
    }
    let (report, _) = scan_json(&[dir.path().to_str().unwrap()]);
    let verdict = |root: &str| -> String {
        let r = report["resources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| {
                r["id"] == "aws_s3_bucket.logs"
                    && r["location"]["file"]
                        .as_str()
                        .unwrap()
                        .ends_with(&format!("{root}/main.tf"))
            })
            .unwrap_or_else(|| panic!("bucket of root {root}"));
        r["duties"]
            .as_object()
            .unwrap()
            .values()
            .flat_map(|d| d["verdicts"].as_array().into_iter().flatten())
            .find(|v| v["rule"] == "s3.public-access-block")
            .map(|v| v["status"].as_str().unwrap().to_owned())
            .unwrap()
    };
    assert_eq!(verdict("a"), "not-met");
    assert_eq!(verdict("b"), "met");
}

#[test]
fn json_written_beside_text_output_keeps_its_excerpts() {
    // Excerpts are built only when a format shows them: a JSON file asked for
    // with `-o` next to the text output must still have them.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.json");
    let out = onus()
        .args(["scan", "examples/cloudformation", "-o"])
        .arg(format!("json={}", file.display()))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    // Version 2: a finding names one of its resource's excerpts by index, and
    // its line is its own location's, or its resource's when it has none.
    let mut findings = 0;
    for r in report["resources"].as_array().unwrap() {
        let excerpts = r["excerpts"].as_array();
        for v in r["duties"]
            .as_object()
            .unwrap()
            .values()
            .flat_map(|d| d["verdicts"].as_array().into_iter().flatten())
            .filter(|v| v["status"] == "not-met")
        {
            findings += 1;
            let index = v["excerpt"].as_u64().expect("excerpt") as usize;
            let excerpt = &excerpts.expect("excerpts")[index];
            let from = excerpt["from"].as_u64().unwrap();
            let count = excerpt["lines"].as_array().unwrap().len() as u64;
            let line = v["location"]["line"]
                .as_u64()
                .or_else(|| r["location"]["line"].as_u64())
                .unwrap();
            assert!((from..from + count).contains(&line), "{v:#} {excerpt:#}");
        }
    }
    assert!(findings > 0);
}

#[test]
fn streamed_text_keeps_suppressions_and_diagnostics() {
    // Inline suppressions, a rejected suppression, an unreadable file and the
    // examples: the streamed stdout report equals the whole report.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("sg.yaml"),
        "Resources:\n  # onus:ignore ec2.ssh-open-to-world bastion for the on-call team\n  Bastion:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: ssh\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: 0.0.0.0/0\n  # onus:ignore s3.versioning\n  Bucket:\n    Type: AWS::S3::Bucket\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("broken.yaml"),
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties: [\n",
    )
    .unwrap();
    // `--write-baseline` makes onus build the whole report before writing.
    let baseline = dir.path().join("baseline.json");
    let args = ["scan", "examples", dir.path().to_str().unwrap()];
    for format in ["text", "sarif", "json"] {
        let streamed = onus()
            .args(args)
            .args(["--format", format, "--show", "all"])
            .output()
            .unwrap();
        let whole = onus()
            .args(args)
            .args(["--format", format, "--show", "all", "--write-baseline"])
            .arg(&baseline)
            .output()
            .unwrap();
        assert_eq!(streamed.status.code(), Some(2));
        assert_eq!(whole.status.code(), Some(2));
        let out = String::from_utf8(streamed.stdout).unwrap();
        assert!(out.contains("broken.yaml"), "{out}");
        match format {
            "text" => assert!(out.contains("~ ignored"), "{out}"),
            "sarif" => assert!(out.contains("\"inSource\""), "{out}"),
            _ => assert!(out.contains("\"suppression\""), "{out}"),
        }
        assert_eq!(out, String::from_utf8(whole.stdout).unwrap(), "{format}");
    }
}

/// The rule ids that gave a verdict in `onus scan examples/ ARGS`.
fn rules_run(args: &[&str]) -> std::collections::BTreeSet<String> {
    let (report, code) = scan_json(&[&["examples/"], args].concat());
    assert!(code == 0 || code == 1, "{args:?}: exit {code}");
    per_resource(&report, |r| {
        verdicts_of(r).map(|v| text(&v["rule"])).collect::<Vec<_>>()
    })
    .into_values()
    .flatten()
    .collect()
}

#[test]
fn rule_and_skip_rule_select_by_id_duty_glob_and_peer_id() {
    let all = rules_run(&[]);
    assert!(all.len() > 20, "{all:?}");
    // An id, repeated and comma-separated.
    let some = rules_run(&[
        "--rule",
        "rds.encryption-at-rest",
        "--rule",
        "s3.versioning,vpc.flow-logs",
    ]);
    assert_eq!(
        some.into_iter().collect::<Vec<_>>(),
        ["rds.encryption-at-rest", "s3.versioning", "vpc.flow-logs"]
    );
    // A duty.
    let logging = rules_run(&["--rule", "logging"]);
    assert!(logging.contains("vpc.flow-logs") && logging.contains("s3.access-logging"));
    assert!(!logging.contains("s3.versioning"), "{logging:?}");
    // A glob, and a service.
    let s3 = rules_run(&["--rule", "s3.*"]);
    assert!(
        !s3.is_empty() && s3.iter().all(|r| r.starts_with("s3.")),
        "{s3:?}"
    );
    assert_eq!(rules_run(&["--rule", "s3"]), s3);
    // A Checkov id, through the rules' peer map.
    assert!(rules_run(&["--rule", "CKV_AWS_18"]).contains("s3.access-logging"));
    let skipped = rules_run(&["--skip-rule", "CKV_AWS_18", "--skip-rule", "*.tls-only"]);
    assert!(!skipped.contains("s3.access-logging") && !skipped.contains("s3.tls-only"));
    assert!(
        skipped.is_subset(&all) && skipped.contains("s3.versioning"),
        "{skipped:?}"
    );
    // Both: a glob minus a duty.
    let s3_not_logging = rules_run(&["--rule", "s3.*", "--skip-rule", "logging"]);
    assert!(!s3_not_logging.contains("s3.access-logging"));
    assert!(s3_not_logging.is_subset(&s3) && s3_not_logging.contains("s3.versioning"));
}

#[test]
fn rule_flags_replace_the_config_lists() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("onus.toml");
    std::fs::write(
        &config,
        "enable = [\"s3.*\"]\ndisable = [\"s3.versioning\"]\n",
    )
    .unwrap();
    let config = config.to_str().unwrap();
    let from_config = rules_run(&["--config", config]);
    assert!(
        from_config.iter().all(|r| r.starts_with("s3.")),
        "{from_config:?}"
    );
    assert!(!from_config.contains("s3.versioning"));
    // --rule replaces enable; disable still applies.
    let vpc = rules_run(&["--config", config, "--rule", "vpc.*"]);
    assert!(
        vpc.iter().all(|r| r.starts_with("vpc.")) && !vpc.is_empty(),
        "{vpc:?}"
    );
    // --skip-rule replaces disable; enable still applies.
    let s3 = rules_run(&["--config", config, "--skip-rule", "s3.tls-only"]);
    assert!(
        s3.contains("s3.versioning") && !s3.contains("s3.tls-only"),
        "{s3:?}"
    );
}

#[test]
fn a_rule_flag_that_names_no_rule_is_a_usage_error() {
    let out = onus()
        .args(["scan", "examples/", "--skip-rule", "CKV_AWS_0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("\"CKV_AWS_0\" names no rule"), "{err}");
}

#[test]
fn sarif_help_links_only_where_onus_toml_says() {
    let sarif = |config: Option<&std::path::Path>| -> Value {
        let mut cmd = onus();
        cmd.args(["scan", "examples/", "--format", "sarif"]);
        if let Some(c) = config {
            cmd.arg("--config").arg(c);
        }
        serde_json::from_slice(&cmd.output().unwrap().stdout).unwrap()
    };
    let rule = |log: &Value| {
        log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == "vpc.flow-logs")
            .cloned()
            .unwrap()
    };
    assert!(rule(&sarif(None)).get("helpUri").is_none());
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("onus.toml");
    std::fs::write(
        &config,
        "rules_url = \"https://sec.example.com/onus/{id}\"\n",
    )
    .unwrap();
    let linked = rule(&sarif(Some(&config)));
    assert_eq!(
        linked["helpUri"],
        "https://sec.example.com/onus/vpc.flow-logs"
    );
    assert!(
        linked["help"]["markdown"]
            .as_str()
            .unwrap()
            .contains("vpc.flow-logs")
    );
}

/// resource id → (rule, status, message) of every verdict, sorted.
fn verdicts(report: &Value) -> BTreeMap<String, Vec<(String, String, String)>> {
    per_resource(report, |r| {
        let mut verdicts: Vec<_> = verdicts_of(r)
            .map(|v| (text(&v["rule"]), text(&v["status"]), text(&v["message"])))
            .collect();
        verdicts.sort();
        verdicts
    })
}

#[test]
fn a_terraform_json_module_gets_the_verdicts_of_its_hcl_twin() {
    // main.tf.json beside variables.tf and terraform.tfvars.json, calling a
    // .tf module: the same module as ../hcl in the native syntax.
    let dir = "crates/onus-cli/tests/fixtures/tf_json";
    let (hcl, hcl_code) = scan_json(&[&format!("{dir}/hcl")]);
    let (json, json_code) = scan_json(&[&format!("{dir}/json")]);
    assert_eq!(hcl_code, json_code);
    assert_no_diagnostics(&json);
    assert_eq!(statuses(&hcl), statuses(&json));
    let (hcl, json) = (verdicts(&hcl), verdicts(&json));
    assert_eq!(
        hcl.keys().collect::<Vec<_>>(),
        json.keys().collect::<Vec<_>>()
    );
    assert!(
        hcl.contains_key("module.queue.aws_sqs_queue.queue"),
        "{hcl:?}"
    );
    assert!(hcl.contains_key("aws_db_instance.db[1]"), "{hcl:?}");
    assert_eq!(hcl, json);
}

#[test]
fn terraform_json_findings_point_at_the_json_lines() {
    let (report, _) = scan_json(&["crates/onus-cli/tests/fixtures/tf_json/json"]);
    let text = std::fs::read_to_string(
        repo().join("crates/onus-cli/tests/fixtures/tf_json/json/main.tf.json"),
    )
    .unwrap();
    let line_of = |needle: &str| {
        1 + text
            .lines()
            .position(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle}"))
    };
    let resources = report["resources"].as_array().unwrap();
    let find = |id: &str| resources.iter().find(|r| r["id"] == id).unwrap();
    let db = find("aws_db_instance.db[0]");
    assert!(
        db["location"]["file"]
            .as_str()
            .unwrap()
            .ends_with("main.tf.json")
    );
    // A resource at its name, a finding at the value that decides it.
    assert_eq!(db["location"]["line"], line_of("\"db\": {"));
    let encryption = verdicts_of(db)
        .find(|v| v["rule"] == "rds.encryption-at-rest")
        .unwrap();
    assert_eq!(
        encryption["location"]["line"],
        line_of("\"storage_encrypted\"")
    );
    let sg = find("aws_security_group.web");
    assert_eq!(sg["location"]["line"], line_of("\"web\": {"));
}

/// resource id → (file, the parent stack's id, how its template was found).
fn stacks(report: &Value) -> BTreeMap<String, (String, String, String)> {
    per_resource(report, |r| {
        (
            text(&r["location"]["file"]),
            text(&r["stack"]["parent"]),
            text(&r["stack"]["found"]),
        )
    })
}

#[test]
fn nested_stacks_are_read_through_their_parent_with_its_parameters() {
    let dir = "crates/onus-cli/tests/fixtures/nested";
    let (report, code) = scan_json(&[dir, "--region", "eu-west-1"]);
    assert_eq!(code, 1);
    assert_no_diagnostics(&report);
    let stacks = stacks(&report);
    // Each nested resource once, at its own file, linked to its parent.
    assert_eq!(
        stacks.keys().collect::<Vec<_>>(),
        [
            "Database",
            "DatabaseStack",
            "NetworkStack",
            "Queue",
            "QueueStack",
            "Subnet",
            "Vpc"
        ]
    );
    let (file, parent, found) = &stacks["Subnet"];
    assert_eq!(file, &format!("{dir}/stacks/network.yaml"));
    assert_eq!(parent, "NetworkStack");
    assert_eq!(found, "TemplateURL is the local path ./stacks/network.yaml");
    assert_eq!(stacks["Database"].1, "DatabaseStack");
    let (file, parent, found) = &stacks["Queue"];
    assert_eq!(file, &format!("{dir}/templates/queue.yaml"));
    assert_eq!(parent, "QueueStack");
    assert!(found.contains("ends in templates/queue.yaml"), "{found}");
    assert_eq!(stacks["NetworkStack"].1, "", "a parent is in no stack");
    let resources = report["resources"].as_array().unwrap();
    let subnet = resources.iter().find(|r| r["id"] == "Subnet").unwrap();
    assert_eq!(
        subnet["stack"]["location"],
        serde_json::json!({"file": format!("{dir}/main.yaml"), "line": 16, "column": 3})
    );
    assert_eq!(subnet["region"], "eu-west-1");
    // The parameters passed down decide: Environment=prod keeps public IPs
    // off; EncryptDatabase=false overrides the nested default "true".
    let statuses = statuses(&report);
    assert_eq!(statuses["Subnet"]["network-exposure"], "met");
    assert_eq!(statuses["Database"]["encryption-at-rest"], "not-met");
    // Read on its own, the nested template has neither.
    let (alone, _) = scan_json(&[&format!("{dir}/stacks")]);
    let alone = self::statuses(&alone);
    assert_eq!(alone["Subnet"]["network-exposure"], "not-met");
    assert_eq!(alone["Database"]["encryption-at-rest"], "met");
}

#[test]
fn a_parent_named_alone_still_reads_its_local_nested_stacks() {
    let (report, _) = scan_json(&["crates/onus-cli/tests/fixtures/nested/main.yaml"]);
    let stacks = stacks(&report);
    assert_eq!(stacks["Subnet"].1, "NetworkStack");
    assert!(!stacks.contains_key("Queue"), "{stacks:?}");
    let warning = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("QueueStack"))
        .expect("a warning for the S3 URL outside the scan");
    assert!(
        warning["message"]
            .as_str()
            .unwrap()
            .contains("names no template of the scanned tree"),
        "{warning}"
    );
}

/// resource id → its Region (`null` when unknown).
fn regions(report: &Value) -> BTreeMap<String, Value> {
    per_resource(report, |r| r["region"].clone())
}

#[test]
fn a_cdk_cloud_assembly_is_read_as_its_manifest_says() {
    let dir = "crates/onus-cli/tests/fixtures/cdk";
    let (report, _) = scan_json(&[dir, "--allowed-regions", "eu-west-1"]);
    assert_no_diagnostics(&report);
    let regions = regions(&report);
    // The stacks' templates, and the nested stack's through its parent;
    // nothing from the assets (a bundled template among them).
    assert_eq!(
        regions.keys().collect::<Vec<_>>(),
        [
            "CDKMetadata",
            "DataNestedStackDataNestedStackResource8E2F6A3B",
            "Events2D3E4F5A",
            "Orders3C4D5E6F",
            "Resizer5F3A1B2C",
            "ResizerServiceRole9A1B2C3D",
            "Uploads1E5B8A4C"
        ]
    );
    // ShopStack's environment names eu-west-1; EdgeStack is
    // environment-agnostic.
    assert_eq!(regions["Uploads1E5B8A4C"], "eu-west-1");
    assert_eq!(regions["Orders3C4D5E6F"], "eu-west-1");
    assert_eq!(regions["Events2D3E4F5A"], Value::Null);
    let statuses = statuses(&report);
    assert_eq!(statuses["Uploads1E5B8A4C"]["data-residency"], "met");
    assert_eq!(statuses["Events2D3E4F5A"]["data-residency"], "unknown");
    let stack = &stacks(&report)["Orders3C4D5E6F"];
    assert_eq!(stack.1, "DataNestedStackDataNestedStackResource8E2F6A3B");
    assert!(
        stack
            .0
            .ends_with("ShopStackDataD4E5F6A7.nested.template.json")
    );
    assert!(stack.2.contains("CDK asset path"), "{}", stack.2);
    // --region says otherwise.
    let (report, _) = scan_json(&[
        dir,
        "--region",
        "us-east-1",
        "--allowed-regions",
        "eu-west-1",
    ]);
    assert_eq!(self::regions(&report)["Uploads1E5B8A4C"], "us-east-1");
    assert_eq!(
        self::statuses(&report)["Uploads1E5B8A4C"]["data-residency"],
        "not-met"
    );
}

#[test]
fn samconfig_names_the_region_of_the_stack() {
    let dir = "crates/onus-cli/tests/fixtures/sam";
    let (report, _) = scan_json(&[dir, "--allowed-regions", "eu-west-1"]);
    assert_eq!(regions(&report)["Orders"], "eu-central-1");
    assert_eq!(statuses(&report)["Orders"]["data-residency"], "not-met");
    let (report, _) = scan_json(&[
        dir,
        "--region",
        "eu-west-1",
        "--allowed-regions",
        "eu-west-1",
    ]);
    assert_eq!(statuses(&report)["Orders"]["data-residency"], "met");
}

#[test]
fn resources_of_other_providers_carry_no_aws_duties() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("main.tf"),
        r#"resource "aws_sqs_queue" "jobs" {
  name = "jobs"
}
resource "null_resource" "wait" {
  triggers = { queue = aws_sqs_queue.jobs.arn }
}
resource "random_pet" "name" {}
"#,
    )
    .expect("write module");
    std::fs::write(
        dir.path().join("template.yaml"),
        "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Seed:\n    Type: Custom::SeedData\n    Properties:\n      ServiceToken: arn:aws:lambda:eu-west-1:111122223333:function:seed\n",
    )
    .expect("write template");
    let path = dir.path().to_str().expect("utf-8 path");
    let (report, _) = scan_json(&[path]);
    let ids: Vec<String> = per_resource(&report, |_| ()).into_keys().collect();
    assert_eq!(ids, ["aws_sqs_queue.jobs"]);
    let notes = report["notes"].to_string();
    assert!(
        notes.contains("3 resources are not AWS resources")
            && notes.contains("Custom::SeedData ×1")
            && notes.contains("null_resource ×1"),
        "{notes}"
    );
}
