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

/// resource id → duty → status
fn statuses(report: &Value) -> BTreeMap<String, BTreeMap<String, String>> {
    report["resources"]
        .as_array()
        .expect("resources")
        .iter()
        .map(|r| {
            let duties = r["duties"]
                .as_object()
                .expect("duties")
                .iter()
                .map(|(duty, d)| {
                    (
                        duty.clone(),
                        d["status"].as_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect();
            (r["id"].as_str().unwrap_or_default().to_owned(), duties)
        })
        .collect()
}

#[test]
fn examples_exit_1_and_show_every_kind_of_duty() {
    let out = onus()
        .args(["scan", "examples/"])
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
    // Two root modules with the same bucket address; only the first blocks
    // public access. The second must not borrow the first one's block.
    let dir = tempfile::tempdir().unwrap();
    let bucket = "resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"logs\"\n}\n";
    let block = "resource \"aws_s3_bucket_public_access_block\" \"logs\" {\n  bucket = aws_s3_bucket.logs.id\n  block_public_acls = true\n  block_public_policy = true\n  ignore_public_acls = true\n  restrict_public_buckets = true\n}\n";
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
    assert_eq!(verdict("a"), "met");
    assert_eq!(verdict("b"), "not-met");
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
            .args(["--format", format])
            .output()
            .unwrap();
        let whole = onus()
            .args(args)
            .args(["--format", format, "--write-baseline"])
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
