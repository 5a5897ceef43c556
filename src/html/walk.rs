//! Drives lol_html over UTF-8 HTML and reports the element tree a browser would build.
//!
//! lol_html is a streaming tokenizer-rewriter: it calls end-tag handlers only for explicit end
//! tags, never for elements that HTML closes implicitly (`<p>a<p>b`, `<li>`, `<td>`,
//! `<option>`, …), and its selector combinators see only explicit structure. So this module
//! keeps its own stack of open elements with HTML's implied-end rules, numbers elements in
//! start-tag order, and reports opens, closes and text to a [`Visitor`]. The scan and the
//! emit pass both walk through here, so their element numbers always agree.
//!
//! lol_html hands the walk only start tags and the text of the few elements whose text needs
//! its tokenizer (`<script>`, `<title>`, and SVG and MathML with their CDATA sections): the
//! rest of the text and the end tags are found in the input between those tokens
//! ([`EndTags`]). Handing every text node over costs lol_html a UTF-8 check, a decoder and a
//! handler call per chunk.
//!
//! The scan's walk also records what it reported, as positions in the input ([`Recording`]);
//! the emit pass then [`replay`]s that record instead of running lol_html over the page a
//! second time, reading again only the start tags of the elements it writes ([`StartTag`]).

use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use lol_html::html_content::{Attribute, Element, TextType};
use lol_html::{doctype, element, text, HtmlRewriter, Settings};

use super::tags::{flag, known, Tag};
use crate::error::{Error, Result};

/// The namespace of HTML elements, as lol_html names it.
const HTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";

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
        Some(v) => Cow::Borrowed(without_bom(v)),
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

/// One report of a recorded walk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// Element `id` opened; its start tag begins at byte `at` of the walked input.
    Open {
        /// The element.
        id: Id,
        /// Its tag.
        tag: Tag,
        /// Where its start tag begins.
        at: u32,
    },
    /// Element `id` closed.
    Close(Id),
    /// A text node: bytes `start..end` of the walked input.
    Text {
        /// Where it begins.
        start: u32,
        /// Where it ends.
        end: u32,
        /// What kind of text it is.
        kind: TextType,
    },
    /// A text node that lol_html did not hand as a slice of the input: bytes `start..end` of
    /// [`Recording::copied`].
    Copied {
        /// Where it begins.
        start: u32,
        /// Where it ends.
        end: u32,
        /// What kind of text it is.
        kind: TextType,
    },
}

/// What a whole walk reported, in order, for [`replay`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recording {
    /// The reports.
    pub events: Vec<Event>,
    /// Text of the [`Event::Copied`] reports.
    pub copied: String,
}

impl Recording {
    /// Records text node `text`, found at `at` in the walked input when that is known.
    fn text(&mut self, text: &str, at: Option<Range<usize>>, kind: TextType) {
        let event = match at.and_then(|r| Some((u32::try_from(r.start).ok()?, u32::try_from(r.end).ok()?))) {
            Some((start, end)) => Event::Text { start, end, kind },
            None => {
                let start = self.copied.len() as u32;
                self.copied.push_str(text);
                Event::Copied { start, end: self.copied.len() as u32, kind }
            }
        };
        self.events.push(event);
    }
}

/// Receives a [`replay`]ed walk: the same reports as a [`Visitor`], with the element's start
/// tag as a position in the input, to be read with [`StartTag::read`] when needed.
pub trait Replay {
    /// Element `id` opened; its start tag begins at byte `at` of `src`.
    fn open(&mut self, id: Id, tag: Tag, src: &str, at: usize);
    /// Element `id` closed.
    fn close(&mut self, id: Id);
    /// A whole text node, raw from the source.
    fn text(&mut self, text: &str, kind: TextType);
}

/// Reports `recording`, made by [`walk_recording`] over `src`, to `visitor`: what the walk
/// reported, in the same order, without running lol_html again.
pub fn replay(src: &str, recording: &Recording, visitor: &mut impl Replay) {
    for event in &recording.events {
        match *event {
            Event::Open { id, tag, at } => visitor.open(id, tag, src, at as usize),
            Event::Close(id) => visitor.close(id),
            Event::Text { start, end, kind } => visitor.text(src.get(start as usize..end as usize).unwrap_or(""), kind),
            Event::Copied { start, end, kind } => {
                visitor.text(recording.copied.get(start as usize..end as usize).unwrap_or(""), kind);
            }
        }
    }
}

/// A start tag read from the input as lol_html reads it: its name and its attributes in order
/// (duplicates kept), names lower-cased, values as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartTag<'s> {
    /// The lower-case tag name.
    pub name: Cow<'s, str>,
    /// Each attribute's lower-case name and its value as written (character references not
    /// decoded; empty when it has none).
    pub attrs: Vec<(Cow<'s, str>, &'s str)>,
}

