//! Bytes to UTF-8.
//!
//! lol_html refuses UTF-16 and writes its output in the input's encoding, so every page is
//! decoded to UTF-8 first and everything downstream runs on that. [`decode`] also turns away
//! input that is clearly not HTML (PDF, images, archives, binary data).

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252, X_USER_DEFINED};

use crate::error::{Error, Result};

/// How many leading bytes the `<meta>` prescan and the junk check look at.
const SNIFF_LEN: usize = 4096;

/// A page decoded to UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The page's text, without a byte order mark: the bytes themselves when they are valid
    /// UTF-8 read as UTF-8 (no copy), else decoded.
    pub html: Cow<'a, str>,
    /// The encoding the bytes were read with.
    pub encoding: &'static Encoding,
}

/// Decodes a page's bytes to UTF-8.
///
/// The encoding is chosen, in order, by a byte order mark (UTF-8, UTF-16LE, UTF-16BE); by a
/// `<meta charset>` or `<meta http-equiv="content-type" content="…charset=…">` in the first
/// 4096 bytes (HTML's prescan: a declared UTF-16 means UTF-8 and `x-user-defined` means
/// windows-1252; a declaration is overruled when the bytes hold non-ASCII text that is valid
/// UTF-8, which legacy-encoded text practically never is); by `caller_charset` (say, from an HTTP header); and otherwise UTF-8 when
/// the bytes are valid UTF-8, windows-1252 when not. Malformed bytes become U+FFFD.
///
/// # Errors
///
/// [`Error::UnknownCharset`] when `caller_charset` is not a WHATWG encoding label (checked
/// even when the page declares its own; an empty label counts as none),
/// [`Error::EmptyInput`] for empty or white-space-only input, and [`Error::NotHtml`] for PDF,
/// common image and archive formats and input whose first 4 KB are more than 10% NUL or
/// other control characters. Plain text and JSON decode without error.
pub fn decode<'a>(bytes: &'a [u8], caller_charset: Option<&str>) -> Result<Decoded<'a>> {
    let caller = match caller_charset.map(str::trim).filter(|label| !label.is_empty()) {
        Some(label) => {
            Some(Encoding::for_label(label.as_bytes()).ok_or_else(|| Error::UnknownCharset(label.to_string()))?)
        }
        None => None,
    };
    let bom = Encoding::for_bom(bytes);
    let body = bytes.get(bom.map_or(0, |(_, len)| len)..).unwrap_or(&[]);
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::EmptyInput);
    }
    let head = body.get(..SNIFF_LEN).unwrap_or(body);
    let encoding = match bom {
        Some((encoding, _)) => encoding,
        None => prescan(head)
            .map(|declared| match declared {
                e if is_utf16(e) => UTF_8,
                // Pages saved or served as UTF-8 often keep a stale legacy declaration; text in
                // a legacy multi-byte or 8-bit charset is practically never valid UTF-8.
                _ if has_non_ascii(body) && undeclared(body) == UTF_8 => UTF_8,
                e if e == X_USER_DEFINED => WINDOWS_1252,
                e => e,
            })
            .or(caller.map(|e| if e == X_USER_DEFINED { WINDOWS_1252 } else { e }))
            .unwrap_or_else(|| undeclared(body)),
    };
    if !is_utf16(encoding) {
        check_bytes(head)?;
    }
    let html = encoding.decode_without_bom_handling(body).0;
    if is_utf16(encoding) {
        let sample = html.chars().take(SNIFF_LEN / 2);
        check_controls(sample.map(u32::from))?;
    }
    if html.chars().all(char::is_whitespace) {
        return Err(Error::EmptyInput);
    }
    Ok(Decoded { html, encoding })
}

