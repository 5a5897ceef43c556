//! Plain text from the sanitized tree.
//!
//! White space is collapsed as a browser would, except inside `pre`. Blocks are separated by
//! one blank line; inside lists and tables, by a single line break. List items, definition
//! terms and descriptions, and table rows each take a line; table cells are separated by a
//! tab. The text is the running text: images and embedded media contribute nothing, and
//! neither do figure captions, which stay with their figures in the HTML and the Markdown.
use crate::emit::{Doc, NodeId};
use crate::emit::{Step, Traversal};
use crate::html::is_html_space;
use crate::render::mathml_tex;

/// Writes `doc` as plain text (see the module docs). The result has no leading or trailing
/// blank lines and no trailing line break.
pub fn to_text(doc: &Doc) -> String {
    let notes = super::notes::find(doc);
    let mut w = Writer::default();
    let mut steps = doc.traverse();
    while let Some(step) = steps.next_step() {
        match step {
            Step::Text(text) => w.text(text),
            // A footnote reference reads `[1]`, never glued to the word as `word1`.
            Step::Open(id, tag) => match notes.reference(id) {
                Some(label) => {
                    steps.skip_children();
                    w.text(&format!("[{label}]"));
                }
                None if notes.symbol_backlink(doc, id) => steps.skip_children(),
                None => w.open(doc, &mut steps, id, tag),
            },
            Step::Close(id, tag) => w.close(id, tag),
        }
    }
    w.finish()
}

/// Elements that start and end a block.
pub(crate) fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "blockquote"
            | "pre"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "caption"
            | "figure"
            | "figcaption"
            | "details"
            | "summary"
            | "hr"
    )
}

/// Elements whose content is not text to show (media, their sources and tracks).
pub(crate) fn is_opaque(tag: &str) -> bool {
    matches!(tag, "img" | "source" | "track" | "video" | "audio" | "iframe" | "col" | "colgroup")
}

/// The text being written and the state of the traversal.
#[derive(Default)]
struct Writer {
    out: String,
    /// Line breaks owed before the next content (0, 1 or 2).
    newlines: u8,
    /// A collapsed space owed before the next content on the same line.
    space: bool,
    /// Open lists (`ul`, `ol`, `dl`): inside them blocks are separated by one line break.
    lists: usize,
    /// Open tables.
    tables: usize,
    /// The cell being written; inside it blocks and line breaks become spaces.
    cell: Option<NodeId>,
    /// Cells written in the current row.
    row_cells: usize,
    /// The `pre` being read verbatim, and its text.
    pre: Option<(NodeId, String)>,
}

impl Writer {
    fn open(&mut self, doc: &Doc, steps: &mut Traversal<'_>, id: NodeId, tag: &'static str) {
        if let Some((_, buf)) = &mut self.pre {
            if tag == "br" {
                buf.push('\n');
            } else if is_opaque(tag) {
                steps.skip_children();
            }
            return;
        }
        if is_opaque(tag) || tag == "figcaption" {
            steps.skip_children();
            return;
        }
        match tag {
            "br" => {
                if self.cell.is_some() {
                    self.space = true;
                } else {
                    self.space = false;
                    self.newlines = (self.newlines + 1).min(2);
                }
            }
            // A formula is written as its TeX source, else as the text it shows (as
            // Readability's `textContent` has it; the Markdown writes TeX made from its MathML).
            "math" => {
                steps.skip_children();
                let source = mathml_tex::source(doc, id);
                self.text(&source.unwrap_or_else(|| mathml_tex::glyphs(doc, id)));
            }
            "pre" if self.cell.is_none() => {
                self.boundary();
                self.pre = Some((id, String::new()));
            }
            "td" | "th" if self.cell.is_some() => self.space = true,
            "td" | "th" if self.tables > 0 => {
                if self.row_cells > 0 {
                    self.space = false;
                    self.put("\t");
                }
                self.row_cells += 1;
                self.cell = Some(id);
            }
            _ if is_block(tag) => {
                self.boundary();
                match tag {
                    "ul" | "ol" | "dl" => self.lists += 1,
                    "table" => self.tables += 1,
                    "tr" if self.cell.is_none() => self.row_cells = 0,
                    _ => {}
                }
            }
            _ => {}
        }
    }

    fn close(&mut self, id: NodeId, tag: &'static str) {
        if let Some((pre_id, _)) = &self.pre {
            if *pre_id != id {
                return;
            }
            if let Some((_, buf)) = self.pre.take() {
                let buf = buf.replace("\r\n", "\n").replace('\r', "\n");
                let body = buf.trim_start_matches('\n').trim_end();
                if !body.is_empty() {
                    self.put(body);
                }
            }
            self.boundary();
            return;
        }
        match tag {
            "td" | "th" if self.cell == Some(id) => {
                self.cell = None;
                self.space = false;
            }
            "td" | "th" if self.cell.is_some() => self.space = true,
            _ if is_block(tag) => {
                match tag {
                    "ul" | "ol" | "dl" => self.lists = self.lists.saturating_sub(1),
                    "table" => self.tables = self.tables.saturating_sub(1),
                    _ => {}
                }
                self.boundary();
            }
            _ => {}
        }
    }

