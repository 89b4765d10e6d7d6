//! The `isnad` binary as a user runs it: exit statuses, error messages, output shapes.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/nato-iraq-k24.txt");

fn isnad(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the isnad binary runs");
    // isnad may exit (on a bad pipeline file, say) before reading its input: a broken pipe
    // here is not the test's concern.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("isnad-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn analyze_prints_one_json_object_whose_spans_slice_the_original() {
    let out = isnad(&["analyze", SEED], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    let text = doc["text"].as_str().unwrap();
    assert_eq!(text, std::fs::read_to_string(SEED).unwrap());
    assert_eq!(doc["schema_version"], 1);
    isnad_core::json::check_spans(&doc, text).unwrap();
    assert!(doc["tokens"].as_array().unwrap().len() > 500);
    assert!(doc["sentences"].as_array().unwrap().len() >= 15);
}

#[test]
fn analyze_reads_standard_input_and_names_each_file_when_several() {
    let out = isnad(&["analyze", "-"], "قال روتي.".as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(doc["text"], "قال روتي.");

    let out = isnad(&["analyze", SEED, "-"], "نص".as_bytes());
    let lines: Vec<Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["file"], SEED);
    assert_eq!(lines[1]["file"], "<stdin>");
}

#[test]
fn an_empty_document_gives_an_empty_analysis() {
    let out = isnad(&["analyze", "-"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(doc["text"], "");
    assert_eq!(doc["tokens"], serde_json::json!([]));
    assert_eq!(doc["sentences"], serde_json::json!([]));
}

#[test]
fn invalid_utf8_names_the_file_and_byte_and_exits_2() {
    let path = temp_file("bad.txt", b"\xd9\x82\xd8\xa7\xd9\x84 \xff rest");
    let out = isnad(&["analyze", path.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out).trim(), format!("isnad: {}: invalid UTF-8 at byte 7", path.display()));
}

#[test]
fn a_missing_file_is_named_and_the_other_files_still_run() {
    let out = isnad(&["analyze", "/no/such/file.txt", SEED], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("/no/such/file.txt: No such file"), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 1, "the seed is still analysed");
}

#[test]
fn normalize_prints_normalized_text_with_newlines_kept() {
    let out = isnad(&["normalize", "-"], "أَكَّدَ الرئيسُ\nإلى مستشفى ٣".as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "اكد الرئيس\nالي مستشفي 3");
}

#[test]
fn batch_keeps_order_reports_bad_lines_and_exits_1() {
    let input = concat!(
        r#"{"id": "a", "content": "قال روتي إن الحلف باق."}"#, "\n",
        "not json\n",
        r#"{"id": "c", "title": "no content"}"#, "\n",
        r#"{"id": 4, "content": ""}"#, "\n",
    );
    let path = temp_file("batch.jsonl", input.as_bytes());
    let out = isnad(&["batch", "--input", path.to_str().unwrap(), "--threads", "2"], b"");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let lines: Vec<Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], "a");
    assert!(lines[0]["tokens"].as_array().unwrap().len() > 3);
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].as_str().unwrap().starts_with("not JSON"));
    assert_eq!(lines[2]["id"], "c");
    assert_eq!(lines[2]["error"], "no field `content`");
    assert_eq!(lines[3]["id"], 4);
    assert!(lines[3].get("error").is_none());
    assert!(stderr(&out).contains("2 of 4 lines failed"), "{}", stderr(&out));
}

#[test]
fn batch_fields_are_configurable_and_a_clean_batch_exits_0() {
    let input = "{\"key\": \"x\", \"body\": \"نص\"}\n";
    let path = temp_file("fields.jsonl", input.as_bytes());
    let outfile = path.with_extension("out.jsonl");
    let out = isnad(
        &["batch", "--input", path.to_str().unwrap(), "--text-field", "body", "--id-field", "key", "--output", outfile.to_str().unwrap()],
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let written = std::fs::read_to_string(&outfile).unwrap();
    let line: Value = serde_json::from_str(written.trim()).unwrap();
    assert_eq!(line["id"], "x");
    assert_eq!(line["text"], "نص");
}

#[test]
fn stages_lists_requirements_and_products() {
    let out = isnad(&["stages"], b"");
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("normalize"), "{text}");
    assert!(text.contains("produces: tokens, sentences"), "{text}");
}

#[test]
fn a_pipeline_file_with_an_unmet_requirement_is_refused_precisely() {
    let path = temp_file("bad-pipeline.toml", b"[[stages]]\nbuiltin = \"nope\"\n");
    let out = isnad(&["analyze", "--pipeline", path.to_str().unwrap(), SEED], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("stage 1: unknown built-in stage `nope`"), "{}", stderr(&out));
}

#[test]
fn a_pipeline_file_passes_options_to_its_stage() {
    let path = temp_file("camel.toml", b"[[stages]]\nbuiltin = \"normalize\"\nprofile = \"camel\"\n");
    let out = isnad(&["analyze", "--pipeline", path.to_str().unwrap(), "-"], "مستشفى".as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(doc["tokens"][0]["norm"], "مستشفي");

    let path = temp_file("typo.toml", b"[[stages]]\nbuiltin = \"normalize\"\nprofil = \"camel\"\n");
    let out = isnad(&["analyze", "--pipeline", path.to_str().unwrap(), "-"], b"x");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("profil"), "{}", stderr(&out));
}

#[test]
fn normalize_gives_the_same_text_in_parallel_pieces_as_whole() {
    // Over a megabyte, `isnad normalize` works in pieces cut after line breaks.
    let line = "أَكَّدَ الرئيسُ ﻻ يُوجد ٣٫٥ مستشفى\u{200f}ــ «قال» ﺁ\u{653}\n";
    let text = line.repeat(3 << 20 >> 6);
    assert!(text.len() > 3 << 20);
    let path = temp_file("large.txt", text.as_bytes());
    for profile in [isnad_normalize::Profile::Search, isnad_normalize::Profile::Camel] {
        let out = isnad(&["normalize", "--profile", profile.as_str(), path.to_str().unwrap()], b"");
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(stdout(&out) == isnad_normalize::normalize(&text, profile), "{profile}");
    }
}

#[test]
fn normalize_names_the_byte_of_invalid_utf8_in_a_later_piece() {
    let mut bytes = "سطر عربي\n".repeat(200_000).into_bytes();
    let offset = bytes.len() - 5;
    bytes[offset] = 0xff;
    let path = temp_file("large-bad.txt", &bytes);
    let out = isnad(&["normalize", path.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out).trim(), format!("isnad: {}: invalid UTF-8 at byte {offset}", path.display()));
}
