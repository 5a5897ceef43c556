//! Emit: a second lol_html pass over the same UTF-8 input, joined to the element table by
//! element number. It writes only what the decision keeps, through the allowlist, into a
//! small tree ([`Doc`]) from which the HTML, text and Markdown are all written.
//!
//! Nothing from the input is copied through as markup: every tag and attribute in the output
//! is built here from allowlisted names and checked values, and text is escaped on output.
//! Because the walk keeps its own open-element stack, dropping a start tag never drops the
//! siblings of an implicitly closed element (the trap of lol_html's `Element::remove`).

pub(crate) mod callout;
mod code;
pub mod doc;
mod noscript;
pub mod sanitize;
pub mod serialize;
mod sidenote;
mod tidy;

use std::borrow::Cow;

use lol_html::html_content::TextType;

pub use doc::{Doc, NodeId, NodeKind, Step, Traversal};
pub use serialize::to_html;

use crate::entities;
use crate::html::tags::{known, Tag};
use crate::html::walk::{self, Id, Recording, Replay, StartTag};
use crate::url::BaseUrl;
use sanitize::{Fate, Links};

/// How an open element is being written.
#[derive(Debug, Clone, Copy)]
enum Frame {
    /// Written as this node; its content goes inside it.
    Node(NodeId),
    /// Not written; its content goes to the enclosing node.
    Transparent,
    /// A root of the article that is not written (the page's `<body>`, a form around the
    /// content): its content, text written straight into it included, goes to the document.
    Root,
    /// Neither it nor its content is written.
    Skip,
    /// Outside the article: its text is not written, but a container of the article inside
    /// it is.
    Outside,
    /// A `<noscript>` whose raw content may hold a lazy image's real source.
    Noscript,
    /// Preformatted: written as this node, white space kept.
    Pre(NodeId),
    /// MathJax v2's `<script type="math/tex">`: its TeX goes into a formula's text and its
    /// annotation.
    Tex { text: NodeId, annotation: NodeId },
    /// A block inside `<pre>` holding one line of code (highlighters write lines as `div`s):
    /// not written, but ends its line.
    Line,
}

/// The emit pass's settings.
pub struct Settings<'a> {
    /// `keep[id]`: element `id` belongs to the article.
    pub keep: Vec<bool>,
    /// The article's top-level containers.
    pub roots: Vec<Id>,
    /// Base for relative URLs.
    pub base: Option<&'a BaseUrl>,
    /// The page's URL, to recognize same-page links.
    pub page_url: Option<&'a str>,
    /// Keep images.
    pub keep_images: bool,
    /// What the scan's walk over the page reported ([`walk::walk_recording`]), replayed
    /// here instead of walking the page again.
    pub recording: &'a Recording,
}

struct Emitter {
    keep: Vec<bool>,
    roots: Vec<Id>,
    base: Option<BaseUrl>,
    page: Option<String>,
    keep_images: bool,
    doc: Doc,
    frames: Vec<Frame>,
    noscript: String,
    /// Open `<pre>` elements.
    pre_depth: u32,
    /// Code languages named by open elements, with the frame depth each was named at.
    langs: Vec<(usize, String)>,
    /// Open headings.
    heading_depth: u32,
    /// Open `mfenced` elements, written as rows between their brackets.
    fences: Vec<Fence>,
    /// The file-name title being written above a code block: its node and its parent.
    title_open: Option<(NodeId, NodeId)>,
    /// A title that has just closed, with nothing written after it yet: a `pre` that comes
    /// now takes it as its caption.
    title: Option<(NodeId, NodeId)>,
    /// The Pandoc formula being written, if any.
    tex_span: Option<TexSpan>,
    /// The open `pre` and the caption it takes if it closes with code in it.
    captioned: Option<Captioned>,
    /// The list of sidenotes, once there is one, and how many there are.
    side_notes: (Option<NodeId>, usize),
    /// The sidenote being written.
    side: Option<sidenote::Open>,
}

