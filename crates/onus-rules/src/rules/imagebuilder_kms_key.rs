//! # imagebuilder.kms-key: Image Builder encrypts components, recipe volumes and distributed AMIs with a key you manage
//!
//! ## Why this is your duty
//! EC2 Image Builder is an abstracted service: AWS runs the build pipeline,
//! but the components (your build scripts), the volumes of the images you
//! build and the AMIs you distribute are your data. Which KMS key protects
//! them, who may use it and when it is rotated or disabled is the
//! key-management part of encrypting your data, left to you.
//!
//! ## What AWS already does
//! Encrypts component documents with an AWS owned key when no `KmsKeyId`
//! (`kms_key_id`) is given. An image recipe's volumes and the AMIs a
//! distribution configuration copies take the encryption of their source
//! (the parent image's snapshots, or the account's EBS encryption by
//! default with the `aws/ebs` key) unless the block device mapping or the
//! AMI distribution names a key.
//!
//! ## Verdicts
//! Judged on `AWS::ImageBuilder::Component` (`KmsKeyId`),
//! `AWS::ImageBuilder::ImageRecipe` (each `BlockDeviceMappings[].Ebs`) and
//! `AWS::ImageBuilder::DistributionConfiguration` (each
//! `Distributions[].AmiDistributionConfiguration`), and the Terraform
//! `aws_imagebuilder_component`, `aws_imagebuilder_image_recipe` (`block_device_mapping { ebs }`)
//! and `aws_imagebuilder_distribution_configuration` (`distribution { ami_distribution_configuration }`):
//! - met: every such setting names a KMS key that is not an AWS managed
//!   alias (`alias/aws/...`);
//! - not met: a component, an EBS mapping or an AMI distribution without a
//!   key, or with an AWS managed key;
//! - not applicable: a recipe that maps no EBS volume (its volumes are the
//!   parent image's), a distribution configuration without AMI distributions
//!   (container images go to ECR, whose rule judges their key);
//! - unknown: a key or a list onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Harden:
//!     Type: AWS::ImageBuilder::Component
//!     Properties:
//!       Name: harden
//!       Platform: Linux
//!       Version: 1.0.0
//!       KmsKeyId: !GetAtt BuildKey.Arn
//!       Data: |
//!         schemaVersion: 1.0
//!   BuildKey:
//!     Type: AWS::KMS::Key
//! ```
//! ```yaml fail
//! Resources:
//!   Harden:
//!     Type: AWS::ImageBuilder::Component
//!     Properties:
//!       Name: harden
//!       Platform: Linux
//!       Version: 1.0.0
//!       Data: |
//!         schemaVersion: 1.0
//! ```
//! ```yaml fail
//! Resources:
//!   Recipe:
//!     Type: AWS::ImageBuilder::ImageRecipe
//!     Properties:
//!       Name: base
//!       Version: 1.0.0
//!       ParentImage: arn:aws:imagebuilder:eu-west-1:aws:image/amazon-linux-2023-x86/x.x.x
//!       Components:
//!         - ComponentArn: arn:aws:imagebuilder:eu-west-1:aws:component/update-linux/x.x.x
//!       BlockDeviceMappings:
//!         - DeviceName: /dev/xvda
//!           Ebs:
//!             Encrypted: true
//!             VolumeSize: 20
//! ```
//! ```yaml pass
//! Resources:
//!   Distribution:
//!     Type: AWS::ImageBuilder::DistributionConfiguration
//!     Properties:
//!       Name: golden
//!       Distributions:
//!         - Region: eu-west-1
//!           AmiDistributionConfiguration:
//!             KmsKeyId: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
//! ```
//! ```hcl pass
//! resource "aws_imagebuilder_image_recipe" "base" {
//!   name         = "base"
//!   version      = "1.0.0"
//!   parent_image = "arn:aws:imagebuilder:eu-west-1:aws:image/amazon-linux-2023-x86/x.x.x"
//!   component {
//!     component_arn = "arn:aws:imagebuilder:eu-west-1:aws:component/update-linux/x.x.x"
//!   }
//!   block_device_mapping {
//!     device_name = "/dev/xvda"
//!     ebs {
//!       encrypted  = true
//!       kms_key_id = aws_kms_key.build.arn
//!     }
//!   }
//! }
//! resource "aws_kms_key" "build" {}
//! ```
//! ```hcl fail
//! resource "aws_imagebuilder_distribution_configuration" "golden" {
//!   name = "golden"
//!   distribution {
//!     region = "eu-west-1"
//!     ami_distribution_configuration {
//!       name = "golden-{{ imagebuilder:buildDate }}"
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_imagebuilder_component" "harden" {
//!   name     = "harden"
//!   platform = "Linux"
//!   version  = "1.0.0"
//!   uri      = "s3://build-artifacts/harden.yaml"
//! }
//! ```

use crate::check::{
    Judgement, every_item, get_in, judge_customer_managed_key, require_customer_managed_key,
    spelling,
};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::{Node, Resource};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "imagebuilder.kms-key",
    title: "Image Builder encrypts components, recipe volumes and distributed AMIs with a customer managed KMS key",
    duty: Duty::KeyManagement,
    severity: Severity::Low,
    cfn_types: &[
        "AWS::ImageBuilder::Component",
        "AWS::ImageBuilder::DistributionConfiguration",
        "AWS::ImageBuilder::ImageRecipe",
    ],
    tf_types: &[
        "aws_imagebuilder_component",
        "aws_imagebuilder_distribution_configuration",
        "aws_imagebuilder_image_recipe",
    ],
    reads: &[],
    controls: Controls::NONE,
    peers: &[
        checkov("CKV_AWS_180", Same),
        checkov("CKV_AWS_199", Same),
        checkov("CKV_AWS_200", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    // (list, block in each item, key in the block, what is used without one, n/a)
    let (list, block, key, absent, none) = match resource.resource_type.as_str() {
        "AWS::ImageBuilder::Component" | "aws_imagebuilder_component" => {
            return require_customer_managed_key(
                resource,
                "KmsKeyId",
                "kms_key_id",
                "an AWS owned key",
            );
        }
        "AWS::ImageBuilder::ImageRecipe" | "aws_imagebuilder_image_recipe" => (
            ("BlockDeviceMappings", "block_device_mapping"),
            ("Ebs", "ebs"),
            ("KmsKeyId", "kms_key_id"),
            "the parent image's key or the account's EBS default key (aws/ebs)",
            "the recipe maps no EBS volume: its volumes are the parent image's",
        ),
        _ => (
            ("Distributions", "distribution"),
            (
                "AmiDistributionConfiguration",
                "ami_distribution_configuration",
            ),
            ("KmsKeyId", "kms_key_id"),
            "the key of the build's snapshots",
            "no AMI distribution: container images are judged by their ECR repository",
        ),
    };
    let block = spelling(resource, block.0, block.1);
    let key = spelling(resource, key.0, key.1);
    let path = format!("{block}.{key}");
    every_item(
        resource,
        list.0,
        list.1,
        &mut |item: &Node| {
            let block = get_in(item, block)?;
            Some(match get_in(block, key) {
                Some(k) => judge_customer_managed_key(k, &path, absent),
                None => Judgement::no(
                    block,
                    format!("{path} is not set: {absent} is used, not a key you manage"),
                ),
            })
        },
        "every volume or AMI names a customer managed KMS key",
        none,
    )
}
