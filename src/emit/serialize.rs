//! Serializes the sanitized tree as HTML, safe for `innerHTML`.
use super::doc::Doc;
use super::doc::Step;
use crate::emit::NodeKind;

/// Elements written without an end tag (their children, if any, are dropped).
const VOID: &[&str] = &["img", "source", "br", "hr", "wbr", "col", "track"];

/// Attributes whose presence is their meaning; written as `name=""`.
const BOOLEAN: &[&str] = &["controls", "allowfullscreen"];

/// Writes `doc` as HTML: text and attribute values escaped, attribute values double-quoted,
/// void elements without end tags, every other element closed.
pub fn to_html(doc: &Doc) -> String {
    let mut out = String::new();
    let mut steps = doc.traverse();
    while let Some(step) = steps.next_step() {
        match step {
            Step::Open(id, tag) => {
                out.push('<');
                out.push_str(tag);
                if let Some(NodeKind::Element { attrs, .. }) = doc.nodes.get(id).map(|n| &n.kind) {
                    for (name, value) in attrs {
                        out.push(' ');
                        out.push_str(name);
                        out.push_str("=\"");
                        if !BOOLEAN.contains(name) {
                            escape_attr(value, &mut out);
                        }
                        out.push('"');
                    }
                }
                out.push('>');
                if VOID.contains(&tag) {
                    steps.skip_children();
                } else if tag == "pre" && starts_with_newline(doc, id) {
                    // The parser drops one newline right after `<pre>`; keep the text's own.
                    out.push('\n');
                }
            }
            Step::Close(_, tag) => {
                if !VOID.contains(&tag) {
                    out.push_str("</");
                    out.push_str(tag);
                    out.push('>');
                }
            }
            Step::Text(text) => escape_text(text, &mut out),
        }
    }
    out
}

/// Whether the first child of `id` is text starting with a line feed.
fn starts_with_newline(doc: &Doc, id: usize) -> bool {
    let first = doc.children(id).first().and_then(|&c| doc.nodes.get(c));
    matches!(first.map(|n| &n.kind), Some(NodeKind::Text(t)) if t.starts_with('\n'))
}

/// Appends `text` with `&`, `<`, `>` and no-break spaces escaped.
fn escape_text(text: &str, out: &mut String) {
    escape(text, out, |c| match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '\u{a0}' => Some("&nbsp;"),
        _ => None,
    });
}

/// Appends an attribute value with `&`, `"`, `<` and `>` escaped.
fn escape_attr(value: &str, out: &mut String) {
    escape(value, out, |c| match c {
        '&' => Some("&amp;"),
        '"' => Some("&quot;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        _ => None,
    });
}

/// Appends `s` with each character that `entity` names replaced; the runs between them are
/// copied in one piece. Only ASCII characters and the no-break space can be named.
fn escape(s: &str, out: &mut String, entity: impl Fn(char) -> Option<&'static str>) {
    let mut done = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        // A no-break space is the bytes C2 A0: look at its first byte.
        let c = match b {
            0xC2 if s.as_bytes().get(i + 1) == Some(&0xA0) => '\u{a0}',
            _ if b.is_ascii() => char::from(b),
            _ => continue,
        };
        let Some(e) = entity(c) else { continue };
        out.push_str(&s[done..i]);
        out.push_str(e);
        done = i + c.len_utf8();
    }
    out.push_str(&s[done..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_attributes() {
        let mut doc = Doc::default();
        let p = doc.push_element(Doc::ROOT, "p", vec![]);
        doc.push_text(p, "a < b & c > d\u{a0}e \"q\"");
        let a = doc.push_element(p, "a", vec![("href", "https://x.test/?a=1&b=\"2\"<>".into()), ("title", "t".into())]);
        doc.push_text(a, "link");
        assert_eq!(
            to_html(&doc),
            "<p>a &lt; b &amp; c &gt; d&nbsp;e \"q\"<a href=\"https://x.test/?a=1&amp;b=&quot;2&quot;&lt;&gt;\" title=\"t\">link</a></p>"
        );
    }

    #[test]
    fn void_and_boolean() {
        let mut doc = Doc::default();
        let p = doc.push_element(Doc::ROOT, "p", vec![]);
        doc.push_text(p, "a");
        doc.push_element(p, "br", vec![]);
        doc.push_text(p, "b");
        doc.push_element(p, "img", vec![("src", "i.png".into()), ("alt", "x".into())]);
        let v = doc.push_element(Doc::ROOT, "video", vec![("src", "v.mp4".into()), ("controls", "controls".into())]);
        doc.push_element(v, "track", vec![("src", "t.vtt".into())]);
        doc.push_element(Doc::ROOT, "hr", vec![]);
        let f = doc.push_element(Doc::ROOT, "iframe", vec![("allowfullscreen", String::new())]);
        let _ = f;
        assert_eq!(
            to_html(&doc),
            "<p>a<br>b<img src=\"i.png\" alt=\"x\"></p>\
             <video src=\"v.mp4\" controls=\"\"><track src=\"t.vtt\"></video><hr>\
             <iframe allowfullscreen=\"\"></iframe>"
        );
    }

    #[test]
    fn pre_keeps_leading_newline() {
        let mut doc = Doc::default();
        let pre = doc.push_element(Doc::ROOT, "pre", vec![]);
        doc.push_text(pre, "\nx");
        assert_eq!(to_html(&doc), "<pre>\n\nx</pre>");
    }

    #[test]
    fn malformed_trees_do_not_panic() {
        let mut doc = Doc::default();
        let p = doc.push_element(Doc::ROOT, "p", vec![]);
        doc.nodes[p].children.push(999);
        doc.nodes[p].children.push(p);
        doc.nodes[p].children.push(Doc::ROOT);
        assert_eq!(to_html(&doc), "<p></p>");
        assert_eq!(to_html(&Doc { nodes: Vec::new() }), "");
    }
}
