//! The scanned element tree against the tree a browser builds.
//!
//! Each case is scanned and its rows are serialized, through their parent links, into a compact
//! outline: `tag(child,…)` for an element (`?` for a tag the scan does not know, such as SVG's
//! `path`), with each element's own text between its children as `"…"` (ASCII white space
//! collapsed, runs trimmed, empty runs dropped; U+00A0 and control characters written as
//! `\u{…}`). Top-level rows and top-level text form the outline's first level.
//!
//! The expected outlines are what an HTML5 parser (html5lib, with scripting enabled, as a
//! browser runs it) builds for `<!DOCTYPE html>` + the case, brought to what the scan can say:
//! elements the parser implies without a tag in the source (`html`, `head`, `body`, `tbody`,
//! `tr`, `colgroup`) are unwrapped into their parent, and text the scan never counts as visible
//! (inside `script`, `style`, `template`, `textarea`, `title`, `noscript`, `select`, `option`,
//! `iframe`, `xmp`, `svg`, `head`, …) is left out. They were checked against html5lib when the
//! tests were written; nothing here runs Python.

use std::fmt::Write as _;
use std::time::Instant;

use unboil::scan::{scan, Scan};

struct Case {
    name: &'static str,
    html: &'static str,
    browser: &'static str,
}

const fn case(name: &'static str, html: &'static str, browser: &'static str) -> Case {
    Case { name, html, browser }
}

const LIMIT: usize = 1_000_000;

/// Writes `text` as one outline text item: ASCII white space collapsed and trimmed; nothing
/// when it is empty.
fn push_text(items: &mut Vec<String>, text: &str) {
    let words: Vec<&str> = text.split_ascii_whitespace().collect();
    if words.is_empty() {
        return;
    }
    let mut s = String::from("\"");
    for c in words.join(" ").chars() {
        match c {
            '"' | '\\' => {
                s.push('\\');
                s.push(c);
            }
            c if (c as u32) < 0x20 || c == '\u{7f}' || c == '\u{a0}' => {
                let _ = write!(s, "\\u{{{:x}}}", c as u32);
            }
            c => s.push(c),
        }
    }
    s.push('"');
    items.push(s);
}

/// The scanned tree as an outline; tree invariants that do not hold are reported in it.
fn outline(scan: &Scan) -> String {
    let n = scan.rows.len();
    let mut kids: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut roots = Vec::new();
    let mut problems = Vec::new();
    for (i, row) in scan.rows.iter().enumerate() {
        match row.parent() {
            Some(p) if (p as usize) < i => {
                kids[p as usize].push(i);
                if row.depth != scan.rows[p as usize].depth + 1 {
                    problems.push(format!("row {i} depth {} under depth {}", row.depth, scan.rows[p as usize].depth));
                }
            }
            Some(p) => problems.push(format!("row {i} has parent {p} that does not precede it")),
            None => {
                roots.push(i);
                if row.depth != 0 {
                    problems.push(format!("top-level row {i} has depth {}", row.depth));
                }
            }
        }
        if row.text_start > row.text_end || row.text_end as usize > scan.text.len() {
            problems.push(format!("row {i} has text range {}..{}", row.text_start, row.text_end));
        }
    }
    // Items of a run of siblings inside [start, end).
    fn slice(scan: &Scan, a: usize, b: usize) -> &str {
        scan.text.get(a..b.max(a)).unwrap_or("<bad range>")
    }
    fn items(scan: &Scan, kids: &[Vec<usize>], list: &[usize], start: usize, end: usize) -> String {
        let mut out = Vec::new();
        let mut at = start;
        for &k in list {
            let row = &scan.rows[k];
            let (s, e) = (row.text_start as usize, row.text_end as usize);
            push_text(&mut out, slice(scan, at, s));
            out.push(element(scan, kids, k));
            at = at.max(e);
        }
        push_text(&mut out, slice(scan, at, end));
        out.join(",")
    }
    fn element(scan: &Scan, kids: &[Vec<usize>], id: usize) -> String {
        let row = &scan.rows[id];
        let name = match row.tag.name() {
            "" => "?",
            n => n,
        };
        let inner = items(scan, kids, &kids[id], row.text_start as usize, row.text_end as usize);
        if inner.is_empty() {
            name.to_string()
        } else {
            format!("{name}({inner})")
        }
    }
    let mut out = items(scan, &kids, &roots, 0, scan.text.len());
    if !problems.is_empty() {
        let _ = write!(out, " [tree problems: {}]", problems.join("; "));
    }
    out
}

fn scan_ok(html: &str) -> Scan {
    match scan(html, LIMIT) {
        Ok(s) => s,
        Err(e) => panic!("scan failed on {html:?}: {e}"),
    }
}

