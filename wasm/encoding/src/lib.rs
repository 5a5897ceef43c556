//! encoding_rs's API, as far as lol_html and unboil use it, for the WebAssembly build.
//!
//! lol_html dispatches on an encoding chosen at run time, so linking it pulls in every codec of
//! encoding_rs and its tables (about 140 KB of the module, gzipped), although unboil only ever
//! gives it UTF-8. `wasm/Cargo.toml` puts this crate in encoding_rs's place:
//! - UTF-8 is decoded and encoded here, with the same replacement of malformed bytes (each
//!   maximal ill-formed subsequence becomes one U+FFFD, as WHATWG and encoding_rs do);
//! - windows-1252 and x-user-defined are decoded here too (Node's `TextDecoder` reads the
//!   first as ISO-8859-1 and lacks the second);
//! - every other charset is decoded by the platform's `TextDecoder` (browsers, workers and
//!   Node implement the WHATWG Encoding Standard; Node's legacy charsets come from ICU), and
//!   the platform resolves the labels this crate does not know itself;
//! - the `replacement` encoding decodes any input to one U+FFFD, as the standard says.
//!
//! What lol_html needs beyond that (streaming decoders and encoders) is UTF-8 only: the core
//! decodes every page to UTF-8 before lol_html sees it and never lets a `<meta charset>`
//! change lol_html's encoding. A streaming decoder or encoder made for another encoding reads
//! and writes UTF-8.
//!
//! The one `unsafe` block (in `utf8`) writes into the `&mut str` buffer that encoding_rs's
//! `Decoder::decode_to_str` takes, and leaves it valid UTF-8.

mod platform;
mod single_byte;
mod utf8;

use std::borrow::Cow;
use std::hash::{Hash, Hasher};

pub use utf8::{Decoder, Encoder};

/// What ended a streaming decode or encode call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoderResult {
    /// All of the input was consumed.
    InputEmpty,
    /// The output buffer has no room for the next character.
    OutputFull,
}

/// How an encoding is decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Utf8,
    /// UTF-16 and ISO-2022-JP: not ASCII-compatible, decoded by the platform.
    NotAsciiCompatible,
    Replacement,
    /// Decoded by the platform.
    Legacy,
}

/// One encoding of the WHATWG Encoding Standard. Compared by identity, like encoding_rs's.
pub struct Encoding {
    name: &'static str,
    kind: Kind,
}

impl Encoding {
    /// The encoding's canonical name, spelled as encoding_rs spells it.
    pub fn name(&'static self) -> &'static str {
        self.name
    }

    /// Whether ASCII bytes mean ASCII characters in this encoding.
    pub fn is_ascii_compatible(&'static self) -> bool {
        matches!(self.kind, Kind::Utf8 | Kind::Legacy)
    }

    /// The encoding a WHATWG label names (ASCII case and surrounding white space ignored).
    pub fn for_label(label: &[u8]) -> Option<&'static Encoding> {
        let label = std::str::from_utf8(label).ok()?.trim_matches(is_label_space);
        if REPLACEMENT_LABELS.iter().any(|l| l.eq_ignore_ascii_case(label)) {
            return Some(REPLACEMENT);
        }
        if UTF_8_LABELS.iter().any(|l| l.eq_ignore_ascii_case(label)) {
            return Some(UTF_8);
        }
        if label.eq_ignore_ascii_case(X_USER_DEFINED.name) {
            return Some(X_USER_DEFINED);
        }
        let name = platform::canonical_name(label)?;
        ALL.iter().find(|e| e.name.eq_ignore_ascii_case(&name))
    }