/// A formula as Pandoc and Quarto write it for MathJax or KaTeX to typeset in the browser:
/// `span.math.inline` holding `\(TeX\)`, `span.math.display` holding `\[TeX\]`. Its text is
/// written as any text; when the span closes, a text between those delimiters becomes a
/// formula.
struct TexSpan {
    /// The frame depth it opened at.
    depth: usize,
    /// The node its text goes into, how many children that node had, and how long its last
    /// text was (the span's text may continue it).
    parent: NodeId,
    children: usize,
    offset: usize,
    display: bool,
}

/// A code block that takes a caption when it closes with code in it (a line-number gutter
/// written as a `pre` of its own ends empty, and leaves the caption to the code beside it).
struct Captioned {
    pre: NodeId,
    /// The node the `pre` went into.
    parent: NodeId,
    /// The file-name title before it and the node that holds it, or the file name of its own
    /// `data-title`.
    title: Result<(NodeId, NodeId), String>,
}

/// An `mfenced` being written as an `mrow` (MathML Core has no `mfenced`): its brackets and
/// separators become `mo` elements.
struct Fence {
    /// The frame depth of its row.
    depth: usize,
    row: NodeId,
    close: String,
    separators: Vec<char>,
    /// Children written so far.
    children: usize,
}

impl Emitter {
    /// The node that a kept element goes into now.
    fn parent(&self) -> Option<NodeId> {
        for f in self.frames.iter().rev() {
            match f {
                Frame::Node(n) | Frame::Pre(n) => return Some(*n),
                Frame::Transparent | Frame::Root | Frame::Outside | Frame::Line => continue,
                Frame::Skip | Frame::Noscript | Frame::Tex { .. } => return None,
            }
        }
        Some(Doc::ROOT)
    }

    /// The node that text goes into now, if text is written here.
    fn text_parent(&self) -> Option<NodeId> {
        for f in self.frames.iter().rev() {
            match f {
                Frame::Node(n) | Frame::Pre(n) => return Some(*n),
                Frame::Transparent | Frame::Line => continue,
                Frame::Root => return Some(Doc::ROOT),
                Frame::Outside | Frame::Skip | Frame::Noscript | Frame::Tex { .. } => return None,
            }
        }
        None
    }

