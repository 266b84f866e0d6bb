//! # rds.proxy-tls: RDS proxies require TLS from clients
//!
//! ## Why this is your duty
//! RDS Proxy is part of a container service: AWS runs the proxy fleet, but
//! whether *your* clients may connect to it in plaintext is a setting of
//! the proxy. Protecting data in transit is the customer's side of the
//! model.
//!
//! ## What AWS already does
//! Accepts both TLS and plaintext connections unless `RequireTLS` is true:
//! the default has been false since RDS Proxy became generally available in
//! June 2020.
//!
//! ## Verdicts
//! - met: `RequireTLS` / `require_tls` is true;
//! - not met: false or absent;
//! - unknown: the value comes from a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Proxy:
//!     Type: AWS::RDS::DBProxy
//!     Properties:
//!       DBProxyName: orders
//!       EngineFamily: POSTGRESQL
//!       RoleArn: arn:aws:iam::123456789012:role/proxy
//!       VpcSubnetIds: [subnet-1, subnet-2]
//!       Auth:
//!         - SecretArn: arn:aws:secretsmanager:us-east-1:123456789012:secret:db
//!       RequireTLS: true
//! ```
//! ```yaml fail
//! Resources:
//!   Proxy:
//!     Type: AWS::RDS::DBProxy
//!     Properties:
//!       DBProxyName: orders
//!       EngineFamily: POSTGRESQL
//!       RoleArn: arn:aws:iam::123456789012:role/proxy
//!       VpcSubnetIds: [subnet-1, subnet-2]
//!       Auth:
//!         - SecretArn: arn:aws:secretsmanager:us-east-1:123456789012:secret:db
//! ```
//! ```hcl pass
//! resource "aws_db_proxy" "orders" {
//!   name           = "orders"
//!   engine_family  = "MYSQL"
//!   role_arn       = "arn:aws:iam::123456789012:role/proxy"
//!   vpc_subnet_ids = ["subnet-1", "subnet-2"]
//!   require_tls    = true
//! }
//! ```
//! ```hcl fail
//! resource "aws_db_proxy" "orders" {
//!   name           = "orders"
//!   engine_family  = "MYSQL"
//!   role_arn       = "arn:aws:iam::123456789012:role/proxy"
//!   vpc_subnet_ids = ["subnet-1", "subnet-2"]
//!   require_tls    = false
//! }
//! ```

use crate::check::require_bool;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "rds.proxy-tls",
    title: "RDS proxies require TLS connections",
    duty: Duty::EncryptionInTransit,
    severity: Severity::Medium,
    cfn_types: &["AWS::RDS::DBProxy"],
    tf_types: &["aws_db_proxy"],
    reads: &[],
    controls: Controls {
        fsbp: &["RDS.43"],
        config: &["RDS_PROXY_TLS_ENCRYPTION"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_bool(
        resource,
        "RequireTLS",
        "require_tls",
        true,
        false,
        "TLS enforcement",
    )
}
