//! Native floor benchmark: per-MB cost of the whole pipeline (`clean_article`) next to one
//! lol_html pass with catch-all no-op `element!("*")` and `text!("*")` handlers, on the same
//! inputs in the same run, over a size sweep built by concatenating corpus pages.
//! Run: `cargo run --release --example floor` (corpus from $UNBOIL_SHARED or ../shared).
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
    pages.sort_by_key(|p| p.len());
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

/// Times the whole pipeline.
fn pipeline(html: &str) -> f64 {
    let t = Instant::now();
    let _ = unboil::clean_article(unboil::Input::Str(html), &unboil::Options::default());
    t.elapsed().as_secs_f64()
}

/// Times scan and decide alone (as examples/debug_decide.rs calls them), in seconds.
fn stages(html: &str) -> (f64, f64) {
    let t = Instant::now();
    let scan = unboil::scan::scan(html, 4_000_000).expect("scannable");
    let s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let _ = unboil::decide::decide(&scan, None, &[]);
    (s, t.elapsed().as_secs_f64())
}

fn main() {
    let pages = corpus();
    println!(
        "{:>10} {:>12} {:>12} {:>7} {:>10} {:>12} {:>10}",
        "bytes", "floor ms/MB", "full ms/MB", "ratio", "scan ms/MB", "decide ms/MB", "rest ms/MB"
    );
    for size in [100_000, 500_000, 1_000_000, 5_000_000, 20_000_000] {
        let html = page_of(size, &pages);
        let mb = html.len() as f64 / 1e6;
        let reps = (20_000_000 / html.len()).clamp(1, 20);
        let (mut f, mut p, mut sc, mut de) = (f64::MAX, f64::MAX, f64::MAX, f64::MAX);
        for _ in 0..reps {
            f = f.min(floor(&html));
            p = p.min(pipeline(&html));
            let (s, d) = stages(&html);
            sc = sc.min(s);
            de = de.min(d);
        }
        let ms = |x: f64| x * 1e3 / mb;
        println!(
            "{:>10} {:>12.2} {:>12.2} {:>7.2} {:>10.2} {:>12.2} {:>10.2}",
            html.len(),
            ms(f),
            ms(p),
            p / f,
            ms(sc),
            ms(de),
            ms(p - sc - de)
        );
    }
}
