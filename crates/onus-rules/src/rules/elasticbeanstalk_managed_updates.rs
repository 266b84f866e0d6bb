//! # elasticbeanstalk.managed-updates: Elastic Beanstalk applies platform updates automatically
//!
//! ## Why this is your duty
//! Elastic Beanstalk is a container service: AWS publishes patched platform
//! versions (OS, runtime, web server), but an environment moves to them only
//! when someone applies them. With managed platform updates on, Beanstalk
//! applies patch and minor updates in your weekly maintenance window; with
//! them off (the API and CloudFormation default), keeping the platform
//! patched is your manual duty (see the catalog's category rule for Beanstalk).
//!
//! ## What AWS already does
//! Builds and publishes platform versions; applies them on schedule only when
//! `aws:elasticbeanstalk:managedactions` / `ManagedActionsEnabled` is true
//! (the console turns it on; the API, CloudFormation and Terraform do not).
//!
//! ## Verdicts
//! Reads the option settings of environments and configuration templates
//! (an environment inherits its named template's settings).
//! - met: `ManagedActionsEnabled` is `true`;
//! - not met: absent (off by default) or `false`;
//! - unknown: the value is not static.
//!
//! Fix: set `ManagedActionsEnabled: true`, a `PreferredStartTime` and
//! `aws:elasticbeanstalk:managedactions:platformupdate` / `UpdateLevel`.
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
//!         - Namespace: aws:elasticbeanstalk:managedactions
//!           OptionName: ManagedActionsEnabled
//!           Value: "true"
//!         - Namespace: aws:elasticbeanstalk:managedactions
//!           OptionName: PreferredStartTime
//!           Value: "Sun:02:00"
//!         - Namespace: aws:elasticbeanstalk:managedactions:platformupdate
//!           OptionName: UpdateLevel
//!           Value: minor
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
//!     namespace = "aws:elasticbeanstalk:managedactions"
//!     name      = "ManagedActionsEnabled"
//!     value     = "true"
//!   }
//!   setting {
//!     namespace = "aws:elasticbeanstalk:managedactions:platformupdate"
//!     name      = "UpdateLevel"
//!     value     = "minor"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_elastic_beanstalk_environment" "env" {
//!   name                = "app"
//!   application         = "app"
//!   solution_stack_name = "64bit Amazon Linux 2023 v6.1.0 running Node.js 20"
//!   setting {
//!     namespace = "aws:elasticbeanstalk:managedactions"
//!     name      = "ManagedActionsEnabled"
//!     value     = "false"
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
    id: "elasticbeanstalk.managed-updates",
    title: "Elastic Beanstalk environments apply managed platform updates",
    duty: Duty::PlatformPatching,
    severity: Severity::Medium,
    cfn_types: EB_CFN,
    tf_types: EB_TF,
    reads: &[],
    controls: Controls {
        fsbp: &["ElasticBeanstalk.2"],
        config: &["ELASTIC_BEANSTALK_MANAGED_UPDATES_ENABLED"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_340", Same),
        guard("ELASTIC_BEANSTALK_MANAGED_UPDATES_ENABLED", Same),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    require_option(
        resource,
        cx,
        "aws:elasticbeanstalk:managedactions",
        "ManagedActionsEnabled",
        &|v| v.eq_ignore_ascii_case("true"),
        Some("false"),
        "managed platform updates",
    )
}
