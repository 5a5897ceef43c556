//! Drives lol_html over UTF-8 HTML and reports the element tree a browser would build.
//!
//! lol_html is a streaming tokenizer-rewriter: it calls end-tag handlers only for explicit end
//! tags, never for elements that HTML closes implicitly (`<p>a<p>b`, `<li>`, `<td>`,
//! `<option>`, …), and its selector combinators see only explicit structure. So this module
//! keeps its own stack of open elements with HTML's implied-end rules, numbers elements in
//! start-tag order, and reports opens, closes and text to a [`Visitor`]. The scan and the
//! emit pass both walk through here, so their element numbers always agree.
//!
//! The scan's walk also records where each element lies in the input ([`Layout`]); the emit
//! pass can then walk only a part of the page ([`walk_range`]), starting with the state the
//! whole walk had there, and checks as it goes that every element opens and closes where the
//! whole walk saw it.

use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use lol_html::html_content::{Attribute, Element, TextType};
use lol_html::{doc_text, doctype, element, end_tag, HtmlRewriter, Settings};

use super::tags::{flag, known, Tag};
use crate::error::{Error, Result};

/// An element's number: its start tag's position among all start tags.
pub type Id = u32;

/// Receives the tree as it is walked.
pub trait Visitor {
    /// Element `id` opened under `parent` (`None` at top level), after any implied closes.
    /// `src` is the whole input, for [`tag_name`], [`attr_name`] and [`attr_value`].
    fn open(&mut self, id: Id, tag: Tag, parent: Option<Id>, el: &Element, src: &str);
    /// Element `id` closed, explicitly or implicitly. Void elements close right after opening.
    fn close(&mut self, id: Id);
    /// A whole text node, raw from the source (character references not decoded), inside the
    /// innermost open element.
    fn text(&mut self, text: &str, kind: TextType);
}

/// The lower-case name of element `el`: read in place from `src` (the walked input) when
/// written in lower case, as it usually is, else copied and lower-cased by lol_html.
pub fn tag_name<'s>(el: &Element, src: &'s str) -> Cow<'s, str> {
    match src.get(el.source_location().bytes()).and_then(|t| t.strip_prefix('<')).and_then(lower_case_name) {
        Some(name) => Cow::Borrowed(name),
        None => Cow::Owned(el.tag_name()),
    }
}

/// The tag name at the start of `raw` (a tag's text after its `<` or `</`) when it is written
/// in lower case and ends as HTML ends tag names.
fn lower_case_name(raw: &str) -> Option<&str> {
    let len = raw.bytes().take_while(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'-')).count();
    let ends = matches!(raw.as_bytes().get(len), Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0C | b'/' | b'>'));
    (len > 0 && ends).then(|| &raw[..len])
}

/// The lower-case name of attribute `a`: read in place from `src` (the walked input) when
/// written in lower case, as it usually is, else copied and lower-cased by lol_html.
pub fn attr_name<'s>(a: &Attribute, src: &'s str) -> Cow<'s, str> {
    let raw = a.name_source_location().and_then(|l| src.get(l.bytes()));
    match raw {
        Some(n) if !n.is_empty() && n.bytes().all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b':')) => {
            Cow::Borrowed(n)
        }
        _ => Cow::Owned(a.name()),
    }
}

/// The value of attribute `a` as written (character references not decoded), read in place
/// from `src` (the walked input) when it has a location there.
pub fn attr_value<'s>(a: &Attribute, src: &'s str) -> Cow<'s, str> {
    match a.value_source_location().and_then(|l| src.get(l.bytes())) {
        Some(v) => Cow::Borrowed(v),
        None => Cow::Owned(a.value()),
    }
}

/// How the walk ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Completion {
    /// The whole input was read.
    Complete,
    /// The element limit was reached; elements after it were not visited.
    Truncated,
}

/// Where an element lies in the walked input, in bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Span {
    /// Where its start tag begins.
    pub start: u32,
    /// Where it closed: the end of its end tag (or of its start tag when it has no content),
    /// the start of the tag that closed it implicitly, or the end of the input.
    pub end: u32,
}

/// What a whole walk recorded for [`walk_range`].
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// `spans[id]`: where element `id` lies.
    pub spans: Vec<Span>,
    /// The document was in quirks mode.
    pub quirks: bool,
    /// From this offset on, lol_html's own idea of SVG/MathML content may differ from a fresh
    /// parser's: where an `<svg>` or `<math>` was first closed other than by its own end tag
    /// (`u32::MAX` when never).
    pub foreign_dirty: u32,
}

