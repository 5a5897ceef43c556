//! Render: plain text and Markdown from the sanitized article tree. (Interim.)
use crate::emit::{Doc, NodeKind};

/// Plain text (interim).
pub fn to_text(doc: &Doc) -> String {
    let mut out = String::new();
    let mut stack: Vec<(usize, bool)> = doc.nodes[Doc::ROOT].children.iter().rev().map(|&c| (c, false)).collect();
    while let Some((id, closing)) = stack.pop() {
        match &doc.nodes[id].kind {
            NodeKind::Text(t) => out.push_str(t),
            NodeKind::Element { tag, .. } => {
                let block = crate::emit::tidy_is_block(tag);
                if block {
                    out.push_str("\n\n");
                }
                if !closing {
                    stack.push((id, true));
                    stack.extend(doc.nodes[id].children.iter().rev().map(|&c| (c, false)));
                }
            }
            NodeKind::Root => {}
        }
    }
    let lines: Vec<String> = out.split("\n\n").map(|p| p.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|p| !p.is_empty()).collect();
    lines.join("\n\n")
}

/// Markdown (interim).
pub fn to_markdown(doc: &Doc) -> String {
    to_text(doc)
}

/// Words in `text`; each CJK character counts as one word. (Interim.)
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Reading time in minutes. (Interim.)
pub fn reading_minutes(text: &str) -> u32 {
    let w = word_count(text);
    if w == 0 { 0 } else { (w as u32).div_ceil(230) }
}
