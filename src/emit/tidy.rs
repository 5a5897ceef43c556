//! Tidying the article tree: empty elements go, and blocks holding only inline content
//! become paragraphs. Iterative, so any depth is safe.

use super::doc::{Doc, NodeId, NodeKind};

/// Elements that are content even when they hold no text.
const SELF_CONTENT: &[&str] = &[
    "img", "picture", "video", "audio", "iframe", "br", "hr", "math", "source", "track", "col", "colgroup", "td", "th",
    "wbr",
];

/// Elements that make a line of their own.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "blockquote",
    "pre",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "figure",
    "figcaption",
    "hr",
    "details",
    "summary",
    "address",
    "picture",
    "video",
    "audio",
    "iframe",
    "colgroup",
    "col",
];

/// A formula's part (every allowed tag starting with `m` but `mark`): an empty one still
/// holds a place in the layout (an `mrow` standing for a script's missing base, an empty
/// matrix cell, an `mspace`).
fn is_mathml(tag: &str) -> bool {
    tag.starts_with('m') && tag != "mark"
}

/// Whether `tag` is a block-level tag of the output.
pub fn is_block(tag: &str) -> bool {
    BLOCKS.contains(&tag)
}

/// Nodes in post-order (children before parents), without recursion.
fn post_order(doc: &Doc) -> Vec<NodeId> {
    let mut order = Vec::with_capacity(doc.nodes.len());
    let mut stack = vec![(Doc::ROOT, false)];
    while let Some((id, expanded)) = stack.pop() {
        if expanded {
            order.push(id);
            continue;
        }
        stack.push((id, true));
        for &c in doc.nodes[id].children.iter().rev() {
            stack.push((c, false));
        }
    }
    order
}

/// Removes empty elements, unwraps layout tables and `span`s (file names written for a code
/// block that did not follow) and turns inline-only `div`s into `p`s.
pub fn tidy(doc: &mut Doc) {
    let order = post_order(doc);
    let mut has_content = vec![false; doc.nodes.len()];
    let mut layout = vec![false; doc.nodes.len()];
    let mut real = vec![false; doc.nodes.len()];
    for id in order {
        let children = std::mem::take(&mut doc.nodes[id].children);
        let mut kept: Vec<NodeId> = Vec::with_capacity(children.len());
        for c in children {
            if layout[c] {
                kept.extend(layout_content(doc, c));
            } else if doc.tag(c) == Some("span") {
                // A code block's file name that no code block took as its caption.
                kept.extend(doc.nodes[c].children.iter().copied().filter(|&k| has_content[k] || is_space_text(doc, k)));
            } else if has_content[c] || is_space_text(doc, c) {
                kept.push(c);
            }
        }
        let tag = doc.tag(id);
        let content = match &doc.nodes[id].kind {
            NodeKind::Text(t) => !t.trim().is_empty(),
            // A player with nothing to play is not content.
            NodeKind::Element { tag: "video" | "audio", attrs } => {
                attrs.iter().any(|(n, _)| *n == "src") || kept.iter().any(|&c| doc.tag(c) == Some("source"))
            }
            NodeKind::Element { tag, .. } => {
                SELF_CONTENT.contains(tag) || is_mathml(tag) || kept.iter().any(|&c| has_content[c])
            }
            NodeKind::Root => true,
        };
        // A table's parts count as content (a data table keeps its empty cells), but a table
        // with nothing in any cell goes (a line-number gutter's, once its code has moved into a
        // captioned figure).
        real[id] = match tag {
            Some("table" | "thead" | "tbody" | "tfoot" | "tr" | "td" | "th" | "colgroup" | "col") => {
                kept.iter().any(|&c| real[c])
            }
            _ => content,
        };
        has_content[id] = content && (tag != Some("table") || real[id]);
        if tag == Some("div") && content && kept.iter().all(|&c| doc.tag(c).is_none_or(|t| !is_block(t))) {
            if let NodeKind::Element { tag, .. } = &mut doc.nodes[id].kind {
                *tag = "p";
            }
        }
        doc.nodes[id].children = kept;
        layout[id] = tag == Some("table") && is_layout_table(doc, id);
    }
}

/// The cells of each row of a table (through its row groups), or `None` when the table has
/// a caption or anything else that only a data table has.
fn cell_rows(doc: &Doc, table: NodeId) -> Option<Vec<&[NodeId]>> {
    let mut rows = Vec::new();
    for &c in doc.children(table) {
        match doc.tag(c) {
            Some("tr") => rows.push(doc.children(c)),
            Some("thead" | "tbody" | "tfoot") => {
                for &r in doc.children(c) {
                    (doc.tag(r) == Some("tr")).then_some(())?;
                    rows.push(doc.children(r));
                }
            }
            Some("colgroup" | "col") | None => {}
            Some(_) => return None,
        }
    }
    Some(rows)
}

