//! # glue.supported-version: Glue Spark jobs run on a supported Glue version
//!
//! ## Why this is your duty
//! Glue is an abstracted service: AWS patches the Spark runtime of each Glue
//! version it supports, but which version *your* job runs on is your choice.
//! Versions past end of support get no security fixes: keeping the platform
//! current moves to you.
//!
//! ## What AWS already does
//! Runs a job on the version `GlueVersion` / `glue_version` names. A job
//! created without one gets "the latest Glue version available" (the
//! current CloudFormation `AWS::Glue::Job` reference; older references, and
//! the API for development endpoints, said Glue 0.9). The Terraform provider
//! sends no version when the argument is absent. Glue 0.9 and 1.0 reached
//! end of support in June 2022 (1.0 with Python 3 in September 2022) and
//! end of life on 1 April 2026; Glue 2.0 reached end of support on 31
//! January 2024. 3.0 is the oldest version Security Hub accepts.
//!
//! ## Verdicts
//! - met: 3.0 or later, or absent (the latest version);
//! - not met: older than 3.0;
//! - not applicable: Python shell and Ray jobs (`Command.Name` other than
//!   `glueetl` or `gluestreaming`), which Glue.4 does not cover;
//! - unknown: a value onus cannot resolve.
//!
//! ## Examples
//! ```yaml pass
//! Resources:
//!   Etl:
//!     Type: AWS::Glue::Job
//!     Properties:
//!       Role: arn:aws:iam::123456789012:role/glue
//!       Command:
//!         Name: glueetl
//!         ScriptLocation: s3://scripts/etl.py
//!       GlueVersion: "4.0"
//! ```
//! ```yaml pass
//! Resources:
//!   Etl:
//!     Type: AWS::Glue::Job
//!     Properties:
//!       Role: arn:aws:iam::123456789012:role/glue
//!       Command:
//!         Name: glueetl
//!         ScriptLocation: s3://scripts/etl.py
//! ```
//! ```yaml fail
//! Resources:
//!   Etl:
//!     Type: AWS::Glue::Job
//!     Properties:
//!       Role: arn:aws:iam::123456789012:role/glue
//!       Command:
//!         Name: glueetl
//!         ScriptLocation: s3://scripts/etl.py
//!       GlueVersion: "1.0"
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Etl:
//!     Type: AWS::Glue::Job
//!     Properties:
//!       Role: arn:aws:iam::123456789012:role/glue
//!       Command:
//!         Name: pythonshell
//!         ScriptLocation: s3://scripts/etl.py
//! ```
//! ```hcl pass
//! resource "aws_glue_job" "etl" {
//!   name     = "etl"
//!   role_arn = "arn:aws:iam::123456789012:role/glue"
//!   command {
//!     script_location = "s3://scripts/etl.py"
//!   }
//!   glue_version = "5.0"
//! }
//! ```
//! ```hcl fail
//! resource "aws_glue_job" "etl" {
//!   name     = "etl"
//!   role_arn = "arn:aws:iam::123456789012:role/glue"
//!   command {
//!     script_location = "s3://scripts/etl.py"
//!   }
//!   glue_version = "2.0"
//! }
//! ```

use crate::check::{get, require_number, spelling, static_text};
use crate::context::Context;
use crate::rule::{Controls, Rule, Severity};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "glue.supported-version",
    title: "Glue Spark jobs run on a supported Glue version",
    duty: Duty::PlatformPatching,
    severity: Severity::Medium,
    cfn_types: &["AWS::Glue::Job"],
    tf_types: &["aws_glue_job"],
    reads: &[],
    controls: Controls {
        fsbp: &["Glue.4"],
        config: &["GLUE_SPARK_JOB_SUPPORTED_VERSION"],
        cis: &[],
    },
    peers: &[],
    check,
    file: file!(),
};

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    match static_text(resource, "Command.Name", "command.name") {
        Err(unknown) => return unknown,
        Ok(Some(c)) if !matches!(c, "glueetl" | "gluestreaming") => {
            return Verdict::not_applicable(resource, format!("a {c} job, not Spark"));
        }
        Ok(_) => {}
    }
    if get(resource, spelling(resource, "GlueVersion", "glue_version")).is_none() {
        return Verdict::met_by_default(
            resource,
            spelling(resource, "GlueVersion", "glue_version"),
            "no Glue version named: the job gets the latest version available",
        );
    }
    require_number(
        resource,
        "GlueVersion",
        "glue_version",
        None,
        |v| v >= 3.0,
        "Spark jobs need Glue 3.0 or later",
    )
}
