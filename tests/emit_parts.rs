//! The emit pass over the parts of the page that hold the article ([`unboil::emit::ranges`])
//! must write exactly what a pass over the whole page writes.
//!
//! On tricky pages (implied end tags, stray end tags, tables in quirks mode, forms, SVG,
//! templates, lists), every element in turn, and every pair of elements, is made the article's
//! root (kept with all it holds), and both passes are compared; so are the decisions on every
//! fixture page.

use std::path::Path;

use unboil::emit::ranges::plan;
use unboil::emit::{emit, to_html, Settings};
use unboil::scan::{scan, Scan};

const LIMIT: usize = 100_000;

const PAGES: &[&str] = &[
    "<!DOCTYPE html><html><body><div><p>one<p>two<div>three</div><ul><li>a<li>b</ul></div><p>after</body></html>",
    "<div><table><tr><td>x<p>in cell<td>y</table><p>open<table><tr><td>quirks</td></tr></table></div><p>tail",
    "<!doctype html><div><p>a<table><tr><td>b</table></div><section><h2>t</h2><h3>u<p>v</section></div></span><p>w",
    "<main><article><h1>Title</h1><p>Text <b>bold <i>both</b> italic</i> plain</p></section><p>stray</article></main><footer>f</footer>",
    "<body><form><div><input><form><p>inner</form><p>x</div></form><p>y<select><option>a<option>b</select><p>z</body>",
    "<div><svg><g><title>s</title><foreignObject><p>html in svg</p></foreignObject></g></svg><p>after svg</div><math><mi>x</mi></math>",
    "<div><template><p>template</p></template><dl><dt>a<dd>b<dt>c</dl><ruby>k<rt>r<rp>p</ruby><p>end</div>",
    "<div id=a><div id=b><p>one</div><p>two</div><p>three</div></div></div><p>four",
    "<article><pre>\n  code\n</pre><noscript><img src=a.jpg></noscript><p>x<img src=b.jpg><a href=#n>n</a></article><aside>z</aside>",
    "<div><p>a</p></div></div></div></body></html><div><p>after the end</p></div>",
    "<table><caption>c<tr><td><table><tr><td>nested</table><td>next</table><p>after table",
    "<div><button><p>in button</button><a href=/x><div>block in link</div></a><p>after</div>",
];

/// Keeps each of `roots` and everything inside it.
fn keep(scan: &Scan, roots: &[u32]) -> Vec<bool> {
    (0..scan.rows.len() as u32)
        .map(|id| {
            let mut at = Some(id);
            while let Some(a) = at {
                if roots.contains(&a) {
                    return true;
                }
                at = scan.rows[a as usize].parent();
            }
            false
        })
        .collect()
}

/// The article HTML written from the whole page and from the planned parts, when there is a
/// plan.
fn both(html: &str, scan: &Scan, roots: &[u32], keep: Vec<bool>) -> Option<(String, String)> {
    let parts = plan(&scan.rows, &scan.layout, &keep)?;
    assert!(parts.iter().all(|p| html.get(p.range.clone()).is_some()), "the parts lie on character boundaries");
    let settings = |parts| Settings {
        keep: keep.clone(),
        roots: roots.to_vec(),
        base: None,
        page_url: None,
        keep_images: true,
        max_elements: LIMIT,
        parts,
        layout: scan.layout.clone(),
    };
    let whole = to_html(&emit(html, settings(None)).expect("emittable"));
    let from_parts = to_html(&emit(html, settings(Some(parts))).expect("emittable"));
    Some((whole, from_parts))
}

#[test]
fn any_root_or_pair_of_roots_writes_the_same() {
    let mut parts = 0;
    for html in PAGES {
        let scan = scan(html, LIMIT).expect("scannable");
        let n = scan.rows.len() as u32;
        for a in 0..n {
            for b in a..n {
                let roots: Vec<u32> = if a == b { vec![a] } else { vec![a, b] };
                let keep = keep(&scan, &roots);
                if let Some((whole, from_parts)) = both(html, &scan, &roots, keep) {
                    parts += 1;
                    assert_eq!(from_parts, whole, "{html}\nroots {roots:?}");
                }
            }
        }
    }
    assert!(parts > 300, "the part applied to only {parts} cases");
}

#[test]
fn fixture_decisions_write_the_same() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut pages = 0;
    for dir in std::fs::read_dir(&root).expect("fixtures").flatten() {
        for file in std::fs::read_dir(dir.path()).expect("fixture folder").flatten() {
            let path = file.path();
            if path.extension().is_none_or(|e| e != "html") {
                continue;
            }
            let bytes = std::fs::read(&path).expect("readable");
            let html = unboil::decode::decode(&bytes, None).expect("decodable").html;
            let scan = scan(&html, LIMIT).expect("scannable");
            let decision = unboil::decide::decide(&scan, None, &[]);
            if let Some((whole, from_parts)) = both(&html, &scan, &decision.roots, decision.keep.clone()) {
                pages += 1;
                assert_eq!(from_parts, whole, "{}", path.display());
            }
        }
    }
    assert!(pages >= 100, "the part applied to only {pages} fixture pages");
}
