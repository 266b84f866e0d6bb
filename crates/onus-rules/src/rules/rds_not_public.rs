//! # rds.not-public: RDS databases are not publicly accessible
//!
//! ## Why this is your duty
//! RDS is a container service: AWS runs the database engine and its hosts,
//! but where the database is reachable from is your network configuration.
//! A publicly accessible instance gets a public DNS name and IP, so only
//! security groups stand between it and the internet.
//!
//! ## What AWS already does
//! Places the instance in your VPC and resolves its endpoint to a private
//! address unless `PubliclyAccessible` is true; security groups still apply.
//!
//! ## Verdicts
//! - met: `PubliclyAccessible: false` / `publicly_accessible = false`;
//! - met by default: Terraform when absent (the provider default is false);
//! - not met: true; or CloudFormation absent without a `DBSubnetGroupName`
//!   (the instance goes in the default VPC, which comes with an internet
//!   gateway: the API then makes it public);
//! - unknown: CloudFormation absent with a `DBSubnetGroupName` (the API makes
//!   the instance public when the subnets' VPC has an internet gateway,
//!   private otherwise), or a flag onus cannot resolve.
//!
//! Aurora cluster members (`DBClusterIdentifier` / `cluster_identifier`)
//! have their own flag and are evaluated like any instance.
//!
//! Fix: set `PubliclyAccessible: false` / `publicly_accessible = false` and
//! put the instance in a DB subnet group of private subnets.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.t3.micro
//!       PubliclyAccessible: false
//! ```
//! ```yaml fail
//! Resources:
//!   Db:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.t3.micro
//!       PubliclyAccessible: true
//! ```
//! Absent, with and without a DB subnet group:
//! ```yaml Private=unknown DefaultVpc=not-met
//! Resources:
//!   Subnets:
//!     Type: AWS::RDS::DBSubnetGroup
//!     Properties:
//!       DBSubnetGroupDescription: private
//!       SubnetIds: [subnet-1, subnet-2]
//!   Private:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.t3.micro
//!       DBSubnetGroupName: !Ref Subnets
//!   DefaultVpc:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: postgres
//!       DBInstanceClass: db.t3.micro
//! ```
//! An Aurora member is evaluated too:
//! ```yaml fail
//! Resources:
//!   Member:
//!     Type: AWS::RDS::DBInstance
//!     Properties:
//!       Engine: aurora-postgresql
//!       DBInstanceClass: db.r6g.large
//!       DBClusterIdentifier: shop
//!       PubliclyAccessible: true
//! ```
//! ```hcl pass
//! resource "aws_db_instance" "db" {
//!   engine         = "postgres"
//!   instance_class = "db.t3.micro"
//! }
//! ```
//! ```hcl fail
//! resource "aws_db_instance" "db" {
//!   engine              = "postgres"
//!   instance_class      = "db.t3.micro"
//!   publicly_accessible = true
//! }
//! ```
//! ```hcl unknown
//! variable "public" {}
//! resource "aws_rds_cluster_instance" "member" {
//!   cluster_identifier  = "shop"
//!   engine              = "aurora-postgresql"
//!   instance_class      = "db.r6g.large"
//!   publicly_accessible = var.public
//! }
//! ```

use crate::check::{Judgement, get, is_null, judge, prop, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, cfn_nag, checkov, guard, trivy};
use crate::verdict::Verdict;
use onus_ingest::{Resource, Span};
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "rds.not-public",
    title: "RDS databases are not publicly accessible",
    duty: Duty::NetworkExposure,
    severity: Severity::High,
    cfn_types: &["AWS::RDS::DBInstance"],
    tf_types: &["aws_db_instance", "aws_rds_cluster_instance"],
    reads: &[],
    controls: Controls {
        fsbp: &["RDS.2"],
        config: &["RDS_INSTANCE_PUBLIC_ACCESS_CHECK"],
        cis: &[],
    },
    peers: &[
        checkov("CKV_AWS_17", Same),
        cfn_nag("F22", Same),
        trivy("AVD-AWS-0180", Same),
        guard("RDS_INSTANCE_PUBLIC_ACCESS_CHECK", Same),
    ],
    check,
    file: file!(),
};

/// What an absent `PubliclyAccessible` means: `Yes` in Terraform (the
/// provider sends false), `No` in CloudFormation without a DB subnet group
/// (the default VPC has an internet gateway), `Unknown` with one (public
/// exactly when the subnets' VPC has an internet gateway).
fn absent(resource: &Resource, span: Span) -> Judgement {
    if resource.format.is_terraform() {
        Judgement::Yes
    } else if get(resource, "DBSubnetGroupName").is_none() {
        Judgement::No(
            span,
            "PubliclyAccessible is not set and there is no DBSubnetGroupName: the instance \
             goes in the default VPC, which has an internet gateway, and is made public"
                .into(),
        )
    } else {
        Judgement::Unknown(
            span,
            "PubliclyAccessible, which is not set: the instance is public if its subnet \
             group's VPC has an internet gateway"
                .into(),
        )
    }
}

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let (node, path) = prop(resource, "PubliclyAccessible", "publicly_accessible");
    let Some(node) = node else {
        return match absent(resource, resource.name_span) {
            Judgement::Yes => Verdict::met_by_default(
                resource,
                path,
                "publicly_accessible defaults to false: the instance is private",
            ),
            Judgement::No(_, why) => Verdict::missing(resource, path, why),
            Judgement::Unknown(span, what) => Verdict::unknown(resource, span, path, what),
        };
    };
    let j = judge(node, &mut |n| match n.as_bool() {
        Some(b) => Judgement::from_bool(!b, n, || {
            format!("{path} is true: the database is reachable from the internet")
        }),
        None if is_null(n) => absent(resource, n.span),
        None => Judgement::no(n, format!("{path} is not a boolean")),
    });
    verdict_of(
        resource,
        node,
        path,
        j,
        format!("{path} is false: the database is private"),
    )
}
