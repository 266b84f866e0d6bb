//! Hand-built scan results shared by the format tests: no reader involved, so
//! the samples stay stable whatever the readers and rules do.
#![allow(dead_code)]

use onus_ingest::{Entry, FileId, Format, Node, Region, Resource, Span, Value, Workload};
use onus_report::suppress::{ConfigSuppression, SuppressOptions};
use onus_report::{Report, build_with};
use onus_rules::{DutyStatus, RuleVerdict, ScanResult, Settings, Status, Verdict};

pub const TODAY: &str = "2026-11-28";

pub const YAML: &str = r#"Resources:
  # onus:ignore ec2.ssh-open-to-world Bastion during migration until=2999-01-01
  Bastion:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      IpProtocol: tcp
      FromPort: 22
      ToPort: 22
      CidrIp: 0.0.0.0/0
  Database:
    Type: AWS::RDS::DBInstance
    Metadata:
      onus:
        ignore:
          - rule: rds.encryption-at-rest
            reason: Was accepted last year
            until: "2020-01-01"
    Properties:
      Engine: postgres
      StorageEncrypted: false
  "<script>alert(1)</script>":
    Type: AWS::S3::Bucket
    Properties:
      BucketName: "\"><img src=x onerror=alert(1)>"
"#;

pub const HCL: &str = r#"# onus:ignore rds.encryption-at-rest
resource "aws_db_instance" "main" {
  engine            = "postgres"
  storage_encrypted = var.encrypted
}

resource "aws_security_group_rule" "ssh" {
  type        = "ingress"
  from_port   = 22
  to_port     = 22
  protocol    = "tcp"
  cidr_blocks = ["=cmd|' /C calc'!A0"]
}
"#;

fn span_of(text: &str, needle: &str) -> Span {
    let start = text.find(needle).unwrap_or(0);
    Span::new(start, start + needle.len())
}

fn block(text: &str, start: &str, end: &str) -> Span {
    let s = text.find(start).unwrap_or(0);
    let e = text[s..].find(end).map(|e| s + e).unwrap_or(text.len());
    Span::new(s, e)
}

fn map(entries: Vec<(&str, Node)>) -> Node {
    Node::new(
        Value::Map(
            entries
                .into_iter()
                .map(|(k, node)| Entry {
                    key: k.to_owned(),
                    key_span: node.span,
                    node,
                })
                .collect(),
        ),
        Span::default(),
    )
}

fn s(text: &str, span: Span) -> Node {
    Node::new(Value::String(text.to_owned()), span)
}

fn resource(
    id: &str,
    ty: &str,
    format: Format,
    file: FileId,
    name_span: Span,
    span: Span,
    metadata: Option<Node>,
) -> Resource {
    let mut r = Resource {
        id: id.to_owned(),
        resource_type: ty.to_owned(),
        source_type: None,
        format,
        scope: "root".to_owned(),
        unit: 0,
        service: None,
        category: None,
        properties: map(vec![]),
        file,
        span,
        name_span,
        region: Region::Known("eu-west-1".to_owned()),
        references: Vec::new(),
        is_data: false,
        metadata,
    };
    r.classify();
    r
}

