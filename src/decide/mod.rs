//! Decide: pure Rust over the element table. Finds the article's containers, then marks every
//! element inside them kept or dropped, so the emit pass can write only the article.
//!
//! Like Readability, it retries with relaxed rules when the first choice is too short: first
//! without skipping boilerplate-named containers, then without class weights, then without
//! conditional cleaning; the longest result wins if none is long enough. A page with no
//! article at all falls back to its main region, chrome left out.

pub mod blocks;
mod choose;
pub mod clean;
mod credit;
mod forms;
mod dedup;
mod needles;
mod orphans;
pub mod page_type;
pub mod phrases;
pub mod score;
pub mod stats;
mod stopwords;
mod teaser;

use crate::html::tags::{flag, known, Tag};
use crate::html::walk::Id;
use crate::sort::sort;
use crate::scan::selector::Force;
use crate::scan::signals::sig;
use crate::scan::table::Row;
use crate::scan::Scan;
use stats::Stats;

/// Rules that the retries relax.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flags {
    /// Skip containers named like boilerplate when scoring.
    pub strip_unlikely: bool,
    /// Let class and id names weigh on scores.
    pub weight_classes: bool,
    /// Drop containers inside the article that look like boilerplate by their statistics.
    pub clean_conditionally: bool,
}

const ATTEMPTS: [Flags; 4] = [
    Flags { strip_unlikely: true, weight_classes: true, clean_conditionally: true },
    Flags { strip_unlikely: false, weight_classes: true, clean_conditionally: true },
    Flags { strip_unlikely: false, weight_classes: false, clean_conditionally: true },
    Flags { strip_unlikely: false, weight_classes: false, clean_conditionally: false },
];

/// An article shorter than this (in characters) makes the decision retry with relaxed rules.
const CHAR_THRESHOLD: u32 = 500;

/// Whether an element is the story's own markup: `<article>`, `<main>` or a container marked
/// as the article body.
fn story_markup(r: &Row) -> bool {
    r.tag == known::ARTICLE || r.tag == known::MAIN || r.has(sig::ARTICLE_BODY)
}

/// Whether an element is named like boilerplate and not like content.
fn named_boilerplate(r: &Row) -> bool {
    r.has(sig::BOILERPLATE | sig::NEGATIVE) && !r.has(sig::POSITIVE)
}

/// Whether a tag is page chrome wherever it stands: navigation, an aside, a footer, a form.
fn page_chrome(t: Tag) -> bool {
    t == known::NAV || t == known::ASIDE || t == known::FOOTER || t == known::FORM
}

/// Shape of the element tree, derived once from the table.
pub struct Tree {
    /// One past the last descendant of each element.
    pub subtree_end: Vec<Id>,
    /// Whether an element has a block-level child element.
    pub has_block_child: Vec<bool>,
    /// Whether an element sits inside an `<article>`, `<main>` or a container marked as the
    /// article body (where a `<footer>` or `<nav>` belongs to the story, not to the page).
    pub in_story: Vec<bool>,
    /// The page's first visible `<h1>`, its headline as a rule.
    pub first_h1: Option<Id>,
}

impl Tree {
    /// The tree of a scanned page.
    pub fn new(scan: &Scan) -> Tree {
        let n = scan.rows.len();
        let mut subtree_end: Vec<Id> = (1..=n as Id).collect();
        let mut has_block_child = vec![false; n];
        for i in (0..n).rev() {
            if let Some(p) = scan.rows[i].parent() {
                let p = p as usize;
                subtree_end[p] = subtree_end[p].max(subtree_end[i]);
                if scan.rows[i].tag.is(flag::BLOCK) || scan.rows[i].tag.is(flag::MEDIA) {
                    has_block_child[p] = true;
                }
            }
        }
        let mut in_story = vec![false; n];
        for i in 0..n {
            if let Some(p) = scan.rows[i].parent() {
                let pr = &scan.rows[p as usize];
                in_story[i] = in_story[p as usize] || story_markup(pr);
            }
        }
        let first_h1 = scan.rows.iter().position(|r| r.tag == known::H1 && !r.has(sig::HIDDEN)).map(|i| i as Id);
        Tree { subtree_end, has_block_child, in_story, first_h1 }
    }

