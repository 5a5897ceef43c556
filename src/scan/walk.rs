//! Drives lol_html over UTF-8 HTML and reports the element tree a browser would build.
//!
//! lol_html is a streaming tokenizer-rewriter: it calls end-tag handlers only for explicit end
//! tags, never for elements that HTML closes implicitly (`<p>a<p>b`, `<li>`, `<td>`,
//! `<option>`, …), and its selector combinators see only explicit structure. So this module
//! keeps its own stack of open elements with HTML's implied-end rules, numbers elements in
//! start-tag order, and reports opens, closes and text to a [`Visitor`]. The scan and the
//! emit pass both walk through here, so their element numbers always agree.

use std::cell::RefCell;
use std::rc::Rc;

use lol_html::html_content::{Element, TextType};
use lol_html::{doc_text, element, end_tag, HtmlRewriter, Settings};

use super::tags::{flag, known, Tag};
use crate::error::{Error, Result};

/// An element's number: its start tag's position among all start tags.
pub type Id = u32;

/// Receives the tree as it is walked.
pub trait Visitor {
    /// Element `id` opened under `parent` (`None` at top level), after any implied closes.
    fn open(&mut self, id: Id, tag: Tag, parent: Option<Id>, el: &Element);
    /// Element `id` closed, explicitly or implicitly. Void elements close right after opening.
    fn close(&mut self, id: Id);
    /// A whole text node, raw from the source (character references not decoded), inside the
    /// innermost open element.
    fn text(&mut self, text: &str, kind: TextType);
}

/// How the walk ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Completion {
    /// The whole input was read.
    Complete,
    /// The element limit was reached; elements after it were not visited.
    Truncated,
}

#[derive(Clone, Copy)]
struct Open {
    id: Id,
    tag: Tag,
}

/// The open-element stack with HTML's implied-end rules.
struct Tree {
    stack: Vec<Open>,
    /// `is_open[id]`: whether element `id` is on the stack (O(1) checks for end tags).
    is_open: Vec<bool>,
    /// How many open elements are SVG or MathML roots; inside them no implied ends apply.
    foreign: u32,
    max_elements: usize,
}

impl Tree {
    fn top(&self) -> Option<Tag> {
        self.stack.last().map(|o| o.tag)
    }

    /// Pops elements down to and including the one at `pos`.
    fn pop_to(&mut self, pos: usize, v: &mut impl Visitor) {
        while self.stack.len() > pos {
            if let Some(o) = self.stack.pop() {
                if o.tag.is(flag::FOREIGN) {
                    self.foreign = self.foreign.saturating_sub(1);
                }
                if let Some(b) = self.is_open.get_mut(o.id as usize) {
                    *b = false;
                }
                v.close(o.id);
            }
        }
    }

    /// Finds the nearest open element whose tag is in `targets`, searching down from the top
    /// and giving up at an element for which `stop` holds.
    fn find(&self, targets: &[Tag], stop: impl Fn(Tag) -> bool) -> Option<usize> {
        for (pos, o) in self.stack.iter().enumerate().rev() {
            if targets.contains(&o.tag) {
                return Some(pos);
            }
            if stop(o.tag) {
                return None;
            }
        }
        None
    }

    fn close_nearest(&mut self, targets: &[Tag], stop: impl Fn(Tag) -> bool, v: &mut impl Visitor) {
        if let Some(pos) = self.find(targets, stop) {
            self.pop_to(pos, v);
        }
    }

    /// Applies the implied-end rules of HTML's "in body" and "in table" modes for a start tag.
    fn implied_ends(&mut self, tag: Tag, v: &mut impl Visitor) {
        use known::*;
        let scope = |t: Tag| t.is(flag::SCOPE);
        let table_scope = |t: Tag| t == TABLE || t == HTML || t == known::TEMPLATE;
        // A list item, definition term or description closes the previous one.
        if tag == LI || tag == DD || tag == DT {
            let targets: &[Tag] = if tag == LI { &[LI] } else { &[DD, DT] };
            let stop = |t: Tag| t.is(flag::SPECIAL) && t != DIV && t != P && t.name() != "address";
            self.close_nearest(targets, stop, v);
        }
        if tag.is(flag::CLOSES_P) || tag == LI || tag == DD || tag == DT {
            self.close_nearest(&[P], scope, v);
        }
        if tag.is(flag::HEADING) && self.top().is_some_and(|t| t.is(flag::HEADING)) {
            self.pop_to(self.stack.len() - 1, v);
        }
        match tag {
            t if t == TD || t == TH => self.close_nearest(&[TD, TH], table_scope, v),
            t if t == TR => self.close_nearest(&[TR], table_scope, v),
            t if t == TBODY || t == THEAD || t == TFOOT => {
                if self.find(&[TBODY, THEAD, TFOOT], table_scope).is_some() {
                    self.close_nearest(&[TBODY, THEAD, TFOOT], table_scope, v);
                } else {
                    self.close_nearest(&[TR], table_scope, v);
                }
            }
            t if t == OPTION => {
                if self.top() == Some(OPTION) {
                    self.pop_to(self.stack.len() - 1, v);
                }
            }
            t if t == OPTGROUP => {
                if self.top() == Some(OPTION) {
                    self.pop_to(self.stack.len() - 1, v);
                }
                if self.top() == Some(OPTGROUP) {
                    self.pop_to(self.stack.len() - 1, v);
                }
            }
            t if t == A || t == BUTTON => self.close_nearest(&[t], scope, v),
            _ => {}
        }
        if tag == TR || tag == TBODY || tag == THEAD || tag == TFOOT || tag == TD || tag == TH {
            self.close_nearest(&[CAPTION], table_scope, v);
        }
    }
}

