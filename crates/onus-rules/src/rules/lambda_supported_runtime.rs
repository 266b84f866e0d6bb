//! # lambda.supported-runtime: Lambda functions do not use a deprecated runtime
//!
//! ## Why this is your duty
//! Lambda is an abstracted service, but platform patching is split (see
//! `onus explain lambda`): AWS patches the runtime you chose, within its
//! major version, only while that version is supported. Moving to the next
//! major version (`python3.9` → `python3.13`) can break your code, so AWS
//! never does it for you: choosing a supported runtime is yours.
//!
//! ## What AWS already does
//! Applies security patches and minor updates to managed runtimes until their
//! deprecation date. After it, AWS "may no longer apply security patches or
//! updates" to the runtime, functions on it lose technical support, and some
//! time later creating and then updating such functions is blocked (AWS
//! Lambda developer guide, "Runtime deprecation policy"). Container images
//! carry their own runtime, which you rebuild.
//!
//! ## Verdicts
//! - met: the runtime is not on the deprecation table below, or its
//!   deprecation date is after the date of the scan;
//! - not met: the runtime's deprecation date has passed; a name that is no
//!   Lambda runtime family (`nodejs`, `python`, `java`, `dotnet`, `ruby`,
//!   `provided`, `go1.x`), said to be invalid;
//! - unknown: the runtime is not static; or no `Runtime` / `runtime` is set
//!   on a `.zip` function (AWS requires one, so the deployment would fail:
//!   onus cannot tell which runtime is meant);
//! - not applicable: container image functions (`PackageType: Image` /
//!   `package_type = "Image"`): patch the base image yourself.
//!
//! Deprecation dates (AWS Lambda developer guide, "Lambda runtimes",
//! deprecated and supported tables, as transcribed in two public tools in
//! 2026 that agree on every date; earlier onus releases used `dotnet6`'s
//! first date, 2024-11-12, since extended to 2024-12-20, and left out the
//! Amazon Linux 2 runtimes, which now have dates). A runtime is deprecated
//! from the start of its date (UTC), compared with the date of the scan; a
//! runtime newer than the table (a later version of a known family) passes:
//!
//! | Runtime | Deprecated |
//! |---|---|
//! | `nodejs` | 2016-10-31 |
//! | `nodejs4.3`, `nodejs4.3-edge` | 2020-03-05 |
//! | `nodejs6.10` | 2019-08-12 |
//! | `nodejs8.10` | 2020-03-06 |
//! | `nodejs10.x` | 2021-07-30 |
//! | `nodejs12.x` | 2023-03-31 |
//! | `nodejs14.x` | 2023-12-04 |
//! | `nodejs16.x` | 2024-06-12 |
//! | `nodejs18.x` | 2025-09-01 |
//! | `nodejs20.x` | 2026-04-30 |
//! | `nodejs22.x` | 2027-04-30 |
//! | `nodejs24.x` | 2028-04-30 |
//! | `python2.7` | 2021-07-15 |
//! | `python3.6` | 2022-07-18 |
//! | `python3.7` | 2023-12-04 |
//! | `python3.8` | 2024-10-14 |
//! | `python3.9` | 2025-12-15 |
//! | `python3.10` | 2026-10-31 |
//! | `python3.11` | 2027-06-30 |
//! | `python3.12` | 2028-10-31 |
//! | `python3.13` | 2029-06-30 |
//! | `python3.14` | 2029-06-30 |
//! | `ruby2.5` | 2021-07-30 |
//! | `ruby2.7` | 2023-12-07 |
//! | `ruby3.2` | 2026-03-31 |
//! | `ruby3.3` | 2027-03-31 |
//! | `ruby3.4` | 2028-03-31 |
//! | `java8` (Amazon Linux 1) | 2024-01-08 |
//! | `java8.al2` | 2027-06-30 |
//! | `java11` | 2027-06-30 |
//! | `java17` | 2027-06-30 |
//! | `java21` | 2029-06-30 |
//! | `go1.x` | 2024-01-08 |
//! | `provided` (Amazon Linux 1) | 2024-01-08 |
//! | `provided.al2` | 2026-07-31 |
//! | `provided.al2023` | 2029-06-30 |
//! | `dotnetcore1.0` | 2019-07-27 |
//! | `dotnetcore2.0` | 2019-05-30 |
//! | `dotnetcore2.1` | 2022-01-05 |
//! | `dotnetcore3.1` | 2023-04-03 |
//! | `dotnet5.0` | 2022-05-10 |
//! | `dotnet6` | 2024-12-20 |
//! | `dotnet7` | 2024-05-14 |
//! | `dotnet8` | 2026-11-10 |
//! | `dotnet9` | 2026-11-10 |
//! | `dotnet10` | 2028-11-14 |
//!
//! Fix: change `Runtime` to a supported version of the language (test your
//! code first: major versions are not backward compatible).
//!
//! ## Examples
//! ```yaml fail
//! Resources:
//!   Fn:
//!     Type: AWS::Lambda::Function
//!     Properties:
//!       Runtime: python3.7
//!       Handler: app.handler
//!       Role: arn:aws:iam::111122223333:role/app
//!       Code:
//!         ZipFile: "def handler(e, c): pass"
//! ```
//! ```yaml pass
//! Resources:
//!   Fn:
//!     Type: AWS::Lambda::Function
//!     Properties:
//!       Runtime: python3.13
//!       Handler: app.handler
//!       Role: arn:aws:iam::111122223333:role/app
//!       Code:
//!         ZipFile: "def handler(e, c): pass"
//! ```
//! ```yaml not-applicable
//! Resources:
//!   Fn:
//!     Type: AWS::Lambda::Function
//!     Properties:
//!       PackageType: Image
//!       Role: arn:aws:iam::111122223333:role/app
//!       Code:
//!         ImageUri: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1
//! ```
//! ```yaml fail
//! Transform: AWS::Serverless-2016-10-31
//! Globals:
//!   Function:
//!     Runtime: nodejs16.x
//! Resources:
//!   Fn:
//!     Type: AWS::Serverless::Function
//!     Properties:
//!       Handler: index.handler
//!       CodeUri: src/
//! ```
//! ```yaml unknown
//! Parameters:
//!   Runtime:
//!     Type: String
//! Resources:
//!   Fn:
//!     Type: AWS::Lambda::Function
//!     Properties:
//!       Runtime: !Ref Runtime
//!       Handler: app.handler
//!       Role: arn:aws:iam::111122223333:role/app
//!       Code:
//!         ZipFile: "def handler(e, c): pass"
//! ```
//! ```hcl fail
//! resource "aws_lambda_function" "fn" {
//!   function_name = "app"
//!   role          = "arn:aws:iam::111122223333:role/app"
//!   runtime       = "python3.7"
//!   handler       = "app.handler"
//!   filename      = "app.zip"
//! }
//! ```
//! ```hcl pass
//! resource "aws_lambda_function" "fn" {
//!   function_name = "app"
//!   role          = "arn:aws:iam::111122223333:role/app"
//!   runtime       = "python3.13"
//!   handler       = "app.handler"
//!   filename      = "app.zip"
//! }
//! ```
//! ```hcl not-applicable
//! resource "aws_lambda_function" "fn" {
//!   function_name = "app"
//!   role          = "arn:aws:iam::111122223333:role/app"
//!   package_type  = "Image"
//!   image_uri     = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1"
//! }
//! ```
//! ```hcl unknown
//! resource "aws_lambda_function" "fn" {
//!   function_name = "app"
//!   role          = "arn:aws:iam::111122223333:role/app"
//!   handler       = "app.handler"
//!   filename      = "app.zip"
//! }
//! ```