    /// Whether `inner` is `outer` or one of its descendants.
    pub fn contains(&self, outer: Id, inner: Id) -> bool {
        outer <= inner && inner < self.subtree_end[outer as usize]
    }

    /// The element children of `id`, in document order.
    pub fn children(&self, id: Id) -> impl Iterator<Item = Id> + '_ {
        let end = self.subtree_end[id as usize];
        let mut next = id + 1;
        std::iter::from_fn(move || {
            if next >= end {
                return None;
            }
            let child = next;
            next = self.subtree_end[child as usize];
            Some(child)
        })
    }

    /// How many element children `id` has.
    pub fn element_children(&self, id: Id) -> usize {
        self.children(id).count()
    }
}

/// What the emit pass needs to know.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Decision {
    /// `keep[id]`: whether element `id` (and the text directly inside it) belongs to the
    /// article. Inherited: a dropped element's descendants are never kept.
    pub keep: Vec<bool>,
    /// The article's top-level containers, in document order.
    pub roots: Vec<Id>,
    /// Visible characters kept.
    pub kept_chars: u32,
    /// Whether the page looks like an article a reader mode can show.
    pub readerable: bool,
}

/// Finds the article in a scanned page. `title` is the chosen headline, whose duplicate at the
/// top of the body is dropped. `forced` holds the user's selector verdicts per element (empty
/// when there are none): removed elements always go, kept ones always stay.
pub fn decide(scan: &Scan, title: Option<&str>, forced: &[Option<Force>]) -> Decision {
    let stats = stats::compute(scan);
    let tree = Tree::new(scan);
    let readerable = readerable(scan, &stats);
    let mut best = Decision::default();
    let page = Page {
        memo: clean::Memo::new(scan.rows.len()),
        blocks: blocks::Blocks::read(scan, &tree),
        loose_inputs: forms::loose_inputs(scan, &stats),
    };
    let regions = choose::Regions::new(scan, &tree);
    let mut story: Option<(Decision, choose::Spread)> = None;
    for flags in ATTEMPTS {
        let Some(d) = attempt(scan, &stats, &tree, title, forced, &page, flags) else { continue };
        if story.is_none() {
            let spread = regions.spread(scan, &d);
            if choose::is_story(spread) {
                story = Some((d.clone(), spread));
            }
        }
        let enough = d.kept_chars >= CHAR_THRESHOLD;
        if d.kept_chars > best.kept_chars || best.keep.is_empty() {
            best = d;
        }
        if enough {
            break;
        }
    }
    if let Some((d, spread)) = story {
        if choose::prefer_story(regions.spread(scan, &best), spread) {
            best = d;
        }
    }
    // The rules for a page's main region: names and text count, statistics (and so scores)
    // do not.
    let flags = Flags { strip_unlikely: true, weight_classes: true, clean_conditionally: false };
    let ctx =
        clean::Context { scan, stats: &stats, tree: &tree, scores: &[], flags, title, forced, memo: &page.memo, loose_inputs: &page.loose_inputs };
    if best.kept_chars < CHAR_THRESHOLD {
        if let Some(region) = main_region(&ctx) {
            // Only a clear gain: on a short article the region adds just the page around it.
            if region.kept_chars > 2 * best.kept_chars {
                best = region;
            }
        }
    }
    // A page that declares no article (a product, a category, a service) may get its whole
    // main region, cleaned of boilerplate (see `page_type`).
    let kind = page_type::classify(scan);
    if !best.keep.is_empty() && !matches!(kind, page_type::Kind::Article | page_type::Kind::Thread) {
        if let Some(region) = cleaned_region(&ctx, &best, kind) {
            if page_type::prefer_region(scan, &stats, &tree, kind, &best, &region) {
                best = region;
            }
        }
    }
    if best.keep.is_empty() {
        best.keep = vec![false; scan.rows.len()];
    } else {
        dedup::drop_copies(scan, &stats, &tree, &mut best.keep, forced);
        orphans::drop_orphan_headings(scan, &tree, &mut best.keep, forced);
        keep_formulas_whole(scan, &tree, &mut best.keep, forced);
        best.kept_chars = kept_chars(scan, &best.keep);
    }
    best.readerable = readerable && best.kept_chars > 0;
    best
}

