//! # lambda.inside-vpc: Lambda functions run inside a VPC
//!
//! ## Why this is your duty
//! Lambda is an abstracted service (whether runtime patching is yours
//! varies, see `onus explain lambda`); where its network traffic goes is
//! your network design. Attaching a function to your subnets lets it reach
//! private resources (databases, internal APIs) without exposing them, and
//! routes its outbound traffic through your security groups, NAT, VPC
//! endpoints and flow logs, so you can control and see its egress.
//!
//! This is not about the function being reachable: a function is never
//! exposed on a network, inside a VPC or not; it is invoked only through the
//! Lambda API (see `lambda.no-public-invoke`, `lambda.function-url-auth`).
//!
//! ## What AWS already does
//! Without a VPC configuration, Lambda runs the function in a VPC owned by
//! the Lambda service with outbound internet access and no access to your
//! private networks. With `VpcConfig`, Lambda creates elastic network
//! interfaces in your subnets.
//!
//! ## Verdicts
//! - met: `VpcConfig.SubnetIds` / `vpc_config { subnet_ids }` is not empty;
//! - not met: no VPC configuration, or an empty subnet list;
//! - unknown: the subnet list is a value onus cannot resolve.
//!
//! Low severity: functions that need neither private resources nor egress
//! control are fine outside a VPC; suppress this for them.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Fn:
//!     Type: AWS::Lambda::Function
//!     Properties:
//!       Runtime: python3.13
//!       Handler: app.handler
//!       Role: arn:aws:iam::111122223333:role/app
//!       Code:
//!         ZipFile: "def handler(e, c): pass"
//!       VpcConfig:
//!         SubnetIds: [subnet-0a1b2c3d, subnet-4e5f6a7b]
//!         SecurityGroupIds: [sg-0123456789abcdef0]
//! ```
//! ```yaml fail
//! Resources:
//!   Fn:
//!     Type: AWS::Lambda::Function
//!     Properties:
//!       Runtime: python3.13
//!       Handler: app.handler
//!       Role: arn:aws:iam::111122223333:role/app
//!       Code:
//!         ZipFile: "def handler(e, c): pass"
//! ```
//! ```yaml fail
//! Resources:
//!   Fn:
//!     Type: AWS::Lambda::Function
//!     Properties:
//!       Runtime: python3.13
//!       Handler: app.handler
//!       Role: arn:aws:iam::111122223333:role/app
//!       Code:
//!         ZipFile: "def handler(e, c): pass"
//!       VpcConfig:
//!         SubnetIds: []
//!         SecurityGroupIds: []
//! ```
//! ```hcl pass
//! resource "aws_lambda_function" "fn" {
//!   function_name = "app"
//!   role          = "arn:aws:iam::111122223333:role/app"
//!   runtime       = "python3.13"
//!   handler       = "app.handler"
//!   filename      = "app.zip"
//!   vpc_config {
//!     subnet_ids         = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
//!     security_group_ids = ["sg-0123456789abcdef0"]
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_lambda_function" "fn" {
//!   function_name = "app"
//!   role          = "arn:aws:iam::111122223333:role/app"
//!   runtime       = "python3.13"
//!   handler       = "app.handler"
//!   filename      = "app.zip"
//! }
//! ```
//! ```hcl unknown
//! variable "subnets" {
//!   type = list(string)
//! }
//! resource "aws_lambda_function" "fn" {
//!   function_name = "app"
//!   role          = "arn:aws:iam::111122223333:role/app"
//!   runtime       = "python3.13"
//!   handler       = "app.handler"
//!   filename      = "app.zip"
//!   vpc_config {
//!     subnet_ids         = var.subnets
//!     security_group_ids = ["sg-0123456789abcdef0"]
//!   }
//! }
//! ```

use crate::check::require_set;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "lambda.inside-vpc",
    title: "Lambda function runs inside a VPC",
    duty: Duty::NetworkExposure,
    severity: Severity::Low,
    cfn_types: &["AWS::Lambda::Function"],
    tf_types: &["aws_lambda_function"],
    reads: &[],
    controls: Controls {
        fsbp: &[],
        config: &["LAMBDA_INSIDE_VPC"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_117", Same),
        cfn_nag("W89", Same),
        guard("LAMBDA_INSIDE_VPC", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_set(
        resource,
        "VpcConfig.SubnetIds",
        "vpc_config.subnet_ids",
        "the function is not attached to your VPC",
    )
}
