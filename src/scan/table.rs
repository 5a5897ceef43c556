//! The element table: one compact row per element, in start-tag order, with a parent link.

use crate::html::tags::Tag;
use crate::html::walk::Id;

/// Marks the absence of a parent.
pub const NO_PARENT: Id = Id::MAX;

/// One element of the page, as the scan saw it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    /// The element's tag.
    pub tag: Tag,
    /// The parent element, or [`NO_PARENT`].
    pub parent: Id,
    /// Nesting depth; top-level elements have depth 0.
    pub depth: u32,
    /// Attribute signals (see [`super::signals::sig`]).
    pub signals: u32,
    /// Start of the element's text in [`super::Scan::text`] (byte offset).
    pub text_start: u32,
    /// End of the element's text (byte offset); the element's whole text is
    /// `text[text_start..text_end]`, its descendants' included.
    pub text_end: u32,
    /// Characters of visible text directly inside the element (not in child elements); white
    /// space runs count as one, CJK characters as two.
    pub own_chars: u32,
    /// Characters of visible text directly inside the element that are inside a link.
    pub own_link_chars: u32,
    /// Of those, the characters inside links within the page (`href="#…"`: tables of contents,
    /// accordion questions, footnote marks).
    pub own_inpage_link_chars: u32,
    /// Commas directly inside the element (including CJK and Arabic commas).
    pub own_commas: u32,
}

impl Default for Tag {
    fn default() -> Self {
        Tag::OTHER
    }
}

impl Row {
    /// The parent's id, if any.
    pub fn parent(&self) -> Option<Id> {
        (self.parent != NO_PARENT).then_some(self.parent)
    }

    /// Whether the row has the signal flag(s) `f` (any of them).
    pub fn has(&self, f: u32) -> bool {
        self.signals & f != 0
    }
}
