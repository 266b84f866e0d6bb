//! # vpc.endpoint-policy-restricted: VPC endpoint policies keep the endpoint inside your data perimeter
//!
//! ## Why this is your duty
//! A VPC endpoint is a private path from your network to an AWS service.
//! AWS runs the endpoint; which identities may use it and which resources
//! they may reach through it is the endpoint policy you write. The default
//! policy allows any principal to reach any resource of the service,
//! including buckets, tables and queues of other accounts: that is how data
//! leaves through a gateway endpoint with credentials from outside your
//! organization. AWS's data perimeter guidance restricts endpoint policies
//! to your organization's identities (`aws:PrincipalOrgID`) and resources
//! (`aws:ResourceOrgID`). Access control on your own network paths is the
//! customer's.
//!
//! ## What AWS already does
//! Attaches the default full-access policy (`Principal: "*"`, `Action: "*"`,
//! `Resource: "*"`) when `PolicyDocument` (Terraform `policy`, or a
//! separate `aws_vpc_endpoint_policy`) is absent, as it has since gateway
//! endpoints were introduced; IAM and resource policies still apply to each
//! request, but nothing stops a request with another account's credentials or
//! to another account's resource.
//!
//! ## Verdicts
//! Judged on `AWS::EC2::VPCEndpoint` and `aws_vpc_endpoint` of type
//! `Gateway` (the CloudFormation and Terraform default) or `Interface`
//! whose AWS service is known to support endpoint policies (S3, DynamoDB,
//! STS, KMS, Secrets Manager, Systems Manager, ECR, CloudWatch Logs and
//! metrics, SQS, SNS, Lambda, API Gateway `execute-api`, EC2, EC2 Auto
//! Scaling, Kinesis, EventBridge, Step Functions, CloudFormation, Elastic Load
//! Balancing, Glue, Athena, CodeBuild, CodeCommit, EFS):
//! - met: every `Allow` statement limits who (named principals, or a
//!   condition on `aws:PrincipalOrgID`, `aws:PrincipalAccount`,
//!   `aws:SourceVpc`...) or what (resource ARNs that name an account or a
//!   bucket, or a condition on `aws:ResourceOrgID`, `aws:ResourceAccount`,
//!   `s3:ResourceAccount`) with fixed values;
//! - not met: no policy (the default allows everyone everything), or an
//!   `Allow` statement to every principal (`*`, `NotPrincipal`, or none) on
//!   every resource with neither kind of condition;
//! - a Terraform `aws_vpc_endpoint_policy` is judged where it is written:
//!   its endpoint (when it has no `policy` of its own) is not applicable,
//!   naming it; when the endpoint is not in the scanned code, the policy is
//!   judged on its own and the verdict says so;
//! - not applicable: Gateway Load Balancer, resource and service-network
//!   endpoints, endpoints to services that are not AWS's (`vpce-svc-...`,
//!   which AWS gives a fixed full-access policy), and AWS services onus does
//!   not know to support endpoint policies;
//! - unknown: the type, the service or the policy is a value onus cannot
//!   resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   S3Endpoint:
//!     Type: AWS::EC2::VPCEndpoint
//!     Properties:
//!       VpcId: vpc-0123456789abcdef0
//!       ServiceName: !Sub com.amazonaws.${AWS::Region}.s3
//!       RouteTableIds: [rtb-0123456789abcdef0]
//!       PolicyDocument:
//!         Statement:
//!           - Effect: Allow
//!             Principal: "*"
//!             Action: "s3:*"
//!             Resource: "*"
//!             Condition:
//!               StringEquals:
//!                 aws:PrincipalOrgID: o-a1b2c3d4e5
//!                 aws:ResourceOrgID: o-a1b2c3d4e5
//! ```
//! ```yaml fail
//! Resources:
//!   S3Endpoint:
//!     Type: AWS::EC2::VPCEndpoint
//!     Properties:
//!       VpcId: vpc-0123456789abcdef0
//!       ServiceName: !Sub com.amazonaws.${AWS::Region}.s3
//!       RouteTableIds: [rtb-0123456789abcdef0]
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Inspection:
//!     Type: AWS::EC2::VPCEndpoint
//!     Properties:
//!       VpcId: vpc-0123456789abcdef0
//!       VpcEndpointType: GatewayLoadBalancer
//!       ServiceName: com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0
//!       SubnetIds: [subnet-0123456789abcdef0]
//! ```
//! ```hcl pass
//! resource "aws_vpc_endpoint" "dynamodb" {
//!   vpc_id       = "vpc-0123456789abcdef0"
//!   service_name = "com.amazonaws.eu-west-1.dynamodb"
//!   policy = jsonencode({
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = "*"
//!       Action    = "dynamodb:*"
//!       Resource  = "arn:aws:dynamodb:eu-west-1:111122223333:table/*"
//!     }]
//!   })
//! }
//! ```
//! ```hcl aws_vpc_endpoint.s3=not-applicable aws_vpc_endpoint_policy.s3=met
//! resource "aws_vpc_endpoint" "s3" {
//!   vpc_id       = "vpc-0123456789abcdef0"
//!   service_name = "com.amazonaws.${var.region}.s3"
//! }
//!
//! resource "aws_vpc_endpoint_policy" "s3" {
//!   vpc_endpoint_id = aws_vpc_endpoint.s3.id
//!   policy = jsonencode({
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = "*"
//!       Action    = "s3:GetObject"
//!       Resource  = "*"
//!       Condition = { StringEquals = { "aws:ResourceAccount" = "111122223333" } }
//!     }]
//!   })
//! }
//! ```
//! ```hcl fail
//! resource "aws_vpc_endpoint_policy" "shared" {
//!   vpc_endpoint_id = var.endpoint_id
//!   policy = jsonencode({
//!     Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "*", Resource = "*" }]
//!   })
//! }
//! ```
//! ```hcl fail
//! resource "aws_vpc_endpoint" "secrets" {
//!   vpc_id              = "vpc-0123456789abcdef0"
//!   service_name        = "com.amazonaws.eu-west-1.secretsmanager"
//!   vpc_endpoint_type   = "Interface"
//!   private_dns_enabled = true
//!   policy = jsonencode({
//!     Statement = [{
//!       Effect    = "Allow"
//!       Principal = "*"
//!       Action    = "*"
//!       Resource  = "*"
//!     }]
//!   })
//! }
//! ```

