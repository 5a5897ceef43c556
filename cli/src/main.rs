//! `unboil`: clean article pages from files, directories, WARC files or standard input.
//!
//! One HTML FILE prints one article (`--format json` prints one compact JSON line). Anything
//! more is a batch ([`batch`]): JSON Lines, one object per page in input order, or one file
//! per page under `--output DIR`. Options may stand before or after the files; `-` reads
//! standard input.

mod args;
mod batch;
mod http;
mod inputs;
mod page;
mod progress;
mod warc;

use std::io::Write;
use std::process::ExitCode;

use args::{Command, Format};
use unboil::Article;

/// The article in one output format.
fn render(article: &Article, format: Format) -> String {
    match format {
        Format::Json => serde_json::to_string(article).unwrap_or_default(),
        Format::Html => article.html.clone(),
        Format::Text => article.text.clone(),
        Format::Markdown => article.markdown.clone().unwrap_or_default(),
    }
}

fn main() -> ExitCode {
    let run = match args::parse(std::env::args().skip(1)) {
        Ok(Command::Run(run)) => run,
        Ok(Command::Help) => {
            print!("{}", args::HELP);
            return ExitCode::SUCCESS;
        }
        Ok(Command::Version) => {
            println!("unboil {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("unboil: {e}\nTry 'unboil --help'.");
            return ExitCode::from(2);
        }
    };
    let sources = match inputs::sources(&run.files, run.files_from.as_deref()) {
        Ok(sources) => sources,
        Err(e) => {
            eprintln!("unboil: {e}");
            return ExitCode::from(2);
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let one_page = run.files.len() == 1 && run.files_from.is_none() && run.output.is_none();
    if let ([source], true) = (sources.as_slice(), one_page) {
        if source.kind == inputs::Kind::Page {
            return match page::clean_file(&source.path, &run.options) {
                Ok(article) => {
                    let _ = writeln!(out, "{}", render(&article, run.format));
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("unboil: {}: {e}", source.path);
                    ExitCode::FAILURE
                }
            };
        }
    }
    if sources.is_empty() {
        eprintln!("unboil: no HTML pages or WARC files found");
        return ExitCode::SUCCESS;
    }
    if let Some(dir) = &run.output {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("unboil: cannot create {dir}: {e}");
            return ExitCode::from(2);
        }
    }
    let tally = batch::run(&run, &sources, &mut out);
    let _ = out.flush();
    let warc = sources.iter().any(|s| s.kind == inputs::Kind::Warc);
    if warc || std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        eprintln!("{}", tally.summary());
    }
    if tally.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
