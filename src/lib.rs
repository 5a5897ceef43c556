//! unboil turns a web page's HTML into a clean reader-mode article.
//!
//! The pipeline has three steps, each a module:
//! 1. [`scan`]: one streaming lol_html pass records a compact table of elements and the
//!    page's metadata, with no DOM.
//! 2. [`decide`]: pure Rust over that table finds the article and marks boilerplate.
//! 3. [`emit`]: a second lol_html pass writes only the kept content as a sanitized tree, from
//!    which [`emit`] serializes safe HTML and [`render`] writes plain text and Markdown.
//!
//! [`clean_article`] runs the whole pipeline.
#![forbid(unsafe_code)]

pub mod article;
pub mod decide;
pub mod decode;
pub mod emit;
pub mod error;
pub mod meta;
pub mod options;
pub mod render;
pub mod scan;

mod entities;
mod url;

pub use article::Article;
pub use error::Error;
pub use options::{Formats, Options};
