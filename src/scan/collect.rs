//! What the scan collects for the metadata as it goes: `<title>`, `<meta>` tags, JSON-LD
//! scripts, `<html lang>`, `<base href>`, canonical and author links, and the elements that
//! hold dates and authors. [`crate::meta`] chooses among them after the scan.

use lol_html::html_content::Element;

use crate::entities;
use crate::html::tags::{known, Tag};
use crate::html::walk::{self, Id};

/// Which text the scan should capture for the metadata after an element opens.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Capture {
    /// Nothing beyond the article text.
    #[default]
    None,
    /// The text of the page's `<title>`.
    Title,
    /// The text of a JSON-LD script.
    JsonLd,
}

/// A `<time>` element or an element with a date `itemprop`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateElement {
    /// The element.
    pub id: Id,
    /// Its `datetime` or `content` attribute, if any.
    pub value: Option<String>,
    /// Its `itemprop`, if any.
    pub itemprop: Option<String>,
}

/// Raw metadata, as found by the scan.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Collected {
    /// Text of the first `<title>` outside SVG.
    pub title: String,
    title_seen: bool,
    /// `<html lang>`.
    pub html_lang: Option<String>,
    /// `<html dir>`.
    pub html_dir: Option<String>,
    /// The first `<base href>`.
    pub base_href: Option<String>,
    /// `<link rel=canonical href>`.
    pub canonical: Option<String>,
    /// `<meta>` tags as (source rank: property 0, name 1, itemprop 2, http-equiv 3; normalized
    /// key; content).
    pub metas: Vec<(u8, String, String)>,
    /// Text of each JSON-LD script.
    pub json_ld: Vec<String>,
    /// `<time>` elements and elements with date itemprops.
    pub dates: Vec<DateElement>,
    /// Elements with an author `itemprop` (their text or their `name` child's text).
    pub author_elements: Vec<Id>,
    /// Elements with `itemprop=name`, for authors given as nested microdata.
    pub name_elements: Vec<Id>,
    /// Links with `rel=author`.
    pub author_links: Vec<Id>,
}

/// Lower-cases a meta key and writes Dublin Core prefixes one way (`DC.creator` → `dc:creator`).
fn normalize_key(k: &str) -> String {
    let k = k.to_ascii_lowercase();
    for p in ["dc.", "dcterm.", "dcterms."] {
        if let Some(rest) = k.strip_prefix(p) {
            return format!("{}:{rest}", &p[..p.len() - 1]);
        }
    }
    k
}

/// The value of `el`'s first attribute named `name` (lower case), decoded and trimmed; names
/// and values are read in place from `src`, the scanned input.
fn attr(el: &Element, src: &str, name: &str) -> Option<String> {
    let a = el.attributes().iter().find(|a| walk::attr_name(a, src) == name)?;
    Some(entities::decode(&walk::attr_value(a, src), true).trim().to_string())
}

impl Collected {
    /// Records what element `id` says about the page, given its `itemprop` as written (the
    /// scan reads it with the other attributes) and the scanned input `src`; tells the scan
    /// what text to capture.
    pub fn on_element(
        &mut self,
        id: Id,
        tag: Tag,
        el: &Element,
        src: &str,
        itemprop: Option<&str>,
        in_svg: bool,
    ) -> Capture {
        let itemprop = itemprop.map(|v| entities::decode(v, true).trim().to_string());
        if let Some(p) = &itemprop {
            if p.split_ascii_whitespace().any(|p| p == "author" || p == "creator") {
                self.author_elements.push(id);
            }
            if p.split_ascii_whitespace().any(|p| p == "name") {
                self.name_elements.push(id);
            }
        }
        let capture = match tag {
            t if t == known::HTML => {
                self.html_lang = self.html_lang.take().or_else(|| attr(el, src, "lang")).or_else(|| attr(el, src, "xml:lang"));
                self.html_dir = self.html_dir.take().or_else(|| attr(el, src, "dir"));
                Capture::None
            }
            t if t == known::TITLE && !in_svg && !self.title_seen => {
                self.title_seen = true;
                Capture::Title
            }
            t if t == known::META => {
                if let Some(v) = attr(el, src, "content") {
                    // `property` (RDFa) keys come first: they win over `name` keys.
                    for (from, rank) in [("property", 0u8), ("name", 1), ("itemprop", 2), ("http-equiv", 3)] {
                        let keys = if from == "itemprop" { itemprop.clone() } else { attr(el, src, from) };
                        for k in keys.iter().flat_map(|k| k.split_ascii_whitespace()) {
                            self.metas.push((rank, normalize_key(k), v.clone()));
                        }
                    }
                }
                Capture::None
            }
            t if t == known::LINK => {
                let rel = attr(el, src, "rel").unwrap_or_default().to_ascii_lowercase();
                if rel.split_ascii_whitespace().any(|r| r == "canonical") && self.canonical.is_none() {
                    self.canonical = attr(el, src, "href");
                }
                if rel.split_ascii_whitespace().any(|r| r == "image_src") {
                    if let Some(h) = attr(el, src, "href") {
                        self.metas.push((1, "image_src".into(), h));
                    }
                }
                Capture::None
            }
            t if t == known::BASE => {
                if self.base_href.is_none() {
                    self.base_href = attr(el, src, "href");
                }
                Capture::None
            }
            t if t == known::SCRIPT => {
                let ty = attr(el, src, "type").unwrap_or_default().to_ascii_lowercase();
                if ty.starts_with("application/ld+json") {
                    self.json_ld.push(String::new());
                    Capture::JsonLd
                } else {
                    Capture::None
                }
            }
            t if t == known::A => {
                let rel = attr(el, src, "rel").unwrap_or_default().to_ascii_lowercase();
                if rel.split_ascii_whitespace().any(|r| r == "author") {
                    self.author_links.push(id);
                }
                Capture::None
            }
            _ => Capture::None,
        };
        let is_date_prop = itemprop.as_deref().is_some_and(|p| p.starts_with("date"));
        if tag == known::TIME || (is_date_prop && tag != known::META) {
            let value = attr(el, src, "datetime").or_else(|| attr(el, src, "content"));
            self.dates.push(DateElement { id, value, itemprop });
        }
        capture
    }

    /// The content of the first `<meta>` among `keys` (normalized: lower-case, `dc.` as
    /// `dc:`) with a non-empty value; `property` keys before `name` keys.
    pub fn meta<'a>(&'a self, keys: &[&'a str]) -> Option<&'a str> {
        keys.iter().find_map(|k| self.metas_named(k).next())
    }

    /// Every non-empty content of `<meta>` tags with key `key`, best source first.
    pub fn metas_named<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        (0u8..4).flat_map(move |rank| {
            self.metas
                .iter()
                .filter(move |(r, n, v)| *r == rank && n == key && !v.trim().is_empty())
                .map(|(_, _, v)| v.trim())
        })
    }
}
