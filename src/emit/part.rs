//! The part of the page that the emit pass reads: everything it writes lies between the
//! first root's start tag and where the last root closed, so the pass starts there, with the
//! elements that were open at that point, instead of reading the whole page again.

use std::ops::Range;

use crate::scan::tags::{flag, known};
use crate::scan::walk::{Id, Resume};
use crate::scan::Scan;

/// A part of the page and how its walk resumes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The part's bytes in the page.
    pub bytes: Range<usize>,
    /// The walk's state where the part begins.
    pub resume: Resume,
}

/// The part of the page (`len` bytes, scanned into `scan`) that holds `roots`, or `None` when
/// the whole page must be read: no roots, or a first root inside SVG, MathML or a template
/// (where the tokenizer reads differently), or an element open at the part's start that closes
/// before its end (the part's walk would not see that element's end tag for what it is).
pub fn part(scan: &Scan, roots: &[Id], len: usize) -> Option<Part> {
    let first = *roots.iter().min()?;
    let start = scan.spans.get(first as usize)?.start as usize;
    let mut end = 0;
    for &root in roots {
        end = end.max(scan.spans.get(root as usize)?.end as usize);
    }
    if end > len || start >= end || u32::try_from(len).is_err() {
        return None;
    }
    let mut open = Vec::new();
    let mut parent = scan.rows.get(first as usize)?.parent();
    while let Some(id) = parent {
        let row = scan.rows.get(id as usize)?;
        let closes_early = (scan.spans.get(id as usize)?.end as usize) < end;
        if closes_early || row.tag.is(flag::FOREIGN) || row.tag == known::TEMPLATE {
            return None;
        }
        open.push((id, row.tag));
        parent = row.parent();
    }
    open.reverse();
    Some(Part { bytes: start..end, resume: Resume { first, open, quirks: scan.quirks } })
}
