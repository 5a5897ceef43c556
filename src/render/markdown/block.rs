//! Block Markdown: paragraphs and headings, lists, block quotes, fenced code, rules, GFM
//! tables and media, written line by line under a stack of containers (block quotes and list
//! items) that gives each line its prefix.

use super::inline::{bracket_text, collapse, link_destination, link_title, longest_run, render_cell, render_inline, Emph, Piece};
use crate::emit::callout;
use crate::emit::{to_html, Doc, NodeId, NodeKind, Traversal};
use crate::html::is_html_space;
use crate::render::mathml_tex;
use crate::render::notes::{short_text, Notes};
use crate::render::text::{is_block, is_opaque};

/// Deepest nesting of block quotes and list items written as such.
const MAX_CONTAINERS: usize = 32;

/// Largest ordered-list number CommonMark accepts.
const MAX_LIST_NUMBER: u64 = 999_999_999;

/// What a blank line is owed before the next line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    /// Nothing.
    None,
    /// A blank line, unless the next line starts a list item with content that may
    /// interrupt a paragraph.
    Soft,
    /// A blank line, unless the next line starts a list item.
    Item,
    /// A blank line.
    Blank,
}

/// A block container giving its lines a prefix.
enum Container {
    Quote { id: NodeId, lines_at_open: usize },
    Item { id: NodeId, marker: String, pending: bool },
}

/// An open list.
struct List {
    id: NodeId,
    ordered: bool,
    next: u64,
    delim: char,
    /// Too deep: its items are written as plain blocks.
    flat: bool,
    lines_at_open: usize,
}

/// Inline markup open around the current position.
enum OpenInline {
    Emph(Emph),
    Link(String),
}

impl OpenInline {
    fn open_piece(&self) -> Piece {
        match self {
            OpenInline::Emph(k) => Piece::Open(*k),
            OpenInline::Link(_) => Piece::LinkOpen,
        }
    }

    fn close_piece(&self) -> Piece {
        match self {
            OpenInline::Emph(k) => Piece::Close(*k),
            OpenInline::Link(close) => Piece::LinkClose(close.clone()),
        }
    }
}

/// What raw text is being gathered for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RawKind {
    Pre,
    Code,
}

/// An element whose text is gathered verbatim (`pre`, `code`).
struct Raw {
    kind: RawKind,
    id: NodeId,
    text: String,
    lang: Option<String>,
}

/// The outermost table being gathered.
struct Table {
    id: NodeId,
    rows: Vec<Vec<String>>,
    row: Option<(Option<NodeId>, Vec<String>)>,
    cell: Option<(NodeId, usize)>,
    caption: Option<NodeId>,
    caption_text: String,
    /// The `thead` being read, and the index of the first row read in one.
    head: Option<NodeId>,
    head_row: Option<usize>,
}

/// The Markdown being written and the state of the traversal.
pub(super) struct Markdown<'a> {
    doc: &'a Doc,
    out: String,
    lines: usize,
    containers: Vec<Container>,
    lists: Vec<List>,
    sep: Sep,
    last_para: bool,
    after_list: Option<(usize, char)>,
    inline: Vec<Piece>,
    open_inline: Vec<(NodeId, OpenInline)>,
    heading: Option<(NodeId, usize)>,
    raw: Option<Raw>,
    table: Option<Table>,
    notes: &'a Notes,
    /// A callout's title that only names its kind, or a code block's caption, left out
    /// where it stands.
    skip: Option<NodeId>,
    /// The caption line of the code block that comes next.
    code_caption: Option<String>,
}

impl<'a> Markdown<'a> {
    pub(super) fn new(doc: &'a Doc, notes: &'a Notes) -> Self {
        Markdown {
            doc,
            out: String::new(),
            lines: 0,
            containers: Vec::new(),
            lists: Vec::new(),
            sep: Sep::None,
            last_para: false,
            after_list: None,
            inline: Vec::new(),
            open_inline: Vec::new(),
            heading: None,
            raw: None,
            table: None,
            notes,
            skip: None,
            code_caption: None,
        }
    }

    /// Inside a heading or a table, blocks are flattened into inline content.
    fn leaf(&self) -> bool {
        self.heading.is_some() || self.table.is_some()
    }

