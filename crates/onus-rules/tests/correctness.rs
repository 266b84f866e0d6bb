//! Regressions found by running onus on real code (issue 14, point 6): each
//! test states the verdict a user must see, in every format it applies to.

use onus_ingest::{Options, ingest};
use onus_rules::{Settings, Status, scan};

/// Every verdict of a scan of one file: (resource id, rule id, status, message).
fn verdicts(name: &str, text: &str) -> Vec<(String, &'static str, Status, String)> {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join(name), text).expect("write file");
    let workload = ingest(&[dir.path().to_path_buf()], &Options::default());
    assert!(
        !workload.incomplete(),
        "did not parse: {:?}\n{text}",
        workload.diagnostics
    );
    let result = scan(&workload, &Settings::default());
    let mut out = Vec::new();
    for report in &result.resources {
        let id = &workload.resources[report.resource].id;
        for row in &report.duties {
            for v in &row.verdicts {
                out.push((
                    id.clone(),
                    v.rule.id,
                    v.verdict.status,
                    v.verdict.message.to_string(),
                ));
            }
        }
    }
    out
}

/// The verdict `rule` gives `resource`: (status, message).
fn verdict(name: &str, text: &str, resource: &str, rule: &str) -> (Status, String) {
    let all = verdicts(name, text);
    all.iter()
        .find(|(r, id, ..)| r == resource && *id == rule)
        .map(|(.., s, m)| (*s, m.clone()))
        .unwrap_or_else(|| panic!("no {rule} verdict on {resource}; got {all:#?}"))
}

fn cfn(text: &str, resource: &str, rule: &str) -> (Status, String) {
    verdict("template.yaml", text, resource, rule)
}

fn tf(text: &str, resource: &str, rule: &str) -> (Status, String) {
    verdict("main.tf", text, resource, rule)
}

fn no_verdict(name: &str, text: &str, resource: &str, rule: &str) {
    let all = verdicts(name, text);
    assert!(
        !all.iter().any(|(r, id, ..)| r == resource && *id == rule),
        "unexpected {rule} verdict on {resource}: {all:#?}"
    );
}

// --- Terraform `dynamic` blocks -------------------------------------------

#[test]
fn dynamic_block_with_empty_for_each_makes_no_block() {
    let text = r#"
resource "aws_s3_bucket" "data" {
  bucket = "data"
  dynamic "server_side_encryption_configuration" {
    for_each = []
    content {
      rule {
        apply_server_side_encryption_by_default {
          sse_algorithm = "aws:kms"
        }
      }
    }
  }
}
"#;
    let (status, message) = tf(text, "aws_s3_bucket.data", "s3.encryption-at-rest");
    assert_eq!(status, Status::Met, "{message}");
    assert!(message.contains("SSE-S3"), "{message}");
}

#[test]
fn dynamic_block_with_unknown_for_each_makes_its_values_unknown() {
    let text = r#"
variable "versioning" {}
resource "aws_s3_bucket" "data" {
  bucket = "data"
  dynamic "versioning" {
    for_each = var.versioning
    content {
      enabled = versioning.value.enabled
    }
  }
}
resource "aws_security_group" "web" {
  dynamic "ingress" {
    for_each = var.versioning
    content {
      from_port   = 22
      to_port     = 22
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}
"#;
    let (status, message) = tf(text, "aws_s3_bucket.data", "s3.versioning");
    assert_eq!(status, Status::Unknown, "{message}");
    assert!(message.contains("var.versioning"), "{message}");
    let (status, message) = tf(text, "aws_security_group.web", "ec2.ssh-open-to-world");
    assert_eq!(status, Status::Unknown, "{message}");
}
