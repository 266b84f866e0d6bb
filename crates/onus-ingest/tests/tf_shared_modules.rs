//! A module called by several root modules (the examples of a module
//! collection) is parsed once per scan and then reused: every caller must
//! still get the module's resources in its own scope, with the variables it
//! passed, and the module's problems reported once.

use onus_ingest::{DiagnosticLevel, Options, Value, ingest};

#[test]
fn each_caller_of_a_shared_module_gets_its_own_resources() {
    let dir = tempfile::tempdir().expect("tempdir");
    let module = dir.path().join("modules/bucket");
    std::fs::create_dir_all(&module).unwrap();
    std::fs::write(
        module.join("main.tf"),
        "variable \"name\" {}\nresource \"aws_s3_bucket\" \"this\" {\n  bucket = var.name\n}\n",
    )
    .unwrap();
    std::fs::write(module.join("broken.tf"), "resource \"aws_sqs_queue\" {\n").unwrap();
    // Four callers: the first read is not kept, the second is, the others reuse it.
    let callers = ["a", "b", "c", "d"];
    for name in callers {
        let root = dir.path().join("examples").join(name);
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(
            root.join("main.tf"),
            format!(
                "module \"bucket\" {{\n  source = \"../../modules/bucket\"\n  name   = \"bucket-{name}\"\n}}\n"
            ),
        )
        .unwrap();
    }

    let w = ingest(&[dir.path().join("examples")], &Options::default());

    let mut names: Vec<String> = w
        .resources
        .iter()
        .filter(|r| r.id == "module.bucket.aws_s3_bucket.this")
        .map(|r| match &r.properties.get("bucket").unwrap().value {
            Value::String(s) => s.clone(),
            other => panic!("bucket name not resolved: {other:?}"),
        })
        .collect();
    names.sort();
    assert_eq!(names, ["bucket-a", "bucket-b", "bucket-c", "bucket-d"]);
    // Each caller is its own unit: the resources do not share a scope.
    let units: std::collections::HashSet<u32> = w.resources.iter().map(|r| r.unit).collect();
    assert_eq!(units.len(), callers.len());
    // The module's files are listed once, and its broken file is one error.
    let broken: Vec<_> = w
        .files
        .iter()
        .filter(|f| f.path.ends_with("broken.tf"))
        .collect();
    assert_eq!(broken.len(), 1);
    let errors: Vec<_> = w
        .diagnostics
        .iter()
        .filter(|d| d.level == DiagnosticLevel::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{:?}", w.diagnostics);
    assert!(
        errors[0].message.starts_with("invalid HCL"),
        "{}",
        errors[0].message
    );
}