    // -- lines ----------------------------------------------------------------------------

    /// Whether the pending list marker may start a list right after a paragraph line
    /// (bullets and ordered lists starting at 1 may).
    fn marker_interrupts(&self) -> bool {
        self.containers.iter().any(|c| {
            matches!(c, Container::Item { marker, pending: true, .. }
                if !marker.starts_with(|c: char| c.is_ascii_digit()) || marker.starts_with("1")
                    && marker.len() == 2)
        })
    }

    /// List items whose marker is not written yet.
    fn pending_items(&self) -> usize {
        self.containers.iter().filter(|c| matches!(c, Container::Item { pending: true, .. })).count()
    }

    /// The prefix of a line. A blank line stops at the first container that has not written
    /// a line yet; a content line writes the pending list markers, or only the first of them
    /// when `first_only`.
    fn prefix(&mut self, content: bool, first_only: bool) -> String {
        let mut p = String::new();
        let lines = self.lines;
        for c in &mut self.containers {
            match c {
                Container::Quote { lines_at_open, .. } => {
                    if !content && *lines_at_open == lines {
                        break;
                    }
                    p.push_str("> ");
                }
                Container::Item { marker, pending, .. } => {
                    if !*pending {
                        p.extend(std::iter::repeat_n(' ', marker.len() + 1));
                    } else if content {
                        p.push_str(marker);
                        p.push(' ');
                        *pending = false;
                        if first_only {
                            break;
                        }
                    } else {
                        break;
                    }
                }
            }
        }
        p
    }

    fn push_line(&mut self, prefix: &str, content: &str) {
        if content.is_empty() {
            self.out.push_str(prefix.trim_end());
        } else {
            self.out.push_str(prefix);
            self.out.push_str(content);
        }
        self.out.push('\n');
    }

    /// Writes one line under the current containers, after a blank line if one is owed.
    /// Of several list items opened at once, each but the last gets its marker on a line of
    /// its own (`- - -` would be a thematic break).
    fn write_line(&mut self, content: &str) {
        let mut pending = self.pending_items();
        let blank = match self.sep {
            Sep::None => false,
            Sep::Soft => pending != 1 || content.is_empty() || !self.marker_interrupts(),
            Sep::Item => pending == 0,
            Sep::Blank => true,
        };
        self.sep = Sep::None;
        if blank && !self.out.is_empty() {
            let p = self.prefix(false, false);
            self.push_line(&p, "");
        }
        while pending > 1 {
            let p = self.prefix(true, true);
            self.push_line(&p, "");
            self.lines += 1;
            pending -= 1;
        }
        let p = self.prefix(true, false);
        self.push_line(&p, content);
        self.lines += 1;
        self.after_list = None;
    }

    fn write_block<S: AsRef<str>>(&mut self, lines: &[S]) {
        if lines.is_empty() {
            return;
        }
        for line in lines {
            self.write_line(line.as_ref());
        }
        self.sep = Sep::Blank;
        self.last_para = false;
    }

    /// Writes the marker of a list item that has no content yet on a line of its own.
    fn flush_marker(&mut self) {
        if matches!(self.containers.last(), Some(Container::Item { pending: true, .. })) {
            self.write_line("");
        }
    }

    // -- inline ---------------------------------------------------------------------------

    /// Appends text: each run of white space becomes one space, and words that follow text
    /// and a space join that text's piece, so a long paragraph is one piece, not one per word.
    fn push_text(&mut self, text: &str) {
        // HTML's white space is ASCII, so it is found byte by byte.
        let space = |b: &u8| is_html_space(char::from(*b));
        let mut rest = text;
        while !rest.is_empty() {
            let word = rest.as_bytes().iter().position(space).unwrap_or(rest.len());
            if word > 0 {
                self.push_word(&rest[..word]);
            }
            let gap = rest.as_bytes()[word..].iter().take_while(|b| space(b)).count();
            if gap > 0 && !matches!(self.inline.last(), Some(Piece::Space)) {
                self.inline.push(Piece::Space);
            }
            rest = &rest[word + gap..];
        }
    }

