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

// --- CIDRs are parsed ------------------------------------------------------

#[test]
fn every_spelling_of_a_zero_length_prefix_is_the_whole_internet() {
    for cidr in [
        "::/0",
        "::0/0",
        "0:0:0:0:0:0:0:0/0",
        "0000::/0",
        "2001:db8::/0",
    ] {
        let yaml = format!(
            "Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: ssh\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIpv6: \"{cidr}\"\n"
        );
        let (status, message) = cfn(&yaml, "Sg", "ec2.ssh-open-to-world");
        assert_eq!(status, Status::NotMet, "{cidr}: {message}");
        let hcl = format!(
            "resource \"aws_security_group\" \"sg\" {{\n  ingress {{\n    from_port        = 22\n    to_port          = 22\n    protocol         = \"tcp\"\n    ipv6_cidr_blocks = [\"{cidr}\"]\n  }}\n}}\n"
        );
        let (status, message) = tf(&hcl, "aws_security_group.sg", "ec2.ssh-open-to-world");
        assert_eq!(status, Status::NotMet, "{cidr}: {message}");
    }
    for cidr in ["0.0.0.0/0", "10.0.0.0/0", "000.000.000.000/0", "0.0.0.0/00"] {
        let yaml = format!(
            "Resources:\n  Rule:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      GroupId: sg-1\n      IpProtocol: tcp\n      FromPort: 3389\n      ToPort: 3389\n      CidrIp: \"{cidr}\"\n  Entry:\n    Type: AWS::EC2::NetworkAclEntry\n    Properties:\n      NetworkAclId: acl-1\n      RuleNumber: 100\n      Protocol: 6\n      RuleAction: allow\n      PortRange: {{From: 22, To: 22}}\n      CidrBlock: \"{cidr}\"\n"
        );
        let (status, message) = cfn(&yaml, "Rule", "ec2.rdp-open-to-world");
        assert_eq!(status, Status::NotMet, "{cidr}: {message}");
        let (status, message) = cfn(&yaml, "Entry", "ec2.nacl-admin-ports-open");
        assert_eq!(status, Status::NotMet, "{cidr}: {message}");
        let hcl = format!(
            "resource \"aws_vpc_security_group_ingress_rule\" \"rdp\" {{\n  security_group_id = \"sg-1\"\n  ip_protocol       = \"tcp\"\n  from_port         = 3389\n  to_port           = 3389\n  cidr_ipv4         = \"{cidr}\"\n}}\nresource \"aws_eks_cluster\" \"k\" {{\n  name     = \"k\"\n  role_arn = \"arn:aws:iam::111122223333:role/eks\"\n  vpc_config {{\n    subnet_ids          = [\"subnet-1\"]\n    public_access_cidrs = [\"{cidr}\"]\n  }}\n}}\n"
        );
        let (status, message) = tf(
            &hcl,
            "aws_vpc_security_group_ingress_rule.rdp",
            "ec2.rdp-open-to-world",
        );
        assert_eq!(status, Status::NotMet, "{cidr}: {message}");
        let (status, message) = tf(&hcl, "aws_eks_cluster.k", "eks.private-endpoint");
        assert_eq!(status, Status::NotMet, "{cidr}: {message}");
    }
    // Half the internet is not the whole of it, and a host route is a host.
    let yaml = "Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: ssh\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: 0.0.0.0/1\n        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIpv6: ::/128\n";
    let (status, message) = cfn(yaml, "Sg", "ec2.ssh-open-to-world");
    assert_eq!(status, Status::Met, "{message}");
}
