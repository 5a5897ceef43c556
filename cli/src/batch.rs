//! Batches: sources are read in order by one thread, pages cleaned on `--jobs` threads, and
//! results written in input order. At most a window of pages is in flight, so memory stays
//! bounded however large the batch or however slow one page.

use std::collections::{BTreeMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex};

use serde::Serialize;
use unboil::Article;

use crate::args::{Format, Run};
use crate::inputs::{Kind, Source};
use crate::progress::Progress;
use crate::{page, render, warc};

/// Where a page came from, as its output line tells it.
#[derive(Serialize)]
struct Label {
    file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    warc_record_id: Option<String>,
}

/// One output line: the label and the article, or the label and an error.
#[derive(Serialize)]
struct Line<'a> {
    #[serde(flatten)]
    label: &'a Label,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    article: Option<&'a Article>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

enum Work {
    File(String),
    Record(warc::Page),
}

/// A page to clean, numbered in input order.
struct Job {
    seq: usize,
    label: Label,
    work: Work,
    /// The file to write under `--output`.
    out: Option<PathBuf>,
    /// Input bytes this job accounts for (for progress).
    bytes: u64,
}

enum Outcome {
    Cleaned,
    /// A file that could not be read or cleaned: an error line, exit code 1.
    Failed,
    /// A WARC record set aside, with why (an error line only with `--errors`).
    Skipped(String),
}

/// A finished job: what to print on standard output, if anything.
struct Done {
    seq: usize,
    line: Option<String>,
    outcome: Outcome,
    bytes: u64,
}

/// How far ahead of the writer the reader may go.
struct Window {
    written: Mutex<usize>,
    moved: Condvar,
    size: usize,
}

impl Window {
    fn wait_for(&self, seq: usize) {
        let mut written = self.written.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        while seq >= *written + self.size {
            written = self.moved.wait(written).unwrap_or_else(std::sync::PoisonError::into_inner);
        }
    }

    fn advance(&self, to: usize) {
        *self.written.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = to;
        self.moved.notify_all();
    }
}

fn line(label: &Label, article: Option<&Article>, error: Option<&str>) -> String {
    serde_json::to_string(&Line { label, article, error }).unwrap_or_default()
}

fn extension(format: Format) -> &'static str {
    match format {
        Format::Json => "json",
        Format::Html => "html",
        Format::Text => "txt",
        Format::Markdown => "md",
    }
}

/// Cleans one job on a worker thread.
fn work(job: Job, run: &Run) -> Done {
    let result = match &job.work {
        Work::File(path) => page::clean_file(path, &run.options),
        Work::Record(page) => page::clean_record(page, &run.options),
    };
    let (line, outcome) = match result {
        Ok(article) => match &job.out {
            None => (Some(line(&job.label, Some(&article), None)), Outcome::Cleaned),
            Some(path) => {
                let body = match run.format {
                    Format::Json => line(&job.label, Some(&article), None),
                    format => render(&article, format),
                };
                let written =
                    path.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::write(path, body));
                match written {
                    Ok(()) => (None, Outcome::Cleaned),
                    Err(e) => {
                        let error = format!("cannot write {}: {e}", path.display());
                        (Some(line(&job.label, None, Some(&error))), Outcome::Failed)
                    }
                }
            }
        },
        Err(error) => match job.work {
            Work::File(_) => {
                eprintln!("unboil: {}: {error}", job.label.file);
                (Some(line(&job.label, None, Some(&error))), Outcome::Failed)
            }
            Work::Record(_) => {
                let shown = run.errors.then(|| line(&job.label, None, Some(&error)));
                (shown, Outcome::Skipped(error))
            }
        },
    };
    Done { seq: job.seq, line, outcome, bytes: job.bytes }
}

/// Reads the sources in order and hands out jobs; skipped records go straight to the writer.
struct Reader<'a> {
    run: &'a Run,
    jobs: Sender<Job>,
    done: Sender<Done>,
    window: &'a Window,
    seq: usize,
    names: HashSet<PathBuf>,
    warc_bytes: Arc<AtomicU64>,
    other_records: &'a AtomicU64,
    /// Whether to measure each file's size (only the progress line needs it).
    measure: bool,
}

