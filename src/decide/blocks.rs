//! A second, independent reading of the page, paragraph by paragraph, after jusText's idea:
//! every block of text (the text of a block element outside its block children: a paragraph,
//! a list item, a cell, the loose lines of a `<div>` joined by `<br>`) is classified by its
//! length, its link density and its density of function words in the page's language. Prose
//! is long, unlinked and dense in function words; menus, link lists, credits, captions and
//! counters are not. Short and middling blocks take the class of their neighbours.
//!
//! The scorer (`score.rs`) looks at containers; this looks at blocks in reading order, and so
//! sees an article the containers hide (loose text in a `<div>`, a story split into many
//! fields). `mod.rs` uses it to recover paragraphs the scorer's containers left out (see
//! [`Blocks::recover`]).

use super::stopwords;
use super::Tree;
use crate::scan::signals::sig;
use crate::html::tags::{flag, known};
use crate::html::walk::Id;
use crate::scan::Scan;
use crate::sort::sort;

/// Blocks shorter than this (visible characters) are short: their neighbours decide.
const LENGTH_LOW: u32 = 70;
/// Characters a heading between the headline and the article needs to be taken as its lead:
/// a subtitle written out as a sentence or two, not a section title or a teaser's headline.
const SUBTITLE_CHARS: u32 = 100;
/// Blocks longer than this with enough function words are good on their own.
const LENGTH_HIGH: u32 = 200;
/// Function-word density (share of words) below which a block is not prose. The lists are
/// short (see `stopwords.rs`), so these sit lower than jusText's 0.30 and 0.32.
const STOP_LOW: f32 = 0.16;
/// Function-word density from which a long block is prose.
const STOP_HIGH: f32 = 0.20;
/// Link density above which a block is a link list.
const MAX_LINK_DENSITY: f32 = 0.2;

/// The class of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Prose: part of the article.
    Good,
    /// Boilerplate.
    Bad,
    /// Prose by its own measures, but only in good company (before context).
    NearGood,
    /// Too short to say (before context).
    Short,
}

/// One block of text.
#[derive(Debug, Clone, Copy)]
pub struct Block {
    /// The element that owns the text.
    pub id: Id,
    /// Visible characters.
    pub chars: u32,
    /// Of those, in links.
    pub link_chars: u32,
    /// Words.
    pub words: u32,
    /// Of those, function words of the page's language.
    pub stops: u32,
    /// Whether the element is a heading.
    pub heading: bool,
    /// The class after context.
    pub class: Class,
    /// Whether the block reads as prose by its own measures (good or near-good before context).
    pub prose: bool,
}

/// The page read as blocks.
pub struct Blocks {
    /// The blocks in reading order.
    pub list: Vec<Block>,
}

/// Whether an element's text stands as a block of its own.
fn is_block(scan: &Scan, i: usize) -> bool {
    let t = scan.rows[i].tag;
    t.is(flag::BLOCK) || scan.rows[i].parent().is_none()
}

