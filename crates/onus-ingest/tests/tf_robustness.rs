//! Pathological inputs: the readers must not panic and must not hang.

use onus_ingest::{Options, Workload, plan, terraform};

const CASES: &[&str] = &[
    "",
    "resource",
    "resource \"a\" {",
    "resource \"aws_s3_bucket\" {}",
    "resource \"aws_s3_bucket\" \"a\" \"b\" { x = 1 }",
    "locals {\n a = local.b\n b = local.a\n}\nresource \"aws_s3_bucket\" \"x\" { bucket = local.a }",
    "locals { a = local.a }\nresource \"aws_s3_bucket\" \"x\" { count = local.a }",
    "resource \"aws_s3_bucket\" \"x\" { count = -1 }",
    "resource \"aws_s3_bucket\" \"x\" { count = 1e300 }",
    "resource \"aws_s3_bucket\" \"x\" { count = 1.5 }",
    "resource \"aws_s3_bucket\" \"x\" { for_each = 3 }",
    "resource \"aws_s3_bucket\" \"x\" { for_each = [[1], {a = 1}] }",
    "resource \"aws_s3_bucket\" \"x\" { bucket = substr(\"abc\", 99999999999999999999, 1e300) }",
    "resource \"aws_s3_bucket\" \"x\" { bucket = cidrsubnet(\"10.0.0.0/40\", 200, -1) }",
    "resource \"aws_s3_bucket\" \"x\" { bucket = range(0, 1e9, 1e-9) }",
    "resource \"aws_s3_bucket\" \"x\" { bucket = element([], 3) }",
    "resource \"aws_s3_bucket\" \"x\" { bucket = format(\"%\") }",
    "resource \"aws_s3_bucket\" \"x\" { bucket = 1 / 0 + 5 % 0 }",
    "resource \"aws_s3_bucket\" \"x\" { bucket = [1,2][*][*].a[\"b\"][0] }",
    "resource \"aws_s3_bucket\" \"x\" { bucket = file(\"../../../../../../etc/passwd\") }",
    "resource \"aws_s3_bucket\" \"x\" { bucket = templatefile(\"/dev/null\", 3) }",
    "resource \"aws_s3_bucket\" \"x\" { bucket = jsondecode(\"{\") }",
    "resource \"aws_s3_bucket\" \"x\" { bucket = { for k, v in {a=1,b=2} : \"same\" => v... } }",
    "resource \"aws_s3_bucket\" \"x\" { bucket = \"%{ for x in var.nope }${x}%{ endfor }\" }",
    "resource \"aws_s3_bucket\" \"x\" {\n dynamic \"rule\" {\n for_each = 5\n content { a = rule.value }\n }\n dynamic \"n\" {}\n}",
    "provider \"aws\" { region = [1] }\nresource \"aws_s3_bucket\" \"x\" { provider = 5 }",
    "module \"m\" { source = 5 }\nmodule \"n\" {}\nmodule \"o\" { source = \"./missing\" }",
    "variable \"v\" { default = var.v }\nresource \"aws_s3_bucket\" \"x\" { bucket = var.v }",
    "resource \"aws_s3_bucket\" \"x\" { bucket = \"\u{0}\u{feff}é\" }",
];

#[test]
fn terraform_reader_does_not_panic() {
    for (i, case) in CASES.iter().enumerate() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("main.tf"), case).expect("write");
        std::fs::write(dir.path().join("terraform.tfvars"), "v = \n").expect("write");
        let mut w = Workload::default();
        terraform::read_module(dir.path(), &Options::default(), &mut w);
        println!(
            "case {i}: {} resources, {} diagnostics",
            w.resources.len(),
            w.diagnostics.len()
        );
    }
}

#[test]
fn deep_nesting_does_not_overflow() {
    let dir = tempfile::tempdir().expect("tempdir");
    let deep = format!(
        "resource \"a_b\" \"x\" {{ v = {}1{} }}",
        "[".repeat(60),
        "]".repeat(60)
    );
    std::fs::write(dir.path().join("main.tf"), deep).expect("write");
    let mut w = Workload::default();
    terraform::read_module(dir.path(), &Options::default(), &mut w);
    let too_deep = format!(
        "resource \"a_b\" \"x\" {{ v = {}1{} }}",
        "(".repeat(5000),
        ")".repeat(5000)
    );
    std::fs::write(dir.path().join("main.tf"), too_deep).expect("write");
    let mut w = Workload::default();
    terraform::read_module(dir.path(), &Options::default(), &mut w);
}

#[test]
fn modules_calling_each_other_stop() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    std::fs::create_dir_all(&a).expect("mkdir");
    std::fs::create_dir_all(&b).expect("mkdir");
    std::fs::write(
        a.join("main.tf"),
        "module \"b\" {\n source = \"../b\"\n}\nresource \"aws_sqs_queue\" \"q\" {}\n",
    )
    .expect("write");
    std::fs::write(b.join("main.tf"), "module \"a\" {\n source = \"../a\"\n}\n").expect("write");
    let mut w = Workload::default();
    terraform::read_module(&a, &Options::default(), &mut w);
    assert!(w.incomplete());
    assert_eq!(
        w.resources.len(),
        1,
        "{:?}",
        w.resources.iter().map(|r| &r.id).collect::<Vec<_>>()
    );
}

#[test]
fn plan_reader_does_not_panic() {
    let cases = [
        "",
        "[]",
        "{\"planned_values\": 3}",
        "{\"planned_values\": {\"root_module\": {\"resources\": [1, {\"address\": 2}, {\"address\": \"a.b\", \"type\": \"a\"}], \"child_modules\": [{}, {\"address\": \"module.x\"}]}}}",
        "{\"planned_values\": {\"root_module\": {\"resources\": [{\"address\": \"a.b\", \"type\": \"a\", \"values\": 5}]}}, \"resource_changes\": [{\"address\": \"a.b\", \"change\": {\"after_unknown\": {\"x\": [true, {\"y\": true}]}}}]}",
        "{\"configuration\": {\"root_module\": {\"module_calls\": {\"x\": {\"source\": \"../../../../\"}}}}}",
    ];
    for case in cases {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("plan.json");
        std::fs::write(&p, case).expect("write");
        let mut w = Workload::default();
        plan::read_file(&p, &Options::default(), &mut w);
    }
}
