//! Footnotes, found by their shape in the sanitized tree whatever wrote them (Pandoc,
//! markdown-it, kramdown, Goldmark, MediaWiki's `cite_note`, Substack, `aside` notes, and
//! sidenotes, which the emit pass writes in this shape): a short link label (`1`, `[2]`,
//! `*`) pointing at an element later in the article, whose nearest block is the note. Links inside a note back to an earlier point are its
//! back-links. Text writes references as `[n]`; Markdown as `[^n]` with `[^n]:` definitions
//! at the end.

use crate::emit::{Doc, NodeId, NodeKind};

/// Longest reference label, in characters, brackets left out.
const MAX_LABEL: usize = 4;

/// How far up a reference is looked for inside its note, and a note for its block.
const MAX_CLIMB: usize = 64;

/// Most nodes a short text is looked for in.
const MAX_NODES: usize = 256;

/// No note, in [`Notes::refs`].
const NONE: usize = usize::MAX;

/// The footnotes of an article.
#[derive(Debug, Default)]
pub struct Notes {
    /// Per node: the index of the note it refers to, for a reference (the link, or a `sup`
    /// holding only it), else [`NONE`].
    refs: Vec<usize>,
    /// Per node: a note, or a list of notes only, written apart from the running text.
    skip: Vec<bool>,
    /// Per node: a link from a note back to its reference.
    backlinks: Vec<bool>,
    /// The note elements, in the order of their first reference.
    notes: Vec<NodeId>,
    /// The label of each note: the page's own (`1`, `a`) when it has one and no other note
    /// took it, else the next free number.
    labels: Vec<String>,
}

impl Notes {
    /// The label of the note that node `id` refers to, if it is a reference.
    pub fn reference(&self, id: NodeId) -> Option<&str> {
        self.refs.get(id).and_then(|&i| self.labels.get(i)).map(String::as_str)
    }

    /// Whether node `id` stays out of the running text (a note, a back-link).
    pub fn skipped(&self, id: NodeId) -> bool {
        self.skip.get(id).copied().unwrap_or(false) || self.backlink(id)
    }

    /// Whether node `id` is a link from a note back to its reference.
    pub fn backlink(&self, id: NodeId) -> bool {
        self.backlinks.get(id).copied().unwrap_or(false)
    }

    /// Whether node `id` is a back-link that shows only a symbol (`↩`, `^`), which plain
    /// text leaves out; a number or letter naming the reference stays.
    pub fn symbol_backlink(&self, doc: &Doc, id: NodeId) -> bool {
        self.backlink(id) && short_text(doc, id, 16).is_some_and(|t| !t.chars().any(char::is_alphanumeric))
    }

    /// The note elements with their labels, in the order of their first reference.
    pub fn notes(&self) -> impl Iterator<Item = (NodeId, &str)> {
        self.notes.iter().copied().zip(self.labels.iter().map(String::as_str))
    }

    /// Whether the article has no footnote.
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty()
    }
}

/// The text of `id`'s subtree, or `None` once it passes `max` bytes or [`MAX_NODES`] nodes
/// (so that no tree, however linked, makes it run long).
pub(crate) fn short_text(doc: &Doc, id: NodeId, max: usize) -> Option<String> {
    let mut out = String::new();
    let mut stack = vec![id];
    let mut budget = MAX_NODES;
    while let Some(n) = stack.pop() {
        budget = budget.checked_sub(1)?;
        match &doc.nodes.get(n)?.kind {
            NodeKind::Text(t) => {
                out.push_str(t);
                if out.len() > max {
                    return None;
                }
            }
            _ => stack.extend(doc.children(n).iter().rev()),
        }
    }
    Some(out)
}

/// A reference label, in optional brackets: a number, one or two letters (`a`, `iv` is
/// three), or note marks (`*`, `†`).
fn is_label(text: &str) -> bool {
    let t = clean_label(text);
    let n = t.chars().count();
    (1..=MAX_LABEL).contains(&n)
        && (t.chars().all(|c| c.is_ascii_digit())
            || (n <= 3 && t.chars().all(char::is_alphabetic) && t == t.to_lowercase())
            || t.chars().all(|c| matches!(c, '*' | '†' | '‡' | '§')))
}

/// A label without its brackets and spaces.
fn clean_label(text: &str) -> &str {
    text.trim().trim_start_matches(['[', '(']).trim_end_matches([']', ')']).trim()
}

/// Whether `tag` is a block that can hold a note.
fn is_note_block(tag: &str) -> bool {
    matches!(tag, "li" | "p" | "div" | "dd" | "blockquote")
}