    /// Appends characters without white space to the inline content.
    fn push_word(&mut self, word: &str) {
        let n = self.inline.len();
        let joins =
            n >= 2 && matches!(self.inline[n - 1], Piece::Space) && matches!(self.inline[n - 2], Piece::Text(_));
        if joins {
            self.inline.pop();
        }
        match self.inline.last_mut() {
            Some(Piece::Text(t)) => {
                if joins {
                    t.push(' ');
                }
                t.push_str(word);
            }
            _ => self.inline.push(Piece::Text(word.to_string())),
        }
    }

    /// Takes the inline content gathered so far, closing open markup at its end and opening
    /// it again for what follows.
    fn take_inline(&mut self) -> Vec<Piece> {
        let mut pieces = std::mem::take(&mut self.inline);
        pieces.extend(self.open_inline.iter().rev().map(|(_, o)| o.close_piece()));
        self.inline.extend(self.open_inline.iter().map(|(_, o)| o.open_piece()));
        pieces
    }

    /// Ends the last paragraph and returns the Markdown, ending with one line break (or empty).
    pub(super) fn finish(mut self) -> String {
        self.flush_para();
        let end = self.out.trim_end_matches('\n').len();
        self.out.truncate(end);
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.out
    }

    fn flush_para(&mut self) {
        let pieces = self.take_inline();
        let text = render_inline(pieces, false);
        if text.is_empty() {
            return;
        }
        let lines: Vec<&str> = text.split('\n').collect();
        self.write_block(&lines);
        self.last_para = true;
    }

    /// A block boundary: a space inside headings and tables, else the end of a paragraph.
    fn boundary(&mut self) {
        if self.leaf() {
            self.inline.push(Piece::Space);
        } else {
            self.flush_para();
        }
    }

    fn open_emph(&mut self, id: NodeId, kind: Emph) {
        if self.open_inline.iter().any(|(_, o)| matches!(o, OpenInline::Emph(k) if *k == kind)) {
            return;
        }
        self.open_inline.push((id, OpenInline::Emph(kind)));
        self.inline.push(Piece::Open(kind));
    }

    fn open_link(&mut self, id: NodeId) {
        if self.open_inline.iter().any(|(_, o)| matches!(o, OpenInline::Link(_))) {
            return;
        }
        let Some(href) = self.doc.attr(id, "href").filter(|h| !h.is_empty()) else { return };
        let close = format!("]({}{})", link_destination(href), link_title(self.doc.attr(id, "title")));
        self.open_inline.push((id, OpenInline::Link(close)));
        self.inline.push(Piece::LinkOpen);
    }

    fn in_link(&self) -> bool {
        self.open_inline.iter().any(|(_, o)| matches!(o, OpenInline::Link(_)))
    }

    fn media(&mut self, id: NodeId, tag: &str) {
        let doc = self.doc;
        match tag {
            "img" => {
                let Some(src) = doc.attr(id, "src").filter(|s| !s.is_empty()) else { return };
                let alt = bracket_text(doc.attr(id, "alt").unwrap_or(""));
                let title = link_title(doc.attr(id, "title"));
                self.inline.push(Piece::Raw(format!("![{alt}]({}{title})", link_destination(src))));
            }
            "video" | "audio" | "iframe" => {
                let src = doc.attr(id, "src").filter(|s| !s.is_empty()).or_else(|| {
                    doc.children(id).iter().find_map(|&c| {
                        (doc.tag(c) == Some("source")).then(|| doc.attr(c, "src")).flatten().filter(|s| !s.is_empty())
                    })
                });
                let Some(src) = src else { return };
                let label = doc.attr(id, "title").map(collapse).filter(|t| !t.is_empty());
                let label = label.unwrap_or_else(|| {
                    match tag {
                        "video" => "Video",
                        "audio" => "Audio",
                        _ => "Embedded content",
                    }
                    .to_string()
                });
                if self.in_link() {
                    self.push_text(&label);
                } else {
                    let raw = format!("[{}]({})", bracket_text(&label), link_destination(src));
                    self.inline.push(Piece::Raw(raw));
                }
            }
            _ => {}
        }
    }

    // -- events ---------------------------------------------------------------------------

