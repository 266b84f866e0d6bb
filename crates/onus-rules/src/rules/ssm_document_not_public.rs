//! # ssm.document-not-public: SSM documents are not shared publicly
//!
//! ## Why this is your duty
//! Systems Manager is an abstracted service: AWS runs the documents you
//! write, but who else can see them is your setting. A document shared with
//! `All` accounts is public: its commands, script paths, parameter names and
//! sometimes credentials become readable by anyone, and usable as a template
//! against you.
//!
//! ## What AWS already does
//! Keeps every new document private to the account. Public sharing must be
//! asked for, and can be blocked for the whole account with the
//! block-public-sharing setting (`ssm.block-public-sharing`).
//!
//! ## Verdicts
//! Follows the AWS Config rule `ssm-document-not-public` (Security Hub
//! SSM.4).
//! Terraform only: `AWS::SSM::Document` has no sharing property, so a
//! CloudFormation template cannot make a document public.
//! - met: `permissions` absent, or shared with named accounts only;
//! - not met: `permissions { type = "Share", account_ids = "All" }`;
//! - unknown: the account list comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_ssm_document" "patch" {
//!   name          = "patch"
//!   document_type = "Command"
//!   content       = jsonencode({ schemaVersion = "2.2", mainSteps = [] })
//!   permissions = {
//!     type        = "Share"
//!     account_ids = "123456789012"
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_ssm_document" "patch" {
//!   name          = "patch"
//!   document_type = "Command"
//!   content       = jsonencode({ schemaVersion = "2.2", mainSteps = [] })
//!   permissions = {
//!     type        = "Share"
//!     account_ids = "All"
//!   }
//! }
//! ```

use crate::check::{Judgement, get, judge, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "ssm.document-not-public",
    title: "SSM documents are not shared publicly",
    duty: Duty::AccessControl,
    severity: Severity::Critical,
    cfn_types: &[],
    tf_types: &["aws_ssm_document"],
    reads: &[],
    controls: Controls {
        fsbp: &["SSM.4"],
        config: &["SSM_DOCUMENT_NOT_PUBLIC"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_303", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let Some(accounts) = get(resource, "permissions.account_ids") else {
        return Verdict::met_by_default(resource, "permissions", "not shared");
    };
    let path = "permissions.account_ids";
    let j = judge(accounts, &mut |n| match n.scalar_text() {
        Some(list) => Judgement::from_bool(
            !list
                .split(',')
                .any(|a| a.trim().eq_ignore_ascii_case("All")),
            n,
            || "shared with All accounts: the document is public",
        ),
        None => Judgement::no(n, format!("{path} is not a list of account ids")),
    });
    verdict_of(
        resource,
        accounts,
        path,
        j,
        "shared with named accounts only",
    )
}
