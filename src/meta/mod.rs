//! Metadata: collected during the scan, then chosen among the candidates after it.
//!
//! Sources, most trusted first for each field: JSON-LD, `<meta>` tags (Open Graph, Twitter,
//! article:, Dublin Core, Parse.ly, plain names), microdata, `<time>`, `rel=author`, the
//! `<title>` and headings, and finally the page's own text and URL.

mod byline;
mod date;
mod json;
mod jsonld;
mod title;

use lol_html::html_content::Element;

use crate::entities;
use crate::scan::tags::{known, Tag};
use crate::scan::walk::Id;
use crate::scan::Scan;
use crate::url::{self, BaseUrl, UrlKind};

pub use byline::looks_like_byline;
pub use date::{in_line as has_date, normalize as normalize_date};

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

fn attr(el: &Element, name: &str) -> Option<String> {
    el.get_attribute(name).map(|v| entities::decode(&v, true).trim().to_string())
}

impl Collected {
    /// Records what element `id` says about the page, given its `itemprop` as written (the
    /// scan reads it with the other attributes); tells the scan what text to capture.
    pub fn on_element(&mut self, id: Id, tag: Tag, el: &Element, itemprop: Option<&str>, in_svg: bool) -> Capture {
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
                self.html_lang = self.html_lang.take().or_else(|| attr(el, "lang")).or_else(|| attr(el, "xml:lang"));
                self.html_dir = self.html_dir.take().or_else(|| attr(el, "dir"));
                Capture::None
            }
            t if t == known::TITLE && !in_svg && !self.title_seen => {
                self.title_seen = true;
                Capture::Title
            }
            t if t == known::META => {
                if let Some(v) = attr(el, "content") {
                    // `property` (RDFa) keys come first: they win over `name` keys.
                    for (from, rank) in [("property", 0u8), ("name", 1), ("itemprop", 2), ("http-equiv", 3)] {
                        let keys = if from == "itemprop" { itemprop.clone() } else { attr(el, from) };
                        for k in keys.iter().flat_map(|k| k.split_ascii_whitespace()) {
                            self.metas.push((rank, normalize_key(k), v.clone()));
                        }
                    }
                }
                Capture::None
            }
            t if t == known::LINK => {
                let rel = attr(el, "rel").unwrap_or_default().to_ascii_lowercase();
                if rel.split_ascii_whitespace().any(|r| r == "canonical") && self.canonical.is_none() {
                    self.canonical = attr(el, "href");
                }
                if rel.split_ascii_whitespace().any(|r| r == "image_src") {
                    if let Some(h) = attr(el, "href") {
                        self.metas.push((1, "image_src".into(), h));
                    }
                }
                Capture::None
            }
            t if t == known::BASE => {
                if self.base_href.is_none() {
                    self.base_href = attr(el, "href");
                }
                Capture::None
            }
            t if t == known::SCRIPT => {
                let ty = attr(el, "type").unwrap_or_default().to_ascii_lowercase();
                if ty.starts_with("application/ld+json") {
                    self.json_ld.push(String::new());
                    Capture::JsonLd
                } else {
                    Capture::None
                }
            }
            t if t == known::A => {
                let rel = attr(el, "rel").unwrap_or_default().to_ascii_lowercase();
                if rel.split_ascii_whitespace().any(|r| r == "author") {
                    self.author_links.push(id);
                }
                Capture::None
            }
            _ => Capture::None,
        };
        let is_date_prop = itemprop.as_deref().is_some_and(|p| p.starts_with("date"));
        if tag == known::TIME || (is_date_prop && tag != known::META) {
            let value = attr(el, "datetime").or_else(|| attr(el, "content"));
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

/// The chosen metadata of a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// Headline without the site name.
    pub title: Option<String>,
    /// Authors.
    pub byline: Option<String>,
    /// Publication date-time (ISO 8601).
    pub published: Option<String>,
    /// Modification date-time (ISO 8601).
    pub modified: Option<String>,
    /// Publication name.
    pub site_name: Option<String>,
    /// Language tag.
    pub lang: Option<String>,
    /// Text direction.
    pub dir: Option<String>,
    /// The page's own summary.
    pub excerpt: Option<String>,
    /// Absolute URL of the lead image.
    pub lead_image: Option<String>,
}

/// The base URL for relative links: `<base href>` resolved against the page URL, else the page
/// URL, else the canonical URL.
pub fn base_url(scan: &Scan, page_url: Option<&str>) -> Option<BaseUrl> {
    let page = page_url.and_then(BaseUrl::parse);
    let canonical = || scan.meta.canonical.as_deref().and_then(BaseUrl::parse);
    let outer = page.or_else(canonical);
    match (&scan.meta.base_href, &outer) {
        (Some(b), Some(p)) => BaseUrl::parse(&p.join(b)).or(outer),
        (Some(b), None) => BaseUrl::parse(b),
        (None, _) => outer,
    }
}

