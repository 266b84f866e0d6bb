//! The HTML report in a real browser: headless Chromium driven through
//! chromedriver's W3C WebDriver HTTP API.
//!
//! The client is ~60 lines of std (`TcpStream`, HTTP/1.1, `Connection:
//! close`) talking to chromedriver on 127.0.0.1: a WebDriver crate would bring
//! an async runtime (fantoccini → tokio, hyper) and ureq brings url/idna/ICU and
//! a TLS stack, none of which a loopback JSON exchange needs.
//!
//! Without Chromium the test fails when `CI=true` and otherwise skips loudly.
//! `ONUS_UPDATE_SCREENSHOT=1` (what `scripts/screenshot` sets) refreshes
//! `docs/report-screenshot.png`.

use serde_json::{Value, json};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn find(candidates: &[&str]) -> Option<PathBuf> {
    candidates
        .iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())
        .or_else(|| {
            let path = std::env::var_os("PATH")?;
            std::env::split_paths(&path)
                .flat_map(|d| candidates.iter().map(move |c| d.join(c)))
                .find(|p| p.is_file())
        })
}

/// chromedriver, killed on drop.
struct Driver {
    child: Child,
    port: u16,
    session: Option<String>,
}

impl Drop for Driver {
    fn drop(&mut self) {
        if let Some(s) = self.session.take() {
            let _ = self.call("DELETE", &format!("/session/{s}"), None);
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Driver {
    fn start(chromedriver: &Path) -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .unwrap();
        let child = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let driver = Driver {
            child,
            port,
            session: None,
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Ok(v) = driver.call("GET", "/status", None)
                && v["value"]["ready"] == true
            {
                return driver;
            }
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// One WebDriver request: JSON in, JSON out.
    fn call(&self, method: &str, path: &str, body: Option<&Value>) -> std::io::Result<Value> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port))?;
        stream.set_read_timeout(Some(Duration::from_secs(120)))?;
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.port,
            body.len()
        )?;
        // chromedriver keeps the connection open despite `Connection: close`:
        // read the header, then exactly Content-Length bytes.
        let mut response = Vec::new();
        let mut buf = [0u8; 65536];
        let (header_end, length) = loop {
            let n = stream.read(&mut buf)?;
            if n == 0 {
                return Err(std::io::Error::other("connection closed early"));
            }
            response.extend_from_slice(&buf[..n]);
            if let Some(end) = response.windows(4).position(|w| w == b"\r\n\r\n") {
                let head = String::from_utf8_lossy(&response[..end]).to_ascii_lowercase();
                let length = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .ok_or_else(|| std::io::Error::other("no Content-Length"))?;
                break (end + 4, length);
            }
        };
        while response.len() < header_end + length {
            let n = stream.read(&mut buf)?;
            if n == 0 {
                break;
            }
            response.extend_from_slice(&buf[..n]);
        }
        let body = String::from_utf8_lossy(&response[header_end..]).into_owned();
        serde_json::from_str(&body).map_err(std::io::Error::other)
    }

    fn session_call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let s = self.session.as_deref().expect("session");
        let v = self
            .call(method, &format!("/session/{s}{path}"), body.as_ref())
            .unwrap();
        v["value"].clone()
    }

    fn open_session(&mut self, chromium: &Path, profile: &Path) {
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    format!("--user-data-dir={}", profile.display()),
                    "--window-size=1400,1000", "--hide-scrollbars",
                ]
            }
        }}});
        let v = self.call("POST", "/session", Some(&caps)).unwrap();
        let id = v["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {v}"))
            .to_owned();
        self.session = Some(id);
    }

    fn goto(&self, file: &Path) {
        let url = format!("file://{}", file.display());
        self.session_call("POST", "/url", Some(json!({ "url": url })));
    }

    fn elements(&self, css: &str) -> Vec<String> {
        let v = self.session_call(
            "POST",
            "/elements",
            Some(json!({"using": "css selector", "value": css})),
        );
        v.as_array()
            .unwrap_or_else(|| panic!("elements {css}: {v}"))
            .iter()
            .filter_map(|e| e.as_object()?.values().next()?.as_str().map(str::to_owned))
            .collect()
    }

    fn text(&self, element: &str) -> String {
        self.session_call("GET", &format!("/element/{element}/text"), None)
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    fn attribute(&self, element: &str, name: &str) -> String {
        self.session_call("GET", &format!("/element/{element}/attribute/{name}"), None)
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// Text of an open alert dialog, if a script managed to raise one.
    fn alert(&self) -> Option<String> {
        let v = self.session_call("GET", "/alert/text", None);
        v.as_str().map(str::to_owned)
    }

    /// A PNG of the page: the whole page, or the first `height` pixels.
    fn screenshot(&self, to: &Path, height: Option<i64>) {
        // Grow the window to the page so the shot holds the whole report.
        let full = self
            .elements("main")
            .first()
            .map(|m| {
                self.session_call("GET", &format!("/element/{m}/rect"), None)["height"]
                    .as_f64()
                    .unwrap_or(1000.0)
            })
            .unwrap_or(1000.0);
        self.session_call(
            "POST",
            "/window/rect",
            Some(json!({"width": 1400, "height": height.unwrap_or((full as i64 + 200).min(8000))})),
        );
        let b64 = self.session_call("GET", "/screenshot", None);
        let png = base64(b64.as_str().expect("screenshot data"));
        assert!(png.starts_with(b"\x89PNG"), "not a PNG");
        std::fs::write(to, png).unwrap();
    }
}

fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let digits: Vec<u8> = text.bytes().filter_map(value).collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, d)| n | (u32::from(*d) << (18 - 6 * i)));
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..chunk.len().saturating_sub(1)]);
    }
    out
}

