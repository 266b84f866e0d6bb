//! A deterministic generator of realistic infrastructure code for benchmarks
//! and tests: CloudFormation YAML and JSON, SAM, and Terraform modules, with a
//! mix of services, intrinsics, conditions, variables and met/unmet duties.
//!
//! The same `(files, seed)` always writes the same bytes: randomness comes
//! from a seeded SplitMix64, never from the OS.

#![warn(missing_docs)]

use std::fmt::Write as _;
use std::io;
use std::path::Path;

/// SplitMix64: tiny, seeded, good enough to pick templates.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// 0..n
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

/// What [`generate`] wrote.
#[derive(Debug, Default, Clone, Copy)]
pub struct Stats {
    /// Files written.
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
    /// Resources declared in them.
    pub resources: usize,
}

/// One generated file, relative to the corpus root.
#[derive(Debug, Clone)]
pub(crate) struct File {
    pub path: String,
    pub text: String,
}

/// The files of a corpus of about `files` files (exactly `files` unless a
/// Terraform module's second file would overshoot), in order.
pub(crate) fn files(files: usize, seed: u64) -> impl Iterator<Item = (File, usize)> {
    let mut rng = Rng::new(seed);
    let mut written = 0usize;
    let mut unit = 0usize;
    let mut pending: Vec<(File, usize)> = Vec::new();
    std::iter::from_fn(move || {
        if let Some(f) = pending.pop() {
            return Some(f);
        }
        if written >= files {
            return None;
        }
        let dir = format!("{:03}", unit / 100);
        let kind = rng.below(10);
        let mut batch = match kind {
            0..=3 => vec![cfn_yaml(&mut rng, &dir, unit)],
            4 => vec![cfn_json(&mut rng, &dir, unit)],
            5 => vec![sam(&mut rng, &dir, unit)],
            _ => terraform(&mut rng, &dir, unit, files - written),
        };
        unit += 1;
        written += batch.len();
        batch.reverse();
        pending = batch;
        pending.pop()
    })
}

/// Writes a corpus of `files` files under `out`.
pub fn generate(out: &Path, count: usize, seed: u64) -> io::Result<Stats> {
    let mut stats = Stats::default();
    for (file, resources) in files(count, seed) {
        let path = out.join(&file.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, &file.text)?;
        stats.files += 1;
        stats.bytes += file.text.len() as u64;
        stats.resources += resources;
    }
    Ok(stats)
}

const REGIONS: &[&str] = &["eu-west-1", "us-east-1", "eu-central-1", "ap-southeast-2"];

