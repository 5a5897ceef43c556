//! Which parts of the page the emit pass reads. Everything it writes lies inside kept
//! elements, so it only needs the span of each outermost kept element, walked from the state
//! the scan's whole walk had at its start tag (see [`walk::walk_range`]).

use crate::html::tags::flag;
use crate::html::walk::{self, Layout, Resume};
use crate::scan::table::Row;

/// Beyond this many separate parts, the emit pass reads the whole page (one lol_html pass
/// costs less than very many small ones).
const MAX_PARTS: usize = 64;

/// The parts to walk, in document order, one per outermost kept element; `None` when the
/// whole page must be walked: nothing is kept, the page starts with a kept element, positions
/// are missing or odd, a part starts inside SVG or MathML, or there are too many parts.
pub fn plan(rows: &[Row], layout: &Layout, keep: &[bool]) -> Option<Vec<Resume>> {
    let mut parts: Vec<Resume> = Vec::new();
    let mut covered = 0u32;
    for (id, _) in keep.iter().enumerate().filter(|(_, &k)| k) {
        let span = layout.spans.get(id)?;
        if span.start < covered {
            // Inside the previous part, which must hold it whole.
            if span.end > covered {
                return None;
            }
            continue;
        }
        if id == 0 || span.end < span.start || span.start >= layout.foreign_dirty || parts.len() == MAX_PARTS {
            return None;
        }
        let first = walk::Id::try_from(id).ok()?;
        let mut ancestors = Vec::new();
        let mut up = rows.get(id)?.parent();
        while let Some(a) = up {
            let row = rows.get(a as usize)?;
            if a >= first || row.tag.is(flag::FOREIGN) || keep.get(a as usize).copied().unwrap_or(true) {
                return None;
            }
            ancestors.push((a, row.tag));
            up = row.parent();
        }
        ancestors.reverse();
        parts.push(Resume { range: span.start as usize..span.end as usize, first, ancestors });
        covered = span.end;
    }
    (!parts.is_empty()).then_some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan;

    fn keep_of(html: &str, kept: &[&str]) -> (scan::Scan, Vec<bool>) {
        let s = scan::scan(html, 1000).expect("scannable");
        let keep = s.rows.iter().map(|r| kept.contains(&r.tag.name())).collect();
        (s, keep)
    }

    #[test]
    fn one_part_per_outermost_kept_element() {
        let html =
            "<html><body><nav>n</nav><article><p>a<p>b</article><aside>x</aside><section>s</section></body></html>";
        let (s, keep) = keep_of(html, &["article", "p", "section"]);
        let parts = plan(&s.rows, &s.layout, &keep).expect("a plan");
        let texts: Vec<&str> = parts.iter().map(|p| &html[p.range.clone()]).collect();
        assert_eq!(texts, ["<article><p>a<p>b</article>", "<section>s</section>"]);
        let ancestors: Vec<&str> = parts[0].ancestors.iter().map(|(_, t)| t.name()).collect();
        assert_eq!(ancestors, ["html", "body"]);
    }

    #[test]
    fn implicitly_closed_part_ends_where_it_closed() {
        let html = "<body><p>one<div>two</div></body>";
        let (s, keep) = keep_of(html, &["p"]);
        let parts = plan(&s.rows, &s.layout, &keep).expect("a plan");
        assert_eq!(&html[parts[0].range.clone()], "<p>one");
    }

    #[test]
    fn whole_page_when_a_part_starts_in_svg_or_after_a_broken_svg() {
        let (s, keep) = keep_of("<body><svg><text>t</text></svg></body>", &["text"]);
        assert!(plan(&s.rows, &s.layout, &keep).is_none());
        let (s, keep) = keep_of("<body><svg><g></div><p>t</p></body>", &["p"]);
        assert!(plan(&s.rows, &s.layout, &keep).is_none());
        let (s, keep) = keep_of("<body><svg><g/></svg><p>t</p></body>", &["p"]);
        assert!(plan(&s.rows, &s.layout, &keep).is_some());
    }

    #[test]
    fn whole_page_when_nothing_or_the_first_element_is_kept() {
        let (s, keep) = keep_of("<html><body><p>t</p></body></html>", &[]);
        assert!(plan(&s.rows, &s.layout, &keep).is_none());
        let (s, keep) = keep_of("<html><body><p>t</p></body></html>", &["html"]);
        assert!(plan(&s.rows, &s.layout, &keep).is_none());
    }
}
