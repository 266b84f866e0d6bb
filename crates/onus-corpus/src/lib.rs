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
pub struct File {
    /// Its path, relative to the corpus root.
    pub path: String,
    /// Its contents.
    pub text: String,
}

/// How big the generated files are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Profile {
    /// Small files of about 1.6 KB (the corpora of the first benchmarks).
    #[default]
    Small,
    /// File sizes drawn from those of `../shared/corpus` (see [`CFN_SIZES`]
    /// and [`TF_SIZES`]): a median near 6 KB for templates and 4 KB for
    /// Terraform, and a tail to 60 KB.
    Realistic,
}

/// Sizes in bytes of the 415 CloudFormation and SAM templates of
/// `../shared/corpus/cloudformation`, at the 0th, 5th, 10th ... 95th, 99th and
/// 100th percentiles.
pub const CFN_SIZES: [u32; 22] = [
    331, 934, 1436, 2157, 2580, 3309, 3856, 4426, 5005, 5480, 6313, 7193, 8414, 9235, 10632, 12072,
    14504, 18008, 22619, 29754, 45711, 60364,
];

/// Sizes in bytes of the 136 `.tf` files of `../shared/corpus/terraform`
/// that declare resources (the others hold variables, outputs and versions),
/// at the same percentiles as [`CFN_SIZES`].
pub const TF_SIZES: [u32; 22] = [
    71, 327, 697, 876, 1200, 1381, 1613, 1993, 2469, 3221, 3825, 4304, 4935, 5730, 6216, 8780,
    10285, 11050, 14931, 31247, 44557, 61465,
];

/// A size drawn from a percentile table (linear between its points).
fn draw_size(rng: &mut Rng, table: &[u32; 22]) -> usize {
    // Thousandths: the table's points sit at 0, 50, 100 ... 950, 990, 1000.
    let at = |i: usize| if i <= 19 { i * 50 } else { [990, 1000][i - 20] };
    let u = rng.below(1000);
    let i = (0..21).rfind(|&i| at(i) <= u).unwrap_or(0);
    let (lo, hi) = (table[i] as usize, table[i + 1] as usize);
    lo + (hi - lo) * (u - at(i)) / (at(i + 1) - at(i))
}

/// The files of a corpus of about `files` files (exactly `files` unless a
/// Terraform module's second file would overshoot), in order.
pub fn files(files: usize, seed: u64) -> impl Iterator<Item = (File, usize)> {
    files_with(Profile::Small, files, seed)
}

