//! # elasticbeanstalk.cloudwatch-logs: Elastic Beanstalk environments stream their logs to CloudWatch
//!
//! ## Why this is your duty
//! Elastic Beanstalk runs your application on EC2 instances it manages for
//! you, but the logs of your application, web server and instances stay on
//! those instances, and are lost when Beanstalk replaces one, unless the
//! environment streams them. Logging your workloads is yours.
//!
//! ## What AWS already does
//! Keeps logs on each instance (rotated to S3 only if you ask) and can
//! stream them to CloudWatch Logs. `aws:elasticbeanstalk:cloudwatch:logs`
//! `StreamLogs` defaults to false.
//!
//! ## Verdicts
//! Reads the environment's option settings, then those of the configuration
//! template it names (when in the code).
//! - met: `StreamLogs` is true;
//! - not met: false, or absent (the default);
//! - unknown: a setting that is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Env:
//!     Type: AWS::ElasticBeanstalk::Environment
//!     Properties:
//!       ApplicationName: shop
//!       SolutionStackName: 64bit Amazon Linux 2023 v6.1.0 running Node.js 20
//!       OptionSettings:
//!         - Namespace: aws:elasticbeanstalk:cloudwatch:logs
//!           OptionName: StreamLogs
//!           Value: "true"
//! ```
//! ```yaml fail
//! Resources:
//!   Env:
//!     Type: AWS::ElasticBeanstalk::Environment
//!     Properties:
//!       ApplicationName: shop
//!       SolutionStackName: 64bit Amazon Linux 2023 v6.1.0 running Node.js 20
//! ```
//! ```hcl pass
//! resource "aws_elastic_beanstalk_environment" "env" {
//!   name                = "shop"
//!   application         = "shop"
//!   solution_stack_name = "64bit Amazon Linux 2023 v6.1.0 running Node.js 20"
//!   setting {
//!     namespace = "aws:elasticbeanstalk:cloudwatch:logs"
//!     name      = "StreamLogs"
//!     value     = "true"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_elastic_beanstalk_environment" "env" {
//!   name                = "shop"
//!   application         = "shop"
//!   solution_stack_name = "64bit Amazon Linux 2023 v6.1.0 running Node.js 20"
//!   setting {
//!     namespace = "aws:elasticbeanstalk:cloudwatch:logs"
//!     name      = "StreamLogs"
//!     value     = "false"
//!   }
//! }
//! ```

use crate::beanstalk::{EB_CFN, EB_TF, require_option};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "elasticbeanstalk.cloudwatch-logs",
    title: "Elastic Beanstalk environments stream logs to CloudWatch Logs",
    duty: Duty::Logging,
    severity: Severity::High,
    cfn_types: EB_CFN,
    tf_types: EB_TF,
    reads: &[],
    controls: Controls {
        fsbp: &["ElasticBeanstalk.3"],
        config: &["ELASTIC_BEANSTALK_LOGS_TO_CLOUDWATCH"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    require_option(
        resource,
        cx,
        "aws:elasticbeanstalk:cloudwatch:logs",
        "StreamLogs",
        &|v| v.eq_ignore_ascii_case("true"),
        Some("false"),
        "log streaming to CloudWatch",
    )
}
