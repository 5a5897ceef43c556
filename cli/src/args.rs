//! Command-line arguments: options may come before or after the files.

use unboil::{Formats, Options};

/// Output format of one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One compact JSON object with every field.
    Json,
    /// The sanitized HTML body.
    Html,
    /// The plain-text body.
    Text,
    /// The Markdown body.
    Markdown,
}

/// A parsed command line that cleans files.
#[derive(Debug)]
pub struct Run {
    /// Files, directories and WARC files to clean, `-` for standard input.
    pub files: Vec<String>,
    /// A file listing more inputs, one per line (`-` for standard input).
    pub files_from: Option<String>,
    /// Output format.
    pub format: Format,
    /// Library options.
    pub options: Options,
    /// Worker threads of a batch (default: every core).
    pub jobs: usize,
    /// Directory that receives one file per input instead of standard output.
    pub output: Option<String>,
    /// Write a line for each skipped WARC record too.
    pub errors: bool,
}

/// What the command line asks for.
#[derive(Debug)]
pub enum Command {
    /// Clean files.
    Run(Box<Run>),
    /// Print the help.
    Help,
    /// Print the version.
    Version,
}

/// The `--help` text.
pub const HELP: &str = "\
unboil: turn web pages into clean reader-mode articles.

Usage: unboil [OPTIONS] FILE... [OPTIONS]