/// Where a partial walk starts: the range of the input it reads, the id of the element whose
/// start tag begins the range, and that element's ancestors (outermost first) with their tags.
#[derive(Debug, Clone)]
pub struct Resume {
    /// The bytes to walk.
    pub range: Range<usize>,
    /// The id of the first element in the range.
    pub first: Id,
    /// The elements open when the range starts, outermost first; none may be SVG or MathML.
    pub ancestors: Vec<(Id, Tag)>,
}

/// What the walk records or checks about element positions.
enum Track {
    /// Nothing.
    Off,
    /// Records a [`Layout`] (the scan's whole walk).
    Record(Layout),
    /// Checks positions against a recorded layout; `end` is where the walked range ends in
    /// the whole input.
    Check { layout: Layout, end: u32, diverged: bool },
}

impl Track {
    /// Element `id`'s start tag begins at `at` (whole-input offset).
    fn opened(&mut self, id: Id, at: u32) {
        match self {
            Track::Off => {}
            Track::Record(layout) => layout.spans.push(Span { start: at, end: u32::MAX }),
            Track::Check { layout, diverged, .. } => {
                if layout.spans.get(id as usize).map(|s| s.start) != Some(at) {
                    *diverged = true;
                }
            }
        }
    }

    /// Element `id` closed at `at` (whole-input offset).
    fn closed(&mut self, id: Id, at: u32) {
        match self {
            Track::Off => {}
            Track::Record(layout) => {
                if let Some(s) = layout.spans.get_mut(id as usize) {
                    s.end = at;
                }
            }
            Track::Check { layout, end, diverged, .. } => {
                // Elements still open when the range ends close later in the whole walk.
                let same =
                    layout.spans.get(id as usize).is_some_and(|s| if at < *end { s.end == at } else { s.end >= *end });
                if !same {
                    *diverged = true;
                }
            }
        }
    }

    fn diverged(&self) -> bool {
        matches!(self, Track::Check { diverged: true, .. })
    }
}

#[derive(Clone, Copy)]
struct Open {
    id: Id,
    tag: Tag,
    /// Inside SVG or MathML (the `<svg>`/`<math>` element itself included).
    foreign: bool,
    /// A foreign element where HTML content is allowed (`<foreignObject>`, `<mtext>`, …).
    integration: bool,
}

/// HTML's stack of open elements, with its implied-end rules.
struct OpenElements {
    stack: Vec<Open>,
    /// `is_open[id]`: whether element `id` is on the stack (O(1) checks for end tags).
    is_open: Vec<bool>,
    /// How many elements of each tag are open, so that searches for an element to close are
    /// skipped when there is none (keeps deep nesting linear).
    open_count: Vec<u32>,
    /// Whether a `<form>` is open (browsers ignore a form start tag inside a form).
    in_form: bool,
    /// Quirks mode (no doctype, or a legacy one): there `<table>` does not close `<p>`.
    quirks: bool,
    max_elements: usize,
    /// Positions recorded or checked.
    track: Track,
    /// Where the token being handled lies (whole-input offset): its start for a start tag,
    /// its end for an end tag, the input's end once it is all read.
    pos: u32,
    /// The element whose own end tag is being handled.
    ending: Option<Id>,
    /// Where the walked input starts in the whole input.
    offset: u32,
}

/// Whether an element may stand in the `<head>` (HTML's "in head" insertion mode).
fn head_content(tag: Tag, name: &str) -> bool {
    use known::*;
    [META, LINK, TITLE, STYLE, SCRIPT, NOSCRIPT, BASE, TEMPLATE, HEAD].contains(&tag)
        || matches!(name, "basefont" | "bgsound" | "noframes")
}

/// Elements inside SVG or MathML where HTML content is allowed (integration points).
fn integration_point(name: &str) -> bool {
    matches!(name, "foreignobject" | "desc" | "title" | "mi" | "mo" | "mn" | "ms" | "mtext" | "annotation-xml")
}

/// Whether a doctype puts the document in quirks mode (HTML's list, in short: not `html`, or
/// a legacy public identifier without a system identifier).
fn quirks_doctype(name: Option<&str>, public: Option<&str>, system: Option<&str>) -> bool {
    if !name.is_some_and(|n| n.eq_ignore_ascii_case("html")) {
        return true;
    }
    let Some(public) = public.map(str::to_ascii_lowercase) else { return false };
    let legacy = [
        "-//w3o//",
        "-//ietf//",
        "-//netscape",
        "-//microsoft",
        "-//sq//",
        "-//webtechs//",
        "-//w3c//dtd html 3",
        "-//w3c//dtd html 2",
    ];
    let transitional = public.contains("transitional") || public.contains("frameset");
    legacy.iter().any(|l| public.starts_with(l)) || (transitional && public.contains("html 4") && system.is_none())
}

