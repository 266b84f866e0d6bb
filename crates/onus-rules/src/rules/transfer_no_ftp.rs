//! # transfer.no-ftp: Transfer Family servers do not offer plain FTP
//!
//! ## Why this is your duty
//! Transfer Family is an abstracted service: AWS runs the file-transfer
//! endpoints, but which protocols they speak is your choice. Plain FTP sends
//! user names, passwords and file contents in clear text; choosing SFTP,
//! FTPS or AS2 instead protects data in transit on the customer's side.
//!
//! ## What AWS already does
//! Offers SFTP only when no protocol is given; FTP is accepted only on
//! VPC-internal endpoints, but still unencrypted.
//!
//! ## Verdicts
//! - met: `Protocols` (`protocols`) does not list `FTP`, or is absent
//!   (default `SFTP`);
//! - not met: `FTP` is listed (also when only under a condition);
//! - unknown: the list or an item onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Server:
//!     Type: AWS::Transfer::Server
//!     Properties:
//!       Protocols: [SFTP, FTPS]
//!       Certificate: arn:aws:acm:eu-west-1:111122223333:certificate/abc
//! ```
//! ```yaml fail
//! Resources:
//!   Server:
//!     Type: AWS::Transfer::Server
//!     Properties:
//!       EndpointType: VPC
//!       Protocols: [FTP]
//! ```
//! ```hcl pass
//! resource "aws_transfer_server" "files" {
//!   identity_provider_type = "SERVICE_MANAGED"
//! }
//! ```
//! ```hcl fail
//! resource "aws_transfer_server" "files" {
//!   endpoint_type = "VPC"
//!   protocols     = ["SFTP", "FTP"]
//! }
//! ```
//! ```yaml fail
//! Parameters:
//!   Legacy:
//!     Type: String
//!     AllowedValues: ["true", "false"]
//! Conditions:
//!   IsLegacy: !Equals [!Ref Legacy, "true"]
//! Resources:
//!   Server:
//!     Type: AWS::Transfer::Server
//!     Properties:
//!       EndpointType: VPC
//!       Protocols: !If [IsLegacy, [SFTP, FTP], [SFTP]]
//! ```

use crate::check::prop;
use crate::context::Context;
use crate::lists::find_item;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "transfer.no-ftp",
    title: "Transfer Family server does not offer plain FTP",
    duty: Duty::EncryptionInTransit,
    severity: Severity::High,
    cfn_types: &["AWS::Transfer::Server"],
    tf_types: &["aws_transfer_server"],
    reads: &[],
    controls: Controls {
        fsbp: &["Transfer.2"],
        config: &["TRANSFER_FAMILY_SERVER_NO_FTP"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_357", Same)],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let (node, path) = prop(resource, "Protocols", "protocols");
    let Some(node) = node else {
        return Verdict::met_by_default(resource, path, "no protocols given: SFTP only");
    };
    match find_item(node, &["FTP"]) {
        Ok(Some(ftp)) => Verdict::not_met(
            resource,
            ftp.span,
            path,
            format!("{path} lists FTP: credentials and files travel in clear text"),
        ),
        Ok(None) => Verdict::met(resource, node.span, path, "no plain FTP"),
        Err((item, what)) => Verdict::unknown(resource, item.span, path, what),
    }
}
