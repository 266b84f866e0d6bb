//! # lambda.multi-az: VPC Lambda functions use subnets in several Availability Zones
//!
//! ## Why this is your duty
//! Lambda is abstracted: outside a VPC, AWS runs a function in several
//! Availability Zones of the Region for you. Attached to your VPC, the
//! function can run only in the zones of the subnets you give it: with
//! subnets in a single zone, an outage of that zone stops the function, a
//! choice that is yours (resilience, shared).
//!
//! ## What AWS already does
//! Runs functions across the Region's zones when they are not attached to a
//! VPC, and spreads a VPC function's network interfaces over every subnet
//! you list. It never adds a subnet you did not list.
//!
//! ## Verdicts
//! Follows the AWS Config rule `lambda-vpc-multi-az-check`.
//! - met: `VpcConfig.SubnetIds` (`vpc_config { subnet_ids }`) lists subnets
//!   declared in the same code in two or more zones;
//! - not met: one subnet, or subnets that are all in one zone;
//! - unknown: the subnet list or the zone of a subnet is not static or not
//!   in the scan;
//! - not applicable: the function is not attached to a VPC.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   SubnetA:
//!     Type: AWS::EC2::Subnet
//!     Properties:
//!       VpcId: vpc-0123
//!       CidrBlock: 10.0.0.0/24
//!       AvailabilityZone: eu-west-1a
//!   SubnetB:
//!     Type: AWS::EC2::Subnet
//!     Properties:
//!       VpcId: vpc-0123
//!       CidrBlock: 10.0.1.0/24
//!       AvailabilityZone: eu-west-1b
//!   Fn:
//!     Type: AWS::Lambda::Function
//!     Properties:
//!       Runtime: python3.13
//!       Handler: app.handler
//!       Role: arn:aws:iam::111122223333:role/app
//!       Code:
//!         ZipFile: "def handler(e, c): pass"
//!       VpcConfig:
//!         SubnetIds: [!Ref SubnetA, !Ref SubnetB]
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
//!       VpcConfig:
//!         SubnetIds: [subnet-0123456789abcdef0]
//!         SecurityGroupIds: [sg-0123456789abcdef0]
//! ```
//! ```yaml not-applicable
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
//! ```hcl pass
//! resource "aws_subnet" "a" {
//!   vpc_id            = "vpc-0123"
//!   cidr_block        = "10.0.0.0/24"
//!   availability_zone = "eu-west-1a"
//! }
//! resource "aws_subnet" "b" {
//!   vpc_id            = "vpc-0123"
//!   cidr_block        = "10.0.1.0/24"
//!   availability_zone = "eu-west-1c"
//! }
//! resource "aws_lambda_function" "fn" {
//!   function_name = "app"
//!   role          = "arn:aws:iam::111122223333:role/app"
//!   runtime       = "python3.13"
//!   handler       = "app.handler"
//!   filename      = "app.zip"
//!   vpc_config {
//!     subnet_ids         = [aws_subnet.a.id, aws_subnet.b.id]
//!     security_group_ids = ["sg-0123456789abcdef0"]
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_subnet" "a" {
//!   vpc_id            = "vpc-0123"
//!   cidr_block        = "10.0.0.0/24"
//!   availability_zone = "eu-west-1a"
//! }
//! resource "aws_subnet" "b" {
//!   vpc_id            = "vpc-0123"
//!   cidr_block        = "10.0.1.0/24"
//!   availability_zone = "eu-west-1a"
//! }
//! resource "aws_lambda_function" "fn" {
//!   function_name = "app"
//!   role          = "arn:aws:iam::111122223333:role/app"
//!   runtime       = "python3.13"
//!   handler       = "app.handler"
//!   filename      = "app.zip"
//!   vpc_config {
//!     subnet_ids         = [aws_subnet.a.id, aws_subnet.b.id]
//!     security_group_ids = ["sg-0123456789abcdef0"]
//!   }
//! }
//! ```

use crate::check::{is_empty, prop};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use crate::zones::{Members, require_two_zones};
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "lambda.multi-az",
    title: "VPC Lambda functions use subnets in at least two Availability Zones",
    duty: Duty::Resilience,
    severity: Severity::Medium,
    cfn_types: &["AWS::Lambda::Function"],
    tf_types: &["aws_lambda_function"],
    reads: &["AWS::EC2::Subnet", "aws_subnet"],
    controls: Controls {
        fsbp: &["Lambda.5"],
        config: &["LAMBDA_VPC_MULTI_AZ_CHECK"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let (subnets, path) = prop(resource, "VpcConfig.SubnetIds", "vpc_config.subnet_ids");
    let Some(subnets) = subnets.filter(|s| !is_empty(s)) else {
        return Verdict::not_applicable(
            resource,
            "not attached to a VPC: Lambda runs the function across the Region's zones",
        );
    };
    require_two_zones(resource, cx, subnets, path, Members::Subnets(None))
}
