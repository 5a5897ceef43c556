//! Marking the boilerplate inside the article: by attribute signals, by statistics
//! (Readability's conditional cleaning), by short-text phrases in many languages, and by
//! trimming leading and trailing blocks that are not prose.

use super::phrases::{self, At, Kind};
use super::score::{class_weight, ends_sentence, section_head};
use super::stats::Stats;
use super::{Flags, Tree};
use crate::html::tags::{flag, known, Tag};
use crate::html::walk::Id;
use crate::scan::selector::Force;
use crate::scan::signals::sig;
use crate::scan::table::Row;
use crate::scan::Scan;
use crate::words::{rough_words as words, same_text};

/// Everything the cleaning rules read.
pub struct Context<'a> {
    /// The scanned page.
    pub scan: &'a Scan,
    /// Subtree totals.
    pub stats: &'a [Stats],
    /// Tree shape.
    pub tree: &'a Tree,
    /// Candidate scores, read by the conditional cleaning only (empty for rules without it:
    /// an element without a score counts as 0).
    pub scores: &'a [f32],
    /// The rules in force.
    pub flags: Flags,
    /// The chosen headline.
    pub title: Option<&'a str>,
    /// The user's selector verdicts per element (may be empty).
    pub forced: &'a [Option<Force>],
    /// Text-rule verdicts already worked out, shared by the attempts (see [`Memo`]).
    pub memo: &'a Memo,
    /// Per element, the form fields that count against it (see [`super::forms::loose_inputs`]),
    /// worked out once per page.
    pub loose_inputs: &'a [u32],
}

/// Verdicts of the text rules per element, which do not change between attempts: 0 unknown,
/// 1 not boilerplate, 2 boilerplate, 3 boilerplate with its small wrappers.
pub struct Memo(Vec<std::cell::Cell<u8>>);

impl Memo {
    /// An empty memo for `n` elements.
    pub fn new(n: usize) -> Memo {
        Memo(vec![std::cell::Cell::new(0); n])
    }
}

/// What the text rules say of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// Not boilerplate (or not for these rules to say).
    Content,
    /// Boilerplate: the block goes.
    Junk,
    /// Boilerplate that labels its surroundings: the block goes with its small wrappers.
    JunkWithWrappers,
}

/// Tags whose content is protected from text rules: code, quotes, math, tables with headers.
fn protected(tag: Tag) -> bool {
    tag == known::PRE || tag == known::CODE || tag == known::BLOCKQUOTE || tag == known::MATH || tag == known::TABLE
}

/// A month grid: mostly day numbers 1–31, at least twenty of them.
fn calendar_like(text: &str) -> bool {
    // Twenty day numbers take twenty digits at least.
    if text.bytes().filter(u8::is_ascii_digit).nth(19).is_none() {
        return false;
    }
    let mut total = 0;
    let mut days = 0;
    for t in text.split_whitespace() {
        total += 1;
        if t.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d)) {
            days += 1;
        }
    }
    days >= 20 && days * 10 >= total * 6
}