struct State<V> {
    tree: Tree,
    visitor: V,
    truncated: bool,
    /// Text of the current text node, when lol_html delivers it in several chunks.
    pending: String,
}

impl<V: Visitor> State<V> {
    /// Handles a start tag; returns the new element's id when it may have content.
    fn start(&mut self, el: &Element) -> std::result::Result<Option<Id>, Truncate> {
        let tag = Tag::from_name(&el.tag_name());
        // A second <html>, <head> or <body> merges into the first in browsers.
        if (tag == known::HTML || tag == known::BODY || tag == known::HEAD)
            && self.tree.stack.iter().any(|o| o.tag == tag)
        {
            return Ok(None);
        }
        let id = self.tree.is_open.len();
        if id >= self.tree.max_elements {
            self.truncated = true;
            return Err(Truncate);
        }
        if self.tree.foreign == 0 {
            self.tree.implied_ends(tag, &mut self.visitor);
        }
        let id = id as Id;
        let parent = self.tree.stack.last().map(|o| o.id);
        self.visitor.open(id, tag, parent, el);
        if el.can_have_content() && !tag.is(flag::VOID) {
            if tag.is(flag::FOREIGN) {
                self.tree.foreign += 1;
            }
            self.tree.stack.push(Open { id, tag });
            self.tree.is_open.push(true);
            Ok(Some(id))
        } else {
            self.tree.is_open.push(false);
            self.visitor.close(id);
            Ok(None)
        }
    }

    /// Handles the explicit end tag of element `id`.
    fn end(&mut self, id: Id) {
        if !self.tree.is_open.get(id as usize).copied().unwrap_or(false) {
            return;
        }
        if let Some(pos) = self.tree.stack.iter().rposition(|o| o.id == id) {
            let tag = self.tree.stack[pos].tag;
            // Browsers keep <body> and <html> open to the end of the input.
            if tag != known::BODY && tag != known::HTML {
                self.tree.pop_to(pos, &mut self.visitor);
            }
        }
    }
}

#[derive(Debug)]
struct Truncate;

impl std::fmt::Display for Truncate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("element limit reached")
    }
}

impl std::error::Error for Truncate {}

/// Walks `html`, visiting at most `max_elements` elements, and returns the visitor with how
/// the walk ended.
pub fn walk<V: Visitor + 'static>(html: &str, visitor: V, max_elements: usize) -> Result<(V, Completion)> {
    let state = Rc::new(RefCell::new(State {
        tree: Tree { stack: Vec::new(), is_open: Vec::new(), foreign: 0, max_elements },
        visitor,
        truncated: false,
        pending: String::new(),
    }));
    let on_element = state.clone();
    let on_text = state.clone();
    let settings = Settings::new()
        .append_element_content_handler(element!("*", move |el| {
            let opened = on_element.borrow_mut().start(el)?;
            if let Some(id) = opened {
                let st = on_element.clone();
                // Void elements in foreign content (`<path/>`) take no end-tag handler.
                let _ = el.on_end_tag(end_tag!(move |_| {
                    st.borrow_mut().end(id);
                    Ok(())
                }));
            }
            Ok(())
        }))
        .append_document_content_handler(doc_text!(move |t| {
            let mut st = on_text.borrow_mut();
            let st = &mut *st;
            let kind = t.text_type();
            if !t.last_in_text_node() {
                st.pending.push_str(t.as_str());
            } else if st.pending.is_empty() {
                if !t.as_str().is_empty() {
                    st.visitor.text(t.as_str(), kind);
                }
            } else {
                st.pending.push_str(t.as_str());
                st.visitor.text(&st.pending, kind);
                st.pending.clear();
            }
            Ok(())
        }))
        .with_strict(false);
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    let outcome = rewriter.write(html.as_bytes()).and_then(|()| rewriter.end());
    let truncated = state.borrow().truncated;
    if let Err(e) = outcome {
        if !truncated {
            return Err(Error::Parser(e.to_string()));
        }
    }
    let state = Rc::try_unwrap(state)
        .map_err(|_| Error::Parser("handlers outlived the walk".into()))?
        .into_inner();
    let State { mut tree, mut visitor, truncated, .. } = state;
    tree.pop_to(0, &mut visitor);
    Ok((visitor, if truncated { Completion::Truncated } else { Completion::Complete }))
}