/// Turns away text that is clearly not HTML, as [`decode`] turns away bytes: a known binary
/// format's signature, or a first 4096 characters more than 10% NUL or other controls (binary
/// data a caller read as text, say with the charset of a response's `Content-Type`).
///
/// # Errors
///
/// [`Error::NotHtml`], as [`decode`] gives it.
pub fn check_text(text: &str) -> Result<()> {
    check_magic(text.as_bytes().get(..SNIFF_LEN).unwrap_or(text.as_bytes()))?;
    check_controls(text.chars().take(SNIFF_LEN).map(u32::from))
}

fn has_non_ascii(body: &[u8]) -> bool {
    !body.is_ascii()
}

fn is_utf16(encoding: &'static Encoding) -> bool {
    encoding == UTF_16LE || encoding == UTF_16BE
}

/// UTF-8 when the bytes are valid UTF-8 (a character cut off at the very end is allowed),
/// windows-1252 otherwise.
fn undeclared(body: &[u8]) -> &'static Encoding {
    match std::str::from_utf8(body) {
        Ok(_) => UTF_8,
        Err(e) if e.error_len().is_none() => UTF_8,
        Err(_) => WINDOWS_1252,
    }
}

/// Signatures of formats that are not HTML, with a name for the error.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1F\x8B", "gzip-compressed data"),
    (b"\x28\xB5\x2F\xFD", "zstd-compressed data"),
    (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
    (b"Rar!\x1A\x07", "a RAR archive"),
    (b"\x00asm", "a WebAssembly module"),
    (b"\x7FELF", "an ELF executable"),
];

/// Turns away known binary formats and control-heavy bytes.
fn check_bytes(head: &[u8]) -> Result<()> {
    check_magic(head)?;
    check_controls(head.iter().map(|&b| u32::from(b)))
}

/// Turns away the known binary formats in [`MAGIC`].
fn check_magic(head: &[u8]) -> Result<()> {
    match MAGIC.iter().find(|(magic, _)| head.starts_with(magic)) {
        Some((_, what)) => Err(Error::NotHtml(format!("the input is {what}"))),
        None => Ok(()),
    }
}

/// Fails when more than 10% of the sampled characters are NUL or other controls besides
/// tab, newline, form feed and carriage return.
fn check_controls(sample: impl Iterator<Item = u32>) -> Result<()> {
    let (mut total, mut controls) = (0usize, 0usize);
    for c in sample {
        total += 1;
        if (c < 0x20 && !matches!(c, 0x09 | 0x0A | 0x0C | 0x0D)) || c == 0x7F {
            controls += 1;
        }
    }
    if controls * 10 > total {
        return Err(Error::NotHtml(format!(
            "{controls} of the first {total} characters are NUL or control characters"
        )));
    }
    Ok(())
}

/// HTML white space as the prescan sees it.
fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

/// HTML's "prescan a byte stream to determine its encoding": the encoding a `<meta>` in
/// `head` declares, skipping comments and the attributes of other tags.
fn prescan(head: &[u8]) -> Option<&'static Encoding> {
    let mut pos = 0;
    while let Some(rest) = head.get(pos..).filter(|rest| !rest.is_empty()) {
        let second = rest.get(1).copied().unwrap_or(0);
        let third = rest.get(2).copied().unwrap_or(0);
        if rest.starts_with(b"<!--") {
            // "<!-->" is a whole comment: the "--" may overlap the opening.
            let end = memchr::memmem::find(rest.get(2..).unwrap_or(&[]), b"-->")?;
            pos += 2 + end + 2;
        } else if rest.get(..5).is_some_and(|t| t.eq_ignore_ascii_case(b"<meta"))
            && rest.get(5).is_some_and(|&b| is_space(b) || b == b'/')
        {
            pos += 5;
            if let Some(encoding) = meta_charset(head, &mut pos) {
                return Some(encoding);
            }
        } else if rest.starts_with(b"<")
            && (second.is_ascii_alphabetic() || (second == b'/' && third.is_ascii_alphabetic()))
        {
            while head.get(pos).is_some_and(|&b| !is_space(b) && b != b'>') {
                pos += 1;
            }
            while attribute(head, &mut pos).is_some() {}
        } else if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            pos += memchr::memchr(b'>', rest)?;
        }
        pos += 1;
    }
    None
}

