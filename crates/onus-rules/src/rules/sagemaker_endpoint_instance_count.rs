//! # sagemaker.endpoint-instance-count: SageMaker endpoints start with more than one instance
//!
//! ## Why this is your duty
//! SageMaker hosting is a container service: AWS runs the model servers and
//! spreads an endpoint's instances over Availability Zones, but how many
//! instances a production variant has is yours to choose. With a single
//! instance, an instance failure or an outage of its zone takes the
//! endpoint down until SageMaker replaces it (resilience).
//!
//! ## What AWS already does
//! Places the instances of a variant in different Availability Zones when
//! there are two or more, and replaces failed instances. Serverless variants
//! (`ServerlessConfig`) have no instances to count: AWS runs and spreads
//! them.
//!
//! ## Verdicts
//! Reads every production variant (`ProductionVariants`,
//! `production_variants`) of the endpoint configuration.
//! - met: every instance-based variant has `InitialInstanceCount` /
//!   `initial_instance_count` greater than 1;
//! - not met: a variant with 1;
//! - unknown: a count that is not static, or absent (required for an
//!   instance-based variant);
//! - not applicable: only serverless variants.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Config:
//!     Type: AWS::SageMaker::EndpointConfig
//!     Properties:
//!       ProductionVariants:
//!         - VariantName: main
//!           ModelName: churn
//!           InstanceType: ml.m5.large
//!           InitialInstanceCount: 2
//! ```
//! ```yaml fail
//! Resources:
//!   Config:
//!     Type: AWS::SageMaker::EndpointConfig
//!     Properties:
//!       ProductionVariants:
//!         - VariantName: main
//!           ModelName: churn
//!           InstanceType: ml.m5.large
//!           InitialInstanceCount: 1
//! ```
//! ```hcl pass
//! resource "aws_sagemaker_endpoint_configuration" "config" {
//!   production_variants {
//!     variant_name           = "main"
//!     model_name             = "churn"
//!     instance_type          = "ml.m5.large"
//!     initial_instance_count = 3
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_sagemaker_endpoint_configuration" "config" {
//!   production_variants {
//!     variant_name           = "main"
//!     model_name             = "churn"
//!     instance_type          = "ml.m5.large"
//!     initial_instance_count = 1
//!   }
//! }
//! ```
//! ```hcl not-applicable
//! resource "aws_sagemaker_endpoint_configuration" "config" {
//!   production_variants {
//!     variant_name = "main"
//!     model_name   = "churn"
//!     serverless_config {
//!       max_concurrency   = 5
//!       memory_size_in_mb = 2048
//!     }
//!   }
//! }
//! ```

use crate::check::{Judgement, every_item, get_in, judge, spelling};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "sagemaker.endpoint-instance-count",
    title: "SageMaker endpoint production variants start with more than one instance",
    duty: Duty::Resilience,
    severity: Severity::Medium,
    cfn_types: &["AWS::SageMaker::EndpointConfig"],
    tf_types: &["aws_sagemaker_endpoint_configuration"],
    reads: &[],
    controls: Controls {
        fsbp: &["SageMaker.4"],
        config: &["SAGEMAKER_ENDPOINT_CONFIG_PROD_INSTANCE_COUNT"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let serverless = spelling(resource, "ServerlessConfig", "serverless_config");
    let count_key = spelling(resource, "InitialInstanceCount", "initial_instance_count");
    every_item(
        resource,
        "ProductionVariants",
        "production_variants",
        &mut |variant| {
            if get_in(variant, serverless).is_some() {
                return None;
            }
            Some(match get_in(variant, count_key) {
                None => Judgement::Unknown(
                    variant.span,
                    format!("{count_key} is not set (required for an instance-based variant)"),
                ),
                Some(count) => judge(count, &mut |n| match n.as_f64() {
                    Some(c) => Judgement::from_bool(c > 1.0, n, || {
                        format!("{count_key} is {c}: one instance, one Availability Zone")
                    }),
                    None => Judgement::no(n, format!("{count_key} is not a number")),
                }),
            })
        },
        "every instance-based variant starts with two or more instances",
        "only serverless variants: AWS runs and spreads them",
    )
}
