//! # stepfunctions.xray-tracing: Step Functions state machines send traces to X-Ray
//!
//! ## Why this is your duty
//! Step Functions is abstracted: AWS runs your workflows, and monitoring
//! what they do with requests across the services they call is yours.
//! Tracing records each execution and the calls it makes, which is what
//! lets you follow one request through Lambda, queues and APIs during an
//! incident. AWS does not turn it on for you.
//!
//! ## What AWS already does
//! Records execution history (and logs, when configured, see
//! `stepfunctions.logging`). `TracingConfiguration.Enabled` defaults to
//! false (X-Ray integration since September 2020).
//!
//! ## Verdicts
//! - met: `TracingConfiguration.Enabled` (`tracing_configuration { enabled }`)
//!   is true;
//! - not met: false, or absent (the default);
//! - unknown: the flag is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Flow:
//!     Type: AWS::StepFunctions::StateMachine
//!     Properties:
//!       RoleArn: arn:aws:iam::111122223333:role/flow
//!       DefinitionString: '{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}'
//!       TracingConfiguration:
//!         Enabled: true
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
//!   definition = jsonencode({ StartAt = "Done", States = { Done = { Type = "Succeed" } } })
//!   tracing_configuration {
//!     enabled = true
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_sfn_state_machine" "flow" {
//!   name       = "flow"
//!   role_arn   = "arn:aws:iam::111122223333:role/flow"
//!   definition = jsonencode({ StartAt = "Done", States = { Done = { Type = "Succeed" } } })
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "stepfunctions.xray-tracing",
    title: "Step Functions state machines have X-Ray tracing",
    duty: Duty::Logging,
    severity: Severity::Low,
    cfn_types: &["AWS::StepFunctions::StateMachine"],
    tf_types: &["aws_sfn_state_machine"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_284", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "TracingConfiguration.Enabled",
        "tracing_configuration.enabled",
        true,
        false,
        "X-Ray tracing",
    )
}