/// What the attempts share: the text rules' verdicts, the block reading of the page and the
/// form fields that count against each element.
struct Page {
    memo: clean::Memo,
    blocks: blocks::Blocks,
    loose_inputs: Vec<u32>,
}

fn attempt(
    scan: &Scan,
    stats: &[Stats],
    tree: &Tree,
    title: Option<&str>,
    forced: &[Option<Force>],
    page: &Page,
    flags: Flags,
) -> Option<Decision> {
    let memo = &page.memo;
    let n = scan.rows.len();
    let mut gone = vec![false; n];
    for i in 0..n {
        let inherited = scan.rows[i].parent().is_some_and(|p| gone[p as usize]);
        gone[i] = inherited || score::unlikely(scan, stats, tree, i as Id, flags);
    }
    let scores = score::score(scan, stats, tree, &gone, flags);
    let top = score::top_candidate(scan, tree, &scores).or_else(|| body(scan))?;
    let mass = score::prose_mass(scan, stats, tree, &gone);
    let top = score::widen(scan, stats, &mass, top);
    let mut roots = score::with_siblings(scan, stats, tree, &scores, &mass, top);
    add_forced_roots(tree, forced, &mut roots);
    let ctx = clean::Context { scan, stats, tree, scores: &scores, flags, title, forced, memo, loose_inputs: &page.loose_inputs };
    let mut keep = clean::clean(&ctx, &roots);
    // The block reading finds paragraphs of the article that the containers left out.
    let found = page.blocks.recover(scan, tree, &roots, &keep);
    if !found.is_empty() {
        roots.extend(found);
        sort(&mut roots);
        keep = clean::clean(&ctx, &roots);
    }
    let kept_chars = kept_chars(scan, &keep);
    Some(Decision { keep, roots, kept_chars, readerable: false })
}

/// The last resort for a page without an article (a listing, a chart, a product page whose
/// text is all short blocks): the page's main region — the first `<main>` or article-body
/// container, else the `<body>` — with everything hidden, named like boilerplate, or page
/// chrome (`nav`, `header`, `footer`, `aside`, `form`) left out, but no cleaning by
/// statistics, which would drop every list of short items. Its title block (see
/// [`region_from`]) alone answers to the text rules of `ctx`: its byline and date lines and
/// the headline that repeats the title go.
fn main_region(ctx: &clean::Context) -> Option<Decision> {
    let scan = ctx.scan;
    let root = scan
        .rows
        .iter()
        .position(|r| r.tag == known::MAIN || r.has(sig::ARTICLE_BODY) && r.tag != known::BODY)
        .map(|i| i as Id)
        .or_else(|| body(scan))?;
    let mut region = region_from(scan, ctx.stats, ctx.tree, ctx.forced, root)?;
    let mut i = root as usize;
    while i < ctx.tree.subtree_end[root as usize] as usize {
        if !(region.keep[i] && scan.rows[i].tag == known::HEADER && title_block(ctx.tree, i)) {
            i += 1;
            continue;
        }
        let end = ctx.tree.subtree_end[i] as usize;
        let cleaned = clean::clean_with(ctx, &[i as Id], false);
        for (k, c) in region.keep[i..end].iter_mut().zip(&cleaned[i..end]) {
            *k &= c;
        }
        i = end;
    }
    region.kept_chars = kept_chars(scan, &region.keep);
    Some(region)
}

/// Whether element `i` stands in the story's markup and holds the page's headline: the
/// story's title block, where a `<header>` is no page chrome.
fn title_block(tree: &Tree, i: usize) -> bool {
    tree.in_story[i] && tree.first_h1.is_some_and(|h| tree.contains(i as Id, h))
}