    fn links(&self) -> Links<'_> {
        Links { base: self.base.as_ref(), page: self.page.as_deref() }
    }

    fn frame_for(&mut self, id: Id, tag: Tag, src: &str, at: usize) -> Frame {
        let is_root = self.roots.binary_search(&id).is_ok();
        if !self.keep.get(id as usize).copied().unwrap_or(false) {
            return Frame::Outside;
        }
        if tag == known::NOSCRIPT {
            return Frame::Noscript;
        }
        let Some(parent) = self.parent() else { return Frame::Skip };
        // The start tag is read again only for the elements that may be written.
        let Some(el) = StartTag::read(src, at) else { return Frame::Skip };
        if tag == known::SCRIPT {
            return self.tex_script(parent, &el);
        }
        // The walk reads `<image>` as `<img>`, as HTML's parser does.
        let name = if tag == known::IMG { "img" } else { &el.name };
        if name == "label" && el.get("class").is_some_and(sidenote::is_toggle) {
            return Frame::Skip;
        }
        if matches!(name, "span" | "small" | "aside" | "div")
            && !is_root
            && self.pre_depth == 0
            && self.side.is_none()
            && el.get("class").is_some_and(sidenote::is_note)
        {
            return self.open_sidenote(parent, matches!(name, "aside" | "div"));
        }
        if name == "span" && self.pre_depth == 0 && self.tex_span.is_none() {
            if let Some(display) = el.get("class").and_then(pandoc_math) {
                self.open_tex_span(parent, display);
                return Frame::Transparent;
            }
        }
        // A root is unwrapped when it is the page itself, or a form that wraps the content
        // (whole-page forms, forum threads): decide kept it for its text, not its controls.
        let fate = if is_root && (tag == known::BODY || tag == known::HTML || tag == known::FORM) {
            Fate::Unwrap
        } else if is_root && !matches!(sanitize::fate(name), Fate::Drop) && !is_container(name) {
            Fate::Keep("div")
        } else {
            sanitize::fate(name)
        };
        if name == "mfenced" {
            return self.open_fence(parent, &el);
        }
        if matches!(fate, Fate::Unwrap) && name == "span" && self.pre_depth == 0 && self.opens_title_box(parent, &el) {
            return self.open_title_span(parent);
        }
        let out = match fate {
            Fate::Drop => return Frame::Skip,
            Fate::Unwrap if is_root => return Frame::Root,
            Fate::Unwrap => return Frame::Transparent,
            Fate::Keep(out) => out,
        };
        if !self.keep_images && matches!(out, "img" | "picture" | "source" | "video" | "audio" | "iframe") {
            return Frame::Skip;
        }
        // A heading's link to an anchor of this page is its permalink: the text stays, the
        // link goes.
        if out == "a" && self.heading_depth > 0 && el.get("href").is_some_and(|h| h.trim_start().starts_with('#'))
        {
            return Frame::Transparent;
        }
        // Quarto writes a file name as a `pre` in its title box.
        if out == "pre" && self.title_open.is_some() {
            return Frame::Transparent;
        }
        if self.pre_depth > 0 {
            // Highlighters lay lines out as blocks and gutters out as tables (Rouge puts its
            // table inside the `pre`): inside code only the lines count.
            match out {
                "div" | "p" => return Frame::Line,
                "pre" | "table" | "thead" | "tbody" | "tfoot" | "tr" | "td" | "th" => return Frame::Transparent,
                _ => {}
            }
        }
        // Wrappers may name a code block's language or a callout's kind, and a few elements
        // hold a code block's file name.
        let class = if matches!(out, "div" | "figure" | "section" | "details" | "span" | "p" | "figcaption") {
            el.get("class")
        } else {
            None
        };
        let callout = match (class, out) {
            (Some(c), "div" | "section" | "details") => callout::kind(c, el.get("data-callout")),
            _ => None,
        };
        let out = if callout.is_some() { "blockquote" } else { out };
        let Some(mut attrs) = sanitize::attrs(out, &el, &self.links()) else { return Frame::Skip };
        if let Some(kind) = callout {
            attrs.push(("data-callout", kind));
        }
        self.note_language(out, class, &mut attrs);
        self.separate_fence(parent);
        let titled = matches!(out, "div" | "span" | "p" | "figcaption")
            && self.pre_depth == 0
            && (out == "figcaption"
                || class.is_some_and(code::is_title)
                || el.get("data-rehype-pretty-code-title").is_some());
        let title = if out == "pre" { self.title.take() } else { None };
        // Wrappers between a title and its code (a line-number gutter's table among them)
        // keep the title waiting.
        if !matches!(out, "div" | "section" | "figure" | "table" | "tbody" | "tr" | "td") {
            self.title = None;
        }
        let node = self.doc.push_element(parent, out, attrs);
        if titled {
            self.title_open = Some((node, parent));
        }
        if out == "pre" {
            self.pre_depth += 1;
            self.captioned = self.caption_of(node, parent, title, &el);
            return Frame::Pre(node);
        }
        if is_heading(out) {
            self.heading_depth += 1;
        }
        Frame::Node(node)
    }

    /// Whether `el`, an element that is not written, is a code block's file name standing
    /// first in a block wrapper (MkDocs Material's `span.filename` before its `pre`).
    fn opens_title_box(&self, parent: NodeId, el: &StartTag) -> bool {
        let node = &self.doc.nodes[parent];
        matches!(node.kind, NodeKind::Element { tag: "div" | "section" | "figure" | "li" | "td", .. })
            && el.get("class").is_some_and(code::is_title)
            && node.children.iter().all(|&c| matches!(&self.doc.nodes[c].kind, NodeKind::Text(t) if t.trim().is_empty()))
    }

    /// Writes a file name that is not written as an element of its own into a `span` that
    /// waits for the code block after it: its caption then (see [`Self::close_pre`]),
    /// else unwrapped by [`tidy`] (spans are never written).
    fn open_title_span(&mut self, parent: NodeId) -> Frame {
        self.title = None;
        let node = self.doc.push_element(parent, "span", Vec::new());
        self.title_open = Some((node, parent));
        Frame::Node(node)
    }

    /// Gives a `pre` or `code` without a language the one of a wrapper around it, and
    /// remembers the language a block or wrapper names for what it holds.
    fn note_language(&mut self, out: &str, class: Option<&str>, attrs: &mut Vec<(&'static str, String)>) {
        let own = match out {
            "pre" | "code" => match attrs.iter().find(|(n, _)| *n == "class") {
                Some((_, class)) => class.strip_prefix("language-").map(str::to_string),
                None => {
                    if let Some((_, lang)) = self.langs.last() {
                        attrs.push(("class", format!("language-{lang}")));
                    }
                    None
                }
            },
            "div" | "figure" => {
                let get = |n: &str| (n == "class").then(|| class.map(|c| entities::decode(c, true).into_owned())).flatten();
                code::language(&get, true)
            }
            _ => None,
        };
        if let Some(lang) = own {
            self.langs.push((self.frames.len(), lang));
        }
    }

    /// The caption that the `pre` just opened may take: the file-name title just before it,
    /// or its own `data-title`.
    fn caption_of(
        &self,
        pre: NodeId,
        parent: NodeId,
        title: Option<(NodeId, NodeId)>,
        el: &StartTag,
    ) -> Option<Captioned> {
        let title = match title.filter(|&(t, _)| self.has_text(t)) {
            Some(title) => Ok(title),
            None => Err(el.get("data-title").map(|v| entities::decode(v, true).trim().to_string()).filter(|n| !n.is_empty())?),
        };
        Some(Captioned { pre, parent, title })
    }

    /// Ends the code block `pre`: with code in it, it takes its caption and goes into a figure
    /// with it as its `figcaption` (the title's own figure, or a new one in the title's place);
    /// empty, it leaves a title before it to the next one.
    fn close_pre(&mut self, pre: NodeId) {
        let Some(c) = self.captioned.take_if(|c| c.pre == pre) else { return };
        let (title, at) = match c.title {
            Ok(title) if !self.has_text(pre) => {
                self.title = Some(title);
                return;
            }
            _ if !self.has_text(pre) => return,
            Ok(title) => title,
            Err(name) => {
                let title = self.doc.push_element(c.parent, "figcaption", Vec::new());
                self.doc.push_text(title, &name);
                (title, c.parent)
            }
        };
        if let NodeKind::Element { tag, .. } = &mut self.doc.nodes[title].kind {
            *tag = "figcaption";
        }
        let figure = if self.doc.tag(at) == Some("figure") {
            at
        } else {
            let figure = self.doc.push_element(at, "figure", Vec::new());
            let kids = &mut self.doc.nodes[at].children;
            kids.pop();
            if let Some(k) = kids.iter_mut().find(|k| **k == title) {
                *k = figure;
            }
            self.doc.nodes[figure].children.push(title);
            figure
        };
        self.doc.nodes[c.parent].children.retain(|&k| k != pre);
        self.doc.nodes[figure].children.push(pre);
    }

    /// Whether node `id` holds text other than white space (read without recursion: the
    /// tree is as deep as the page).
    fn has_text(&self, id: NodeId) -> bool {
        let mut stack = vec![id];
        while let Some(n) = stack.pop() {
            match &self.doc.nodes[n].kind {
                NodeKind::Text(t) if !t.trim().is_empty() => return true,
                _ => stack.extend(&self.doc.nodes[n].children),
            }
        }
        false
    }

    /// A formula for a MathJax v2 TeX script (decide keeps only those): MathML whose text
    /// shows the TeX and whose annotation carries it.
    fn tex_script(&mut self, parent: NodeId, el: &StartTag) -> Frame {
        let Some(kind) = el.get("type").filter(|t| crate::scan::is_tex_type(t)) else { return Frame::Skip };
        let (text, annotation) = self.formula(parent, kind.contains("mode=display"));
        Frame::Tex { text, annotation }
    }

    /// An empty formula under `parent`: MathML whose text (the first node returned) shows the
    /// TeX and whose annotation (the second) carries it.
    fn formula(&mut self, parent: NodeId, display: bool) -> (NodeId, NodeId) {
        let display = if display { "block" } else { "inline" };
        let math = self.doc.push_element(parent, "math", vec![("display", display.to_string())]);
        let semantics = self.doc.push_element(math, "semantics", Vec::new());
        let text = self.doc.push_element(semantics, "mtext", Vec::new());
        let annotation =
            self.doc.push_element(semantics, "annotation", vec![("encoding", "application/x-tex".to_string())]);
        (text, annotation)
    }

    /// Starts a Pandoc formula: remembers where its text begins.
    fn open_tex_span(&mut self, parent: NodeId, display: bool) {
        let parent = self.text_parent().unwrap_or(parent);
        let children = self.doc.nodes[parent].children.len();
        let offset = match self.doc.nodes[parent].children.last().map(|&c| &self.doc.nodes[c].kind) {
            Some(NodeKind::Text(t)) => t.len(),
            _ => 0,
        };
        self.tex_span = Some(TexSpan { depth: self.frames.len(), parent, children, offset, display });
    }

    /// Ends a Pandoc formula: text written between `\(…\)` or `\[…\]`, and nothing else,
    /// becomes a formula; anything else (Pandoc's own rendering in `em` and `sup`) stays as
    /// it was written.
    fn close_tex_span(&mut self, span: TexSpan) {
        let kids = &self.doc.nodes[span.parent].children;
        let node = match kids.len().checked_sub(span.children) {
            Some(0) => kids.last(),
            Some(1) if span.offset == 0 => kids.last(),
            _ => None,
        };
        let Some(&node) = node else { return };
        let NodeKind::Text(text) = &mut self.doc.nodes[node].kind else { return };
        let Some(tail) = text.get(span.offset..) else { return };
        let tex = tail.trim();
        let Some(tex) = tex
            .strip_prefix("\\(")
            .and_then(|t| t.strip_suffix("\\)"))
            .or_else(|| tex.strip_prefix("\\[").and_then(|t| t.strip_suffix("\\]")))
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
        else {
            return;
        };
        text.truncate(span.offset);
        if text.is_empty() {
            self.doc.nodes[span.parent].children.pop();
        }
        let (shown, annotation) = self.formula(span.parent, span.display);
        self.doc.push_text(shown, &tex);
        self.doc.push_text(annotation, &tex);
    }

    /// An `mfenced` as an `mrow` that starts with its opening bracket (`(` unless it says
    /// otherwise).
    fn open_fence(&mut self, parent: NodeId, el: &StartTag) -> Frame {
        let attr = |name: &str, default: &str| {
            el.get(name).map_or(default.to_string(), |v| entities::decode(v, true).trim().to_string())
        };
        let row = self.doc.push_element(parent, "mrow", Vec::new());
        self.push_mo(row, &attr("open", "("));
        let separators = attr("separators", ",").chars().filter(|c| !c.is_whitespace()).collect();
        self.fences.push(Fence { depth: self.frames.len(), row, close: attr("close", ")"), separators, children: 0 });
        Frame::Node(row)
    }

    /// Writes the separator due before a child of an `mfenced` (`,` unless it says otherwise;
    /// its last one repeats).
    fn separate_fence(&mut self, parent: NodeId) {
        let Some(fence) = self.fences.last_mut().filter(|f| f.depth + 1 == self.frames.len() && f.row == parent) else {
            return;
        };
        fence.children += 1;
        let sep = match fence.children {
            1 => None,
            n => fence.separators.get(n - 2).or(fence.separators.last()).copied(),
        };
        if let Some(sep) = sep {
            self.push_mo(parent, &sep.to_string());
        }
    }

    fn push_mo(&mut self, parent: NodeId, text: &str) {
        if !text.is_empty() {
            let mo = self.doc.push_element(parent, "mo", Vec::new());
            self.doc.push_text(mo, text);
        }
    }

    /// Ends the current line of a code block unless it has just ended.
    fn end_line(&mut self) {
        let Some(parent) = self.text_parent() else { return };
        let ended = match self.doc.nodes[parent].children.last().map(|&c| &self.doc.nodes[c].kind) {
            Some(NodeKind::Text(t)) => t.ends_with('\n'),
            Some(_) => self.doc.nodes[parent].children.last().and_then(|&c| self.doc.tag(c)) == Some("br"),
            None => true,
        };
        if !ended {
            self.doc.push_text(parent, "\n");
        }
    }

    /// Uses the images of a closed `<noscript>`: they replace a placeholder image just before
    /// it, or are added when there is none.
    fn flush_noscript(&mut self) {
        let raw = std::mem::take(&mut self.noscript);
        let Some(parent) = self.parent() else { return };
        for attrs in noscript::images(&raw) {
            let get = |n: &str| attrs.iter().find(|(k, _)| k == n).map(|(_, v)| entities::decode(v, true).into_owned());
            let Some(img) = sanitize::image_attrs(&get, true, &self.links()) else { continue };
            let previous = self.doc.nodes[parent].children.iter().rev().find(|&&c| match &self.doc.nodes[c].kind {
                NodeKind::Text(t) => !t.trim().is_empty(),
                _ => true,
            });
            match previous.copied().filter(|&c| self.doc.tag(c) == Some("img")) {
                Some(prev) => {
                    if let NodeKind::Element { attrs, .. } = &mut self.doc.nodes[prev].kind {
                        *attrs = img;
                    }
                }
                None => {
                    self.doc.push_element(parent, "img", img);
                }
            }
        }
    }
}

