//! The scan's open-element stack (implied end tags) on arbitrary text: every element opens
//! once under an open parent and closes exactly once, children before their parents.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lol_html::html_content::{Element, TextType};
use unboil::html::tags::Tag;
use unboil::html::walk::{walk_recording, Id, Visitor};

#[derive(Default)]
struct Check {
    open: Vec<Id>,
    seen: u32,
}

impl Visitor for Check {
    fn open(&mut self, id: Id, _tag: Tag, parent: Option<Id>, _el: &Element, _src: &str) {
        assert_eq!(id, self.seen, "ids are given in start-tag order");
        self.seen += 1;
        assert_eq!(parent, self.open.last().copied(), "the parent is the innermost open element");
        self.open.push(id);
    }
    fn close(&mut self, id: Id) {
        assert_eq!(self.open.pop(), Some(id), "elements close innermost first");
    }
    fn text(&mut self, _text: &str, _kind: TextType) {}
}

fuzz_target!(|data: &[u8]| {
    let Ok(html) = std::str::from_utf8(data) else { return };
    let limit = 1 + usize::from(data.first().copied().unwrap_or(0)) * 16;
    if let Ok((check, _, _)) = walk_recording(html, Check::default(), limit) {
        assert!(check.seen as usize <= limit, "no more elements than the limit");
        assert!(check.open.is_empty(), "every element is closed when the walk ends");
    }
});