/// White space as HTML's tokenizer (and lol_html) has it in tags.
fn tag_space(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | 0x0C)
}

/// `raw` without a byte order mark at its start, as lol_html's decoding of names and values
/// leaves it.
fn without_bom(raw: &str) -> &str {
    raw.strip_prefix('\u{feff}').unwrap_or(raw)
}

/// `raw` lower-cased, borrowed when it has no upper-case ASCII letter.
fn lower(raw: &str) -> Cow<'_, str> {
    if raw.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(raw.to_ascii_lowercase())
    } else {
        Cow::Borrowed(raw)
    }
}

/// Where a tag name that begins at `i` ends: at white space, `/` or `>`, as lol_html reads
/// it, or at the end of `bytes`.
fn name_end(bytes: &[u8], i: usize) -> usize {
    let rest = bytes.get(i..).unwrap_or(&[]);
    i + rest.iter().position(|&b| tag_space(b) || b == b'/' || b == b'>').unwrap_or(rest.len())
}

/// Reads a tag's attributes from `i`, right after its name, following the states of
/// lol_html's tokenizer, and gives each one's name and value (empty when it has none) to
/// `push`, as ranges of `bytes`. Returns where the tag ends (after its `>`), or `None` when
/// `bytes` end first.
fn attributes(bytes: &[u8], mut i: usize, mut push: impl FnMut(Range<usize>, Range<usize>)) -> Option<usize> {
    #[derive(Clone, Copy)]
    enum State {
        BeforeName,
        Name,
        AfterName,
        BeforeValue,
        Quoted(u8),
        Unquoted,
        SelfClosing,
    }
    let mut state = State::BeforeName;
    // The attribute being read: where its name lies, and where its value starts once read.
    let mut name = 0..0;
    let mut value_start = 0;
    while let Some(&b) = bytes.get(i) {
        match state {
            State::BeforeName => match b {
                b'/' => state = State::SelfClosing,
                b'>' => return Some(i + 1),
                _ if tag_space(b) => {}
                _ => {
                    name = i..i + 1;
                    state = State::Name;
                }
            },
            // After a name, `=` opens its value, and `/` or `>` ends it with none.
            State::Name | State::AfterName if b == b'=' => state = State::BeforeValue,
            State::Name | State::AfterName if b == b'/' || b == b'>' => {
                push(name.clone(), i..i);
                if b == b'>' {
                    return Some(i + 1);
                }
                state = State::SelfClosing;
            }
            State::Name if tag_space(b) => state = State::AfterName,
            State::Name => name.end = i + 1,
            State::AfterName if tag_space(b) => {}
            State::AfterName => {
                push(name.clone(), i..i);
                name = i..i + 1;
                state = State::Name;
            }
            State::BeforeValue => match b {
                b'"' | b'\'' => {
                    value_start = i + 1;
                    state = State::Quoted(b);
                }
                b'>' => {
                    push(name.clone(), i..i);
                    return Some(i + 1);
                }
                _ if tag_space(b) => {}
                _ => {
                    value_start = i;
                    state = State::Unquoted;
                    // Read again as the value's first byte.
                    continue;
                }
            },
            State::Quoted(quote) => {
                i += memchr::memchr(quote, &bytes[i..])?;
                push(name.clone(), value_start..i);
                state = State::BeforeName;
            }
            State::Unquoted => {
                if tag_space(b) || b == b'>' {
                    push(name.clone(), value_start..i);
                    if b == b'>' {
                        return Some(i + 1);
                    }
                    state = State::BeforeName;
                }
            }
            State::SelfClosing => {
                if b == b'>' {
                    return Some(i + 1);
                }
                state = State::BeforeName;
                // Read again before an attribute name.
                continue;
            }
        }
        i += 1;
    }
    None
}

