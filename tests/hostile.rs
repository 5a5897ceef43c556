//! Hostile sizes: a huge page, deep nesting, a million siblings, a giant text node and an
//! element with very many attributes each finish, without a stack overflow, in time linear in
//! their size (the time at the full size is compared with the time at a quarter of it), and the
//! byte and element limits cut in as documented.
//!
//! By default the sizes are a tenth of the full ones (so `cargo test` stays quick); set
//! `UNBOIL_FULL_SIZES=1` for the full ones: a 50 MB page, 100 000-deep nesting, 1 000 000
//! siblings, a 10 MB text node and 100 000 attributes on one element.

use std::time::{Duration, Instant};

use unboil::{clean_article, Error, Input, Options};

const PARAGRAPH: &str = "The harbour ferry left on time this morning, carrying commuters, cyclists and a few tourists across the grey water to the old town, where the market was just opening its stalls for the day.";

/// The divisor applied to the full sizes: 1 with `UNBOIL_FULL_SIZES=1`, else 10.
fn scale() -> usize {
    if std::env::var("UNBOIL_FULL_SIZES").is_ok_and(|v| v == "1") {
        1
    } else {
        10
    }
}

fn wrap(body: &str) -> String {
    format!("<!doctype html><html><head><title>Hostile page</title></head><body><article><h1>Hostile page</h1><p>{PARAGRAPH}</p>{body}<p>{PARAGRAPH}</p></article></body></html>")
}

/// An article page of about `bytes` bytes: paragraphs in sections.
fn big_page(bytes: usize) -> String {
    let section =
        format!("<section><h2>Part</h2><p>{PARAGRAPH}</p><p>{PARAGRAPH} <a href=\"/more\">more</a></p></section>\n");
    wrap(&section.repeat(bytes / section.len()))
}

fn deep(n: usize) -> String {
    wrap(&format!("{}<p>{PARAGRAPH}</p>{}", "<div>".repeat(n), "</div>".repeat(n)))
}

fn siblings(n: usize) -> String {
    wrap(&"<span>w </span>".repeat(n))
}

fn text_node(bytes: usize) -> String {
    wrap(&format!("<p>{}</p>", "word ".repeat(bytes / 5)))
}

fn attributes(n: usize) -> String {
    let attrs: String = (0..n).map(|i| format!(" data-a{i}=\"v{i}\"")).collect();
    wrap(&format!("<p{attrs}>{PARAGRAPH}</p>"))
}

/// The best of three runs' wall time, checking each run returns an article with the prose.
fn time(html: &str) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            let article = clean_article(Input::Str(html), &Options::default()).expect("an article");
            let took = start.elapsed();
            assert!(article.text.contains("harbour ferry"), "the article keeps its prose");
            took
        })
        .min()
        .unwrap()
}

/// Checks `make(n)` finishes and takes less than 8 times as long as `make(n / 4)`: linear is
/// 4 and quadratic 16, so the bound leaves room for a loaded machine. A shared machine's load
/// comes in bursts, so a failed comparison is measured again (three tries in all); a quadratic
/// cost fails every try. Prints the times.
fn linear(what: &str, make: fn(usize) -> String, n: usize) {
    let (small, large) = (make(n / 4), make(n));
    let mut ratio = f64::INFINITY;
    for _ in 0..3 {
        let (t_small, t_large) = (time(&small), time(&large));
        ratio = t_large.as_secs_f64() / t_small.as_secs_f64().max(1e-6);
        eprintln!("{what}: n={n} ({} bytes) {t_large:?}; n/4 {t_small:?}; ratio {ratio:.2}", large.len());
        if ratio < 8.0 {
            return;
        }
    }
    panic!("{what}: four times the size took {ratio:.2} times as long");
}

#[test]
fn a_50_mb_page() {
    linear("page bytes", big_page, 50_000_000 / scale());
}

#[test]
fn nesting_100_000_deep() {
    linear("nesting depth", deep, 100_000 / scale());
}

#[test]
fn a_million_siblings() {
    linear("siblings", siblings, 1_000_000 / scale());
}

#[test]
fn a_10_mb_text_node() {
    linear("text node bytes", text_node, 10_000_000 / scale());
}

#[test]
fn attributes_100_000_on_one_element() {
    linear("attributes", attributes, 100_000 / scale());
}

#[test]
fn the_default_limits_let_a_50_mb_page_through() {
    let options = Options::default();
    assert!(options.max_bytes >= 50_000_000);
    // A 50 MB page has about 560 000 elements in big_page's layout.
    assert!(options.max_elements >= 1_000_000);
    let page = big_page(50_000_000 / scale());
    let article = clean_article(Input::Bytes(page.as_bytes()), &options).expect("an article");
    assert!(article.word_count > 1000);
}

#[test]
fn the_byte_limit_gives_a_clear_error() {
    let page = big_page(200_000);
    let options = Options { max_bytes: 100_000, ..Options::default() };
    let error = clean_article(Input::Bytes(page.as_bytes()), &options).unwrap_err();
    assert_eq!(error, Error::TooLarge { size: page.len(), limit: 100_000 });
    assert!(error.to_string().contains("more than the limit of 100000 bytes"), "{error}");
}

#[test]
fn the_element_limit_truncates_the_article() {
    let early = "The early paragraphs sit before the limit and are read.";
    let late = "This late paragraph sits far past the element limit.";
    let body = format!(
        "<p>{early} {PARAGRAPH}</p>{}<p>{late} {PARAGRAPH}</p>",
        "<p>filler text that is long enough to be prose, with a comma, and more.</p>".repeat(5_000)
    );
    let page = wrap(&body);
    let full = clean_article(Input::Str(&page), &Options::default()).expect("an article");
    assert!(full.text.contains(late));
    let options = Options { max_elements: 1_000, ..Options::default() };
    let cut = clean_article(Input::Str(&page), &options).expect("a truncated article, not an error");
    assert!(cut.text.contains(early), "the part before the limit is kept");
    assert!(!cut.text.contains(late), "the part after the limit is cut off");
}
