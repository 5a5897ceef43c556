//! Options of [`crate::clean_article`].

/// Which outputs to produce. HTML and text are cheap; Markdown is optional.
///
/// ```
/// use unboil::Formats;
///
/// let html_only = Formats { html: true, text: false, markdown: false };
/// let no_markdown = Formats { markdown: false, ..Formats::default() };
/// # let _ = (html_only, no_markdown);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formats {
    /// Produce the sanitized HTML.
    pub html: bool,
    /// Produce plain text.
    pub text: bool,
    /// Produce CommonMark (with GFM tables).
    pub markdown: bool,
}

impl Default for Formats {
    fn default() -> Self {
        Formats { html: true, text: true, markdown: true }
    }
}

/// How to clean a page. `Options::default()` suits a reader mode.
///
/// ```
/// use unboil::Options;
///
/// let options = Options {
///     url: Some("https://example.com/story".into()),
///     keep_images: false,
///     remove_selectors: vec![".newsletter-signup".into()],
///     ..Options::default()
/// };
/// # let _ = options;
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The page's URL: the base for relative links, unless the page has a `<base href>`.
    pub url: Option<String>,
    /// Charset to use when the bytes carry no BOM and the page declares none.
    pub charset: Option<String>,
    /// Keep images, pictures and figures (default `true`).
    pub keep_images: bool,
    /// Selectors of elements to drop, whatever the decision: type selectors and `*`, `.class`,
    /// `#id`, `[attr]` and `[attr=v]` (also `~=`, `^=`, `$=`, `*=`, `|=`), compounds of these,
    /// the descendant and child (`>`) combinators, and comma-separated lists. Pseudo-classes
    /// and sibling combinators are an [`crate::Error::InvalidOption`].
    pub remove_selectors: Vec<String>,
    /// Selectors of elements to keep, whatever the decision (as `remove_selectors`); an
    /// element outside the article joins it in document order.
    pub keep_selectors: Vec<String>,
    /// Largest input accepted, in bytes (default 64 MiB).
    pub max_bytes: usize,
    /// Largest number of elements scanned; past it the page is cut off and cleaned as far as
    /// it was read (default 4 000 000).
    pub max_elements: usize,
    /// Which outputs to produce.
    pub formats: Formats,
    /// Treat the elements marked with [`HIDDEN_MARK`] as boilerplate, whatever the decision:
    /// a script in the page marks what the browser does not render or what covers the page
    /// (the reader view's `markHidden`), serializes the page and removes the marks at once.
    pub rendered_hints: bool,
}

/// The attribute that marks an element the browser does not show, or that covers the page (a
/// cookie wall, a sticky bar), for [`Options::rendered_hints`].
pub const HIDDEN_MARK: &str = "data-unboil-hidden";

impl Default for Options {
    fn default() -> Self {
        Options {
            url: None,
            charset: None,
            keep_images: true,
            remove_selectors: Vec::new(),
            keep_selectors: Vec::new(),
            max_bytes: 64 << 20,
            max_elements: 4_000_000,
            formats: Formats::default(),
            rendered_hints: false,
        }
    }
}
