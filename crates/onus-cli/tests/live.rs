//! `onus scan --aws` against moto on 127.0.0.1 (never real AWS): per-resource
//! verdicts in two Regions, the join with a template deployed through moto's
//! CloudFormation, the unmanaged list, throttling retries and a failing
//! service. scripts/test starts moto and sets `ONUS_MOTO_URL` and
//! `ONUS_MOTO_PYTHON`; without them these tests say so and pass, except in CI.
#![cfg(feature = "aws")]

use serde_json::Value;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The seeded moto server's URL, or `None` (with a note) when there is none.
fn moto() -> Option<&'static str> {
    static SEEDED: OnceLock<Option<String>> = OnceLock::new();
    SEEDED
        .get_or_init(|| {
            let Ok(url) = std::env::var("ONUS_MOTO_URL") else {
                assert!(
                    std::env::var("CI").is_err(),
                    "ONUS_MOTO_URL is not set in CI: scripts/test starts moto"
                );
                eprintln!(
                    "note: ONUS_MOTO_URL not set (scripts/test starts moto): live tests skipped"
                );
                return None;
            };
            assert!(
                url.starts_with("http://127.0.0.1:"),
                "moto must run on loopback: {url}"
            );
            let python = std::env::var("ONUS_MOTO_PYTHON").unwrap_or_else(|_| "python3".into());
            let out = Command::new(python)
                .arg(repo().join("tests/live/seed.py"))
                .arg(&url)
                .output()
                .expect("running tests/live/seed.py");
            assert!(
                out.status.success(),
                "seed.py failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            Some(url)
        })
        .as_deref()
}

