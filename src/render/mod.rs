//! Render: plain text and Markdown from the sanitized article tree.

/// Words in `text`; each CJK character counts as one word. (Placeholder.)
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Reading time in minutes. (Placeholder.)
pub fn reading_minutes(text: &str) -> u32 {
    let w = word_count(text);
    if w == 0 { 0 } else { (w as u32).div_ceil(230) }
}