/// The page's main region (see [`page_type::region_root`]) left by [`main_region`]'s rules,
/// then cleaned by the name and text rules of the article (not by statistics, and without
/// trimming its edges), joined with the article search's pick: the region only adds to it.
/// The pick's containers and their ancestors are never left out; a pick outside the region
/// joins it as a container of its own. `ctx` carries the rules for a region: names and text
/// count, statistics do not.
fn cleaned_region(ctx: &clean::Context, pick: &Decision, kind: page_type::Kind) -> Option<Decision> {
    let (scan, stats, tree, forced) = (ctx.scan, ctx.stats, ctx.tree, ctx.forced);
    let root = page_type::region_root(scan, stats, body(scan)?);
    let mut region = region_from(scan, stats, tree, forced, root)?;
    let cleaned = clean::clean_with(ctx, &[root], false);
    for (k, c) in region.keep.iter_mut().zip(cleaned) {
        *k &= c;
    }
    if kind == page_type::Kind::Commerce {
        page_type::unfold_panels(scan, stats, tree, root, &mut region.keep);
    }
    // What stands before the page's first `<h1>` (promotion bars, breadcrumbs, banners) is
    // page chrome, when the pick starts no earlier than that heading.
    let h1 = (root as usize..tree.subtree_end[root as usize] as usize)
        .find(|&i| scan.rows[i].tag == known::H1 && !scan.rows[i].has(sig::HIDDEN))
        .filter(|&h| pick.roots.first().is_some_and(|&p| p as usize >= h || tree.contains(p, h as Id)));
    if let Some(h) = h1 {
        for i in root as usize + 1..h {
            let pinned = forced.get(i).copied().flatten() == Some(Force::Keep);
            if !tree.contains(i as Id, h as Id) && !pinned {
                region.keep[i] = false;
            }
        }
    }
    // Each ancestor is climbed through once, however many of the pick's roots share it.
    let mut climbed = vec![false; scan.rows.len()];
    for &p in &pick.roots {
        if p != root && tree.contains(p, root) {
            return None;
        }
        if !tree.contains(root, p) {
            region.roots.push(p);
            continue;
        }
        let mut a = scan.rows[p as usize].parent();
        while let Some(id) = a.filter(|&id| tree.contains(root, id) && !climbed[id as usize]) {
            climbed[id as usize] = true;
            region.keep[id as usize] = true;
            a = scan.rows[id as usize].parent();
        }
    }
    sort(&mut region.roots);
    for (k, &p) in region.keep.iter_mut().zip(&pick.keep) {
        *k |= p;
    }
    region.kept_chars = kept_chars(scan, &region.keep);
    Some(region)
}

fn region_from(scan: &Scan, stats: &[Stats], tree: &Tree, forced: &[Option<Force>], root: Id) -> Option<Decision> {
    let n = scan.rows.len();
    let mut keep = vec![false; n];
    // Whether an element sits inside an `<article>` below the root, parents first; and
    // whether the region holds several (a listing of cards, not one story).
    let mut in_article = vec![false; n];
    let end = tree.subtree_end[root as usize] as usize;
    let cards = (root as usize..end).filter(|&i| scan.rows[i].tag == known::ARTICLE).take(2).count() > 1;
    let teasers = made_of_teasers(scan, stats, tree, root);
    for i in root as usize..end {
        let r = &scan.rows[i];
        let inside = i == root as usize || r.parent().is_some_and(|p| keep[p as usize]);
        let t = r.tag;
        if let Some(p) = r.parent().filter(|_| i != root as usize) {
            in_article[i] = in_article[p as usize] || scan.rows[p as usize].tag == known::ARTICLE;
        }
        // A `<header>` inside one of several `<article>`s is a card's title block, not chrome;
        // nor is the story's own title block.
        let page_header = t == known::HEADER && !(cards && in_article[i]) && !title_block(tree, i);
        let chrome = page_chrome(t) || page_header;
        let teaser = teasers && r.signals & (sig::BOILERPLATE | sig::NEGATIVE) == sig::RELATED;
        let dropped = (score::unlikely(scan, stats, tree, i as Id, ATTEMPTS[0]) && !teaser) || chrome;
        keep[i] = inside
            && match forced.get(i).copied().flatten() {
                Some(Force::Keep) => true,
                Some(Force::Remove) => false,
                None => !dropped,
            };
    }
    let kept_chars = kept_chars(scan, &keep);
    Some(Decision { keep, roots: vec![root], kept_chars, readerable: false })
}