/// A CloudFormation resource as YAML lines (indented under `Resources:`).
fn cfn_resource(rng: &mut Rng, out: &mut String, n: usize, conditions: &[String]) -> usize {
    let good = rng.chance(60);
    let cond = |rng: &mut Rng| -> Option<String> {
        if conditions.is_empty() || !rng.chance(40) {
            None
        } else {
            Some(conditions[rng.below(conditions.len())].clone())
        }
    };
    match rng.below(9) {
        0 => {
            let _ = writeln!(
                out,
                "  Key{n}:\n    Type: AWS::KMS::Key\n    Properties:\n      Description: !Sub '${{AWS::StackName}} key {n}'\n      EnableKeyRotation: {good}\n      KeyPolicy:\n        Version: '2012-10-17'\n        Statement:\n          - Effect: Allow\n            Principal:\n              AWS: !Sub 'arn:aws:iam::${{AWS::AccountId}}:root'\n            Action: 'kms:*'\n            Resource: '*'"
            );
            1
        }
        1 => {
            let _ = writeln!(
                out,
                "  Bucket{n}:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub '${{AWS::StackName}}-data-{n}'"
            );
            if good {
                let _ = writeln!(
                    out,
                    "      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms\n      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n        BlockPublicPolicy: true\n        IgnorePublicAcls: true\n        RestrictPublicBuckets: true"
                );
            }
            match cond(rng) {
                Some(c) => {
                    let _ = writeln!(
                        out,
                        "      VersioningConfiguration:\n        Status: !If [{c}, Enabled, Suspended]"
                    );
                }
                None => {
                    let _ = writeln!(
                        out,
                        "      VersioningConfiguration:\n        Status: Enabled"
                    );
                }
            }
            let _ = writeln!(
                out,
                "  BucketPolicy{n}:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref Bucket{n}\n      PolicyDocument:\n        Statement:\n          - Effect: Deny\n            Principal: '*'\n            Action: 's3:*'\n            Resource:\n              - !GetAtt Bucket{n}.Arn\n              - !Sub '${{Bucket{n}.Arn}}/*'\n            Condition:\n              Bool:\n                aws:SecureTransport: false"
            );
            2
        }
        2 => {
            let port = if good { 443 } else { 22 };
            let cidr = if good {
                "!Ref AllowedCidr"
            } else {
                "0.0.0.0/0"
            };
            let _ = writeln!(
                out,
                "  Sg{n}:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: web tier {n}\n      VpcId: !Ref VpcId\n      SecurityGroupIngress:\n        - IpProtocol: tcp\n          FromPort: {port}\n          ToPort: {port}\n          CidrIp: {cidr}"
            );
            1
        }
        3 => {
            let tokens = if good { "required" } else { "optional" };
            let _ = writeln!(
                out,
                "  Instance{n}:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: !FindInMap [RegionMap, !Ref 'AWS::Region', ami]\n      InstanceType: !If [IsProd, m5.large, t3.micro]\n      SubnetId: !Ref SubnetId\n      MetadataOptions:\n        HttpTokens: {tokens}\n      BlockDeviceMappings:\n        - DeviceName: /dev/xvda\n          Ebs:\n            VolumeSize: 20\n            Encrypted: {good}"
            );
            1
        }
        4 => {
            let enc = match cond(rng) {
                Some(c) => format!("!If [{c}, true, {good}]"),
                None => good.to_string(),
            };
            let _ = writeln!(
                out,
                "  Db{n}:\n    Type: AWS::RDS::DBInstance\n    DeletionPolicy: Snapshot\n    Properties:\n      Engine: postgres\n      DBInstanceClass: !If [IsProd, db.m5.large, db.t3.micro]\n      AllocatedStorage: '20'\n      MasterUsername: !Ref DbUser\n      ManageMasterUserPassword: true\n      StorageEncrypted: {enc}\n      PubliclyAccessible: {}\n      BackupRetentionPeriod: {}\n      MultiAZ: !If [IsProd, true, false]",
                !good,
                if good { 7 } else { 0 }
            );
            1
        }
        5 => {
            let _ = writeln!(
                out,
                "  Role{n}:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Version: '2012-10-17'\n        Statement:\n          - Effect: Allow\n            Principal:\n              Service: lambda.amazonaws.com\n            Action: sts:AssumeRole\n      Policies:\n        - PolicyName: app\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action: {}\n                Resource: {}\n  Fn{n}:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: app.handler\n      Role: !GetAtt Role{n}.Arn\n      Code:\n        ZipFile: 'def handler(e, c): return e'\n      TracingConfig:\n        Mode: {}",
                if good {
                    "['dynamodb:GetItem', 'dynamodb:PutItem']"
                } else {
                    "'*'"
                },
                if good {
                    "!Sub 'arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/app'"
                } else {
                    "'*'"
                },
                if good { "Active" } else { "PassThrough" }
            );
            2
        }
        6 => {
            let _ = writeln!(
                out,
                "  Table{n}:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n      AttributeDefinitions:\n        - AttributeName: pk\n          AttributeType: S\n      KeySchema:\n        - AttributeName: pk\n          KeyType: HASH\n      SSESpecification:\n        SSEEnabled: {good}\n      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: {}",
                good || rng.chance(50)
            );
            1
        }
        7 => {
            let _ = write!(
                out,
                "  Queue{n}:\n    Type: AWS::SQS::Queue\n    Properties:\n      MessageRetentionPeriod: 345600\n"
            );
            if good {
                let _ = writeln!(out, "      KmsMasterKeyId: alias/aws/sqs");
            } else {
                let _ = writeln!(out, "      SqsManagedSseEnabled: false");
            }
            1
        }
        _ => {
            let _ = writeln!(
                out,
                "  Topic{n}:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Join ['-', [!Ref 'AWS::StackName', topic, '{n}']]{}",
                if good {
                    "\n      KmsMasterKeyId: alias/aws/sns"
                } else {
                    ""
                }
            );
            1
        }
    }
}

