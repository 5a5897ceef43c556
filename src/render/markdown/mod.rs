//! CommonMark, with GFM tables and strikethrough, from the sanitized tree.
//!
//! Blocks are written line by line under a stack of containers (block quotes and list
//! items) that gives each line its prefix. Inline content is gathered as pieces and only
//! turned into Markdown when its block ends, when the neighbours of every emphasis marker are
//! known: markers that could not open or close where they stand are dropped (the text stays),
//! and every character that would otherwise be read as syntax is escaped.
//!
//! What becomes what: ATX headings; `*em*` (or `_em_` next to `**`), `**strong**`,
//! `~~del~~`; code spans with enough backticks; fenced code with the language of a
//! `language-xxx` class, its figure's caption (a file name) on the line before it; `[text](url "title")`, with `<...>` around URLs holding spaces;
//! `![alt](src)`; `-` and `1.` lists (the other marker, `*` or `)`, when two lists touch);
//! `> ` quotes; `---`; backslash hard breaks; GFM tables, with their caption as a paragraph
//! before them; video, audio and iframes as links to their source; math as its TeX
//! ([`mathml_tex`](crate::render::mathml_tex): its annotation, else written from its MathML)
//! in `$…$` (`$$…$$` for display math); callouts
//! (`blockquote[data-callout]`) as `> [!kind]`; footnotes as `[^n]` with `[^n]:`
//! definitions at the end ([`notes`]). Empty list items are left out.
//!
//! Containers nest at most 32 deep (`block::MAX_CONTAINERS`); deeper block quotes and lists
//! are written as plain blocks, so the output stays linear in the size of the tree.
//!
//! `inline.rs` writes emphasis, code spans, links and escapes; `block.rs` writes the lines.

mod block;
mod inline;

use crate::emit::{Doc, Step};
use crate::render::notes::{self, Notes};
use block::Markdown;

