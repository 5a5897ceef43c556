//! HTML as a browser builds it, over lol_html's tokenizer: the known tags and their
//! properties ([`tags`]), and a walk that reports the element tree with HTML's implied-end
//! rules ([`walk`]). The scan walks the page through it and the emit pass replays the scan's
//! walk, so their element numbers agree.

pub mod tags;
pub mod walk;

/// Whether `c` is white space as HTML defines it (space, tab, LF, FF, CR).
pub fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0C' | '\r')
}
