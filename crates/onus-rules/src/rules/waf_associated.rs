//! # waf.associated: internet-facing entry points have a WAF web ACL
//!
//! ## Why this is your duty
//! AWS WAF is an abstracted service: AWS runs the filtering fleet and keeps
//! managed rule groups current, but a web ACL protects only the resources you
//! associate it with. Deciding which requests reach your application — an
//! Application Load Balancer, a REST API stage, a GraphQL API, a CloudFront
//! distribution —
//! is network exposure on the customer's side.
//!
//! ## What AWS already does
//! Applies AWS Shield Standard to CloudFront and load balancers; inspects
//! HTTP requests only for resources associated with a web ACL.
//!
//! ## Verdicts
//! - CloudFront distributions: met when `DistributionConfig.WebACLId`
//!   (`web_acl_id`) is set; not met when absent;
//! - Application Load Balancers (`AWS::ElasticLoadBalancingV2::LoadBalancer`
//!   / `aws_lb` of type `application`, the default), API Gateway REST API
//!   stages (`AWS::ApiGateway::Stage` / `aws_api_gateway_stage`) and AppSync
//!   GraphQL APIs (`AWS::AppSync::GraphQLApi` / `aws_appsync_graphql_api`):
//!   met when an
//!   `AWS::WAFv2::WebACLAssociation` (`aws_wafv2_web_acl_association`), or a
//!   WAF Classic regional association, has a `ResourceArn` (`resource_arn`)
//!   referring to the resource — by reference, or through `Fn::Sub` naming
//!   it (`arn:aws:apigateway:${AWS::Region}::/restapis/${Api}/stages/${Stage}`);
//!   not met when none does;
//! - not applicable: network and gateway load balancers;
//! - unknown: no association found, but one in the same template or module
//!   targets a resource onus cannot resolve, or a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml Alb=met
//! Resources:
//!   Alb:
//!     Type: AWS::ElasticLoadBalancingV2::LoadBalancer
//!     Properties:
//!       Subnets: [subnet-1, subnet-2]
//!   Acl:
//!     Type: AWS::WAFv2::WebACL
//!     Properties:
//!       Scope: REGIONAL
//!       DefaultAction:
//!         Allow: {}
//!       VisibilityConfig:
//!         SampledRequestsEnabled: true
//!         CloudWatchMetricsEnabled: true
//!         MetricName: acl
//!   AclAssociation:
//!     Type: AWS::WAFv2::WebACLAssociation
//!     Properties:
//!       ResourceArn: !Ref Alb
//!       WebACLArn: !GetAtt Acl.Arn
//! ```
//! ```yaml fail
//! Resources:
//!   Alb:
//!     Type: AWS::ElasticLoadBalancingV2::LoadBalancer
//!     Properties:
//!       Subnets: [subnet-1, subnet-2]
//! ```
//! ```yaml Stage=met
//! Resources:
//!   Api:
//!     Type: AWS::ApiGateway::RestApi
//!     Properties:
//!       Name: orders
//!   Stage:
//!     Type: AWS::ApiGateway::Stage
//!     Properties:
//!       RestApiId: !Ref Api
//!       StageName: prod
//!       DeploymentId: abc123
//!   AclAssociation:
//!     Type: AWS::WAFv2::WebACLAssociation
//!     Properties:
//!       ResourceArn: !Sub arn:aws:apigateway:${AWS::Region}::/restapis/${Api}/stages/${Stage}
//!       WebACLArn: arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/acl/1
//! ```
//! ```yaml pass
//! Resources:
//!   Cdn:
//!     Type: AWS::CloudFront::Distribution
//!     Properties:
//!       DistributionConfig:
//!         Enabled: true
//!         WebACLId: arn:aws:wafv2:us-east-1:111122223333:global/webacl/cdn/1
//!         DefaultCacheBehavior:
//!           TargetOriginId: site
//!           ViewerProtocolPolicy: redirect-to-https
//!         Origins:
//!           - Id: site
//!             DomainName: example.com
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Nlb:
//!     Type: AWS::ElasticLoadBalancingV2::LoadBalancer
//!     Properties:
//!       Type: network
//!       Subnets: [subnet-1, subnet-2]
//! ```
//! ```hcl aws_lb.web=met
//! resource "aws_lb" "web" {
//!   name    = "web"
//!   subnets = ["subnet-1", "subnet-2"]
//! }
//! resource "aws_wafv2_web_acl_association" "web" {
//!   resource_arn = aws_lb.web.arn
//!   web_acl_arn  = "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/acl/1"
//! }
//! ```
//! ```hcl fail
//! resource "aws_api_gateway_stage" "prod" {
//!   rest_api_id   = "abc123"
//!   deployment_id = "def456"
//!   stage_name    = "prod"
//! }
//! ```
//! ```hcl fail
//! resource "aws_cloudfront_distribution" "cdn" {
//!   enabled = true
//!   origin {
//!     domain_name = "example.com"
//!     origin_id   = "site"
//!   }
//!   default_cache_behavior {
//!     target_origin_id       = "site"
//!     viewer_protocol_policy = "redirect-to-https"
//!     allowed_methods        = ["GET", "HEAD"]
//!     cached_methods         = ["GET", "HEAD"]
//!   }
//!   restrictions {
//!     geo_restriction {
//!       restriction_type = "none"
//!     }
//!   }
//!   viewer_certificate {
//!     cloudfront_default_certificate = true
//!   }
//! }
//! ```
//! ```hcl aws_appsync_graphql_api.api=met
//! resource "aws_appsync_graphql_api" "api" {
//!   name                = "orders"
//!   authentication_type = "AMAZON_COGNITO_USER_POOLS"
//! }
//! resource "aws_wafv2_web_acl_association" "api" {
//!   resource_arn = aws_appsync_graphql_api.api.arn
//!   web_acl_arn  = "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/acl/1"
//! }
//! ```
//! ```yaml Api=not-met
//! Resources:
//!   Api:
//!     Type: AWS::AppSync::GraphQLApi
//!     Properties:
//!       Name: orders
//!       AuthenticationType: AWS_IAM
//! ```
//! ```yaml Stage=unknown
//! Parameters:
//!   Target:
//!     Type: String
//! Resources:
//!   Stage:
//!     Type: AWS::ApiGateway::Stage
//!     Properties:
//!       RestApiId: abc123
//!       StageName: prod
//!       DeploymentId: def456
//!   AclAssociation:
//!     Type: AWS::WAFv2::WebACLAssociation
//!     Properties:
//!       ResourceArn: !Ref Target
//!       WebACLArn: arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/acl/1
//! ```

