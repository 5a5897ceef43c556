//! Finding the article: paragraphs score their ancestors, the best-scoring container wins,
//! and siblings that continue it join it (after Readability's proven scheme, over the table).

use super::stats::Stats;
use super::{Flags, Tree};
use crate::html::tags::{flag, known};
use crate::html::walk::Id;
use crate::scan::signals::sig;
use crate::scan::table::Row;
use crate::scan::Scan;

/// Class/id/role weight of an element: +25 for content names, −25 for boilerplate names.
pub fn class_weight(signals: u32) -> i32 {
    let mut w = 0;
    if signals & (sig::POSITIVE | sig::ARTICLE_BODY) != 0 {
        w += 25;
    }
    if signals & (sig::NEGATIVE | sig::BOILERPLATE) != 0 {
        w -= 25;
    }
    w
}

/// Starting score of a candidate container, by tag.
fn base_score(tag: crate::html::tags::Tag) -> f32 {
    use known::*;
    match tag {
        t if t == DIV || t == ARTICLE || t == SECTION || t == MAIN => 5.0,
        t if t == PRE || t == TD || t == BLOCKQUOTE => 3.0,
        t if t == OL || t == UL || t == DL || t == DD || t == DT || t == LI || t == FORM || t.named("address") => -3.0,
        t if t.is(flag::HEADING) || t == TH => -5.0,
        _ => 0.0,
    }
}

/// Whether an element is skipped when scoring: hidden, never text, a consent box or the
/// page's own footer or navigation, or (with `strip_unlikely`) named like boilerplate.
pub fn unlikely(scan: &Scan, stats: &[Stats], tree: &Tree, id: Id, flags: Flags) -> bool {
    let r = &scan.rows[id as usize];
    if r.has(sig::HIDDEN) || r.tag.is(flag::NO_TEXT) {
        return true;
    }
    // Never the article, however long their text (a short story's retries would pick them):
    // a cookie or consent box, and the page's own footer or navigation.
    if r.has(sig::CONSENT) && !r.has(sig::POSITIVE | sig::ARTICLE_BODY) {
        return true;
    }
    if (r.tag == known::FOOTER || r.tag == known::NAV) && !tree.in_story[id as usize] {
        return true;
    }
    if !flags.strip_unlikely || r.tag == known::BODY || r.tag == known::HTML || r.tag == known::A {
        return false;
    }
    let boiler = r.has(sig::BOILERPLATE | sig::NEGATIVE) && !section_head(tree, r, &stats[id as usize], id);
    let content = r.has(sig::POSITIVE | sig::ARTICLE_BODY | sig::LEAD);
    // A container named like boilerplate that holds most of a long text is the page's layout
    // speaking loosely ("share-wrapper", "main-sidebar-layout"): keep scoring it.
    let big = stats[id as usize].paragraphs >= 5;
    boiler && !content && !big
}

/// Whether an element named only like page chrome ("header", "footer") is a heading over
/// prose: a section's or a card's head (`feature-header`, `StyledCardHeader`), not the page's
/// masthead, which holds a logo, menus and links but no paragraphs. A `<header>` element, or
/// one that holds the page's headline, is the page's or the article's own head (the lead
/// recovery reads the latter).
pub fn section_head(tree: &Tree, r: &Row, s: &Stats, id: Id) -> bool {
    r.signals & (sig::BOILERPLATE | sig::NEGATIVE) == sig::CHROME
        && r.tag != known::HEADER
        && !tree.first_h1.is_some_and(|h| tree.contains(id, h))
        && s.heading_chars > 0
        && s.chars >= s.heading_chars + 80
        && s.link_density() < 0.3
        && s.inputs == 0
}

/// The paragraph text length and commas of a paragraph-like element, or `None`: `p` and
/// `pre`; blocks (and table cells) without block children, which Readability turns into
/// paragraphs; and blocks or old-style `<font>` runs with enough text of their own.
fn paragraph(scan: &Scan, stats: &[Stats], tree: &Tree, id: Id) -> Option<(u32, u32)> {
    let r = &scan.rows[id as usize];
    let s = &stats[id as usize];
    let t = r.tag;
    if t == known::P || t == known::PRE || t == known::TD {
        return Some((s.chars, s.commas));
    }
    let leafish = (t.is(flag::BLOCK) || t.name().is_empty()) && !tree.has_block_child[id as usize];
    if leafish && t != known::LI && !t.is(flag::HEADING) && t != known::TH {
        return Some((s.chars, s.commas));
    }
    // A list item counts with words of its own and no links (a comment's or a changelog's
    // item, links and all, is no paragraph Readability would score).
    let own_text = (t.is(flag::BLOCK) && (t != known::LI || s.links == 0)) || t.named("font");
    let in_paragraph = r.parent().is_some_and(|p| scan.rows[p as usize].tag == known::P);
    (r.own_chars >= 25 && own_text && !in_paragraph).then_some((r.own_chars, r.own_commas))
}