/// Reads the attributes of a `<meta>` tag (after `<meta`) and returns the encoding it
/// declares, following the prescan's `http-equiv`/`content`/`charset` rules.
fn meta_charset(head: &[u8], pos: &mut usize) -> Option<&'static Encoding> {
    let mut seen: Vec<Vec<u8>> = Vec::new();
    let mut got_pragma = false;
    let mut need_pragma: Option<bool> = None;
    // `None`: nothing yet; `Some(None)`: a label that names no encoding.
    let mut charset: Option<Option<&'static Encoding>> = None;
    while let Some((name, value)) = attribute(head, pos) {
        if seen.contains(&name) {
            continue;
        }
        match name.as_slice() {
            b"http-equiv" => got_pragma |= value == b"content-type",
            b"content" if charset.is_none() => {
                if let Some(encoding) = charset_from_content(&value) {
                    charset = Some(Some(encoding));
                    need_pragma = Some(true);
                }
            }
            b"charset" => {
                charset = Some(Encoding::for_label(&value));
                need_pragma = Some(false);
            }
            _ => {}
        }
        seen.push(name);
    }
    match need_pragma {
        None => None,
        Some(true) if !got_pragma => None,
        Some(_) => charset.flatten(),
    }
}

/// HTML's "get an attribute" for the prescan: a lowercase name and value, or `None` at `>`
/// or at the end of the bytes. Leaves `pos` after the attribute.
fn attribute(head: &[u8], pos: &mut usize) -> Option<(Vec<u8>, Vec<u8>)> {
    while head.get(*pos).is_some_and(|&b| is_space(b) || b == b'/') {
        *pos += 1;
    }
    if *head.get(*pos)? == b'>' {
        return None;
    }
    let mut name = Vec::new();
    loop {
        let b = *head.get(*pos)?;
        if b == b'=' && !name.is_empty() {
            *pos += 1;
            break;
        }
        if is_space(b) {
            while head.get(*pos).is_some_and(|&b| is_space(b)) {
                *pos += 1;
            }
            if head.get(*pos) != Some(&b'=') {
                return Some((name, Vec::new()));
            }
            *pos += 1;
            break;
        }
        if b == b'/' || b == b'>' {
            return Some((name, Vec::new()));
        }
        name.push(b.to_ascii_lowercase());
        *pos += 1;
    }
    while head.get(*pos).is_some_and(|&b| is_space(b)) {
        *pos += 1;
    }
    let mut value = Vec::new();
    let first = *head.get(*pos)?;
    if first == b'"' || first == b'\'' {
        *pos += 1;
        loop {
            let b = *head.get(*pos)?;
            *pos += 1;
            if b == first {
                return Some((name, value));
            }
            value.push(b.to_ascii_lowercase());
        }
    }
    loop {
        let b = *head.get(*pos)?;
        if is_space(b) || b == b'>' {
            return Some((name, value));
        }
        value.push(b.to_ascii_lowercase());
        *pos += 1;
    }
}