fn cfn_yaml(rng: &mut Rng, dir: &str, unit: usize) -> (File, usize) {
    let mut t = String::with_capacity(4096);
    let ncond = rng.below(4);
    let conditions: Vec<String> = (0..ncond).map(|i| format!("Feature{i}")).collect();
    let _ = writeln!(
        t,
        "AWSTemplateFormatVersion: '2010-09-09'\nDescription: generated stack {unit}\nParameters:\n  Env:\n    Type: String\n    AllowedValues: [dev, prod]\n    Default: dev\n  VpcId:\n    Type: AWS::EC2::VPC::Id\n    Default: vpc-0123456789abcdef0\n  SubnetId:\n    Type: String\n    Default: subnet-0123456789abcdef0\n  AllowedCidr:\n    Type: String\n    Default: 10.0.0.0/8\n  DbUser:\n    Type: String\n    Default: app"
    );
    for c in &conditions {
        let _ = writeln!(t, "  {c}Flag:\n    Type: String\n    Default: 'false'");
    }
    let _ = writeln!(t, "Mappings:\n  RegionMap:");
    for r in REGIONS {
        let _ = writeln!(t, "    {r}:\n      ami: ami-0{:015x}", rng.next_u64() >> 4);
    }
    let _ = writeln!(t, "Conditions:\n  IsProd: !Equals [!Ref Env, prod]");
    for c in &conditions {
        let _ = writeln!(t, "  {c}: !Equals [!Ref {c}Flag, 'true']");
    }
    let _ = writeln!(t, "Resources:");
    let mut resources = 0;
    for n in 0..2 + rng.below(7) {
        resources += cfn_resource(rng, &mut t, n, &conditions);
    }
    let _ = writeln!(t, "Outputs:\n  Stack:\n    Value: !Ref 'AWS::StackName'");
    (
        File {
            path: format!("cfn/{dir}/stack-{unit:05}.yaml"),
            text: t,
        },
        resources,
    )
}

fn cfn_json(rng: &mut Rng, dir: &str, unit: usize) -> (File, usize) {
    let good = rng.chance(60);
    let n = unit;
    let text = format!(
        r#"{{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Description": "generated JSON stack {n}",
  "Parameters": {{
    "Env": {{ "Type": "String", "Default": "dev" }}
  }},
  "Conditions": {{
    "IsProd": {{ "Fn::Equals": [{{ "Ref": "Env" }}, "prod"] }}
  }},
  "Resources": {{
    "Key": {{
      "Type": "AWS::KMS::Key",
      "Properties": {{ "EnableKeyRotation": {good} }}
    }},
    "Logs": {{
      "Type": "AWS::S3::Bucket",
      "Properties": {{
        "BucketName": {{ "Fn::Sub": "${{AWS::StackName}}-logs-{n}" }},
        "BucketEncryption": {{
          "ServerSideEncryptionConfiguration": [
            {{ "ServerSideEncryptionByDefault": {{ "SSEAlgorithm": "aws:kms", "KMSMasterKeyID": {{ "Fn::GetAtt": ["Key", "Arn"] }} }} }}
          ]
        }},
        "VersioningConfiguration": {{ "Status": {{ "Fn::If": ["IsProd", "Enabled", "Suspended"] }} }}
      }}
    }},
    "Queue": {{
      "Type": "AWS::SQS::Queue",
      "Properties": {{ "KmsMasterKeyId": {{ "Ref": "Key" }} }}
    }},
    "Table": {{
      "Type": "AWS::DynamoDB::Table",
      "Properties": {{
        "BillingMode": "PAY_PER_REQUEST",
        "AttributeDefinitions": [{{ "AttributeName": "id", "AttributeType": "S" }}],
        "KeySchema": [{{ "AttributeName": "id", "KeyType": "HASH" }}],
        "SSESpecification": {{ "SSEEnabled": true, "SSEType": "KMS", "KMSMasterKeyId": {{ "Ref": "Key" }} }}
      }}
    }}
  }}
}}
"#
    );
    (
        File {
            path: format!("cfn-json/{dir}/stack-{unit:05}.json"),
            text,
        },
        4,
    )
}

