//! # stepfunctions.logging: Step Functions state machines log executions
//!
//! ## Why this is your duty
//! Step Functions is an abstracted service: AWS runs the workflow engine, and
//! the state machine definition is your code. Execution history is kept for
//! standard workflows only 90 days and not at all for express workflows
//! unless you log to CloudWatch Logs; logging of your resources is the
//! customer's duty in every category.
//!
//! ## What AWS already does
//! Records CloudTrail events for API calls; execution logging is `OFF` by
//! default.
//!
//! ## Verdicts
//! - met: `LoggingConfiguration.Level` (`logging_configuration { level }`) is
//!   `ALL` or `ERROR`;
//! - not met: `FATAL` (only whole-execution failures), `OFF`, or no logging
//!   configuration (default `OFF`);
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Flow:
//!     Type: AWS::StepFunctions::StateMachine
//!     Properties:
//!       RoleArn: arn:aws:iam::111122223333:role/flow
//!       DefinitionString: '{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}'
//!       LoggingConfiguration:
//!         Level: ERROR
//!         Destinations:
//!           - CloudWatchLogsLogGroup:
//!               LogGroupArn: arn:aws:logs:eu-west-1:111122223333:log-group:flow:*
//! ```
//! ```yaml fail
//! Resources:
//!   Flow:
//!     Type: AWS::StepFunctions::StateMachine
//!     Properties:
//!       RoleArn: arn:aws:iam::111122223333:role/flow
//!       DefinitionString: '{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}'
//! ```
//! ```hcl pass
//! resource "aws_sfn_state_machine" "flow" {
//!   name       = "flow"
//!   role_arn   = "arn:aws:iam::111122223333:role/flow"
//!   definition = "{\"StartAt\":\"Done\",\"States\":{\"Done\":{\"Type\":\"Succeed\"}}}"
//!   logging_configuration {
//!     level                  = "ALL"
//!     include_execution_data = false
//!     log_destination        = "arn:aws:logs:eu-west-1:111122223333:log-group:flow:*"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_sfn_state_machine" "flow" {
//!   name       = "flow"
//!   role_arn   = "arn:aws:iam::111122223333:role/flow"
//!   definition = "{\"StartAt\":\"Done\",\"States\":{\"Done\":{\"Type\":\"Succeed\"}}}"
//!   logging_configuration {
//!     level = "OFF"
//!   }
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "stepfunctions.logging",
    title: "Step Functions state machine logs executions",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::StepFunctions::StateMachine"],
    tf_types: &["aws_sfn_state_machine"],
    reads: &[],
    controls: Controls {
        fsbp: &["StepFunctions.1"],
        config: &["STEP_FUNCTIONS_STATE_MACHINE_LOGGING_ENABLED"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_285", Related)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "LoggingConfiguration.Level",
        "logging_configuration.level",
        &["ALL", "ERROR"],
        Some("OFF"),
        "execution logging",
    )
}