use crate::check::{Judgement, days_from_civil, days_today, is_null, judge, prop, verdict_of};
use crate::context::Context;
use crate::rule::{Controls, Relation::*, Rule, Severity, checkov};
use crate::verdict::Verdict;
use onus_ingest::Resource;
use onus_model::Duty;

pub static RULE: Rule = Rule {
    id: "lambda.supported-runtime",
    title: "Lambda function does not use a deprecated runtime",
    duty: Duty::PlatformPatching,
    severity: Severity::Medium,
    cfn_types: &["AWS::Lambda::Function"],
    tf_types: &["aws_lambda_function"],
    reads: &[],
    controls: Controls {
        fsbp: &["Lambda.2"],
        config: &["LAMBDA_FUNCTION_SETTINGS_CHECK"],
        cis: &[],
    },
    peers: &[checkov("CKV_AWS_363", Same)],
    check,
    file: file!(),
};

/// (runtime identifier, deprecation date (year, month, day)), see the doc table.
const DEPRECATED: &[(&str, (i64, i64, i64))] = &[
    ("nodejs", (2016, 10, 31)),
    ("nodejs4.3", (2020, 3, 5)),
    ("nodejs4.3-edge", (2020, 3, 5)),
    ("nodejs6.10", (2019, 8, 12)),
    ("nodejs8.10", (2020, 3, 6)),
    ("nodejs10.x", (2021, 7, 30)),
    ("nodejs12.x", (2023, 3, 31)),
    ("nodejs14.x", (2023, 12, 4)),
    ("nodejs16.x", (2024, 6, 12)),
    ("nodejs18.x", (2025, 9, 1)),
    ("nodejs20.x", (2026, 4, 30)),
    ("nodejs22.x", (2027, 4, 30)),
    ("nodejs24.x", (2028, 4, 30)),
    ("python2.7", (2021, 7, 15)),
    ("python3.6", (2022, 7, 18)),
    ("python3.7", (2023, 12, 4)),
    ("python3.8", (2024, 10, 14)),
    ("python3.9", (2025, 12, 15)),
    ("python3.10", (2026, 10, 31)),
    ("python3.11", (2027, 6, 30)),
    ("python3.12", (2028, 10, 31)),
    ("python3.13", (2029, 6, 30)),
    ("python3.14", (2029, 6, 30)),
    ("ruby2.5", (2021, 7, 30)),
    ("ruby2.7", (2023, 12, 7)),
    ("ruby3.2", (2026, 3, 31)),
    ("ruby3.3", (2027, 3, 31)),
    ("ruby3.4", (2028, 3, 31)),
    ("java8", (2024, 1, 8)),
    ("java8.al2", (2027, 6, 30)),
    ("java11", (2027, 6, 30)),
    ("java17", (2027, 6, 30)),
    ("java21", (2029, 6, 30)),
    ("go1.x", (2024, 1, 8)),
    ("provided", (2024, 1, 8)),
    ("provided.al2", (2026, 7, 31)),
    ("provided.al2023", (2029, 6, 30)),
    ("dotnetcore1.0", (2019, 7, 27)),
    ("dotnetcore2.0", (2019, 5, 30)),
    ("dotnetcore2.1", (2022, 1, 5)),
    ("dotnetcore3.1", (2023, 4, 3)),
    ("dotnet5.0", (2022, 5, 10)),
    ("dotnet6", (2024, 12, 20)),
    ("dotnet7", (2024, 5, 14)),
    ("dotnet8", (2026, 11, 10)),
    ("dotnet9", (2026, 11, 10)),
    ("dotnet10", (2028, 11, 14)),
];

