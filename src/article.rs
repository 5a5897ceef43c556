//! The result of cleaning a page.
use serde::Serialize;

/// A clean article and its metadata. Absent values are `None` (`null` in JSON).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Article {
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
    /// A short summary: the page's description, or the article's first paragraph.
    pub excerpt: Option<String>,
    /// Absolute URL of the lead image.
    pub lead_image: Option<String>,
    /// Sanitized article body as HTML (without the title), safe for `innerHTML`.
    pub html: String,
    /// Article body as plain text (without the title).
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