/// Chooses the page's metadata from what the scan collected.
pub fn extract(scan: &Scan, base: Option<&BaseUrl>, page_url: Option<&str>) -> Metadata {
    let m = &scan.meta;
    let ld = jsonld::parse(&m.json_ld);
    let site_name = m
        .meta(&["og:site_name", "application-name", "al:android:app_name", "al:ios:app_name"])
        .map(str::to_string)
        .or_else(|| ld.publisher.clone())
        .filter(|s| s.chars().count() <= 100);
    let h1s: Vec<&str> = scan
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.tag == known::H1)
        .map(|(i, _)| scan.text_of(i as Id).trim())
        .filter(|t| !t.is_empty())
        .take(8)
        .collect();
    let title = title::choose(&title::Candidates {
        title_tag: m.title.trim(),
        og: m.meta(&[
            "dc:title",
            "dcterm:title",
            "dcterms:title",
            "og:title",
            "twitter:title",
            "parsely-title",
            "sailthru.title",
        ]),
        headline: ld.headline.as_deref(),
        h1s: &h1s,
        site_name: site_name.as_deref(),
    });
    let site_name = site_name.or_else(|| title.as_deref().and_then(|t| title::site_part(&m.title, t)));
    let near = near_headline(scan);
    let byline = byline::choose(scan, &ld, near.clone());
    let published = ld
        .published
        .iter()
        .map(String::as_str)
        .chain(m.meta(&[
            "article:published_time",
            "og:article:published_time",
            "datepublished",
            "parsely-pub-date",
            "sailthru.date",
            "dc:date.issued",
            "dcterms:issued",
            "dc:date",
            "dcterms:date",
            "dc:date.created",
            "dcterms:created",
            "date",
            "pubdate",
            "publishdate",
            "publish-date",
            "publish_date",
            "article.published",
            "og:published_time",
            "published_time",
            "release_date",
            "citation_publication_date",
            "citation_date",
            "citation_online_date",
            "prism.publicationdate",
        ]))
        .find_map(date::normalize)
        .or_else(|| date::from_elements(scan))
        .or_else(|| page_url.and_then(date::from_url))
        .or_else(|| date::from_lines(scan, near));
    let modified = ld
        .modified
        .iter()
        .map(String::as_str)
        .chain(m.meta(&[
            "article:modified_time",
            "og:updated_time",
            "datemodified",
            "dcterms:modified",
            "last-modified",
            "lastmod",
        ]))
        .find_map(date::normalize);
    let lang = m
        .html_lang
        .clone()
        .filter(|l| !l.is_empty())
        .or_else(|| {
            m.meta(&["content-language", "dc:language", "language"])
                .map(|l| l.split(',').next().unwrap_or(l).trim().to_string())
        })
        .or_else(|| m.meta(&["og:locale"]).map(|l| l.replace('_', "-")))
        .or_else(|| ld.language.clone())
        .filter(|l| !l.is_empty() && l.len() <= 35);
    let dir = m
        .html_dir
        .clone()
        .map(|d| d.to_ascii_lowercase())
        .filter(|d| matches!(d.as_str(), "ltr" | "rtl" | "auto"))
        .or_else(|| lang.as_deref().filter(|l| is_rtl_language(l)).map(|_| "rtl".to_string()));
    let excerpt = m
        .meta(&["og:description", "description", "twitter:description", "dc:description", "sailthru.description"])
        .map(str::to_string)
        .or_else(|| ld.description.clone());
    let lead_image = m
        .meta(&["og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src", "image_src"])
        .map(str::to_string)
        .or_else(|| ld.image.clone())
        .and_then(|u| url::sanitize(&u, base, UrlKind::Image))
        .filter(|u| !u.starts_with("data:"));
    Metadata { title, byline, published, modified, site_name, lang, dir, excerpt, lead_image }
}

/// How many elements after the first `<h1>` may hold its byline or date line (a quarter as
/// many before it).
const NEAR_HEADLINE: usize = 120;

/// The elements around the first `<h1>`, where bylines and date lines stand.
fn near_headline(scan: &Scan) -> std::ops::Range<usize> {
    let h1 = scan.rows.iter().position(|r| r.tag == known::H1).unwrap_or(0);
    h1.saturating_sub(NEAR_HEADLINE / 4)..(h1 + NEAR_HEADLINE).min(scan.rows.len())
}

/// Whether a language tag names a language written right to left.
pub fn is_rtl_language(tag: &str) -> bool {
    let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    matches!(primary.as_str(), "ar" | "he" | "iw" | "fa" | "ur" | "ps" | "yi" | "dv" | "ku" | "sd" | "ug")
}
