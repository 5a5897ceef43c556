//! Headings left alone: after cleaning, a heading whose section lost everything under it (a
//! "Register" or "Contact us today" title over a dropped or scripted form, a "Related" title
//! over a dropped link list) says nothing to the reader, and goes too. A section is empty when
//! the next kept text after its heading is a heading of a higher rank (an `h3` followed by an
//! `h2` in another box: one beside it is the headline under its kicker), or nothing. Headings
//! of one rank in a row are left alone: page builders mark names, kickers and labels up as
//! headings of one size.

use super::Tree;
use crate::scan::selector::Force;
use crate::html::tags::{flag, known};
use crate::html::walk::Id;
use crate::scan::Scan;

/// The rank of a heading tag (1 for `h1` … 6 for `h6`), 0 for other tags.
fn rank(scan: &Scan, i: usize) -> u8 {
    let t = scan.rows[i].tag;
    if !t.is(flag::HEADING) {
        return 0;
    }
    match t.name().as_bytes() {
        [b'h', d @ b'1'..=b'6'] => d - b'0',
        _ => 0,
    }
}

/// Drops kept headings whose section keeps nothing: one forward pass for the heading each
/// element sits in, one backward pass for the next kept text, then a look per heading.
pub fn drop_orphan_headings(scan: &Scan, tree: &Tree, keep: &mut [bool], forced: &[Option<Force>]) {
    let n = scan.rows.len();
    // The rank of the heading an element is in (itself included), 0 outside headings.
    let mut within = vec![0u8; n];
    for i in 0..n {
        let own = rank(scan, i);
        within[i] = if own > 0 { own } else { scan.rows[i].parent().map_or(0, |p| within[p as usize]) };
    }
    // The first kept element at or after each position that shows something.
    let shows = |i: usize| {
        let r = &scan.rows[i];
        keep[i] && (r.own_chars > 0 || r.tag.is(flag::MEDIA) || r.tag == known::IMG)
    };
    let mut next = vec![usize::MAX; n + 1];
    for i in (0..n).rev() {
        next[i] = if shows(i) { i } else { next[i + 1] };
    }
    let mut dropped = Vec::new();
    for i in 0..n {
        let own = rank(scan, i);
        let end = tree.subtree_end[i] as usize;
        // The heading shows something itself (its first showing element lies inside it).
        let shows = next[i] < end;
        if own == 0 || !keep[i] || forced.get(i).copied().flatten().is_some() || !shows {
            continue;
        }
        let after = next[end];
        // A higher heading beside it in one box is the headline under its kicker.
        let kicker = scan.rows[i].parent().is_some_and(|p| after < n && tree.contains(p, after as Id));
        let empty = after == usize::MAX || (within[after] > 0 && within[after] < own && !kicker);
        if empty {
            dropped.push(i);
        }
    }
    // In document order; a heading inside one already cleared is skipped (no work twice).
    let mut cleared = 0;
    for i in dropped {
        if i < cleared {
            continue;
        }
        cleared = tree.subtree_end[i] as usize;
        keep[i..cleared].iter_mut().for_each(|k| *k = false);
    }
}
