//! Values from a scanned file cannot inject markup, formulas or terminal
//! escapes into any output format. The hostile template is written at test time.

use assert_cmd::Command;

const TEMPLATE: &str = r#"Resources:
  "<script>alert(1)</script>":
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
  "\"><img src=x onerror=alert(1)>":
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
  "=cmd|'/c calc'!A1":
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
  "\e[2Jclear":
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      DBInstanceClass: db.t3.micro
"#;

fn scan(format: &str) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("hostile.yaml"), TEMPLATE).expect("write");
    let out = Command::new(assert_cmd::cargo::cargo_bin!("onus"))
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .current_dir(dir.path())
        .args(["scan", "--format", format, "."])
        .output()
        .expect("run onus");
    assert_eq!(
        out.status.code(),
        Some(1),
        "{format}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn assert_no_escape(format: &str, out: &str) {
    assert!(
        !out.contains('\u{1b}'),
        "{format}: a raw ESC reached the output"
    );
}

#[test]
fn html_escapes_markup() {
    let out = scan("html");
    assert!(!out.contains("<script>alert"), "raw script tag in HTML");
    assert!(!out.contains("<img src=x"), "raw img tag in HTML");
    assert!(
        out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the id is shown escaped"
    );
    assert_no_escape("html", &out);
}

#[test]
fn markdown_escapes_markup() {
    let out = scan("markdown");
    assert!(
        !out.contains("<script>alert"),
        "raw script tag in Markdown:\n{out}"
    );
    assert!(!out.contains("<img src=x"), "raw img tag in Markdown");
    assert_no_escape("markdown", &out);
}

#[test]
fn csv_defuses_formulas() {
    let out = scan("csv");
    let mut reader = csv::ReaderBuilder::new().from_reader(out.as_bytes());
    let mut seen = false;
    for record in reader.records() {
        let record = record.expect("valid CSV");
        for cell in record.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "a cell starts with a formula character: {cell:?}"
            );
            seen |= cell.contains("cmd|'/c calc'!A1");
        }
    }
    assert!(seen, "the hostile id is still reported");
    assert_no_escape("csv", &out);
}

#[test]
fn junit_escapes_markup() {
    let out = scan("junit");
    assert!(
        !out.contains("<script>alert"),
        "raw script tag in JUnit XML"
    );
    assert!(!out.contains("<img src=x"), "raw img tag in JUnit XML");
    assert!(out.contains("&lt;script&gt;"), "the id is shown escaped");
    assert_no_escape("junit", &out);
}

#[test]
fn terminal_strips_control_characters() {
    let out = scan("text");
    assert_no_escape("text", &out);
    assert!(
        out.contains("[2Jclear"),
        "the rest of the id is still shown:\n{out}"
    );
}

#[test]
fn github_annotations_carry_no_escapes() {
    let out = scan("github");
    assert_no_escape("github", &out);
    for line in out.lines() {
        assert!(
            line.starts_with("::") || line.is_empty(),
            "a value broke out of its annotation: {line:?}"
        );
    }
}
