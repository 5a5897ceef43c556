//! Native floor benchmark: per-MB cost of the whole pipeline (`clean_article`) next to one
//! lol_html pass with catch-all no-op `element!("*")` and `text!("*")` handlers, on the same
//! inputs in the same run, over a size sweep built by concatenating corpus pages.
//! Run: `cargo run --release --example floor` (corpus from $UNBOIL_SHARED or ../shared);
//! with `FLOOR_WRITE=DIR` it also writes each sweep page to DIR (for memory runs of the CLI).
use lol_html::{element, text, HtmlRewriter, Settings};
use std::time::Instant;

/// Reads every readability corpus page under the shared folder.
fn corpus() -> Vec<String> {
    let root = std::env::var("UNBOIL_SHARED").unwrap_or_else(|_| "../shared".into());
    let dir = format!("{root}/corpus/readability");
    let mut pages = Vec::new();
    for e in std::fs::read_dir(&dir).expect("corpus folder") {
        let p = e.expect("entry").path().join("source.html");
        if let Ok(s) = std::fs::read_to_string(&p) {
            pages.push(s);
        }
    }
    // Smallest first, so the 100 KB step is not one big page.
    pages.sort_by_key(String::len);
    pages
}

/// Builds one page of about `size` bytes by concatenating pages' bodies.
fn page_of(size: usize, pages: &[String]) -> String {
    let mut out = String::from("<html><head><title>t</title></head><body>");
    let mut i = 0;
    while out.len() < size {
        let p = &pages[i % pages.len()];
        if out.len() + p.len() > size * 2 && i < pages.len() {
            i += 1;
            continue;
        }
        let body = p.find("<body").map_or(p.as_str(), |k| &p[k..]);
        out.push_str("<article>");
        out.push_str(body);
        out.push_str("</article>");
        i += 1;
    }
    out.push_str("</body></html>");
    out
}

/// Times one lol_html pass with no-op catch-all handlers.
fn floor(html: &str) -> f64 {
    let t = Instant::now();
    let mut rw = HtmlRewriter::new(
        Settings::new()
            .append_element_content_handler(element!("*", |_| Ok(())))
            .append_element_content_handler(text!("*", |_| Ok(()))),
        |_: &[u8]| {},
    );
    rw.write(html.as_bytes()).expect("write");
    rw.end().expect("end");
    t.elapsed().as_secs_f64()
}

/// Times the whole pipeline with the given output formats.
fn pipeline(html: &str, formats: unboil::Formats) -> f64 {
    let options = unboil::Options { formats, ..Default::default() };
    let t = Instant::now();
    let _ = unboil::clean_article(unboil::Input::Str(html), &options);
    t.elapsed().as_secs_f64()
}

/// Seconds spent in each stage, run one after the other as `clean_article` runs them.
#[derive(Clone, Copy)]
struct Stages {
    scan: f64,
    meta: f64,
    decide: f64,
    emit: f64,
    text: f64,
    markdown: f64,
}

/// Times each stage alone (no `<noscript>` fallback, no selectors).
fn stages(html: &str) -> Stages {
    let mut t = Instant::now();
    let mut lap = || {
        let s = t.elapsed().as_secs_f64();
        t = Instant::now();
        s
    };
    let scan = unboil::scan::scan(html, 4_000_000).expect("scannable");
    let scan_s = lap();
    let base = unboil::meta::base_url(&scan, None);
    let meta = unboil::meta::extract(&scan, base.as_ref(), None);
    let meta_s = lap();
    let d = unboil::decide::decide(&scan, meta.title.as_deref(), &[]);
    let decide_s = lap();
    let settings = unboil::emit::Settings {
        keep: d.keep,
        roots: d.roots,
        base: base.as_ref(),
        page_url: None,
        keep_images: true,
        recording: &scan.recording,
    };
    let doc = unboil::emit::emit(html, settings);
    let _ = unboil::emit::to_html(&doc);
    let emit_s = lap();
    let _ = unboil::render::to_text(&doc);
    let text_s = lap();
    let _ = unboil::render::to_markdown(&doc);
    Stages { scan: scan_s, meta: meta_s, decide: decide_s, emit: emit_s, text: text_s, markdown: lap() }
}