use crate::check::require_set;
use crate::context::{Context, local_id};
use crate::lb::lb_type;
use crate::lists::companion;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov, guard};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "waf.associated",
    title: "Load balancer, API stage or CloudFront distribution has a WAF web ACL",
    duty: Duty::NetworkExposure,
    severity: Severity::Medium,
    cfn_types: &[
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
        "AWS::ApiGateway::Stage",
        "AWS::CloudFront::Distribution",
        "AWS::AppSync::GraphQLApi",
    ],
    tf_types: &[
        "aws_lb",
        "aws_alb",
        "aws_api_gateway_stage",
        "aws_cloudfront_distribution",
        "aws_appsync_graphql_api",
    ],
    reads: &[
        "AWS::WAFv2::WebACLAssociation",
        "AWS::WAFRegional::WebACLAssociation",
        "aws_wafv2_web_acl_association",
        "aws_wafregional_web_acl_association",
    ],
    controls: Controls {
        fsbp: &["CloudFront.6", "APIGateway.4"],
        config: &[
            "CLOUDFRONT_ASSOCIATED_WITH_WAF",
            "API_GW_ASSOCIATED_WITH_WAF",
        ],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_68", Same),
        checkov("CKV2_AWS_28", Related),
        checkov("CKV2_AWS_29", Related),
        checkov("CKV2_AWS_33", Same),
        guard("API_GW_ASSOCIATED_WITH_WAF", Related),
    ],
    check,
    file: file!(),
};

fn check(resource: &Resource, cx: &Context) -> Verdict {
    let t = resource.resource_type.as_str();
    if matches!(
        t,
        "AWS::CloudFront::Distribution" | "aws_cloudfront_distribution"
    ) {
        return require_set(
            resource,
            "DistributionConfig.WebACLId",
            "web_acl_id",
            "no web ACL filters requests to the distribution",
        );
    }
    if matches!(
        t,
        "AWS::ElasticLoadBalancingV2::LoadBalancer" | "aws_lb" | "aws_alb"
    ) {
        match lb_type(resource) {
            Ok(kind) if kind == "application" => {}
            Ok(kind) => {
                return Verdict::not_applicable(
                    resource,
                    format!("a {kind} load balancer cannot be associated with AWS WAF"),
                );
            }
            Err((span, what)) => return Verdict::unknown(resource, span, "Type", what),
        }
    }
    let (types, attr): (&[&str], &str) = if resource.format.is_terraform() {
        (
            &[
                "aws_wafv2_web_acl_association",
                "aws_wafregional_web_acl_association",
            ],
            "resource_arn",
        )
    } else {
        (
            &[
                "AWS::WAFv2::WebACLAssociation",
                "AWS::WAFRegional::WebACLAssociation",
            ],
            "ResourceArn",
        )
    };
    // An ARN built with Fn::Sub from this resource's name is recorded as a
    // reference on the association, at its ResourceArn.
    let me = local_id(resource);
    let at = format!("Properties.{attr}");
    let via_sub = cx.in_scope(resource, types).find(|r| {
        r.references
            .iter()
            .any(|x| x.target == me && (x.path == at || x.path == attr))
    });
    if let Some(assoc) = via_sub {
        return Verdict::met(
            resource,
            resource.name_span,
            "",
            format!("web ACL association {} covers this resource", assoc.id),
        );
    }
    match companion(resource, cx, types, attr, None) {
        Ok(found) if !found.is_empty() => Verdict::met(
            resource,
            resource.name_span,
            "",
            format!("web ACL association {} covers this resource", found[0].id),
        ),
        Ok(_) => Verdict::missing(
            resource,
            "",
            format!(
                "no {} refers to this resource: no web ACL filters its requests",
                types[0]
            ),
        ),
        Err(what) => Verdict::unknown(resource, resource.name_span, "", what),
    }
}
