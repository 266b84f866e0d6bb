//! # appsync.no-api-key-auth: AppSync GraphQL APIs do not authenticate with API keys
//!
//! ## Why this is your duty
//! AppSync is an abstracted service: AWS enforces whichever authorization
//! mode you choose. An API key is a static shared secret embedded in clients
//! that identifies no user and is easily leaked; choosing IAM, Cognito user
//! pools, OIDC or a Lambda authorizer instead is access control on the
//! customer's side.
//!
//! ## What AWS already does
//! Authorizes every request with the API's default mode
//! (`AuthenticationType`, required) plus any additional providers.
//!
//! ## Verdicts
//! - met: `AuthenticationType` (`authentication_type`) is `AWS_IAM`,
//!   `AMAZON_COGNITO_USER_POOLS`, `OPENID_CONNECT` or `AWS_LAMBDA`;
//! - not met: `API_KEY` (also when further providers are added: the key
//!   still reaches every field without an auth directive), or absent;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Api:
//!     Type: AWS::AppSync::GraphQLApi
//!     Properties:
//!       Name: orders
//!       AuthenticationType: AMAZON_COGNITO_USER_POOLS
//!       UserPoolConfig:
//!         UserPoolId: eu-west-1_abc
//!         AwsRegion: eu-west-1
//!         DefaultAction: ALLOW
//! ```
//! ```yaml fail
//! Resources:
//!   Api:
//!     Type: AWS::AppSync::GraphQLApi
//!     Properties:
//!       Name: orders
//!       AuthenticationType: API_KEY
//! ```
//! ```hcl pass
//! resource "aws_appsync_graphql_api" "orders" {
//!   name                = "orders"
//!   authentication_type = "AWS_IAM"
//! }
//! ```
//! ```hcl fail
//! resource "aws_appsync_graphql_api" "orders" {
//!   name                = "orders"
//!   authentication_type = "API_KEY"
//! }
//! ```

use crate::check::require_one_of;
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "appsync.no-api-key-auth",
    title: "AppSync GraphQL API does not use API key authentication",
    duty: Duty::AccessControl,
    severity: Severity::High,
    cfn_types: &["AWS::AppSync::GraphQLApi"],
    tf_types: &["aws_appsync_graphql_api"],
    reads: &[],
    controls: Controls {
        fsbp: &["AppSync.5"],
        config: &["APPSYNC_AUTHORIZATION_CHECK"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    require_one_of(
        resource,
        "AuthenticationType",
        "authentication_type",
        &[
            "AWS_IAM",
            "AMAZON_COGNITO_USER_POOLS",
            "OPENID_CONNECT",
            "AWS_LAMBDA",
        ],
        None,
        "an authorization mode that identifies callers",
    )
}