use crate::check::{get, spelling};
use crate::context::Context;
use crate::parent::VPC_ENDPOINT;
use crate::policy::{
    Document, Effect, Item, RESOURCE_OWNER_KEYS, Statement, Tri, at, fixed_enough,
};
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::{Status, Verdict};
use onus_ingest::{Node, Resource, Value};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "vpc.endpoint-policy-restricted",
    title: "VPC endpoint policy limits who and what the endpoint reaches",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &["AWS::EC2::VPCEndpoint"],
    tf_types: &["aws_vpc_endpoint", "aws_vpc_endpoint_policy"],
    reads: &["aws_vpc_endpoint", "aws_vpc_endpoint_policy"],
    controls: Controls::NONE,
    peers: &[],
    check,
    file: file!(),
};

/// Terraform's separate endpoint policy resource.
const POLICY_TYPE: &str = "aws_vpc_endpoint_policy";

/// AWS services whose endpoints take a custom endpoint policy, by the last
/// part of their endpoint service name (`com.amazonaws.<region>.<name>`).
const POLICY_SERVICES: &[&str] = &[
    "athena",
    "autoscaling",
    "cloudformation",
    "codebuild",
    "codecommit",
    "dynamodb",
    "ec2",
    "ecr.api",
    "ecr.dkr",
    "elasticfilesystem",
    "elasticloadbalancing",
    "events",
    "execute-api",
    "git-codecommit",
    "glue",
    "kinesis-firehose",
    "kinesis-streams",
    "kms",
    "lambda",
    "logs",
    "monitoring",
    "s3",
    "secretsmanager",
    "sns",
    "sqs",
    "ssm",
    "states",
    "sts",
];

