//! # account.security-contact: the account has a security contact
//!
//! ## Why this is your duty
//! Account management is an abstracted service: AWS runs the account, and
//! when it sees your resources abused or compromised (an exposed access key,
//! an instance attacking others) it writes to the account's contacts. A
//! security alternate contact makes sure those notices reach your security
//! team rather than a billing mailbox.
//!
//! ## What AWS already does
//! Sends security notifications to the root user's email address when no
//! security alternate contact is set.
//!
//! ## Verdicts
//! Follows the AWS Config rule `security-account-information-provided`
//! (Security Hub Account.1). Judged on the `aws_account_alternate_contact`
//! resources Terraform code declares (CloudFormation has no resource for
//! alternate contacts). An account whose code declares none gets no verdict:
//! attest it, or check it with a live scan of the account.
//! - met: this contact, or another one of the same module, has
//!   `alternate_contact_type = "SECURITY"`;
//! - not met: the module manages alternate contacts but none of type
//!   `SECURITY`;
//! - unknown: a contact type onus cannot resolve.
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_account_alternate_contact" "security" {
//!   alternate_contact_type = "SECURITY"
//!   name                   = "Security team"
//!   title                  = "CISO"
//!   email_address          = "security@example.com"
//!   phone_number           = "+1234567890"
//! }
//! ```
//! ```hcl fail
//! resource "aws_account_alternate_contact" "billing" {
//!   alternate_contact_type = "BILLING"
//!   name                   = "Finance"
//!   title                  = "Controller"
//!   email_address          = "finance@example.com"
//!   phone_number           = "+1234567890"
//! }
//! ```

use crate::context::Context;
use crate::lists::require_item;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::{Status, Verdict};
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "account.security-contact",
    title: "The account has a security alternate contact",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &[],
    tf_types: &["aws_account_alternate_contact"],
    reads: &[],
    controls: Controls {
        fsbp: &["Account.1"],
        config: &["SECURITY_ACCOUNT_INFORMATION_PROVIDED"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let security = |c: &Resource| {
        require_item(
            c,
            "",
            "alternate_contact_type",
            &["SECURITY"],
            "a security contact",
        )
    };
    let own = security(resource);
    if own.status != Status::NotMet {
        return own;
    }
    match cx
        .in_scope(resource, &["aws_account_alternate_contact"])
        .find(|c| c.id != resource.id && security(c).status == Status::Met)
    {
        Some(c) => {
            Verdict::met_by_default(resource, "", format!("{} is the security contact", c.id))
        }
        None => Verdict {
            message: "this module manages alternate contacts, but none of type SECURITY".into(),
            ..own
        },
    }
}