FILE is an HTML file (.gz ones are unpacked), - for standard input, a directory (its
*.html, *.htm and *.gz files, recursively) or a WARC file (.warc, .warc.gz). One HTML FILE
prints one article; anything more prints JSON Lines, one object per page in input order with
a \"file\" key (WARC pages add \"url\" and \"warc_record_id\"); a failed file gives
{\"file\": ..., \"error\": ...} and the exit code is 1 at the end.

Options:
  --url URL             the page's URL, base of relative links
  --format FORMAT       json (default), html, text or markdown
  --charset LABEL       charset to assume when the page declares none
  --no-images           drop images, pictures and figures' media
  --remove SELECTOR     drop elements matching SELECTOR (repeatable)
  --keep SELECTOR       keep elements matching SELECTOR (repeatable)
  --max-bytes N         refuse inputs larger than N bytes (default 67108864)
  --max-elements N      read at most N elements (default 4000000)
  --no-markdown         leave the markdown field null (faster)

Batches:
  --files-from FILE     also clean the inputs listed in FILE, one per line (- for stdin)
  -j, --jobs N          worker threads (default: every core); output stays in input order
  --output DIR          write one file per page into DIR, in --format, instead of stdout
  --errors              also write a {\"file\", \"error\"} line for each skipped WARC record
  -h, --help            print this help
  -V, --version         print the version

Selectors: tag names and *, .class, #id, [attr], [attr=v], [attr~=v], [attr^=v],
[attr$=v], [attr*=v], [attr|=v] (values quoted or not), compounds of these
(div.note[data-x]), the descendant (space) and child (>) combinators, and comma-separated
lists. Tag names match in any case; classes, ids and values as written. Pseudo-classes and
the + and ~ combinators are rejected with an error.
";

fn number(name: &str, value: &str) -> Result<usize, String> {
    value.parse().map_err(|_| format!("{name} needs a whole number, not '{value}'"))
}

/// Parses the arguments after the program name.
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut files = Vec::new();
    let mut format = Format::Json;
    let mut options = Options::default();
    let mut files_from = None;
    let mut jobs = 0;
    let mut output = None;
    let mut errors = false;
    let mut args = args.into_iter();
    let mut only_files = false;
    while let Some(arg) = args.next() {
        if only_files || arg == "-" || !arg.starts_with('-') {
            files.push(arg);
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = || inline.clone().or_else(|| args.next()).ok_or_else(|| format!("{name} needs a value"));
        match name.as_str() {
            "--" => only_files = true,
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "--url" => options.url = Some(value()?),
            "--charset" => options.charset = Some(value()?),
            "--format" => {
                format = match value()?.as_str() {
                    "json" => Format::Json,
                    "html" => Format::Html,
                    "text" => Format::Text,
                    "markdown" | "md" => Format::Markdown,
                    other => return Err(format!("unknown format '{other}' (json, html, text or markdown)")),
                }
            }
            "--no-images" => options.keep_images = false,
            "--no-markdown" => options.formats = Formats { markdown: false, ..options.formats },
            "--remove" => options.remove_selectors.push(value()?),
            "--keep" => options.keep_selectors.push(value()?),
            "--max-bytes" => options.max_bytes = number(&name, &value()?)?,
            "--max-elements" => options.max_elements = number(&name, &value()?)?,
            "--files-from" => files_from = Some(value()?),
            "-j" | "--jobs" => {
                jobs = number(&name, &value()?)?;
                if jobs == 0 {
                    return Err(format!("{name} needs at least 1"));
                }
            }
            "--output" => output = Some(value()?),
            "--errors" => errors = true,
            _ => return Err(format!("unknown option '{arg}'")),
        }
    }
    if files.is_empty() && files_from.is_none() {
        return Err("no FILE given".into());
    }
    if files_from.as_deref() == Some("-") && files.iter().any(|f| f == "-") {
        return Err("standard input cannot be both a FILE and --files-from".into());
    }
    if jobs == 0 {
        jobs = std::thread::available_parallelism().map_or(1, usize::from);
    }
    // One body format printed: the others are not worth producing.
    let only = |f| Formats { html: f == Format::Html, text: f == Format::Text, markdown: f == Format::Markdown };
    if format != Format::Json {
        options.formats = only(format);
    }
    Ok(Command::Run(Box::new(Run { files, files_from, format, options, jobs, output, errors })))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Run, String> {
        match parse(args.iter().map(ToString::to_string))? {
            Command::Run(r) => Ok(*r),
            other => Err(format!("{other:?}")),
        }
    }

    #[test]
    fn options_before_and_after_files() {
        let r = run(&["--format", "text", "a.html", "--url=https://x.example/", "-", "--no-images"]).unwrap();
        assert_eq!(r.files, ["a.html", "-"]);
        assert_eq!(r.format, Format::Text);
        assert_eq!(r.options.url.as_deref(), Some("https://x.example/"));
        assert!(!r.options.keep_images);
        assert_eq!(r.options.formats, Formats { html: false, text: true, markdown: false }, "only the text is made");
    }

    #[test]
    fn errors_are_clear() {
        assert!(run(&["a.html", "--format", "pdf"]).unwrap_err().contains("unknown format"));
        assert!(run(&["--url"]).unwrap_err().contains("needs a value"));
        assert!(run(&[]).unwrap_err().contains("no FILE"));
        assert!(run(&["a", "--bogus"]).unwrap_err().contains("unknown option"));
        assert!(run(&["a", "--max-bytes", "x"]).unwrap_err().contains("whole number"));
    }

    #[test]
    fn batch_options() {
        let r = run(&["dir", "-j", "3", "--output=out", "--files-from", "-", "--errors"]).unwrap();
        assert_eq!((r.jobs, r.output.as_deref(), r.files_from.as_deref(), r.errors), (3, Some("out"), Some("-"), true));
        assert!(run(&["a"]).unwrap().jobs >= 1);
        assert_eq!(run(&["--files-from", "list"]).unwrap().files, Vec::<String>::new());
        assert!(run(&["a", "--jobs", "0"]).unwrap_err().contains("at least 1"));
        assert!(run(&["-", "--files-from", "-"]).unwrap_err().contains("standard input"));
    }

    #[test]
    fn double_dash_ends_options() {
        assert_eq!(run(&["--", "--weird-name.html"]).unwrap().files, ["--weird-name.html"]);
    }
}