/// Scans every case (after `<!DOCTYPE html>`) and fails with the list of every mismatch.
fn check(cases: &[Case]) {
    check_with(cases, "<!DOCTYPE html>");
}

fn check_with(cases: &[Case], prefix: &str) {
    let mut fails = Vec::new();
    for c in cases {
        let html = format!("{prefix}{}", c.html);
        let got = match scan(&html, LIMIT) {
            Ok(s) => {
                let mut o = outline(&s);
                if !s.complete {
                    o.push_str(" [incomplete]");
                }
                o
            }
            Err(e) => format!("Err({e})"),
        };
        if got != c.browser {
            fails.push(format!(
                "{}\n      html:    {}\n      browser: {}\n      scan:    {}",
                c.name, c.html, c.browser, got
            ));
        }
    }
    assert!(
        fails.is_empty(),
        "{} of {} cases differ from the browser's tree:\n  {}",
        fails.len(),
        cases.len(),
        fails.join("\n  ")
    );
}

const P_BLOCKS: &[Case] = &[
    case("p_closed_by_div", r#"<p>a<div>b</div>c"#, r#"p("a"),div("b"),"c""#),
    case("p_closed_by_ul", r#"<p>a<ul><li>b</ul>c"#, r#"p("a"),ul(li("b")),"c""#),
    case("p_closed_by_ol", r#"<p>a<ol><li>b</ol>"#, r#"p("a"),ol(li("b"))"#),
    case("p_closed_by_h2", r#"<p>a<h2>b</h2>c"#, r#"p("a"),h2("b"),"c""#),
    case("p_closed_by_table", r#"<p>a<table><tr><td>b</table>c"#, r#"p("a"),table(tr(td("b"))),"c""#),
    case("p_closed_by_blockquote", r#"<p>a<blockquote>b</blockquote>c"#, r#"p("a"),blockquote("b"),"c""#),
    case("p_closed_by_pre", r#"<p>a<pre>b</pre>c"#, r#"p("a"),pre("b"),"c""#),
    case("p_closed_by_hr", r#"<p>a<hr>b"#, r#"p("a"),hr,"b""#),
    case("p_closed_by_section", r#"<p>a<section>b</section>"#, r#"p("a"),section("b")"#),
    case(
        "p_closed_by_figure",
        r#"<p>a<figure><img src=i.png><figcaption>c</figcaption></figure>d"#,
        r#"p("a"),figure(img,figcaption("c")),"d""#,
    ),
    case("p_closed_by_p", r#"<p>a<p>b<p>c"#, r#"p("a"),p("b"),p("c")"#),
    case(
        "p_closed_by_sectioning",
        r#"<p>a<nav>b</nav><p>c<header>d</header><p>e<footer>f</footer><p>g<main>h</main><p>i<article>j</article><p>k<aside>l</aside>"#,
        r#"p("a"),nav("b"),p("c"),header("d"),p("e"),footer("f"),p("g"),main("h"),p("i"),article("j"),p("k"),aside("l")"#,
    ),
    case(
        "p_closed_by_form_blocks",
        r#"<p>a<form>b</form><p>c<fieldset>d</fieldset><p>e<details><summary>s</summary>f</details><p>g<address>h</address><p>i<dl><dt>t</dl>"#,
        r#"p("a"),form("b"),p("c"),fieldset("d"),p("e"),details(summary("s"),"f"),p("g"),address("h"),p("i"),dl(dt("t"))"#,
    ),
    case(
        "p_closed_by_li_dd",
        r#"<ul><li><p>a<li>b</ul><dl><dd><p>c<dd>d</dl>"#,
        r#"ul(li(p("a")),li("b")),dl(dd(p("c")),dd("d"))"#,
    ),
    case(
        "p_not_closed_by_inline",
        r#"<p>a<a href=x>b</a><span>c</span><img src=i.png><em>d</em>e</p>f"#,
        r#"p("a",a("b"),span("c"),img,em("d"),"e"),"f""#,
    ),
    case(
        "p_not_closed_by_phrasing_controls",
        r#"<p>a<b>b</b><i>c</i><input name=q><br>d<button>e</button><label>f</label><select><option>o</select>g</p>"#,
        r#"p("a",b("b"),i("c"),input,br,"d",button("e"),label("f"),select(option),"g")"#,
    ),
    case("p_div_inside_button", r#"<p>a<button>b<div>c</div></button>d</p>"#, r#"p("a",button("b",div("c")),"d")"#),
    case(
        "p_inside_td_not_closed_by_outer",
        r#"<table><tr><td><p>a<div>b</div></table>"#,
        r#"table(tr(td(p("a"),div("b"))))"#,
    ),
    case("p_inside_object", r#"<p>a<object><p>b</object>c"#, r#"p("a",object(p("b")),"c")"#),
    case("p_closed_by_div_end", r#"<div><p>a</div>b"#, r#"div(p("a")),"b""#),
    case("p_uppercase_tags", r#"<P>a<DIV>b</DIV>c"#, r#"p("a"),div("b"),"c""#),
    case("p_closed_by_dd", r#"<p>a<dd>b"#, r#"p("a"),dd("b")"#),
];

const LISTS: &[Case] = &[
    case("li_closes_li", r#"<ul><li>a<li>b<li>c</ul>"#, r#"ul(li("a"),li("b"),li("c"))"#),
    case("li_closes_li_across_div", r#"<ul><li><div>a<li>b</ul>"#, r#"ul(li(div("a")),li("b"))"#),
    case("li_closes_li_across_p", r#"<ul><li><p>a<li><p>b</ul>"#, r#"ul(li(p("a")),li(p("b")))"#),
    case("nested_lists", r#"<ul><li>a<ul><li>b<li>c</ul><li>d</ul>"#, r#"ul(li("a",ul(li("b"),li("c"))),li("d"))"#),
    case(
        "nested_ol_with_text_after",
        r#"<ol><li>a<ol><li>b</ol>c<li>d</ol>"#,
        r#"ol(li("a",ol(li("b")),"c"),li("d"))"#,
    ),
    case("ul_end_closes_li", r#"<ul><li>a<li>b</ul><p>c"#, r#"ul(li("a"),li("b")),p("c")"#),
    case("li_outside_list", r#"<li>a<li>b"#, r#"li("a"),li("b")"#),
    case("li_stopped_by_section", r#"<li>a<section><li>b</section>"#, r#"li("a",section(li("b")))"#),
    case("dt_dd_alternate", r#"<dl><dt>a<dd>b<dt>c<dd>d</dl>"#, r#"dl(dt("a"),dd("b"),dt("c"),dd("d"))"#),
    case("dt_dt_dd_dd", r#"<dl><dt>a<dt>b<dd>c<dd>d</dl>"#, r#"dl(dt("a"),dt("b"),dd("c"),dd("d"))"#),
    case("dd_closes_across_div", r#"<dl><dd><div>a<dt>b</dl>"#, r#"dl(dd(div("a")),dt("b"))"#),
    case("dd_closes_dt_then_stray_div_end", r#"<dl><dt>a<div><dd>b</div></dl>"#, r#"dl(dt("a",div),dd("b"))"#),
];

const TABLES: &[Case] = &[
    case(
        "td_tr_implied_ends",
        r#"<table><tr><td>a<td>b<tr><td>c</table>"#,
        r#"table(tr(td("a"),td("b")),tr(td("c")))"#,
    ),
    case(
        "th_implied_ends",
        r#"<table><tr><th>h1<th>h2<tr><td>a<td>b</table>"#,
        r#"table(tr(th("h1"),th("h2")),tr(td("a"),td("b")))"#,
    ),
    case(
        "thead_tbody_tfoot",
        r#"<table><thead><tr><th>h<tbody><tr><td>a<tr><td>b<tfoot><tr><td>f</table>"#,
        r#"table(thead(tr(th("h"))),tbody(tr(td("a")),tr(td("b"))),tfoot(tr(td("f"))))"#,
    ),
    case(
        "tbody_closed_by_thead",
        r#"<table><tbody><tr><td>a<thead><tr><th>h</table>"#,
        r#"table(tbody(tr(td("a"))),thead(tr(th("h"))))"#,
    ),
    case("caption_closed_by_tr", r#"<table><caption>cap<tr><td>x</table>"#, r#"table(caption("cap"),tr(td("x")))"#),
    case(
        "caption_closed_by_tbody",
        r#"<table><caption>cap<tbody><tr><td>x</table>"#,
        r#"table(caption("cap"),tbody(tr(td("x"))))"#,
    ),
    case(
        "nested_tables",
        r#"<table><tr><td>a<table><tr><td>b<td>c</table>d<td>e</table>"#,
        r#"table(tr(td("a",table(tr(td("b"),td("c"))),"d"),td("e")))"#,
    ),
    case("table_end_closes_td_tr", r#"<table><tr><td>a</table><p>b"#, r#"table(tr(td("a"))),p("b")"#),
    case("td_without_tr", r#"<table><td>a<td>b</table>"#, r#"table(td("a"),td("b"))"#),
    case("explicit_ends", r#"<table><tr><td>a</td><td>b</td></tr></table>"#, r#"table(tr(td("a"),td("b")))"#),
    case("td_closes_p", r#"<table><tr><td><p>a<td>b</table>"#, r#"table(tr(td(p("a")),td("b")))"#),
    case(
        "colgroup_cols",
        r#"<table><colgroup><col><col></colgroup><tr><td>a</table>"#,
        r#"table(colgroup(col,col),tr(td("a")))"#,
    ),
    case("div_end_inside_td_ignored", r#"<div>a<table><tr><td>b</div>c</table>"#, r#"div("a",table(tr(td("bc"))))"#),
    case(
        "table_start_in_table_closes_it",
        r#"<table><tr><td>a</td></tr><table><tr><td>b</table>c"#,
        r#"table(tr(td("a"))),table(tr(td("b"))),"c""#,
    ),
];

/// Trees a browser reaches only by moving or cloning elements after they were opened
/// (the adoption agency, reconstructing formatting elements, foster parenting) or by making
/// an element from an end tag alone (`</p>`, `</br>`). The scan numbers one row per start tag
/// and reports each element once, when it opens, so it cannot build these; the test that
/// checks them is ignored and documents the difference.
const LIMITS: &[Case] = &[
    case("p_end_inside_button", r#"<p>a<button>b</p>c</button>"#, r#"p("a",button("b",p,"c"))"#),
    case("other_heading_end_tag_closes", r#"<h1>a</h2>b"#, r#"h1("a"),"b""#),
    case("foster_parented_text", r#"<table>x<tr><td>a</table>"#, r#""x",table(tr(td("a")))"#),
    case("foster_parented_div", r#"<table><div>x</div><tr><td>a</table>"#, r#"div("x"),table(tr(td("a")))"#),
    case("a_inside_a_across_div", r#"<a href=1>x<div><a href=2>y</a></div>"#, r#"a("x"),div(a,a("y"))"#),
    case("formatting_misnested_across_p", r#"<b>a<p>b</b>c</p>"#, r#"b("a"),p(b("b"),"c")"#),
    case("formatting_reopened_after_p", r#"<p><b>a</p>b"#, r#"p(b("a")),b("b")"#),
    case("formatting_misnested_b_i", r#"<b><i>a</b>b</i>"#, r#"b(i("a")),i("b")"#),
    case("stray_p_end_in_div", r#"<div>a</p>b</div>"#, r#"div("a",p,"b")"#),
    case("br_end_tag", r#"a</br>b"#, r#""a",br,"b""#),
];

const SELECT: &[Case] = &[
    case(
        "options_and_optgroups",
        r#"<select><option>a<option>b<optgroup label=g><option>c<option>d<optgroup label=h><option>e</select>"#,
        r#"select(option,option,optgroup(option,option),optgroup(option))"#,
    ),
    case("select_end_closes_option", r#"<select><option>a</select><p>b"#, r#"select(option),p("b")"#),
    case("option_outside_select", r#"<option>a<option>b"#, r#"option,option"#),
    case("select_inside_select_closes_it", r#"<select><option>a<select>b"#, r#"select(option),"b""#),
    case("input_closes_select", r#"<select><option>a<input name=x>b"#, r#"select(option),input,"b""#),
    case("textarea_closes_select", r#"<select><option>a<textarea>t</textarea>b"#, r#"select(option),textarea,"b""#),
];

const NESTING: &[Case] = &[
    case("heading_closes_heading", r#"<h1>a<h2>b</h2>c"#, r#"h1("a"),h2("b"),"c""#),
    case("heading_same_level", r#"<h1>a<h1>b"#, r#"h1("a"),h1("b")"#),
    case("heading_not_current_node", r#"<h1><b>a<h2>b</h2></b></h1>"#, r#"h1(b("a",h2("b")))"#),
    case("heading_end_closes_p", r#"<h3>a<p>b</h3>c"#, r#"h3("a",p("b")),"c""#),
    case("a_inside_a", r#"<a href=1>x<a href=2>y</a>z"#, r#"a("x"),a("y"),"z""#),
    case("a_wraps_block", r#"<a href=1>x<p>y</p></a>"#, r#"a("x",p("y"))"#),
    case("button_inside_button", r#"<button>a<button>b</button>c"#, r#"button("a"),button("b"),"c""#),
    case("form_inside_form", r#"<form><input name=a><form><input name=b></form>x"#, r#"form(input,input),"x""#),
    case("button_end_closes_p", r#"<button>a<p>b</button>c"#, r#"button("a",p("b")),"c""#),
    case(
        "ruby_rt_rp_close_each_other",
        r#"<p><ruby>漢<rt>かん<rp>(<rt>x</ruby>"#,
        r#"p(ruby("漢",rt("かん"),rp("("),rt("x")))"#,
    ),
];

const STRAY: &[Case] = &[
    case("stray_p_end_at_start", r#"</p>a"#, r#""a""#),
    case("extra_div_end", r#"<div>a</div></div>b"#, r#"div("a"),"b""#),
    case("span_end_mismatched", r#"<div><span>a</div>b</span>c"#, r#"div(span("a")),"bc""#),
    case("span_end_without_span", r#"<p>a</span>b</p>"#, r#"p("ab")"#),
    case("li_end_without_li", r#"<p>a</li>b"#, r#"p("ab")"#),
    case("td_end_outside_table", r#"<p>a</td>b</tr>c</table>d"#, r#"p("abcd")"#),
    case("text_after_body_end", r#"<body><p>a</p></body>b"#, r#"body(p("a"),"b")"#),
    case("text_after_html_end", r#"<html><body><p>a</p></body></html>b<p>c"#, r#"html(body(p("a"),"b",p("c")))"#),
    case("body_end_then_elements", r#"<body><p>a</body><p>b"#, r#"body(p("a"),p("b"))"#),
    case("second_body_merges", r#"<body><p>a</p><body class=x><p>b"#, r#"body(p("a"),p("b"))"#),
    case("span_end_stopped_by_special", r#"<span>a<div>b</span>c</div>"#, r#"span("a",div("bc"))"#),
    case("custom_end_stopped_by_special", r#"<x-card>a<div>b</x-card>c</div>"#, r#"?("a",div("bc"))"#),
    case("li_end_not_in_list_item_scope", r#"<ul><li>x<ul><p>y</li>z</ul></ul>"#, r#"ul(li("x",ul(p("yz"))))"#),
    case("a_end_inside_td_ignored", r#"<a href=1>x<table><tr><td>y</a>z</table>"#, r#"a("x",table(tr(td("yz"))))"#),
];

const VOIDS: &[Case] = &[
    case(
        "voids_in_p",
        r#"<p>a<br>b<img src=x>c<input name=q>d<wbr>e<hr>f"#,
        r#"p("a",br,"b",img,"c",input,"d",wbr,"e"),hr,"f""#,
    ),
    case("self_closing_voids", r#"<p>a<br/>b<img src=x />c</p>"#, r#"p("a",br,"b",img,"c")"#),
    case("media_voids", r#"<video><source src=a><track src=b></video><p>x"#, r#"video(source,track),p("x")"#),
    case("self_closing_div_not_void", r#"<div/>a<p>b"#, r#"div("a",p("b"))"#),
    case("self_closing_span_not_void", r#"<span/>b<p>c"#, r#"span("b",p("c"))"#),
    case(
        "svg_self_closing",
        r#"<p>a<svg><path d=x /><circle r=1 /><title>t</title></svg>b</p>"#,
        r#"p("a",svg(?,?,title),"b")"#,
    ),
    case("svg_nested_self_closing", r#"<svg><g/><rect/><g><path/></g></svg><p>a"#, r#"svg(?,?,?(?)),p("a")"#),
    case("math_text_visible", r#"<p><math><mi>x</mi></math>y</p>"#, r#"p(math(?("x")),"y")"#),
    case("svg_p_breaks_out", r#"<svg><p>a</p></svg>"#, r#"svg,p("a")"#),
    case("svg_foreign_object", r#"<svg><foreignObject><p>a</p></foreignObject></svg>"#, r#"svg(?(p))"#),
    case("image_becomes_img", r#"<p>a<image src=x>b"#, r#"p("a",img,"b")"#),
    case("unclosed_svg_p_breaks_out", r#"<svg><path d=x><p>Article"#, r#"svg(?),p("Article")"#),
    case(
        "div_end_closes_unclosed_svg",
        r#"<div><svg viewBox="0 0 1 1"><path d="M0"></div><p>Article text</p>"#,
        r#"div(svg(?)),p("Article text")"#,
    ),
];

const HIDDEN: &[Case] = &[
    case("script_content", r#"<p>a<script>var x="<p>no</p>";</script>b</p>"#, r#"p("a",script,"b")"#),
    case("style_content", r#"<style>p{color:red}</style><p>a"#, r#"style,p("a")"#),
    case("template_content", r#"<template><p>t</p></template><p>a"#, r#"template(p),p("a")"#),
    case("textarea_content", r#"<p><textarea><p>x</p></textarea>a"#, r#"p(textarea,"a")"#),
    case("title_content", r#"<title>T &amp; x</title><p>a"#, r#"title,p("a")"#),
    case("noscript_in_head", r#"<noscript><p>ns</p></noscript><p>a"#, r#"noscript,p("a")"#),
    case("noscript_in_body", r#"<p>a<noscript><img src=x></noscript>b"#, r#"p("a",noscript,"b")"#),
    case("xmp_iframe", r#"<xmp><b>x</b></xmp><iframe><p>y</p></iframe>a"#, r#"xmp,iframe,"a""#),
    case("plaintext", r#"<p>a<plaintext><b>x</b>"#, r#"p("a"),plaintext("<b>x</b>")"#),
    case("comment_with_tags", r#"<div><!-- <p>x</p> -->a</div>"#, r#"div("a")"#),
    case(
        "head_content",
        r#"<html><head><title>t</title><meta charset=utf-8></head><body><p>a</p></body></html>"#,
        r#"html(head(title,meta),body(p("a")))"#,
    ),
];

const TEXT: &[Case] = &[
    case(
        "entities_named_numeric",
        r#"<p>a &amp; b</p><p>it&#8217;s &rsquo;q&rsquo;</p><p>&lt;tag&gt; &#x41;&#65;</p>"#,
        r#"p("a & b"),p("it’s ’q’"),p("<tag> AA")"#,
    ),
    case(
        "entity_without_semicolon",
        r#"<p>&copy 2024</p><p>&copy2024 &amp x</p><p>&notit; &notin;</p>"#,
        r#"p("© 2024"),p("©2024 & x"),p("¬it; ∉")"#,
    ),
    case("entity_special_numeric", r#"<p>&#x80;&#0;&#150;</p><p>&bogus; &</p>"#, r#"p("€�–"),p("&bogus; &")"#),
    // The scan's text folds every white space, no-break spaces included (it is for matching
    // and measuring); the emitted article keeps them.
    case("entity_nbsp", r#"<p>a&nbsp;b&nbsp;&nbsp;c</p>"#, r#"p("a b c")"#),
    case("text_before_any_tag", r#"hello<p>a"#, r#""hello",p("a")"#),
    case("attribute_with_gt", r#"<div title="a>b">c</div>"#, r#"div("c")"#),
    case(
        "whitespace_collapse",
        r#"<p>  a 
	 b  <b> c </b> d </p>"#,
        r#"p("a b",b("c"),"d")"#,
    ),
];

/// Cases parsed in quirks mode (no doctype), where `<table>` does not close an open `<p>`.
const QUIRKS: &[Case] = &[
    case("quirks_p_not_closed_by_table", r#"<p>a<table><tr><td>b</table>c"#, r#"p("a",table(tr(td("b"))),"c")"#),
    case("quirks_p_closed_by_div", r#"<p>a<div>b</div>"#, r#"p("a"),div("b")"#),
];

#[test]
fn p_closed_by_blocks_not_by_inline() {
    check(P_BLOCKS);
}

#[test]
fn list_items_and_definitions() {
    check(LISTS);
}

#[test]
fn table_cells_rows_sections_captions() {
    check(TABLES);
}

#[test]
fn select_options_and_optgroups() {
    check(SELECT);
}

#[test]
fn headings_links_buttons_forms_formatting() {
    check(NESTING);
}

#[test]
fn stray_and_multi_closing_end_tags() {
    check(STRAY);
}

#[test]
fn void_self_closing_and_foreign_elements() {
    check(VOIDS);
}

#[test]
fn raw_text_and_hidden_content() {
    check(HIDDEN);
}

#[test]
fn entities_and_white_space() {
    check(TEXT);
}

#[test]
#[ignore = "needs moved, cloned or end-tag-made elements, or end tags lol_html does not report (</h2> closing <h1>), which a one-pass scan with one row per start tag cannot see"]
fn beyond_one_pass_streaming() {
    check(LIMITS);
}

#[test]
fn quirks_mode_without_doctype() {
    check_with(QUIRKS, "");
}

#[test]
fn case_count() {
    let n = [P_BLOCKS, LISTS, TABLES, SELECT, NESTING, STRAY, VOIDS, HIDDEN, TEXT, QUIRKS, LIMITS]
        .iter()
        .map(|t| t.len())
        .sum::<usize>();
    assert!(n >= 40, "only {n} tree cases");
}

/// Text of script, style, template, textarea, title, noscript, iframe and svg is never in
/// `scan.text`; the text around it is.
#[test]
fn hidden_content_is_not_in_the_text() {
    let html = "<!DOCTYPE html><html><head><title>TITLETOKEN</title>\
        <style>p::after{content:'STYLETOKEN'}</style>\
        <script>document.write('SCRIPTTOKEN <p>x</p>')</script>\
        <noscript><p>HEADNOSCRIPTTOKEN</p></noscript></head><body>\
        <p>visible one</p>\
        <template><p>TEMPLATETOKEN</p></template>\
        <textarea>TEXTAREATOKEN <b>bold</b></textarea>\
        <noscript><p>NOSCRIPTTOKEN</p></noscript>\
        <iframe>IFRAMETOKEN</iframe>\
        <svg><title>SVGTITLETOKEN</title><text>SVGTEXTTOKEN</text></svg>\
        <script type=application/ld+json>{\"LDTOKEN\":1}</script>\
        <p>visible two</p></body></html>";
    let s = scan_ok(html);
    for token in [
        "TITLETOKEN",
        "STYLETOKEN",
        "SCRIPTTOKEN",
        "HEADNOSCRIPTTOKEN",
        "TEMPLATETOKEN",
        "TEXTAREATOKEN",
        "NOSCRIPTTOKEN",
        "IFRAMETOKEN",
        "SVGTITLETOKEN",
        "SVGTEXTTOKEN",
        "LDTOKEN",
        "bold",
    ] {
        assert!(!s.text.contains(token), "{token} is in scan.text: {:?}", s.text);
    }
    assert!(s.text.contains("visible one"), "{:?}", s.text);
    assert!(s.text.contains("visible two"), "{:?}", s.text);
    assert_eq!(s.meta.title, "TITLETOKEN");
}

/// An unclosed `<script>` swallows the rest of the page, as in a browser.
#[test]
fn unclosed_script_swallows_the_rest() {
    let s = scan_ok("<!DOCTYPE html><p>before</p><script>var a = 1; <p>after</p>");
    assert!(s.text.contains("before"));
    assert!(!s.text.contains("after"), "{:?}", s.text);
    let names: Vec<&str> = s.rows.iter().map(|r| r.tag.name()).collect();
    assert_eq!(names, ["p", "script"]);
}

#[test]
fn svg_title_is_not_the_page_title() {
    let s = scan_ok("<!DOCTYPE html><html><head><title>Real &amp; Co</title></head><body><svg><title>Icon</title></svg><p>Body</p></body></html>");
    assert_eq!(s.meta.title, "Real & Co");
    let s = scan_ok("<!DOCTYPE html><body><svg><title>Icon</title></svg><p>Body</p>");
    assert_eq!(s.meta.title, "", "an SVG title became the page title");
    let s = scan_ok("<!DOCTYPE html><body><svg><title>Icon</title></svg><title>Late</title><p>Body</p>");
    assert_eq!(s.meta.title, "Late");
}

#[test]
fn entities_are_decoded_in_the_text() {
    let s = scan_ok(
        "<!DOCTYPE html><p>a &amp; b</p><p>it&#8217;s &rsquo;q&rsquo; &#x2014; &mdash;</p>\
         <p>&copy 2024 &copy2024</p><p>x&nbsp;y</p><p>&lt;b&gt;</p>",
    );
    let t = &s.text;
    for want in ["a & b", "it\u{2019}s \u{2019}q\u{2019} \u{2014} \u{2014}", "\u{a9} 2024 \u{a9}2024", "<b>"] {
        assert!(t.contains(want), "{want:?} not in {t:?}");
    }
    // A browser keeps U+00A0; the scan's collapsed text may keep it or make it a space, but
    // never leaves the reference undecoded.
    assert!(t.contains("x\u{a0}y") || t.contains("x y"), "{t:?}");
    for raw in ["&amp", "&#", "&rsquo", "&mdash", "&copy", "&nbsp", "&lt", "&gt"] {
        assert!(!t.contains(raw), "{raw} undecoded in {t:?}");
    }
    // Rows point at the decoded text.
    let p = s.rows.iter().position(|r| r.tag.name() == "p").unwrap_or(usize::MAX);
    assert_eq!(s.text_of(p as u32), "a & b");
}

#[test]
fn blocks_are_separated_by_newlines() {
    let s = scan_ok("<!DOCTYPE html><h1>Title</h1><p>One <b>two</b>  three</p><ul><li>four<li>five</ul>six<br>seven");
    assert_eq!(s.text, "Title\nOne two three\nfour\nfive\nsix\nseven");
}

/// 100 000 nested `<div>`s, closed and unclosed, and 100 000 unclosed `<b>`s scan without
/// overflowing the (2 MiB) test thread stack.
#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    const N: usize = 100_000;
    let closed = format!("{}deep text{}", "<div>".repeat(N), "</div>".repeat(N));
    let unclosed = format!("{}deep text", "<div>".repeat(N));
    let bold = format!("<p>{}deep text", "<b>".repeat(N));
    for (what, html, rows) in
        [("closed divs", &closed, N), ("unclosed divs", &unclosed, N), ("unclosed b", &bold, N + 1)]
    {
        let s = scan(html, LIMIT).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert!(s.complete, "{what}");
        assert_eq!(s.rows.len(), rows, "{what}");
        let last = s.rows.len() - 1;
        assert_eq!(s.rows[last].depth as usize, rows - 1, "{what}: the innermost element's depth");
        assert_eq!(s.rows[last].parent(), Some(last as u32 - 1), "{what}");
        // An element's range may end with the separator after its last block child.
        assert_eq!(s.text_of(0).trim_end(), "deep text", "{what}");
        assert_eq!(s.text_of(last as u32), "deep text", "{what}");
    }
}

/// A million sibling paragraphs, with and without end tags, scan in linear time.
#[test]
fn a_million_sibling_paragraphs() {
    const N: usize = 1_000_000;
    for (what, html) in [("unclosed", "<p>x".repeat(N)), ("closed", "<p>x</p>".repeat(N))] {
        let started = Instant::now();
        let s = scan(&html, 4_000_000).unwrap_or_else(|e| panic!("{what}: {e}"));
        let took = started.elapsed();
        assert!(s.complete, "{what}");
        assert_eq!(s.rows.len(), N, "{what}");
        assert!(s.rows.iter().all(|r| r.parent().is_none() && r.depth == 0), "{what}: a paragraph nested in another");
        assert_eq!(s.text.trim_end().len(), 2 * N - 1, "{what}: the text is x\\nx\\n…");
        if !cfg!(debug_assertions) {
            assert!(took.as_secs_f64() < 10.0, "{what}: {N} paragraphs took {took:?}");
        }
    }
}

#[test]
fn element_limit_truncates() {
    let html = format!("<!DOCTYPE html>{}", "<p>para</p>".repeat(100));
    let s = scan(&html, 10).expect("a truncated scan is still a scan");
    assert!(s.rows.len() <= 10, "{} rows", s.rows.len());
    assert!(!s.complete);
    let s = scan(&html, 100).expect("scan");
    assert_eq!(s.rows.len(), 100);
    assert!(s.complete);
    // Truncated inside open elements: every row still has a sane text range.
    let nested = format!("{}x", "<div><span>".repeat(50));
    let s = scan(&nested, 10).expect("scan");
    assert!(s.rows.len() <= 10 && !s.complete);
    assert!(s.rows.iter().all(|r| r.text_start <= r.text_end && r.text_end as usize <= s.text.len()));
}

/// Deeply nested blocks scan in linear time: a block start must not search the whole
/// open-element stack for a `<p>` to close. Four times the elements must take well under
/// sixteen times as long (the best of two runs each, three tries, so a busy machine does not
/// fail it).
#[test]
fn deep_nesting_scans_in_linear_time() {
    if cfg!(debug_assertions) {
        return;
    }
    let time = |open: &str, elements: usize| {
        let units = elements / open.matches('<').count();
        let html = format!("{}x", open.repeat(units));
        (0..2)
            .map(|_| {
                let started = Instant::now();
                let s = scan(&html, 4_000_000).expect("scan");
                assert!(s.complete);
                started.elapsed().as_secs_f64()
            })
            .fold(f64::MAX, f64::min)
    };
    let mut slow = Vec::new();
    for open in [
        "<span>",
        "<b>",
        "<div>",
        "<section>",
        "<blockquote>",
        "<div><h2>",
        "<ul><li><div>",
        "<div><p>",
        "<table><tr><td>",
    ] {
        // Load on a shared machine comes in bursts: a failed comparison is measured again
        // (three tries); a quadratic scan fails every one.
        let linear = (0..3).any(|_| {
            let (small, large) = (time(open, 10_000), time(open, 40_000));
            let ok = large <= 8.0 * small + 0.05;
            if !ok {
                eprintln!("{open}: 10 000 elements {:.0} ms, 40 000 elements {:.0} ms", small * 1e3, large * 1e3);
            }
            ok
        });
        if !linear {
            slow.push(open.to_string());
        }
    }
    assert!(slow.is_empty(), "quadratic in nesting depth (times above): {}", slow.join(" "));
}

/// The `hidden` attribute on a container holding much of the page is undone (streaming
/// renderers park the page there); on a paragraph it hides for sure, however long.
#[test]
fn a_parked_container_shows_a_hidden_paragraph_does_not() {
    use unboil::scan::signals::sig;
    let long = "Lorem ipsum dolor sit amet, consetetur sadipscing elitr, sed diam nonumy. ".repeat(8);
    let html = format!("<body><p>{long}</p><div hidden><h2>Parked</h2><p>{long}</p></div><p hidden>{long}</p></body>");
    let s = scan_ok(&html);
    let hidden =
        |tag: &str| s.rows.iter().filter(|r| r.tag.name() == tag).map(|r| r.has(sig::HIDDEN)).collect::<Vec<_>>();
    assert_eq!(hidden("div"), [false], "the parked div counts as shown");
    assert_eq!(hidden("p"), [false, false, true], "only the hidden paragraph is hidden");
}