fn check(resource: &Resource, cx: &Context) -> Verdict {
    if !VPC_ENDPOINT
        .types
        .contains(&resource.resource_type.as_str())
    {
        return policy_resource(resource, cx);
    }
    let service = match takes_policy(resource, cx) {
        Ok(service) => service,
        Err(v) => return v,
    };
    let policy_path = spelling(resource, "PolicyDocument", "policy");
    match get(resource, policy_path) {
        Some(policy) => judge(resource, policy, policy_path, &service, cx),
        None => {
            let separate = cx.linked(resource, &[POLICY_TYPE], "vpc_endpoint_id", None);
            if separate.is_empty() {
                return Verdict::missing(
                    resource,
                    policy_path,
                    format!(
                        "{policy_path} is not set: the default endpoint policy lets any principal reach any {service} resource, other accounts' included, through this endpoint"
                    ),
                );
            }
            let names: Vec<&str> = separate.iter().map(|r| r.id.as_str()).collect();
            Verdict::not_applicable(
                resource,
                format!("judged on its endpoint policy {}", names.join(", ")),
            )
        }
    }
}

/// Terraform's separate `aws_vpc_endpoint_policy`, judged where it is
/// written: with its endpoint's service when the endpoint is scanned, on its
/// own (saying so) when it is not.
fn policy_resource(resource: &Resource, cx: &Context) -> Verdict {
    let endpoint = cx.parent_of(resource, "vpc_endpoint_id", VPC_ENDPOINT.types, None);
    let service = match endpoint.map(|e| takes_policy(e, cx)) {
        None => "AWS service".to_owned(),
        Some(Ok(service)) => service,
        Some(Err(v)) if v.status == Status::NotApplicable => {
            return Verdict::not_applicable(resource, v.message);
        }
        Some(Err(v)) => return v.restated_on(resource),
    };
    let judged = |r: &Resource| match get(r, "policy") {
        Some(policy) => judge(r, policy, "policy", &service, cx),
        None => Verdict::missing(
            r,
            "policy",
            format!(
                "policy is not set: AWS attaches the default endpoint policy, which lets any principal reach any {service} resource through the endpoint"
            ),
        ),
    };
    VPC_ENDPOINT
        .judge_document(resource, cx, judged)
        .unwrap_or_else(|| Verdict::not_applicable(resource, "not an endpoint policy"))
}

/// The AWS service of an endpoint that takes an endpoint policy, or the
/// verdict when it takes none or onus cannot tell.
fn takes_policy(resource: &Resource, cx: &Context) -> Result<String, Verdict> {
    let type_path = spelling(resource, "VpcEndpointType", "vpc_endpoint_type");
    let kind = match get(resource, type_path) {
        None => "Gateway".to_owned(),
        Some(node) => match node.scalar_text() {
            Some(k) => k,
            None => return Err(unresolved(resource, node, type_path)),
        },
    };
    if !["gateway", "interface"].contains(&kind.to_ascii_lowercase().as_str()) {
        return Err(Verdict::not_applicable(
            resource,
            format!("a {kind} endpoint takes no endpoint policy"),
        ));
    }
    let name_path = spelling(resource, "ServiceName", "service_name");
    let Some(name) = get(resource, name_path) else {
        return Err(Verdict::not_applicable(resource, "no service name"));
    };
    // A name built from the Region (`!Sub com.amazonaws.${AWS::Region}.s3`)
    // still names its service: read it as written.
    let text = match &name.value {
        Value::Unknown(_) => cx
            .source_text(resource, name)
            .unwrap_or_default()
            .to_owned(),
        _ => name.scalar_text().unwrap_or_default(),
    };
    let Some(service) = aws_service(&text) else {
        if text.contains("vpce-svc-") || text.contains(".vpce.") {
            return Err(Verdict::not_applicable(
                resource,
                "an endpoint to a service that is not AWS's: its endpoint policy is fixed at full access",
            ));
        }
        return Err(unresolved(resource, name, name_path));
    };
    if !POLICY_SERVICES.contains(&service.as_str()) {
        return Err(Verdict::not_applicable(
            resource,
            format!("onus does not know whether {service} endpoints take an endpoint policy"),
        ));
    }
    Ok(service)
}

