//! Data-driven fixtures: every `NAME.html` + `NAME.expected.json` pair under `tests/fixtures/*/`
//! and `samples/` is cleaned with its URL and checked like `check-seed.py` does: metadata, article
//! sentences in order, boilerplate absent, and HTML snippets present. Optional keys extend the
//! seed format: `html_must_not_contain` (case-insensitive), `markdown_must_contain` and
//! `markdown_must_not_contain`.

use std::path::{Path, PathBuf};

use serde_json::Value;
use unboil::{clean_article, Input, Options};

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn str_field<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

fn list<'a>(v: &'a Value, key: &str) -> Vec<&'a str> {
    v.get(key).and_then(Value::as_array).map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default()
}

/// Checks one fixture; returns its failures.
fn check(html_path: &Path, expected: &Value) -> Vec<String> {
    let mut fails = Vec::new();
    let bytes = std::fs::read(html_path).expect("fixture page is readable");
    let options = Options { url: Some(str_field(expected, "url").to_string()), ..Options::default() };
    let article = match clean_article(Input::Bytes(&bytes), &options) {
        Ok(a) => a,
        Err(e) => return vec![format!("error: {e}")],
    };
    let mut fail = |ok: bool, what: String| {
        if !ok {
            fails.push(what);
        }
    };
    let title = article.meta.title.clone().unwrap_or_default();
    fail(
        norm(&title) == norm(str_field(expected, "title")),
        format!("title {title:?} != {:?}", str_field(expected, "title")),
    );
    let published = article.meta.published.clone().unwrap_or_default();
    let want_date = str_field(expected, "published");
    fail(published.get(..10).unwrap_or(&published) == want_date, format!("published {published:?} != {want_date:?}"));
    let site = article.meta.site_name.clone().unwrap_or_default();
    fail(
        norm(&site) == norm(str_field(expected, "site_name")),
        format!("site_name {site:?} != {:?}", str_field(expected, "site_name")),
    );
    let lang = article.meta.lang.clone().unwrap_or_default().to_lowercase();
    fail(lang.starts_with(str_field(expected, "lang")), format!("lang {lang:?} != {:?}", str_field(expected, "lang")));
    if let Some(b) = expected.get("byline").and_then(Value::as_str) {
        let got = article.meta.byline.clone().unwrap_or_default();
        fail(norm(&got).contains(&norm(b)), format!("byline {got:?} lacks {b:?}"));
    }
    let text = norm(&article.text);
    let mut pos = 0;
    for s in list(expected, "text_must_contain_in_order") {
        let s = norm(s);
        match text.get(pos..).and_then(|t| t.find(&s)) {
            Some(k) => pos += k + s.len(),
            None => fail(false, format!("missing or out of order: {:?}", s.chars().take(70).collect::<String>())),
        }
    }
    for pat in list(expected, "text_must_not_match") {
        let re = regex::Regex::new(pat).expect("valid pattern");
        if let Some(m) = re.find(&text) {
            fail(false, format!("boilerplate kept: /{pat}/ matched {:?}", m.as_str()));
        }
    }
    for s in list(expected, "html_must_contain") {
        fail(article.html.contains(s), format!("html lacks {s:?}"));
    }
    // An extension of the seed format: markup that must never reach the output.
    for s in list(expected, "html_must_not_contain") {
        fail(!article.html.to_lowercase().contains(&s.to_lowercase()), format!("html contains {s:?}"));
    }
    if let Some(md) = expected.get("markdown_must_contain").and_then(Value::as_array) {
        let got = article.markdown.clone().unwrap_or_default();
        for s in md.iter().filter_map(Value::as_str) {
            fail(got.contains(s), format!("markdown lacks {s:?}"));
        }
    }
    let markdown = article.markdown.clone().unwrap_or_default();
    for s in list(expected, "markdown_must_not_contain") {
        fail(!markdown.contains(s), format!("markdown contains {s:?}"));
    }
    fails
}

fn fixtures() -> Vec<(PathBuf, Value)> {
    let crate_root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = crate_root.join("tests/fixtures");
    // The fixture folders, and samples/: the demo's sample pages carry their expectations too.
    let mut dirs: Vec<PathBuf> =
        std::fs::read_dir(&root).expect("tests/fixtures exists").flatten().map(|d| d.path()).collect();
    dirs.push(crate_root.join("samples"));
    let mut out = Vec::new();
    for dir in dirs {
        let Ok(files) = std::fs::read_dir(&dir) else { continue };
        for f in files.flatten() {
            let path = f.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if let Some(stem) = name.strip_suffix(".expected.json") {
                let expected: Value =
                    serde_json::from_str(&std::fs::read_to_string(&path).expect("readable")).expect("valid JSON");
                out.push((path.with_file_name(format!("{stem}.html")), expected));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn every_fixture_passes() {
    let all = fixtures();
    assert!(all.len() >= 40, "expected the fixture folders to hold at least 40 pages, found {}", all.len());
    let mut report = Vec::new();
    for (html, expected) in &all {
        let name = html.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(html).display().to_string();
        for f in check(html, expected) {
            report.push(format!("{name}: {f}"));
        }
    }
    assert!(report.is_empty(), "{} fixture checks failed:\n{}", report.len(), report.join("\n"));
}