/// HTML's "extract a character encoding from a meta element" for a `content` value such as
/// `text/html; charset=windows-1251`.
fn charset_from_content(content: &[u8]) -> Option<&'static Encoding> {
    let mut pos = 0;
    loop {
        let rest = content.get(pos..)?;
        let at = rest.windows(7).position(|w| w.eq_ignore_ascii_case(b"charset"))?;
        pos += at + 7;
        while content.get(pos).is_some_and(|&b| is_space(b)) {
            pos += 1;
        }
        if content.get(pos) == Some(&b'=') {
            pos += 1;
            break;
        }
    }
    while content.get(pos).is_some_and(|&b| is_space(b)) {
        pos += 1;
    }
    let rest = content.get(pos..)?;
    let label = match rest.first()? {
        &q @ (b'"' | b'\'') => {
            let quoted = rest.get(1..)?;
            quoted.get(..memchr::memchr(q, quoted)?)?
        }
        _ => {
            let end = rest.iter().position(|&b| is_space(b) || b == b';').unwrap_or(rest.len());
            rest.get(..end)?
        }
    };
    Encoding::for_label(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sample text for each encoding, all of it representable in that encoding.
    const SAMPLES: [(&str, &str); 5] = [
        ("windows-1251", "Привет, мир! Съешь же ещё этих мягких булок."),
        ("windows-1252", "Café “déjà vu” – 5 € naïve façade…"),
        ("shift_jis", "日本語のテキストです。カタカナとひらがな。"),
        ("gb18030", "中文网页的正文内容，简体字。"),
        ("iso-8859-2", "Zażółć gęślą jaźń. Příliš žluťoučký kůň."),
    ];

    fn enc(label: &str) -> &'static Encoding {
        Encoding::for_label(label.as_bytes()).expect("test label is known")
    }

    fn page(head: &str, text: &str) -> String {
        format!("<!DOCTYPE html><html><head>{head}<title>t</title></head><body><p>{text}</p></body></html>")
    }

    fn encoded(label: &str, html: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = enc(label).encode(html);
        assert!(!unmappable, "sample for {label} must be representable");
        bytes.into_owned()
    }

    #[test]
    fn meta_charset() {
        for (label, text) in SAMPLES {
            let html = page(&format!("<meta charset=\"{label}\">"), text);
            let bytes = encoded(label, &html);
            let got = decode(&bytes, None).unwrap();
            assert_eq!(got.encoding, enc(label), "{label}");
            assert_eq!(got.html, html, "{label}");
        }
    }

    #[test]
    fn http_equiv() {
        for (label, text) in SAMPLES {
            let head =
                format!("<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset={}'>", label.to_uppercase());
            let html = page(&head, text);
            let bytes = encoded(label, &html);
            let got = decode(&bytes, None).unwrap();
            assert_eq!(got.encoding, enc(label), "{label}");
            assert_eq!(got.html, html, "{label}");
        }
    }

    #[test]
    fn caller_charset() {
        for (label, text) in SAMPLES {
            let html = page("", text);
            let bytes = encoded(label, &html);
            let got = decode(&bytes, Some(label)).unwrap();
            assert_eq!(got.encoding, enc(label), "{label}");
            assert_eq!(got.html, html, "{label}");
        }
    }

    #[test]
    fn undeclared() {
        for (label, text) in SAMPLES {
            let html = page("", text);
            let bytes = encoded(label, &html);
            let got = decode(&bytes, None).unwrap();
            // Non-UTF-8 bytes without a declaration are read as windows-1252.
            assert_eq!(got.encoding, WINDOWS_1252, "{label}");
            if label == "windows-1252" {
                assert_eq!(got.html, html);
            } else {
                assert_ne!(got.html, html, "{label}");
            }
        }
        let html = page("", "Ünïcödé 日本語 😀");
        let got = decode(html.as_bytes(), None).unwrap();
        assert_eq!((got.encoding, got.html.as_ref()), (UTF_8, html.as_str()));
    }

    #[test]
    fn utf8_cut_mid_character_is_still_utf8() {
        let html = page("", "日本語");
        let bytes = html.as_bytes();
        let cut = bytes.get(..bytes.len() - 20).unwrap();
        let got = decode(cut, None).unwrap();
        assert_eq!(got.encoding, UTF_8);
        assert!(got.html.ends_with('\u{FFFD}'));
    }

    #[test]
    fn meta_wins_over_caller_and_bom_wins_over_meta() {
        let (label, text) = SAMPLES[0];
        let html = page("<meta charset=windows-1251>", text);
        let bytes = encoded(label, &html);
        let got = decode(&bytes, Some("shift_jis")).unwrap();
        assert_eq!(got.encoding, enc(label));

        let html = page("<meta charset=windows-1251>", "Ünïcödé");
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(html.as_bytes());
        let got = decode(&bytes, Some("gb18030")).unwrap();
        assert_eq!(got.encoding, UTF_8);
        assert_eq!(got.html, html);
    }

    #[test]
    fn utf16_with_bom() {
        let html = page("<meta charset=utf-8>", "Привет 日本語 😀");
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in html.encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        let got = decode(&le, None).unwrap();
        assert_eq!((got.encoding, got.html.as_ref()), (UTF_16LE, html.as_str()));
        let got = decode(&be, Some("windows-1252")).unwrap();
        assert_eq!((got.encoding, got.html.as_ref()), (UTF_16BE, html.as_str()));
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let got = decode(b"\xEF\xBB\xBF<p>caf\xC3\xA9</p>", None).unwrap();
        assert_eq!(got.html, "<p>café</p>");
    }

    #[test]
    fn meta_inside_comment_is_ignored() {
        let (label, text) = SAMPLES[4];
        let html = page("<!-- <meta charset=windows-1251> --><meta charset=iso-8859-2>", text);
        let bytes = encoded(label, &html);
            let got = decode(&bytes, None).unwrap();
        assert_eq!(got.encoding, enc(label));
        let html = page("<!--><meta charset=iso-8859-2>", text);
        assert_eq!(decode(&encoded(label, &html), None).unwrap().encoding, enc(label));
        let html = page("<!-- <meta charset=iso-8859-2>", text);
        assert_eq!(decode(&encoded(label, &html), None).unwrap().encoding, WINDOWS_1252);
    }

    #[test]
    fn declared_utf16_without_bom_means_utf8() {
        let html = page("<meta charset=\"UTF-16\">", "Ünïcödé");
        let got = decode(html.as_bytes(), None).unwrap();
        assert_eq!((got.encoding, got.html.as_ref()), (UTF_8, html.as_str()));
        let html = page("<meta charset=utf-16be>", "x");
        assert_eq!(decode(html.as_bytes(), None).unwrap().encoding, UTF_8);
    }

    #[test]
    fn x_user_defined_is_windows_1252() {
        let html = page("<meta charset=x-user-defined>", "caf\u{e9}");
        let bytes = encoded("windows-1252", &html);
        assert_eq!(decode(&bytes, None).unwrap().encoding, WINDOWS_1252);
        assert_eq!(decode(b"<p>caf\xE9", Some("x-user-defined")).unwrap().html, "<p>café");
    }

    #[test]
    fn prescan_attribute_forms() {
        let sjis = enc("shift_jis");
        let cases = [
            "<meta charset=shift_jis>",
            "<META CHARSET=Shift_JIS>",
            "<meta charset = 'shift_jis' >",
            "<meta/charset=\"shift_jis\"/>",
            "<meta name=x charset=\"shift_jis\">",
            "<meta content=\"text/html; charset=shift_jis\" http-equiv=\"Content-Type\">",
            "<meta http-equiv=content-type content=\"text/html;charset='shift_jis'\">",
            "<meta http-equiv=\"content-type\" content=\"text/html; charset = shift_jis ; x\">",
            "<meta http-equiv=content-type content=\"charsetx charset=shift_jis\">",
            "<link rel='x' href='<meta charset=utf-8>'><meta charset=shift_jis>",
            "<div title=\"<meta charset=utf-8>\"></div><meta charset=shift_jis>",
            "<meta charset=shift_jis><meta charset=utf-8>",
            "<meta charset=shift_jis charset=utf-8>",
        ];
        for head in cases {
            assert_eq!(prescan(page(head, "").as_bytes()), Some(sjis), "{head}");
        }
        let ignored = [
            "<meta content=\"text/html; charset=shift_jis\">",
            "<meta name=description content=\"charset=shift_jis\">",
            "<meta charset=nonsense content='text/html; charset=shift_jis' http-equiv=content-type>",
            "<meta http-equiv=content-type content=\"text/html; charset='shift_jis\">",
            "<metacharset=shift_jis>",
            "<! <meta charset=shift_jis> >",
            "<?php <meta charset=shift_jis> ?>",
            "",
        ];
        for head in ignored {
            let got = prescan(format!("{head}<p>x</p>").as_bytes());
            assert_ne!(got, Some(sjis), "{head}");
        }
    }

    #[test]
    fn meta_after_sniff_window_is_not_seen() {
        let filler = "x".repeat(SNIFF_LEN);
        let html = page("", &format!("{filler}<meta charset=windows-1251>Привет"));
        let bytes = encoded("windows-1251", &html);
        assert_eq!(decode(&bytes, None).unwrap().encoding, WINDOWS_1252);
        assert_eq!(decode(&bytes, Some("cp1251")).unwrap().encoding, enc("windows-1251"));
    }

    #[test]
    fn unknown_caller_charset() {
        let err = decode(b"<p>x</p>", Some("klingon-8")).unwrap_err();
        assert_eq!(err, Error::UnknownCharset("klingon-8".into()));
        assert!(decode(b"<meta charset=utf-8><p>x</p>", Some("nope")).is_err());
        assert!(decode(b"<p>x</p>", Some("  ")).is_ok());
        assert!(decode(b"<p>x</p>", Some(" latin1 ")).is_ok());
    }

    #[test]
    fn empty_input() {
        for input in [&b""[..], b"   ", b"\n\t\r\n \x0C", b"\xEF\xBB\xBF", b"\xEF\xBB\xBF  \n", b"\xFF\xFE \x00\n\x00"]
        {
            assert_eq!(decode(input, None), Err(Error::EmptyInput), "{input:?}");
        }
    }

    #[test]
    fn junk_is_not_html() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend_from_slice(&[0u8; 64]);
        let cases: [&[u8]; 10] = [
            b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj",
            &png,
            b"\xFF\xD8\xFF\xE0\0\x10JFIF",
            b"GIF89a\x01\0\x01\0",
            b"PK\x03\x04\x14\0\0\0",
            b"\x1F\x8B\x08\0\0\0\0\0",
            b"\x7FELF\x02\x01\x01",
            b"\0\0\0\0\0\0\0\0<html>",
            b"<\0h\0t\0m\0l\0>\0",
            b"ab\x01\x02\x03\x04cd\x05\x06",
        ];
        for input in cases {
            assert!(matches!(decode(input, None), Err(Error::NotHtml(_))), "{input:?}");
        }
        // Control-heavy text decoded from UTF-16 is junk too.
        let mut le = vec![0xFF, 0xFE];
        for unit in "\u{1}\u{2}\u{3}<p>".encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
        }
        assert!(matches!(decode(&le, None), Err(Error::NotHtml(_))));
    }

    #[test]
    fn text_and_json_are_fine() {
        for input in [
            &b"Just some plain text.\nSecond line."[..],
            b"{\"title\": \"x\", \"body\": [1, 2, 3]}",
            b"a\x01b c d e f g h i j k",
            b"\xEF\xBB\xBF{}",
        ] {
            assert!(decode(input, None).is_ok(), "{input:?}");
        }
    }

    #[test]
    fn never_panics_on_prefixes() {
        let html = "<!-- x --><meta http-equiv='content-type' content=\"text/html; charset='koi8-r'\"><p>ж";
        let bytes = encoded("koi8-r", html);
        for i in 0..=bytes.len() {
            let _ = decode(bytes.get(..i).unwrap(), None);
            let _ = decode(bytes.get(i..).unwrap(), Some("utf-16le"));
            let _ = prescan(bytes.get(..i).unwrap());
        }
    }
}
