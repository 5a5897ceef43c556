//! Sidenotes and margin notes (Tufte CSS and the themes built on it, `aside` notes): notes
//! written inline beside the text they annotate, numbered only by CSS. Each becomes a
//! numbered footnote: a reference where it stood and its text in a list of notes at the end
//! of the article, with a back-link, the shape [`crate::render::notes`] reads as footnotes.

use super::doc::{Doc, NodeId, NodeKind};
use super::sanitize::OWN_ID_PREFIX;
use super::{Emitter, Frame};

/// Whether a `class` names a sidenote or a margin note (`sidenote`, `marginnote`,
/// `side-note`, `margin-note`).
pub(super) fn is_note(class: &str) -> bool {
    class.split_ascii_whitespace().any(|c| {
        let c = c.to_ascii_lowercase();
        matches!(c.as_str(), "sidenote" | "marginnote" | "side-note" | "margin-note")
    })
}

/// Whether a `class` names Tufte's `margin-toggle`, the label that shows a note on narrow
/// screens (a `⊕` or an empty number): not content.
pub(super) fn is_toggle(class: &str) -> bool {
    class.split_ascii_whitespace().any(|c| c.eq_ignore_ascii_case("margin-toggle"))
}

/// A sidenote being written: the frame depth it opened at, its list item and its number.
pub(super) struct Open {
    depth: usize,
    item: NodeId,
    number: String,
}

impl Emitter {
    /// Opens a sidenote under `parent`: its reference goes where it stands (a `block`
    /// note's at the end of the paragraph before it), its content into a new item of the
    /// notes list.
    pub(super) fn open_sidenote(&mut self, parent: NodeId, block: bool) -> Frame {
        let number = (self.side_notes.1 + 1).to_string();
        self.side_notes.1 += 1;
        let mut at = parent;
        if block {
            let before = self.doc.nodes[parent].children.iter().rev().find(|&&c| match &self.doc.nodes[c].kind {
                NodeKind::Text(t) => !t.trim().is_empty(),
                _ => true,
            });
            if let Some(&p) = before.filter(|&&c| self.doc.tag(c) == Some("p")) {
                at = p;
            }
        }
        let sup = self.doc.push_element(at, "sup", vec![("id", format!("{OWN_ID_PREFIX}sidenote-ref-{number}"))]);
        let link = self.doc.push_element(sup, "a", vec![("href", format!("#{OWN_ID_PREFIX}sidenote-{number}"))]);
        self.doc.push_text(link, &number);
        let list = match self.side_notes.0 {
            Some(list) => list,
            None => {
                let list = self.doc.push_element(Doc::ROOT, "ol", Vec::new());
                self.side_notes.0 = Some(list);
                list
            }
        };
        let item = self.doc.push_element(list, "li", vec![("id", format!("{OWN_ID_PREFIX}sidenote-{number}"))]);
        self.side = Some(Open { depth: self.frames.len(), item, number });
        Frame::Node(item)
    }

    /// Ends the open sidenote if it is the element that just closed: its back-link.
    pub(super) fn close_sidenote(&mut self) {
        if self.side.as_ref().is_some_and(|s| s.depth == self.frames.len()) {
            if let Some(open) = self.side.take() {
                let back = self
                    .doc
                    .push_element(open.item, "a", vec![("href", format!("#{OWN_ID_PREFIX}sidenote-ref-{}", open.number))]);
                self.doc.push_text(back, "↩");
            }
        }
    }

    /// Moves the notes list, if any, to the end of the article.
    pub(super) fn place_sidenotes(&mut self) {
        if let Some(list) = self.side_notes.0 {
            let root = &mut self.doc.nodes[Doc::ROOT].children;
            root.retain(|&c| c != list);
            root.push(list);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_note("sidenote") && is_note("x marginnote") && is_note("Side-Note"));
        assert!(!is_note("sidenote-number") && !is_note("note") && !is_note("sidebar"));
        assert!(is_toggle("margin-toggle sidenote-number") && !is_toggle("toggle"));
    }
}