impl<'s> StartTag<'s> {
    /// Reads the start tag that begins at byte `at` of `src` (its `<`), following the states
    /// of lol_html's tokenizer for tag names and attributes. `None` when there is no start tag
    /// there; a tag cut off by the end of the input keeps what was read.
    pub fn read(src: &'s str, at: usize) -> Option<StartTag<'s>> {
        let bytes = src.as_bytes();
        let name_start = at.checked_add(1)?;
        if bytes.get(at) != Some(&b'<') || !bytes.get(name_start)?.is_ascii_alphabetic() {
            return None;
        }
        let name_end = name_end(bytes, name_start);
        let mut tag = StartTag { name: lower(src.get(name_start..name_end)?), attrs: Vec::new() };
        // Delimiters are ASCII, so every range lies on character boundaries.
        attributes(bytes, name_end, |name, value| {
            let name = lower(without_bom(src.get(name).unwrap_or("")));
            tag.attrs.push((name, without_bom(src.get(value).unwrap_or(""))));
        });
        Some(tag)
    }

    /// The value of the first attribute named `name` (lower case), as written.
    pub fn get(&self, name: &str) -> Option<&'s str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|&(_, v)| v)
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
    /// What the walk reported, when it is recorded.
    record: Option<Recording>,
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
    fn top(&self) -> Option<Open> {
        self.stack.last().copied()
    }

    fn count(&self, tag: Tag) -> u32 {
        self.open_count.get(tag.0 as usize).copied().unwrap_or(0)
    }

    fn new(max_elements: usize, record: Option<Recording>) -> OpenElements {
        OpenElements {
            stack: Vec::new(),
            is_open: Vec::new(),
            open_count: vec![0; 256],
            in_form: false,
            quirks: true,
            max_elements,
            record,
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
            if let Some(record) = &mut self.record {
                record.events.push(Event::Close(o.id));
            }
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

    /// Handles an end tag named `end_tag_name` (as written) that lol_html pops element `id`
    /// with. An ancestor's end tag also pops the elements inside it (`</span>` after
    /// `<span><div>`); those carry the ancestor's name and are left to the ancestor's own
    /// end, which checks scope.
    fn end(&mut self, id: Id, end_tag_name: &[u8], v: &mut dyn Visitor) {
        if !self.is_open.get(id as usize).copied().unwrap_or(false) {
            return;
        }
        let Some(pos) = self.stack.iter().rposition(|o| o.id == id) else { return };
        let tag = self.stack[pos].tag;
        if !tag.name().is_empty() && !tag.name().as_bytes().eq_ignore_ascii_case(end_tag_name) {
            return;
        }
        // Browsers keep <body> and <html> open to the end of the input.
        if tag != known::BODY && tag != known::HTML && self.end_tag_applies(pos) {
            self.pop_to(pos, v);
        }
    }
}

/// The elements whose text lol_html hands the walk, all text inside them: a script's ends
/// as HTML's script states say, a `<title>` in SVG holds HTML, and SVG and MathML may hold
/// CDATA sections. Each name costs lol_html's selector matching a test per start tag.
const TEXT_ELEMENTS: &str = "script, title, svg, math";

/// Whether lol_html hands over the text inside an element named `name` (lower case): the
/// names of [`TEXT_ELEMENTS`].
fn hands_text(name: &str) -> bool {
    matches!(name, "script" | "title" | "svg" | "math")
}

/// The text of an HTML element named `name` (lower case) whose text is raw, not markup, up
/// to its own end tag, and whose text lol_html does not hand over: found by [`EndTags`].
fn raw_text(name: &str) -> Option<TextType> {
    match name {
        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => Some(TextType::RawText),
        "textarea" => Some(TextType::RCData),
        "plaintext" => Some(TextType::PlainText),
        _ => None,
    }
}

/// What [`EndTags::find`] finds between two tokens.
enum Found<'s> {
    /// An end tag, named as written, that pops this element.
    End(Id, &'s [u8]),
    /// A text node of this kind at these bytes of the input.
    Text(Range<usize>, TextType),
}

/// The end tags and the text of the input, found in the bytes between the tokens that
/// lol_html hands the walk (its start tags, and the text inside [`TEXT_ELEMENTS`]; after a
/// start tag of [`raw_text`], its text runs to its own end tag), and the
/// elements each end tag pops off lol_html's stack of open elements (the one its selector
/// matching keeps: every element that may have content, popped up to the nearest of the end
/// tag's name, case aside). This is what lol_html reports to end-tag and text handlers,
/// without their cost: between two such tokens there are only end tags, comments, doctypes
/// and the like, which are told apart here as lol_html's tokenizer tells them, and text,
/// which is a node of its own between any two of them, as lol_html ends a text node at any
/// other token. (One difference is left: after an `<svg>` that a stray end tag popped, or a
/// self-closing `<svg/>`, lol_html still reads `<![CDATA[` as CDATA, here as a bogus comment.)
struct EndTags {
    /// lol_html's open elements: where each one's name lies in the input, the walk's element
    /// that its end tag closes (none for a start tag the walk ignored), and whether lol_html
    /// hands over the text inside it.
    open: Vec<(usize, usize, Option<Id>, bool)>,
    /// How many of `open` have their text handed over: text is looked for only when none.
    handing: usize,
    /// The raw text element just opened: where its name lies in the input, and its kind of
    /// text.
    raw: Option<(Range<usize>, TextType)>,
    /// Where the input not yet looked at begins.
    from: usize,
}

impl EndTags {
    fn new() -> EndTags {
        EndTags { open: Vec::new(), handing: 0, raw: None, from: 0 }
    }

    /// The start tag that lies at `tag` of `src` opened an element that may have content,
    /// whose end tag closes `id`, whose text lol_html hands over when `hands`, and whose text
    /// is raw, of kind `raw`, when lol_html reads it so (an HTML element of [`raw_text`]).
    fn opened(&mut self, src: &str, tag: Range<usize>, id: Option<Id>, hands: bool, raw: Option<TextType>) {
        let name = tag.start + 1;
        let end = name_end(src.as_bytes().get(..tag.end).unwrap_or_default(), name);
        if self.handing == 0 {
            self.raw = raw.map(|kind| (name..end, kind));
        }
        self.open.push((name, end, id, hands));
        self.handing += usize::from(hands);
        self.from = self.from.max(tag.end);
    }

    /// Where the raw text from byte `i` of `bytes` ends: at the first end tag named `name`
    /// (ASCII case aside) whose name ends as HTML ends it, else at the end of `bytes`.
    fn raw_end(bytes: &[u8], mut i: usize, name: &[u8]) -> usize {
        while let Some(at) = memchr::memchr(b'<', bytes.get(i..).unwrap_or_default()) {
            i += at;
            let after = i + 2 + name.len();
            let named = bytes.get(i + 1) == Some(&b'/') && bytes.get(i + 2..after).is_some_and(|n| n.eq_ignore_ascii_case(name));
            if named && bytes.get(after).is_some_and(|&b| tag_space(b) || b == b'/' || b == b'>') {
                return i;
            }
            i += 1;
        }
        bytes.len()
    }

    /// Marks `src` up to `end` as read: a token lol_html handed over ends there.
    fn skip(&mut self, end: usize) {
        self.from = self.from.max(end);
    }

    /// Finds the end tags and text from where the last call stopped to byte `to` of `src`
    /// (where a token begins, or the end of the input), and gives `found` each text node and
    /// each element the end tags pop that has an id, innermost first, with the end tag's name
    /// as written, in the order of the input.
    fn find<'s>(&mut self, src: &'s str, to: usize, mut found: impl FnMut(Found<'s>)) {
        if self.from >= to {
            return;
        }
        let bytes = src.as_bytes().get(..to).unwrap_or(src.as_bytes());
        let past = |i: usize, b: u8| memchr::memchr(b, bytes.get(i..).unwrap_or_default()).map(|at| i + at + 1);
        let mut i = self.from;
        // The text of a raw text element, up to its end tag.
        if let Some((name, kind)) = self.raw.take() {
            i = match kind {
                TextType::PlainText => bytes.len(),
                _ => EndTags::raw_end(bytes, i, src.as_bytes().get(name).unwrap_or_default()),
            };
            if self.from < i {
                found(Found::Text(self.from..i, kind));
            }
        }
        // Where the text since the last token or markup begins.
        let mut text = i;
        while let Some(at) = memchr::memchr(b'<', bytes.get(i..).unwrap_or_default()) {
            i += at;
            let next = bytes.get(i + 1).copied().unwrap_or(0);
            // The name of an end tag.
            let mut name = None;
            let end = match next {
                b'/' => match bytes.get(i + 2).copied() {
                    Some(b) if b.is_ascii_alphabetic() => {
                        let n = i + 2..name_end(bytes, i + 2);
                        let end = attributes(bytes, n.end, |_, _| {});
                        name = Some(n);
                        end
                    }
                    // `</>` is dropped.
                    Some(b'>') => Some(i + 3),
                    // `</` and anything else opens a bogus comment, up to the next `>`.
                    Some(_) => past(i + 2, b'>'),
                    // `</` at the end of the input is text.
                    None => {
                        i += 2;
                        continue;
                    }
                },
                b'!' if bytes.get(i + 2..i + 4) == Some(b"--") => comment_end(bytes, i + 4),
                // Doctypes, CDATA markers and bogus comments end at the next `>`.
                b'!' | b'?' => past(i + 2, b'>'),
                // A start tag lol_html did not hand over (one cut off by the end of the input).
                b if b.is_ascii_alphabetic() => attributes(bytes, name_end(bytes, i + 1), |_, _| {}),
                // Any other `<` is text.
                _ => {
                    i += 1;
                    continue;
                }
            };
            // Markup ends the text before it; markup cut off by the end of the input, and
            // what follows it, are not text.
            self.text(text..i, &mut found);
            let Some(end) = end else {
                text = to;
                break;
            };
            if let Some(name) = name {
                self.pop(bytes, name, &mut found);
            }
            i = end;
            text = i;
        }
        self.text(text..to, &mut found);
        self.from = self.from.max(to);
    }

    /// Gives `found` the text node at `range` unless it is empty or lol_html hands it over.
    fn text<'s>(&self, range: Range<usize>, found: &mut impl FnMut(Found<'s>)) {
        if self.handing == 0 && range.start < range.end {
            found(Found::Text(range, TextType::Data));
        }
    }

    /// Pops lol_html's open elements up to the nearest one named as `bytes[name]` (ASCII case
    /// aside, as lol_html compares names), if there is one, and gives `found` those with an
    /// id, innermost first.
    fn pop<'s>(&mut self, bytes: &'s [u8], name: Range<usize>, found: &mut impl FnMut(Found<'s>)) {
        let name = &bytes[name];
        let named = |&(start, end, ..): &(usize, usize, Option<Id>, bool)| {
            bytes.get(start..end).is_some_and(|n| n.eq_ignore_ascii_case(name))
        };
        let Some(at) = self.open.iter().rposition(named) else { return };
        for &(_, _, id, hands) in self.open[at..].iter().rev() {
            self.handing -= usize::from(hands);
            if let Some(id) = id {
                found(Found::End(id, name));
            }
        }
        self.open.truncate(at);
    }
}

/// Where a comment whose text begins at `i` (after its `<!--`) ends, after its `-->` or
/// `--!>` (`<!-->` and `<!--->` end at once), as HTML's tokenizer reads it; `None` when
/// `bytes` end first.
fn comment_end(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i..) {
        Some([b'>', ..]) => return Some(i + 1),
        Some([b'-', b'>', ..]) => return Some(i + 2),
        _ => {}
    }
    let mut at = i;
    loop {
        at += memchr::memmem::find(bytes.get(at..)?, b"--")?;
        match bytes.get(at + 2..)? {
            [b'>', ..] => return Some(at + 3),
            [b'!', b'>', ..] => return Some(at + 4),
            _ => at += 1,
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
    /// The end tags in the input, found between the tokens lol_html hands over.
    ends: EndTags,
    visitor: V,
}

impl State<dyn Visitor> {
    /// Handles a start tag; returns the new element's id when it may have content.
    fn start(&mut self, el: &Element, name: &str, src: &str) -> std::result::Result<Option<Id>, Truncate> {
        let at = el.source_location().bytes().start;
        // HTML's parser reads `<image>` as `<img>`.
        let tag = Tag::from_name(if name == "image" { "img" } else { name });
        // A second <html>, <head> or <body> merges into the first in browsers, and a form
        // inside a form is ignored.
        let duplicate = (tag == known::HTML || tag == known::BODY || tag == known::HEAD) && self.open.count(tag) > 0;
        if duplicate {
            return Ok(None);
        }
        // An element that may not stand in the head (a `<br>` after a tracking pixel, a
        // `<div>`) ends it, as in browsers: the page's content is not head content.
        if self.open.top().is_some_and(|t| t.tag == known::HEAD) && !head_content(tag, name) {
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
        let html_element = el.namespace_uri() == HTML_NAMESPACE && !integration_point(name);
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
        let parent = self.open.stack.last().map(|o| o.id);
        self.visitor.open(id, tag, parent, el, src);
        if let Some(record) = &mut self.open.record {
            record.events.push(Event::Open { id, tag, at: u32::try_from(at).unwrap_or(u32::MAX) });
        }
        let foreign = tag.is(flag::FOREIGN) || in_foreign;
        let integration = foreign && integration_point(name);
        let foreign = foreign && !(in_foreign && self.open.top().is_some_and(|t| t.integration));
        if el.can_have_content() && !tag.is(flag::VOID) {
            self.open.push(Open { id, tag, foreign, integration });
            Ok(Some(id))
        } else {
            self.open.is_open.push(false);
            if let Some(record) = &mut self.open.record {
                record.events.push(Event::Close(id));
            }
            self.visitor.close(id);
            Ok(None)
        }
    }

    /// Handles the end tags and text between the last token handled and byte `to` of `src`
    /// (the walked input), in order.
    fn end_tags(&mut self, src: &str, to: usize) {
        let State { ends, open, visitor, .. } = self;
        ends.find(src, to, |found| match found {
            Found::End(id, name) => open.end(id, name, visitor),
            Found::Text(range, kind) => {
                let text = src.get(range.clone()).unwrap_or("");
                visitor.text(text, kind);
                if let Some(record) = &mut open.record {
                    record.text(text, Some(range), kind);
                }
            }
        });
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
/// the walk ended and a recording of what it reported, for [`replay`]. An input of 4 GiB or
/// more is not recorded (the recording is empty).
pub fn walk_recording<V: Visitor + 'static>(
    html: &str,
    visitor: V,
    max_elements: usize,
) -> Result<(V, Completion, Recording)> {
    let record = u32::try_from(html.len()).ok().map(|_| Recording::default());
    let (visitor, completion, elements) = walk_with(html, visitor, OpenElements::new(max_elements, record))?;
    Ok((visitor, completion, elements.record.unwrap_or_default()))
}

/// Walks `html` from the open elements in `open`; returns the visitor, how the walk ended
/// and the open elements at the end.
fn walk_with<V: Visitor + 'static>(
    html: &str,
    visitor: V,
    open: OpenElements,
) -> Result<(V, Completion, OpenElements)> {
    let state = Rc::new(RefCell::new(State {
        open,
        truncated: false,
        pending: String::new(),
        pending_range: None,
        ends: EndTags::new(),
        visitor,
    }));
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
            let mut st = on_element.borrow_mut();
            let tag = el.source_location().bytes();
            st.end_tags(html, tag.start);
            let name = tag_name(el, html);
            let opened = st.start(el, &name, html)?;
            // lol_html keeps every element that may have content open until an end tag
            // names it (void elements and self-closing foreign ones, `<path/>`, have none).
            if el.can_have_content() {
                let raw = raw_text(&name).filter(|_| el.namespace_uri() == HTML_NAMESPACE);
                st.ends.opened(html, tag, opened, hands_text(&name), raw);
            } else {
                st.ends.skip(tag.end);
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
        .append_element_content_handler(text!(TEXT_ELEMENTS, move |t| {
            let mut st = on_text.borrow_mut();
            let st = &mut *st;
            let at = t.source_location().bytes();
            st.end_tags(html, at.start);
            st.ends.skip(at.end);
            let chunk = t.as_str();
            if !chunk.is_empty() {
                // lol_html hands most text as a slice of the input: the node's text is then
                // read in place, as one range, and copied only when it is not.
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
                let range = st.pending_range.take();
                let text = match &range {
                    Some(r) => html.get(r.clone()).unwrap_or(""),
                    None => &st.pending,
                };
                if !text.is_empty() {
                    st.visitor.text(text, t.text_type());
                    if let Some(record) = &mut st.open.record {
                        record.text(text, range, t.text_type());
                    }
                }
                st.pending.clear();
            }
            Ok(())
        }))
        .with_strict(false);
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    let outcome = rewriter.write(html.as_bytes()).and_then(|()| rewriter.end());
    let truncated = state.borrow().truncated;
    if let Err(e) = outcome {
        if !truncated {
            return Err(Error::Parser(e.to_string()));
        }
    }
    let mut st = state.borrow_mut();
    let st = &mut *st;
    // Past the element that reached the limit, lol_html read nothing.
    if !truncated {
        st.end_tags(html, html.len());
    }
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

    /// Records every event as a line; as a [`Visitor`], also checks that each start tag read
    /// again from the input is what lol_html read.
    #[derive(Default)]
    struct Events(Vec<String>);

    impl Visitor for Events {
        fn open(&mut self, id: Id, tag: Tag, _: Option<Id>, el: &Element, src: &str) {
            let read = StartTag::read(src, el.source_location().bytes().start).expect("a start tag");
            let attrs: Vec<(String, String)> = el.attributes().iter().map(|a| (a.name(), a.value())).collect();
            let read_attrs: Vec<(String, String)> =
                read.attrs.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect();
            assert_eq!((read.name.as_ref(), &read_attrs), (el.tag_name().as_str(), &attrs), "{src:?}");
            self.0.push(format!("open {id} {}", tag.name()));
        }
        fn close(&mut self, id: Id) {
            self.0.push(format!("close {id}"));
        }
        fn text(&mut self, text: &str, kind: TextType) {
            self.0.push(format!("text {text:?} {kind:?}"));
        }
    }

    impl Replay for Events {
        fn open(&mut self, id: Id, tag: Tag, _: &str, _: usize) {
            self.0.push(format!("open {id} {}", tag.name()));
        }
        fn close(&mut self, id: Id) {
            self.0.push(format!("close {id}"));
        }
        fn text(&mut self, text: &str, kind: TextType) {
            self.0.push(format!("text {text:?} {kind:?}"));
        }
    }

    /// Walks `html` and checks that the replay of the walk's recording reports the same.
    fn replays_the_walk(html: &str, limit: usize) {
        let (walked, _, recording) = walk_recording(html, Events::default(), limit).expect("walkable");
        let mut replayed = Events::default();
        replay(html, &recording, &mut replayed);
        assert_eq!(replayed.0, walked.0, "{html:?}");
    }

    #[test]
    fn replays_report_what_the_walk_reported() {
        // The recording lives through the whole cleaning: 12 bytes per report.
        assert!(size_of::<Event>() <= 12);
        let pages = [
            "<!doctype html><html><body><nav>n</nav><article><p>a<p>b<ul><li>c<li>d</ul></article><footer>f</footer></body></html>",
            "<body><p>one<div>two</div><table><tr><td>x<td>y</table><p>z</p></body>",
            "<table><tr><td><div>a</table><p>b<table><tr><td>c</td></tr></table>",
            "<body><form><div><form><input></div></form><select><option>a<option>b<select><p>x</body>",
            "<body><svg><g><text>t</text></g></svg><div>d<math><mi>x</mi></math></div><p>e</p>",
            "<h1>a<h2>b</h1><dl><dt>t<dd>d<dt>u</dl><ruby>a<rt>b<rp>c</ruby><a>x<a>y</a>",
            "<div><textarea><p>raw</textarea><script>if (a<b) {}</script><title>t</title><noscript><p>n</p></noscript></div>",
            "<html><body><div><span>a</div>b</span><p>c</body></html>",
            "<body><p>intro<div><span>text</p>more</span></div>after<b>x</b></body>",
            "<div><svg><g><title>s</title><foreignObject><p>html in svg</p></foreignObject></g></svg><p>after svg</div>",
            "<div><template><p>template</p></template><p>a &lt; b <c> d</p><!-- </div> --><p>e</div></DIV><P>f",
            "<main><article><h1>Title</h1><p>Text <b>bold <i>both</b> italic</i> plain</p></section><p>stray</article></main>",
            "text before <p>x &amp; y</p> text after",
        ];
        for page in pages {
            replays_the_walk(page, 1000);
            // Cut short by the element limit.
            replays_the_walk(page, 3);
        }
    }

    #[test]
    fn start_tags_read_as_lol_html_reads_them() {
        let pieces = [
            " ", "a", "B", "=", "\"", "'", "/", "x", "\t", "\u{feff}", "é", "\n", "&amp;", "==",
        ];
        // Every attribute text of up to four pieces, in a tag followed by text and a tag.
        let texts = crate::testing::every_string(&pieces, 4);
        for t in &texts {
            let page = format!("<div {t}>z<p data-x={t}>y</p><img{t}><br/ {t}/></div><span\n{t}>");
            walk_recording(&page, Events::default(), 100).expect("walkable");
        }
        let tricky = "<DIV CLASS=a data-x=1 aria-label='b &amp; é' id=\"c\0\" xml:lang=d Data-Y></DIV>\
            <a href=/x?a=1&b=2 title=\"q'q\" class = spaced  hidden /><p =x ==y id=a id=b><h2/>\
            <img src=\"\u{feff}x\" \u{feff}alt=y><x-y\n>";
        walk_recording(tricky, Events::default(), 100).expect("walkable");
    }

    /// The end tags lol_html reports to handlers registered on every element that may have
    /// content, as (where the element's start tag begins, where the end tag begins), in order.
    fn reported_by_lol_html(html: &str) -> Vec<(usize, usize)> {
        let reports = Rc::new(RefCell::new(Vec::new()));
        let on_element = reports.clone();
        let settings = Settings::new()
            .append_element_content_handler(element!("*", move |el| {
                if el.can_have_content() {
                    let at = el.source_location().bytes().start;
                    let reports = on_element.clone();
                    el.on_end_tag(lol_html::end_tag!(move |end| {
                        reports.borrow_mut().push((at, end.source_location().bytes().start));
                        Ok(())
                    }))?;
                }
                Ok(())
            }))
            .with_strict(false);
        let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
        rewriter.write(html.as_bytes()).and_then(|()| rewriter.end()).expect("rewritable");
        Rc::try_unwrap(reports).expect("one owner").into_inner()
    }

    /// The same found by [`EndTags`] between the start tags and text that lol_html hands over.
    fn found_between_tokens(html: &str) -> Vec<(usize, usize)> {
        // Each token: where it lies, and for a start tag whether it may have content.
        let tokens = Rc::new(RefCell::new(Vec::new()));
        let (on_element, on_text) = (tokens.clone(), tokens.clone());
        let settings = Settings::new()
            .append_element_content_handler(element!("*", move |el| {
                on_element.borrow_mut().push((el.source_location().bytes(), Some(el.can_have_content())));
                Ok(())
            }))
            .append_document_content_handler(lol_html::doc_text!(move |t| {
                on_text.borrow_mut().push((t.source_location().bytes(), None));
                Ok(())
            }))
            .with_strict(false);
        let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
        rewriter.write(html.as_bytes()).and_then(|()| rewriter.end()).expect("rewritable");
        let mut ends = EndTags::new();
        let mut found = Vec::new();
        let mut report = |f: Found| {
            if let Found::End(at, name) = f {
                found.push((at as usize, name.as_ptr() as usize - html.as_ptr() as usize - 2));
            }
        };
        for (at, content) in tokens.take() {
            ends.find(html, at.start, &mut report);
            match content {
                Some(true) => ends.opened(html, at.clone(), Some(at.start as Id), false, None),
                _ => ends.skip(at.end),
            }
        }
        ends.find(html, html.len(), &mut report);
        found
    }

    #[test]
    fn end_tags_found_as_lol_html_reports_them() {
        let pieces = [
            "<div>", "</div>", "<P>", "</p >", "<!--", "-->", "<svg>", "<![CDATA[", "]]>", "<script>", "</script>",
            "<b t='>'>", "</b t='>'>", "</", "<!", ">", "-", "--!>", "x",
        ];
        // Alone, and after open elements that the end tags may close.
        for text in crate::testing::every_string(&pieces, 4) {
            for page in [text.clone(), format!("<div><p><b>{text}")] {
                assert_eq!(found_between_tokens(&page), reported_by_lol_html(&page), "{page:?}");
            }
        }
        let tricky = "<!DOCTYPE html><html><body><div><span>a</div>b</span><title>t</div></title>\
            <textarea></b></textarea><?x </div>?><!x </div>><div><!----><!---></div><div><!--></div>--!><p></P foo=\">\"></DIV\n>\
            <svg><path/><g></G></svg><x-y><my-el></x-y></my-el><image></image></ div></>c</body></html>";
        assert_eq!(found_between_tokens(tricky), reported_by_lol_html(tricky));
    }

    /// The text nodes lol_html hands a document text handler, as the walk reports them.
    fn text_by_lol_html(html: &str) -> Vec<String> {
        let nodes = Rc::new(RefCell::new((Vec::new(), String::new())));
        let on_text = nodes.clone();
        let settings = Settings::new()
            .append_document_content_handler(lol_html::doc_text!(move |t| {
                let (nodes, node) = &mut *on_text.borrow_mut();
                node.push_str(t.as_str());
                if t.last_in_text_node() && !node.is_empty() {
                    nodes.push(format!("text {node:?} {:?}", t.text_type()));
                    node.clear();
                }
                Ok(())
            }))
            .with_strict(false);
        let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
        rewriter.write(html.as_bytes()).and_then(|()| rewriter.end()).expect("rewritable");
        Rc::try_unwrap(nodes).expect("one owner").into_inner().0
    }

    /// The text nodes the walk reports.
    fn text_by_the_walk(html: &str) -> Vec<String> {
        let (events, _, _) = walk_recording(html, Events::default(), 1000).expect("walkable");
        events.0.into_iter().filter(|e| e.starts_with("text ")).collect()
    }

    #[test]
    fn text_found_as_lol_html_hands_it() {
        let pieces = [
            "<div>", "</div>", "x", "<", "</", "</>", "<!--", "-->", "<svg>", "</svg>", "<![CDATA[", "]]>", "<script>",
            "</script>", "<title>", "</title>", "<style>", "</STYLE >", "<textarea>", "<!", "?", ">", "<p/>", "<b a='<'>",
        ];
        // Alone, and in an open element.
        for text in crate::testing::every_string(&pieces, 3) {
            for page in [text.clone(), format!("<p>{text}")] {
                assert_eq!(text_by_the_walk(&page), text_by_lol_html(&page), "{page:?}");
            }
        }
        let tricky = "<!DOCTYPE html><title>a<b></title><noscript><img src=x></noscript><xmp><p></xmp>            <iframe>i</iframe><noembed>e</noembed><noframes>f</noframes><style>s</styles></style	>            <svg><title>t<b>u</b></title><style>v<i>w</i></style><![CDATA[x>y]]></svg><math><mi>m</mi></math>            <script><!--<script>a</script>b--></script>c<textarea>d</TEXTAREA/>e<plaintext></plaintext>z";
        assert_eq!(text_by_the_walk(tricky), text_by_lol_html(tricky));
    }

    #[test]
    fn names_and_values_read_in_place_match_lol_html() {
        let html = "<p>é</p><DIV CLASS=a data-x=1 aria-label='b &amp; é' id=\"c\0\" xml:lang=d Data-Y></DIV><img src=x alt><h2/><x-y\n>";
        let (names, _, _) = walk_recording(html, Names::default(), 100).expect("walkable");
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