/// Default scope boundaries for end tags of block elements.
fn scope_boundary(t: Tag) -> bool {
    t.is(flag::SCOPE) && t != known::BUTTON
}

impl OpenElements {
    /// The whole-input offset of offset `at` in the walked input.
    fn at(&self, at: usize) -> u32 {
        u32::try_from(at).unwrap_or(u32::MAX).saturating_add(self.offset)
    }

    fn top(&self) -> Option<Open> {
        self.stack.last().copied()
    }

    fn count(&self, tag: Tag) -> u32 {
        self.open_count.get(tag.0 as usize).copied().unwrap_or(0)
    }

    fn new(max_elements: usize, track: Track, offset: u32) -> OpenElements {
        OpenElements {
            stack: Vec::new(),
            is_open: Vec::new(),
            open_count: vec![0; 256],
            in_form: false,
            quirks: true,
            max_elements,
            track,
            pos: offset,
            ending: None,
            offset,
        }
    }

    /// Puts `open` on the stack.
    fn enter(&mut self, open: Open) {
        if let Some(c) = self.open_count.get_mut(open.tag.0 as usize) {
            *c += 1;
        }
        if open.tag == known::FORM {
            self.in_form = true;
        }
        self.stack.push(open);
    }

    /// Opens a new element (the next id).
    fn push(&mut self, open: Open) {
        self.enter(open);
        self.is_open.push(true);
    }

    /// Pops elements down to and including the one at `pos`.
    fn pop_to(&mut self, pos: usize, v: &mut dyn Visitor) {
        while self.stack.len() > pos {
            let Some(o) = self.stack.pop() else { break };
            if let Some(c) = self.open_count.get_mut(o.tag.0 as usize) {
                *c = c.saturating_sub(1);
            }
            if o.tag == known::FORM {
                self.in_form = self.count(known::FORM) > 0;
            }
            if let Some(b) = self.is_open.get_mut(o.id as usize) {
                *b = false;
            }
            if o.tag.is(flag::FOREIGN) && self.ending != Some(o.id) {
                if let Track::Record(layout) = &mut self.track {
                    layout.foreign_dirty = layout.foreign_dirty.min(self.pos);
                }
            }
            self.track.closed(o.id, self.pos);
            v.close(o.id);
        }
    }

    fn pop_top(&mut self, v: &mut dyn Visitor) {
        let len = self.stack.len();
        if len > 0 {
            self.pop_to(len - 1, v);
        }
    }

    /// Finds the nearest open element whose tag is in `targets`, searching down from the top
    /// and giving up at an element for which `stop` holds.
    fn find(&self, targets: &[Tag], stop: impl Fn(Tag) -> bool) -> Option<usize> {
        if targets.iter().all(|t| self.count(*t) == 0) {
            return None;
        }
        for (pos, o) in self.stack.iter().enumerate().rev() {
            if targets.contains(&o.tag) {
                return Some(pos);
            }
            if stop(o.tag) {
                return None;
            }
        }
        None
    }

    fn close_nearest(&mut self, targets: &[Tag], stop: impl Fn(Tag) -> bool, v: &mut dyn Visitor) {
        if let Some(pos) = self.find(targets, stop) {
            self.pop_to(pos, v);
        }
    }