/// The language of the page by its function words: the list that matches most words, if it
/// matches a fair share of them. Reads at most the first 16 KB of text.
fn page_language(text: &str) -> Option<usize> {
    let mut end = text.len().min(16 * 1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut hits = [0u32; stopwords::LANGUAGES];
    let mut words = 0u32;
    let mut buf = String::new();
    stopwords::each_word(&text[..end], &mut buf, |w| {
        words += 1;
        let mut m = stopwords::languages_of(w);
        while m != 0 {
            let b = m.trailing_zeros() as usize;
            hits[b] += 1;
            m &= m - 1;
        }
    });
    let (best, &n) = hits.iter().enumerate().max_by_key(|(_, &n)| n)?;
    (n >= 20 && n * 10 >= words).then_some(best)
}

impl Blocks {
    /// Reads the page as blocks and classifies them.
    pub fn read(scan: &Scan, tree: &Tree) -> Blocks {
        let n = scan.rows.len();
        let lang = page_language(&scan.text);
        let bit = lang.map(|l| 1u32 << l);
        // The block that owns each element's own text; u32::MAX where the text is not seen.
        let mut owner = vec![Id::MAX; n];
        let mut index = vec![u32::MAX; n];
        let mut list: Vec<Block> = Vec::new();
        let mut buf = String::new();
        for i in 0..n {
            let r = &scan.rows[i];
            let parent_owner = r.parent().map_or(Id::MAX, |p| owner[p as usize]);
            let dead = r.has(sig::HIDDEN)
                || r.tag.is(flag::NO_TEXT)
                || r.tag == known::HEAD
                || r.parent().is_some_and(|p| owner[p as usize] == Id::MAX && scan.rows[p as usize].parent().is_some());
            if dead {
                continue;
            }
            owner[i] = if is_block(scan, i) || parent_owner == Id::MAX { i as Id } else { parent_owner };
            if r.own_chars == 0 {
                continue;
            }
            let o = owner[i] as usize;
            if index[o] == u32::MAX {
                index[o] = list.len() as u32;
                let heading = scan.rows[o].tag.is(flag::HEADING);
                list.push(Block {
                    id: o as Id,
                    chars: 0,
                    link_chars: 0,
                    words: 0,
                    stops: 0,
                    heading,
                    class: Class::Short,
                    prose: false,
                });
            }
            let b = &mut list[index[o] as usize];
            b.chars += r.own_chars;
            b.link_chars += r.own_link_chars;
        }
        // Function words, only for blocks whose class they can decide (long enough, few
        // links) and only when the page's language is known. An element's own text is the
        // gaps between its children's texts.
        if let Some(bit) = bit {
            for i in 0..n {
                let r = &scan.rows[i];
                if owner[i] == Id::MAX || r.own_chars == 0 {
                    continue;
                }
                let b = &mut list[index[owner[i] as usize] as usize];
                if b.chars < LENGTH_LOW || b.link_chars as f32 > MAX_LINK_DENSITY * b.chars as f32 {
                    continue;
                }
                let (mut words, mut stops) = (0u32, 0u32);
                let mut count = |s: &str| {
                    stopwords::each_word(s, &mut buf, |w| {
                        words += 1;
                        if stopwords::languages_of(w) & bit != 0 {
                            stops += 1;
                        }
                    });
                };
                let mut at = r.text_start as usize;
                for c in tree.children(i as Id) {
                    let cr = &scan.rows[c as usize];
                    if let Some(s) = scan.text.get(at..cr.text_start as usize) {
                        count(s);
                    }
                    at = at.max(cr.text_end as usize);
                }
                if let Some(s) = scan.text.get(at..r.text_end as usize) {
                    count(s);
                }
                b.words += words;
                b.stops += stops;
            }
        }
        // Blocks keep reading order by their first text; owners may be met late (a block
        // whose first text follows a child block), so order them by position of the owner:
        // `index` lists each owner's block in element order (no sort, so no sort's code).
        let mut list: Vec<Block> = index.iter().filter_map(|&k| list.get(k as usize).copied()).collect();
        let lang_on = bit.is_some();
        for b in &mut list {
            b.class = initial(b, lang_on);
            b.prose = matches!(b.class, Class::Good | Class::NearGood);
        }
        resolve(&mut list);
        Blocks { list }
    }
}

/// jusText's context-free class.
fn initial(b: &Block, lang_on: bool) -> Class {
    let ld = if b.chars == 0 { 0.0 } else { b.link_chars as f32 / b.chars as f32 };
    if ld > MAX_LINK_DENSITY {
        return Class::Bad;
    }
    if b.chars < LENGTH_LOW {
        return if b.link_chars > 0 { Class::Bad } else { Class::Short };
    }
    let sd = if !lang_on {
        1.0
    } else if b.words == 0 {
        0.0
    } else {
        b.stops as f32 / b.words as f32
    };
    if sd >= STOP_HIGH {
        if b.chars > LENGTH_HIGH {
            Class::Good
        } else {
            Class::NearGood
        }
    } else if sd >= STOP_LOW {
        Class::NearGood
    } else {
        Class::Bad
    }
}

/// jusText's context rules: a short block between two good ones is good, between two bad ones
/// bad, and otherwise follows a near-good neighbour; a near-good block is good next to a good
/// one. A heading just before good text is good. Linear: each block's nearest neighbours come
/// from one pass each way.
fn resolve(list: &mut [Block]) {
    let n = list.len();
    let decided = |c: Class| c == Class::Good || c == Class::Bad;
    // Short blocks first, against the context-free classes.
    let (before, after) = nearest(list, decided);
    let (near_before, near_after) = nearest(list, |c| c != Class::Short);
    let mut shorts = Vec::new();
    for i in 0..n {
        if list[i].class != Class::Short {
            continue;
        }
        let c = match (before[i], after[i]) {
            (Class::Good, Class::Good) => Class::Good,
            (Class::Bad, Class::Bad) => Class::Bad,
            // Between good and bad: good only when the bad side is closer to near-good text.
            (p, x) => {
                let p_near = p == Class::Bad && near_before[i] == Class::NearGood;
                let x_near = x == Class::Bad && near_after[i] == Class::NearGood;
                if p_near || x_near {
                    Class::Good
                } else {
                    Class::Bad
                }
            }
        };
        shorts.push((i, c));
    }
    for (i, c) in shorts {
        list[i].class = c;
    }
    let (before, after) = nearest(list, decided);
    for i in 0..n {
        if list[i].class == Class::NearGood {
            let good = before[i] == Class::Good || after[i] == Class::Good;
            list[i].class = if good { Class::Good } else { Class::Bad };
        }
    }
    // A heading right before a good block (within 200 characters) is the block's title.
    for i in 0..n {
        if !list[i].heading || list[i].class == Class::Good || list[i].link_chars * 2 > list[i].chars {
            continue;
        }
        let mut dist = 0;
        for b in &list[i + 1..] {
            if b.class == Class::Good {
                if dist <= 200 {
                    list[i].class = Class::Good;
                }
                break;
            }
            dist += b.chars.max(1);
            if dist > 200 {
                break;
            }
        }
    }
}

/// For each block, the class of the nearest block before it and after it whose class `counts`
/// (bad where there is none).
fn nearest(list: &[Block], counts: impl Fn(Class) -> bool) -> (Vec<Class>, Vec<Class>) {
    let n = list.len();
    let (mut before, mut after) = (vec![Class::Bad; n], vec![Class::Bad; n]);
    let mut last = Class::Bad;
    for (i, b) in list.iter().enumerate() {
        before[i] = last;
        if counts(b.class) {
            last = b.class;
        }
    }
    last = Class::Bad;
    for (i, b) in list.iter().enumerate().rev() {
        after[i] = last;
        if counts(b.class) {
            last = b.class;
        }
    }
    (before, after)
}

impl Blocks {
    /// Good blocks the scorer's article left out although they belong to it: blocks between
    /// the article's first and last good block (a story split by an ad or a widget into
    /// containers the scorer did not join), and runs of good blocks right before or after it.
    /// Blocks inside boilerplate-named containers or page chrome are never taken. Returns the
    /// elements to add as roots of the article, in document order.
    pub fn recover(&self, scan: &Scan, tree: &Tree, roots: &[Id], keep: &[bool]) -> Vec<Id> {
        let kept_good: Vec<usize> = (0..self.list.len())
            .filter(|&k| self.list[k].class == Class::Good && keep.get(self.list[k].id as usize) == Some(&true))
            .collect();
        let (Some(&first), Some(&last)) = (kept_good.first(), kept_good.last()) else { return Vec::new() };
        let above = Ancestry::new(scan);
        let mut wanted = vec![false; self.list.len()];
        let mut lead = vec![false; self.list.len()];
        // Inside the article's span.
        wanted[first..=last].fill(true);
        // Good blocks just before it, back to the headline: a lead or standfirst that the
        // scorer left out. Date lines, share bars and credits (up to 300 characters of
        // blocks that are not good) may stand between; a byline ends the search.
        let headline = scan.rows.iter().position(|r| r.tag == known::H1).map(|h| h as Id);
        let mut skipped = 0;
        let mut k = first;
        while k > 0 {
            k -= 1;
            let b = &self.list[k];
            if headline.is_none_or(|h| b.id <= h) || opens_with_byline(scan, b.id) {
                break;
            }
            // A standfirst is often too short to be good by itself, and its neighbours (the
            // headline, a date line, an ad slot) do not vouch for it: a paragraph or a block
            // named as the lead that reads as prose is taken.
            if b.class == Class::Good || (b.prose && standfirst(scan, &above, b.id)) {
                wanted[k] = true;
                lead[k] = true;
            } else {
                skipped += b.chars;
                if skipped > 300 {
                    break;
                }
            }
        }
        // Which elements lie in a root, marked once (a root inside an earlier one adds nothing).
        let mut sorted_roots = roots.to_vec();
        sort(&mut sorted_roots);
        let mut in_roots = vec![false; scan.rows.len()];
        let mut covered = 0;
        for &r in &sorted_roots {
            let end = (tree.subtree_end[r as usize] as usize).min(in_roots.len());
            if (r as usize) >= covered {
                in_roots[r as usize..end].fill(true);
                covered = end;
            }
        }
        let mut out: Vec<Id> = Vec::new();
        for (k, b) in self.list.iter().enumerate() {
            let subtitle = lead[k] && b.prose && b.chars >= SUBTITLE_CHARS && standfirst(scan, &above, b.id);
            if !wanted[k] || (b.class != Class::Good && !lead[k]) || (b.heading && !subtitle) || b.chars < LENGTH_LOW {
                continue;
            }
            let id = b.id;
            if in_roots[id as usize] || holds_a_root(&sorted_roots, tree, id) {
                continue;
            }
            if out.last().is_some_and(|&o| tree.contains(o, id)) {
                continue;
            }
            let chrome = if lead[k] { above.chrome_for_lead[id as usize] } else { above.chrome[id as usize] };
            if tree.has_block_child[id as usize] || chrome {
                continue;
            }
            out.push(id);
        }
        out
    }
}

/// What each element's ancestors (and the element itself) make of it, worked out parent
/// before child in one pass over the table.
struct Ancestry {
    /// Inside a figure or a caption.
    captioned: Vec<bool>,
    /// Under page chrome (nav, aside, footer, header, form) or a boilerplate name.
    chrome: Vec<bool>,
    /// The same for a lead, which may sit in a header (the article's own `<header>`, with its
    /// headline) or in a container named as chrome.
    chrome_for_lead: Vec<bool>,
}

impl Ancestry {
    fn new(scan: &Scan) -> Ancestry {
        let n = scan.rows.len();
        let mut a = Ancestry { captioned: vec![false; n], chrome: vec![false; n], chrome_for_lead: vec![false; n] };
        for (i, r) in scan.rows.iter().enumerate() {
            let p = r.parent().map(|p| p as usize).filter(|&p| p < i);
            let from_parent = |v: &[bool]| p.is_some_and(|p| v[p]);
            let t = r.tag;
            a.captioned[i] = from_parent(&a.captioned)
                || t == known::FIGURE
                || t == known::FIGCAPTION
                || r.has(sig::CAPTION);
            let page_chrome = super::page_chrome(t);
            let named = sig::BOILERPLATE | sig::NEGATIVE | sig::HIDDEN | sig::AUTHOR;
            let named_as = |flags: u32| r.has(flags) && !r.has(sig::POSITIVE);
            a.chrome[i] = from_parent(&a.chrome) || page_chrome || t == known::HEADER || named_as(named);
            a.chrome_for_lead[i] = from_parent(&a.chrome_for_lead) || page_chrome || named_as(named & !sig::CHROME);
        }
        a
    }
}

/// Whether a block has a standfirst's shape: a paragraph, a heading below the headline (a
/// subtitle), or a block named as the lead, and not in a figure or caption.
fn standfirst(scan: &Scan, above: &Ancestry, id: Id) -> bool {
    let r = &scan.rows[id as usize];
    let subtitle = r.tag.is(flag::HEADING) && r.tag != known::H1;
    (r.tag == known::P || subtitle || r.has(sig::LEAD)) && !above.captioned[id as usize]
}

/// Whether element `id` holds one of the (sorted) roots.
fn holds_a_root(sorted_roots: &[Id], tree: &Tree, id: Id) -> bool {
    let next = sorted_roots.partition_point(|&r| r < id);
    sorted_roots.get(next).is_some_and(|&r| r < tree.subtree_end[id as usize])
}

/// Whether a block opens with a byline ("By Jane Doe, a reporter who…"): an author's note, not
/// a lead.
fn opens_with_byline(scan: &Scan, id: Id) -> bool {
    // Nothing over a hundred characters reads as a byline: look at the text's start only.
    let text = scan.text_of(id).trim_start();
    let mut end = text.len().min(400);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let first = text[..end].split([',', '.', ';', '\n']).next().unwrap_or("");
    crate::meta::looks_like_byline(first.trim())
}