impl Context<'_> {
    fn row(&self, i: usize) -> &Row {
        &self.scan.rows[i]
    }

    /// Readability's conditional cleaning: a container whose numbers say "not prose".
    /// `series`: the element is (inside) one of a run of like-named siblings that carry the
    /// article (the product cards of a "best of" list): class names do not weigh against it.
    fn conditionally_junk(&self, i: usize, in_figure: bool, series: bool, inputs: u32) -> bool {
        let r = self.row(i);
        let t = r.tag;
        let container = t == known::TABLE
            || t == known::UL
            || t == known::OL
            || t == known::DL
            || t == known::DIV
            || t == known::SECTION
            || t == known::FORM
            || t == known::ASIDE
            || t == known::HEADER
            || t == known::FOOTER
            || t == known::NAV
            || t.named("fieldset")
            || t.name().is_empty();
        if !container || !self.tree.has_block_child[i] && t != known::UL && t != known::OL && t != known::TABLE {
            return false;
        }
        let s = &self.stats[i];
        // Code listings keep their toolbars' containers (a "Copy" button is not a form).
        if s.code_blocks > 0 {
            return false;
        }
        if t == known::TABLE && (s.table_heads > 0 || s.chars > 300 && s.link_density() < 0.3) {
            return false;
        }
        let weight =
            if self.flags.weight_classes && !series && !self.continuation(i) { class_weight(r.signals) } else { 0 };
        let list = |t: Tag| t == known::UL || t == known::OL || t == known::DL;
        // A box around nothing but a list (a recipe's ingredients) is read as that list.
        let mut children = self.tree.children(i as Id);
        let wraps_list = match (children.next(), children.next()) {
            (Some(c), None) => list(self.row(c as usize).tag) && self.stats[c as usize].chars == s.chars,
            _ => false,
        };
        let is_list = list(t) || wraps_list;
        let prose_list = is_list && s.link_density() < 0.5;
        if weight as f32 + self.scores.get(i).copied().unwrap_or(0.0) < 0.0 && !prose_list {
            return true;
        }
        if s.commas >= 10 {
            return false;
        }
        let p = s.paragraphs as f32;
        let img = s.images as f32;
        let li = s.list_items as f32 - 100.0;
        let input = inputs as f32;
        let heading_density = if s.chars == 0 { 0.0 } else { s.heading_chars as f32 / s.chars as f32 };
        let ld = s.link_density();
        let len = s.chars;
        (img > 1.0 && p / img < 0.5 && !in_figure)
            || (!is_list && li > p)
            || (input > (p / 3.0).floor())
            || (!is_list
                && heading_density < 0.9
                && len < 25
                && (img == 0.0 || img > 2.0)
                && !in_figure
                && s.embeds == 0)
            || (!is_list && weight < 25 && ld > 0.2)
            || (weight >= 25 && ld > 0.5)
            || s.embeds > 1 && len < 200
    }

    /// Text rules for one block: whether it is boilerplate, and whether its small wrappers go
    /// with it. Remembered across attempts.
    fn text_junk(&self, i: usize) -> Verdict {
        let Some(cell) = self.memo.0.get(i) else { return self.text_junk_uncached(i) };
        match cell.get() {
            1 => Verdict::Content,
            2 => Verdict::Junk,
            3 => Verdict::JunkWithWrappers,
            _ => {
                let v = self.text_junk_uncached(i);
                cell.set(match v {
                    Verdict::Content => 1,
                    Verdict::Junk => 2,
                    Verdict::JunkWithWrappers => 3,
                });
                v
            }
        }
    }

    /// Whether `i` stands in a list item a few levels up: a footnote, whose symbol-only link
    /// ("↩", "^") leads back to its reference, unlike a heading's permalink.
    fn in_note(&self, i: usize) -> bool {
        let mut at = self.row(i).parent();
        for _ in 0..3 {
            let Some(p) = at else { return false };
            if self.row(p as usize).tag == known::LI {
                return true;
            }
            at = self.row(p as usize).parent();
        }
        false
    }

    /// Whether the element right after `i`, in the same parent, is a paragraph of prose.
    fn opens_prose(&self, i: usize) -> bool {
        let next = self.tree.subtree_end[i] as usize;
        let Some(r) = self.scan.rows.get(next) else { return false };
        let s = &self.stats[next];
        r.parent() == self.row(i).parent() && r.tag == known::P && s.chars >= 80 && s.link_density() < 0.3
    }

    fn text_junk_uncached(&self, i: usize) -> Verdict {
        let r = self.row(i);
        let s = &self.stats[i];
        let t = r.tag;
        let block = t.is(flag::BLOCK) || t == known::A || t == known::BUTTON || t.name().is_empty() || t.named("font");
        if !block || s.chars == 0 || protected(t) || s.chars > MAX_FILLER_CHARS {
            return Verdict::Content;
        }
        let text = self.scan.text_of(i as Id);
        if filler(text, s.chars) {
            return Verdict::Junk;
        }
        if s.chars > 600 {
            return Verdict::Content;
        }
        if calendar_like(text) {
            return Verdict::JunkWithWrappers;
        }
        if s.chars > 300 {
            return Verdict::Content;
        }
        let norm = phrases::normalize(text);
        let n_words = words(&norm);
        let heading = t.is(flag::HEADING);
        let ld = s.raw_link_density();
        if let Some((kind, at)) = phrases::classify(&norm) {
            let network_name = kind == Kind::Share && at == At::Whole && n_words <= 1;
            let linkish = t == known::A || t == known::LI || t == known::BUTTON || ld >= 0.5;
            let label = match (kind, at) {
                (Kind::Share | Kind::Disclosure | Kind::Copyright | Kind::Newsletter, At::Within) => {
                    s.chars <= 300 && !heading
                }
                (Kind::Comments, At::Within) => s.chars <= 60 && ld >= 0.5,
                (_, At::Within) => false,
                (
                    Kind::Consent
                    | Kind::Newsletter
                    | Kind::Bio
                    | Kind::Calendar
                    | Kind::ShortUrl
                    | Kind::Copyright
                    | Kind::Feedback,
                    At::Start,
                ) => true,
                // A heading that only starts like a label ("Comments in config files") and
                // opens prose is a section's title.
                (_, At::Start) if heading && self.opens_prose(i) => false,
                _ => n_words <= 6 || (heading && n_words <= 12) || ld >= 0.4,
            };
            if label && (!network_name || linkish) {
                return if kind != Kind::Navigation && kind != Kind::Copyright {
                    Verdict::JunkWithWrappers
                } else {
                    Verdict::Junk
                };
            }
        }
        // A label child ("Advertisement", "Read more", "Where to buy") heading a short box.
        if let Some(kind) = self.leading_label(i) {
            if kind != Kind::Navigation && (ld >= 0.4 || s.chars <= 150) {
                return Verdict::JunkWithWrappers;
            }
        }
        if super::teaser::link_teaser(self.scan, self.stats, self.tree, i) {
            return Verdict::Junk;
        }
        if heading {
            return Verdict::Content;
        }
        if t == known::A && r.has(sig::FRAGMENT_LINK) && !norm.chars().any(char::is_alphanumeric) && !self.in_note(i) {
            return Verdict::Junk;
        }
        // A lone short link standing as a block is a button ("Get started", "Contact us").
        let lone_link = t != known::LI
            && t != known::A
            && t != known::P
            && ld >= 0.9
            && s.chars <= 40
            && crate::words::letter_words(&norm) <= 4;
        if lone_link && !ends_sentence(text) && s.images == 0 {
            return Verdict::Junk;
        }
        if phrases::is_length_line(&norm) || phrases::is_count_line(&norm) {
            return Verdict::Junk;
        }
        if s.chars <= 60 && n_words <= 8 && crate::meta::has_date(text) {
            return Verdict::Junk;
        }
        if s.chars <= 80 && crate::meta::looks_like_byline(text.trim()) {
            return Verdict::Junk;
        }
        if s.chars <= 250 && phrases::has_follow_word(&norm) && (s.social_links >= 1 || phrases::names_network(&norm)) {
            return Verdict::JunkWithWrappers;
        }
        if s.social_links >= 2 && s.chars <= 150 {
            return Verdict::JunkWithWrappers;
        }
        if s.ad_links >= 1 && s.chars <= 200 {
            return Verdict::JunkWithWrappers;
        }
        // A sentence around tag and category links, in any words ("Posted in News and tagged
        // Lyon, Trains. Bookmark the permalink."); not a card that holds such links beside
        // its text, nor a bare row of them (a listing's item shows its topics).
        let line = !self.tree.has_block_child[i] && ld < 0.8;
        if line && s.tag_links >= 2 && s.tag_links * 2 >= s.links && s.chars <= 400 {
            return Verdict::JunkWithWrappers;
        }
        // A sign-up, search or consent box: form fields, or a button beside one line, with a
        // few words around them (a short post with vote buttons has more to say).
        let prose_block = t == known::P || t == known::LI || t == known::TD || t == known::DD;
        if (s.inputs >= 1 || (s.buttons >= 1 && s.paragraphs <= 1))
            && s.chars <= 300
            && s.code_blocks == 0
            && !prose_block
        {
            return Verdict::JunkWithWrappers;
        }
        Verdict::Content
    }

    /// The boilerplate kind named by an element's first child, when that child is a short
    /// label that is not a link ("Anzeige", "Lire aussi", "Onde comprar").
    fn leading_label(&self, i: usize) -> Option<Kind> {
        let child = self.tree.children(i as Id).next()? as usize;
        let cr = self.row(child);
        let cs = &self.stats[child];
        let own_text_first = self.row(i).text_start < cr.text_start
            && self
                .scan
                .text
                .get(self.row(i).text_start as usize..cr.text_start as usize)
                .is_some_and(|t| !t.trim().is_empty());
        if own_text_first || cr.tag == known::A || cs.chars == 0 || cs.chars > 40 || cs.chars * 2 > self.stats[i].chars
        {
            return None;
        }
        let label = phrases::normalize(self.scan.text_of(child as Id));
        match phrases::classify(&label)? {
            (kind, At::Whole) => Some(kind),
            (kind, At::Start) if words(&label) <= 4 => Some(kind),
            _ => None,
        }
    }

    /// Whether element `i` is a "read more" expander that holds the rest of the story, named
    /// only as related content: paragraphs of prose with next to no links (a box of related
    /// stories links every title).
    fn continuation(&self, i: usize) -> bool {
        let s = &self.stats[i];
        self.row(i).signals & (sig::BOILERPLATE | sig::NEGATIVE) == sig::RELATED
            && s.paragraphs >= MIN_CONTINUATION_PARAGRAPHS
            && s.link_density() < 0.1
    }

    /// Whether a boilerplate-named element may be dropped: small next to the article, or
    /// mostly links.
    /// `many_bylines`: the article holds several author lines (a thread or a list of posts),
    /// so they are part of its content rather than its byline.
    fn signal_junk(&self, i: usize, article_chars: u32, many_bylines: bool) -> bool {
        let r = self.row(i);
        let s = &self.stats[i];
        if r.has(sig::POSITIVE | sig::ARTICLE_BODY | sig::LEAD) || protected(r.tag) {
            return false;
        }
        let small = s.chars * 10 <= article_chars * 3 || s.raw_link_density() > 0.5;
        // Text beside an image with few links is its caption, whatever its class says.
        let beside_image =
            r.parent().is_some_and(|p| self.stats[p as usize].images > 0) && s.link_density() < 0.3 && s.chars < 400;
        if beside_image && !r.has(sig::SHARE | sig::SOCIAL | sig::AD | sig::RELATED) {
            return false;
        }
        if self.continuation(i) {
            return false;
        }
        let semantic = r.tag == known::NAV || r.tag == known::FOOTER || r.tag == known::ASIDE;
        // A figure's caption is named a caption by its tag, whatever its class (a code frame's
        // file-name bar is a `figcaption class="header"`).
        let caption = r.has(sig::CAPTION) || r.tag == known::FIGCAPTION;
        let named = r.has(sig::BOILERPLATE) && !section_head(self.tree, r, s, i as Id);
        if (named || semantic) && !caption && small {
            return true;
        }
        let line = if many_bylines { sig::DATE } else { sig::AUTHOR | sig::DATE };
        r.has(line) && s.chars <= 200 && s.paragraphs <= 1
    }
}

