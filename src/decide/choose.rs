//! Choosing between the attempts' articles. The retries relax the rules when the first
//! article is short, and the longest result wins — but on a page whose story is only a few
//! lines, a relaxed attempt can win with a sidebar's "about this blog" text. When an earlier
//! attempt kept only text inside the page's own story markup (`<article>`, `<main>`, an
//! article-body container), and the longer result adds mostly text from regions named like
//! boilerplate (`widget`, `sidebar`, `role=complementary`, `aside`), the story wins.

use super::{Decision, Tree};
use crate::html::tags::known;
use crate::scan::Scan;

/// Characters an article inside the story markup needs to stand against a longer result.
const STORY_CHARS: u32 = 100;

/// Where an article's kept text lies: in the story markup, outside it in regions named like
/// boilerplate, and elsewhere.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Spread {
    /// Characters inside the story markup (`<article>`, `<main>`, an article body).
    pub story: u32,
    /// Characters outside it, in regions named like boilerplate.
    pub named: u32,
    /// Characters elsewhere.
    pub other: u32,
}

/// Per element: inside the story markup, and inside a region named like boilerplate.
pub struct Regions {
    story: Vec<bool>,
    named: Vec<bool>,
}

impl Regions {
    /// Works out both flags for every element, parent before child.
    pub fn new(scan: &Scan, tree: &Tree) -> Regions {
        let n = scan.rows.len();
        let mut story = vec![false; n];
        let mut named = vec![false; n];
        for (i, r) in scan.rows.iter().enumerate() {
            story[i] = tree.in_story[i] || super::story_markup(r);
            let own = r.tag == known::ASIDE || super::named_boilerplate(r);
            named[i] = own || r.parent().is_some_and(|p| named[p as usize]);
        }
        Regions { story, named }
    }

    /// Where `d`'s text lies.
    pub fn spread(&self, scan: &Scan, d: &Decision) -> Spread {
        let mut s = Spread::default();
        for (i, &k) in d.keep.iter().enumerate() {
            let c = scan.rows[i].own_chars;
            if !k || c == 0 {
                continue;
            }
            if self.story[i] {
                s.story += c;
            } else if self.named[i] {
                s.named += c;
            } else {
                s.other += c;
            }
        }
        s
    }
}

/// Whether an article may stand as the story: enough text, all of it in the story markup.
pub fn is_story(s: Spread) -> bool {
    s.story >= STORY_CHARS && s.named == 0 && s.other == 0
}

/// Whether the story (`story`, an earlier attempt's) should replace the longer `best`: `best`
/// adds mostly text from boilerplate-named regions: what it adds elsewhere (a comment form's
/// heading inside the story markup, say) is under a tenth of that.
pub fn prefer_story(best: Spread, story: Spread) -> bool {
    let extra = (best.story + best.other).saturating_sub(story.story + story.other);
    best.named > 0 && extra * 10 < best.named
}
