//! HTML serialization of the article tree. (Interim; the full serializer lands with render.)
use super::doc::{Doc, NodeKind};

/// Writes the tree as HTML.
pub fn to_html(doc: &Doc) -> String {
    let mut out = String::new();
    let mut stack: Vec<(usize, bool)> = doc.nodes[Doc::ROOT].children.iter().rev().map(|&c| (c, false)).collect();
    while let Some((id, closing)) = stack.pop() {
        match &doc.nodes[id].kind {
            NodeKind::Text(t) => out.push_str(&t.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")),
            NodeKind::Element { tag, attrs } => {
                if closing {
                    out.push_str(&format!("</{tag}>"));
                    continue;
                }
                out.push('<');
                out.push_str(tag);
                for (n, v) in attrs {
                    out.push_str(&format!(" {n}=\"{}\"", v.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")));
                }
                out.push('>');
                if !matches!(*tag, "img" | "br" | "hr" | "source" | "col" | "track" | "wbr") {
                    stack.push((id, true));
                    stack.extend(doc.nodes[id].children.iter().rev().map(|&c| (c, false)));
                }
            }
            NodeKind::Root => {}
        }
    }
    out
}
