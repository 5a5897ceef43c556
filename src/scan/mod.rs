//! Scan: one streaming lol_html pass over the page that records a compact element table, the
//! page's visible text, and the raw metadata — no DOM.

pub mod collect;
pub mod selector;
pub mod signals;
pub mod table;

use lol_html::html_content::{Element, TextType};

use crate::entities;
use crate::error::Result;
use crate::html::tags::{flag, known, Tag};
use crate::html::walk::{self, Completion, Id, Visitor};
use crate::words::{first_space, is_ascii_space, is_cjk, skip_spaces};
use collect::{Capture, Collected};
use selector::Selectors;
use signals::sig;
use table::{Row, NO_PARENT};

/// What the scan learned about a page.
#[derive(Debug, Default)]
pub struct Scan {
    /// One row per element, indexed by [`Id`].
    pub rows: Vec<Row>,
    /// The page's visible text in document order, character references decoded, white space
    /// collapsed, with a `\n` between blocks. Rows point into it.
    pub text: String,
    /// Metadata as found, before any choice is made.
    pub meta: Collected,
    /// Whether the whole page was read.
    pub complete: bool,
    /// The raw content of the page's largest `<noscript>`: some sites serve their whole
    /// content there for clients without scripts.
    pub noscript: String,
    /// For each row, the user-selector compounds it matches (empty without selectors).
    pub selector_bits: Vec<u64>,
    /// What the walk over the page reported, for the emit pass to replay instead of walking
    /// the page again.
    pub recording: walk::Recording,
}

impl Scan {
    /// The whole text of element `id` (descendants included).
    pub fn text_of(&self, id: Id) -> &str {
        self.rows.get(id as usize).and_then(|r| self.text.get(r.text_start as usize..r.text_end as usize)).unwrap_or("")
    }
}

/// Scans `html` (UTF-8), reading at most `max_elements` elements.
pub fn scan(html: &str, max_elements: usize) -> Result<Scan> {
    scan_with(html, max_elements, &Selectors::default())
}

/// Scans `html`, also matching the user's selectors against every element.
pub fn scan_with(html: &str, max_elements: usize, selectors: &Selectors) -> Result<Scan> {
    let scanner = Scanner {
        scan: Scan { text: String::with_capacity(html.len() / 4), ..Scan::default() },
        selectors: selectors.clone(),
        ..Scanner::default()
    };
    let (scanner, completion, recording) = walk::walk_recording(html, scanner, max_elements)?;
    let mut scan = scanner.scan;
    scan.complete = completion == Completion::Complete;
    scan.recording = recording;
    unhide_deferred(&mut scan);
    Ok(scan)
}

/// Streaming server renderers park the whole page in a `hidden` element for a script to move
/// into place, and responsive layouts hide by class names that wider screens undo; so an
/// element hidden only that way and holding a large share of the page's text does not count
/// as hidden; nor does a large `aria-hidden` wrapper, which pages set on their content while
/// a modal is open. (Inline styles and the `hidden` attribute of a paragraph hide for sure.)
fn unhide_deferred(scan: &mut Scan) {
    let total = scan.text.len() as u64;
    for row in &mut scan.rows {
        if row.has(sig::PARKED) && u64::from(row.text_end - row.text_start) * 4 > total {
            row.signals &= !sig::HIDDEN;
        }
    }
}

/// Whether a script's `type` holds TeX (`math/tex`, `math/tex; mode=display`).
pub fn is_tex_type(value: &str) -> bool {
    value.trim_start().get(..8).is_some_and(|t| t.eq_ignore_ascii_case("math/tex"))
}

#[derive(Default)]
struct Scanner {
    scan: Scan,
    /// Ids of the open elements, innermost last.
    open: Vec<Id>,
    /// Open elements whose text is never visible (script, style, svg, …).
    hidden_depth: u32,
    /// Open links.
    link_depth: u32,
    /// Open links to a fragment of the same page (`href="#…"`).
    inpage_link_depth: u32,
    /// Open `<svg>` elements (their `<title>` is not the page's).
    svg_depth: u32,
    capture: Capture,
    selectors: Selectors,
    classes: signals::ClassCache,
    /// The current element's `itemprop`, as written, read with its other attributes.
    itemprop: Option<String>,
}

