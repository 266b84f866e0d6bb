//! # route53.dnssec: public hosted zones are signed with DNSSEC
//!
//! ## Why this is your duty
//! Route 53 is an abstracted service: AWS serves your records, but whether
//! resolvers can verify that an answer really came from your zone is up to
//! you. DNSSEC signing protects the integrity of DNS answers on their way to
//! the client (spoofing, cache poisoning); turning it on, and managing the
//! key-signing key in KMS, is yours.
//!
//! ## What AWS already does
//! Signs the zone and rotates the zone-signing keys once you enable DNSSEC
//! signing with a key-signing key backed by your KMS key.
//!
//! ## Verdicts
//! - met: a `AWS::Route53::DNSSEC` whose `HostedZoneId` refers to the zone;
//!   in Terraform an `aws_route53_hosted_zone_dnssec` whose `hosted_zone_id`
//!   refers to the zone, directly or through an `aws_route53_key_signing_key`
//!   of the zone, and whose `signing_status` is not `NOT_SIGNING`;
//! - not met: no such resource;
//! - unknown: the signing status is not static;
//! - not applicable: private hosted zones (DNSSEC signing is for public zones).
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Zone:
//!     Type: AWS::Route53::HostedZone
//!     Properties:
//!       Name: example.com
//!   Signing:
//!     Type: AWS::Route53::DNSSEC
//!     Properties:
//!       HostedZoneId: !Ref Zone
//! ```
//! ```yaml fail
//! Resources:
//!   Zone:
//!     Type: AWS::Route53::HostedZone
//!     Properties:
//!       Name: example.com
//! ```
//! ```hcl pass
//! resource "aws_route53_zone" "main" {
//!   name = "example.com"
//! }
//! resource "aws_route53_key_signing_key" "main" {
//!   hosted_zone_id             = aws_route53_zone.main.id
//!   key_management_service_arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
//!   name                       = "main"
//! }
//! resource "aws_route53_hosted_zone_dnssec" "main" {
//!   hosted_zone_id = aws_route53_key_signing_key.main.hosted_zone_id
//! }
//! ```
//! ```hcl fail
//! resource "aws_route53_zone" "main" {
//!   name = "example.com"
//! }
//! resource "aws_route53_key_signing_key" "main" {
//!   hosted_zone_id             = aws_route53_zone.main.id
//!   key_management_service_arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
//!   name                       = "main"
//! }
//! resource "aws_route53_hosted_zone_dnssec" "main" {
//!   hosted_zone_id = aws_route53_key_signing_key.main.hosted_zone_id
//!   signing_status = "NOT_SIGNING"
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::rules::route53_query_logging::is_private;
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "route53.dnssec",
    title: "Public Route 53 hosted zones are signed with DNSSEC",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Low,
    cfn_types: &["AWS::Route53::HostedZone"],
    tf_types: &["aws_route53_zone"],
    reads: &[
        "AWS::Route53::DNSSEC",
        "aws_route53_hosted_zone_dnssec",
        "aws_route53_key_signing_key",
    ],
    controls: Controls::NONE,
    peers: &[checkov("CKV2_AWS_38", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    if is_private(resource) {
        return Verdict::not_applicable(
            resource,
            "a private hosted zone: DNSSEC signing is for public zones",
        );
    }
    if !resource.format.is_terraform() {
        return match cx
            .linked(resource, &["AWS::Route53::DNSSEC"], "HostedZoneId", None)
            .first()
        {
            Some(d) => Verdict::met_by_default(resource, "", format!("{} signs the zone", d.id)),
            None => Verdict::missing(
                resource,
                "AWS::Route53::DNSSEC",
                "no AWS::Route53::DNSSEC for this zone: answers are unsigned",
            ),
        };
    }
    let mut signing = cx.linked(
        resource,
        &["aws_route53_hosted_zone_dnssec"],
        "hosted_zone_id",
        None,
    );
    for ksk in cx.linked(
        resource,
        &["aws_route53_key_signing_key"],
        "hosted_zone_id",
        None,
    ) {
        for d in cx.linked(
            ksk,
            &["aws_route53_hosted_zone_dnssec"],
            "hosted_zone_id",
            None,
        ) {
            if !signing.iter().any(|s| std::ptr::eq(*s, d)) {
                signing.push(d);
            }
        }
    }
    match signing.first() {
        Some(d) => {
            let mut v = require_one_of(
                d,
                "",
                "signing_status",
                &["SIGNING"],
                Some("SIGNING"),
                "DNSSEC signing",
            );
            if v.span == d.name_span {
                v.file = resource.file;
                v.span = resource.name_span;
            }
            v.message = format!("{}: {}", d.id, v.message).into();
            v
        }
        None => Verdict::missing(
            resource,
            "aws_route53_hosted_zone_dnssec",
            "no aws_route53_hosted_zone_dnssec for this zone: answers are unsigned",
        ),
    }
}