fn onus_html(args: &[&str], out: &Path) -> Value {
    let bin = assert_cmd::cargo::cargo_bin!("onus");
    let status = Command::new(bin)
        .current_dir(repo())
        .args(["scan", "--quiet", "--output"])
        .arg(format!("html={}", out.display()))
        .arg("--output")
        .arg(format!("json={}.json", out.display()))
        .args(args)
        .status()
        .unwrap();
    assert!(
        matches!(status.code(), Some(0 | 1)),
        "onus failed: {status}"
    );
    serde_json::from_slice(&std::fs::read(format!("{}.json", out.display())).unwrap()).unwrap()
}

#[test]
fn html_report_in_headless_chromium() {
    let chromium = find(&[
        "/usr/bin/chromium",
        "chromium",
        "chromium-browser",
        "google-chrome",
    ]);
    let chromedriver = find(&["/usr/bin/chromedriver", "chromedriver"]);
    let (Some(chromium), Some(chromedriver)) = (chromium, chromedriver) else {
        let msg = "Chromium or chromedriver not found (apt-get install chromium chromium-driver; scripts/test does it as root)";
        if std::env::var("CI").is_ok_and(|v| v == "true" || v == "1") {
            panic!("{msg}: the browser test must run in CI");
        }
        eprintln!("\n!!!!!!!!!! SKIPPED the HTML browser test: {msg} !!!!!!!!!!\n");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let profile = tmp.path().join("profile");
    std::fs::create_dir(&profile).unwrap();
    let report_html = tmp.path().join("report.html");
    let report = onus_html(&["examples"], &report_html);
    let hostile_html = tmp.path().join("hostile.html");
    onus_html(&["crates/onus-cli/tests/fixtures/hostile"], &hostile_html);

    let mut driver = Driver::start(&chromedriver);
    driver.open_session(&chromium, &profile);

    // The examples' report.
    driver.goto(&report_html);
    let resources = report["resources"].as_array().unwrap().len();
    assert!(resources > 0);
    let card = driver.elements("#resources");
    assert_eq!(
        driver.attribute(&card[0], "data-count"),
        resources.to_string()
    );
    assert_eq!(driver.elements("#matrix tbody tr").len(), resources);
    assert_eq!(driver.elements("#matrix thead th.layer-h").len(), 16);
    assert_eq!(driver.elements(".stack").len(), 3);
    assert_eq!(driver.elements(".stack .layer").len(), 3 * 16);
    let findings = driver.elements(".finding");
    let expected = report["summary"]["findings_by_severity"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n.as_u64().unwrap())
        .sum::<u64>()
        + report["summary"]["unknown_verdicts"].as_u64().unwrap()
        + report["summary"]["suppressed"].as_u64().unwrap();
    assert_eq!(findings.len() as u64, expected);
    let texts: Vec<String> = findings.iter().map(|f| driver.text(f)).collect();
    assert!(
        texts.iter().any(
            |t| t.contains("ingress rule opens SSH (TCP 22) to the whole internet")
                && t.contains("WebSshFromAnywhere")
        ),
        "{texts:?}"
    );
    assert!(driver.elements("pre.excerpt span.hit").len() >= findings.len());
    let shot = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("report-screenshot.png");
    driver.screenshot(&shot, None);
    eprintln!("screenshot: {}", shot.display());
    if std::env::var_os("ONUS_UPDATE_SCREENSHOT").is_some() {
        // The top of the page (summary, stacks, start of the matrix) for README.
        driver.screenshot(&repo().join("docs/report-screenshot.png"), Some(1500));
    }

    // A template whose names and values carry markup: shown as text, never run.
    driver.goto(&hostile_html);
    assert_eq!(driver.alert(), None, "a script raised an alert");
    assert!(
        driver.elements("script").is_empty(),
        "a script element was injected"
    );
    assert!(
        driver.elements("img").is_empty(),
        "an img element was injected"
    );
    assert!(driver.elements("[onerror]").is_empty());
    let ids: Vec<String> = driver
        .elements(".finding .resource-id")
        .iter()
        .map(|e| driver.text(e))
        .collect();
    assert!(
        ids.contains(&"<script>alert(1)</script>".to_owned()),
        "{ids:?}"
    );
    assert!(
        ids.contains(&"\"><img src=x onerror=alert(1)>".to_owned()),
        "{ids:?}"
    );
    let excerpts: String = driver
        .elements("pre.excerpt")
        .iter()
        .map(|e| driver.text(e))
        .collect();
    assert!(
        excerpts.contains("\"<script>alert(1)</script>\":"),
        "{excerpts}"
    );
    driver.screenshot(
        &PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("hostile-screenshot.png"),
        None,
    );
}
