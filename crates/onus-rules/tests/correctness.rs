//! Regressions found by running onus on real code (issue 14, point 6): each
//! test states the verdict a user must see, in every format it applies to.

use onus_ingest::{Options, ingest};
use onus_rules::{Settings, Status};

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
    // Every rule, the opt-in ones included.
    let result =
        onus_rules::engine::scan_with(&workload, &Settings::default(), onus_rules::rules::ALL);
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

// --- RDS read replicas and Aurora members ----------------------------------

#[test]
fn read_replica_without_a_retention_has_no_automated_backups() {
    let yaml = "Resources:\n  Replica:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      SourceDBInstanceIdentifier: arn:aws:rds:eu-west-1:111122223333:db:orders\n      DBInstanceClass: db.t3.micro\n";
    let (status, message) = cfn(yaml, "Replica", "rds.backup-retention");
    assert_eq!(status, Status::NotMet, "{message}");
    assert!(message.contains("read replica"), "{message}");
    let hcl = r#"
resource "aws_db_instance" "replica" {
  replicate_source_db = "orders"
  instance_class      = "db.t3.micro"
}
resource "aws_db_instance" "kept" {
  replicate_source_db     = "orders"
  instance_class          = "db.t3.micro"
  backup_retention_period = 7
}
"#;
    let (status, message) = tf(hcl, "aws_db_instance.replica", "rds.backup-retention");
    assert_eq!(status, Status::NotMet, "{message}");
    assert!(message.contains("read replica"), "{message}");
    let (status, message) = tf(hcl, "aws_db_instance.kept", "rds.backup-retention");
    assert_eq!(status, Status::Met, "{message}");
}

#[test]
fn read_replica_takes_auto_minor_version_upgrade_from_its_source() {
    // The source is elsewhere: unknown, never "defaults to true".
    let yaml = "Resources:\n  Replica:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      SourceDBInstanceIdentifier: orders\n      DBInstanceClass: db.t3.micro\n";
    let (status, message) = cfn(yaml, "Replica", "rds.minor-version-upgrade");
    assert_eq!(status, Status::Unknown, "{message}");
    // The source is in the scan: its setting decides.
    let yaml = "Resources:\n  Primary:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      DBInstanceClass: db.t3.micro\n      AutoMinorVersionUpgrade: false\n  Replica:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      SourceDBInstanceIdentifier: !Ref Primary\n      DBInstanceClass: db.t3.micro\n";
    let (status, message) = cfn(yaml, "Replica", "rds.minor-version-upgrade");
    assert_eq!(status, Status::NotMet, "{message}");
    assert!(message.contains("source Primary"), "{message}");
    let hcl = r#"
resource "aws_db_instance" "far" {
  replicate_source_db = "arn:aws:rds:eu-west-1:111122223333:db:orders"
  instance_class      = "db.t3.micro"
}
resource "aws_db_instance" "primary" {
  identifier     = "orders"
  engine         = "postgres"
  instance_class = "db.t3.micro"
}
resource "aws_db_instance" "near" {
  replicate_source_db = aws_db_instance.primary.identifier
  instance_class      = "db.t3.micro"
}
"#;
    let (status, message) = tf(hcl, "aws_db_instance.far", "rds.minor-version-upgrade");
    assert_eq!(status, Status::Unknown, "{message}");
    let (status, message) = tf(hcl, "aws_db_instance.near", "rds.minor-version-upgrade");
    assert_eq!(status, Status::Met, "{message}");
    assert!(message.contains("aws_db_instance.primary"), "{message}");
}

