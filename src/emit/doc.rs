//! The sanitized article as a small tree, and its traversal: what the emit pass builds and
//! every output is written from. Tags and attribute names are `'static` strings taken from
//! the allowlist, so nothing outside it can appear in the tree.

/// Index of a node in [`Doc::nodes`].
pub type NodeId = usize;

/// What a node is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NodeKind {
    /// The root; only `nodes[0]` has this kind.
    Root,
    /// An allowed element with its allowed, already sanitized attributes (values unescaped).
    Element {
        /// Lower-case tag name from the allowlist.
        tag: &'static str,
        /// Attribute names from the allowlist with their plain (unescaped) values.
        attrs: Vec<(&'static str, String)>,
    },
    /// Text, with character references decoded (plain text, not HTML).
    Text(String),
}

/// One node of the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// What the node is.
    pub kind: NodeKind,
    /// Children in document order.
    pub children: Vec<NodeId>,
}

/// A sanitized article tree. `nodes[0]` is the root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    /// All nodes; children refer to them by index.
    pub nodes: Vec<Node>,
}

impl Default for Doc {
    fn default() -> Self {
        Doc { nodes: vec![Node { kind: NodeKind::Root, children: Vec::new() }] }
    }
}

impl Doc {
    /// The root's id.
    pub const ROOT: NodeId = 0;

    /// Appends an element under `parent` and returns its id.
    pub fn push_element(&mut self, parent: NodeId, tag: &'static str, attrs: Vec<(&'static str, String)>) -> NodeId {
        self.push(parent, NodeKind::Element { tag, attrs })
    }

    /// Appends text under `parent`, merging it into a text node just before it.
    pub fn push_text(&mut self, parent: NodeId, text: &str) {
        if let Some(&last) = self.nodes[parent].children.last() {
            if let NodeKind::Text(t) = &mut self.nodes[last].kind {
                t.push_str(text);
                return;
            }
        }
        self.push(parent, NodeKind::Text(text.to_string()));
    }

    /// Appends an element without attributes under `parent`, with `text` inside unless it is
    /// empty (a shorthand for the render modules' tests).
    #[cfg(test)]
    pub(crate) fn push_with_text(&mut self, parent: NodeId, tag: &'static str, text: &str) -> NodeId {
        let id = self.push_element(parent, tag, vec![]);
        if !text.is_empty() {
            self.push_text(id, text);
        }
        id
    }

    fn push(&mut self, parent: NodeId, kind: NodeKind) -> NodeId {
        let id = self.nodes.len();
        self.nodes.push(Node { kind, children: Vec::new() });
        self.nodes[parent].children.push(id);
        id
    }

    /// The tag of node `id`, or `None` for text, the root and bad ids.
    pub fn tag(&self, id: NodeId) -> Option<&'static str> {
        match self.nodes.get(id)?.kind {
            NodeKind::Element { tag, .. } => Some(tag),
            _ => None,
        }
    }

    /// The value of attribute `name` on element `id`, or `None` for other nodes and bad ids.
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        match &self.nodes.get(id)?.kind {
            NodeKind::Element { attrs, .. } => attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str()),
            _ => None,
        }
    }

    /// The children of node `id` (empty for a bad id).
    pub fn children(&self, id: NodeId) -> &[NodeId] {
        self.nodes.get(id).map_or(&[][..], |n| &n.children[..])
    }

    /// A tree holding a copy of node `id` and its descendants under the root (at most as
    /// many nodes as the tree has, whatever its links).
    pub fn subtree(&self, id: NodeId) -> Doc {
        let mut out = Doc::default();
        let mut stack = vec![(id, Doc::ROOT)];
        let mut budget = self.nodes.len();
        while let Some((n, to)) = stack.pop() {
            budget = match budget.checked_sub(1) {
                Some(b) => b,
                None => break,
            };
            let Some(node) = self.nodes.get(n) else { continue };
            match &node.kind {
                NodeKind::Text(t) => out.push_text(to, t),
                NodeKind::Element { tag, attrs } => {
                    let copy = out.push_element(to, tag, attrs.clone());
                    stack.extend(node.children.iter().rev().map(|&c| (c, copy)));
                }
                NodeKind::Root => {}
            }
        }
        out
    }

    /// A depth-first traversal of the whole tree.
    pub fn traverse(&self) -> Traversal<'_> {
        Traversal::new(self)
    }
}

/// One step of a [`Traversal`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'a> {
    /// Entering an element.
    Open(NodeId, &'static str),
    /// Leaving an element (always after its children).
    Close(NodeId, &'static str),
    /// A text node.
    Text(&'a str),
}

/// An element being traversed and the index of its next child.
struct Frame {
    id: NodeId,
    tag: Option<&'static str>,
    next: usize,
}

/// A depth-first traversal of a [`Doc`] with an explicit stack, so that no tree depth can
/// overflow the call stack. Every output (HTML, text, Markdown) is written from one.
///
/// It never panics on a malformed tree: child ids out of range are skipped, and a node
/// reached a second time (a cycle or a shared child) is skipped, so each node is visited at
/// most once.
pub struct Traversal<'a> {
    doc: &'a Doc,
    stack: Vec<Frame>,
    seen: Vec<bool>,
    pending: Option<NodeId>,
}

impl<'a> Traversal<'a> {
    /// Starts at the root (`nodes[0]`); the root itself yields no step.
    fn new(doc: &'a Doc) -> Self {
        let mut seen = vec![false; doc.nodes.len()];
        let pending = if let Some(first) = seen.first_mut() {
            *first = true;
            Some(Doc::ROOT)
        } else {
            None
        };
        Traversal { doc, stack: Vec::new(), seen, pending }
    }

    /// Skips the children of the element just opened: its `Close` comes next.
    pub fn skip_children(&mut self) {
        if let Some(top) = self.stack.last_mut() {
            top.next = usize::MAX;
        }
    }

    /// The next step, or `None` when the traversal is over.
    pub fn next_step(&mut self) -> Option<Step<'a>> {
        let doc = self.doc;
        loop {
            if let Some(id) = self.pending.take() {
                let node = doc.nodes.get(id)?;
                match &node.kind {
                    NodeKind::Root => self.stack.push(Frame { id, tag: None, next: 0 }),
                    NodeKind::Element { tag, .. } => {
                        self.stack.push(Frame { id, tag: Some(tag), next: 0 });
                        return Some(Step::Open(id, tag));
                    }
                    NodeKind::Text(t) => return Some(Step::Text(t)),
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
                return Some(Step::Close(done.id, tag));
            }
        }
    }
}
