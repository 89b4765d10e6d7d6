//! `isnad`: who said what, about whom, in Arabic news.

use std::fs::File;
use std::io::{BufReader, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use isnad::{batch, builtin, config, input};
use isnad_core::{json, Pipeline};

/// Exit status when some input could not be read or some batch line failed.
const EXIT_INPUT: u8 = 2;
const EXIT_LINES_FAILED: u8 = 1;

#[derive(Parser)]
#[command(name = "isnad", version, about = "Who said what, about whom, in Arabic news")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse documents with the default pipeline (or --pipeline): one JSON object per document.
    Analyze {
        /// Text files (UTF-8); `-` or nothing reads standard input.
        files: Vec<String>,
        /// A pipeline file (TOML, one [[stages]] table per stage).
        #[arg(long)]
        pipeline: Option<PathBuf>,
        /// Indented JSON.
        #[arg(long)]
        pretty: bool,
    },
    /// Print the normalized text only, newlines kept.
    Normalize {
        #[arg(long, default_value = "search", value_parser = ["search", "camel"])]
        profile: String,
        #[arg(default_value = "-")]
        file: String,
    },
    /// JSONL in, JSONL out: the analysis of each line's text plus its id, in input order.
    Batch {
        #[arg(long)]
        input: String,
        #[arg(long, default_value = "content")]
        text_field: String,
        #[arg(long, default_value = "id")]
        id_field: String,
        /// Where to write (standard output by default).
        #[arg(long)]
        output: Option<PathBuf>,
        /// Worker threads (all cores by default).
        #[arg(long)]
        threads: Option<usize>,
        #[arg(long)]
        pipeline: Option<PathBuf>,
    },
    /// List the available stages with what each requires and produces.
    Stages,
    /// Tag CoNLL input (one token per line, first column; blank line between sentences):
    /// writes `token TAG` lines in IOB2 with PER, LOC, ORG, MISC.
    Conll {
        #[arg(default_value = "-")]
        file: String,
    },
    /// Score a stage against gold annotations.
    Eval {
        #[command(subcommand)]
        what: EvalCommand,
    },
    /// A who-said-what table of a document's quotes, grouped by speaker.
    Quotes {
        #[arg(default_value = "-")]
        file: String,
        /// `visual` reorders right-to-left text for terminals that do no bidi (most);
        /// `logical` leaves it for terminals that do (e.g. mlterm, Konsole).
        #[arg(long, default_value = "visual", value_parser = ["visual", "logical"])]
        bidi: String,
        #[arg(long)]
        pipeline: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Quote detection P/R/F1, recall by kind, speaker accuracy and end-to-end F1, by the rules
    /// of the annotation guidelines.
    Quotes {
        /// Gold quotes: JSON lines (or one JSON object) `{id, file?, quotes: [...]}`.
        #[arg(long)]
        gold: PathBuf,
        /// JSONL files holding the gold documents' texts (`id` and `content`); a gold
        /// document with `file` is read from that path (relative to the gold file's folder or its parent).
        #[arg(long, num_args = 1..)]
        corpus: Vec<PathBuf>,
        /// Print every miss, spurious quote and wrong speaker.
        #[arg(long)]
        verbose: bool,
        #[arg(long)]
        pipeline: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("isnad: {e:#}");
            ExitCode::from(EXIT_INPUT)
        }
    }
}

fn pipeline_from(path: Option<&PathBuf>) -> anyhow::Result<Pipeline> {
    Ok(match path {
        Some(path) => config::load_pipeline(path)?,
        None => isnad::default_pipeline()?,
    })
}

fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Analyze { files, pipeline, pretty } => analyze(files, pipeline.as_ref(), pretty),
        Command::Normalize { profile, file } => {
            let profile: isnad_normalize::Profile = profile.parse().map_err(|e| anyhow::anyhow!("{e}"))?;
            let bytes = input::read_bytes(&file)?;
            let normalized = normalize_in_parallel(&bytes, profile)
                .map_err(|offset| input::InputError::Utf8 { name: input::display_name(&file), offset })?;
            let mut out = std::io::stdout().lock();
            for part in normalized {
                out.write_all(part.as_bytes())?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Batch { input, text_field, id_field, output, threads, pipeline } => {
            let pipeline = pipeline_from(pipeline.as_ref())?;
            let opts = batch::BatchOptions { text_field, id_field, threads, ..Default::default() };
            run_batch(&pipeline, &input, output.as_ref(), &opts)
        }
        Command::Eval { what: EvalCommand::Quotes { gold, corpus, verbose, pipeline } } => {
            eval_quotes(&gold, &corpus, verbose, pipeline.as_ref())
        }
        Command::Conll { file } => {
            let text = input::read_text(&file)?;
            let mut out = BufWriter::new(std::io::stdout().lock());
            out.write_all(isnad::conll::tag(&text).as_bytes())?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Quotes { file, bidi, pipeline } => {
            let pipeline = pipeline_from(pipeline.as_ref())?;
            let text = input::read_text(&file)?;
            let doc = pipeline.run(&text).map_err(|e| anyhow::anyhow!("{}: {e}", input::display_name(&file)))?;
            let bidi = if bidi == "logical" { isnad_quotes::table::Bidi::Logical } else { isnad_quotes::table::Bidi::Visual };
            print!("{}", isnad_quotes::table::render_with(&doc, bidi));
            Ok(ExitCode::SUCCESS)
        }
        Command::Stages => {
            for info in builtin::infos() {
                print_stage(&info, "builtin");
            }
            for found in isnad_plugin::host::discover() {
                match found.manifest {
                    Ok(m) => {
                        print_stage(&m.stage_info(), &format!("plugin {}", found.path.display()));
                        println!("    built with: {} ({}), isnad-plugin {}", m.build.compiler, m.build.target, m.build.isnad_plugin);
                        println!("    options: {}", m.config_schema);
                    }
                    Err(e) => println!("{} (unusable plugin: {e})", found.path.display()),
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn eval_quotes(gold_path: &PathBuf, corpus: &[PathBuf], verbose: bool, pipeline: Option<&PathBuf>) -> anyhow::Result<ExitCode> {
    use rayon::prelude::*;
    let pipeline = pipeline_from(pipeline)?;
    let source = std::fs::read_to_string(gold_path).map_err(|e| anyhow::anyhow!("{}: {e}", gold_path.display()))?;
    let gold = isnad::eval::read_gold(&source, &gold_path.display().to_string()).map_err(anyhow::Error::msg)?;
    let mut texts: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    let gold_dir = gold_path.parent().unwrap_or(std::path::Path::new("."));
    for g in &gold {
        if let Some(file) = &g.file {
            let candidates = [gold_dir.join(file), gold_dir.join("..").join(file)];
            let found = candidates.iter().find(|p| p.is_file()).ok_or_else(|| anyhow::anyhow!("{}: no file {file} for {}", gold_path.display(), g.id))?;
            texts.insert(g.id.clone(), input::read_text(&found.to_string_lossy())?);
        }
    }
    let wanted: std::collections::HashSet<&str> = gold.iter().filter(|g| g.file.is_none()).map(|g| g.id.as_str()).collect();
    for path in corpus {
        let data = input::read_text(&path.to_string_lossy())?;
        for (i, line) in data.lines().enumerate() {
            if !wanted.iter().any(|id| line.contains(id)) {
                continue;
            }
            let record: serde_json::Value = serde_json::from_str(line).map_err(|e| anyhow::anyhow!("{}:{}: {e}", path.display(), i + 1))?;
            if let (Some(id), Some(text)) = (record["id"].as_str(), record["content"].as_str()) {
                if wanted.contains(id) {
                    texts.insert(id.to_owned(), text.to_owned());
                }
            }
        }
    }
    let docs: Vec<Option<isnad_core::Document>> = gold.par_iter().map(|g| texts.get(&g.id).and_then(|t| pipeline.run(t).ok())).collect();
    let mut scores = isnad::eval::QuoteScores::default();
    for (g, doc) in gold.iter().zip(&docs) {
        isnad::eval::score_document(g, doc.as_ref(), &mut scores, |line| {
            if verbose {
                println!("{line}");
            }
        });
    }
    print!("{}", scores.render());
    Ok(ExitCode::SUCCESS)
}

/// Checks and normalizes UTF-8 `bytes` on every core, in pieces of about a megabyte cut after
/// line breaks (a `\n` byte is never inside a multi-byte character, and no normalization rule
/// of either profile reaches across a line break, so the pieces give the same output as the
/// whole). An error is the offset of the first invalid byte.
fn normalize_in_parallel(bytes: &[u8], profile: isnad_normalize::Profile) -> Result<Vec<String>, usize> {
    use rayon::prelude::*;
    const PIECE: usize = 1 << 20;
    let mut pieces = Vec::with_capacity(bytes.len() / PIECE + 1);
    let mut start = 0;
    while bytes.len() - start > PIECE {
        let Some(newline) = bytes[start + PIECE..].iter().position(|&b| b == b'\n') else { break };
        let end = start + PIECE + newline + 1;
        pieces.push((start, &bytes[start..end]));
        start = end;
    }
    pieces.push((start, &bytes[start..]));
    pieces
        .par_iter()
        .map(|&(offset, piece)| match std::str::from_utf8(piece) {
            Ok(text) => Ok(isnad_normalize::normalize(text, profile)),
            Err(e) => Err(offset + e.valid_up_to()),
        })
        .collect()
}

fn print_stage(info: &isnad_core::StageInfo, origin: &str) {
    let list = |layers: &[isnad_core::Layer]| {
        if layers.is_empty() {
            "-".to_owned()
        } else {
            layers.iter().map(|l| l.to_string()).collect::<Vec<_>>().join(", ")
        }
    };
    println!("{} {} ({origin})", info.name, info.version);
    println!("    requires: {}", list(&info.requires));
    println!("    produces: {}", list(&info.produces));
    if !info.extends.is_empty() {
        println!("    extends:  {}", list(&info.extends));
    }
}

fn analyze(files: Vec<String>, pipeline: Option<&PathBuf>, pretty: bool) -> anyhow::Result<ExitCode> {
    let pipeline = pipeline_from(pipeline)?;
    let files = if files.is_empty() { vec!["-".to_owned()] } else { files };
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut failed = false;
    for file in &files {
        let result = input::read_text(file)
            .map_err(anyhow::Error::from)
            .and_then(|text| pipeline.run(&text).map_err(|e| anyhow::anyhow!("{}: {e}", input::display_name(file))));
        match result {
            Ok(doc) => {
                let name = serde_json::Value::from(input::display_name(file));
                if pretty {
                    let mut value = json::document_to_value(&doc);
                    if let (true, serde_json::Value::Object(map)) = (files.len() > 1, &mut value) {
                        map.shift_insert(0, "file".into(), name);
                    }
                    serde_json::to_writer_pretty(&mut out, &value)?;
                } else if files.len() > 1 {
                    out.write_all(batch::prepend_field("file", &name, &json::document_to_string(&doc)).as_bytes())?;
                } else {
                    json::write_document(&mut out, &doc)?;
                }
                out.write_all(b"\n")?;
            }
            Err(e) => {
                out.flush()?;
                eprintln!("isnad: {e:#}");
                failed = true;
            }
        }
    }
    out.flush()?;
    Ok(if failed { ExitCode::from(EXIT_INPUT) } else { ExitCode::SUCCESS })
}

fn run_batch(
    pipeline: &Pipeline,
    input_path: &str,
    output: Option<&PathBuf>,
    opts: &batch::BatchOptions,
) -> anyhow::Result<ExitCode> {
    let (reader, total): (Box<dyn std::io::BufRead>, Option<u64>) = if input_path == "-" {
        (Box::new(std::io::stdin().lock()), None)
    } else {
        let file = File::open(input_path).map_err(|e| anyhow::anyhow!("{input_path}: {e}"))?;
        let size = file.metadata().ok().map(|m| m.len());
        (Box::new(BufReader::with_capacity(1 << 20, file)), size)
    };
    let writer: Box<dyn Write + Send> = match output {
        Some(path) => Box::new(BufWriter::new(File::create(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?)),
        None => Box::new(BufWriter::with_capacity(1 << 20, std::io::stdout())),
    };
    let bar = progress_bar(total);
    let summary = batch::run(pipeline, reader, writer, opts, |bytes| bar.set_position(bytes))?;
    bar.finish_and_clear();
    if summary.failed > 0 {
        eprintln!("isnad: {} of {} lines failed", summary.failed, summary.lines);
        return Ok(ExitCode::from(EXIT_LINES_FAILED));
    }
    Ok(ExitCode::SUCCESS)
}

/// A byte progress bar on standard error, hidden unless it is a terminal.
fn progress_bar(total: Option<u64>) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total.unwrap_or(0));
    let style = indicatif::ProgressStyle::with_template("{bar:40} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} eta {eta}")
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}