/// Paragraphs of prose that make a related-named box the story's continuation.
const MIN_CONTINUATION_PARAGRAPHS: u32 = 5;

/// More author lines than this in an article make it a thread or a listing.
const MAX_BYLINES: usize = 3;

/// How many short author-marked elements the containers hold (nested ones count once).
fn author_lines(ctx: &Context, roots: &[Id]) -> usize {
    let rows = &ctx.scan.rows;
    let line = |i: usize| rows[i].has(sig::AUTHOR) && ctx.stats[i].chars <= 200;
    roots
        .iter()
        .flat_map(|&r| r as usize..ctx.tree.subtree_end[r as usize] as usize)
        .filter(|&i| line(i) && !rows[i].parent().is_some_and(|p| line(p as usize)))
        .count()
}

/// Fewest like-named siblings that make a series.
const SERIES_MIN: u32 = 3;

/// The (parent, signals) pairs of sibling runs named "not content" (widget, promo, …), each
/// with a heading, that hold half the article's text between them: the article is made of
/// them (the product cards of a "best of" list).
fn series_of_negatives(ctx: &Context, roots: &[Id], article_chars: u32) -> Vec<(Id, u32)> {
    let rows = &ctx.scan.rows;
    // Each run's (parent, signals), sorted, with its members and their characters.
    let mut runs: Vec<((Id, u32), (u32, u32))> = Vec::new();
    let descendants = roots.iter().flat_map(|&r| r as usize + 1..ctx.tree.subtree_end[r as usize] as usize);
    for i in descendants {
        let r = &rows[i];
        // Each member is a titled section (a heading inside), not a gallery slide.
        if r.has(sig::NEGATIVE) && !r.has(sig::BOILERPLATE) && ctx.stats[i].heading_chars > 0 {
            let key = (r.parent, r.signals);
            let at = runs.binary_search_by(|run| run.0.cmp(&key)).unwrap_or_else(|at| {
                runs.insert(at, (key, (0, 0)));
                at
            });
            runs[at].1 .0 += 1;
            runs[at].1 .1 += ctx.stats[i].chars;
        }
    }
    runs.into_iter().filter(|(_, (n, chars))| *n >= SERIES_MIN && chars * 2 >= article_chars).map(|(k, _)| k).collect()
}

