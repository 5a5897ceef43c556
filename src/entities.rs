//! HTML character references. (Placeholder until the full decoder lands.)
use std::borrow::Cow;

/// Decodes character references in text or an attribute value.
pub(crate) fn decode(s: &str, _in_attribute: bool) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&nbsp;", "\u{a0}").replace("&#39;", "'"))
}