/// Writes `doc` as CommonMark with GFM tables and strikethrough (see the module docs). The
/// result ends with one line break, or is empty.
pub fn to_markdown(doc: &Doc) -> String {
    let notes = notes::find(doc);
    let mut out = write(doc, &notes);
    for (note, label) in notes.notes() {
        let body = write(&notes::note_doc(doc, note, &notes), &Notes::default());
        let body = body.trim_start_matches(|c: char| c == '^' || c.is_whitespace());
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!("[^{label}]:"));
        for (k, line) in body.lines().enumerate() {
            match (k, line.is_empty()) {
                (0, _) => out.push(' '),
                (_, false) => out.push_str("    "),
                (_, true) => {}
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        if body.is_empty() {
            out.push('\n');
        }
    }
    out
}

/// The Markdown of `doc`, footnote references written as `[^n]` and the notes left out.
fn write(doc: &Doc, notes: &Notes) -> String {
    let mut md = Markdown::new(doc, notes);
    let mut steps = doc.traverse();
    while let Some(step) = steps.next_step() {
        match step {
            Step::Text(text) => md.text(text),
            Step::Open(id, tag) => md.open(&mut steps, id, tag),
            Step::Close(id, tag) => md.close(id, tag),
        }
    }
    md.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_list_layout() {
        let mut d = Doc::default();
        d.push_with_text(Doc::ROOT, "p", "Intro");
        let ul = d.push_with_text(Doc::ROOT, "ul", "");
        let li = d.push_with_text(ul, "li", "one");
        let ol = d.push_element(li, "ol", vec![("start", "9".into())]);
        d.push_with_text(ol, "li", "nine");
        let li10 = d.push_with_text(ol, "li", "ten");
        let inner = d.push_with_text(li10, "ul", "");
        d.push_with_text(inner, "li", "deep");
        d.push_with_text(ul, "li", "two");
        let ul2 = d.push_with_text(Doc::ROOT, "ul", "");
        d.push_with_text(ul2, "li", "other list");
        assert_eq!(to_markdown(&d), "Intro\n\n- one\n\n  9. nine\n  10. ten\n      - deep\n- two\n\n* other list\n");
    }

    #[test]
    fn blocks() {
        let mut d = Doc::default();
        d.push_with_text(Doc::ROOT, "h2", "Title #1");
        let bq = d.push_with_text(Doc::ROOT, "blockquote", "");
        d.push_with_text(bq, "p", "quoted");
        let ul = d.push_with_text(bq, "ul", "");
        d.push_with_text(ul, "li", "item");
        let pre = d.push_with_text(Doc::ROOT, "pre", "");
        let code = d.push_element(pre, "code", vec![("class", "language-rust".into())]);
        d.push_text(code, "let a = \"```\";\n");
        d.push_with_text(Doc::ROOT, "hr", "");
        let p = d.push_with_text(Doc::ROOT, "p", "a");
        d.push_with_text(p, "br", "");
        d.push_text(p, "b ");
        let em = d.push_with_text(p, "em", " c ");
        d.push_with_text(em, "strong", "d");
        assert_eq!(
            to_markdown(&d),
            "## Title #1\n\n> quoted\n>\n> - item\n\n````rust\nlet a = \"```\";\n````\n\n---\n\n\
             a\\\nb _c **d**_\n"
        );
    }

    #[test]
    fn table() {
        let mut d = Doc::default();
        let t = d.push_with_text(Doc::ROOT, "table", "");
        let head = d.push_with_text(t, "thead", "");
        let tr = d.push_with_text(head, "tr", "");
        d.push_with_text(tr, "th", "A|B");
        d.push_with_text(tr, "th", "C");
        let body = d.push_with_text(t, "tbody", "");
        let tr = d.push_with_text(body, "tr", "");
        let td = d.push_with_text(tr, "td", "x");
        d.push_with_text(td, "br", "");
        d.push_with_text(td, "code", "a|b");
        assert_eq!(to_markdown(&d), "| A\\|B | C |\n| --- | --- |\n| x `a\\|b` |  |\n");
        // A head written after the body still heads the table.
        let mut d = Doc::default();
        let t = d.push_with_text(Doc::ROOT, "table", "");
        let body = d.push_with_text(t, "tbody", "");
        let tr = d.push_with_text(body, "tr", "");
        d.push_with_text(tr, "td", "body");
        let head = d.push_with_text(t, "thead", "");
        let tr = d.push_with_text(head, "tr", "");
        d.push_with_text(tr, "th", "head");
        assert_eq!(to_markdown(&d), "| head |\n| --- |\n| body |\n");
    }

    #[test]
    fn media_math_and_definitions() {
        let mut d = Doc::default();
        let v = d.push_element(Doc::ROOT, "video", vec![("poster", "p.jpg".into())]);
        d.push_element(v, "source", vec![("src", "/v.mp4".into())]);
        d.push_text(v, "fallback text");
        d.push_element(
            Doc::ROOT,
            "iframe",
            vec![("src", "https://e.test/embed?a=1".into()), ("title", "A [demo]".into())],
        );
        let p = d.push_with_text(Doc::ROOT, "p", "E = ");
        let m = d.push_with_text(p, "math", "");
        let sem = d.push_with_text(m, "semantics", "");
        d.push_with_text(sem, "mi", "m");
        let note = d.push_element(sem, "annotation", vec![("encoding", "application/x-tex".into())]);
        d.push_text(note, "mc^2");
        let dl = d.push_with_text(Doc::ROOT, "dl", "");
        d.push_with_text(dl, "dt", "Term");
        d.push_with_text(dl, "dd", "Definition");
        let p = d.push_with_text(Doc::ROOT, "p", "");
        let a = d.push_element(p, "a", vec![("href", "/u".into())]);
        d.push_with_text(a, "code", "]:");
        d.push_text(a, " x");
        assert_eq!(
            to_markdown(&d),
            "[Video](/v.mp4)[A \\[demo\\]](https://e.test/embed?a=1)\n\nE = $mc^2$\n\n\
             Term\n\nDefinition\n\n`]:` x\n"
        );
    }
}