/// The verdict on one endpoint policy document.
fn judge(
    resource: &Resource,
    policy: &Node,
    policy_path: &'static str,
    service: &str,
    cx: &Context,
) -> Verdict {
    let statements = match Document::read(policy, resource, cx) {
        Document::Statements(s) => s,
        Document::Unknown(w, span) | Document::Invalid(w, span) => {
            return Verdict::unknown(resource, span, policy_path, w);
        }
    };
    let mut unknown = None;
    for st in &statements {
        match open(st) {
            Tri::Yes => {
                return at(
                    Verdict::not_met(
                        resource,
                        st.span,
                        policy_path,
                        format!(
                            "a statement allows every principal on every {service} resource with no condition on aws:PrincipalOrgID or aws:ResourceOrgID (or another account, organization or network)"
                        ),
                    ),
                    st.file,
                );
            }
            Tri::Unknown(w, span) => {
                unknown.get_or_insert_with(|| {
                    at(Verdict::unknown(resource, span, policy_path, w), st.file)
                });
            }
            Tri::No => {}
        }
    }
    unknown.unwrap_or_else(|| {
        Verdict::met(
            resource,
            policy.span,
            policy_path,
            "every statement limits the principals or the resources the endpoint reaches",
        )
    })
}

/// `s3` in `com.amazonaws.eu-west-1.s3`, or in an expression that builds
/// the name from the Region (`com.amazonaws.${AWS::Region}.s3`, a JSON
/// `Fn::Join` of `com.amazonaws.`, the Region and `.s3`): the name ends at
/// the first character that cannot be part of it, and nothing may be
/// interpolated into it.
fn aws_service(name: &str) -> Option<String> {
    const PREFIX: &str = "com.amazonaws.";
    let rest = &name[name.find(PREFIX)? + PREFIX.len()..];
    let rest = match rest.strip_prefix("${") {
        Some(r) => &r[r.find('}')? + 1..],
        None => &rest[rest.find('.')?..],
    };
    let rest = rest.strip_prefix('.')?;
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')))
        .unwrap_or(rest.len());
    let (service, after) = rest.split_at(end);
    (!service.is_empty() && !after.starts_with(['$', '{'])).then(|| service.to_ascii_lowercase())
}

fn unresolved(resource: &Resource, node: &Node, path: &str) -> Verdict {
    let what = match &node.value {
        Value::Unknown(w) => w.clone(),
        _ => format!("{path}, which is not a plain value"),
    };
    Verdict::unknown(resource, node.span, path, what)
}

/// Does an `Allow` statement reach every resource for every principal?
fn open(st: &Statement) -> Tri {
    match &st.effect {
        Effect::Deny => return Tri::No,
        Effect::Unknown(w) => return Tri::Unknown(w.clone(), st.effect_span),
        Effect::Allow => {}
    }
    let everyone = match &st.principal {
        None => Tri::Yes,
        Some(_) if st.has_not_principal() => Tri::Yes,
        Some(_) => st.principal_is_wildcard(),
    };
    let principals_open = everyone.and(st.restricting_condition().negated());
    if principals_open == Tri::No {
        return Tri::No;
    }
    let every_resource = if st.not_resource.is_some() {
        Tri::Yes
    } else {
        match &st.resource {
            None => Tri::Yes,
            Some(items) => any_open_resource(items),
        }
    };
    let resources_open = every_resource.and(st.condition_on(RESOURCE_OWNER_KEYS).negated());
    principals_open.and(resources_open)
}

/// Does a resource list hold an item that names no account or bucket?
fn any_open_resource(items: &[Item]) -> Tri {
    let mut unknown = None;
    for item in items {
        match item {
            Item::Text(t, _) if t.trim() == "*" || !fixed_enough(t.trim()) => return Tri::Yes,
            Item::Text(..) | Item::Ref(_) => {}
            Item::Unknown(w, s) => {
                unknown.get_or_insert(Tri::Unknown(w.clone(), *s));
            }
        }
    }
    unknown.unwrap_or(Tri::No)
}
