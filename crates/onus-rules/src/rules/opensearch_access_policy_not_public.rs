//! # opensearch.access-policy-not-public: OpenSearch domain access policies do not allow everyone
//!
//! ## Why this is your duty
//! OpenSearch Service is a container service: AWS runs the cluster and its
//! endpoint, and the domain access policy you write decides who may call it.
//! On a domain with a public endpoint, a statement allowing the principal
//! `*` without a condition lets anyone on the internet query, change or
//! delete the indexes (unless fine-grained access control stops them).
//!
//! ## What AWS already does
//! A domain has no access policy until you set one, and then denies every
//! request that IAM does not allow; a domain in a VPC is only reachable from
//! that VPC, where security groups decide.
//!
//! ## Verdicts
//! Judged on the domain (`AWS::OpenSearchService::Domain`,
//! `AWS::Elasticsearch::Domain`, `aws_opensearch_domain`,
//! `aws_elasticsearch_domain`), over its `AccessPolicies` /
//! `access_policies` and the `aws_opensearch_domain_policy` /
//! `aws_elasticsearch_domain_policy` resources that name it.
//! - met: the domain is in a VPC (`VPCOptions.SubnetIds` / `vpc_options`
//!   `subnet_ids` set); or no `Allow` statement to everyone;
//! - not met: a public endpoint and an `Allow` statement whose `Principal` is
//!   `"*"` (or `AWS: "*"`, or a `NotPrincipal`) with no condition limiting
//!   the caller to fixed values (`aws:SourceIp` with a real range,
//!   `aws:PrincipalOrgID`, `aws:SourceVpce`...);
//! - unknown: the policy or a statement is something onus cannot resolve.
//!
//! ## Examples
//! ```yaml fail
//! Resources:
//!   Search:
//!     Type: AWS::OpenSearchService::Domain
//!     Properties:
//!       AccessPolicies:
//!         Statement:
//!           - Effect: Allow
//!             Principal:
//!               AWS: "*"
//!             Action: es:*
//!             Resource: arn:aws:es:eu-west-1:111122223333:domain/search/*
//! ```
//! ```yaml pass
//! Resources:
//!   Search:
//!     Type: AWS::Elasticsearch::Domain
//!     Properties:
//!       AccessPolicies:
//!         Statement:
//!           - Effect: Allow
//!             Principal:
//!               AWS: "*"
//!             Action: es:ESHttpGet
//!             Resource: arn:aws:es:eu-west-1:111122223333:domain/search/*
//!             Condition:
//!               IpAddress:
//!                 aws:SourceIp: [203.0.113.0/24]
//! ```
//! ```yaml pass
//! Resources:
//!   Search:
//!     Type: AWS::OpenSearchService::Domain
//!     Properties:
//!       VPCOptions:
//!         SubnetIds: [subnet-0123456789abcdef0]
//!       AccessPolicies:
//!         Statement:
//!           - Effect: Allow
//!             Principal:
//!               AWS: "*"
//!             Action: es:*
//!             Resource: arn:aws:es:eu-west-1:111122223333:domain/search/*
//! ```
//! ```hcl fail
//! resource "aws_opensearch_domain" "search" {
//!   domain_name = "search"
//! }
//! resource "aws_opensearch_domain_policy" "search" {
//!   domain_name = aws_opensearch_domain.search.domain_name
//!   access_policies = jsonencode({
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = "*"
//!       Action    = "es:*"
//!       Resource  = "arn:aws:es:eu-west-1:111122223333:domain/search/*"
//!     }]
//!   })
//! }
//! ```
//! ```hcl pass
//! resource "aws_elasticsearch_domain" "search" {
//!   domain_name = "search"
//!   access_policies = jsonencode({
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = { AWS = "arn:aws:iam::111122223333:role/search-writer" }
//!       Action    = "es:*"
//!       Resource  = "arn:aws:es:eu-west-1:111122223333:domain/search/*"
//!     }]
//!   })
//! }
//! ```

use crate::check::{get, is_empty, spelling};
use crate::context::Context;
use crate::policy::{Link, public_policy_verdict};
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "opensearch.access-policy-not-public",
    title: "OpenSearch domain access policies do not allow everyone",
    duty: Duty::AccessControl,
    severity: Severity::Critical,
    cfn_types: &[
        "AWS::Elasticsearch::Domain",
        "AWS::OpenSearchService::Domain",
    ],
    tf_types: &["aws_elasticsearch_domain", "aws_opensearch_domain"],
    reads: &[
        "aws_elasticsearch_domain_policy",
        "aws_opensearch_domain_policy",
    ],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

const LINKS: &[Link] = &[Link {
    types: &[
        "aws_elasticsearch_domain_policy",
        "aws_opensearch_domain_policy",
    ],
    attr: "domain_name",
    name_attr: Some("domain_name"),
    policy: "access_policies",
}];

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let subnets = spelling(resource, "VPCOptions.SubnetIds", "vpc_options.subnet_ids");
    if let Some(n) = get(resource, subnets).filter(|n| !is_empty(n)) {
        return Verdict::met(
            resource,
            n.span,
            subnets,
            "the domain is in a VPC: only reachable from it, where security groups decide",
        );
    }
    public_policy_verdict(
        resource,
        cx,
        ("AccessPolicies", "access_policies"),
        LINKS,
        "domain access",
        "no access policy: requests are allowed only as IAM identity policies allow",
    )
}
