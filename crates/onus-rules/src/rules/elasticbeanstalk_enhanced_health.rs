//! # elasticbeanstalk.enhanced-health: Elastic Beanstalk environments use enhanced health reporting
//!
//! ## Why this is your duty
//! Elastic Beanstalk is a container service: AWS runs the platform, but how
//! much it reports about your environment is your setting. Enhanced health
//! reporting records per-instance health, request metrics and causes, the
//! monitoring you need to notice failures and attacks in progress.
//!
//! ## What AWS already does
//! Reports basic health (load balancer checks) by default through the API,
//! CloudFormation and Terraform; the console and EB CLI choose enhanced.
//!
//! ## Verdicts
//! - met: `aws:elasticbeanstalk:healthreporting:system` / `SystemType` is `enhanced`;
//! - not met: absent (basic) or `basic`;
//! - unknown: the value is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Env:
//!     Type: AWS::ElasticBeanstalk::Environment
//!     Properties:
//!       ApplicationName: app
//!       SolutionStackName: 64bit Amazon Linux 2023 v6.1.0 running Node.js 20
//!       OptionSettings:
//!         - Namespace: aws:elasticbeanstalk:healthreporting:system
//!           OptionName: SystemType
//!           Value: enhanced
//! ```
//! ```yaml fail
//! Resources:
//!   Env:
//!     Type: AWS::ElasticBeanstalk::Environment
//!     Properties:
//!       ApplicationName: app
//!       SolutionStackName: 64bit Amazon Linux 2023 v6.1.0 running Node.js 20
//! ```
//! ```hcl pass
//! resource "aws_elastic_beanstalk_environment" "env" {
//!   name                = "app"
//!   application         = "app"
//!   solution_stack_name = "64bit Amazon Linux 2023 v6.1.0 running Node.js 20"
//!   setting {
//!     namespace = "aws:elasticbeanstalk:healthreporting:system"
//!     name      = "SystemType"
//!     value     = "enhanced"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_elastic_beanstalk_environment" "env" {
//!   name                = "app"
//!   application         = "app"
//!   solution_stack_name = "64bit Amazon Linux 2023 v6.1.0 running Node.js 20"
//!   setting {
//!     namespace = "aws:elasticbeanstalk:healthreporting:system"
//!     name      = "SystemType"
//!     value     = "basic"
//!   }
//! }
//! ```

use crate::beanstalk::{EB_CFN, EB_TF, require_option};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "elasticbeanstalk.enhanced-health",
    title: "Elastic Beanstalk environments use enhanced health reporting",
    duty: Duty::Logging,
    severity: Severity::Low,
    cfn_types: EB_CFN,
    tf_types: EB_TF,
    reads: &[],
    controls: Controls {
        fsbp: &["ElasticBeanstalk.1"],
        config: &["BEANSTALK_ENHANCED_HEALTH_REPORTING_ENABLED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_312", Same),
        guard("BEANSTALK_ENHANCED_HEALTH_REPORTING_ENABLED", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    require_option(
        resource,
        cx,
        "aws:elasticbeanstalk:healthreporting:system",
        "SystemType",
        &|v| v.eq_ignore_ascii_case("enhanced"),
        Some("basic"),
        "enhanced health reporting",
    )
}