/// The longest block (in characters) that is tested for a template's filler: a card or a
/// section of a page builder.
const MAX_FILLER_CHARS: u32 = 1500;

/// The words of the "Lorem ipsum dolor sit amet…" filler text.
const FILLER_WORDS: &[&str] = &[
    "ad", "adipiscing", "aliqua", "aliquip", "amet", "commodo", "consectetur", "consequat", "do", "dolor", "dolore", "ea",
    "eiusmod", "elit", "enim", "et", "ex", "exercitation", "incididunt", "ipsum", "labore", "laboris", "lorem", "magna",
    "minim", "nisi", "nostrud", "quis", "sed", "sit", "tempor", "ullamco", "ut", "veniam",
];

/// Whether a block of `chars` characters is a template's filler ("Lorem ipsum dolor sit
/// amet…", left in markup that a script fills or a designer forgot): a short block that opens
/// with the filler, or one that holds it and whose words are mostly the filler's, so a card's
/// placeholder title and button go with it while a sentence about "lorem ipsum" stays (and so
/// do long pages of made-up Latin, a test page's article).
fn filler(text: &str, chars: u32) -> bool {
    let start = text.trim_start().as_bytes();
    if chars <= 600 && start.get(..17).is_some_and(|s| s.eq_ignore_ascii_case(b"lorem ipsum dolor")) {
        return true;
    }
    let bytes = text.as_bytes();
    let at_l = |i: usize| bytes.get(i..i + 11).is_some_and(|w| w.eq_ignore_ascii_case(b"lorem ipsum"));
    if !memchr::memchr2_iter(b'l', b'L', bytes).any(at_l) {
        return false;
    }
    let (mut all, mut latin) = (0, 0);
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        all += 1;
        latin += usize::from(FILLER_WORDS.iter().any(|f| f.eq_ignore_ascii_case(word)));
    }
    latin * 2 > all
}

