//! The result of cleaning a page: the article and its metadata.
use serde::Serialize;

/// What a page says about itself: headline, authors, dates, site, language, summary and lead
/// image. Absent values are `None` (`null` in JSON).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Metadata {
    /// Headline, without the site-name suffix.
    pub title: Option<String>,
    /// Author or authors, comma-separated, without a "By" prefix.
    pub byline: Option<String>,
    /// Publication date-time in ISO 8601, as precise as the source gives it.
    pub published: Option<String>,
    /// Last-modified date-time in ISO 8601.
    pub modified: Option<String>,
    /// Name of the publication.
    pub site_name: Option<String>,
    /// Language tag of the page (BCP 47, as the page gives it).
    pub lang: Option<String>,
    /// Text direction: `ltr`, `rtl` or `auto`.
    pub dir: Option<String>,
    /// A short summary: the page's description or, in an [`Article`], the article's first
    /// paragraph when the page gives none.
    pub excerpt: Option<String>,
    /// Absolute URL of the lead image.
    pub lead_image: Option<String>,
}

/// A clean article and its metadata.
///
/// In JSON (through `serde`) the metadata's keys come first, at the top level, then the
/// body's: `title, byline, published, modified, site_name, lang, dir, excerpt, lead_image,
/// html, text, markdown, word_count, reading_minutes, readerable`.
///
/// ```
/// let article = unboil::Article::default();
/// assert_eq!(article.meta.title, None);
/// assert!(article.html.is_empty() && !article.readerable);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Article {
    /// The page's metadata.
    #[serde(flatten)]
    pub meta: Metadata,
    /// Sanitized article body as HTML (without the title), safe for `innerHTML`.
    pub html: String,
    /// Article body as plain text: the running text, without the title and without figure
    /// captions (the HTML and the Markdown keep them with their figures).
    pub text: String,
    /// Article body as CommonMark, when asked for.
    pub markdown: Option<String>,
    /// Words in the text; CJK characters count one each.
    pub word_count: usize,
    /// Reading time in whole minutes (at least 1 for a non-empty text).
    pub reading_minutes: u32,
    /// Whether the page looks like an article a reader mode can show.
    pub readerable: bool,
}