impl Reader<'_> {
    fn next_seq(&mut self) -> usize {
        self.window.wait_for(self.seq);
        self.seq += 1;
        self.seq - 1
    }

    /// A unique output path for `name` (a second `a.json` becomes `a-2.json`).
    fn out_path(&mut self, name: &Path) -> Option<PathBuf> {
        let dir = Path::new(self.run.output.as_deref()?);
        let ext = extension(self.run.format);
        let mut stem = name.to_path_buf();
        for known in ["gz", "html", "htm", "xhtml"] {
            if stem.extension().is_some_and(|e| e.eq_ignore_ascii_case(known)) {
                stem.set_extension("");
            }
        }
        let mut n = 1;
        loop {
            let mut candidate = stem.clone().into_os_string();
            if n > 1 {
                candidate.push(format!("-{n}"));
            }
            candidate.push(format!(".{ext}"));
            let path = dir.join(candidate);
            if self.names.insert(path.clone()) {
                return Some(path);
            }
            n += 1;
        }
    }

    fn send(&mut self, job: Job) {
        let _ = self.jobs.send(job);
    }

    fn finish(&mut self, line: Option<String>, outcome: Outcome) {
        let seq = self.next_seq();
        let _ = self.done.send(Done { seq, line, outcome, bytes: 0 });
    }

    fn source(&mut self, source: &Source) {
        let label = Label { file: source.path.clone(), url: None, warc_record_id: None };
        match source.kind {
            Kind::Page => {
                let seq = self.next_seq();
                let out = self.out_path(&source.name);
                let bytes = if self.measure { size(&source.path) } else { 0 };
                self.send(Job { seq, label, work: Work::File(source.path.clone()), out, bytes });
            }
            Kind::BadDir => {
                let error = format!("cannot read the directory {}", source.path);
                eprintln!("unboil: {}: {error}", source.path);
                self.finish(Some(line(&label, None, Some(&error))), Outcome::Failed);
            }
            Kind::Warc => self.warc(source, label),
        }
    }

    fn warc(&mut self, source: &Source, label: Label) {
        let items = match warc::open(&source.path, self.warc_bytes.clone(), self.run.options.max_bytes) {
            Ok(items) => items,
            Err(e) => {
                let error = format!("cannot read {}: {e}", source.path);
                eprintln!("unboil: {}: {error}", source.path);
                return self.finish(Some(line(&label, None, Some(&error))), Outcome::Failed);
            }
        };
        let base = source.name.to_string_lossy();
        let base = base.strip_suffix(".gz").unwrap_or(&base);
        let base = PathBuf::from(base.strip_suffix(".warc").unwrap_or(base));
        for (index, item) in items.enumerate() {
            match item {
                warc::Item::Page(page) => {
                    let label =
                        Label { file: source.path.clone(), url: page.url.clone(), warc_record_id: page.id.clone() };
                    let seq = self.next_seq();
                    let out = self.out_path(&base.join(format!("{:06}", index + 1)));
                    self.send(Job { seq, label, work: Work::Record(page), out, bytes: 0 });
                }
                warc::Item::Skipped { url, id, reason } => {
                    let label = Label { file: source.path.clone(), url, warc_record_id: id };
                    let shown = self.run.errors.then(|| line(&label, None, Some(&reason)));
                    self.finish(shown, Outcome::Skipped(reason));
                }
                warc::Item::Other => {
                    self.other_records.fetch_add(1, Ordering::Relaxed);
                }
            }
        }
    }
}

/// What the batch did, for the summary and the exit code.
#[derive(Default)]
pub struct Tally {
    /// Pages cleaned.
    pub cleaned: usize,
    /// Files that failed.
    pub failed: usize,
    /// WARC records skipped, by kind of reason.
    pub skipped: BTreeMap<String, usize>,
    /// WARC records that hold no page (requests, metadata, …).
    pub other_records: u64,
    /// How long the batch took, in seconds.
    pub seconds: f64,
}