/// Whether most of a region's text stands in elements named as teasers or related stories
/// (a topic or section page is a list of them): there they are the content.
fn made_of_teasers(scan: &Scan, stats: &[Stats], tree: &Tree, root: Id) -> bool {
    let end = tree.subtree_end[root as usize];
    let mut teaser_chars = 0;
    let mut i = root + 1;
    while i < end {
        let r = &scan.rows[i as usize];
        if r.has(sig::RELATED) && !r.has(sig::HIDDEN) {
            teaser_chars += stats[i as usize].chars;
            i = tree.subtree_end[i as usize];
        } else {
            i += 1;
        }
    }
    teaser_chars * 2 > stats[root as usize].chars
}

/// Elements the user keeps outside the article join it as containers of their own.
fn add_forced_roots(tree: &Tree, forced: &[Option<Force>], roots: &mut Vec<Id>) {
    let mut extra: Vec<Id> = Vec::new();
    for (i, f) in forced.iter().enumerate() {
        let id = i as Id;
        let covered = roots.iter().chain(extra.iter()).any(|&r| tree.contains(r, id));
        if *f == Some(Force::Keep) && !covered {
            extra.push(id);
        }
    }
    if !extra.is_empty() {
        roots.extend(extra);
        sort(roots);
        // A root inside another root is already kept with it.
        let all = roots.clone();
        roots.retain(|&r| !all.iter().any(|&o| o != r && tree.contains(o, r)));
    }
}

/// Keeps every formula that stands in the kept text, whole: the cleaning judges elements by
/// their text, and a formula's parts (`mi`, `mo`, `mrow` …) or the inline wrappers a renderer
/// puts around it (MathJax's `mjx-container`) are too short to pass on their own. A formula
/// joins when its nearest kept ancestor is reached through inline elements only. A part the
/// user's selectors remove still goes.
fn keep_formulas_whole(scan: &Scan, tree: &Tree, keep: &mut [bool], forced: &[Option<Force>]) {
    let removed = |j: usize| forced.get(j).copied().flatten() == Some(Force::Remove);
    let mut i = 0;
    while i < keep.len() {
        if scan.rows[i].tag != known::MATH || removed(i) {
            i += 1;
            continue;
        }
        let end = (tree.subtree_end[i] as usize).min(keep.len());
        if !keep[i] {
            // The wrappers up to the kept text: all inline, none removed, or the formula stays out.
            let mut chain = vec![i];
            let mut up = scan.rows[i].parent();
            while let Some(p) = up.filter(|&p| !keep[p as usize]) {
                let row = &scan.rows[p as usize];
                if row.tag.is(flag::BLOCK) || removed(p as usize) {
                    break;
                }
                chain.push(p as usize);
                up = row.parent();
            }
            if !up.is_some_and(|p| keep[p as usize]) {
                i = end;
                continue;
            }
            chain.into_iter().for_each(|c| keep[c] = true);
        }
        for (j, kept) in keep.iter_mut().enumerate().take(end).skip(i + 1) {
            *kept = !removed(j);
        }
        i = end;
    }
}

/// Visible characters of the elements `keep` keeps (each element's own text).
fn kept_chars(scan: &Scan, keep: &[bool]) -> u32 {
    scan.rows.iter().zip(keep).filter(|(_, &k)| k).map(|(r, _)| r.own_chars).sum()
}

/// The `<body>`, or the first element, as a last resort.
fn body(scan: &Scan) -> Option<Id> {
    let i = scan.rows.iter().position(|r| r.tag == known::BODY).or((!scan.rows.is_empty()).then_some(0))?;
    Some(i as Id)
}

/// Readability's `isProbablyReaderable`: enough long, visible paragraphs outside boilerplate.
fn readerable(scan: &Scan, stats: &[Stats]) -> bool {
    let mut score = 0f32;
    for (i, r) in scan.rows.iter().enumerate() {
        if !(r.tag == known::P || r.tag == known::PRE || r.tag == known::ARTICLE) {
            continue;
        }
        if r.has(sig::HIDDEN) || named_boilerplate(r) {
            continue;
        }
        let len = stats[i].chars as f32;
        if len >= 120.0 {
            score += (len - 120.0).sqrt();
            if score > 20.0 {
                return true;
            }
        }
    }
    false
}
