//! Copies of one block: responsive layouts and tab widgets often serve the same story or
//! section two or three times (one copy per screen size, shown or hidden by style sheets the
//! cleaner cannot see). A kept container whose whole content repeats an earlier kept one goes.

use super::fnv::FnvMap;
use super::stats::Stats;
use super::Tree;
use crate::scan::selector::Force;
use crate::html::tags::known;
use crate::html::walk::Id;
use crate::scan::Scan;

/// Containers with less text than this are never dropped as copies: short blocks (a price, a
/// label, a heading, a signature) repeat on purpose. Nor are blocks with code in them.
const MIN_CHARS: u32 = 500;

/// A 64-bit FNV-1a step.
fn mix(h: u64, v: u64) -> u64 {
    let mut h = h;
    for b in v.to_le_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Drops kept containers of 500+ characters whose text and element structure repeat an
/// earlier kept container's. Each element's fingerprint folds its tag, its own text and its
/// children's fingerprints, in one backward pass over the table.
pub fn drop_copies(scan: &Scan, stats: &[Stats], tree: &Tree, keep: &mut [bool], forced: &[Option<Force>]) {
    let n = scan.rows.len();
    let mut print = vec![0xcbf2_9ce4_8422_2325u64; n];
    for i in (0..n).rev() {
        let r = &scan.rows[i];
        let mut h = mix(print[i], u64::from(r.tag.name().len() as u32) << 32 | u64::from(r.own_chars));
        if !tree.has_block_child[i] && tree.element_children(i as Id) == 0 {
            for b in scan.text_of(i as Id).bytes() {
                h = mix(h, u64::from(b));
            }
        }
        print[i] = h;
        if let Some(p) = r.parent() {
            print[p as usize] = mix(print[p as usize], h);
        }
    }
    // Fingerprints seen (the value is unused: one map type serves the whole decision).
    let mut seen: FnvMap<u64, u64> = FnvMap::default();
    let mut i = 0;
    while i < n {
        // Documentation repeats its sample code and responses on purpose.
        let big = stats[i].chars >= MIN_CHARS && tree.has_block_child[i] && stats[i].code_blocks == 0;
        if !keep[i] || !big {
            i += 1;
            continue;
        }
        if scan.rows[i].tag == known::PRE || scan.rows[i].tag == known::CODE {
            i = tree.subtree_end[i] as usize;
            continue;
        }
        if seen.insert(print[i], 0).is_some() && forced.get(i).copied().flatten().is_none() {
            let end = tree.subtree_end[i] as usize;
            keep[i..end].iter_mut().for_each(|k| *k = false);
            i = end;
            continue;
        }
        i += 1;
    }
}