/// A file's size in bytes (0 when unknown).
fn size(path: &str) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}

/// The kind of a skip reason: its words before any detail in parentheses or after a colon.
fn reason_kind(reason: &str) -> String {
    reason.split([':', '(']).next().unwrap_or(reason).trim().to_string()
}

/// Runs a batch over `sources`, writing lines to `out`; returns what it did.
pub fn run(run: &Run, sources: &[Source], out: &mut impl Write) -> Tally {
    let mut progress = Progress::new(|| sources.iter().map(|s| size(&s.path)).sum());
    let window = Window { written: Mutex::new(0), moved: Condvar::new(), size: run.jobs * 16 };
    let (job_tx, job_rx) = channel::<Job>();
    let job_rx = Mutex::new(job_rx);
    let (done_tx, done_rx) = channel::<Done>();
    let other_records = AtomicU64::new(0);
    let warc_bytes = Arc::new(AtomicU64::new(0));
    let mut tally = Tally::default();
    std::thread::scope(|scope| {
        for _ in 0..run.jobs {
            let done = done_tx.clone();
            let jobs = &job_rx;
            scope.spawn(move || loop {
                let job = jobs.lock().unwrap_or_else(std::sync::PoisonError::into_inner).recv();
                let Ok(job) = job else { break };
                if done.send(work(job, run)).is_err() {
                    break;
                }
            });
        }
        let mut reader = Reader {
            run,
            jobs: job_tx,
            done: done_tx,
            window: &window,
            seq: 0,
            names: HashSet::new(),
            warc_bytes: warc_bytes.clone(),
            other_records: &other_records,
            measure: progress.enabled(),
        };
        scope.spawn(move || sources.iter().for_each(|s| reader.source(s)));
        write_in_order(&done_rx, &window, out, &mut tally, &mut progress, &warc_bytes);
    });
    progress.finish();
    tally.other_records = other_records.load(Ordering::Relaxed);
    tally.seconds = progress.seconds();
    tally
}

/// Writes the finished jobs in input order as they arrive.
fn write_in_order(
    done: &Receiver<Done>,
    window: &Window,
    out: &mut impl Write,
    tally: &mut Tally,
    progress: &mut Progress,
    warc_bytes: &AtomicU64,
) {
    let mut pending = BTreeMap::new();
    let mut next = 0;
    let mut file_bytes = 0;
    for finished in done {
        pending.insert(finished.seq, finished);
        while let Some(d) = pending.remove(&next) {
            next += 1;
            file_bytes += d.bytes;
            match d.outcome {
                Outcome::Cleaned => tally.cleaned += 1,
                Outcome::Failed => tally.failed += 1,
                Outcome::Skipped(reason) => *tally.skipped.entry(reason_kind(&reason)).or_default() += 1,
            }
            if let Some(text) = d.line {
                if writeln!(out, "{text}").is_err() {
                    // Standard output is gone (a closed pipe): nothing more can be said.
                    std::process::exit(1);
                }
            }
        }
        window.advance(next);
        progress.update(tally.cleaned, file_bytes + warc_bytes.load(Ordering::Relaxed));
    }
}

impl Tally {
    /// The summary for standard error: pages, time, and what was skipped.
    pub fn summary(&self) -> String {
        let seconds = self.seconds;
        let mut s = format!(
            "unboil: {} pages cleaned in {seconds:.1} s ({:.0} pages/s)",
            self.cleaned,
            self.cleaned as f64 / seconds.max(1e-3)
        );
        if self.failed > 0 {
            s += &format!(", {} failed", self.failed);
        }
        let skipped: usize = self.skipped.values().sum();
        if skipped > 0 {
            let kinds: Vec<String> = self.skipped.iter().map(|(k, n)| format!("{n} {k}")).collect();
            s += &format!(", {skipped} WARC records skipped ({})", kinds.join(", "));
        }
        if self.other_records > 0 {
            s += &format!(", {} WARC records without a page (requests, metadata, …)", self.other_records);
        }
        s
    }
}
