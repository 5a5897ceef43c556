//! Subtree totals for every element, computed in one backward pass over the table (a child's
//! id is always larger than its parent's, so no recursion is needed).

use crate::html::tags::{flag, known};
use crate::scan::signals::sig;
use crate::html::walk::Id;
use crate::scan::Scan;

/// Totals over an element and all its descendants.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Visible characters (white space excluded).
    pub chars: u32,
    /// Visible characters inside links.
    pub link_chars: u32,
    /// Of those, the characters inside links within the page (`href="#…"`).
    pub inpage_link_chars: u32,
    /// Commas.
    pub commas: u32,
    /// Paragraphs (`p`, `pre`, and blocks with text of their own).
    pub paragraphs: u32,
    /// Images and pictures.
    pub images: u32,
    /// List items.
    pub list_items: u32,
    /// Form fields: visible inputs, selects and text areas (buttons are in all kinds of
    /// markup, votes, copy and menu toggles, and say nothing about forms).
    pub inputs: u32,
    /// Buttons with words (an icon-only button is left out).
    pub buttons: u32,
    /// Embedded objects, iframes and videos.
    pub embeds: u32,
    /// Links.
    pub links: u32,
    /// Characters inside headings.
    pub heading_chars: u32,
    /// Block-level descendants.
    pub blocks: u32,
    /// Links to share endpoints or social profiles.
    pub social_links: u32,
    /// Table header cells, captions and heads (marks data tables).
    pub table_heads: u32,
    /// Preformatted blocks (code listings).
    pub code_blocks: u32,
    /// Links marked as advertising (`rel=sponsored`, ad classes).
    pub ad_links: u32,
    /// Links to a tag or category page (`rel=tag`, `tag` classes).
    pub tag_links: u32,
    /// Headings that are nothing but a link (a teaser's headline).
    pub linked_heads: u32,
    /// Paragraphs cut short with an ellipsis (a teaser's excerpt: "… will be...").
    pub cut_excerpts: u32,
}

impl Stats {
    /// Share of the text that leads away from the page, 0 to 1, as Readability weighs it:
    /// text in a link within the page (a table of contents, an accordion's question) counts
    /// three tenths. For scores, sibling joins and conditional cleaning.
    pub fn link_density(&self) -> f32 {
        let weighted = self.link_chars as f32 - 0.7 * self.inpage_link_chars as f32;
        if self.chars == 0 {
            0.0
        } else {
            weighted / self.chars as f32
        }
    }

    /// Share of the text inside any link, 0 to 1: for the rules that read a block as a link
    /// or a row of links ("Jump to comments" is a link wherever it points).
    pub fn raw_link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }

    /// Characters of text outside links.
    pub fn unlinked_chars(&self) -> u32 {
        self.chars.saturating_sub(self.link_chars)
    }

    fn add(&mut self, o: &Stats) {
        self.chars += o.chars;
        self.link_chars += o.link_chars;
        self.inpage_link_chars += o.inpage_link_chars;
        self.commas += o.commas;
        self.paragraphs += o.paragraphs;
        self.images += o.images;
        self.list_items += o.list_items;
        self.inputs += o.inputs;
        self.buttons += o.buttons;
        self.embeds += o.embeds;
        self.links += o.links;
        self.heading_chars += o.heading_chars;
        self.blocks += o.blocks;
        self.social_links += o.social_links;
        self.table_heads += o.table_heads;
        self.code_blocks += o.code_blocks;
        self.ad_links += o.ad_links;
        self.tag_links += o.tag_links;
        self.linked_heads += o.linked_heads;
        self.cut_excerpts += o.cut_excerpts;
    }
}

/// Computes [`Stats`] for every row of the scan.
pub fn compute(scan: &Scan) -> Vec<Stats> {
    let rows = &scan.rows;
    let mut stats: Vec<Stats> = rows
        .iter()
        .map(|r| {
            let t = r.tag;
            let mut s = Stats {
                chars: r.own_chars,
                link_chars: r.own_link_chars,
                inpage_link_chars: r.own_inpage_link_chars,
                commas: r.own_commas,
                ..Stats::default()
            };
            let paragraph =
                t == known::P || t == known::PRE || (r.own_chars >= 25 && (t.is(flag::BLOCK) || t.name().is_empty()));
            s.paragraphs = u32::from(paragraph);
            s.images = u32::from(t == known::IMG || t == known::PICTURE);
            s.list_items = u32::from(t == known::LI);
            s.inputs =
                u32::from((t == known::INPUT && !r.has(sig::HIDDEN)) || t == known::SELECT || t == known::TEXTAREA);
            s.buttons = u32::from(t == known::BUTTON);
            s.embeds = u32::from(
                t == known::IFRAME || t == known::EMBED || t == known::OBJECT || t == known::VIDEO || t == known::AUDIO,
            );
            s.links = u32::from(t == known::A);
            s.blocks = u32::from(t.is(flag::BLOCK));
            s.social_links = u32::from(r.has(sig::SHARE_LINK | sig::SOCIAL_LINK));
            s.table_heads = u32::from(t == known::TH || t == known::CAPTION || t == known::THEAD);
            s.code_blocks = u32::from(t == known::PRE);
            s.ad_links = u32::from(t == known::A && r.has(sig::AD));
            s.tag_links = u32::from(t == known::A && r.has(sig::TAGS));
            s
        })
        .collect();
    for i in (0..rows.len()).rev() {
        let own = stats[i];
        if rows[i].tag.is(flag::HEADING) {
            stats[i].heading_chars = own.chars;
            stats[i].linked_heads = u32::from(own.chars > 0 && own.link_chars * 10 >= own.chars * 9);
        } else if rows[i].tag == known::P && own.links == 0 {
            let text = scan.text_of(i as Id).trim_end();
            stats[i].cut_excerpts = u32::from(text.ends_with("...") || text.ends_with('…'));
        }
        // An icon without words (a wish-list heart, a slider arrow) is no form's button.
        if rows[i].tag == known::BUTTON && own.chars == 0 {
            stats[i].buttons = 0;
        }
        if let Some(p) = rows[i].parent() {
            let s = stats[i];
            if let Some(ps) = stats.get_mut(p as usize) {
                ps.add(&s);
            }
        }
    }
    stats
}