    /// Applies the implied-end rules of HTML's "in body", "in table" and "in select" modes
    /// for a start tag.
    fn implied_ends(&mut self, tag: Tag, v: &mut dyn Visitor) {
        use known::*;
        let scope = |t: Tag| t.is(flag::SCOPE);
        let table_scope = |t: Tag| t == TABLE || t == HTML || t == TEMPLATE;
        // A list item, definition term or description closes the previous one.
        if tag == LI || tag == DD || tag == DT {
            let targets: &[Tag] = if tag == LI { &[LI] } else { &[DD, DT] };
            let stop = |t: Tag| t.is(flag::SPECIAL) && t != DIV && t != P && t.name() != "address";
            self.close_nearest(targets, stop, v);
        }
        let closes_p = tag.is(flag::CLOSES_P) && !(tag == TABLE && self.quirks);
        if closes_p || tag == LI || tag == DD || tag == DT {
            self.close_nearest(&[P], scope, v);
        }
        if tag.is(flag::HEADING) && self.top().is_some_and(|t| t.tag.is(flag::HEADING)) {
            self.pop_top(v);
        }
        match tag {
            t if t == TD || t == TH => self.close_nearest(&[TD, TH], table_scope, v),
            t if t == TR => self.close_nearest(&[TR], table_scope, v),
            t if t == TBODY || t == THEAD || t == TFOOT => {
                if self.find(&[TBODY, THEAD, TFOOT], table_scope).is_some() {
                    self.close_nearest(&[TBODY, THEAD, TFOOT], table_scope, v);
                } else {
                    self.close_nearest(&[TR], table_scope, v);
                }
            }
            // A table directly in a table (not in a cell) closes the first one.
            t if t == TABLE => {
                if let Some(pos) = self.find(&[TABLE, TD, TH, CAPTION], |_| false) {
                    if self.stack[pos].tag == TABLE {
                        self.pop_to(pos, v);
                    }
                }
            }
            t if t == OPTION && self.top().is_some_and(|o| o.tag == OPTION) => self.pop_top(v),
            t if t == OPTGROUP => {
                if self.top().is_some_and(|o| o.tag == OPTION) {
                    self.pop_top(v);
                }
                if self.top().is_some_and(|o| o.tag == OPTGROUP) {
                    self.pop_top(v);
                }
            }
            t if t == INPUT || t == TEXTAREA || t.named("keygen") => {
                self.close_nearest(&[SELECT], table_scope, v);
            }
            t if t.named("rt") || t.named("rp") => {
                let (rt, rp) = (Tag::from_name("rt"), Tag::from_name("rp"));
                self.close_nearest(&[rt, rp], |t| t.named("ruby") || scope(t), v);
            }
            t if t == A || t == BUTTON => self.close_nearest(&[t], scope, v),
            _ => {}
        }
        if tag == TR || tag == TBODY || tag == THEAD || tag == TFOOT || tag == TD || tag == TH {
            self.close_nearest(&[CAPTION], table_scope, v);
        }
    }

    /// Whether the explicit end tag of the element at `pos` may close it: browsers ignore an
    /// end tag that would have to cross a table, cell or similar boundary, and an inline end
    /// tag that would have to close a block.
    fn end_tag_applies(&self, pos: usize) -> bool {
        use known::*;
        let tag = self.stack[pos].tag;
        let above = &self.stack[pos + 1..];
        let table_part = [TABLE, TBODY, THEAD, TFOOT, TR, TD, TH, CAPTION].contains(&tag);
        if table_part {
            !above.iter().any(|o| o.tag == TABLE || o.tag == HTML || o.tag == TEMPLATE)
        } else if tag.is(flag::SPECIAL) {
            let list_scope = tag == LI;
            let button_scope = tag == P;
            !above.iter().any(|o| {
                scope_boundary(o.tag)
                    || (list_scope && (o.tag == UL || o.tag == OL))
                    || (button_scope && o.tag == BUTTON)
            })
        } else {
            !above.iter().any(|o| o.tag.is(flag::SPECIAL) && !o.foreign)
        }
    }
}

/// What the handlers share. The visitor comes last so that a `State<V>` can be used as a
/// `State<dyn Visitor>`: lol_html's parser is then compiled once, not once per visitor type.
struct State<V: ?Sized> {
    open: OpenElements,
    truncated: bool,
    /// Text of the current text node when lol_html delivers it in several chunks that are
    /// not all slices of the input, one after the other.
    pending: String,
    /// Where the current text node lies in the input while its chunks are all slices of it.
    pending_range: Option<Range<usize>>,
    /// End tags reported and not handled yet: the element each closes and where it lies.
    ends: Vec<(Id, Range<usize>)>,
    visitor: V,
}

