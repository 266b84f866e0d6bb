//! # redshiftserverless.custom-admin-username: Redshift Serverless namespaces do not use a well-known administrator name
//!
//! ## Why this is your duty
//! Redshift Serverless is a container service: AWS creates the admin user you
//! ask for, and who may log in as it is access control, the customer's side
//! of the model. The console's default `admin` leaves only the password to
//! guess.
//!
//! ## What AWS already does
//! Creates a namespace without an admin user when no name or password is
//! given (database users then come from IAM); the console proposes `admin`.
//!
//! ## Verdicts
//! - met: `AdminUsername` / `admin_username` is absent (no admin user) or not
//!   one of `admin`, `administrator`, `awsuser`, `master`, `postgres`, `root`,
//!   `sa` (ignoring case);
//! - not met: it is one of them;
//! - unknown: the name comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Namespace:
//!     Type: AWS::RedshiftServerless::Namespace
//!     Properties:
//!       NamespaceName: analytics
//!       AdminUsername: analytics_owner
//!       ManageAdminPassword: true
//! ```
//! ```yaml fail
//! Resources:
//!   Namespace:
//!     Type: AWS::RedshiftServerless::Namespace
//!     Properties:
//!       NamespaceName: analytics
//!       AdminUsername: admin
//!       ManageAdminPassword: true
//! ```
//! ```hcl pass
//! resource "aws_redshiftserverless_namespace" "analytics" {
//!   namespace_name = "analytics"
//!   admin_username        = "analytics_owner"
//!   manage_admin_password = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_redshiftserverless_namespace" "analytics" {
//!   namespace_name = "analytics"
//!   admin_username        = "admin"
//!   manage_admin_password = true
//! }
//! ```

use crate::check::{DEFAULT_ADMIN_NAMES, require_not_in};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "redshiftserverless.custom-admin-username",
    title: "Redshift Serverless namespaces do not use a well-known administrator user name",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &["AWS::RedshiftServerless::Namespace"],
    tf_types: &["aws_redshiftserverless_namespace"],
    reads: &[],
    controls: Controls {
        fsbp: &["RedshiftServerless.5"],
        config: &["REDSHIFT_SERVERLESS_DEFAULT_ADMIN_CHECK"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_not_in(
        resource,
        "AdminUsername",
        "admin_username",
        DEFAULT_ADMIN_NAMES,
        "a well-known administrator name",
        |path| Verdict::met_by_default(resource, path, format!("{path} is not set: no admin user")),
    )
}
