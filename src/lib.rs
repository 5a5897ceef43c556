//! unboil turns a web page's HTML into a clean reader-mode article: the headline, byline,
//! dates, site name, language and lead image, and the article body alone, as sanitized HTML
//! (safe for `innerHTML`), plain text and Markdown.
//!
//! ```
//! use unboil::{clean_article, Input, Options};
//!
//! let page = "<html><head><title>Ferries return | Harbor News</title></head><body>\
//!     <nav><a href=/>Home</a></nav><article><h1>Ferries return</h1><p>The first ferries of the season crossed the harbor on \
//!     Monday morning, carrying commuters, cyclists and a few early tourists to the islands, \
//!     where cafés had opened their terraces for the first time since October.</p></article>";
//! let article = clean_article(Input::Str(page), &Options::default())?;
//! assert_eq!(article.meta.title.as_deref(), Some("Ferries return"));
//! assert_eq!(article.meta.site_name.as_deref(), Some("Harbor News"));
//! assert!(article.text.starts_with("The first ferries"));
//! assert!(!article.html.contains("Home"));
//! # Ok::<(), unboil::Error>(())
//! ```
//!
//! The pipeline (see `docs/architecture.md`) has three passes over the page: a streaming scan
//! that records a compact table of elements and the page's metadata, with no DOM; a decision
//! over that table that finds the article and marks boilerplate; and a second pass, over the
//! article's part of the page only, that writes the kept content as a sanitized tree, from
//! which the HTML, text and Markdown are written. Its modules are internal; the `test-api`
//! feature makes them public for the project's own tests, examples and fuzz targets, with no
//! promise of stability.
#![forbid(unsafe_code)]

/// Declares internal modules: private, or public with the `test-api` feature.
macro_rules! internal {
    ($($name:ident),* $(,)?) => {$(
        #[cfg(feature = "test-api")]
        pub mod $name;
        #[cfg(not(feature = "test-api"))]
        mod $name;
    )*};
}

internal!(decide, decode, emit, html, meta, render, scan, words);

mod article;
mod entities;
mod error;
mod options;
mod sort;
#[cfg(test)]
mod testing;
mod url;

pub use article::{Article, Metadata};
pub use error::Error;
pub use options::{Formats, Options, HIDDEN_MARK};

use std::borrow::Cow;

use error::Result;

/// The page to clean: bytes in any charset, or text already decoded.
///
/// ```
/// use unboil::Input;
///
/// let bytes = b"<meta charset=windows-1252><p>caf\xe9</p>";
/// let from_bytes = Input::Bytes(bytes); // decoded as the page declares
/// let from_text = Input::Str("<p>café</p>");
/// # let _ = (from_bytes, from_text);
/// ```
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
///
/// Never panics: bad input gives an [`Error`] (empty input, input that is not HTML, an unknown
/// charset, an invalid option, input over the size limit) or a best-effort article.
///
/// ```
/// use unboil::{clean_article, Error, Formats, Input, Options};
///
/// let options = Options {
///     url: Some("https://example.com/news/story".into()),
///     formats: Formats { markdown: false, ..Formats::default() },
///     ..Options::default()
/// };
/// let page = "<article><h2>Ferries</h2><p>See <a href=timetable>the timetable</a>.</p></article>";
/// let article = clean_article(Input::Str(page), &options)?;
/// assert!(article.html.contains(r#"href="https://example.com/news/timetable""#));
/// assert_eq!(article.markdown, None);
///
/// assert_eq!(clean_article(Input::Str("  "), &options), Err(Error::EmptyInput));
/// # Ok::<(), Error>(())
/// ```
pub fn clean_article(input: Input<'_>, options: &Options) -> Result<Article> {
    let html = utf8(input, options)?;
    let hinted;
    let mut remove = &options.remove_selectors;
    if options.rendered_hints {
        hinted = [remove.as_slice(), &[format!("[{HIDDEN_MARK}]")]].concat();
        remove = &hinted;
    }
    let selectors = scan::selector::Selectors::parse(&options.keep_selectors, remove)
        .map_err(|(name, reason)| Error::InvalidOption { name: name.into(), reason })?;
    let mut scan = scan::scan_with(&html, options.max_elements, &selectors)?;
    let forced = if selectors.is_empty() {
        Vec::new()
    } else {
        selectors.resolve(&scan.selector_bits, |id| scan.rows.get(id as usize).and_then(scan::table::Row::parent))
    };
    let base = meta::base_url(&scan, options.url.as_deref());
    let mut metadata = meta::extract(&scan, base.as_ref(), options.url.as_deref());
    let mut decision = decide::decide(&scan, metadata.title.as_deref(), &forced);
    // A page that shows next to nothing without scripts but serves its content in a
    // <noscript> is cleaned from that content.
    let mut body: &str = &html;
    let mut recording = std::mem::take(&mut scan.recording);
    let inner;
    if decision.kept_chars < NOSCRIPT_FALLBACK_CHARS && scan.noscript.len() > 4 * NOSCRIPT_FALLBACK_CHARS as usize {
        let mut inner_scan = scan::scan(&scan.noscript, options.max_elements)?;
        let inner_decision = decide::decide(&inner_scan, metadata.title.as_deref(), &[]);
        if inner_decision.kept_chars > decision.kept_chars {
            inner = std::mem::take(&mut scan.noscript);
            body = &inner;
            decision = inner_decision;
            recording = std::mem::take(&mut inner_scan.recording);
        }
    }
    let readerable = decision.readerable;
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
            recording: &recording,
        },
    );
    drop(recording);
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

/// Whether a page looks like an article a reader mode can show, as [`Article::readerable`]
/// says, without writing any output. Empty input and input that is not HTML give `false`;
/// the other errors (an unknown charset, an invalid option, input over the size limit, a
/// parser failure) are returned.
///
/// ```
/// use unboil::{is_probably_readerable, Input, Options};
///
/// let menu = "<nav><a href=/>Home</a> <a href=/news>News</a></nav>";
/// assert_eq!(is_probably_readerable(Input::Str(menu), &Options::default()), Ok(false));
/// assert_eq!(is_probably_readerable(Input::Str(""), &Options::default()), Ok(false));
/// ```
pub fn is_probably_readerable(input: Input<'_>, options: &Options) -> Result<bool> {
    let options = Options { formats: Formats { html: false, text: false, markdown: false }, ..options.clone() };
    match clean_article(input, &options) {
        Ok(article) => Ok(article.readerable),
        Err(Error::EmptyInput | Error::NotHtml(_)) => Ok(false),
        Err(e) => Err(e),
    }
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
        Input::Str(s) => {
            decode::check_text(s)?;
            Ok(Cow::Borrowed(s))
        }
        Input::Bytes(b) => Ok(decode::decode(b, options.charset.as_deref())?.html),
    }
}
