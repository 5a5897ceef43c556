//! Counting words in any script: space-separated words, and CJK characters, which have no
//! spaces between words.

/// Whether `c` is a CJK ideograph, kana or Hangul syllable.
pub fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// Words for judging a line's shape: runs holding a letter or digit, where two CJK
/// characters make one word.
pub fn rough_words(text: &str) -> usize {
    let spaced = text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
    let wide = text.chars().filter(|c| is_wide(*c)).count();
    spaced.max(wide / 2)
}

/// Words made of letters (numbers and symbols do not count); two CJK characters make one.
pub fn letter_words(text: &str) -> usize {
    let lettered = text.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count();
    let wide = text.chars().filter(|c| is_wide(*c)).count();
    lettered.max(wide / 2)
}

/// Whether two texts say the same, ignoring case, spaces and punctuation.
pub fn same_text(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>();
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && a == b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        assert_eq!(rough_words("one two · three"), 3);
        assert_eq!(rough_words("东京的夜晚很安静"), 4);
        assert_eq!(letter_words("Post Reply 4 posts · Page 1 of 1"), 5);
        assert!(is_wide('日') && is_wide('カ') && !is_wide('a'));
    }
}
