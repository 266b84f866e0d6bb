//! # msk.no-unauthenticated-access: MSK clusters do not allow unauthenticated access
//!
//! ## Why this is your duty
//! MSK is a container service: AWS runs the brokers, but who may produce to
//! and consume from *your* topics is access control, the customer's side of
//! the model. With unauthenticated access on, any client that reaches a
//! broker can read and write every topic that ACLs do not close.
//!
//! ## What AWS already does
//! Allows unauthenticated access when no client authentication is
//! configured, as it has since MSK launched in 2019; IAM (since 2021), SASL/
//! SCRAM and mutual TLS authenticate clients when you turn them on.
//!
//! ## Verdicts
//! - met: `ClientAuthentication` / `client_authentication` enables IAM, SCRAM
//!   or TLS authentication and does not enable `Unauthenticated` /
//!   `unauthenticated`;
//! - not met: no client authentication, or unauthenticated access enabled;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Kafka:
//!     Type: AWS::MSK::Cluster
//!     Properties:
//!       ClusterName: events
//!       KafkaVersion: 3.6.0
//!       NumberOfBrokerNodes: 3
//!       BrokerNodeGroupInfo:
//!         InstanceType: kafka.m7g.large
//!         ClientSubnets: [subnet-1, subnet-2, subnet-3]
//!       ClientAuthentication:
//!         Sasl:
//!           Iam:
//!             Enabled: true
//! ```
//! ```yaml fail
//! Resources:
//!   Kafka:
//!     Type: AWS::MSK::Cluster
//!     Properties:
//!       ClusterName: events
//!       KafkaVersion: 3.6.0
//!       NumberOfBrokerNodes: 3
//!       BrokerNodeGroupInfo:
//!         InstanceType: kafka.m7g.large
//!         ClientSubnets: [subnet-1, subnet-2, subnet-3]
//! ```
//! ```hcl pass
//! resource "aws_msk_cluster" "events" {
//!   cluster_name           = "events"
//!   kafka_version          = "3.6.0"
//!   number_of_broker_nodes = 3
//!   broker_node_group_info {
//!     instance_type  = "kafka.m7g.large"
//!     client_subnets = ["subnet-1", "subnet-2", "subnet-3"]
//!   }
//!   client_authentication {
//!     sasl {
//!       iam = true
//!     }
//!   }
//! }
//! ```
//! ```hcl fail
//! resource "aws_msk_cluster" "events" {
//!   cluster_name           = "events"
//!   kafka_version          = "3.6.0"
//!   number_of_broker_nodes = 3
//!   broker_node_group_info {
//!     instance_type  = "kafka.m7g.large"
//!     client_subnets = ["subnet-1", "subnet-2", "subnet-3"]
//!   }
//!   client_authentication {
//!     unauthenticated = true
//!     sasl {
//!       iam = true
//!     }
//!   }
//! }
//! ```

use crate::check::{get, prop, require_bool, spelling};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Status;
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "msk.no-unauthenticated-access",
    title: "MSK clusters do not allow unauthenticated access",
    duty: Duty::AccessControl,
    severity: Severity::Medium,
    cfn_types: &["AWS::MSK::Cluster"],
    tf_types: &["aws_msk_cluster"],
    reads: &[],
    controls: Controls {
        fsbp: &["MSK.6"],
        config: &["MSK_UNRESTRICTED_ACCESS_CHECK"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let (auth, path) = prop(resource, "ClientAuthentication", "client_authentication");
    let Some(auth) = auth else {
        return Verdict::missing(
            resource,
            path,
            format!("{path} is not set: clients connect without authentication"),
        );
    };
    let open = require_bool(
        resource,
        "ClientAuthentication.Unauthenticated.Enabled",
        "client_authentication.unauthenticated",
        false,
        false,
        "authenticated access only",
    );
    if open.status != Status::Met {
        return open;
    }
    let methods = [
        (
            "ClientAuthentication.Sasl.Iam.Enabled",
            "client_authentication.sasl.iam",
        ),
        (
            "ClientAuthentication.Sasl.Scram.Enabled",
            "client_authentication.sasl.scram",
        ),
        (
            "ClientAuthentication.Tls.Enabled",
            "client_authentication.tls",
        ),
    ];
    let any = methods.iter().any(|(c, t)| {
        let p = spelling(resource, c, t);
        get(resource, p).is_some_and(|n| n.as_bool() != Some(false))
    });
    if any {
        Verdict::met(resource, auth.span, path, "clients must authenticate")
    } else {
        Verdict::not_met(
            resource,
            auth.span,
            path,
            format!("{path} enables no authentication method"),
        )
    }
}
