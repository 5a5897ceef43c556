//! `unboil`: clean article pages from files or standard input.
//!
//! One FILE prints one article (`--format json` prints one compact JSON line); several FILEs
//! print JSON Lines, one object per file with a `file` key, in the order given. Options may
//! stand before or after the files; `-` reads standard input.

mod args;

use std::io::{Read, Write};
use std::process::ExitCode;

use args::{Command, Format, Run};
use serde::Serialize;
use unboil::{clean_article, Article, Input};

/// One line of batch output: the article with the file it came from.
#[derive(Serialize)]
struct Named<'a> {
    file: &'a str,
    #[serde(flatten)]
    article: &'a Article,
}

/// One line of batch output for a file that failed.
#[derive(Serialize)]
struct Failed<'a> {
    file: &'a str,
    error: String,
}

fn read(file: &str) -> Result<Vec<u8>, String> {
    if file == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| format!("cannot read standard input: {e}"))?;
        Ok(buf)
    } else {
        std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))
    }
}

fn clean(file: &str, run: &Run) -> Result<Article, String> {
    let bytes = read(file)?;
    clean_article(Input::Bytes(&bytes), &run.options).map_err(|e| e.to_string())
}

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
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if let [file] = run.files.as_slice() {
        return match clean(file, &run) {
            Ok(article) => {
                let _ = writeln!(out, "{}", render(&article, run.format));
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("unboil: {file}: {e}");
                ExitCode::FAILURE
            }
        };
    }
    let mut failed = false;
    for file in &run.files {
        let line = match clean(file, &run) {
            Ok(article) => serde_json::to_string(&Named { file, article: &article }),
            Err(error) => {
                eprintln!("unboil: {file}: {error}");
                failed = true;
                serde_json::to_string(&Failed { file, error })
            }
        };
        let _ = writeln!(out, "{}", line.unwrap_or_default());
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
