//! Bytes to UTF-8. (Placeholder.)
use crate::error::{Error, Result};

/// Decoded page.
pub struct Decoded {
    /// The text.
    pub html: String,
    /// The encoding used.
    pub encoding: &'static encoding_rs::Encoding,
}

/// Decodes bytes.
pub fn decode(bytes: &[u8], _caller: Option<&str>) -> Result<Decoded> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::EmptyInput);
    }
    Ok(Decoded { html: String::from_utf8_lossy(bytes).into_owned(), encoding: encoding_rs::UTF_8 })
}