/// Finds the footnotes of `doc`, in one pass over its nodes plus the short label texts.
pub fn find(doc: &Doc) -> Notes {
    let in_page = |id: NodeId| doc.tag(id) == Some("a") && doc.attr(id, "href").is_some_and(|h| h.starts_with('#'));
    let n = doc.nodes.len();
    if !(0..n).any(in_page) {
        return Notes::default();
    }
    let mut parent = vec![usize::MAX; n];
    let mut ids: Vec<(&str, NodeId)> = Vec::new();
    for (id, node) in doc.nodes.iter().enumerate() {
        for &c in &node.children {
            if let Some(p) = parent.get_mut(c) {
                *p = id;
            }
        }
        if let Some(v) = doc.attr(id, "id") {
            ids.push((v, id));
        }
    }
    // Sorted by id, the first element of each id first (as `getElementById` finds it).
    crate::sort::sort(&mut ids);
    ids.dedup_by(|b, a| a.0 == b.0);
    let target = |link: NodeId| {
        let frag = doc.attr(link, "href")?.strip_prefix('#')?;
        ids.binary_search_by(|(v, _)| (*v).cmp(frag)).ok().map(|k| ids[k].1)
    };
    // Whether `x` lies within `ancestor`, looking a bounded way up (notes are shallow).
    let is_within = |mut x: NodeId, ancestor: NodeId| {
        for _ in 0..MAX_CLIMB {
            if x == ancestor {
                return true;
            }
            x = parent.get(x).copied().unwrap_or(usize::MAX);
        }
        false
    };
    let mut notes = Notes { refs: vec![NONE; n], skip: vec![false; n], backlinks: vec![false; n], ..Notes::default() };
    // Per node: the index of the note it is.
    let mut index = vec![NONE; n];
    // Labels taken, sorted.
    let mut used: Vec<String> = Vec::new();
    for link in (0..n).filter(|&id| in_page(id)) {
        let Some(target) = target(link) else { continue };
        // A note comes after its reference, and does not hold it.
        if target <= link {
            continue;
        }
        let mut note = target;
        for _ in 0..MAX_CLIMB {
            if doc.tag(note).is_none_or(is_note_block) {
                break;
            }
            note = parent.get(note).copied().unwrap_or(usize::MAX);
        }
        if doc.tag(note).is_none() || is_within(link, note) {
            continue;
        }
        let Some(label) = short_text(doc, link, 16) else { continue };
        if !is_label(&label) || short_text(doc, note, label.len() + 1).is_some() {
            continue;
        }
        let Some(slot) = index.get_mut(note) else { continue };
        if *slot == NONE {
            *slot = notes.notes.len();
            let taken = |l: &str| used.binary_search_by(|u| u.as_str().cmp(l)).is_ok();
            let own = clean_label(&label);
            let label = if own.chars().all(char::is_alphanumeric) && !taken(own) {
                own.to_string()
            } else {
                (notes.notes.len() + 1..).map(|k| k.to_string()).find(|k| !taken(k)).unwrap_or_default()
            };
            if let Err(at) = used.binary_search(&label) {
                used.insert(at, label.clone());
            }
            notes.labels.push(label);
            notes.notes.push(note);
            notes.skip[note] = true;
        }
        let i = *slot;
        // A `sup` holding only the link is the reference.
        let sup = parent.get(link).copied().filter(|&p| doc.tag(p) == Some("sup") && doc.children(p).len() == 1);
        notes.refs[sup.unwrap_or(link)] = i;
    }
    if notes.is_empty() {
        return notes;
    }
    // Back-links: short links inside a note to a point before it. A parent is made before
    // its children, so one pass in node order knows each node's note.
    let mut note_of = vec![usize::MAX; n];
    for id in 0..n {
        note_of[id] = if notes.skip[id] { id } else { parent.get(id).and_then(|&p| note_of.get(p)).copied().unwrap_or(usize::MAX) };
        let note = note_of[id];
        if note == usize::MAX || doc.tag(id) != Some("a") {
            continue;
        }
        let Some(target) = target(id) else { continue };
        if target < note && short_text(doc, id, 16).is_some_and(|t| t.trim().chars().count() <= MAX_LABEL) {
            notes.backlinks[id] = true;
        }
    }
    // A list of notes only goes with them.
    for k in 0..notes.notes.len() {
        let list = parent.get(notes.notes[k]).copied().unwrap_or(usize::MAX);
        if matches!(doc.tag(list), Some("ol" | "ul"))
            && doc.children(list).iter().all(|&c| notes.skip.get(c).copied().unwrap_or(false) || doc.tag(c).is_none())
        {
            notes.skip[list] = true;
        }
    }
    notes
}

/// A tree of the content of note `note`, without its back-links, to be written on its own.
pub fn note_doc(doc: &Doc, note: NodeId, notes: &Notes) -> Doc {
    let mut out = Doc::default();
    let mut stack: Vec<(NodeId, NodeId)> = doc.children(note).iter().rev().map(|&c| (c, Doc::ROOT)).collect();
    // A well-formed note has fewer nodes than the tree; more means a cycle.
    let mut budget = doc.nodes.len();
    while let Some((id, to)) = stack.pop() {
        budget = match budget.checked_sub(1) {
            Some(b) => b,
            None => break,
        };
        if notes.backlink(id) {
            continue;
        }
        let Some(node) = doc.nodes.get(id) else { continue };
        match &node.kind {
            NodeKind::Text(t) => out.push_text(to, t),
            NodeKind::Element { tag, attrs } => {
                let copy = out.push_element(to, tag, attrs.clone());
                stack.extend(doc.children(id).iter().rev().map(|&c| (c, copy)));
            }
            NodeKind::Root => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        for ok in ["1", "[12]", " 3 ", "*", "†", "a", "(iv)"] {
            assert!(is_label(ok), "{ok:?}");
        }
        for bad in ["", "[]", "12345", "see note", "1.2", "Path", "Note"] {
            assert!(!is_label(bad), "{bad:?}");
        }
    }
}