#[test]
fn aurora_membership_is_read_from_the_right_type() {
    // Terraform declares Aurora members as aws_rds_cluster_instance: judged on
    // what they carry themselves.
    let hcl = r#"
resource "aws_rds_cluster_instance" "member" {
  cluster_identifier         = "orders"
  engine                     = "aurora-postgresql"
  instance_class             = "db.r6g.large"
  auto_minor_version_upgrade = false
}
resource "aws_db_instance" "standalone" {
  cluster_identifier      = "orders"
  engine                  = "postgres"
  instance_class          = "db.t3.micro"
  backup_retention_period = 0
}
"#;
    let (status, message) = tf(
        hcl,
        "aws_rds_cluster_instance.member",
        "rds.minor-version-upgrade",
    );
    assert_eq!(status, Status::NotMet, "{message}");
    // aws_db_instance has no cluster_identifier: it is no Aurora member.
    let (status, message) = tf(hcl, "aws_db_instance.standalone", "rds.backup-retention");
    assert_eq!(status, Status::NotMet, "{message}");
    // CloudFormation: DBClusterIdentifier makes the instance a member.
    let yaml = "Resources:\n  Member:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: aurora-postgresql\n      DBInstanceClass: db.r6g.large\n      DBClusterIdentifier: orders\n      AutoMinorVersionUpgrade: false\n";
    let (status, message) = cfn(yaml, "Member", "rds.backup-retention");
    assert_eq!(status, Status::NotApplicable, "{message}");
    let (status, message) = cfn(yaml, "Member", "rds.minor-version-upgrade");
    assert_eq!(status, Status::NotMet, "{message}");
}

// --- Invalid values --------------------------------------------------------

#[test]
fn a_value_aws_does_not_accept_is_invalid_and_not_met() {
    let yaml = "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: postgres\n      DBInstanceClass: db.t3.micro\n      BackupRetentionPeriod: 36\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      AccessControl: PublicReed\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 400\n  Short:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 366\n  Files:\n    Type: AWS::FSx::FileSystem\n    Properties:\n      FileSystemType: WINDOWS\n      StorageCapacity: 300\n      SubnetIds: [subnet-1]\n      WindowsConfiguration:\n        ThroughputCapacity: 32\n        AutomaticBackupRetentionDays: 91\n";
    for (resource, rule) in [
        ("Db", "rds.backup-retention"),
        ("Data", "s3.public-acl"),
        ("Short", "logs.retention"),
        ("Files", "fsx.backup-retention"),
    ] {
        let (status, message) = cfn(yaml, resource, rule);
        assert_eq!(status, Status::NotMet, "{resource} {rule}: {message}");
        assert!(message.contains("invalid"), "{resource} {rule}: {message}");
    }
    let (status, message) = cfn(yaml, "Logs", "logs.retention");
    assert_eq!(status, Status::Met, "{message}");
    let hcl = r#"
resource "aws_db_instance" "db" {
  engine                  = "postgres"
  instance_class          = "db.t3.micro"
  backup_retention_period = 36
}
resource "aws_rds_cluster" "c" {
  engine                  = "aurora-postgresql"
  backup_retention_period = 0
}
resource "aws_s3_bucket" "data" {
  bucket = "data"
}
resource "aws_s3_bucket_acl" "data" {
  bucket = aws_s3_bucket.data.id
  acl    = "PublicRead"
}
resource "aws_docdb_cluster" "docs" {
  backup_retention_period = 40
}
resource "aws_lambda_function" "fn" {
  function_name = "fn"
  role          = "arn:aws:iam::111122223333:role/fn"
  handler       = "app.handler"
  runtime       = "cobol85"
  filename      = "fn.zip"
}
"#;
    for (resource, rule) in [
        ("aws_db_instance.db", "rds.backup-retention"),
        ("aws_rds_cluster.c", "rds.backup-retention"),
        ("aws_s3_bucket.data", "s3.public-acl"),
        ("aws_docdb_cluster.docs", "docdb.backup-retention"),
        ("aws_lambda_function.fn", "lambda.supported-runtime"),
    ] {
        let (status, message) = tf(hcl, resource, rule);
        assert_eq!(status, Status::NotMet, "{resource} {rule}: {message}");
        assert!(message.contains("invalid"), "{resource} {rule}: {message}");
    }
}

// --- FSx automatic backups -------------------------------------------------

