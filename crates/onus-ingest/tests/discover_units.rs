//! Which Terraform directories are read as roots.

use onus_ingest::{Format, Options, ingest};
use std::path::PathBuf;

fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

#[test]
fn a_called_local_module_is_read_through_its_caller_only() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    std::fs::create_dir_all(root.join("modules/queue")).expect("mkdir");
    std::fs::write(
        root.join("main.tf"),
        "module \"jobs\" {\n  source = \"./modules/queue\"\n  name   = \"jobs\"\n}\n",
    )
    .expect("write");
    std::fs::write(
        root.join("modules/queue/main.tf"),
        "variable \"name\" {}\nresource \"aws_sqs_queue\" \"this\" {\n  name = var.name\n}\n",
    )
    .expect("write");
    let workload = ingest(&[root.to_path_buf()], &Options::default());
    let ids: Vec<&str> = workload.resources.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["module.jobs.aws_sqs_queue.this"]);
    let name = workload.resources[0]
        .properties
        .get("name")
        .and_then(|n| n.as_str());
    assert_eq!(name, Some("jobs"), "the module's input reached it");
}

#[test]
fn a_directory_with_a_plan_is_read_from_the_plan() {
    let workload = ingest(&[fixture("plan/mapped")], &Options::default());
    assert!(!workload.resources.is_empty());
    assert!(
        workload
            .resources
            .iter()
            .all(|r| r.format == Format::TerraformPlan),
        "resources read from the .tf beside the plan: {:?}",
        workload
            .resources
            .iter()
            .map(|r| (&r.id, r.format))
            .collect::<Vec<_>>()
    );
}