impl State<dyn Visitor> {
    /// Handles a start tag; returns the new element's id when it may have content.
    fn start(&mut self, el: &Element, src: &str) -> std::result::Result<Option<Id>, Truncate> {
        let location = el.source_location().bytes();
        self.open.pos = self.open.at(location.start);
        let name = tag_name(el, src);
        // HTML's parser reads `<image>` as `<img>`.
        let tag = Tag::from_name(if name == "image" { "img" } else { &name });
        // A second <html>, <head> or <body> merges into the first in browsers, and a form
        // inside a form is ignored.
        let duplicate = (tag == known::HTML || tag == known::BODY || tag == known::HEAD) && self.open.count(tag) > 0;
        if duplicate {
            return Ok(None);
        }
        // An element that may not stand in the head (a `<br>` after a tracking pixel, a
        // `<div>`) ends it, as in browsers: the page's content is not head content.
        if self.open.top().is_some_and(|t| t.tag == known::HEAD) && !head_content(tag, &name) {
            self.open.pop_top(&mut self.visitor);
        }
        // The end tag of an ignored inner form closes the open form, as in browsers.
        if tag == known::FORM && self.open.in_form {
            return Ok(self.open.stack.iter().rev().find(|o| o.tag == known::FORM).map(|o| o.id));
        }
        // A select start tag inside a select closes it and is itself ignored.
        if tag == known::SELECT && self.open.count(tag) > 0 {
            self.open.close_nearest(&[tag], |t| t == known::TABLE || t == known::HTML, &mut self.visitor);
            return Ok(None);
        }
        let id = self.open.is_open.len();
        if id >= self.open.max_elements {
            self.truncated = true;
            return Err(Truncate);
        }
        // lol_html reports integration points themselves (`<title>` in SVG, `<mi>`) in the
        // HTML namespace; they are not breakouts.
        let html_element = el.namespace_uri() == "http://www.w3.org/1999/xhtml" && !integration_point(&name);
        // An HTML element that may not stand in SVG or MathML closes it (breaks out), unless
        // it sits at an integration point such as <foreignObject> or <mtext>.
        if html_element {
            while let Some(top) = self.open.top().filter(|t| t.foreign) {
                if top.integration {
                    break;
                }
                self.open.pop_top(&mut self.visitor);
            }
        }
        let in_foreign = self.open.top().is_some_and(|t| t.foreign);
        if !in_foreign {
            self.open.implied_ends(tag, &mut self.visitor);
        }
        let id = id as Id;
        self.open.track.opened(id, self.open.pos);
        if self.open.track.diverged() {
            return Err(Truncate);
        }
        let parent = self.open.stack.last().map(|o| o.id);
        self.visitor.open(id, tag, parent, el, src);
        let foreign = tag.is(flag::FOREIGN) || in_foreign;
        let integration = foreign && integration_point(&name);
        let foreign = foreign && !(in_foreign && self.open.top().is_some_and(|t| t.integration));
        if el.can_have_content() && !tag.is(flag::VOID) {
            self.open.push(Open { id, tag, foreign, integration });
            Ok(Some(id))
        } else {
            self.open.is_open.push(false);
            let end = self.open.at(location.end);
            self.open.track.closed(id, end);
            self.visitor.close(id);
            Ok(None)
        }
    }

    /// Handles the end tags lol_html reported since the last token, in order; `src` is the
    /// walked input.
    fn end_tags(&mut self, src: &str) {
        let mut ends = std::mem::take(&mut self.ends);
        for (id, location) in ends.drain(..) {
            // The name as written: up to white space, `/` or `>`, as lol_html reads it.
            let raw = src.get(location.clone()).and_then(|t| t.strip_prefix("</")).unwrap_or("");
            let len = raw.bytes().position(|b| matches!(b, b' ' | b'\n' | b'\r' | b'\t' | 0x0C | b'/' | b'>'));
            self.end(id, &raw[..len.unwrap_or(raw.len())], location);
        }
        self.ends = ends;
    }

    /// Handles an end tag named `end_tag_name` (as written) reported for element `id`.
    /// lol_html also reports the elements that an ancestor's end tag pops (`</span>` after
    /// `<span><div>`); those carry the ancestor's name and are left to the ancestor's own
    /// report, which checks scope.
    fn end(&mut self, id: Id, end_tag_name: &str, location: Range<usize>) {
        self.open.pos = self.open.at(location.end);
        if !self.open.is_open.get(id as usize).copied().unwrap_or(false) {
            return;
        }
        let own_name = self.open.stack.iter().rev().find(|o| o.id == id).map(|o| o.tag.name());
        if own_name.is_some_and(|n| !n.is_empty() && !n.eq_ignore_ascii_case(end_tag_name)) {
            return;
        }
        if let Some(pos) = self.open.stack.iter().rposition(|o| o.id == id) {
            let tag = self.open.stack[pos].tag;
            // Browsers keep <body> and <html> open to the end of the input.
            if tag != known::BODY && tag != known::HTML && self.open.end_tag_applies(pos) {
                self.open.ending = Some(id);
                self.open.pop_to(pos, &mut self.visitor);
                self.open.ending = None;
            }
        }
    }
}