/// A CloudFormation template and a Terraform module with not-met, unknown,
/// met, suppressed, expired and rejected suppressions, and hostile names.
pub fn sample_workload() -> (Workload, ScanResult) {
    let mut w = Workload::default();
    let yaml = w.add_file(
        "infra/app.yaml".into(),
        Some(Format::CloudFormation),
        YAML.into(),
    );
    let hcl = w.add_file(
        "infra/tf/main.tf".into(),
        Some(Format::Terraform),
        HCL.into(),
    );
    let meta_item = span_of(YAML, "- rule: rds.encryption-at-rest");
    let metadata = map(vec![(
        "onus",
        map(vec![(
            "ignore",
            Node::new(
                Value::List(vec![Node {
                    span: meta_item,
                    ..map(vec![
                        ("rule", s("rds.encryption-at-rest", meta_item)),
                        ("reason", s("Was accepted last year", meta_item)),
                        ("until", s("2020-01-01", meta_item)),
                    ])
                }]),
                meta_item,
            ),
        )]),
    )]);
    w.resources = vec![
        resource(
            "Bastion",
            "AWS::EC2::SecurityGroupIngress",
            Format::CloudFormation,
            yaml,
            span_of(YAML, "Bastion:"),
            block(YAML, "Bastion:", "  Database:"),
            None,
        ),
        resource(
            "Database",
            "AWS::RDS::DBInstance",
            Format::CloudFormation,
            yaml,
            span_of(YAML, "Database:"),
            block(YAML, "Database:", "  \"<script>"),
            Some(metadata),
        ),
        resource(
            "<script>alert(1)</script>",
            "AWS::S3::Bucket",
            Format::CloudFormation,
            yaml,
            span_of(YAML, "\"<script>"),
            block(YAML, "\"<script>", "\n\n"),
            None,
        ),
        resource(
            "aws_db_instance.main",
            "aws_db_instance",
            Format::Terraform,
            hcl,
            span_of(HCL, "resource \"aws_db_instance\""),
            block(HCL, "resource \"aws_db_instance\"", "}\n"),
            None,
        ),
        resource(
            "aws_security_group_rule.ssh",
            "aws_security_group_rule",
            Format::Terraform,
            hcl,
            span_of(HCL, "resource \"aws_security_group_rule\""),
            block(HCL, "resource \"aws_security_group_rule\"", "}\n"),
            None,
        ),
    ];
    // Every duty with its owner, no verdicts yet: the engine with no rules.
    let mut result = onus_rules::engine::scan_with(&w, &Settings::default(), &[]);
    let rule = |id: &str| onus_rules::rules::by_id(id).expect("rule exists");
    let verdict = |i: usize, status: Status, span: Span, path: &str, msg: &'static str| {
        let r = &w.resources[i];
        let mut v = match status {
            Status::Met => Verdict::met(r, span, path, msg),
            Status::NotMet => Verdict::not_met(r, span, path, msg),
            Status::Unknown => Verdict::unknown(r, span, path, msg),
            Status::NotApplicable => Verdict::not_applicable(r, msg),
        };
        v.file = r.file;
        v
    };
    let add = |result: &mut ScanResult, i: usize, rule_id: &str, v: Verdict| {
        let rule = rule(rule_id);
        let row = result
            .resources
            .iter_mut()
            .find(|r| r.resource == i)
            .expect("resource row");
        let duty = row
            .duties
            .iter_mut()
            .find(|d| d.duty == rule.duty)
            .expect("duty row");
        duty.status = match v.status {
            Status::NotMet => DutyStatus::NotMet,
            Status::Unknown => DutyStatus::Unknown,
            Status::Met => DutyStatus::Met,
            Status::NotApplicable => DutyStatus::NotApplicable,
        };
        if duty.owner == onus_model::Owner::Aws {
            duty.owner = onus_model::Owner::Shared;
        }
        duty.note = None;
        duty.verdicts.push(RuleVerdict { rule, verdict: v });
    };
    add(
        &mut result,
        0,
        "ec2.ssh-open-to-world",
        verdict(
            0,
            Status::NotMet,
            span_of(YAML, "0.0.0.0/0"),
            "CidrIp",
            "ingress rule opens SSH (TCP 22) to the whole internet",
        ),
    );
    add(
        &mut result,
        1,
        "rds.encryption-at-rest",
        verdict(
            1,
            Status::NotMet,
            span_of(YAML, "StorageEncrypted: false"),
            "StorageEncrypted",
            "StorageEncrypted is false: storage encryption is off",
        ),
    );
    add(
        &mut result,
        2,
        "s3.encryption-at-rest",
        verdict(
            2,
            Status::NotMet,
            span_of(YAML, "\"\\\"><img"),
            "BucketName",
            "bucket \"><img src=x onerror=alert(1)> | =SUM(A1) is not encrypted\nsecond line",
        ),
    );
    add(
        &mut result,
        3,
        "rds.encryption-at-rest",
        verdict(
            3,
            Status::Unknown,
            span_of(HCL, "var.encrypted"),
            "storage_encrypted",
            "var.encrypted",
        ),
    );
    add(
        &mut result,
        4,
        "ec2.ssh-open-to-world",
        verdict(
            4,
            Status::NotMet,
            span_of(HCL, "cidr_blocks"),
            "cidr_blocks",
            "=cmd|' /C calc'!A0 opens SSH (TCP 22)",
        ),
    );
    (w, result)
}

pub fn options() -> SuppressOptions {
    SuppressOptions {
        today: TODAY.to_owned(),
        config: vec![ConfigSuppression {
            rule: "ec2.ssh-open-to-world".to_owned(),
            path: Some("infra/tf/**".to_owned()),
            resource: None,
            reason: Some("Replaced by SSM next sprint".to_owned()),
            until: None,
        }],
        ..SuppressOptions::default()
    }
}

/// The report borrows names from its workload: a test's workloads live as
/// long as the test process.
fn leak(w: Workload) -> &'static Workload {
    Box::leak(Box::new(w))
}

pub fn sample() -> Report<'static> {
    let (w, result) = sample_workload();
    build_with(leak(w), result, &options())
}

pub fn empty() -> Report<'static> {
    let w = leak(Workload::default());
    let result = onus_rules::scan(w, &Settings::default());
    build_with(w, result, &options())
}

/// A file that could not be read: an error diagnostic, no resources.
pub fn parse_error() -> Report<'static> {
    let mut w = Workload::default();
    let f = w.add_file(
        "broken/template.yaml".into(),
        Some(Format::CloudFormation),
        "Resources:\n  Bucket:\n    Type: [\n".into(),
    );
    w.error(
        f,
        Some(Span::new(31, 32)),
        "YAML: unclosed flow sequence <here>",
    );
    w.warning(f, None, "remote module \"git::https://x\" not scanned");
    let w = leak(w);
    let result = onus_rules::scan(w, &Settings::default());
    build_with(w, result, &options())
}
