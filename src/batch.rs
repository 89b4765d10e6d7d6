//! JSONL in, JSONL out: one output line per input line, in input order, each document on
//! any core, a bad line reported in its place without stopping the others.

use std::io::{BufRead, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};

use isnad_core::{json::document_to_string, Pipeline};
use rayon::prelude::*;
use serde_json::{Map, Value};

/// How to read the input lines.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    pub text_field: String,
    pub id_field: String,
    /// Lines handed to the thread pool at once; bounds memory on huge inputs.
    pub chunk_lines: usize,
    /// Worker threads; `None` uses every core.
    pub threads: Option<usize>,
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions { text_field: "content".into(), id_field: "id".into(), chunk_lines: 1024, threads: None }
    }
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct BatchSummary {
    pub lines: usize,
    pub failed: usize,
    pub bytes: u64,
}

/// Analyses one input line (`number` counts from 1) into one output line, never panicking.
pub fn process_line(pipeline: &Pipeline, line: &[u8], number: usize, opts: &BatchOptions) -> (String, bool) {
    match analyse_line(pipeline, line, opts) {
        Ok(out) => (out, true),
        Err((id, message)) => {
            let mut obj = Map::new();
            obj.insert("id".into(), id);
            obj.insert("line".into(), Value::from(number));
            obj.insert("error".into(), Value::String(message));
            (Value::Object(obj).to_string(), false)
        }
    }
}

fn analyse_line(pipeline: &Pipeline, line: &[u8], opts: &BatchOptions) -> Result<String, (Value, String)> {
    let line = std::str::from_utf8(line)
        .map_err(|e| (Value::Null, format!("invalid UTF-8 at byte {} of the line", e.valid_up_to())))?;
    if line.trim().is_empty() {
        return Err((Value::Null, "empty line".into()));
    }
    let value: Value = serde_json::from_str(line).map_err(|e| (Value::Null, format!("not JSON: {e}")))?;
    let Value::Object(mut record) = value else {
        return Err((Value::Null, "not a JSON object".into()));
    };
    let id = record.remove(&opts.id_field).unwrap_or(Value::Null);
    let text = match record.remove(&opts.text_field) {
        Some(Value::String(text)) => text,
        Some(_) => return Err((id, format!("field `{}` is not a string", opts.text_field))),
        None => return Err((id, format!("no field `{}`", opts.text_field))),
    };
    let doc = match catch_unwind(AssertUnwindSafe(|| pipeline.run(&text))) {
        Ok(Ok(doc)) => doc,
        Ok(Err(e)) => return Err((id, e.to_string())),
        Err(panic) => return Err((id, format!("a stage panicked: {}", panic_message(&*panic)))),
    };
    Ok(prepend_field("id", &id, &document_to_string(&doc)))
}

/// `{"key":value,` followed by the rest of a serialized JSON object: adds a first field
/// without re-parsing the (large) analysis.
pub fn prepend_field(key: &str, value: &Value, object: &str) -> String {
    let rest = object.strip_prefix('{').unwrap_or(object);
    let mut out = String::with_capacity(object.len() + key.len() + 16);
    out.push('{');
    out.push_str(&Value::from(key).to_string());
    out.push(':');
    out.push_str(&value.to_string());
    if rest != "}" {
        out.push(',');
    }
    out.push_str(rest);
    out
}

/// The message a panic carried, if it was a string.
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

/// Runs `pipeline` over every line of `input`, writing one line per input line to `output`.
/// `progress` is called with the bytes read after each chunk. While one chunk is analysed,
/// the previous one is written, so that writing does not leave the other cores idle.
pub fn run(
    pipeline: &Pipeline,
    mut input: impl BufRead,
    mut output: impl Write + Send,
    opts: &BatchOptions,
    mut progress: impl FnMut(u64),
) -> std::io::Result<BatchSummary> {
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = opts.threads {
        pool = pool.num_threads(n.max(1));
    }
    let pool = pool.build().map_err(std::io::Error::other)?;
    let mut summary = BatchSummary::default();
    let mut lines_read = 0;
    let mut chunk: Vec<Vec<u8>> = Vec::with_capacity(opts.chunk_lines);
    let mut analysed: Vec<(String, bool)> = Vec::new();
    let mut eof = false;
    while !eof {
        chunk.clear();
        while chunk.len() < opts.chunk_lines.max(1) {
            let mut line = Vec::new();
            if input.read_until(b'\n', &mut line)? == 0 {
                eof = true;
                break;
            }
            summary.bytes += line.len() as u64;
            if line.last() == Some(&b'\n') {
                line.pop();
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
            }
            chunk.push(line);
        }
        let first = lines_read + 1;
        lines_read += chunk.len();
        let previous = std::mem::take(&mut analysed);
        let (results, written) = pool.install(|| {
            rayon::join(
                || chunk.par_iter().enumerate().map(|(i, line)| process_line(pipeline, line, first + i, opts)).collect(),
                || write_lines(&mut output, &previous, &mut summary),
            )
        });
        written?;
        analysed = results;
        progress(summary.bytes);
    }
    write_lines(&mut output, &analysed, &mut summary)?;
    output.flush()?;
    Ok(summary)
}

fn write_lines(output: &mut impl Write, lines: &[(String, bool)], summary: &mut BatchSummary) -> std::io::Result<()> {
    for (line, ok) in lines {
        output.write_all(line.as_bytes())?;
        output.write_all(b"\n")?;
        summary.lines += 1;
        summary.failed += usize::from(!ok);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_core::{Document, Layer, Stage, StageError};

    /// Panics on documents that contain "boom", as a buggy stage would.
    struct Fragile;

    impl Stage for Fragile {
        fn name(&self) -> &str {
            "fragile"
        }
        fn version(&self) -> &str {
            "0"
        }
        fn requires(&self) -> Vec<Layer> {
            vec![]
        }
        fn produces(&self) -> Vec<Layer> {
            vec![]
        }
        fn process(&self, doc: &mut Document) -> Result<(), StageError> {
            if doc.text.contains("boom") {
                let index = doc.text.len() + 10;
                let _ = &doc.text.as_bytes()[index];
            }
            Ok(())
        }
    }

    #[test]
    fn a_panicking_document_gets_an_error_object_and_the_others_go_on() {
        let pipeline = isnad_core::Pipeline::builder().stage(Fragile).build().unwrap();
        let input = "{\"id\":1,\"content\":\"ok\"}\n{\"id\":2,\"content\":\"boom\"}\n{\"id\":3,\"content\":\"ok\"}\n";
        let mut out = Vec::new();
        let opts = BatchOptions { threads: Some(2), chunk_lines: 2, ..Default::default() };
        let summary = run(&pipeline, input.as_bytes(), &mut out, &opts, |_| {}).unwrap();
        assert_eq!(summary, BatchSummary { lines: 3, failed: 1, bytes: input.len() as u64 });
        let lines: Vec<Value> = String::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.iter().map(|l| l["id"].as_i64().unwrap()).collect::<Vec<_>>(), [1, 2, 3]);
        let error = lines[1]["error"].as_str().unwrap();
        assert!(error.starts_with("a stage panicked: index out of bounds"), "{error}");
        assert_eq!(lines[1]["line"], 2);
        assert!(lines[2].get("error").is_none());
    }
}
