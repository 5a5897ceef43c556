//! What kind of page this is, from general signals, and what that means for the decision.
//!
//! A reader mode is built for articles, but people also clean product pages, category grids,
//! hub pages and service pages. On those the article search finds one block of prose (a
//! product blurb, an intro paragraph) and leaves the rest of the page's main content (specs,
//! the items of a listing, a service's feature sections) behind. Here the page is sorted into
//! a kind from what the publisher says about it (schema.org types in JSON-LD, `og:type`,
//! scholarly citation metas), and a page that is clearly not an article or a thread gets its
//! cleaned main region instead of the article search's pick when the region holds clearly more.

use super::stats::Stats;
use super::{Decision, Tree};
use crate::scan::signals::sig;
use crate::html::tags::{flag, known};
use crate::html::walk::Id;
use crate::scan::Scan;

/// The kind of page, as far as the page says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Declares a story, a post or a scholarly paper.
    Article,
    /// Declares a discussion thread or a question with answers.
    Thread,
    /// Declares a product, an offer, a list of items or a collection page.
    Commerce,
    /// Says nothing either way.
    Unknown,
}

/// schema.org types that declare the page's main entity an article.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "BlogPosting",
    "TechArticle",
    "ScholarlyArticle",
    "Report",
    "LiveBlogPosting",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
    "BackgroundNewsArticle",
    "Recipe",
    "HowTo",
    "PressRelease",
];

/// schema.org types that declare a thread.
const THREAD_TYPES: &[&str] = &["DiscussionForumPosting", "QAPage", "SocialMediaPosting"];

/// schema.org types that declare a product or a list of things.
const COMMERCE_TYPES: &[&str] = &[
    "Product",
    "ProductGroup",
    "Offer",
    "AggregateOffer",
    "OfferCatalog",
    "ItemList",
    "CollectionPage",
    "SearchResultsPage",
];

/// Sorts the page by what its metadata declares. An article or thread type wins over a
/// product type (a review carries both).
pub fn classify(scan: &Scan) -> Kind {
    let m = &scan.meta;
    let mut article = m.meta(&["citation_title", "citation_journal_title"]).is_some();
    let (mut thread, mut commerce) = (false, false);
    for block in &m.json_ld {
        each_type(block, |t| {
            article |= ARTICLE_TYPES.contains(&t);
            thread |= THREAD_TYPES.contains(&t);
            commerce |= COMMERCE_TYPES.contains(&t);
        });
    }
    let og = m.meta(&["og:type"]).unwrap_or("").to_ascii_lowercase();
    if og.starts_with("product") || og.ends_with(":product") || og.ends_with(":item") {
        commerce = true;
    }
    // Many publishing tools say "article" of every page, but a story page seldom lacks it.
    article |= og == "article";
    if thread {
        Kind::Thread
    } else if article {
        Kind::Article
    } else if commerce {
        Kind::Commerce
    } else {
        Kind::Unknown
    }
}

/// How many `@type` keys of one JSON-LD block are read.
const MAX_TYPES: usize = 1000;

/// Calls `f` with every `@type` value in a JSON-LD text (a string or an array of strings),
/// its vocabulary prefix removed. A plain scan, so broken JSON still speaks.
fn each_type(text: &str, mut f: impl FnMut(&str)) {
    let mut rest = text;
    // Real pages declare a few dozen types; hostile ones are not read to the end.
    let mut budget = MAX_TYPES;
    while let Some(at) = rest.find("\"@type\"").filter(|_| budget > 0) {
        budget -= 1;
        rest = &rest[at + 7..];
        let value = rest.trim_start().strip_prefix(':').unwrap_or("").trim_start();
        // Every index below comes from finding an ASCII byte, so it is a char boundary.
        let mut v = match value.strip_prefix('[') {
            // A list of types is short: look no further than a few hundred bytes (a broken
            // list must not make every later `@type` scan to the end of the text).
            Some(list) => {
                let mut cap = list.len().min(400);
                while !list.is_char_boundary(cap) {
                    cap -= 1;
                }
                let window = &list[..cap];
                &window[..window.find(']').unwrap_or(window.len())]
            }
            None if value.starts_with('"') => value.get(..value[1..].find('"').map_or(0, |e| e + 2)).unwrap_or(""),
            None => "",
        };
        while let Some(q) = v.find('"') {
            let Some(close) = v[q + 1..].find('"') else { break };
            let t = &v[q + 1..q + 1 + close];
            f(t.rsplit(['/', ':']).next().unwrap_or(t));
            v = &v[q + close + 2..];
        }
    }
}

