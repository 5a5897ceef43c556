//! Inline teasers: a paragraph or heading between the article's paragraphs that is nothing but
//! a short label and a link to another story ("Read: <headline>", "SEE ALSO: <headline>"), in
//! any language. The label is told by its shape — one to three words before a colon or an
//! arrow, then a linked headline of four or more words, or a linked headline that opens with
//! an arrow itself (">> <headline> <<") — so no phrase table is needed.

use super::stats::Stats;
use super::Tree;
use crate::html::tags::{flag, known};
use crate::scan::Scan;
use crate::words::letter_words;

/// Whether block `i` is a label followed by a single linked headline.
pub fn link_teaser(scan: &Scan, stats: &[Stats], tree: &Tree, i: usize) -> bool {
    let r = &scan.rows[i];
    let s = &stats[i];
    let t = r.tag;
    let shape = t == known::P || t == known::DIV || t.is(flag::HEADING);
    if !shape || s.links != 1 || s.chars > 220 || s.images > 0 || tree.has_block_child[i] || s.raw_link_density() < 0.6
    {
        return false;
    }
    // The link, and the text before and after it.
    let end = tree.subtree_end[i] as usize;
    let Some(a) = (i + 1..end).find(|&k| scan.rows[k].tag == known::A) else { return false };
    let link = &scan.rows[a];
    let text = &scan.text;
    let (Some(before), Some(after), Some(inside)) = (
        text.get(r.text_start as usize..link.text_start as usize),
        text.get(link.text_end as usize..r.text_end as usize),
        text.get(link.text_start as usize..link.text_end as usize),
    ) else {
        return false;
    };
    let label = before.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
    let labelled = label.ends_with([':', '：', '»', '›', '→', '>', '|']);
    let label_words = letter_words(label);
    // Or the link itself opens with the arrow (">> <headline> <<", "» <headline>").
    let marked = label.is_empty() && inside.trim_start().starts_with(['»', '›', '→', '>', '▶', '►']);
    let tail = after.trim_matches(|c: char| !c.is_alphanumeric());
    (marked || labelled && (1..=3).contains(&label_words)) && tail.is_empty() && letter_words(inside) >= 4
}

/// Fewest linked headlines that make a teaser grid.
const GRID_HEADS: u32 = 3;

/// Whether container `i` is a grid of story teasers inside a longer article ("latest
/// insights", related posts): three or more headlines that are nothing but a link and two or
/// more excerpts cut short with an ellipsis, in under a third of the article's text. Told by
/// shape, whatever the classes say; a listing page, made of nothing else, is not judged so.
pub fn teaser_grid(stats: &[Stats], tree: &Tree, i: usize, article_chars: u32) -> bool {
    let s = &stats[i];
    tree.has_block_child[i]
        && s.linked_heads >= GRID_HEADS
        && s.cut_excerpts >= 2
        && s.chars * 3 <= article_chars
}
