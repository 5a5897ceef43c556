//! Metadata: chosen among the candidates the scan collected ([`crate::scan::collect`]).
//!
//! Sources, most trusted first for each field: JSON-LD, `<meta>` tags (Open Graph, Twitter,
//! article:, Dublin Core, Parse.ly, plain names), microdata, `<time>`, `rel=author`, the
//! `<title>` and headings, and finally the page's own text and URL.

mod byline;
mod date;
mod json;
mod jsonld;
mod title;

use crate::article::Metadata;
use crate::html::tags::known;
use crate::html::walk::Id;
use crate::scan::Scan;
use crate::url::{self, BaseUrl, UrlKind};

pub use byline::looks_like_byline;
pub use date::in_line as has_date;

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