#[derive(Debug)]
struct Truncate;

impl std::fmt::Display for Truncate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("element limit reached")
    }
}

impl std::error::Error for Truncate {}

/// Walks `html`, visiting at most `max_elements` elements, and returns the visitor with how
/// the walk ended.
pub fn walk<V: Visitor + 'static>(html: &str, visitor: V, max_elements: usize) -> Result<(V, Completion)> {
    let (visitor, completion, _) = walk_with(html, visitor, OpenElements::new(max_elements, Track::Off, 0))?;
    Ok((visitor, completion))
}

/// Walks `html` as [`walk`] does and also records where each element lies, for
/// [`walk_range`]. An input of 4 GiB or more records no positions.
pub fn walk_recording<V: Visitor + 'static>(
    html: &str,
    visitor: V,
    max_elements: usize,
) -> Result<(V, Completion, Layout)> {
    let track = match u32::try_from(html.len()) {
        Ok(_) => Track::Record(Layout { spans: Vec::new(), quirks: true, foreign_dirty: u32::MAX }),
        Err(_) => Track::Off,
    };
    let (visitor, completion, elements) = walk_with(html, visitor, OpenElements::new(max_elements, track, 0))?;
    let layout = match elements.track {
        Track::Record(layout) => Layout { quirks: elements.quirks, ..layout },
        _ => Layout::default(),
    };
    Ok((visitor, completion, layout))
}

/// Walks only `resume.range` of `html`, the input that [`walk_recording`] recorded `layout`
/// from, as if the whole input had been walked up to there: `resume.ancestors` open, element
/// ids numbered from `resume.first`. The visitor is not told of the ancestors' opening (but is
/// of their closing). Returns the visitor, the layout back, and whether every element opened
/// and closed where the whole walk saw it; when not, what the visitor was told may differ from
/// the whole walk and must be thrown away.
pub fn walk_range<V: Visitor + 'static>(
    html: &str,
    resume: &Resume,
    layout: Layout,
    visitor: V,
    max_elements: usize,
) -> Result<(V, Layout, bool)> {
    let range = resume.range.clone();
    let (Some(part), Ok(offset), Ok(end)) =
        (html.get(range.clone()), u32::try_from(range.start), u32::try_from(range.end))
    else {
        return Ok((visitor, layout, false));
    };
    // Ancestors come before the first element, and are never SVG or MathML (lol_html's own
    // idea of foreign content cannot be set up).
    if resume.ancestors.iter().any(|&(id, tag)| id >= resume.first || tag.is(flag::FOREIGN)) {
        return Ok((visitor, layout, false));
    }
    let quirks = layout.quirks;
    let mut elements = OpenElements::new(max_elements, Track::Check { layout, end, diverged: false }, offset);
    elements.quirks = quirks;
    elements.is_open = vec![false; resume.first as usize];
    for &(id, tag) in &resume.ancestors {
        if let Some(b) = elements.is_open.get_mut(id as usize) {
            *b = true;
        }
        elements.enter(Open { id, tag, foreign: false, integration: false });
    }
    let (visitor, completion, elements) = walk_with(part, visitor, elements)?;
    let next_id = elements.is_open.len();
    match elements.track {
        Track::Check { layout, diverged, .. } => {
            // The range must hold exactly the elements the whole walk saw start in it.
            let same_count = layout.spans.partition_point(|s| s.start < end) == next_id;
            let followed = !diverged && same_count && completion == Completion::Complete;
            Ok((visitor, layout, followed))
        }
        _ => Ok((visitor, Layout::default(), false)),
    }
}

/// Walks `html` from the open elements in `open`; returns the visitor, how the walk ended
/// and the open elements at the end.
fn walk_with<V: Visitor + 'static>(
    html: &str,
    visitor: V,
    open: OpenElements,
) -> Result<(V, Completion, OpenElements)> {
    let state = Rc::new(RefCell::new(State { open, truncated: false, pending: String::new(), pending_range: None, ends: Vec::new(), visitor }));
    let completion = run(html, state.clone())?;
    let state = Rc::try_unwrap(state).map_err(|_| Error::Parser("handlers outlived the walk".into()))?.into_inner();
    Ok((state.visitor, completion, state.open))
}