/// Best-of-`reps` seconds for one page: floor, all formats, HTML only, and each stage.
#[derive(Clone, Copy)]
struct Times {
    floor: f64,
    full: f64,
    html: f64,
    stages: Stages,
}

fn time(html: &str, reps: usize) -> Times {
    let all = unboil::Formats::default();
    let html_only = unboil::Formats { html: true, text: false, markdown: false };
    let mut t = Times {
        floor: f64::MAX,
        full: f64::MAX,
        html: f64::MAX,
        stages: Stages {
            scan: f64::MAX,
            meta: f64::MAX,
            decide: f64::MAX,
            emit: f64::MAX,
            text: f64::MAX,
            markdown: f64::MAX,
        },
    };
    for _ in 0..reps {
        t.floor = t.floor.min(floor(html));
        t.full = t.full.min(pipeline(html, all));
        t.html = t.html.min(pipeline(html, html_only));
        let s = stages(html);
        let b = &mut t.stages;
        b.scan = b.scan.min(s.scan);
        b.meta = b.meta.min(s.meta);
        b.decide = b.decide.min(s.decide);
        b.emit = b.emit.min(s.emit);
        b.text = b.text.min(s.text);
        b.markdown = b.markdown.min(s.markdown);
    }
    t
}

/// Adds `b`'s seconds to `a`'s.
fn sum(a: Times, b: Times) -> Times {
    let (x, y) = (a.stages, b.stages);
    Times {
        floor: a.floor + b.floor,
        full: a.full + b.full,
        html: a.html + b.html,
        stages: Stages {
            scan: x.scan + y.scan,
            meta: x.meta + y.meta,
            decide: x.decide + y.decide,
            emit: x.emit + y.emit,
            text: x.text + y.text,
            markdown: x.markdown + y.markdown,
        },
    }
}

/// Prints one row of ms per MB for `bytes` of input.
fn print_row(label: &str, bytes: usize, t: Times) {
    let ms = |x: f64| x * 1e3 / (bytes as f64 / 1e6);
    let s = t.stages;
    println!(
        "{:>10} {:>6.2} {:>6.2} {:>6.2} {:>6.2} {:>6.2} {:>6.2} {:>6.2} {:>6.2} {:>6.2} {:>6.2} {:>6.2}",
        label,
        ms(t.floor),
        ms(t.full),
        t.full / t.floor,
        ms(t.html),
        t.html / t.floor,
        ms(s.scan),
        ms(s.meta),
        ms(s.decide),
        ms(s.emit),
        ms(s.text),
        ms(s.markdown)
    );
}

fn main() {
    let pages = corpus();
    println!(
        "ms per MB; best of up to 20 runs. full: all formats; html: formats html only (as the extension runs it);"
    );
    println!("emit includes serializing the HTML; ratios are to the floor. Last row: every readability");
    println!("corpus page as it is, each timed alone (best of 5), times summed over all pages.");
    println!(
        "{:>10} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
        "bytes", "floor", "full", "ratio", "html", "ratio", "scan", "meta", "decide", "emit", "text", "md"
    );
    for size in [100_000, 500_000, 1_000_000, 5_000_000, 20_000_000] {
        let html = page_of(size, &pages);
        if let Ok(dir) = std::env::var("FLOOR_WRITE") {
            std::fs::write(format!("{dir}/sweep-{size}.html"), &html).expect("writable folder");
        }
        let reps = (20_000_000 / html.len()).clamp(1, 20);
        print_row(&html.len().to_string(), html.len(), time(&html, reps));
    }
    let bytes = pages.iter().map(String::len).sum();
    let total = pages.iter().map(|p| time(p, 5)).reduce(sum);
    if let Some(total) = total {
        print_row("corpus", bytes, total);
    }
}
