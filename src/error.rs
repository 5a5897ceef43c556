//! The one error type of the library: every failure is a value, never a panic.

/// Why a page could not be cleaned.
///
/// ```
/// use unboil::{clean_article, Error, Input, Options};
///
/// let options = Options { charset: Some("no-such-charset".into()), ..Options::default() };
/// let error = clean_article(Input::Bytes(b"<p>x</p>"), &options).unwrap_err();
/// assert_eq!(error, Error::UnknownCharset("no-such-charset".into()));
/// assert_eq!(error.to_string(), "unknown charset: no-such-charset");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// The input holds no bytes (or only white space).
    #[error("the input is empty")]
    EmptyInput,
    /// The input is larger than `Options::max_bytes`.
    #[error("the input is {size} bytes, more than the limit of {limit} bytes")]
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit that was set.
        limit: usize,
    },
    /// The caller named a charset that the WHATWG Encoding Standard does not know.
    #[error("unknown charset: {0}")]
    UnknownCharset(String),
    /// The input does not look like HTML at all (binary data, PDF, …).
    #[error("the input is not HTML: {0}")]
    NotHtml(String),
    /// An option has a value that cannot be used.
    #[error("invalid option {name}: {reason}")]
    InvalidOption {
        /// The option's name.
        name: String,
        /// What is wrong with it.
        reason: String,
    },
    /// lol_html refused the input.
    #[error("the HTML parser failed: {0}")]
    Parser(String),
}

/// Result with the library's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
