//! # ses.tls-required: SES configuration sets require TLS to deliver mail
//!
//! ## Why this is your duty
//! SES is abstracted: AWS runs the mail servers, but whether your mail may
//! travel unencrypted to a recipient's server that does not offer TLS is a
//! setting of your configuration set. Protecting data in transit is always
//! the customer's duty.
//!
//! ## What AWS already does
//! Uses TLS whenever the receiving server supports it. `TlsPolicy`
//! defaults to `OPTIONAL`: otherwise the message is delivered in the
//! clear. With `REQUIRE`, SES does not deliver a message it cannot send
//! over TLS.
//!
//! ## Verdicts
//! - met: `DeliveryOptions.TlsPolicy` (`delivery_options { tls_policy }`) is
//!   `REQUIRE` (`Require`);
//! - not met: `OPTIONAL`, or absent (the default);
//! - unknown: the value is not static.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Mail:
//!     Type: AWS::SES::ConfigurationSet
//!     Properties:
//!       Name: transactional
//!       DeliveryOptions:
//!         TlsPolicy: REQUIRE
//! ```
//! ```yaml fail
//! Resources:
//!   Mail:
//!     Type: AWS::SES::ConfigurationSet
//!     Properties:
//!       Name: transactional
//! ```
//! ```hcl pass
//! resource "aws_ses_configuration_set" "mail" {
//!   name = "transactional"
//!   delivery_options {
//!     tls_policy = "Require"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_sesv2_configuration_set" "mail" {
//!   configuration_set_name = "transactional"
//!   delivery_options {
//!     tls_policy = "OPTIONAL"
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
    id: "ses.tls-required",
    title: "SES configuration sets require TLS for delivery",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: &["AWS::SES::ConfigurationSet"],
    tf_types: &["aws_ses_configuration_set", "aws_sesv2_configuration_set"],
    reads: &[],
    controls: Controls {
        fsbp: &["SES.3"],
        config: &["SES_SENDING_TLS_REQUIRED"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_365", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "DeliveryOptions.TlsPolicy",
        "delivery_options.tls_policy",
        &["REQUIRE"],
        Some("OPTIONAL"),
        "TLS for every delivery",
    )
}