/// `onus ARGS` with dummy credentials and nothing that could reach AWS.
fn onus(args: &[&str]) -> (Value, String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_onus"))
        .args(args)
        .current_dir(repo())
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .env("AWS_REGION", "us-east-1")
        .env("AWS_CONFIG_FILE", "/dev/null")
        .env("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .output()
        .expect("running onus");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let json = serde_json::from_str(&stdout).unwrap_or(Value::Null);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (json, stderr + &stdout, out.status.code().unwrap_or(-1))
}

fn scan_json(url: &str, extra: &[&str]) -> (Value, String, i32) {
    let mut args = vec![
        "scan",
        "--aws",
        "--endpoint-url",
        url,
        "--regions",
        "us-east-1,eu-west-1",
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    onus(&args)
}

/// The status of `rule` on the resource whose ARN is `arn`.
fn verdict(report: &Value, arn: &str, rule: &str) -> String {
    let resource = report["resources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["arn"] == arn)
        .unwrap_or_else(|| panic!("no resource {arn}"));
    // JSON version 2: duties by id, verdicts absent when none.
    resource["duties"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|d| {
            d["verdicts"]
                .as_array()
                .into_iter()
                .flatten()
                .map(move |v| (d, v))
        })
        .find(|(_, v)| v["rule"] == rule)
        // A verdict leaves out its status when it is its row's usual one (met
        // in a met row, else not applicable); findings always say it.
        .map(|(d, v)| match v["status"].as_str() {
            Some(status) => status.to_owned(),
            None if d["status"] == "met" => "met".to_owned(),
            None => "not-applicable".to_owned(),
        })
        .unwrap_or_else(|| panic!("no verdict of {rule} on {arn}"))
}

#[test]
fn account_resources_are_judged_by_the_same_rules_in_two_regions() {
    let Some(moto) = moto() else { return };
    let p = proxy(moto, Faults::NONE);
    let url = p.url.as_str();
    let (report, log, code) = scan_json(url, &[]);
    assert_eq!(
        code,
        1,
        "unmet duties exit 1, every call answered: {}\n{}",
        report["live"]["failures"],
        log.lines().take(5).collect::<Vec<_>>().join("\n")
    );
    let acct = "123456789012";
    // S3: Block Public Access, public policy.
    assert_eq!(
        verdict(
            &report,
            "arn:aws:s3:::onus-live-audit",
            "s3.public-access-block"
        ),
        "met"
    );
    assert_eq!(
        verdict(
            &report,
            "arn:aws:s3:::onus-live-manual-uploads",
            "s3.public-access-block"
        ),
        "not-met"
    );
    // EC2: SSH open to the world.
    let ssh: Vec<&Value> = report["resources"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["type"] == "AWS::EC2::SecurityGroup")
        .collect();
    assert!(ssh.len() >= 2, "security groups read: {}", ssh.len());
    // RDS: public and unencrypted vs. private and encrypted.
    let legacy = format!("arn:aws:rds:us-east-1:{acct}:db:onus-live-legacy-db");
    let orders = format!("arn:aws:rds:us-east-1:{acct}:db:onus-live-orders-db");
    assert_eq!(
        verdict(&report, &legacy, "rds.encryption-at-rest"),
        "not-met"
    );
    assert_eq!(verdict(&report, &orders, "rds.encryption-at-rest"), "met");
    // Account settings: EBS encryption by default on in eu-west-1 only.
    assert_eq!(
        verdict(
            &report,
            &format!("arn:aws:ec2:eu-west-1:{acct}:ebs-encryption-by-default"),
            "ebs.default-encryption"
        ),
        "met"
    );
    assert_eq!(
        verdict(
            &report,
            &format!("arn:aws:ec2:us-east-1:{acct}:ebs-encryption-by-default"),
            "ebs.default-encryption"
        ),
        "not-met"
    );
    // The Region's account resources: GuardDuty and the trail in us-east-1 only.
    let east = format!("arn:aws::us-east-1:{acct}:account");
    let west = format!("arn:aws::eu-west-1:{acct}:account");
    assert_eq!(verdict(&report, &east, "account.guardduty-enabled"), "met");
    assert_eq!(
        verdict(&report, &west, "account.guardduty-enabled"),
        "not-met"
    );
    assert_eq!(verdict(&report, &east, "account.access-analyzer"), "met");
    assert_eq!(
        verdict(&report, &west, "account.access-analyzer"),
        "not-met"
    );
    assert_eq!(verdict(&report, &east, "account.config-recording"), "met");
    assert_eq!(
        verdict(&report, &east, "account.securityhub-enabled"),
        "met"
    );
    assert_eq!(
        verdict(&report, &west, "account.securityhub-enabled"),
        "not-met"
    );
    assert_eq!(
        verdict(
            &report,
            &format!("arn:aws:securityhub:us-east-1:{acct}:hub/default"),
            "securityhub.standards-enabled"
        ),
        "met"
    );
    assert_eq!(
        verdict(&report, &west, "account.config-recording"),
        "not-met"
    );
    // A multi-Region trail covers both.
    assert_eq!(
        verdict(&report, &west, "account.cloudtrail-multi-region"),
        "met"
    );
    // The weak password policy.
    assert_eq!(
        verdict(
            &report,
            &format!("arn:aws:iam::{acct}:account-password-policy"),
            "iam.password-policy"
        ),
        "not-met"
    );
    // Every resource of the account is located by its ARN.
    assert!(
        report["resources"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["format"] == "aws"
                && r["arn"].as_str().is_some_and(|a| a.starts_with("arn:")))
    );
    assert_eq!(report["live"]["account"], acct);
    assert!(report["live"]["requests"].as_u64().unwrap() > 20);
}

#[test]
fn a_deployed_template_shows_code_and_account_side_by_side_and_the_unmanaged() {
    let Some(moto) = moto() else { return };
    let p = proxy(moto, Faults::NONE);
    let url = p.url.as_str();
    let (report, log, _) = scan_json(url, &["tests/live/orders.yaml"]);
    let live = &report["live"];
    assert_eq!(
        live["stacks"][0][1], "orders",
        "the template is matched with its stack: {log}"
    );
    let joined = live["joined"].as_array().unwrap();
    let bucket = joined
        .iter()
        .find(|j| j["id"] == "OrdersBucket")
        .unwrap_or_else(|| panic!("OrdersBucket joined: {live}"));
    assert_eq!(bucket["arn"], "arn:aws:s3:::onus-live-orders");
    assert_eq!(bucket["joined_by"], "CloudFormation stack resource list");
    let duty = |j: &Value, d: &str| {
        j["duties"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["duty"] == d)
            .cloned()
            .unwrap_or_else(|| panic!("no {d}: {j}"))
    };
    assert_eq!(duty(bucket, "encryption-at-rest")["code"], "met");
    assert!(joined.iter().any(|j| j["id"] == "AppSecurityGroup"));
    let sg = joined
        .iter()
        .find(|j| j["id"] == "AppSecurityGroup")
        .unwrap();
    assert_eq!(duty(sg, "network-exposure")["code"], "not-met");
    assert_eq!(duty(sg, "network-exposure")["account"], "not-met");
    assert_eq!(duty(sg, "network-exposure")["drift"], false);
    // Drift: the queue's encryption was switched off after the deploy.
    let queue = joined.iter().find(|j| j["id"] == "OrdersQueue").unwrap();
    assert_eq!(duty(queue, "encryption-at-rest")["code"], "met");
    assert_eq!(duty(queue, "encryption-at-rest")["account"], "not-met");
    assert_eq!(duty(queue, "encryption-at-rest")["drift"], true);
    let unmanaged = live["unmanaged"].as_array().unwrap();
    assert!(
        unmanaged
            .iter()
            .any(|u| u["arn"] == "arn:aws:s3:::onus-live-manual-uploads"),
        "the bucket made by hand is unmanaged: {unmanaged:?}"
    );
    assert!(
        !unmanaged
            .iter()
            .any(|u| u["arn"] == "arn:aws:s3:::onus-live-orders"),
        "the stack's bucket is managed"
    );
    // The text report shows the same, side by side.
    let (_, text, _) = onus(&[
        "scan",
        "tests/live/orders.yaml",
        "--aws",
        "--endpoint-url",
        url,
        "--regions",
        "us-east-1",
    ]);
    assert!(text.contains("Code and account, side by side"), "{text}");
    assert!(
        text.contains("deployed as arn:aws:s3:::onus-live-orders"),
        "{text}"
    );
    assert!(text.contains("Unmanaged:"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.contains("encryption-at-rest") && l.contains("<- differs")),
        "{text}"
    );
    // `onus matrix` (Markdown and HTML) and the HTML report show the join.
    let args = [
        "tests/live/orders.yaml",
        "--aws",
        "--endpoint-url",
        url,
        "--regions",
        "us-east-1",
    ];
    let (_, markdown, _) = onus(&[&["matrix"][..], &args].concat());
    assert!(markdown.contains("## Code and account"), "{markdown}");
    assert!(
        markdown.contains("| OrdersQueue ") && markdown.contains("**not-met**"),
        "{markdown}"
    );
    assert!(
        markdown.contains("arn:aws:s3:::onus-live-manual-uploads"),
        "{markdown}"
    );
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("matrix.html");
    let page_arg = page.to_str().unwrap();
    onus(&[&["matrix", "--format", "html", "-o", page_arg][..], &args].concat());
    let report = dir.path().join("report.html");
    let report_arg = format!("html={}", report.display());
    onus(&[&["scan", "-q", "-o", &report_arg][..], &args].concat());
    for html in [page, report] {
        let html = std::fs::read_to_string(&html).unwrap();
        assert!(html.contains("<h2>Code and account</h2>"), "{html}");
        assert!(html.contains("<tr class=\"drift\">"), "{html}");
        assert!(
            html.contains("arn:aws:s3:::onus-live-manual-uploads"),
            "{html}"
        );
    }
}

#[test]
fn terraform_joins_through_its_state_else_by_name() {
    let Some(moto) = moto() else { return };
    let p = proxy(moto, Faults::NONE);
    let scan = |extra: &[&str]| {
        let mut args = vec![
            "scan",
            "tests/live/terraform",
            "--aws",
            "--endpoint-url",
            &p.url,
            "--regions",
            "eu-west-1",
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        let (report, log, _) = onus(&args);
        let live = report["live"].clone();
        assert!(live.is_object(), "{log}");
        live
    };
    let joined_by = |live: &Value, id: &str| {
        live["joined"]
            .as_array()
            .unwrap()
            .iter()
            .find(|j| j["id"] == id)
            .map(|j| j["joined_by"].as_str().unwrap().to_owned())
    };
    let unmanaged = |live: &Value, arn: &str| {
        live["unmanaged"]
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u["arn"] == arn)
    };
    let queue = "arn:aws:sqs:eu-west-1:123456789012:onus-live-eu-plain";
    // The queue's name depends on a variable: only the state joins it.
    let with_state = scan(&["--tf-state", "tests/live/eu.tfstate"]);
    assert_eq!(
        joined_by(&with_state, "aws_sqs_queue.plain").as_deref(),
        Some("Terraform state"),
        "{with_state}"
    );
    assert!(!unmanaged(&with_state, queue));
    let without = scan(&[]);
    assert_eq!(joined_by(&without, "aws_sqs_queue.plain"), None);
    assert!(unmanaged(&without, queue), "{without}");
    assert_eq!(
        joined_by(&without, "aws_dynamodb_table.sessions").as_deref(),
        Some("name")
    );
}

#[test]
fn sarif_names_the_arn_as_a_logical_location() {
    let Some(moto) = moto() else { return };
    let p = proxy(moto, Faults::NONE);
    let url = p.url.as_str();
    let (sarif, _, _) = onus(&[
        "scan",
        "--aws",
        "--endpoint-url",
        url,
        "--regions",
        "us-east-1",
        "--format",
        "sarif",
    ]);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().any(|r| {
        r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
            .as_str()
            .is_some_and(|n| n == "arn:aws:s3:::onus-live-manual-uploads")
    }));
}

/// A loopback proxy in front of moto. It answers, in the shape the AWS API
/// reference documents, the calls moto 5 does not implement (IAM Access
/// Analyzer's ListAnalyzers: an external analyzer in us-east-1, none in
/// eu-west-1; Security Hub's GetEnabledStandards: FSBP in us-east-1), and it
/// can fail calls: the first `throttle` DynamoDB
/// ListTables calls get 400 ThrottlingException, and with `deny_kms` every
/// KMS call gets 400 AccessDeniedException. Everything else goes to moto.
struct Proxy {
    url: String,
    throttled: Arc<AtomicUsize>,
}

#[derive(Clone, Copy)]
struct Faults {
    throttle: usize,
    deny_kms: bool,
}

impl Faults {
    const NONE: Faults = Faults {
        throttle: 0,
        deny_kms: false,
    };
}

fn proxy(moto: &str, faults: Faults) -> Proxy {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let upstream = moto.trim_start_matches("http://").to_owned();
    let throttled = Arc::new(AtomicUsize::new(0));
    let counter = throttled.clone();
    std::thread::spawn(move || {
        for conn in listener.incoming() {
            let Ok(conn) = conn else { continue };
            let (upstream, counter) = (upstream.clone(), counter.clone());
            std::thread::spawn(move || serve(conn, &upstream, &counter, faults));
        }
    });
    Proxy { url, throttled }
}

/// A whole HTTP response.
fn response(status: &str, content_type: &str, body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nx-amzn-RequestId: fake\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

fn serve(mut conn: TcpStream, upstream: &str, throttled: &AtomicUsize, faults: Faults) {
    conn.set_read_timeout(Some(std::time::Duration::from_secs(30)))
        .ok();
    loop {
        // One request: headers, then Content-Length bytes of body.
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") {
            match conn.read(&mut byte) {
                Ok(1) => head.push(byte[0]),
                _ => return,
            }
        }
        let text = String::from_utf8_lossy(&head).into_owned();
        let header = |name: &str| {
            text.lines().find_map(|l| {
                let (k, v) = l.split_once(':')?;
                k.eq_ignore_ascii_case(name).then(|| v.trim().to_owned())
            })
        };
        let length = header("content-length")
            .and_then(|v| v.parse::<usize>().ok())
            .unwrap_or(0);
        let mut body = vec![0u8; length];
        if conn.read_exact(&mut body).is_err() {
            return;
        }
        let target = header("x-amz-target").unwrap_or_default();
        // The SigV4 credential scope names the Region and the service:
        // Credential=KEY/DATE/REGION/SERVICE/aws4_request.
        let scope: Vec<String> = header("authorization")
            .and_then(|a| a.split("Credential=").nth(1).map(str::to_owned))
            .map(|c| c.split(['/', ',']).map(str::to_owned).collect())
            .unwrap_or_default();
        let (region, service) = (
            scope.get(2).cloned().unwrap_or_default(),
            scope.get(3).cloned().unwrap_or_default(),
        );
        let json = "application/x-amz-json-1.0";
        let reply = if target.starts_with("DynamoDB_20120810.ListTables")
            && throttled.fetch_add(1, Ordering::SeqCst) < faults.throttle
        {
            response(
                "400 Bad Request",
                json,
                r#"{"__type":"com.amazonaws.dynamodb.v20120810#ThrottlingException","message":"Rate exceeded"}"#,
            )
        } else if faults.deny_kms && service == "kms" {
            response(
                "400 Bad Request",
                "application/x-amz-json-1.1",
                r#"{"__type":"AccessDeniedException","message":"not allowed by the test"}"#,
            )
        } else if service == "access-analyzer" && text.starts_with("GET /analyzer") {
            // https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_ListAnalyzers.html
            let analyzers = if region == "us-east-1" {
                r#"[{"arn":"arn:aws:access-analyzer:us-east-1:123456789012:analyzer/external","name":"external","type":"ACCOUNT","createdAt":"2024-01-01T00:00:00Z","status":"ACTIVE"}]"#
            } else {
                "[]"
            };
            response(
                "200 OK",
                "application/json",
                &format!(r#"{{"analyzers":{analyzers}}}"#),
            )
        } else if service == "securityhub" && text.starts_with("POST /standards/get") {
            // https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_GetEnabledStandards.html
            let body = if region == "us-east-1" {
                r#"{"StandardsSubscriptions":[{"StandardsSubscriptionArn":"arn:aws:securityhub:us-east-1:123456789012:subscription/aws-foundational-security-best-practices/v/1.0.0","StandardsArn":"arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0","StandardsInput":{},"StandardsStatus":"READY"}]}"#
            } else {
                r#"{"StandardsSubscriptions":[]}"#
            };
            response("200 OK", "application/json", body)
        } else {
            // Forward, one connection per request. moto 5 routes CloudTrail
            // only by the long X-Amz-Target the Python SDK sends; the Rust
            // SDK sends the short form AWS accepts.
            let Ok(mut up) = TcpStream::connect(upstream) else {
                return;
            };
            let head = text
                .replace(
                    "CloudTrail_20131101.",
                    "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.",
                )
                .lines()
                .filter(|l| !l.to_ascii_lowercase().starts_with("connection:"))
                .collect::<Vec<_>>()
                .join("\r\n")
                .trim_end()
                .to_owned()
                + "\r\nConnection: close\r\n\r\n";
            if up
                .write_all(head.as_bytes())
                .and_then(|_| up.write_all(&body))
                .is_err()
            {
                return;
            }
            let mut reply = Vec::new();
            if up.read_to_end(&mut reply).is_err() {
                return;
            }
            reply
        };
        if conn.write_all(&reply).is_err() {
            return;
        }
    }
}

#[test]
fn throttled_calls_are_retried_and_a_failing_service_is_named_and_exits_2() {
    let Some(moto) = moto() else { return };
    let p = proxy(
        moto,
        Faults {
            throttle: 2,
            deny_kms: true,
        },
    );
    let (report, log, code) = onus(&[
        "scan",
        "--aws",
        "--endpoint-url",
        &p.url,
        "--regions",
        "us-east-1",
        "--format",
        "json",
    ]);
    // Throttled twice, then answered: the tables are there.
    assert!(p.throttled.load(Ordering::SeqCst) >= 3, "{log}");
    assert!(
        report["resources"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["arn"] == "arn:aws:dynamodb:us-east-1:123456789012:table/onus-live-orders"),
        "{log}"
    );
    assert!(report["live"]["requests"].as_u64() > report["live"]["operations"].as_u64());
    // KMS denied: a diagnostic names service, Region and operation; exit 2.
    assert_eq!(code, 2, "{log}");
    let failures = report["live"]["failures"].as_array().unwrap();
    assert!(
        failures.iter().any(|f| f
            .as_str()
            .unwrap()
            .starts_with("kms ListKeys in us-east-1: AccessDeniedException")),
        "{failures:?}"
    );
    assert!(
        report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["level"] == "error"
                && d["message"].as_str().unwrap().contains("kms ListKeys"))
    );
    // --skip-invalid: the findings alone decide.
    let (_, _, code) = onus(&[
        "scan",
        "--aws",
        "--endpoint-url",
        &p.url,
        "--regions",
        "us-east-1",
        "--skip-invalid",
        "-q",
    ]);
    assert_eq!(code, 1);
}

#[test]
fn no_credentials_is_a_clear_error() {
    // Nothing listens on this port: the identity call fails fast, locally.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let (_, log, code) = onus(&[
        "scan",
        "--aws",
        "--endpoint-url",
        &url,
        "--regions",
        "us-east-1",
    ]);
    assert_eq!(code, 2, "{log}");
    assert!(log.contains("cannot find out which account"), "{log}");
}