impl Scanner {
    fn separate(&mut self) {
        if !self.scan.text.is_empty() && !self.scan.text.ends_with('\n') {
            if self.scan.text.ends_with(' ') {
                self.scan.text.pop();
            }
            self.scan.text.push('\n');
        }
    }

    fn signals(&mut self, tag: Tag, el: &Element, src: &str) -> u32 {
        let mut s = 0;
        let mut parked = false;
        let mut hard = false;
        for a in el.attributes() {
            let name = walk::attr_name(a, src);
            let value = || walk::attr_value(a, src);
            s |= match &*name {
                "class" => self.classes.name_flags(&value()),
                // Test hooks name the component in plain words ("consent-banner", "article-body").
                "id" | "data-testid" | "data-test-id" => signals::id_flags(&value()),
                "aria-label" => signals::name_flags(&value()) & !(sig::POSITIVE | sig::ARTICLE_BODY),
                "role" => signals::role_flags(&value()),
                "rel" => signals::rel_flags(&value()),
                "itemprop" => {
                    let value = value();
                    if self.itemprop.is_none() {
                        self.itemprop = Some(value.to_string());
                    }
                    signals::itemprop_flags(&value)
                }
                // Streaming renderers park parts of the page, not single paragraphs.
                "hidden" if tag == known::P => {
                    hard = true;
                    sig::HIDDEN
                }
                "hidden" => {
                    parked = true;
                    0
                }
                "type" if tag == known::SCRIPT && is_tex_type(&value()) => sig::MATHJAX,
                "type" if tag == known::INPUT && value().trim().eq_ignore_ascii_case("hidden") => {
                    hard = true;
                    sig::HIDDEN
                }
                // Pages mark their whole content aria-hidden while a modal is open: like a
                // parked element, it hides only what is small.
                "aria-hidden" if value().trim().eq_ignore_ascii_case("true") => {
                    parked = true;
                    sig::HIDDEN
                }
                "style" if signals::style_hides(&value()) => {
                    hard = true;
                    sig::HIDDEN
                }
                "href" if tag == known::A => signals::href_flags(&entities::decode(&value(), true)),
                n if n.starts_with("data-ad") => sig::AD,
                _ => 0,
            };
        }
        // The attribute, aria-hidden and hiding class names (`hidden md:block`) may be undone by
        // scripts or wider screens; an inline style or a hidden input hides for sure.
        if (parked || s & sig::HIDDEN != 0) && !hard {
            s |= sig::HIDDEN | sig::PARKED;
        }
        s
    }
}

impl Visitor for Scanner {
    fn open(&mut self, id: Id, tag: Tag, parent: Option<Id>, el: &Element, src: &str) {
        if tag.is(flag::BLOCK) || tag == known::BR {
            self.separate();
        }
        let depth = parent.and_then(|p| self.scan.rows.get(p as usize)).map_or(0, |r| r.depth + 1);
        let signals = self.signals(tag, el, src);
        if !self.selectors.is_empty() {
            let name = if tag == Tag::OTHER { el.tag_name() } else { tag.name().to_string() };
            let bits = self.selectors.match_compounds(&name, el);
            self.scan.selector_bits.push(bits);
        }
        let at = self.scan.text.len() as u32;
        self.scan.rows.push(Row {
            tag,
            parent: parent.unwrap_or(NO_PARENT),
            depth,
            signals,
            text_start: at,
            text_end: at,
            ..Row::default()
        });
        if tag.is(flag::NO_TEXT) || tag == known::SVG {
            self.hidden_depth += 1;
        }
        if tag == known::A {
            self.link_depth += 1;
            if signals & sig::FRAGMENT_LINK != 0 {
                self.inpage_link_depth += 1;
            }
        }
        self.open.push(id);
        if tag == known::SVG {
            self.svg_depth += 1;
        }
        let itemprop = self.itemprop.take();
        self.capture = self.scan.meta.on_element(id, tag, el, src, itemprop.as_deref(), self.svg_depth > 0);
    }

