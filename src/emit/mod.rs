//! Emit: a second lol_html pass that writes only what the decision keeps, sanitized.
pub mod doc;

pub use doc::{Doc, Node, NodeId, NodeKind};