    /// As [`Encoding::for_label`], but `None` for the labels of the replacement encoding.
    pub fn for_label_no_replacement(label: &[u8]) -> Option<&'static Encoding> {
        Encoding::for_label(label).filter(|e| e.kind != Kind::Replacement)
    }

    /// The encoding a byte order mark at the start of `bytes` names, and the mark's length.
    pub fn for_bom(bytes: &[u8]) -> Option<(&'static Encoding, usize)> {
        match bytes {
            [0xEF, 0xBB, 0xBF, ..] => Some((UTF_8, 3)),
            [0xFF, 0xFE, ..] => Some((UTF_16LE, 2)),
            [0xFE, 0xFF, ..] => Some((UTF_16BE, 2)),
            _ => None,
        }
    }

    /// How many leading bytes are ASCII.
    pub fn ascii_valid_up_to(bytes: &[u8]) -> usize {
        bytes.iter().position(|b| !b.is_ascii()).unwrap_or(bytes.len())
    }

    /// Decodes `bytes` after sniffing a byte order mark, which overrides this encoding.
    /// Returns the text, the encoding used and whether malformed bytes were replaced.
    pub fn decode<'a>(&'static self, bytes: &'a [u8]) -> (Cow<'a, str>, &'static Encoding, bool) {
        let (encoding, rest) = match Encoding::for_bom(bytes) {
            Some((encoding, len)) => (encoding, bytes.get(len..).unwrap_or_default()),
            None => (self, bytes),
        };
        let (text, replaced) = encoding.decode_without_bom_handling(rest);
        (text, encoding, replaced)
    }

    /// Decodes `bytes`, a byte order mark included as U+FEFF. Returns the text and whether
    /// malformed bytes were replaced (for charsets the platform decodes: whether the text holds
    /// U+FFFD).
    pub fn decode_without_bom_handling<'a>(&'static self, bytes: &'a [u8]) -> (Cow<'a, str>, bool) {
        match self.kind {
            Kind::Utf8 => match String::from_utf8_lossy(bytes) {
                Cow::Borrowed(text) => (Cow::Borrowed(text), false),
                owned => (owned, true),
            },
            Kind::Replacement if bytes.is_empty() => (Cow::Borrowed(""), false),
            Kind::Replacement => (Cow::Borrowed("\u{FFFD}"), true),
            _ if self == WINDOWS_1252 => (Cow::Owned(single_byte::windows_1252(bytes)), false),
            _ if self == X_USER_DEFINED => (Cow::Owned(single_byte::x_user_defined(bytes)), false),
            Kind::Legacy | Kind::NotAsciiCompatible => {
                let text = platform::decode(self.name, bytes);
                let replaced = text.contains('\u{FFFD}');
                (Cow::Owned(text), replaced)
            }
        }
    }

    /// Encodes `text` as UTF-8, the only output encoding here; returns the bytes, the encoding
    /// used and whether characters were unmappable (never).
    pub fn encode<'a>(&'static self, text: &'a str) -> (Cow<'a, [u8]>, &'static Encoding, bool) {
        (Cow::Borrowed(text.as_bytes()), UTF_8, false)
    }

    /// A streaming UTF-8 decoder that leaves a byte order mark in the text.
    pub fn new_decoder_without_bom_handling(&'static self) -> Decoder {
        Decoder::new(self)
    }

    /// A streaming UTF-8 encoder.
    pub fn new_encoder(&'static self) -> Encoder {
        Encoder::new(self)
    }
}

impl PartialEq for Encoding {
    fn eq(&self, other: &Encoding) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Eq for Encoding {}

impl Hash for Encoding {
    fn hash<H: Hasher>(&self, state: &mut H) {
        std::ptr::hash(self, state);
    }
}

impl std::fmt::Debug for Encoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Encoding {{ {} }}", self.name)
    }
}

/// White space that the Encoding Standard trims from labels.
fn is_label_space(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\x0C' | '\r' | ' ')
}

/// The labels of UTF-8, resolved here without asking the platform.
const UTF_8_LABELS: [&str; 6] =
    ["utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8"];

/// The labels of the replacement encoding, which `TextDecoder` refuses.
const REPLACEMENT_LABELS: [&str; 6] =
    ["csiso2022kr", "hz-gb-2312", "iso-2022-cn", "iso-2022-cn-ext", "iso-2022-kr", "replacement"];

const fn legacy(name: &'static str) -> Encoding {
    Encoding { name, kind: Kind::Legacy }
}