/// Scores every candidate container. Returns the score of each element (0 for none).
pub fn score(scan: &Scan, stats: &[Stats], tree: &Tree, gone: &[bool], flags: Flags) -> Vec<f32> {
    let n = scan.rows.len();
    let mut scores = vec![0f32; n];
    let mut scored = vec![false; n];
    for id in 0..n as Id {
        if gone[id as usize] {
            continue;
        }
        let Some((len, commas)) = paragraph(scan, stats, tree, id) else { continue };
        if len < 25 {
            continue;
        }
        let points = 1.0 + commas as f32 + (len as f32 / 100.0).floor().min(3.0);
        let mut anc = scan.rows[id as usize].parent();
        let mut level = 0u32;
        while let Some(a) = anc {
            if level >= 5 || scan.rows[a as usize].tag == known::HTML {
                break;
            }
            let ai = a as usize;
            if !scored[ai] {
                scored[ai] = true;
                let w = if flags.weight_classes { class_weight(scan.rows[ai].signals) } else { 0 };
                scores[ai] = base_score(scan.rows[ai].tag) + w as f32;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            scores[ai] += points / divider;
            level += 1;
            anc = scan.rows[ai].parent();
        }
    }
    for i in 0..n {
        if scored[i] {
            scores[i] *= 1.0 - stats[i].link_density();
        }
    }
    scores
}

/// Characters of paragraph text under each element (paragraphs of at least 25 characters
/// that are mostly not links, outside skipped containers), summed bottom-up.
pub fn prose_mass(scan: &Scan, stats: &[Stats], tree: &Tree, gone: &[bool]) -> Vec<u32> {
    let n = scan.rows.len();
    let mut mass = vec![0u32; n];
    for id in 0..n {
        if gone[id] {
            continue;
        }
        if let Some((len, _)) = paragraph(scan, stats, tree, id as Id) {
            if len >= 25 && stats[id].link_density() < 0.5 {
                mass[id] = len;
            }
        }
    }
    for id in (0..n).rev() {
        if let Some(p) = scan.rows[id].parent() {
            mass[p as usize] += mass[id];
        }
    }
    mass
}

/// Widens the article to the ancestor whose text is most prose: paragraph text counts for it,
/// link text and other text against it. Pages built of many small sections score each section
/// apart; this finds the container that holds them all.
pub fn widen(scan: &Scan, stats: &[Stats], mass: &[u32], top: Id) -> Id {
    let value = |a: Id| {
        let s = &stats[a as usize];
        let m = mass[a as usize] as f32;
        let other = (s.chars as f32 - m - s.link_chars as f32).max(0.0);
        m - s.link_chars as f32 - other
    };
    let mut best = top;
    let mut best_value = value(top);
    let mut anc = scan.rows[top as usize].parent();
    while let Some(a) = anc {
        let t = scan.rows[a as usize].tag;
        if t == known::BODY || t == known::HTML {
            break;
        }
        let v = value(a);
        let m = mass[a as usize] as f32;
        // Many more paragraphs around, and still mostly prose: posts split by chrome (a
        // question and its answers, a thread) belong together.
        let s = &stats[a as usize];
        let gathers = m >= 3.0 * mass[best as usize] as f32 && m >= 0.55 * s.unlinked_chars() as f32;
        if gathers || (v > best_value && m >= 1.15 * mass[best as usize] as f32) {
            best = a;
            best_value = v;
        }
        anc = scan.rows[a as usize].parent();
    }
    best
}

/// The (at most) five elements of positive score, best first and equal scores in element
/// order: picked in one pass, without sorting them all.
fn best_five(scores: &[f32]) -> Vec<Id> {
    let mut ranked: Vec<Id> = Vec::with_capacity(6);
    for (i, &s) in scores.iter().enumerate() {
        if s > 0.0 {
            // After every element scored as high or higher: those come first by id.
            let at = ranked.iter().position(|&r| s.total_cmp(&scores[r as usize]).is_gt()).unwrap_or(ranked.len());
            if at < 5 {
                ranked.insert(at, i as Id);
                ranked.truncate(5);
            }
        }
    }
    ranked
}

/// Picks the article's top container from the scores, after Readability: prefer a common
/// ancestor of several close candidates, climb while the parent scores higher, and skip
/// wrappers with a single child.
pub fn top_candidate(scan: &Scan, tree: &Tree, scores: &[f32]) -> Option<Id> {
    let ranked = best_five(scores);
    let mut top = *ranked.first()?;
    let top_score = scores[top as usize];
    let body_like = |i: Id| {
        let t = scan.rows[i as usize].tag;
        t == known::BODY || t == known::HTML
    };
    // Several strong candidates under one ancestor: the ancestor is the article.
    let alternatives: Vec<Id> =
        ranked[1..].iter().copied().filter(|&a| scores[a as usize] / top_score >= 0.75).collect();
    if alternatives.len() >= 3 {
        let mut anc = scan.rows[top as usize].parent();
        while let Some(a) = anc.filter(|&a| !body_like(a)) {
            if alternatives.iter().filter(|&&alt| tree.contains(a, alt)).count() >= 3 {
                top = a;
                break;
            }
            anc = scan.rows[a as usize].parent();
        }
    }
    // Climb while the parent scores higher.
    let mut last = scores[top as usize];
    let threshold = last / 3.0;
    let mut anc = scan.rows[top as usize].parent();
    while let Some(a) = anc.filter(|&a| !body_like(a)) {
        let s = scores[a as usize];
        if s > 0.0 {
            if s < threshold {
                break;
            }
            if s > last {
                top = a;
                break;
            }
            last = s;
        }
        anc = scan.rows[a as usize].parent();
    }
    // A wrapper whose only child is the top candidate is the same article.
    while let Some(p) = scan.rows[top as usize].parent().filter(|&p| !body_like(p)) {
        if tree.element_children(p) != 1 {
            break;
        }
        top = p;
    }
    Some(top)
}

/// The top candidate plus the siblings that belong with it, in document order.
pub fn with_siblings(scan: &Scan, stats: &[Stats], tree: &Tree, scores: &[f32], mass: &[u32], top: Id) -> Vec<Id> {
    let Some(parent) = scan.rows[top as usize].parent() else { return vec![top] };
    if scan.rows[parent as usize].tag == known::HTML {
        return vec![top];
    }
    let top_score = scores[top as usize];
    let threshold = (top_score * 0.2).max(10.0);
    let mut roots = Vec::new();
    for sib in tree.children(parent) {
        let r = &scan.rows[sib as usize];
        let s = &stats[sib as usize];
        let join = if sib == top {
            true
        } else if r.has(sig::HIDDEN) || r.tag.is(flag::NO_TEXT) || r.has(sig::BOILERPLATE) && !r.has(sig::POSITIVE) {
            false
        } else if scores[sib as usize] >= threshold {
            true
        } else if prose_part(stats, mass, sib, top) {
            // A block of prose too deep for the scores to reach (a question above its answers).
            true
        } else if s.images >= 1
            && s.images <= 2
            && s.chars < 400
            && s.link_density() < 0.2
            && (sib < top || r.tag == known::FIGURE)
        {
            // Lead image or figure with its caption.
            true
        } else if r.tag == known::P
            || (r.tag.is(flag::BLOCK) && !tree.has_block_child[sib as usize] && r.tag != known::LI)
        {
            let ld = s.link_density();
            let text = scan.text_of(sib);
            (s.chars > 80 && ld < 0.25) || (s.chars > 0 && s.chars <= 80 && ld == 0.0 && ends_sentence(text))
        } else {
            false
        };
        if join {
            roots.push(sib);
        }
    }
    roots
}

/// Whether sibling `sib` of the article's container `top` is largely paragraph text, with a
/// real share of the article's prose.
fn prose_part(stats: &[Stats], mass: &[u32], sib: Id, top: Id) -> bool {
    let (s, m) = (&stats[sib as usize], mass[sib as usize]);
    m >= 140 && m * 10 >= mass[top as usize] && m * 5 >= s.unlinked_chars() * 2 && s.link_density() < 0.3
}

/// Whether a text contains a sentence end (`.`, `!`, `?` or their CJK forms) followed by a
/// space or the end.
pub fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with(['.', '!', '?', '。', '！', '？', '…']) || t.contains(". ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `best_five` against its definition: a stable sort by score, best first, cut to five.
    #[test]
    fn best_five_is_the_sorted_head() {
        let values = [0.0, -1.0, 1.0, 2.5, 2.5, f32::NAN, 7.0, 0.5, f32::INFINITY, 1.0];
        let mut seed = 7u32;
        for len in 0..40 {
            let scores: Vec<f32> = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    values[(seed >> 16) as usize % values.len()]
                })
                .collect();
            let mut want: Vec<Id> = (0..len as Id).filter(|&i| scores[i as usize] > 0.0).collect();
            want.sort_by(|a, b| scores[*b as usize].total_cmp(&scores[*a as usize]).then(a.cmp(b)));
            want.truncate(5);
            assert_eq!(best_five(&scores), want, "{scores:?}");
        }
    }
}
