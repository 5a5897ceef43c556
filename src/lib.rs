//! unboil turns a web page's HTML into a clean reader-mode article.
//!
//! The pipeline has three steps, each a module:
//! 1. [`scan`]: one streaming lol_html pass records a compact table of elements and the
//!    page's metadata, with no DOM.
//! 2. [`decide`]: pure Rust over that table finds the article and marks boilerplate.
//! 3. [`emit`]: a second lol_html pass, over the article's part of the page only, writes the
//!    kept content as a sanitized tree, from which [`emit`] serializes safe HTML and
//!    [`render`] writes plain text and Markdown.
//!
//! [`clean_article`] runs the whole pipeline.
#![forbid(unsafe_code)]

pub mod article;
pub mod decide;
pub mod decode;
pub mod emit;
pub mod error;
pub mod html;
pub mod meta;
pub mod options;
pub mod render;
pub mod scan;

mod entities;
mod url;
pub mod words;

pub use article::{Article, Metadata};
pub use error::Error;
pub use options::{Formats, Options};

use std::borrow::Cow;

use error::Result;

/// The page to clean: bytes in any charset, or text already decoded.
#[derive(Debug, Clone, Copy)]
pub enum Input<'a> {
    /// Raw bytes; the charset is sniffed (BOM, `<meta>`, the caller's charset, UTF-8 or
    /// windows-1252) and the bytes decoded to UTF-8 first.
    Bytes(&'a [u8]),
    /// Text that is already Unicode.
    Str(&'a str),
}

/// Cleans a page: finds the article, drops the boilerplate, and returns the article with its
/// metadata in every format asked for.
pub fn clean_article(input: Input<'_>, options: &Options) -> Result<Article> {
    let html = utf8(input, options)?;
    let selectors = scan::selector::Selectors::parse(&options.keep_selectors, &options.remove_selectors)
        .map_err(|(name, reason)| Error::InvalidOption { name: name.into(), reason })?;
    let mut scan = scan::scan_with(&html, options.max_elements, &selectors)?;
    let forced = if selectors.is_empty() {
        Vec::new()
    } else {
        selectors.resolve(&scan.selector_bits, |id| scan.rows.get(id as usize).and_then(|r| r.parent()))
    };
    let base = meta::base_url(&scan, options.url.as_deref());
    let mut metadata = meta::extract(&scan, base.as_ref(), options.url.as_deref());
    let mut decision = decide::decide(&scan, metadata.title.as_deref(), &forced);
    // A page that shows next to nothing without scripts but serves its content in a
    // <noscript> is cleaned from that content.
    let mut body: &str = &html;
    let mut parts = if scan.complete { emit::ranges::plan(&scan.rows, &scan.layout, &decision.keep) } else { None };
    let inner;
    if decision.kept_chars < NOSCRIPT_FALLBACK_CHARS && scan.noscript.len() > 4 * NOSCRIPT_FALLBACK_CHARS as usize {
        let inner_scan = scan::scan(&scan.noscript, options.max_elements)?;
        let inner_decision = decide::decide(&inner_scan, metadata.title.as_deref(), &[]);
        if inner_decision.kept_chars > decision.kept_chars {
            inner = std::mem::take(&mut scan.noscript);
            body = &inner;
            decision = inner_decision;
            parts = None;
        }
    }
    let readerable = decision.readerable;
    let layout = std::mem::take(&mut scan.layout);
    // The scan's table and text are not needed past here; free them before the emit pass.
    drop(scan);
    let doc = emit::emit(
        body,
        emit::Settings {
            keep: decision.keep,
            roots: decision.roots,
            base: base.as_ref(),
            page_url: options.url.as_deref(),
            keep_images: options.keep_images,
            max_elements: options.max_elements,
            parts,
            layout,
        },
    )?;
    // Nor is the page itself, once the article tree is built.
    drop(html);
    let text = render::to_text(&doc);
    let (word_count, reading_minutes) = render::words_and_minutes(&text);
    metadata.excerpt = metadata.excerpt.take().or_else(|| first_paragraph(&text));
    Ok(Article {
        meta: metadata,
        html: if options.formats.html { emit::to_html(&doc) } else { String::new() },
        markdown: options.formats.markdown.then(|| render::to_markdown(&doc)),
        word_count,
        reading_minutes,
        text: if options.formats.text { text } else { String::new() },
        readerable,
    })
}

/// Below this many kept characters, a large `<noscript>` is tried as the page's content.
const NOSCRIPT_FALLBACK_CHARS: u32 = 250;

/// The article's first paragraph, as an excerpt when the page gives none.
fn first_paragraph(text: &str) -> Option<String> {
    let p = text.split("\n\n").map(str::trim).find(|p| p.chars().count() >= 40)?;
    Some(p.chars().take(300).collect())
}

/// Checks the input's size and turns it into UTF-8 text.
fn utf8<'a>(input: Input<'a>, options: &Options) -> Result<Cow<'a, str>> {
    let size = match input {
        Input::Bytes(b) => b.len(),
        Input::Str(s) => s.len(),
    };
    if size > options.max_bytes {
        return Err(Error::TooLarge { size, limit: options.max_bytes });
    }
    match input {
        Input::Str(s) if s.trim().is_empty() => Err(Error::EmptyInput),
        Input::Str(s) => Ok(Cow::Borrowed(s)),
        Input::Bytes(b) => Ok(Cow::Owned(decode::decode(b, options.charset.as_deref())?.html)),
    }
}
