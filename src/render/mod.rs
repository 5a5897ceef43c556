//! Render: plain text and Markdown from the sanitized article tree, and word counts.
pub mod markdown;
pub mod mathml_tex;
pub mod notes;
pub mod text;

pub use markdown::to_markdown;
pub use text::to_text;

use crate::words::is_cjk;

/// Average letters in a Thai, Lao, Khmer or Myanmar word, for scripts written without spaces.
const LETTERS_PER_UNSPACED_WORD: usize = 6;

/// Reading speed for scripts that separate words, in words per minute.
const WORDS_PER_MINUTE: u64 = 230;

/// Reading speed for Chinese, Japanese and Korean, in characters per minute.
const CJK_CHARS_PER_MINUTE: u64 = 500;

/// Words in `text` and whole minutes to read it, from one pass over it.
///
/// A word is a run of letters and digits (an apostrophe between two letters, as in "don't",
/// stays inside the word; combining marks continue it). Every CJK ideograph, kana and hangul
/// syllable counts as one word. Thai, Lao, Khmer and Myanmar are written without spaces, so
/// each run of their letters counts as one word per 6 characters, rounded up.
///
/// Reading time: about 230 words a minute for scripts that separate words, 500 characters a
/// minute for CJK, rounded up; at least 1 when the text has a word, 0 when it has none.
pub fn words_and_minutes(text: &str) -> (usize, u32) {
    let (words, cjk) = count(text);
    (words.saturating_add(cjk), minutes(words, cjk))
}

fn minutes(words: usize, cjk: usize) -> u32 {
    if words == 0 && cjk == 0 {
        return 0;
    }
    // minutes = words / 230 + cjk / 500, over a common denominator and rounded up.
    let num = (words as u64)
        .saturating_mul(CJK_CHARS_PER_MINUTE)
        .saturating_add((cjk as u64).saturating_mul(WORDS_PER_MINUTE));
    let den = WORDS_PER_MINUTE * CJK_CHARS_PER_MINUTE;
    let minutes = num.div_ceil(den).max(1);
    u32::try_from(minutes).unwrap_or(u32::MAX)
}

/// What a character does to a word count.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Counts as a word by itself.
    Cjk,
    /// A letter of a script written without spaces.
    Unspaced,
    /// A letter, digit or combining mark: part of a word.
    Word,
    /// An apostrophe: part of a word only between letters.
    Apostrophe,
    /// Anything else ends a word.
    Other,
}

#[inline]
fn class(c: char) -> Class {
    let cp = u32::from(c);
    if cp < 0x80 {
        // Most text is ASCII: decide it without the Unicode tables.
        return if c.is_ascii_alphanumeric() {
            Class::Word
        } else if cp == 0x27 {
            Class::Apostrophe
        } else {
            Class::Other
        };
    }
    if is_cjk(c) {
        return Class::Cjk;
    }
    match cp {
        0x0E00..=0x0EFF          // Thai, Lao
        | 0x1000..=0x109F        // Myanmar
        | 0x1780..=0x17FF => Class::Unspaced, // Khmer
        0x27 | 0x2019 => Class::Apostrophe,
        _ if c.is_alphanumeric() || is_mark_like(cp) => Class::Word,
        _ => Class::Other,
    }
}

/// Combining marks and joiners that continue a word without being letters themselves
/// (a rough range check: combining diacritics, the Indic blocks, ZWJ and ZWNJ).
fn is_mark_like(cp: u32) -> bool {
    matches!(cp, 0x0300..=0x036F | 0x0900..=0x0DFF | 0x200C | 0x200D)
}

/// Counts (words of space-separating scripts, CJK characters) in `text`.
fn count(text: &str) -> (usize, usize) {
    let mut words = 0usize;
    let mut cjk = 0usize;
    let mut in_word = false;
    let mut unspaced_run = 0usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let cls = class(c);
        if cls != Class::Unspaced && unspaced_run > 0 {
            words += unspaced_run.div_ceil(LETTERS_PER_UNSPACED_WORD);
            unspaced_run = 0;
        }
        match cls {
            Class::Cjk => {
                cjk += 1;
                in_word = false;
            }
            Class::Unspaced => {
                unspaced_run += 1;
                in_word = false;
            }
            Class::Word => {
                if !in_word {
                    words += 1;
                    in_word = true;
                }
            }
            Class::Apostrophe => {
                let next_is_word = chars.peek().is_some_and(|&n| class(n) == Class::Word);
                in_word = in_word && next_is_word;
            }
            Class::Other => in_word = false,
        }
    }
    words += unspaced_run.div_ceil(LETTERS_PER_UNSPACED_WORD);
    (words, cjk)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word_count(text: &str) -> usize {
        words_and_minutes(text).0
    }

    fn reading_minutes(text: &str) -> u32 {
        words_and_minutes(text).1
    }

    #[test]
    fn counts_words() {
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("  ...  "), 0);
        assert_eq!(word_count("Hello, world! 42 times."), 4);
        assert_eq!(word_count("don't stop — rock'n'roll"), 3);
        assert_eq!(word_count("it's 'quoted'"), 2);
        assert_eq!(word_count("naïve café résumé"), 3);
        assert_eq!(word_count("नमस्ते दुनिया"), 2);
        assert_eq!(word_count("Привет мир"), 2);
    }

    #[test]
    fn counts_cjk_and_unspaced_scripts() {
        assert_eq!(word_count("日本語のテキスト"), 8);
        assert_eq!(word_count("中文abc中文"), 5);
        assert_eq!(word_count("한국어 문장"), 5);
        // 12 Thai characters: two words by the heuristic.
        assert_eq!(word_count("ภาษาไทยง่ายม"), 2);
        assert_eq!(word_count("ภาษา ไทย"), 2);
    }

    #[test]
    fn reading_time() {
        assert_eq!(reading_minutes(""), 0);
        assert_eq!(reading_minutes("!!"), 0);
        assert_eq!(reading_minutes("one"), 1);
        let words = "word ".repeat(230);
        assert_eq!(reading_minutes(&words), 1);
        assert_eq!(reading_minutes(&format!("{words} more")), 2);
        assert_eq!(reading_minutes(&"字".repeat(1000)), 2);
        assert_eq!(reading_minutes(&"字".repeat(1001)), 3);
    }
}