    pub(super) fn text(&mut self, text: &str) {
        if let Some(raw) = &mut self.raw {
            raw.text.push_str(text);
        } else {
            self.push_text(text);
        }
    }

    pub(super) fn open(&mut self, steps: &mut Traversal<'_>, id: NodeId, tag: &'static str) {
        if let Some(raw) = &mut self.raw {
            match (raw.kind, tag) {
                (RawKind::Pre, "br") => raw.text.push('\n'),
                (RawKind::Code, "br") => raw.text.push(' '),
                (RawKind::Pre, "code") if raw.lang.is_none() => {
                    raw.lang = self.doc.attr(id, "class").and_then(language_of);
                }
                _ if is_opaque(tag) => steps.skip_children(),
                _ => {}
            }
            return;
        }
        if is_opaque(tag) {
            steps.skip_children();
            self.media(id, tag);
            return;
        }
        if let Some(label) = self.notes.reference(id) {
            steps.skip_children();
            self.inline.push(Piece::Raw(format!("[^{label}]")));
            return;
        }
        if self.notes.skipped(id) || self.skip == Some(id) {
            steps.skip_children();
            return;
        }
        if self.table.is_some() && self.table_open(id, tag) {
            return;
        }
        match tag {
            "br" if self.leaf() => self.inline.push(Piece::Space),
            "br" => self.inline.push(Piece::Break),
            "hr" if self.leaf() => self.inline.push(Piece::Space),
            "hr" => {
                self.flush_para();
                self.flush_marker();
                self.write_block(&["---"]);
            }
            "pre" | "code" => {
                let kind = if tag == "pre" && !self.leaf() {
                    self.flush_para();
                    RawKind::Pre
                } else {
                    RawKind::Code
                };
                let lang = self.doc.attr(id, "class").and_then(language_of);
                self.raw = Some(Raw { kind, id, text: String::new(), lang });
            }
            "math" => {
                steps.skip_children();
                let tex = collapse(&mathml_tex::tex(self.doc, id));
                if !tex.is_empty() {
                    let delim = if self.doc.attr(id, "display") == Some("block") { "$$" } else { "$" };
                    self.inline.push(Piece::Raw(format!("{delim}{tex}{delim}")));
                }
            }
            "em" | "i" => self.open_emph(id, Emph::Em),
            "strong" | "b" => self.open_emph(id, Emph::Strong),
            "del" | "s" => self.open_emph(id, Emph::Del),
            "a" => self.open_link(id),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" if !self.leaf() => {
                self.flush_para();
                let level = tag.as_bytes().get(1).map_or(1, |b| usize::from(b - b'0'));
                self.heading = Some((id, level));
            }
            "blockquote" if !self.leaf() && self.containers.len() < MAX_CONTAINERS => {
                self.flush_para();
                self.containers.push(Container::Quote { id, lines_at_open: self.lines });
                if let Some(kind) = self.doc.attr(id, "data-callout") {
                    self.open_callout(id, kind);
                }
            }
            "figure" if !self.leaf() => {
                self.boundary();
                self.open_code_figure(id);
            }
            "ul" | "ol" if !self.leaf() => self.open_list(id, tag == "ol"),
            "li" if !self.leaf() => self.open_item(id),
            "table" if !self.leaf() => {
                self.flush_para();
                if let Some(html) = self.spanning_table(id) {
                    steps.skip_children();
                    self.write_block(&html.lines().collect::<Vec<_>>());
                    return;
                }
                self.table = Some(Table {
                    id,
                    rows: Vec::new(),
                    row: None,
                    cell: None,
                    caption: None,
                    caption_text: String::new(),
                    head: None,
                    head_row: None,
                });
            }
            _ if is_block(tag) => self.boundary(),
            _ => {}
        }
    }

    pub(super) fn close(&mut self, id: NodeId, tag: &'static str) {
        if let Some(raw) = &mut self.raw {
            if raw.id == id {
                if let Some(raw) = self.raw.take() {
                    self.finish_raw(raw);
                }
            }
            return;
        }
        if let Some(pos) = self.open_inline.iter().rposition(|(o, _)| *o == id) {
            let (_, o) = self.open_inline.remove(pos);
            self.inline.push(o.close_piece());
            return;
        }
        if self.table.is_some() && self.table_close(id) {
            return;
        }
        if matches!(self.heading, Some((h, _)) if h == id) {
            let level = self.heading.take().map_or(1, |(_, l)| l);
            let pieces = self.take_inline();
            let text = render_inline(pieces, true);
            if !text.is_empty() {
                self.write_block(&[format!("{} {text}", "#".repeat(level))]);
            }
            return;
        }
        match self.containers.last() {
            Some(Container::Quote { id: q, lines_at_open }) if *q == id => {
                let start = *lines_at_open;
                self.flush_para();
                self.containers.pop();
                if self.lines > start {
                    self.sep = Sep::Blank;
                    self.last_para = false;
                }
                return;
            }
            Some(Container::Item { id: item, .. }) if *item == id => {
                // An empty item is left out: it shows nothing, and a Markdown list item
                // without content confuses readers of what follows it.
                self.flush_para();
                if let Some(Container::Item { pending: false, .. }) = self.containers.pop() {
                    self.sep = Sep::Item;
                    self.last_para = false;
                }
                return;
            }
            _ => {}
        }
        if matches!(self.lists.last(), Some(l) if l.id == id) {
            self.flush_para();
            if let Some(list) = self.lists.pop() {
                // A list left empty leaves no trace.
                if !list.flat && self.lines > list.lines_at_open {
                    self.sep = Sep::Blank;
                    self.last_para = false;
                    self.after_list = Some((self.containers.len(), list.delim));
                }
            }
            return;
        }
        if tag == "figure" {
            // A caption whose code block was not written as one is not carried further.
            self.code_caption = None;
        }
        if is_block(tag) {
            self.boundary();
        }
    }

    /// Starts a callout with its `[!kind]` line (an alert to GitHub, a callout to Obsidian);
    /// the paragraph after it continues it. A first line that only names the kind goes.
    fn open_callout(&mut self, id: NodeId, kind: &str) {
        let mut blocks = content_children(self.doc, id);
        let first = blocks.next();
        if let (Some(first), Some(_)) = (first, blocks.next()) {
            let title = matches!(self.doc.tag(first), Some("p" | "div" | "summary" | "h2" | "h3" | "h4" | "h5" | "h6"))
                .then(|| short_text(self.doc, first, 80))
                .flatten();
            if title.is_some_and(|t| callout::is_kind_title(&t, kind)) {
                self.skip = Some(first);
            }
        }
        self.write_block(&[format!("[!{kind}]")]);
        self.sep = Sep::None;
    }

    /// A figure of a caption and a code block (a file name above it): the caption becomes a
    /// line right before the fence, a code span when it is one word (`` `app.py` ``). Not an
    /// info-string attribute (`py title="app.py"`): every Markdown reader shows the line,
    /// generators spell that attribute differently, and the language stays the info string's
    /// only word.
    fn open_code_figure(&mut self, id: NodeId) {
        let mut kids = content_children(self.doc, id);
        let (Some(caption), Some(code)) = (kids.next(), kids.next()) else { return };
        if self.doc.tag(caption) != Some("figcaption") || self.doc.tag(code) != Some("pre") {
            return;
        }
        let Some(text) = short_text(self.doc, caption, 200).map(|t| collapse(&t)).filter(|t| !t.is_empty()) else {
            return;
        };
        let piece = if text.contains(' ') { Piece::Text(text) } else { Piece::Code(text) };
        self.skip = Some(caption);
        self.code_caption = Some(render_inline(vec![piece], false));
    }

    /// The HTML of a table with cells spanning rows or columns, which a GFM table cannot
    /// hold; `None` for other tables, or when the HTML would hold a blank line (which ends an
    /// HTML block).
    fn spanning_table(&self, table: NodeId) -> Option<String> {
        let mut stack = vec![table];
        // A well-formed table has fewer nodes than the tree; more means a cycle.
        let mut budget = self.doc.nodes.len();
        let mut spans = false;
        while let Some(n) = stack.pop() {
            budget = budget.checked_sub(1)?;
            if matches!(self.doc.tag(n), Some("td" | "th"))
                && ["colspan", "rowspan"].iter().any(|a| self.doc.attr(n, a).is_some_and(|v| v.trim() != "1"))
            {
                spans = true;
                break;
            }
            stack.extend(self.doc.children(n));
        }
        if !spans {
            return None;
        }
        let html = to_html(&self.doc.subtree(table));
        (!html.lines().any(|l| l.trim().is_empty())).then_some(html)
    }

    fn open_list(&mut self, id: NodeId, ordered: bool) {
        self.flush_para();
        let flat = self.containers.len() >= MAX_CONTAINERS;
        let start = if ordered {
            self.doc
                .attr(id, "start")
                .and_then(|s| s.trim().parse::<i64>().ok())
                .map_or(1, |n| n.clamp(0, MAX_LIST_NUMBER as i64) as u64)
        } else {
            1
        };
        let (usual, other) = if ordered { ('.', ')') } else { ('-', '*') };
        let mut delim = usual;
        if !flat {
            if self.after_list == Some((self.containers.len(), usual)) {
                delim = other;
            }
            let in_item = matches!(self.containers.last(), Some(Container::Item { .. }));
            if self.sep == Sep::Blank && self.last_para && in_item {
                self.sep = Sep::Soft;
            }
        }
        self.lists.push(List { id, ordered, next: start, delim, flat, lines_at_open: self.lines });
    }

    fn open_item(&mut self, id: NodeId) {
        self.flush_para();
        let depth = self.containers.len();
        let Some(list) = self.lists.last_mut() else { return };
        if list.flat || depth >= MAX_CONTAINERS {
            return;
        }
        let marker = if list.ordered { format!("{}{}", list.next, list.delim) } else { list.delim.to_string() };
        list.next = (list.next + 1).min(MAX_LIST_NUMBER);
        self.containers.push(Container::Item { id, marker, pending: true });
        self.last_para = false;
    }

    fn finish_raw(&mut self, raw: Raw) {
        match raw.kind {
            RawKind::Pre => {
                let mut lines = fence_lines(&raw.text, raw.lang.as_deref());
                if let Some(caption) = self.code_caption.take() {
                    lines.insert(0, caption);
                }
                self.write_block(&lines);
            }
            RawKind::Code => self.push_code(&raw.text),
        }
    }

    fn push_code(&mut self, code: &str) {
        let code = collapse(code);
        if code.is_empty() {
            self.inline.push(Piece::Space);
            return;
        }
        self.inline.push(Piece::Code(code));
    }

    // -- tables ---------------------------------------------------------------------------

    /// Handles `tag` opening inside the outermost table; `false` when it is not table
    /// structure (cell content is handled like any inline content).
    fn table_open(&mut self, id: NodeId, tag: &str) -> bool {
        let in_cell = self.table.as_ref().is_some_and(|t| t.cell.is_some() || t.caption.is_some());
        if in_cell {
            return false;
        }
        match tag {
            "tr" => {
                self.finish_row();
                if let Some(t) = &mut self.table {
                    t.row = Some((Some(id), Vec::new()));
                }
            }
            "td" | "th" => {
                self.stray_cell();
                let span =
                    self.doc.attr(id, "colspan").and_then(|s| s.trim().parse::<usize>().ok()).unwrap_or(1).clamp(1, 64);
                if let Some(t) = &mut self.table {
                    t.row.get_or_insert_with(|| (None, Vec::new()));
                    t.cell = Some((id, span));
                }
            }
            "caption" => {
                self.stray_cell();
                if let Some(t) = &mut self.table {
                    t.caption = Some(id);
                }
            }
            "thead" => {
                if let Some(t) = &mut self.table {
                    t.head = t.head.or(Some(id));
                }
            }
            _ => return is_block(tag) || tag == "table",
        }
        true
    }

    /// Handles an element closing inside the outermost table; `false` when it is not table
    /// structure.
    fn table_close(&mut self, id: NodeId) -> bool {
        let Some(t) = &self.table else { return false };
        if matches!(t.cell, Some((c, _)) if c == id) {
            let span = t.cell.map_or(1, |(_, s)| s);
            let cell = self.cell_text();
            if let Some(t) = &mut self.table {
                t.cell = None;
                if let Some((_, row)) = &mut t.row {
                    row.push(cell);
                    row.extend(std::iter::repeat_n(String::new(), span - 1));
                }
            }
            return true;
        }
        if t.caption == Some(id) {
            let pieces = self.take_inline();
            let text = render_inline(pieces, false);
            if let Some(t) = &mut self.table {
                t.caption = None;
                if !t.caption_text.is_empty() && !text.is_empty() {
                    t.caption_text.push(' ');
                }
                t.caption_text.push_str(&text);
            }
            return true;
        }
        if t.cell.is_some() || t.caption.is_some() {
            return false;
        }
        if matches!(t.row, Some((Some(r), _)) if r == id) {
            self.finish_row();
            return true;
        }
        if t.head == Some(id) {
            self.finish_row();
            if let Some(t) = &mut self.table {
                t.head = None;
            }
            return true;
        }
        if t.id == id {
            self.finish_row();
            if let Some(t) = self.table.take() {
                self.write_table(t);
            }
            return true;
        }
        true
    }

    /// The gathered inline content as a table cell: one line, pipes escaped.
    fn cell_text(&mut self) -> String {
        let pieces = self.take_inline();
        render_cell(pieces).replace('|', "\\|")
    }

    /// Content found in a table outside any cell becomes a cell of its own.
    fn stray_cell(&mut self) {
        let cell = self.cell_text();
        if cell.is_empty() {
            return;
        }
        if let Some(t) = &mut self.table {
            t.row.get_or_insert_with(|| (None, Vec::new())).1.push(cell);
        }
    }

    fn finish_row(&mut self) {
        self.stray_cell();
        if let Some(t) = &mut self.table {
            if let Some((_, row)) = t.row.take() {
                if t.head.is_some() && t.head_row.is_none() {
                    t.head_row = Some(t.rows.len());
                }
                t.rows.push(row);
            }
        }
    }

    /// Writes a table; its header is the first row read in a `thead`, else its first row.
    fn write_table(&mut self, mut t: Table) {
        if let Some(h) = t.head_row.filter(|&h| h > 0 && h < t.rows.len()) {
            let head = t.rows.remove(h);
            t.rows.insert(0, head);
        }
        if !t.caption_text.is_empty() {
            self.write_block(&[t.caption_text.as_str()]);
            self.last_para = true;
        }
        let cols = t.rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
        if t.rows.is_empty() {
            return;
        }
        let mut lines = Vec::with_capacity(t.rows.len() + 1);
        for (i, row) in t.rows.iter().enumerate() {
            let mut line = String::from("|");
            for c in 0..cols {
                line.push(' ');
                line.push_str(row.get(c).map_or("", String::as_str));
                line.push_str(" |");
            }
            lines.push(line);
            if i == 0 {
                lines.push(format!("|{}", " --- |".repeat(cols)));
            }
        }
        self.write_block(&lines);
    }
}

