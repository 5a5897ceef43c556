//! Counting words in any script: space-separated words, and CJK characters, which have no
//! spaces between words.

/// Whether `c` is a CJK ideograph, kana or Hangul syllable: a character that carries about a
/// word by itself, in scripts written without spaces between words. The one definition of
/// these ranges: the scan's text lengths, the line-shape word counts and the article's word
/// count all use it.
pub fn is_cjk(c: char) -> bool {
    matches!(
        u32::from(c),
        0x3040..=0x30FF         // hiragana, katakana
        | 0x31F0..=0x31FF       // katakana phonetic extensions
        | 0x3400..=0x4DBF       // CJK extension A
        | 0x4E00..=0x9FFF       // CJK unified ideographs
        | 0xAC00..=0xD7A3       // hangul syllables
        | 0xF900..=0xFAFF       // CJK compatibility ideographs
        | 0xFF66..=0xFF9D       // half-width katakana
        | 0x20000..=0x3134F // CJK extensions B to G
    )
}

/// Words for judging a line's shape: runs holding a letter or digit, where two CJK
/// characters make one word.
pub fn rough_words(text: &str) -> usize {
    if text.is_ascii() {
        return ascii_words(text, u8::is_ascii_alphanumeric);
    }
    let spaced = text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
    let wide = text.chars().filter(|c| is_cjk(*c)).count();
    spaced.max(wide / 2)
}

/// Words made of letters (numbers and symbols do not count); two CJK characters make one.
pub fn letter_words(text: &str) -> usize {
    if text.is_ascii() {
        return ascii_words(text, u8::is_ascii_alphabetic);
    }
    let lettered = text.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count();
    let wide = text.chars().filter(|c| is_cjk(*c)).count();
    lettered.max(wide / 2)
}

/// Whether an ASCII byte is white space as `char::is_whitespace` reads it (tab, line feed,
/// vertical tab, form feed, carriage return, space).
pub fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// In ASCII text (which has no CJK characters), the white-space separated words holding a
/// byte for which `counts` holds, in one pass over the bytes.
fn ascii_words(text: &str, counts: fn(&u8) -> bool) -> usize {
    let mut words = 0;
    let mut counted = false;
    for b in text.bytes() {
        if is_ascii_space(b) {
            counted = false;
        } else if !counted && counts(&b) {
            counted = true;
            words += 1;
        }
    }
    words
}

/// Whether two texts say the same, ignoring case, spaces and punctuation.
pub fn same_text(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && a == b
}

/// Where the first white space (as [`char::is_whitespace`] has it) in `s` begins; ASCII is
/// checked byte by byte, without decoding characters.
pub fn first_space(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if is_ascii_space(b) {
                return Some(i);
            }
            i += 1;
        } else {
            let c = s.get(i..)?.chars().next()?;
            if c.is_whitespace() {
                return Some(i);
            }
            i += c.len_utf8();
        }
    }
    None
}

/// `s` without every repetition of `suffix` at its end, as `s.trim_end_matches(suffix)`, but
/// by plain comparisons: the standard library's reverse substring searcher stays out of the
/// WebAssembly module.
pub fn trim_end_all<'a>(s: &'a str, suffix: &str) -> &'a str {
    let mut s = s;
    while let Some(rest) = s.strip_suffix(suffix) {
        s = rest;
    }
    s
}

/// `s` without its leading white space, as `s.trim_start()` but checking ASCII byte by byte.
pub fn skip_spaces(s: &str) -> &str {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if !is_ascii_space(b) {
                break;
            }
            i += 1;
        } else {
            match s.get(i..).and_then(|r| r.chars().next()) {
                Some(c) if c.is_whitespace() => i += c.len_utf8(),
                _ => break,
            }
        }
    }
    s.get(i..).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_end_all_trims_as_trim_end_matches() {
        for (s, suffix) in [("12px", "px"), ("12pxpx", "px"), ("px", "px"), ("", "px"), ("{}-->-->", "-->"), ("a//b//", "//"), ("é]]>", "]]>")] {
            assert_eq!(trim_end_all(s, suffix), s.trim_end_matches(suffix), "{s:?}");
        }
    }

    #[test]
    fn counts() {
        assert_eq!(rough_words("one two · three"), 3);
        assert_eq!(rough_words("东京的夜晚很安静"), 4);
        assert_eq!(letter_words("Post Reply 4 posts · Page 1 of 1"), 5);
        assert!(is_cjk('日') && is_cjk('カ') && is_cjk('ｶ') && is_cjk('한') && is_cjk('\u{30000}'));
        // Hangul Jamo, unassigned code points after the syllables, and CJK punctuation are not.
        assert!(!is_cjk('a') && !is_cjk('\u{1100}') && !is_cjk('\u{D7AF}') && !is_cjk('。'));
    }

    #[test]
    fn ascii_counts_are_the_general_counts() {
        let pieces = ["a", "Z", "7", " ", "\t", "\u{b}", "\n", "-", "·", "é", "日本", ",", "\u{a0}"];
        let texts = crate::testing::every_string(&pieces, 4);
        for t in &texts {
            let spaced = t.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
            let lettered = t.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count();
            let wide = t.chars().filter(|c| is_cjk(*c)).count();
            assert_eq!(rough_words(t), spaced.max(wide / 2), "{t:?}");
            assert_eq!(letter_words(t), lettered.max(wide / 2), "{t:?}");
        }
    }

    #[test]
    fn spaces_are_found_as_std_finds_them() {
        let pieces = [
            "a",
            " ",
            "\t",
            "\n",
            "\u{b}",
            "\u{c}",
            "\r",
            "\u{a0}",
            "\u{85}",
            "\u{3000}",
            "\u{2028}",
            "é",
            "日",
            "\u{200b}",
            "x1",
            "\u{1f600}",
        ];
        // Every string of up to three pieces.
        let texts = crate::testing::every_string(&pieces, 3);
        for t in &texts {
            assert_eq!(first_space(t), t.find(char::is_whitespace), "{t:?}");
            assert_eq!(skip_spaces(t), t.trim_start_matches(char::is_whitespace), "{t:?}");
        }
    }
}
