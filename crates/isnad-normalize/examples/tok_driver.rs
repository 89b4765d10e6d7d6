//! Drives tokenize + split_sentences for profiling and for output checks.
//!
//!     tok_driver run PROFILE MB FILE     # tokenizes + splits the first MB of article texts
//!     tok_driver check FILE              # hashes every token and sentence, both profiles

use std::hash::{Hash, Hasher};

use isnad_normalize::{split_sentences, tokenize, Profile};

fn texts(file: &str, max_bytes: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut total = 0;
    for line in std::fs::read_to_string(file).unwrap().lines() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        if let Some(c) = value.get("content").and_then(|v| v.as_str()) {
            total += c.len();
            out.push(c.to_owned());
            if total >= max_bytes {
                break;
            }
        }
    }
    out
}

#[inline(never)]
fn run_stage(texts: &[String], profile: Profile) -> usize {
    let split = std::env::var_os("NO_SPLIT").is_none();
    let mut n = 0;
    for text in texts {
        let tokens = tokenize(text, profile);
        n += if split { split_sentences(text, &tokens).len() } else { 0 } + tokens.len();
    }
    n
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args[1].as_str() {
        "run" => {
            let profile: Profile = args[2].parse().unwrap();
            let mb: f64 = args[3].parse().unwrap();
            let texts = texts(&args[4], (mb * 1e6) as usize);
            let bytes: usize = texts.iter().map(String::len).sum();
            let n = run_stage(&texts, profile);
            eprintln!("{bytes} bytes, {n} tokens+sentences");
        }
        "time" => {
            let profile: Profile = args[2].parse().unwrap();
            let mb: f64 = args[3].parse().unwrap();
            let texts = texts(&args[4], (mb * 1e6) as usize);
            let bytes: usize = texts.iter().map(String::len).sum();
            let mut best = f64::INFINITY;
            for _ in 0..args[5].parse::<usize>().unwrap() {
                let t = std::time::Instant::now();
                std::hint::black_box(run_stage(&texts, profile));
                best = best.min(t.elapsed().as_secs_f64());
            }
            println!("{profile}: {:.0} MB/s", bytes as f64 / 1e6 / best);
        }
        "check" => {
            let texts = texts(&args[2], usize::MAX);
            for profile in Profile::ALL {
                let mut h = std::collections::hash_map::DefaultHasher::new();
                let mut count = 0usize;
                for text in &texts {
                    let tokens = tokenize(text, profile);
                    let sentences = split_sentences(text, &tokens);
                    for t in &tokens {
                        format!("{:?}|{:?}", t, t.clitics.map(|c| c.proclitics.to_vec())).hash(&mut h);
                    }
                    format!("{sentences:?}").hash(&mut h);
                    count += tokens.len();
                }
                println!("{profile}: {} texts, {count} tokens, hash {:016x}", texts.len(), h.finish());
            }
        }
        _ => panic!("run or check"),
    }
}
