//! A depth-first walk over a [`Doc`] with an explicit stack, so that no tree depth can
//! overflow the call stack. Every output (HTML, text, Markdown) is written from this walk.
//!
//! The walk never panics on a malformed tree: child ids out of range are skipped, and a node
//! reached a second time (a cycle or a shared child) is skipped, so each node is visited at
//! most once.
use super::doc::{Doc, NodeId, NodeKind};

/// One step of the walk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Event<'a> {
    /// Entering an element.
    Open(NodeId, &'static str),
    /// Leaving an element (always after its children).
    Close(NodeId, &'static str),
    /// A text node.
    Text(&'a str),
}

/// An element being walked and the index of its next child.
struct Frame {
    id: NodeId,
    tag: Option<&'static str>,
    next: usize,
}

/// Iterative depth-first walk; see the module docs.
pub(crate) struct Walk<'a> {
    doc: &'a Doc,
    stack: Vec<Frame>,
    seen: Vec<bool>,
    pending: Option<NodeId>,
}

impl<'a> Walk<'a> {
    /// Starts a walk at the root (`nodes[0]`); the root itself yields no event.
    pub(crate) fn new(doc: &'a Doc) -> Self {
        let mut seen = vec![false; doc.nodes.len()];
        let pending = if let Some(first) = seen.first_mut() {
            *first = true;
            Some(Doc::ROOT)
        } else {
            None
        };
        Walk { doc, stack: Vec::new(), seen, pending }
    }

    /// Skips the children of the element just opened: its `Close` comes next.
    pub(crate) fn skip_children(&mut self) {
        if let Some(top) = self.stack.last_mut() {
            top.next = usize::MAX;
        }
    }

    /// The next step, or `None` when the walk is over.
    pub(crate) fn next_event(&mut self) -> Option<Event<'a>> {
        let doc = self.doc;
        loop {
            if let Some(id) = self.pending.take() {
                let node = doc.nodes.get(id)?;
                match &node.kind {
                    NodeKind::Root => self.stack.push(Frame { id, tag: None, next: 0 }),
                    NodeKind::Element { tag, .. } => {
                        self.stack.push(Frame { id, tag: Some(tag), next: 0 });
                        return Some(Event::Open(id, tag));
                    }
                    NodeKind::Text(t) => return Some(Event::Text(t)),
                }
                continue;
            }
            let top = self.stack.last_mut()?;
            let children = doc.nodes.get(top.id).map_or(&[][..], |n| &n.children[..]);
            if let Some(&child) = children.get(top.next) {
                top.next += 1;
                if let Some(seen) = self.seen.get_mut(child) {
                    if !*seen {
                        *seen = true;
                        self.pending = Some(child);
                    }
                }
                continue;
            }
            let done = self.stack.pop()?;
            if let Some(tag) = done.tag {
                return Some(Event::Close(done.id, tag));
            }
        }
    }
}

/// The value of attribute `name` on node `id`, without panicking on a bad id.
pub(crate) fn attr<'d>(doc: &'d Doc, id: NodeId, name: &str) -> Option<&'d str> {
    match &doc.nodes.get(id)?.kind {
        NodeKind::Element { attrs, .. } => attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str()),
        _ => None,
    }
}

/// The children of node `id` (empty for a bad id).
pub(crate) fn children(doc: &Doc, id: NodeId) -> &[NodeId] {
    doc.nodes.get(id).map_or(&[][..], |n| &n.children[..])
}

/// The tag of node `id`, or `None` for text, the root and bad ids.
pub(crate) fn tag_of(doc: &Doc, id: NodeId) -> Option<&'static str> {
    match doc.nodes.get(id)?.kind {
        NodeKind::Element { tag, .. } => Some(tag),
        _ => None,
    }
}

/// Whether `c` is white space as HTML defines it (space, tab, LF, FF, CR).
pub(crate) fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0C' | '\r')
}

/// The language named by a `class` value such as `language-rust` or `lang-rust`, keeping
/// only characters safe in a Markdown info string.
pub(crate) fn language_of(class: &str) -> Option<String> {
    class.split(is_html_space).find_map(|word| {
        let rest = word.strip_prefix("language-").or_else(|| word.strip_prefix("lang-"))?;
        let lang: String =
            rest.chars().filter(|c| c.is_alphanumeric() || matches!(c, '-' | '+' | '_' | '.' | '#')).collect();
        (!lang.is_empty()).then_some(lang)
    })
}