#[test]
fn fsx_lustre_and_openzfs_backups_are_judged_and_met_never_says_disabled() {
    let yaml = "Resources:\n  Lustre:\n    Type: AWS::FSx::FileSystem\n    Properties:\n      FileSystemType: LUSTRE\n      StorageCapacity: 1200\n      SubnetIds: [subnet-1]\n      LustreConfiguration:\n        DeploymentType: PERSISTENT_2\n        PerUnitStorageThroughput: 125\n  Zfs:\n    Type: AWS::FSx::FileSystem\n    Properties:\n      FileSystemType: OPENZFS\n      StorageCapacity: 64\n      SubnetIds: [subnet-1]\n      OpenZFSConfiguration:\n        DeploymentType: SINGLE_AZ_1\n        ThroughputCapacity: 64\n        AutomaticBackupRetentionDays: 0\n  Windows:\n    Type: AWS::FSx::FileSystem\n    Properties:\n      FileSystemType: WINDOWS\n      StorageCapacity: 300\n      SubnetIds: [subnet-1]\n      WindowsConfiguration:\n        ThroughputCapacity: 32\n";
    let (status, message) = cfn(yaml, "Lustre", "fsx.backup-retention");
    assert_eq!(status, Status::NotMet, "{message}");
    let (status, message) = cfn(yaml, "Zfs", "fsx.backup-retention");
    assert_eq!(status, Status::NotMet, "{message}");
    let (status, message) = cfn(yaml, "Windows", "fsx.backup-retention");
    assert_eq!(status, Status::Met, "{message}");
    assert!(!message.contains("disabled"), "{message}");
    let hcl = r#"
resource "aws_fsx_lustre_file_system" "hpc" {
  storage_capacity                = 1200
  subnet_ids                      = ["subnet-1"]
  deployment_type                 = "PERSISTENT_1"
  per_unit_storage_throughput     = 50
  automatic_backup_retention_days = 7
}
resource "aws_fsx_openzfs_file_system" "zfs" {
  storage_capacity    = 64
  subnet_ids          = ["subnet-1"]
  deployment_type     = "SINGLE_AZ_1"
  throughput_capacity = 64
}
resource "aws_fsx_windows_file_system" "win" {
  storage_capacity    = 300
  subnet_ids          = ["subnet-1"]
  throughput_capacity = 32
}
"#;
    let (status, message) = tf(
        hcl,
        "aws_fsx_lustre_file_system.hpc",
        "fsx.backup-retention",
    );
    assert_eq!(status, Status::Met, "{message}");
    assert!(!message.contains("disabled"), "{message}");
    let (status, message) = tf(
        hcl,
        "aws_fsx_openzfs_file_system.zfs",
        "fsx.backup-retention",
    );
    assert_eq!(status, Status::NotMet, "{message}");
    let (status, message) = tf(
        hcl,
        "aws_fsx_windows_file_system.win",
        "fsx.backup-retention",
    );
    assert_eq!(status, Status::Met, "{message}");
    assert!(!message.contains("disabled"), "{message}");
}

// --- A bucket and its sub-resources ----------------------------------------