/// The Encoding Standard's encodings.
static ALL: [Encoding; 40] = [
    Encoding { name: "UTF-8", kind: Kind::Utf8 },
    Encoding { name: "UTF-16LE", kind: Kind::NotAsciiCompatible },
    Encoding { name: "UTF-16BE", kind: Kind::NotAsciiCompatible },
    legacy("windows-1252"),
    legacy("x-user-defined"),
    Encoding { name: "replacement", kind: Kind::Replacement },
    Encoding { name: "ISO-2022-JP", kind: Kind::NotAsciiCompatible },
    legacy("IBM866"),
    legacy("ISO-8859-2"),
    legacy("ISO-8859-3"),
    legacy("ISO-8859-4"),
    legacy("ISO-8859-5"),
    legacy("ISO-8859-6"),
    legacy("ISO-8859-7"),
    legacy("ISO-8859-8"),
    legacy("ISO-8859-8-I"),
    legacy("ISO-8859-10"),
    legacy("ISO-8859-13"),
    legacy("ISO-8859-14"),
    legacy("ISO-8859-15"),
    legacy("ISO-8859-16"),
    legacy("KOI8-R"),
    legacy("KOI8-U"),
    legacy("macintosh"),
    legacy("windows-874"),
    legacy("windows-1250"),
    legacy("windows-1251"),
    legacy("windows-1253"),
    legacy("windows-1254"),
    legacy("windows-1255"),
    legacy("windows-1256"),
    legacy("windows-1257"),
    legacy("windows-1258"),
    legacy("x-mac-cyrillic"),
    legacy("GBK"),
    legacy("gb18030"),
    legacy("Big5"),
    legacy("EUC-JP"),
    legacy("Shift_JIS"),
    legacy("EUC-KR"),
];

/// UTF-8.
pub static UTF_8: &Encoding = &ALL[0];
/// UTF-16LE.
pub static UTF_16LE: &Encoding = &ALL[1];
/// UTF-16BE.
pub static UTF_16BE: &Encoding = &ALL[2];
/// windows-1252, which also answers to the labels of ISO-8859-1 and US-ASCII.
pub static WINDOWS_1252: &Encoding = &ALL[3];
/// x-user-defined.
pub static X_USER_DEFINED: &Encoding = &ALL[4];
/// The replacement encoding.
pub static REPLACEMENT: &Encoding = &ALL[5];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_and_utf8_labels_need_no_platform() {
        assert_eq!(Encoding::for_bom(b"\xEF\xBB\xBFa"), Some((UTF_8, 3)));
        assert_eq!(Encoding::for_bom(b"\xFF\xFEa"), Some((UTF_16LE, 2)));
        assert_eq!(Encoding::for_bom(b"\xFE\xFF"), Some((UTF_16BE, 2)));
        assert_eq!(Encoding::for_bom(b"\xEF\xBB"), None);
        assert_eq!(Encoding::for_label(b" \tUTF8\n"), Some(UTF_8));
        assert_eq!(Encoding::for_label(b"ISO-2022-KR"), Some(REPLACEMENT));
        assert_eq!(Encoding::for_label_no_replacement(b"iso-2022-kr"), None);
        assert_eq!(Encoding::for_label(b"\xFF"), None);
        assert_eq!(Encoding::for_label(b"X-User-Defined"), Some(X_USER_DEFINED));
    }

    #[test]
    fn decodes_utf8_and_replacement() {
        assert_eq!(UTF_8.decode(b"\xEF\xBB\xBFa\xC3\xA9"), (Cow::Borrowed("a\u{e9}"), UTF_8, false));
        assert_eq!(UTF_8.decode_without_bom_handling(b"\xEF\xBB\xBFa"), (Cow::Borrowed("\u{FEFF}a"), false));
        assert_eq!(UTF_8.decode_without_bom_handling(b"a\xE0\xA0b").0, "a\u{FFFD}b");
        assert_eq!(REPLACEMENT.decode_without_bom_handling(b"abc"), (Cow::Borrowed("\u{FFFD}"), true));
        assert_eq!(REPLACEMENT.decode_without_bom_handling(b""), (Cow::Borrowed(""), false));
        assert_eq!(WINDOWS_1252.encode("é").0.as_ref(), "é".as_bytes());
    }

    #[test]
    fn ascii_compatibility_and_identity() {
        assert!(UTF_8.is_ascii_compatible() && WINDOWS_1252.is_ascii_compatible());
        assert!(!UTF_16LE.is_ascii_compatible() && !REPLACEMENT.is_ascii_compatible());
        assert_ne!(UTF_8, WINDOWS_1252);
        assert_eq!(Encoding::ascii_valid_up_to(b"ab\xC3\xA9"), 2);
        assert_eq!(ALL.iter().filter(|e| e.name.eq_ignore_ascii_case("gbk")).count(), 1);
    }
}