fn sam(rng: &mut Rng, dir: &str, unit: usize) -> (File, usize) {
    let good = rng.chance(60);
    let fns = 1 + rng.below(3);
    let mut t = String::new();
    let _ = writeln!(
        t,
        "AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nDescription: generated SAM app {unit}\nGlobals:\n  Function:\n    Runtime: nodejs20.x\n    Timeout: 10\n    Tracing: {}\nResources:\n  Table:\n    Type: AWS::Serverless::SimpleTable\n    Properties:\n      SSESpecification:\n        SSEEnabled: {good}",
        if good { "Active" } else { "PassThrough" }
    );
    for f in 0..fns {
        let _ = writeln!(
            t,
            "  Fn{f}:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n      CodeUri: src/fn{f}/\n      Environment:\n        Variables:\n          TABLE: !Ref Table\n      Policies:\n        - DynamoDBCrudPolicy:\n            TableName: !Ref Table\n      Events:\n        Api:\n          Type: Api\n          Properties:\n            Path: /item{f}\n            Method: get"
        );
    }
    (
        File {
            path: format!("sam/{dir}/app-{unit:05}/template.yaml"),
            text: t,
        },
        1 + fns,
    )
}

/// A Terraform module: `main.tf` and `variables.tf` (and a root calling a
/// child module through `module` every so often).
fn terraform(rng: &mut Rng, dir: &str, unit: usize, room: usize) -> Vec<(File, usize)> {
    let base = format!("terraform/{dir}/mod-{unit:05}");
    let mut main = String::new();
    let mut resources = 0;
    let good = rng.chance(60);
    let _ = writeln!(
        main,
        "terraform {{\n  required_providers {{\n    aws = {{\n      source  = \"hashicorp/aws\"\n      version = \"~> 5.0\"\n    }}\n  }}\n}}\n\nprovider \"aws\" {{\n  region = var.region\n}}\n\nlocals {{\n  name = \"${{var.project}}-${{var.env}}\"\n  tags = {{\n    Project = var.project\n    Env     = var.env\n  }}\n}}\n"
    );
    for n in 0..1 + rng.below(5) {
        let good = good && rng.chance(80);
        match rng.below(7) {
            0 => {
                let _ = writeln!(
                    main,
                    "resource \"aws_s3_bucket\" \"data{n}\" {{\n  bucket = \"${{local.name}}-data-{n}\"\n  tags   = local.tags\n}}\n"
                );
                resources += 1;
                if good {
                    let _ = writeln!(
                        main,
                        "resource \"aws_s3_bucket_server_side_encryption_configuration\" \"data{n}\" {{\n  bucket = aws_s3_bucket.data{n}.id\n  rule {{\n    apply_server_side_encryption_by_default {{\n      sse_algorithm     = \"aws:kms\"\n      kms_master_key_id = aws_kms_key.main.arn\n    }}\n  }}\n}}\n\nresource \"aws_s3_bucket_public_access_block\" \"data{n}\" {{\n  bucket                  = aws_s3_bucket.data{n}.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}}\n"
                    );
                    resources += 2;
                }
            }
            1 => {
                let _ = writeln!(
                    main,
                    "resource \"aws_security_group\" \"web{n}\" {{\n  name   = \"${{local.name}}-web-{n}\"\n  vpc_id = var.vpc_id\n\n  dynamic \"ingress\" {{\n    for_each = var.ingress_ports\n    content {{\n      from_port   = ingress.value\n      to_port     = ingress.value\n      protocol    = \"tcp\"\n      cidr_blocks = [{}]\n    }}\n  }}\n}}\n",
                    if good {
                        "var.allowed_cidr"
                    } else {
                        "\"0.0.0.0/0\""
                    }
                );
                resources += 1;
            }
            2 => {
                let _ = writeln!(
                    main,
                    "resource \"aws_instance\" \"app{n}\" {{\n  count         = var.instance_count\n  ami           = var.ami\n  instance_type = var.env == \"prod\" ? \"m5.large\" : \"t3.micro\"\n  subnet_id     = var.subnet_ids[count.index]\n\n  metadata_options {{\n    http_tokens = \"{}\"\n  }}\n\n  root_block_device {{\n    encrypted = {good}\n  }}\n\n  tags = merge(local.tags, {{ Name = \"app-${{count.index}}\" }})\n}}\n",
                    if good { "required" } else { "optional" }
                );
                resources += 1;
            }
            3 => {
                let _ = writeln!(
                    main,
                    "resource \"aws_db_instance\" \"db{n}\" {{\n  identifier                  = \"${{local.name}}-db{n}\"\n  engine                      = \"postgres\"\n  instance_class              = \"db.t3.micro\"\n  allocated_storage           = 20\n  username                    = \"app\"\n  manage_master_user_password = true\n  storage_encrypted           = {good}\n  kms_key_id                  = aws_kms_key.main.arn\n  publicly_accessible         = {}\n  backup_retention_period     = {}\n  skip_final_snapshot         = true\n}}\n",
                    !good,
                    if good { 7 } else { 0 }
                );
                resources += 1;
            }
            4 => {
                let _ = writeln!(
                    main,
                    "resource \"aws_iam_role\" \"fn{n}\" {{\n  name = \"${{local.name}}-fn{n}\"\n  assume_role_policy = jsonencode({{\n    Version = \"2012-10-17\"\n    Statement = [{{\n      Effect    = \"Allow\"\n      Principal = {{ Service = \"lambda.amazonaws.com\" }}\n      Action    = \"sts:AssumeRole\"\n    }}]\n  }})\n}}\n\nresource \"aws_lambda_function\" \"fn{n}\" {{\n  for_each      = toset(var.functions)\n  function_name = \"${{local.name}}-${{each.key}}\"\n  role          = aws_iam_role.fn{n}.arn\n  handler       = \"index.handler\"\n  runtime       = \"nodejs20.x\"\n  filename      = \"build/${{each.key}}.zip\"\n\n  tracing_config {{\n    mode = \"{}\"\n  }}\n}}\n",
                    if good { "Active" } else { "PassThrough" }
                );
                resources += 2;
            }
            5 => {
                let _ = writeln!(
                    main,
                    "resource \"aws_dynamodb_table\" \"t{n}\" {{\n  name         = \"${{local.name}}-t{n}\"\n  billing_mode = \"PAY_PER_REQUEST\"\n  hash_key     = \"pk\"\n\n  attribute {{\n    name = \"pk\"\n    type = \"S\"\n  }}\n\n  server_side_encryption {{\n    enabled = {good}\n  }}\n\n  point_in_time_recovery {{\n    enabled = {good}\n  }}\n}}\n"
                );
                resources += 1;
            }
            _ => {
                let _ = writeln!(
                    main,
                    "resource \"aws_sqs_queue\" \"q{n}\" {{\n  name                    = \"${{local.name}}-q{n}\"\n  sqs_managed_sse_enabled = {good}\n}}\n"
                );
                resources += 1;
            }
        }
    }
    let _ = writeln!(
        main,
        "resource \"aws_kms_key\" \"main\" {{\n  description         = \"${{local.name}} key\"\n  enable_key_rotation = {good}\n}}\n\noutput \"key_arn\" {{\n  value = aws_kms_key.main.arn\n}}"
    );
    resources += 1;
    let vars = "variable \"region\" {\n  type    = string\n  default = \"eu-west-1\"\n}\n\nvariable \"project\" {\n  type    = string\n  default = \"shop\"\n}\n\nvariable \"env\" {\n  type    = string\n  default = \"dev\"\n}\n\nvariable \"vpc_id\" {\n  type    = string\n  default = \"vpc-0123456789abcdef0\"\n}\n\nvariable \"allowed_cidr\" {\n  type    = string\n  default = \"10.0.0.0/8\"\n}\n\nvariable \"ingress_ports\" {\n  type    = list(number)\n  default = [443, 8443]\n}\n\nvariable \"instance_count\" {\n  type    = number\n  default = 2\n}\n\nvariable \"ami\" {\n  type    = string\n  default = \"ami-0123456789abcdef0\"\n}\n\nvariable \"subnet_ids\" {\n  type    = list(string)\n  default = [\"subnet-0aaa\", \"subnet-0bbb\"]\n}\n\nvariable \"functions\" {\n  type    = list(string)\n  default = [\"api\", \"worker\"]\n}\n";
    let mut out = vec![(
        File {
            path: format!("{base}/main.tf"),
            text: main,
        },
        resources,
    )];
    if room >= 2 {
        out.push((
            File {
                path: format!("{base}/variables.tf"),
                text: vars.to_owned(),
            },
            0,
        ));
    } else {
        // One file left: keep the module self-contained.
        out[0].0.text.push('\n');
        out[0].0.text.push_str(vars);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_exact_count() {
        let a: Vec<String> = files(57, 3).map(|(f, _)| f.path + &f.text).collect();
        let b: Vec<String> = files(57, 3).map(|(f, _)| f.path + &f.text).collect();
        assert_eq!(a, b);
        assert_eq!(a.len(), 57);
        let c: Vec<String> = files(57, 4).map(|(f, _)| f.path + &f.text).collect();
        assert_ne!(a, c);
    }
}
