//! # route53.query-logging: public hosted zones log DNS queries
//!
//! ## Why this is your duty
//! Route 53 is an abstracted service: AWS answers the queries, but records
//! them only if you configure query logging for the zone. DNS query logs show
//! which names are being looked up, by whom (resolver) and how often: the
//! trail for spotting reconnaissance, subdomain takeovers and exfiltration.
//!
//! ## What AWS already does
//! Answers queries from its global edge network; query logging is off
//! until you point the zone at a CloudWatch Logs group in us-east-1.
//!
//! ## Verdicts
//! - met: CloudFormation `QueryLoggingConfig.CloudWatchLogsLogGroupArn` is set;
//!   Terraform an `aws_route53_query_log` whose `zone_id` refers to the zone;
//! - not met: neither;
//! - not applicable: a private hosted zone (`VPCs` / `vpc` set), whose
//!   queries are logged by Route 53 Resolver query logging instead;
//! - judged with the hosted zone: an `aws_route53_query_log` for a hosted zone
//!   in the scanned code; one whose hosted zone is declared elsewhere (another
//!   module or stack) is judged on its own, and the verdict says the hosted zone
//!   is not in the scanned code.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Zone:
//!     Type: AWS::Route53::HostedZone
//!     Properties:
//!       Name: example.com
//!       QueryLoggingConfig:
//!         CloudWatchLogsLogGroupArn: arn:aws:logs:us-east-1:111122223333:log-group:/aws/route53/example.com
//! ```
//! ```yaml fail
//! Resources:
//!   Zone:
//!     Type: AWS::Route53::HostedZone
//!     Properties:
//!       Name: example.com
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Zone:
//!     Type: AWS::Route53::HostedZone
//!     Properties:
//!       Name: internal.example.com
//!       VPCs:
//!         - VPCId: vpc-0123456789abcdef0
//!           VPCRegion: eu-west-1
//! ```
//! ```hcl pass
//! resource "aws_route53_zone" "main" {
//!   name = "example.com"
//! }
//! resource "aws_route53_query_log" "main" {
//!   zone_id                  = aws_route53_zone.main.zone_id
//!   cloudwatch_log_group_arn = "arn:aws:logs:us-east-1:111122223333:log-group:/aws/route53/example.com"
//! }
//! ```
//! ```hcl fail
//! resource "aws_route53_zone" "main" {
//!   name = "example.com"
//! }
//! ```
//! ```hcl pass
//! resource "aws_route53_query_log" "shared" {
//!   zone_id                  = "Z0123456789ABCDEFGHIJ"
//!   cloudwatch_log_group_arn = "arn:aws:logs:us-east-1:111122223333:log-group:/aws/route53/example.com"
//! }
//! ```

use crate::check::{get, require_set, spelling};
use crate::context::Context;
use crate::parent::HOSTED_ZONE;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "route53.query-logging",
    title: "Public Route 53 hosted zones log DNS queries",
    duty: Duty::Logging,
    severity: Severity::Medium,
    cfn_types: &["AWS::Route53::HostedZone"],
    tf_types: &["aws_route53_zone", "aws_route53_query_log"],
    reads: &["aws_route53_query_log"],
    controls: Controls {
        fsbp: &["Route53.2"],
        config: &["ROUTE53_QUERY_LOGGING_ENABLED"],
        cis: &[],
    },
    peers: &[checkov("CKV2_AWS_39", Same)],
    check,
    file: file!(),
};

/// True when the zone is private (associated with VPCs).
pub fn is_private(resource: &Resource) -> bool {
    get(resource, spelling(resource, "VPCs", "vpc")).is_some()
}

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let logged = |log: &Resource| {
        require_set(
            log,
            "",
            "cloudwatch_log_group_arn",
            "the query log names no log group",
        )
    };
    if let Some(v) = HOSTED_ZONE.judge_alone(resource, cx, logged) {
        return v;
    }
    if is_private(resource) {
        return Verdict::not_applicable(
            resource,
            "a private hosted zone: its queries are logged by Resolver query logging",
        );
    }
    if resource.format.is_terraform() {
        let logs = cx.linked(resource, &["aws_route53_query_log"], "zone_id", None);
        return match logs.first() {
            Some(log) => logged(log),
            None => Verdict::missing(
                resource,
                "aws_route53_query_log",
                "no aws_route53_query_log for this zone: DNS queries are not logged",
            ),
        };
    }
    require_set(
        resource,
        "QueryLoggingConfig.CloudWatchLogsLogGroupArn",
        "",
        "DNS queries are not logged",
    )
}