/// A table used for layout: no header cell, at most one cell with content in any row, and
/// blocks in its cells — a code block beside its line-number gutter, a column of sections.
/// Data tables, even of one column, seldom hold blocks in their cells.
fn is_layout_table(doc: &Doc, table: NodeId) -> bool {
    let Some(rows) = cell_rows(doc, table) else { return false };
    let mut cells = 0;
    let mut blocks = false;
    for row in rows {
        let mut full = 0;
        for &cell in row {
            match doc.tag(cell) {
                Some("td") => {}
                None => continue,
                Some(_) => return false,
            }
            if doc.children(cell).iter().all(|&c| matches!(&doc.nodes[c].kind, NodeKind::Text(t) if t.trim().is_empty())) {
                continue;
            }
            full += 1;
            blocks |= doc.children(cell).iter().any(|&c| doc.tag(c).is_some_and(|t| is_block(t) && t != "br"));
        }
        if full > 1 {
            return false;
        }
        cells += full;
    }
    cells > 0 && blocks
}

/// What a layout table is unwrapped into: the content of its cells, in order.
fn layout_content(doc: &Doc, table: NodeId) -> Vec<NodeId> {
    cell_rows(doc, table).unwrap_or_default().into_iter().flatten().flat_map(|&cell| doc.children(cell).iter().copied()).collect()
}

fn is_space_text(doc: &Doc, id: NodeId) -> bool {
    matches!(&doc.nodes[id].kind, NodeKind::Text(t) if !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empties_go_and_inline_divs_become_paragraphs() {
        let mut doc = Doc::default();
        let div = doc.push_element(Doc::ROOT, "div", vec![]);
        doc.push_text(div, "Hello ");
        let em = doc.push_element(div, "em", vec![]);
        doc.push_text(em, "world");
        let empty = doc.push_element(Doc::ROOT, "p", vec![]);
        doc.push_element(empty, "span", vec![]);
        doc.push_element(Doc::ROOT, "img", vec![("src", "x.png".into())]);
        tidy(&mut doc);
        let tags: Vec<_> = doc.nodes[Doc::ROOT].children.iter().map(|&c| doc.tag(c)).collect();
        assert_eq!(tags, [Some("p"), Some("img")]);
    }

    #[test]
    fn empty_parts_of_a_formula_stay() {
        // `{}^{3}`: the empty base holds the script's place; `mark` is no formula part.
        let mut doc = Doc::default();
        let p = doc.push_element(Doc::ROOT, "p", vec![]);
        let math = doc.push_element(p, "math", vec![]);
        let sup = doc.push_element(math, "msup", vec![]);
        doc.push_element(sup, "mrow", vec![]);
        let n = doc.push_element(sup, "mn", vec![]);
        doc.push_text(n, "3");
        doc.push_element(math, "mspace", vec![]);
        doc.push_element(p, "mark", vec![]);
        tidy(&mut doc);
        let tags = |id: NodeId| doc.children(id).iter().map(|&c| doc.tag(c)).collect::<Vec<_>>();
        assert_eq!(tags(p), [Some("math")]);
        assert_eq!(tags(math), [Some("msup"), Some("mspace")]);
        assert_eq!(tags(sup), [Some("mrow"), Some("mn")]);
    }

    #[test]
    fn layout_tables_are_unwrapped_and_data_tables_kept() {
        // A code block beside an emptied gutter cell: the table goes, the block stays.
        let mut doc = Doc::default();
        let table = doc.push_element(Doc::ROOT, "table", vec![]);
        let tr = doc.push_element(table, "tr", vec![]);
        doc.push_element(tr, "td", vec![]);
        let td = doc.push_element(tr, "td", vec![]);
        let pre = doc.push_element(td, "pre", vec![]);
        doc.push_text(pre, "x = 1");
        // A one-column data table of plain cells stays a table.
        let data = doc.push_element(Doc::ROOT, "table", vec![]);
        for cell in ["a", "b"] {
            let tr = doc.push_element(data, "tr", vec![]);
            let td = doc.push_element(tr, "td", vec![]);
            doc.push_text(td, cell);
        }
        tidy(&mut doc);
        let tags: Vec<_> = doc.nodes[Doc::ROOT].children.iter().map(|&c| doc.tag(c)).collect();
        assert_eq!(tags, [Some("pre"), Some("table")]);
    }

    #[test]
    fn deep_trees_do_not_overflow() {
        let mut doc = Doc::default();
        let mut cur = Doc::ROOT;
        for _ in 0..100_000 {
            cur = doc.push_element(cur, "div", vec![]);
        }
        doc.push_text(cur, "deep");
        tidy(&mut doc);
        assert_eq!(doc.nodes[Doc::ROOT].children.len(), 1);
    }
}