    /// Marks a block boundary: a blank line, a line break inside lists and tables, or a
    /// space inside table cells.
    fn boundary(&mut self) {
        if self.cell.is_some() {
            self.space = true;
            return;
        }
        self.space = false;
        let wanted = if self.lists > 0 || self.tables > 0 { 1 } else { 2 };
        self.newlines = self.newlines.max(wanted);
    }

    fn text(&mut self, text: &str) {
        if let Some((_, buf)) = &mut self.pre {
            buf.push_str(text);
            return;
        }
        // HTML's white space is ASCII, so it is found byte by byte.
        let space = |b: &u8| is_html_space(char::from(*b));
        let mut rest = text;
        while !rest.is_empty() {
            let word_end = rest.as_bytes().iter().position(space).unwrap_or(rest.len());
            let (word, tail) = rest.split_at(word_end);
            if !word.is_empty() {
                self.put(word);
            }
            let space_end = tail.as_bytes().iter().take_while(|b| space(b)).count();
            if space_end > 0 {
                self.space = true;
            }
            rest = tail.get(space_end..).unwrap_or("");
        }
    }

    /// Writes visible content, after any owed line breaks or space.
    fn put(&mut self, s: &str) {
        if !self.out.is_empty() {
            if self.newlines > 0 {
                for _ in 0..self.newlines {
                    self.out.push('\n');
                }
            } else if self.space && !self.out.ends_with(['\n', '\t']) {
                self.out.push(' ');
            }
        }
        self.newlines = 0;
        self.space = false;
        self.out.push_str(s);
    }

    fn finish(mut self) -> String {
        let end = self.out.trim_end_matches(['\n', ' ']).len();
        self.out.truncate(end);
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_separated_by_one_blank_line() {
        let mut d = Doc::default();
        d.push_with_text(Doc::ROOT, "h1", "  Title  ");
        d.push_with_text(Doc::ROOT, "p", "\n first   para\n ");
        let div = d.push_with_text(Doc::ROOT, "div", "");
        let inner = d.push_with_text(div, "div", "");
        d.push_with_text(inner, "p", "nested");
        d.push_with_text(Doc::ROOT, "div", "");
        let p = d.push_with_text(Doc::ROOT, "p", "a ");
        d.push_with_text(p, "em", "b");
        d.push_text(p, "c ");
        d.push_with_text(p, "strong", " d");
        assert_eq!(to_text(&d), "Title\n\nfirst para\n\nnested\n\na bc d");
    }

    #[test]
    fn lists_tables_pre_and_breaks() {
        let mut d = Doc::default();
        d.push_with_text(Doc::ROOT, "p", "intro");
        let ul = d.push_with_text(Doc::ROOT, "ul", "");
        d.push_with_text(ul, "li", "one");
        let li = d.push_with_text(ul, "li", "two");
        let ol = d.push_with_text(li, "ol", "");
        d.push_with_text(ol, "li", "two.a");
        let li2 = d.push_with_text(ol, "li", "");
        d.push_with_text(li2, "p", "two.b");
        d.push_with_text(ul, "li", "three");
        let table = d.push_with_text(Doc::ROOT, "table", "");
        d.push_with_text(table, "caption", "Cap");
        let tb = d.push_with_text(table, "tbody", "");
        let tr = d.push_with_text(tb, "tr", "");
        d.push_with_text(tr, "th", "A");
        d.push_with_text(tr, "th", " B ");
        let tr = d.push_with_text(tb, "tr", "");
        d.push_with_text(tr, "td", "");
        let td = d.push_with_text(tr, "td", "x");
        d.push_with_text(td, "br", "");
        d.push_text(td, "y");
        let pre = d.push_with_text(Doc::ROOT, "pre", "");
        d.push_with_text(pre, "code", "fn main() {\n    let  x;\n}\n");
        let p = d.push_with_text(Doc::ROOT, "p", "line one");
        d.push_with_text(p, "br", "");
        d.push_text(p, " line two");
        d.push_with_text(p, "img", "");
        d.push_with_text(p, "br", "");
        d.push_with_text(p, "br", "");
        d.push_with_text(p, "br", "");
        d.push_text(p, "after");
        let fig = d.push_with_text(Doc::ROOT, "figure", "");
        d.push_with_text(fig, "img", "");
        d.push_with_text(fig, "figcaption", "Caption");
        assert_eq!(
            to_text(&d),
            "intro\n\none\ntwo\ntwo.a\ntwo.b\nthree\n\nCap\nA\tB\n\tx y\n\n\
             fn main() {\n    let  x;\n}\n\nline one\nline two\n\nafter"
        );
    }

    #[test]
    fn math_prefers_annotation() {
        let mut d = Doc::default();
        let p = d.push_with_text(Doc::ROOT, "p", "see ");
        let m = d.push_with_text(p, "math", "");
        let s = d.push_with_text(m, "semantics", "");
        let r = d.push_with_text(s, "mrow", "");
        d.push_with_text(r, "mi", "x");
        d.push_with_text(r, "mn", "2");
        let a = d.push_element(s, "annotation", vec![("encoding", "application/x-tex".into())]);
        d.push_text(a, "x^2");
        d.push_text(p, " and ");
        let m = d.push_with_text(p, "math", "");
        let r = d.push_with_text(m, "msqrt", "");
        d.push_with_text(r, "mi", "α");
        assert_eq!(to_text(&d), "see x^2 and α");
    }
}
