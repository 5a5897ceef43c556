//! The two single-byte encodings decoded here rather than by the platform: windows-1252, the
//! most common legacy charset (Node's `TextDecoder` reads it as ISO-8859-1), and
//! x-user-defined (Node's lacks it).

/// What windows-1252 bytes 0x80 to 0x9F mean (WHATWG's index); the other bytes are their
/// own code points.
const WINDOWS_1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}', '\u{02C6}',
    '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}', '\u{0090}', '\u{2018}',
    '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}', '\u{02DC}', '\u{2122}', '\u{0161}',
    '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

/// `bytes` read as windows-1252.
pub fn windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// `bytes` read as x-user-defined: ASCII, and bytes 0x80 to 0xFF as U+F780 to U+F7FF.
pub fn x_user_defined(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| if b < 0x80 { char::from(b) } else { char::from_u32(0xF700 + u32::from(b)).unwrap_or('\u{FFFD}') })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_maps_the_c1_range() {
        assert_eq!(windows_1252(b"a\x80\x92\x9F\xE9\x81"), "a\u{20AC}\u{2019}\u{0178}\u{e9}\u{81}");
        assert_eq!(windows_1252(&(0u8..=255).collect::<Vec<_>>()).chars().count(), 256);
    }

    #[test]
    fn x_user_defined_maps_high_bytes_to_the_private_use_area() {
        assert_eq!(x_user_defined(b"a\x80\xFF"), "a\u{F780}\u{F7FF}");
    }
}