/// Runs lol_html over `html` with handlers that drive `state`, then closes what is still open.
fn run(html: &str, state: Rc<RefCell<State<dyn Visitor>>>) -> Result<Completion> {
    let on_element = state.clone();
    let on_text = state.clone();
    let on_doctype = state.clone();
    let settings = Settings::new()
        .append_element_content_handler(element!("*", move |el| {
            let opened = {
                let mut st = on_element.borrow_mut();
                st.end_tags(html);
                st.start(el, html)?
            };
            if let Some(id) = opened {
                let st = on_element.clone();
                // Void elements in foreign content (`<path/>`) take no end-tag handler.
                // The end tag's name is read from the input when the next token comes (this
                // handler cannot borrow the input), before anything else is done.
                let _ = el.on_end_tag(end_tag!(move |end| {
                    st.borrow_mut().ends.push((id, end.source_location().bytes()));
                    Ok(())
                }));
            }
            Ok(())
        }))
        .append_document_content_handler(doctype!(move |d| {
            let mut st = on_doctype.borrow_mut();
            if st.open.is_open.is_empty() {
                st.open.quirks =
                    quirks_doctype(d.name().as_deref(), d.public_id().as_deref(), d.system_id().as_deref());
            }
            Ok(())
        }))
        .append_document_content_handler(doc_text!(move |t| {
            let mut st = on_text.borrow_mut();
            let st = &mut *st;
            st.end_tags(html);
            let chunk = t.as_str();
            if !chunk.is_empty() {
                // lol_html hands most text as a slice of the input: the node's text is then
                // read in place, as one range, and copied only when it is not.
                let at = t.source_location().bytes();
                let in_place = html.get(at.clone()).is_some_and(|s| s.as_ptr() == chunk.as_ptr() && s.len() == chunk.len());
                match &mut st.pending_range {
                    Some(r) if in_place && r.end == at.start => r.end = at.end,
                    None if in_place && st.pending.is_empty() => st.pending_range = Some(at),
                    range => {
                        if let Some(r) = range.take() {
                            st.pending.push_str(html.get(r).unwrap_or(""));
                        }
                        st.pending.push_str(chunk);
                    }
                }
            }
            if t.last_in_text_node() {
                let text = match st.pending_range.take() {
                    Some(r) => html.get(r).unwrap_or(""),
                    None => &st.pending,
                };
                if !text.is_empty() {
                    st.visitor.text(text, t.text_type());
                }
                st.pending.clear();
            }
            Ok(())
        }))
        .with_strict(false);
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    let outcome = rewriter.write(html.as_bytes()).and_then(|()| rewriter.end());
    let (truncated, diverged) = {
        let st = state.borrow();
        (st.truncated, st.open.track.diverged())
    };
    if let Err(e) = outcome {
        if !truncated && !diverged {
            return Err(Error::Parser(e.to_string()));
        }
    }
    let mut st = state.borrow_mut();
    let st = &mut *st;
    st.end_tags(html);
    st.open.pos = st.open.at(html.len());
    st.open.pop_to(0, &mut st.visitor);
    Ok(if truncated { Completion::Truncated } else { Completion::Complete })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records, for every element and attribute, the name read in place and lol_html's own,
    /// and checks that attribute values read in place are lol_html's too.
    #[derive(Default)]
    struct Names(Vec<(String, String, bool)>);

    impl Visitor for Names {
        fn open(&mut self, _: Id, _: Tag, _: Option<Id>, el: &Element, src: &str) {
            let name = tag_name(el, src);
            self.0.push((name.to_string(), el.tag_name(), matches!(name, Cow::Borrowed(_))));
            for a in el.attributes() {
                let name = attr_name(a, src);
                self.0.push((name.to_string(), a.name(), matches!(name, Cow::Borrowed(_))));
                assert_eq!(attr_value(a, src), a.value());
            }
        }
        fn close(&mut self, _: Id) {}
        fn text(&mut self, _: &str, _: TextType) {}
    }

    /// Records every event as a line.
    #[derive(Default)]
    struct Events(Vec<String>);

    impl Visitor for Events {
        fn open(&mut self, id: Id, tag: Tag, parent: Option<Id>, _: &Element, _: &str) {
            self.0.push(format!("open {id} {} {parent:?}", tag.name()));
        }
        fn close(&mut self, id: Id) {
            self.0.push(format!("close {id}"));
        }
        fn text(&mut self, text: &str, kind: TextType) {
            self.0.push(format!("text {text:?} {kind:?}"));
        }
    }

    /// The events from element `id`'s opening to its closing.
    fn events_of(events: &[String], id: Id) -> Vec<String> {
        let open = format!("open {id} ");
        let close = format!("close {id}");
        let from = events.iter().position(|e| e.starts_with(&open)).expect("opened");
        let to = events.iter().position(|e| *e == close).expect("closed");
        events[from..=to].to_vec()
    }

    /// Walks the span of every element that [`walk_range`] may start at, and checks that a
    /// walk that says it followed the whole walk saw the same events; returns how many walks
    /// said they strayed.
    fn strays(html: &str) -> usize {
        let (whole, _, layout) = walk_recording(html, Events::default(), 1000).expect("walkable");
        let (rows, _) = walk(html, Parents::default(), 1000).expect("walkable");
        let mut layout = layout;
        let mut strays = 0;
        for id in 1..layout.spans.len() as Id {
            let span = layout.spans[id as usize];
            let mut ancestors = Vec::new();
            let mut up = rows.0[id as usize].1;
            while let Some(a) = up {
                ancestors.push((a, rows.0[a as usize].0));
                up = rows.0[a as usize].1;
            }
            ancestors.reverse();
            if ancestors.iter().any(|(_, t)| t.is(flag::FOREIGN)) || span.start >= layout.foreign_dirty {
                continue;
            }
            let resume = Resume { range: span.start as usize..span.end as usize, first: id, ancestors };
            let (part, back, followed) = walk_range(html, &resume, layout, Events::default(), 1000).expect("walkable");
            layout = back;
            if followed {
                assert_eq!(events_of(&part.0, id), events_of(&whole.0, id), "{html:?} from element {id}");
            } else {
                strays += 1;
            }
        }
        strays
    }

    /// Each element's tag and parent.
    #[derive(Default)]
    struct Parents(Vec<(Tag, Option<Id>)>);

    impl Visitor for Parents {
        fn open(&mut self, _: Id, tag: Tag, parent: Option<Id>, _: &Element, _: &str) {
            self.0.push((tag, parent));
        }
        fn close(&mut self, _: Id) {}
        fn text(&mut self, _: &str, _: TextType) {}
    }

    #[test]
    fn range_walks_follow_the_whole_walk_or_say_so() {
        let pages = [
            "<!doctype html><html><body><nav>n</nav><article><p>a<p>b<ul><li>c<li>d</ul></article><footer>f</footer></body></html>",
            "<body><p>one<div>two</div><table><tr><td>x<td>y</table><p>z</p></body>",
            "<table><tr><td><div>a</table><p>b<table><tr><td>c</td></tr></table>",
            "<body><form><div><form><input></div></form><select><option>a<option>b<select><p>x</body>",
            "<body><svg><g><text>t</text></g></svg><div>d<math><mi>x</mi></math></div><p>e</p>",
            "<h1>a<h2>b</h1><dl><dt>t<dd>d<dt>u</dl><ruby>a<rt>b<rp>c</ruby><a>x<a>y</a>",
            "<div><textarea><p>raw</textarea><script>if (a<b) {}</script><title>t</title><noscript><p>n</p></noscript></div>",
            "<html><body><div><span>a</div>b</span><p>c</body></html>",
        ];
        for page in pages {
            assert_eq!(strays(page), 0, "{page:?}");
        }
        // lol_html pairs `</p>` with the <p> that <div> closed and forgets the div and span:
        // their end tags are then lost in the whole walk, not in a walk from the div.
        let stray = "<body><p>intro<div><span>text</p>more</span></div>after<b>x</b></body>";
        assert!(strays(stray) > 0);
    }

    #[test]
    fn names_and_values_read_in_place_match_lol_html() {
        let html = "<p>é</p><DIV CLASS=a data-x=1 aria-label='b &amp; é' id=\"c\0\" xml:lang=d Data-Y></DIV><img src=x alt><h2/><x-y\n>";
        let (names, _) = walk(html, Names::default(), 100).expect("walkable");
        let read: Vec<&str> = names.0.iter().map(|n| n.0.as_str()).collect();
        assert_eq!(
            read,
            ["p", "div", "class", "data-x", "aria-label", "id", "xml:lang", "data-y", "img", "src", "alt", "h2", "x-y"]
        );
        for (read, lol, _) in &names.0 {
            assert_eq!(read, lol);
        }
        let borrowed: Vec<bool> = names.0.iter().map(|n| n.2).collect();
        // Upper-case names are copied.
        let expected = [true, false, false, true, true, true, true, false, true, true, true, true, true];
        assert_eq!(borrowed, expected);
    }
}
