//! Emit: a second lol_html pass that writes only what the decision keeps, sanitized.
pub mod doc;
pub mod serialize;
pub(crate) mod walk;

pub use doc::{Doc, Node, NodeId, NodeKind};
pub use serialize::to_html;