/// Whether a `class` marks a Pandoc formula (`math inline`, `math display`), and if so
/// whether it is a display formula.
fn pandoc_math(class: &str) -> Option<bool> {
    let mut tokens = class.split_ascii_whitespace();
    let (Some("math"), Some(kind), None) = (tokens.next(), tokens.next(), tokens.next()) else { return None };
    match kind {
        "inline" => Some(false),
        "display" => Some(true),
        _ => None,
    }
}

fn is_heading(tag: &str) -> bool {
    matches!(tag, "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Elements that may stand as the article's top container as they are.
fn is_container(name: &str) -> bool {
    matches!(
        name,
        "div" | "article" | "section" | "main" | "p" | "blockquote" | "pre" | "table" | "ul" | "ol" | "dl" | "figure"
    )
}

impl Replay for Emitter {
    fn open(&mut self, id: Id, tag: Tag, src: &str, at: usize) {
        let frame = self.frame_for(id, tag, src, at);
        self.frames.push(frame);
    }

    fn close(&mut self, _id: Id) {
        match self.frames.pop() {
            Some(Frame::Noscript) => self.flush_noscript(),
            Some(Frame::Pre(n)) => {
                self.pre_depth = self.pre_depth.saturating_sub(1);
                self.close_pre(n);
            }
            Some(Frame::Line) => self.end_line(),
            Some(Frame::Node(n)) if self.doc.tag(n).is_some_and(is_heading) => {
                self.heading_depth = self.heading_depth.saturating_sub(1);
            }
            Some(Frame::Node(n)) if self.title_open.is_some_and(|(t, _)| t == n) => self.title = self.title_open.take(),
            _ => {}
        }
        self.close_sidenote();
        if let Some(span) = self.tex_span.take_if(|t| t.depth == self.frames.len()) {
            self.close_tex_span(span);
        }
        if self.langs.last().is_some_and(|(depth, _)| *depth >= self.frames.len()) {
            self.langs.pop();
        }
        if self.fences.last().is_some_and(|f| f.depth >= self.frames.len()) {
            if let Some(fence) = self.fences.pop() {
                self.push_mo(fence.row, &fence.close);
            }
        }
    }

    fn text(&mut self, raw: &str, kind: TextType) {
        if matches!(self.frames.last(), Some(Frame::Noscript)) {
            if self.noscript.len() < 64 * 1024 {
                self.noscript.push_str(raw);
            }
            return;
        }
        if let Some(&Frame::Tex { text, annotation }) = self.frames.last() {
            self.doc.push_text(text, raw);
            self.doc.push_text(annotation, raw);
            return;
        }
        if !matches!(kind, TextType::Data | TextType::PlainText) {
            return;
        }
        let Some(parent) = self.text_parent() else { return };
        let decoded = entities::decode(raw, false);
        if !decoded.trim().is_empty() {
            self.title = None;
        }
        if self.pre_depth > 0 {
            self.doc.push_text(parent, &decoded);
        } else {
            self.doc.push_text(parent, &collapse(&decoded));
        }
    }
}

/// Folds runs of white space into one space (or one newline when the run had one); text
/// that needs no folding (the usual case) is not copied.
fn collapse(s: &str) -> Cow<'_, str> {
    if is_collapsed(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut run: Option<char> = None;
    for c in s.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            run = Some(if c == '\n' || run == Some('\n') { '\n' } else { ' ' });
        } else {
            if let Some(w) = run.take() {
                out.push(w);
            }
            out.push(c);
        }
    }
    if let Some(w) = run {
        out.push(w);
    }
    Cow::Owned(out)
}

