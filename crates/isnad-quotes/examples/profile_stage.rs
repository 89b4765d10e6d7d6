//! Times the quote stage alone over corpus texts (entities precomputed), for profiling:
//! `cargo run --release -p isnad-quotes --example profile_stage -- [MB]`.

use isnad_core::Document;

include!("common/pipeline.rs");

fn main() {
    let megabytes: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(8);
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");
    let mut docs = Vec::new();
    let mut bytes = 0;
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("corpus")
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    'outer: for p in paths {
        for line in std::fs::read_to_string(p).unwrap_or_default().lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
            if let Some(c) = v.get("content").and_then(|c| c.as_str()) {
                let mut d = Document::new(c);
                prepare(&mut d);
                bytes += c.len();
                docs.push(d);
                if bytes >= megabytes << 20 {
                    break 'outer;
                }
            }
        }
    }
    let stage = isnad_quotes::QuoteStage::default();
    for round in 0..3 {
        let t = std::time::Instant::now();
        let cpu = cpu_seconds();
        let n: usize = docs.iter().map(|d| stage.analyze(d).0.len()).sum();
        let wall = t.elapsed().as_secs_f64();
        let cpu = cpu_seconds() - cpu;
        println!(
            "round {round}: {n} quotes over {:.1} MB: {:.1} MB/s wall, {:.1} MB/s of CPU time",
            bytes as f64 / 1e6,
            bytes as f64 / wall / 1e6,
            bytes as f64 / cpu.max(1e-3) / 1e6
        );
    }
}

/// This process's user + system CPU time (Linux), so a loaded machine does not skew the rate.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit(')')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let ticks: f64 = fields
        .get(11)
        .and_then(|u| u.parse::<f64>().ok())
        .unwrap_or(0.0)
        + fields
            .get(12)
            .and_then(|s| s.parse::<f64>().ok())
            .unwrap_or(0.0);
    ticks / 100.0
}