/// Whether an element is a formula's TeX source (MathJax v2's `<script type="math/tex">`),
/// which the emit pass turns into MathML.
fn tex_source(r: &Row) -> bool {
    r.tag == known::SCRIPT && r.has(sig::MATHJAX)
}

/// A code block's line-number gutter (digits only) or its copy button (a word or two, no
/// code block of its own).
fn code_chrome(ctx: &Context, i: usize) -> bool {
    let r = &ctx.scan.rows[i];
    let stats = &ctx.stats[i];
    if r.signals & (sig::GUTTER | sig::COPY) == 0 || stats.images > 0 {
        return false;
    }
    let text = ctx.scan.text_of(i as Id);
    let digits = text.chars().all(|c| c.is_ascii_digit() || c.is_whitespace()) && text.contains(|c: char| c.is_ascii_digit());
    (r.has(sig::GUTTER) && digits) || (r.has(sig::COPY) && stats.paragraphs == 0 && stats.chars <= 24)
}

/// Marks what the article keeps, for the given containers.
pub fn clean(ctx: &Context, roots: &[Id]) -> Vec<bool> {
    clean_with(ctx, roots, true)
}

/// [`clean`], with the trimming of non-prose edges or without it (a page's main region, whose
/// listing items or specifications are not prose, keeps its edges).
pub fn clean_with(ctx: &Context, roots: &[Id], trim: bool) -> Vec<bool> {
    let scan = ctx.scan;
    let n = scan.rows.len();
    let mut is_root = vec![false; n];
    for &r in roots {
        is_root[r as usize] = true;
    }
    let article_chars: u32 = roots.iter().map(|&r| ctx.stats[r as usize].chars).sum();
    let many_bylines = author_lines(ctx, roots) > MAX_BYLINES;
    let series = series_of_negatives(ctx, roots, article_chars);
    let mut inside = vec![false; n];
    let mut dropped = vec![false; n];
    let mut in_figure = vec![false; n];
    let mut in_series = vec![false; n];
    let mut pinned = vec![false; n];
    let mut expand = Vec::new();
    for i in 0..n {
        let r = &scan.rows[i];
        let parent = r.parent().map(|p| p as usize);
        inside[i] = is_root[i] || parent.is_some_and(|p| inside[p]);
        if !inside[i] {
            continue;
        }
        in_figure[i] = r.tag == known::FIGURE || parent.is_some_and(|p| in_figure[p]);
        let member = series.contains(&(r.parent, r.signals));
        in_series[i] = member || parent.is_some_and(|p| in_series[p]);
        if parent.is_some_and(|p| dropped[p] && inside[p]) {
            dropped[i] = true;
            continue;
        }
        match ctx.forced.get(i).copied().flatten() {
            Some(Force::Remove) => {
                dropped[i] = true;
                continue;
            }
            Some(Force::Keep) => pinned[i] = true,
            None => pinned[i] = parent.is_some_and(|p| pinned[p]),
        }
        if pinned[i] {
            continue;
        }
        let t = r.tag;
        let hidden = r.has(sig::HIDDEN)
            || (t.is(flag::NO_TEXT) && t != known::NOSCRIPT && t != known::IFRAME && !tex_source(r))
            || (r.has(sig::MATHJAX) && (t.named("span") || t == known::DIV))
            || (t.is(flag::FORM) && !t.named("label"))
            || code_chrome(ctx, i);
        if hidden && !is_root[i] {
            dropped[i] = true;
            continue;
        }
        if is_root[i] {
            // A sibling joined as a short paragraph still answers to the text rules.
            let junk = || {
                ctx.text_junk(i) != Verdict::Content || super::credit::is_credit(scan, ctx.stats, ctx.tree, i, false)
            };
            if ctx.stats[i].chars <= 300 && roots.len() > 1 && junk() {
                dropped[i] = true;
            }
            continue;
        }
        if super::credit::is_credit(scan, ctx.stats, ctx.tree, i, in_figure[i]) {
            dropped[i] = true;
            continue;
        }
        if ctx.signal_junk(i, article_chars, many_bylines)
            || super::teaser::teaser_grid(ctx.stats, ctx.tree, i, article_chars)
            || (ctx.flags.clean_conditionally
                && !member
                && ctx.conditionally_junk(i, in_figure[i], in_series[i], ctx.loose_inputs[i]))
        {
            dropped[i] = true;
            continue;
        }
        match ctx.text_junk(i) {
            Verdict::Content => {}
            Verdict::Junk => dropped[i] = true,
            Verdict::JunkWithWrappers => {
                dropped[i] = true;
                expand.push(i);
            }
        }
    }
    // Small wrappers of a dropped label go with it ("READ MORE:" and its link, an ad label
    // and its slot, a calendar grid and its month title).
    for &start in &expand {
        let mut cur = start;
        for _ in 0..4 {
            let Some(p) = scan.rows[cur].parent().map(|p| p as usize) else { break };
            if is_root[p] || !inside[p] || dropped[p] {
                break;
            }
            let (ps, cs) = (&ctx.stats[p], &ctx.stats[cur]);
            let small_rest = ps.chars <= cs.chars + 20
                || (ps.chars <= 250 && ps.raw_link_density() >= 0.5)
                || (ps.chars <= cs.chars + 80 && ps.paragraphs <= 1);
            if !small_rest || ps.paragraphs > 2 {
                break;
            }
            dropped[p] = true;
            cur = p;
        }
    }
    let mut keep = vec![false; n];
    for i in 0..n {
        let parent_ok = scan.rows[i].parent().is_none_or(|p| keep[p as usize]);
        keep[i] = inside[i] && !dropped[i] && (is_root[i] || parent_ok);
    }
    drop_title_heading(ctx, &mut keep, roots);
    if trim {
        trim_edges(ctx, &mut keep, &in_figure, roots);
    }
    // What the user keeps survives the title and edge rules too.
    for i in 0..n {
        if pinned[i] && inside[i] && !dropped[i] {
            keep[i] = true;
        }
    }
    keep
}