#[test]
fn bucket_and_sub_resources_named_by_the_same_expression_are_linked() {
    let hcl = r#"
variable "name" {}
variable "other" {}
resource "aws_s3_bucket" "data" {
  bucket = var.name
}
resource "aws_s3_bucket_versioning" "data" {
  bucket = var.name
  versioning_configuration {
    status = "Enabled"
  }
}
resource "aws_s3_bucket" "logs" {
  bucket = "${var.name}-logs"
}
resource "aws_s3_bucket_logging" "logs" {
  bucket        = "${var.name}-logs"
  target_bucket = "audit"
}
resource "aws_s3_bucket" "scratch" {
  bucket = "scratch"
}
resource "aws_s3_bucket_public_access_block" "maybe" {
  bucket                  = var.other
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
"#;
    let (status, message) = tf(hcl, "aws_s3_bucket.data", "s3.versioning");
    assert_eq!(status, Status::Met, "{message}");
    let (status, message) = tf(hcl, "aws_s3_bucket.logs", "s3.access-logging");
    assert_eq!(status, Status::Met, "{message}");
    // A sub-resource naming its bucket by another unresolved value may be
    // this bucket's: unknown, never "no ... for this bucket".
    let (status, message) = tf(hcl, "aws_s3_bucket.scratch", "s3.public-access-block");
    assert_eq!(status, Status::Unknown, "{message}");
    assert!(message.contains("var.other"), "{message}");
    // The versioning of `data` is linked to `data`, so it is not a
    // candidate for `scratch`.
    let (status, message) = tf(hcl, "aws_s3_bucket.scratch", "s3.versioning");
    assert_eq!(status, Status::NotMet, "{message}");
}

#[test]
fn sub_resources_are_judged_when_their_parent_is_not_scanned() {
    let hcl = r#"
variable "bucket" {}
resource "aws_s3_bucket_versioning" "shared" {
  bucket = var.bucket
  versioning_configuration {
    status = "Suspended"
  }
}
resource "aws_s3_bucket_policy" "shared" {
  bucket = "shared-data"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::shared-data/*"
    }]
  })
}
resource "aws_s3_bucket_public_access_block" "shared" {
  bucket                  = "shared-data"
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
"#;
    for (resource, rule, want) in [
        (
            "aws_s3_bucket_versioning.shared",
            "s3.versioning",
            Status::NotMet,
        ),
        (
            "aws_s3_bucket_policy.shared",
            "s3.policy-no-wildcard-principal",
            Status::NotMet,
        ),
        ("aws_s3_bucket_policy.shared", "s3.tls-only", Status::NotMet),
        (
            "aws_s3_bucket_public_access_block.shared",
            "s3.public-access-block",
            Status::Met,
        ),
    ] {
        let (status, message) = tf(hcl, resource, rule);
        assert_eq!(status, want, "{resource} {rule}: {message}");
        assert!(
            message.contains("not in the scanned code"),
            "{resource} {rule}: {message}"
        );
    }
    let yaml = "Resources:\n  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: existing-bucket\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: \"*\"\n            Action: s3:GetObject\n            Resource: arn:aws:s3:::existing-bucket/*\n";
    let (status, message) = cfn(yaml, "Policy", "s3.policy-no-wildcard-principal");
    assert_eq!(status, Status::NotMet, "{message}");
    assert!(
        message.contains("existing-bucket is not in the scanned code"),
        "{message}"
    );
    // With the bucket in the scan, the policy is still judged where it is
    // written, and the bucket defers to it: one finding, not two.
    let yaml = "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n  Policy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Bucket\n      PolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal: \"*\"\n            Action: s3:GetObject\n            Resource: !Sub \"${Bucket.Arn}/*\"\n";
    let (status, message) = cfn(yaml, "Policy", "s3.policy-no-wildcard-principal");
    assert_eq!(status, Status::NotMet, "{message}");
    assert!(!message.contains("not in the scanned code"), "{message}");
    let (status, message) = cfn(yaml, "Bucket", "s3.policy-no-wildcard-principal");
    assert_eq!(status, Status::NotApplicable, "{message}");
    assert!(
        message.contains("judged on its bucket policy Policy"),
        "{message}"
    );
    let (status, _) = cfn(yaml, "Bucket", "s3.tls-only");
    assert_eq!(status, Status::NotApplicable);
    let (status, _) = cfn(yaml, "Policy", "s3.tls-only");
    assert_eq!(status, Status::NotMet);
}

// --- EFS automatic backups -------------------------------------------------

#[test]
fn efs_backup_policy_enabled_puts_the_file_system_in_aws_backup() {
    let yaml = "Resources:\n  Files:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      Encrypted: true\n      BackupPolicy:\n        Status: ENABLED\n  Off:\n    Type: AWS::EFS::FileSystem\n    Properties:\n      Encrypted: true\n      BackupPolicy:\n        Status: DISABLED\n";
    let (status, message) = cfn(yaml, "Files", "backup.resource-covered");
    assert_eq!(status, Status::Met, "{message}");
    let (status, message) = cfn(yaml, "Off", "backup.resource-covered");
    assert_eq!(status, Status::NotMet, "{message}");
    let hcl = r#"
resource "aws_efs_file_system" "files" {
  encrypted = true
}
resource "aws_efs_backup_policy" "files" {
  file_system_id = aws_efs_file_system.files.id
  backup_policy {
    status = "ENABLED"
  }
}
"#;
    let (status, message) = tf(hcl, "aws_efs_file_system.files", "backup.resource-covered");
    assert_eq!(status, Status::Met, "{message}");
}

// --- Lambda permissions ----------------------------------------------------

#[test]
fn lambda_permission_conditions_are_read_as_lambda_evaluates_them() {
    let yaml = "Resources:\n  OrgOnly:\n    Type: AWS::Lambda::Permission\n    Properties:\n      Action: lambda:InvokeFunction\n      FunctionName: app\n      Principal: events.amazonaws.com\n      PrincipalOrgID: o-abc123\n  BucketArnOnly:\n    Type: AWS::Lambda::Permission\n    Properties:\n      Action: lambda:InvokeFunction\n      FunctionName: app\n      Principal: s3.amazonaws.com\n      SourceArn: arn:aws:s3:::uploads\n  BucketAccount:\n    Type: AWS::Lambda::Permission\n    Properties:\n      Action: lambda:InvokeFunction\n      FunctionName: app\n      Principal: s3.amazonaws.com\n      SourceArn: arn:aws:s3:::uploads\n      SourceAccount: \"111122223333\"\n";
    let (status, message) = cfn(yaml, "OrgOnly", "lambda.no-public-invoke");
    assert_eq!(status, Status::Met, "{message}");
    assert!(message.contains("no one"), "{message}");
    let (status, message) = cfn(yaml, "BucketArnOnly", "lambda.no-public-invoke");
    assert_eq!(status, Status::NotMet, "{message}");
    let (status, message) = cfn(yaml, "BucketAccount", "lambda.no-public-invoke");
    assert_eq!(status, Status::Met, "{message}");
    let hcl = r#"
resource "aws_lambda_permission" "org_only" {
  action           = "lambda:InvokeFunction"
  function_name    = "app"
  principal        = "sns.amazonaws.com"
  principal_org_id = "o-abc123"
}
resource "aws_lambda_permission" "bucket_arn_only" {
  action        = "lambda:InvokeFunction"
  function_name = "app"
  principal     = "s3.amazonaws.com"
  source_arn    = "arn:aws:s3:::uploads"
}
"#;
    let (status, message) = tf(
        hcl,
        "aws_lambda_permission.org_only",
        "lambda.no-public-invoke",
    );
    assert_eq!(status, Status::Met, "{message}");
    let (status, message) = tf(
        hcl,
        "aws_lambda_permission.bucket_arn_only",
        "lambda.no-public-invoke",
    );
    assert_eq!(status, Status::NotMet, "{message}");
}

// --- VPC endpoint service names built from the Region ---------------------

#[test]
fn vpc_endpoint_service_built_from_the_region_is_read_in_json_and_yaml() {
    let json = r#"{
  "Resources": {
    "DynamoDBEndpoint": {
      "Type": "AWS::EC2::VPCEndpoint",
      "Properties": {
        "VpcId": "vpc-0123456789abcdef0",
        "RouteTableIds": ["rtb-0123456789abcdef0"],
        "ServiceName": {
          "Fn::Join": [
            "",
            [
              "com.amazonaws.",
              {"Ref": "AWS::Region"},
              ".dynamodb"
            ]
          ]
        }
      }
    },
    "LogsEndpoint": {
      "Type": "AWS::EC2::VPCEndpoint",
      "Properties": {
        "VpcId": "vpc-0123456789abcdef0",
        "VpcEndpointType": "Interface",
        "ServiceName": {
          "Fn::Sub": "com.amazonaws.${AWS::Region}.logs"
        }
      }
    }
  }
}"#;
    for id in ["DynamoDBEndpoint", "LogsEndpoint"] {
        let (status, message) =
            verdict("template.json", json, id, "vpc.endpoint-policy-restricted");
        assert_eq!(status, Status::NotMet, "{id}: {message}");
        assert!(message.contains("default endpoint policy"), "{message}");
    }
    let yaml = r#"
Resources:
  Mystery:
    Type: AWS::EC2::VPCEndpoint
    Properties:
      VpcId: vpc-0123456789abcdef0
      ServiceName: !Sub com.amazonaws.${AWS::Region}.${ServiceSuffix}
Parameters:
  ServiceSuffix:
    Type: String
"#;
    let (status, message) = cfn(yaml, "Mystery", "vpc.endpoint-policy-restricted");
    assert_eq!(status, Status::Unknown, "{message}");
}