/// The children of `id` but white space.
fn content_children(doc: &Doc, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
    doc.children(id).iter().copied().filter(|&c| match doc.nodes.get(c).map(|n| &n.kind) {
        Some(NodeKind::Text(t)) => !t.trim().is_empty(),
        Some(_) => true,
        None => false,
    })
}

/// The lines of a fenced code block.
fn fence_lines(code: &str, lang: Option<&str>) -> Vec<String> {
    let code = code.replace("\r\n", "\n").replace('\r', "\n");
    let fence = "`".repeat((longest_run(&code, '`') + 1).max(3));
    let mut lines = vec![format!("{fence}{}", lang.unwrap_or(""))];
    if !code.is_empty() {
        let body = code.strip_suffix('\n').unwrap_or(&code);
        lines.extend(body.split('\n').map(str::to_string));
    }
    lines.push(fence);
    lines
}

/// The language named by a `class` value such as `language-rust` or `lang-rust`, keeping
/// only characters safe in a Markdown info string.
fn language_of(class: &str) -> Option<String> {
    class.split(is_html_space).find_map(|word| {
        let rest = word.strip_prefix("language-").or_else(|| word.strip_prefix("lang-"))?;
        let lang: String =
            rest.chars().filter(|c| c.is_alphanumeric() || matches!(c, '-' | '+' | '_' | '.' | '#')).collect();
        (!lang.is_empty()).then_some(lang)
    })
}