/// Drops a heading at the top of the article that repeats the title (the title is output
/// apart from the body).
fn drop_title_heading(ctx: &Context, keep: &mut [bool], roots: &[Id]) {
    let Some(title) = ctx.title else { return };
    let (Some(&first), Some(&last)) = (roots.first(), roots.last()) else { return };
    let end = ctx.tree.subtree_end[last as usize];
    let mut prose_seen = 0;
    for i in first..end {
        let i = i as usize;
        if !keep[i] {
            continue;
        }
        let r = &ctx.scan.rows[i];
        if r.tag.is(flag::HEADING) && same_text(ctx.scan.text_of(i as Id), title) {
            set_subtree(ctx, keep, i, false);
            return;
        }
        if r.tag == known::P {
            prose_seen += ctx.stats[i].chars;
            if prose_seen > 400 {
                return;
            }
        }
    }
}

fn set_subtree(ctx: &Context, keep: &mut [bool], i: usize, value: bool) {
    let end = ctx.tree.subtree_end[i] as usize;
    for k in keep.iter_mut().take(end).skip(i) {
        *k = value;
    }
}

/// What a block at the article's edge is.
#[derive(PartialEq)]
enum Edge {
    /// Not prose: dropped while it is at an edge.
    Junk,
    /// Media or captions: kept, but the trimming goes on past it.
    Neutral,
    /// Prose: the edge stops here.
    Content,
}

