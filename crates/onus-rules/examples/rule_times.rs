use onus_ingest::{Options, ingest};
use onus_rules::Settings;
use onus_rules::engine::scan_with;
use onus_rules::rules::ALL;
use std::time::Instant;
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let only = std::env::args().nth(2);
    let w = ingest(&[dir.into()], &Options::default());
    let s = Settings::default();
    let rules: Vec<_> = ALL
        .iter()
        .copied()
        .filter(|r| only.as_deref().is_none_or(|o| r.id.starts_with(o)))
        .collect();
    for _ in 0..3 {
        let t = Instant::now();
        scan_with(&w, &s, &rules);
        println!("{} rules {:?}", rules.len(), t.elapsed());
    }
    let t = Instant::now();
    scan_with(&w, &s, &[]);
    println!("none {:?}", t.elapsed());
}