/// Whether [`collapse`] would leave `s` as it is: ASCII, with white space only as lone
/// spaces and newlines.
fn is_collapsed(s: &str) -> bool {
    let mut prev_space = false;
    for &b in s.as_bytes() {
        let space = matches!(b, b' ' | 0x09..=0x0D);
        if !b.is_ascii() || (space && (prev_space || !matches!(b, b' ' | b'\n'))) {
            return false;
        }
        prev_space = space;
    }
    true
}

/// Runs the emit pass over `html`, replaying the scan's walk over it, and returns the article
/// tree, tidied.
pub fn emit(html: &str, settings: Settings<'_>) -> Doc {
    let mut roots = settings.roots;
    crate::sort::sort(&mut roots);
    let page = settings.page_url.map(|u| u.split('#').next().unwrap_or(u).to_string());
    let mut emitter = Emitter {
        keep: settings.keep,
        roots,
        base: settings.base.cloned(),
        page,
        keep_images: settings.keep_images,
        doc: Doc::default(),
        frames: Vec::new(),
        noscript: String::new(),
        pre_depth: 0,
        langs: Vec::new(),
        heading_depth: 0,
        fences: Vec::new(),
        title_open: None,
        title: None,
        tex_span: None,
        captioned: None,
        side_notes: (None, 0),
        side: None,
    };
    walk::replay(html, settings.recording, &mut emitter);
    emitter.place_sidenotes();
    let mut doc = emitter.doc;
    tidy::tidy(&mut doc);
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapse_folds_white_space_and_borrows_folded_text() {
        assert!(matches!(collapse("a b\nc"), Cow::Borrowed("a b\nc")));
        for (raw, folded) in [
            ("a\t b", "a b"),
            ("a \n b", "a\nb"),
            ("a  ", "a "),
            ("a\u{2003}b", "a b"),
            ("é \r\n x", "é\nx"),
            ("a\u{a0} b", "a\u{a0} b"),
        ] {
            assert_eq!(collapse(raw), folded, "{raw:?}");
        }
    }
}
