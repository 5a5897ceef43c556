//! The sanitized article as a small tree: what the emit pass builds and every output is
//! written from. Tags and attribute names are `'static` strings taken from the allowlist, so
//! nothing outside it can appear in the tree.

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

    fn push(&mut self, parent: NodeId, kind: NodeKind) -> NodeId {
        let id = self.nodes.len();
        self.nodes.push(Node { kind, children: Vec::new() });
        self.nodes[parent].children.push(id);
        id
    }

    /// The tag of node `id`, or `None` for text and the root.
    pub fn tag(&self, id: NodeId) -> Option<&'static str> {
        match self.nodes[id].kind {
            NodeKind::Element { tag, .. } => Some(tag),
            _ => None,
        }
    }

    /// The value of attribute `name` on element `id`.
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        match &self.nodes[id].kind {
            NodeKind::Element { attrs, .. } => attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str()),
            _ => None,
        }
    }
}