/// The prefixes of every Lambda runtime identifier, past and present.
const FAMILIES: &[&str] = &[
    "nodejs", "python", "java", "dotnet", "ruby", "provided", "go1.",
];

fn check(resource: &Resource, _cx: &Context) -> Verdict {
    let (package, package_path) = prop(resource, "PackageType", "package_type");
    if let Some(package) = package {
        let mut image = false;
        let j = judge(package, &mut |n| match n.scalar_text() {
            Some(p) if p.eq_ignore_ascii_case("Image") => {
                image = true;
                Judgement::Yes
            }
            _ => Judgement::Yes,
        });
        if let Judgement::Unknown(span, what) = j {
            return Verdict::unknown(resource, span, package_path, what);
        }
        if image && !matches!(package.value, onus_ingest::Value::Either(_)) {
            return Verdict::not_applicable(
                resource,
                "a container image function: its runtime is in the image you build",
            );
        }
    }
    let (runtime, path) = prop(resource, "Runtime", "runtime");
    let Some(runtime) = runtime else {
        return Verdict::unknown(
            resource,
            resource.name_span,
            path,
            format!(
                "{path} is not set (required for a .zip function, so the deployment would fail)"
            ),
        );
    };
    let now = days_today();
    let j = judge(runtime, &mut |n| match n.scalar_text() {
        Some(r) => {
            let r = r.trim().to_ascii_lowercase();
            match DEPRECATED.iter().find(|(id, _)| *id == r) {
                None if !FAMILIES.iter().any(|f| r.starts_with(f)) => Judgement::no(
                    n,
                    format!("{path} is {r:?}, which is invalid: no Lambda runtime has that name"),
                ),
                Some((id, (y, m, d))) if days_from_civil(*y, *m, *d) <= now => Judgement::no(
                    n,
                    format!(
                        "{path} is {id}, deprecated since {y}-{m:02}-{d:02}: AWS no longer patches it"
                    ),
                ),
                _ => Judgement::Yes,
            }
        }
        // A branch that leaves the runtime unset is an image function or
        // an invalid one; only a set runtime can be judged.
        None if is_null(n) => Judgement::Unknown(n.span, format!("{path} is unset on a branch")),
        None => Judgement::Unknown(n.span, format!("{path} (not a plain value)")),
    });
    let met = match runtime.scalar_text() {
        Some(r) => format!("{path} is {r}, which AWS still supports"),
        None => format!("{path} is a supported runtime on every branch"),
    };
    verdict_of(resource, runtime, path, j, met)
}

#[cfg(test)]
mod tests {
    use super::days_from_civil;

    #[test]
    fn civil_days() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(2026, 11, 28), 20_785);
    }
}