/// Drops leading and trailing blocks that are not prose (date lines, bylines, counts, link
/// rows, lone headings at the end).
fn trim_edges(ctx: &Context, keep: &mut [bool], in_figure: &[bool], roots: &[Id]) {
    let (Some(&first), Some(&last)) = (roots.first(), roots.last()) else { return };
    let end = ctx.tree.subtree_end[last as usize] as usize;
    let leaves: Vec<usize> = (first as usize..end)
        .filter(|&i| keep[i])
        .filter(|&i| {
            let r = &ctx.scan.rows[i];
            let t = r.tag;
            (t.is(flag::BLOCK) || t.is(flag::MEDIA) || t.name().is_empty() && r.own_chars > 0)
                && !ctx.tree.has_block_child[i]
        })
        .collect();
    let classify = |i: usize, trailing: bool| -> Edge {
        let r = &ctx.scan.rows[i];
        let s = &ctx.stats[i];
        let t = r.tag;
        if t.is(flag::MEDIA) || in_figure[i] || r.has(sig::CAPTION) || t == known::TD || t == known::TH {
            return Edge::Neutral;
        }
        if t == known::PRE || r.has(sig::LEAD) || protected(t) {
            return Edge::Content;
        }
        if t.is(flag::HEADING) {
            return if trailing { Edge::Junk } else { Edge::Content };
        }
        if s.chars == 0 {
            return Edge::Neutral;
        }
        if t == known::LI {
            return if s.raw_link_density() > 0.5 { Edge::Junk } else { Edge::Neutral };
        }
        let text = ctx.scan.text_of(i as Id);
        // Prose has words of letters; counters and page numbers do not make it prose.
        let w = crate::words::letter_words(text);
        let prose = w >= 8 || (w >= 3 && ends_sentence(text));
        if s.raw_link_density() > 0.5 || !prose {
            Edge::Junk
        } else {
            Edge::Content
        }
    };
    // Without any prose block, trimming would empty a short page: keep it as it is.
    if !leaves.iter().any(|&i| classify(i, false) == Edge::Content) {
        return;
    }
    for &i in &leaves {
        match classify(i, false) {
            Edge::Junk => set_subtree(ctx, keep, i, false),
            Edge::Neutral => {}
            Edge::Content => break,
        }
    }
    for &i in leaves.iter().rev() {
        if !keep[i] {
            continue;
        }
        match classify(i, true) {
            Edge::Junk => set_subtree(ctx, keep, i, false),
            Edge::Neutral => {}
            Edge::Content => break,
        }
    }
}