/// [`files`] with the file sizes of `profile`. The realistic profile has the
/// same mix of formats, one file per Terraform module.
pub(crate) fn files_with(
    profile: Profile,
    files: usize,
    seed: u64,
) -> impl Iterator<Item = (File, usize)> {
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
        let mut batch = match (profile, kind) {
            (Profile::Small, 0..=3) => vec![cfn_yaml(&mut rng, &dir, unit)],
            (Profile::Small, 4) => vec![cfn_json(&mut rng, &dir, unit)],
            (Profile::Small, 5) => vec![sam(&mut rng, &dir, unit)],
            (Profile::Small, _) => terraform(&mut rng, &dir, unit, files - written),
            (Profile::Realistic, _) => {
                let table = if kind <= 5 { &CFN_SIZES } else { &TF_SIZES };
                let size = draw_size(&mut rng, table);
                vec![match kind {
                    0..=3 => realistic_yaml(&mut rng, &dir, unit, size),
                    4 => realistic_json(&mut rng, &dir, unit, size),
                    5 => realistic_sam(&mut rng, &dir, unit, size),
                    _ => realistic_terraform(&mut rng, &dir, unit, size),
                }]
            }
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
    generate_with(Profile::Small, out, count, seed)
}

/// Writes a corpus of `files` files of `profile` under `out`.
pub fn generate_with(profile: Profile, out: &Path, count: usize, seed: u64) -> io::Result<Stats> {
    let mut stats = Stats::default();
    for (file, resources) in files_with(profile, count, seed) {
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

/// The template's version, description, parameters, mappings and conditions.
fn cfn_yaml_head(rng: &mut Rng, t: &mut String, unit: usize, conditions: &[String]) {
    let _ = writeln!(
        t,
        "AWSTemplateFormatVersion: '2010-09-09'\nDescription: generated stack {unit}\nParameters:\n  Env:\n    Type: String\n    AllowedValues: [dev, prod]\n    Default: dev\n  VpcId:\n    Type: AWS::EC2::VPC::Id\n    Default: vpc-0123456789abcdef0\n  SubnetId:\n    Type: String\n    Default: subnet-0123456789abcdef0\n  AllowedCidr:\n    Type: String\n    Default: 10.0.0.0/8\n  DbUser:\n    Type: String\n    Default: app"
    );
    for c in conditions {
        let _ = writeln!(t, "  {c}Flag:\n    Type: String\n    Default: 'false'");
    }
    let _ = writeln!(t, "Mappings:\n  RegionMap:");
    for r in REGIONS {
        let _ = writeln!(t, "    {r}:\n      ami: ami-0{:015x}", rng.next_u64() >> 4);
    }
    let _ = writeln!(t, "Conditions:\n  IsProd: !Equals [!Ref Env, prod]");
    for c in conditions {
        let _ = writeln!(t, "  {c}: !Equals [!Ref {c}Flag, 'true']");
    }
}

fn cfn_yaml(rng: &mut Rng, dir: &str, unit: usize) -> (File, usize) {
    let mut t = String::with_capacity(4096);
    let ncond = rng.below(4);
    let conditions: Vec<String> = (0..ncond).map(|i| format!("Feature{i}")).collect();
    cfn_yaml_head(rng, &mut t, unit, &conditions);
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

/// One Terraform resource (or a few that go together) in `main`; returns
/// how many.
fn tf_resource(rng: &mut Rng, main: &mut String, n: usize, good: bool) -> usize {
    let mut resources = 0;
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
    resources
}

/// The variables of a generated Terraform module.
const TF_VARIABLES: &str = "variable \"region\" {\n  type    = string\n  default = \"eu-west-1\"\n}\n\nvariable \"project\" {\n  type    = string\n  default = \"shop\"\n}\n\nvariable \"env\" {\n  type    = string\n  default = \"dev\"\n}\n\nvariable \"vpc_id\" {\n  type    = string\n  default = \"vpc-0123456789abcdef0\"\n}\n\nvariable \"allowed_cidr\" {\n  type    = string\n  default = \"10.0.0.0/8\"\n}\n\nvariable \"ingress_ports\" {\n  type    = list(number)\n  default = [443, 8443]\n}\n\nvariable \"instance_count\" {\n  type    = number\n  default = 2\n}\n\nvariable \"ami\" {\n  type    = string\n  default = \"ami-0123456789abcdef0\"\n}\n\nvariable \"subnet_ids\" {\n  type    = list(string)\n  default = [\"subnet-0aaa\", \"subnet-0bbb\"]\n}\n\nvariable \"functions\" {\n  type    = list(string)\n  default = [\"api\", \"worker\"]\n}\n";

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
        resources += tf_resource(rng, &mut main, n, good);
    }
    let _ = writeln!(
        main,
        "resource \"aws_kms_key\" \"main\" {{\n  description         = \"${{local.name}} key\"\n  enable_key_rotation = {good}\n}}\n\noutput \"key_arn\" {{\n  value = aws_kms_key.main.arn\n}}"
    );
    resources += 1;
    let vars = TF_VARIABLES;
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

/// What follows a generated CloudFormation resource in a realistic template:
/// the resource's Metadata, and an output for the `Outputs` section.
fn cfn_extras(t: &mut String, outputs: &mut String, n: usize, unit: usize) {
    let _ = writeln!(
        t,
        "    Metadata:\n      Owner: platform-team\n      Purpose: part {n} of generated stack {unit}, kept for the benchmarks\n      Runbook: https://wiki.example.com/runbooks/stack-{unit}/part-{n}\n      Review:\n        Date: '2026-01-15'\n        By: security-team\n  # Part {n} ends here. The next part is reviewed separately: keep the\n  # logical ids stable, other stacks import their outputs by name, and a\n  # rename replaces the resource (and deletes its data when it holds any).\n  # Changes to this part go through the platform team's review: open a\n  # ticket with the stack name, the part number and the reason, and link\n  # the change set; the on-call engineer applies it in the next window."
    );
    let _ = writeln!(
        outputs,
        "  Out{n}:\n    Description: Identifier of part {n} of the stack\n    Value: !Sub '${{AWS::StackName}}-part-{n}'\n    Export:\n      Name: !Sub '${{AWS::StackName}}-Out{n}'\n  Out{n}Region:\n    Description: Region of part {n}, for the stacks that import it\n    Value: !Ref 'AWS::Region'\n    Export:\n      Name: !Sub '${{AWS::StackName}}-Out{n}-Region'"
    );
}

/// A CloudFormation YAML template of about `size` bytes. Templates under
/// 2 KB hold queues and topics only (no parameters to refer to).
fn realistic_yaml(rng: &mut Rng, dir: &str, unit: usize, size: usize) -> (File, usize) {
    let mut t = String::with_capacity(size + 2048);
    let mut outputs = String::from("Outputs:\n");
    let small = size < 2048;
    let conditions: Vec<String> = if small {
        let _ = writeln!(
            t,
            "AWSTemplateFormatVersion: '2010-09-09'\nDescription: generated stack {unit}"
        );
        Vec::new()
    } else {
        let conditions: Vec<String> = (0..rng.below(4)).map(|i| format!("Feature{i}")).collect();
        cfn_yaml_head(rng, &mut t, unit, &conditions);
        conditions
    };
    let _ = writeln!(t, "Resources:");
    let mut resources = 0;
    let mut n = 0;
    while n == 0 || t.len() + outputs.len() < size {
        resources += if small {
            let good = rng.chance(60);
            let _ = writeln!(
                t,
                "  Queue{n}:\n    Type: AWS::SQS::Queue\n    Properties:\n      SqsManagedSseEnabled: {good}"
            );
            1
        } else {
            cfn_resource(rng, &mut t, n, &conditions)
        };
        cfn_extras(&mut t, &mut outputs, n, unit);
        n += 1;
    }
    t.push_str(&outputs);
    (
        File {
            path: format!("cfn/{dir}/stack-{unit:05}.yaml"),
            text: t,
        },
        resources,
    )
}

/// A CloudFormation JSON template of about `size` bytes: groups of a key, a
/// bucket and a table encrypted with it.
fn realistic_json(rng: &mut Rng, dir: &str, unit: usize, size: usize) -> (File, usize) {
    let mut t = format!(
        "{{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Description\": \"generated JSON stack {unit}\",\n  \"Parameters\": {{\n    \"Env\": {{ \"Type\": \"String\", \"Default\": \"dev\" }}\n  }},\n  \"Conditions\": {{\n    \"IsProd\": {{ \"Fn::Equals\": [{{ \"Ref\": \"Env\" }}, \"prod\"] }}\n  }},\n  \"Resources\": {{"
    );
    let mut n = 0;
    while n == 0 || t.len() < size {
        let good = rng.chance(60);
        let _ = write!(
            t,
            r#"{}
    "Key{n}": {{
      "Type": "AWS::KMS::Key",
      "Metadata": {{ "Owner": "platform-team", "Purpose": "group {n} of generated stack {unit}" }},
      "Properties": {{
        "EnableKeyRotation": {good},
        "Description": "key of group {n}",
        "KeyPolicy": {{
          "Version": "2012-10-17",
          "Statement": [
            {{
              "Sid": "AccountAdmin",
              "Effect": "Allow",
              "Principal": {{ "AWS": {{ "Fn::Sub": "arn:aws:iam::${{AWS::AccountId}}:root" }} }},
              "Action": "kms:*",
              "Resource": "*"
            }},
            {{
              "Sid": "LogsUse",
              "Effect": "Allow",
              "Principal": {{ "Service": "logs.amazonaws.com" }},
              "Action": ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*"],
              "Resource": "*"
            }},
            {{
              "Sid": "TableUse",
              "Effect": "Allow",
              "Principal": {{ "AWS": {{ "Fn::Sub": "arn:aws:iam::${{AWS::AccountId}}:role/app-{unit}" }} }},
              "Action": ["kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey"],
              "Resource": "*",
              "Condition": {{ "StringEquals": {{ "kms:ViaService": {{ "Fn::Sub": "dynamodb.${{AWS::Region}}.amazonaws.com" }} }} }}
            }}
          ]
        }},
        "Tags": [{{ "Key": "Owner", "Value": "platform-team" }}, {{ "Key": "Group", "Value": "{n}" }}]
      }}
    }},
    "Logs{n}": {{
      "Type": "AWS::S3::Bucket",
      "DeletionPolicy": "Retain",
      "UpdateReplacePolicy": "Retain",
      "Metadata": {{ "Owner": "platform-team", "Purpose": "access logs of group {n}", "Runbook": "https://wiki.example.com/runbooks/stack-{unit}/logs-{n}" }},
      "Properties": {{
        "BucketName": {{ "Fn::Sub": "${{AWS::StackName}}-logs-{unit}-{n}" }},
        "BucketEncryption": {{
          "ServerSideEncryptionConfiguration": [
            {{ "ServerSideEncryptionByDefault": {{ "SSEAlgorithm": "aws:kms", "KMSMasterKeyID": {{ "Fn::GetAtt": ["Key{n}", "Arn"] }} }} }}
          ]
        }},
        "VersioningConfiguration": {{ "Status": {{ "Fn::If": ["IsProd", "Enabled", "Suspended"] }} }},
        "Tags": [{{ "Key": "Owner", "Value": "platform-team" }}, {{ "Key": "Group", "Value": "{n}" }}]
      }}
    }},
    "Table{n}": {{
      "Type": "AWS::DynamoDB::Table",
      "DeletionPolicy": "Retain",
      "UpdateReplacePolicy": "Retain",
      "Metadata": {{ "Owner": "platform-team", "Purpose": "items of group {n}", "Runbook": "https://wiki.example.com/runbooks/stack-{unit}/table-{n}" }},
      "Properties": {{
        "BillingMode": "PAY_PER_REQUEST",
        "AttributeDefinitions": [{{ "AttributeName": "id", "AttributeType": "S" }}],
        "KeySchema": [{{ "AttributeName": "id", "KeyType": "HASH" }}],
        "SSESpecification": {{ "SSEEnabled": {good}, "SSEType": "KMS", "KMSMasterKeyId": {{ "Ref": "Key{n}" }} }},
        "PointInTimeRecoverySpecification": {{ "PointInTimeRecoveryEnabled": {good} }},
        "Tags": [{{ "Key": "Owner", "Value": "platform-team" }}, {{ "Key": "Group", "Value": "{n}" }}]
      }}
    }}"#,
            if n == 0 { "" } else { "," }
        );
        n += 1;
    }
    t.push_str("\n  },\n  \"Outputs\": {");
    for g in 0..n {
        let _ = write!(
            t,
            "{}\n    \"Key{g}Arn\": {{ \"Description\": \"Key of group {g}\", \"Value\": {{ \"Fn::GetAtt\": [\"Key{g}\", \"Arn\"] }}, \"Export\": {{ \"Name\": {{ \"Fn::Sub\": \"${{AWS::StackName}}-Key{g}Arn\" }} }} }},\n    \"Logs{g}Name\": {{ \"Description\": \"Log bucket of group {g}\", \"Value\": {{ \"Ref\": \"Logs{g}\" }}, \"Export\": {{ \"Name\": {{ \"Fn::Sub\": \"${{AWS::StackName}}-Logs{g}Name\" }} }} }},\n    \"Table{g}Name\": {{ \"Description\": \"Table of group {g}\", \"Value\": {{ \"Ref\": \"Table{g}\" }}, \"Export\": {{ \"Name\": {{ \"Fn::Sub\": \"${{AWS::StackName}}-Table{g}Name\" }} }} }}",
            if g == 0 { "" } else { "," }
        );
    }
    t.push_str("\n  }\n}\n");
    (
        File {
            path: format!("cfn-json/{dir}/stack-{unit:05}.json"),
            text: t,
        },
        3 * n,
    )
}

/// A SAM application of about `size` bytes: a table and functions using it.
fn realistic_sam(rng: &mut Rng, dir: &str, unit: usize, size: usize) -> (File, usize) {
    let good = rng.chance(60);
    let mut t = String::with_capacity(size + 1024);
    let _ = writeln!(
        t,
        "AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nDescription: generated SAM app {unit}\nGlobals:\n  Function:\n    Runtime: nodejs20.x\n    Timeout: 10\n    Tracing: {}\nResources:\n  Table:\n    Type: AWS::Serverless::SimpleTable\n    Properties:\n      SSESpecification:\n        SSEEnabled: {good}",
        if good { "Active" } else { "PassThrough" }
    );
    let mut f = 0;
    while f == 0 || t.len() < size {
        let _ = writeln!(
            t,
            "  # Handler {f}: reads its settings from SSM at start, writes to the table.\n  # Memory is sized from the last load test; do not lower it below 128 MB.\n  Fn{f}:\n    Type: AWS::Serverless::Function\n    Metadata:\n      Owner: platform-team\n      Purpose: handler {f} of generated app {unit}, kept for the benchmarks\n    Properties:\n      Description: handler {f} of app {unit}\n      Handler: index.handler{f}\n      CodeUri: src/fn{f}/\n      MemorySize: {}\n      Environment:\n        Variables:\n          TABLE: !Ref Table\n          STAGE: prod\n          LOG_LEVEL: info\n          POWERTOOLS_SERVICE_NAME: app-{unit}\n      Policies:\n        - DynamoDBCrudPolicy:\n            TableName: !Ref Table\n        - Statement:\n            - Effect: Allow\n              Action:\n                - ssm:GetParameter\n                - ssm:GetParametersByPath\n              Resource: !Sub 'arn:aws:ssm:${{AWS::Region}}:${{AWS::AccountId}}:parameter/app-{unit}/*'\n            - Effect: Allow\n              Action:\n                - sqs:SendMessage\n                - sqs:GetQueueUrl\n              Resource: !Sub 'arn:aws:sqs:${{AWS::Region}}:${{AWS::AccountId}}:app-{unit}-events'\n            - Effect: Allow\n              Action:\n                - xray:PutTraceSegments\n                - xray:PutTelemetryRecords\n              Resource: '*'\n      ReservedConcurrentExecutions: 10\n      EphemeralStorage:\n        Size: 512\n      Tags:\n        Owner: platform-team\n        App: app-{unit}\n        Handler: handler-{f}\n      # Failures page the on-call engineer (more than five in five minutes);\n      # silence the alarm in the monitoring tool, not here. The handler\n      # retries twice, then parks the event on the app's dead-letter queue.",
            128 << rng.below(4)
        );
        if f % 3 == 0 {
            let _ = writeln!(
                t,
                "      Events:\n        Api:\n          Type: Api\n          Properties:\n            Path: /item{f}\n            Method: {}",
                ["get", "post", "put", "delete"][rng.below(4)]
            );
        }
        f += 1;
    }
    (
        File {
            path: format!("sam/{dir}/app-{unit:05}/template.yaml"),
            text: t,
        },
        1 + f,
    )
}

/// A Terraform module in one `main.tf` of about `size` bytes. Files under
/// 3 KB hold resources only, whose variables and locals are declared
/// elsewhere (read as unknown values).
fn realistic_terraform(rng: &mut Rng, dir: &str, unit: usize, size: usize) -> (File, usize) {
    let mut main = String::with_capacity(size + 2048);
    let good = rng.chance(60);
    let full = size >= 3072;
    if full {
        let _ = writeln!(
            main,
            "provider \"aws\" {{\n  region = var.region\n}}\n\nlocals {{\n  name = \"${{var.project}}-${{var.env}}\"\n  tags = {{\n    Project = var.project\n    Env     = var.env\n  }}\n}}\n\n{TF_VARIABLES}"
        );
    } else {
        main.push_str(
            "variable \"instance_count\" {\n  default = 2\n}\n\nvariable \"functions\" {\n  default = [\"api\", \"worker\"]\n}\n\n",
        );
    }
    let mut resources = 0;
    let mut n = 0;
    while n == 0 || main.len() < size {
        let good = good && rng.chance(80);
        resources += tf_resource(rng, &mut main, n, good);
        let _ = writeln!(
            main,
            "# Part {n} of module {unit}: reviewed by the security team on 2026-01-15.\n# Keep the addresses stable, the state of other roots refers to them;\n# a rename needs a moved block, or Terraform destroys and recreates it.\noutput \"part_{n}\" {{\n  description = \"What other modules read of part {n}\"\n  value       = \"${{local.name}}-part-{n}\"\n}}\n\nvariable \"part_{n}_retention_days\" {{\n  description = \"How many days the logs of part {n} are kept. CloudWatch Logs accepts 1, 3, 5, 7, 14, 30, 60, 90 and longer periods; 0 keeps them forever.\"\n  type        = number\n  default     = 90\n\n  validation {{\n    condition     = var.part_{n}_retention_days >= 0\n    error_message = \"The retention must be 0 or more days.\"\n  }}\n}}\n"
        );
        n += 1;
    }
    if full {
        let _ = writeln!(
            main,
            "resource \"aws_kms_key\" \"main\" {{\n  description         = \"${{local.name}} key\"\n  enable_key_rotation = {good}\n}}"
        );
        resources += 1;
    }
    (
        File {
            path: format!("terraform/{dir}/mod-{unit:05}/main.tf"),
            text: main,
        },
        resources,
    )
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

    #[test]
    fn realistic_sizes_follow_the_percentiles() {
        let mut sizes: Vec<usize> = files_with(Profile::Realistic, 2000, 7)
            .filter(|(f, _)| !f.path.ends_with(".tf"))
            .map(|(f, _)| f.text.len())
            .collect();
        sizes.sort_unstable();
        let at = |q: usize| sizes[sizes.len() * q / 100];
        // The median and the tail of the real templates, within the
        // overshoot of the last resource written.
        assert!((5_500..8_000).contains(&at(50)), "median {}", at(50));
        assert!((25_000..36_000).contains(&at(95)), "95th {}", at(95));
        // The last resource or group written may overshoot the size drawn.
        assert!(*sizes.last().unwrap() < 75_000);
    }
}
