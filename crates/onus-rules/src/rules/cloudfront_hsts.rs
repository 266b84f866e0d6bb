//! # cloudfront.hsts: response headers policies send Strict-Transport-Security for a year
//!
//! ## Why this is your duty
//! Protecting traffic in transit is always the customer's duty. Redirecting
//! HTTP to HTTPS still leaves the first request of every visit in clear
//! text, where it can be intercepted and stripped of the redirect. The
//! `Strict-Transport-Security` header tells browsers to use HTTPS only for
//! as long as its `max-age` says; a CloudFront response headers policy adds
//! it to every response, whatever the origin sends.
//!
//! ## What AWS already does
//! Adds no security headers unless a response headers policy attached to a
//! cache behavior asks for them (the managed `SecurityHeadersPolicy` does,
//! with a one-year max-age).
//!
//! ## Verdicts
//! Reads `AWS::CloudFront::ResponseHeadersPolicy`
//! (`ResponseHeadersPolicyConfig.SecurityHeadersConfig.StrictTransportSecurity`)
//! and Terraform `aws_cloudfront_response_headers_policy`
//! (`security_headers_config { strict_transport_security }`):
//! - met: the header is configured with `Override` true and a max-age of at
//!   least one year (31,536,000 seconds);
//! - not met: no Strict-Transport-Security, a shorter max-age, or `Override`
//!   false (the origin's header, possibly weaker or absent, wins);
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Headers:
//!     Type: AWS::CloudFront::ResponseHeadersPolicy
//!     Properties:
//!       ResponseHeadersPolicyConfig:
//!         Name: security
//!         SecurityHeadersConfig:
//!           StrictTransportSecurity:
//!             AccessControlMaxAgeSec: 63072000
//!             IncludeSubdomains: true
//!             Override: true
//!             Preload: true
//! ```
//! ```yaml fail
//! Resources:
//!   Headers:
//!     Type: AWS::CloudFront::ResponseHeadersPolicy
//!     Properties:
//!       ResponseHeadersPolicyConfig:
//!         Name: cors
//!         CorsConfig:
//!           AccessControlAllowCredentials: false
//!           AccessControlAllowHeaders:
//!             Items: ["*"]
//!           AccessControlAllowMethods:
//!             Items: [GET]
//!           AccessControlAllowOrigins:
//!             Items: [https://example.com]
//!           OriginOverride: true
//! ```
//! ```hcl pass
//! resource "aws_cloudfront_response_headers_policy" "security" {
//!   name = "security"
//!   security_headers_config {
//!     strict_transport_security {
//!       access_control_max_age_sec = 31536000
//!       include_subdomains         = true
//!       override                   = true
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_cloudfront_response_headers_policy" "security" {
//!   name = "security"
//!   security_headers_config {
//!     strict_transport_security {
//!       access_control_max_age_sec = 86400
//!       override                   = true
//!     }
//!   }
//! }
//! ```

use crate::check::{all_of, prop, require_bool, require_number};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "cloudfront.hsts",
    title: "CloudFront response headers policies send Strict-Transport-Security for at least a year",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Low,
    cfn_types: &["AWS::CloudFront::ResponseHeadersPolicy"],
    tf_types: &["aws_cloudfront_response_headers_policy"],
    reads: &[],
    controls: Controls::NONE,
    peers: &[checkov("CKV_AWS_259", Related)],
    check,
    file: file!(),
};

/// One year, the max-age browsers' preload lists ask for.
const YEAR: f64 = 31_536_000.0;

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let cfn = "ResponseHeadersPolicyConfig.SecurityHeadersConfig.StrictTransportSecurity";
    let tf = "security_headers_config.strict_transport_security";
    let (sts, path) = prop(resource, cfn, tf);
    if sts.is_none() {
        return Verdict::missing(
            resource,
            path,
            format!("{path} is not set: browsers are not told to insist on HTTPS"),
        );
    }
    let age = require_number(
        resource,
        &format!("{cfn}.AccessControlMaxAgeSec"),
        &format!("{tf}.access_control_max_age_sec"),
        None,
        |v| v >= YEAR,
        "a max-age of a year or more keeps browsers insisting on HTTPS",
    );
    let overrides = require_bool(
        resource,
        &format!("{cfn}.Override"),
        &format!("{tf}.override"),
        true,
        false,
        "overriding the origin's Strict-Transport-Security header",
    );
    all_of(vec![age, overrides]).unwrap_or_else(|| Verdict::missing(resource, path, "no header"))
}
