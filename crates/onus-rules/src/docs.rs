//! Rule documentation, extracted from each rule file by `build.rs`.

include!(concat!(env!("OUT_DIR"), "/docs.rs"));

/// The doc of the rule in `file` (e.g. `s3_encryption_at_rest.rs`).
pub fn doc_for(file: &str) -> Option<&'static str> {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    DOCS.iter().find(|(f, _)| *f == name).map(|(_, d)| *d)
}

/// Every rule file name with its doc, in file name order.
pub fn all() -> &'static [(&'static str, &'static str)] {
    DOCS
}
