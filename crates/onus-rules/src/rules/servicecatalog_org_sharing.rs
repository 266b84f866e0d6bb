//! # servicecatalog.org-sharing: Service Catalog portfolios are shared through AWS Organizations
//!
//! ## Why this is your duty
//! Service Catalog is an abstracted service: AWS provisions the products of a
//! portfolio with the launch roles you attach, in every account you share it
//! with. Sharing through AWS Organizations keeps the audience to your
//! organization, its OUs or member accounts, and follows accounts as they
//! join and leave; sharing with a bare account id reaches any account,
//! including one outside the organization.
//!
//! ## What AWS already does
//! Shares a portfolio only with the recipients you name.
//!
//! ## Verdicts
//! Follows the AWS Config rule `service-catalog-shared-within-organization`
//! (Security Hub ServiceCatalog.1). Terraform only:
//! `AWS::ServiceCatalog::PortfolioShare` can only name an account id, and
//! whether that account belongs to your organization is not in the template.
//! - met: `aws_servicecatalog_portfolio_share` with `type`
//!   `ORGANIZATION`, `ORGANIZATIONAL_UNIT` or `ORGANIZATION_MEMBER_ACCOUNT`;
//! - not met: `type = "ACCOUNT"`;
//! - unknown: the type is not static.
//!
//! ## Examples
//! ```hcl pass
//! resource "aws_servicecatalog_portfolio_share" "org" {
//!   portfolio_id = "port-abcdefghijklm"
//!   principal_id = "arn:aws:organizations::123456789012:organization/o-abcdef1234"
//!   type         = "ORGANIZATION"
//! }
//! ```
//! ```hcl fail
//! resource "aws_servicecatalog_portfolio_share" "partner" {
//!   portfolio_id = "port-abcdefghijklm"
//!   principal_id = "210987654321"
//!   type         = "ACCOUNT"
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "servicecatalog.org-sharing",
    title: "Service Catalog portfolios are shared through AWS Organizations",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &[],
    tf_types: &["aws_servicecatalog_portfolio_share"],
    reads: &[],
    controls: Controls {
        fsbp: &["ServiceCatalog.1"],
        config: &["SERVICE_CATALOG_SHARED_WITHIN_ORGANIZATION"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "",
        "type",
        &[
            "ORGANIZATION",
            "ORGANIZATIONAL_UNIT",
            "ORGANIZATION_MEMBER_ACCOUNT",
        ],
        None,
        "sharing within the organization",
    )
}