/// The root of the page's main region: the largest visible `<main>`, else the largest
/// article-body container that holds a fair share of the body's text, else the `<body>`.
pub fn region_root(scan: &Scan, stats: &[Stats], body: Id) -> Id {
    let total = stats[body as usize].chars;
    let (mut main, mut marked): (Option<Id>, Option<Id>) = (None, None);
    for (i, r) in scan.rows.iter().enumerate() {
        if r.has(sig::HIDDEN) || r.tag == known::BODY {
            continue;
        }
        let slot = if r.tag == known::MAIN {
            &mut main
        } else if r.has(sig::ARTICLE_BODY) {
            &mut marked
        } else {
            continue;
        };
        if slot.is_none_or(|b| stats[i].chars > stats[b as usize].chars) {
            *slot = Some(i as Id);
        }
    }
    main.filter(|&m| stats[m as usize].chars > 0)
        .or(marked.filter(|&b| stats[b as usize].chars * 5 >= total))
        .unwrap_or(body)
}

/// Whether the page has a single visible `<article>` element and the pick is in it or holds
/// it: the page's structure says it is a story (listings have many, or none).
fn lone_article_holds(scan: &Scan, tree: &Tree, pick_roots: &[Id]) -> bool {
    let mut articles = scan.rows.iter().enumerate().filter(|(_, r)| r.tag == known::ARTICLE && !r.has(sig::HIDDEN));
    let (Some((a, _)), None) = (articles.next(), articles.next()) else { return false };
    let a = a as Id;
    pick_roots.iter().any(|&r| tree.contains(a, r) || tree.contains(r, a))
}

/// Whether the cleaned main region should replace the article search's pick on a page of
/// kind `kind` (the region holds the pick): never on pages that declare an article or a
/// thread, or whose one `<article>` holds the pick; else when the region holds clearly more
/// text — on a
/// page that declares nothing, also a real amount of prose the pick left out (more captions,
/// contact lines and teasers around a story are no reason).
pub fn prefer_region(
    scan: &Scan,
    stats: &[Stats],
    tree: &Tree,
    kind: Kind,
    pick: &Decision,
    region: &Decision,
) -> bool {
    if matches!(kind, Kind::Article | Kind::Thread) || lone_article_holds(scan, tree, &pick.roots) {
        return false;
    }
    if kind == Kind::Commerce {
        return region.kept_chars * 5 >= pick.kept_chars * 6;
    }
    region.kept_chars * 10 >= pick.kept_chars * 13 && added_prose(scan, stats, tree, pick, region) >= MIN_ADDED_PROSE
}

/// Characters of prose the region must add to the pick on a page that declares nothing.
const MIN_ADDED_PROSE: u32 = 500;

/// Characters of paragraphs (80+ characters, few links) the region keeps and the pick does not.
fn added_prose(scan: &Scan, stats: &[Stats], tree: &Tree, pick: &Decision, region: &Decision) -> u32 {
    let mut added = 0;
    for (i, r) in scan.rows.iter().enumerate() {
        if !region.keep[i] || pick.keep.get(i).copied().unwrap_or(false) {
            continue;
        }
        let s = &stats[i];
        let paragraph = r.tag == known::P || (r.tag.is(flag::BLOCK) && !tree.has_block_child[i]);
        if paragraph && s.chars >= 80 && s.link_density() < 0.3 {
            added += s.chars;
        }
    }
    added
}

/// Unfolds the folded panels of a product page's region: tabs and accordions (description,
/// specifications, care) that the page hides by class or `hidden` until clicked, when they hold
/// real text with few links and are not named like boilerplate. Their own hidden parts, form
/// controls and scripts stay out.
pub fn unfold_panels(scan: &Scan, stats: &[Stats], tree: &Tree, root: Id, keep: &mut [bool]) {
    let end = tree.subtree_end[root as usize] as usize;
    let mut i = root as usize + 1;
    while i < end {
        let r = &scan.rows[i];
        let s = &stats[i];
        let parent_kept = r.parent().is_some_and(|p| keep[p as usize]);
        let folded = r.has(sig::PARKED) && !keep[i] && parent_kept;
        let panel = folded
            && !r.has(sig::BOILERPLATE | sig::NEGATIVE)
            && s.chars >= 200
            && s.raw_link_density() < 0.3
            && s.inputs == 0;
        if !panel {
            i += 1;
            continue;
        }
        let stop = tree.subtree_end[i] as usize;
        keep[i] = true;
        for k in i + 1..stop {
            let rk = &scan.rows[k];
            let out =
                (rk.has(sig::HIDDEN) && !rk.has(sig::PARKED)) || rk.tag.is(flag::NO_TEXT) || rk.tag.is(flag::FORM);
            keep[k] = !out && rk.parent().is_some_and(|p| keep[p as usize]);
        }
        i = stop;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn types(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        each_type(text, |t| out.push(t.to_string()));
        out
    }

    #[test]
    fn reads_types_of_broken_and_nested_json() {
        let ld = r#"{"@graph":[{"@type":"WebPage","name":"Café"},{"@type" : ["Product","schema:Thing"],
            "offers":{"@type":"http://schema.org/Offer"}},{"@type":"Événement"},{"@type": 3}, {"@type":"#;
        assert_eq!(types(ld), ["WebPage", "Product", "Thing", "Offer", "Événement"]);
    }
}