    fn close(&mut self, id: Id) {
        self.open.pop();
        let end = self.scan.text.len() as u32;
        let Some(row) = self.scan.rows.get_mut(id as usize) else { return };
        row.text_end = end.max(row.text_start);
        let tag = row.tag;
        if tag.is(flag::NO_TEXT) || tag == known::SVG {
            self.hidden_depth = self.hidden_depth.saturating_sub(1);
        }
        if tag == known::A {
            self.link_depth = self.link_depth.saturating_sub(1);
            if row.signals & sig::FRAGMENT_LINK != 0 {
                self.inpage_link_depth = self.inpage_link_depth.saturating_sub(1);
            }
        }
        if tag == known::SVG {
            self.svg_depth = self.svg_depth.saturating_sub(1);
        }
        if tag == known::TITLE || tag == known::SCRIPT {
            self.capture = Capture::None;
        }
        if tag.is(flag::BLOCK) || tag == known::BR {
            self.separate();
        }
    }

    fn text(&mut self, raw: &str, kind: TextType) {
        match (self.capture, kind) {
            (Capture::Title, TextType::RCData) => {
                self.scan.meta.title.push_str(&entities::decode(raw, false));
                return;
            }
            (Capture::JsonLd, TextType::ScriptData) => {
                if let Some(last) = self.scan.meta.json_ld.last_mut() {
                    last.push_str(raw);
                }
                return;
            }
            _ => {}
        }
        if kind == TextType::RawText {
            let in_noscript = self
                .open
                .last()
                .and_then(|&id| self.scan.rows.get(id as usize))
                .is_some_and(|r| r.tag == known::NOSCRIPT);
            if in_noscript && raw.len() > self.scan.noscript.len() {
                self.scan.noscript = raw.to_string();
            }
        }
        if !matches!(kind, TextType::Data | TextType::PlainText) || self.hidden_depth > 0 {
            return;
        }
        let decoded = entities::decode(raw, false);
        let text = &mut self.scan.text;
        let mut chars = 0u32;
        let mut commas = 0u32;
        // Word by word: each run of white space becomes one space (none at the start of the
        // text or after a block's newline), and a word is copied in one piece.
        let mut rest: &str = &decoded;
        while !rest.is_empty() {
            // An ASCII word is measured as it is found, in one pass over its bytes.
            let (mut end, mut ascii_commas) = (0, 0);
            let ascii = loop {
                match rest.as_bytes().get(end) {
                    None => break true,
                    Some(&b) if is_ascii_space(b) => break true,
                    Some(&b) if b.is_ascii() => {
                        ascii_commas += u32::from(b == b',');
                        end += 1;
                    }
                    Some(_) => break false,
                }
            };
            if !ascii {
                end = first_space(rest).unwrap_or(rest.len());
            }
            let (word, after) = rest.split_at(end);
            text.push_str(word);
            if ascii {
                chars += word.len() as u32;
                commas += ascii_commas;
            } else {
                for c in word.chars() {
                    // An ideograph or kana says about as much as two Latin letters; counting
                    // it twice lets one set of length thresholds serve every script.
                    chars += if is_cjk(c) { 2 } else { 1 };
                    if matches!(c, ',' | '，' | '、' | '،') {
                        commas += 1;
                    }
                }
            }
            rest = skip_spaces(after);
            if rest.len() < after.len() && !text.is_empty() && !text.ends_with([' ', '\n']) {
                text.push(' ');
                chars += 1;
            }
        }
        let Some(row) = self.open.last().and_then(|&id| self.scan.rows.get_mut(id as usize)) else { return };
        row.own_chars += chars;
        row.own_commas += commas;
        if self.link_depth > 0 {
            row.own_link_chars += chars;
            if self.inpage_link_depth == self.link_depth {
                row.own_inpage_link_chars += chars;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_folded_and_counted() {
        let scan = scan("<p> Hello,  big\u{3000}world \u{65e5}\u{672c}, </p><p>\tnext</p>", 1000).expect("scannable");
        assert_eq!(scan.text, "Hello, big world \u{65e5}\u{672c},\nnext\n");
        let p = &scan.rows[scan.rows.len() - 2];
        // 6 + 1 + 3 + 1 + 5 + 1 + 2 * 2 + 1, and the trailing space, later dropped: 23; two commas.
        assert_eq!((p.own_chars, p.own_commas), (23, 2));
    }
}
