//! A secret found in the code is never printed: not in a finding's message
//! (a masked prefix only), not in a source excerpt, in any of the eight
//! `onus scan` formats nor in `onus matrix`. The fixtures are written at test
//! time and hold secrets of every kind the rules know, in both formats.

use assert_cmd::Command;

/// Each secret written in the fixtures, whole.
const SECRETS: &[&str] = &[
    "Zq7fixturePass",
    "AKIAJ7Q3FIXTUREZKEYZ",
    "sk_live_fixture0123456789abcdefXYZ",
    "ghp_fixture0123456789fixture0123456789ab",
    "dockerhubpass99",
    "bitbucketpass77",
    "fixture-horse-battery-cache",
    "tfvariablesecret1",
    "tflocalsecret22",
    "scriptpassword5",
    "npm_fixture0123456789fixture0123456789ab",
];

const TEMPLATE: &str = r#"Parameters:
  DbPassword:
    Type: String
    Default: Zq7fixturePass
Resources:
  Api:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      Role: arn:aws:iam::111122223333:role/api
      Code:
        ZipFile: "def handler(e, c): pass"
      Environment:
        Variables:
          DB_PASSWORD: !Ref DbPassword
          DEPLOY_KEY_ID: AKIAJ7Q3FIXTUREZKEYZ
          STRIPE: sk_live_fixture0123456789abcdefXYZ
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      UserData:
        Fn::Base64: |
          #!/bin/bash
          export GITHUB_TOKEN=ghp_fixture0123456789fixture0123456789ab
          mysql --password=scriptpassword5 -h db
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: public.ecr.aws/nginx/nginx:1.27
          Environment:
            - Name: DOCKERHUB_PASSWORD
              Value: dockerhubpass99
  Build:
    Type: AWS::CodeBuild::Project
    Properties:
      Artifacts: {Type: NO_ARTIFACTS}
      ServiceRole: arn:aws:iam::111122223333:role/build
      Environment:
        Type: LINUX_CONTAINER
        ComputeType: BUILD_GENERAL1_SMALL
        Image: aws/codebuild/standard:7.0
        EnvironmentVariables:
          - Name: NPM_TOKEN
            Value: npm_fixture0123456789fixture0123456789ab
      Source:
        Type: BITBUCKET
        Location: https://builder:bitbucketpass77@bitbucket.org/acme/app.git
  Cache:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties:
      ReplicationGroupDescription: sessions
      Engine: redis
      CacheNodeType: cache.t3.micro
      TransitEncryptionEnabled: true
      AuthToken: fixture-horse-battery-cache
"#;

const TERRAFORM: &str = r#"variable "broker_password" {
  type    = string
  default = "tfvariablesecret1"
}
locals {
  api_token = "tflocalsecret22"
}
resource "aws_mq_broker" "events" {
  broker_name        = "events"
  engine_type        = "RabbitMQ"
  engine_version     = "3.13"
  host_instance_type = "mq.t3.micro"
  user {
    username = "app"
    password = var.broker_password
  }
}
resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = "arn:aws:iam::111122223333:role/api"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "api.zip"
  environment {
    variables = { API_TOKEN = local.api_token }
  }
}
resource "aws_instance" "web" {
  ami              = "ami-0123456789abcdef0"
  instance_type    = "t3.micro"
  user_data_base64 = "IyEvYmluL2Jhc2gKZXhwb3J0IERCX1BBU1NXT1JEPVpxN2ZpeHR1cmVQYXNzQjY0Cg=="
}
"#;

fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("template.yaml"), TEMPLATE).expect("write");
    let tf = dir.path().join("tf");
    std::fs::create_dir(&tf).expect("mkdir");
    std::fs::write(tf.join("main.tf"), TERRAFORM).expect("write");
    dir
}

fn run(args: &[&str]) -> String {
    let dir = fixture();
    let out = Command::new(assert_cmd::cargo::cargo_bin!("onus"))
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .current_dir(dir.path())
        .args(args)
        .output()
        .expect("run onus");
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut text = String::from_utf8(out.stdout).expect("UTF-8 output");
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    text
}

fn assert_masked(what: &str, out: &str) {
    for secret in SECRETS {
        assert!(!out.contains(secret), "{what}: {secret} is printed");
    }
    // The base64 user data encodes `DB_PASSWORD=Zq7fixturePass`.
    assert!(
        !out.contains("IyEvYmluL2Jhc2gKZXhwb3J0IERCX1BBU1NXT1JEPVpxN2ZpeHR1cmVQYXNzQjY0Cg=="),
        "{what}: the base64 user data holding a secret is printed"
    );
}

#[test]
fn no_scan_format_prints_a_secret() {
    for format in [
        "text", "json", "sarif", "junit", "markdown", "csv", "github", "html",
    ] {
        let out = run(&["scan", "--format", format, "."]);
        assert_masked(format, &out);
        // The findings are there, with their masked prefixes.
        for rule in [
            "lambda.no-secrets-in-environment",
            "ec2.no-secrets-in-user-data",
            "codebuild.source-url-no-credentials",
            "code.no-hardcoded-secrets",
        ] {
            assert!(out.contains(rule), "{format}: no {rule} finding");
        }
        if format != "csv" && format != "junit" {
            assert!(out.contains("Zq7…"), "{format}: no masked prefix");
        }
    }
}

#[test]
fn the_matrix_prints_no_secret() {
    for format in ["markdown", "csv", "html"] {
        let out = run(&["matrix", "--format", format, "."]);
        assert_masked(&format!("matrix {format}"), &out);
    }
}
