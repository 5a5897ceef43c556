//! Known HTML tag names, each with the few properties the pipeline needs: how the parser
//! closes it, whether it is a block, and whether its content is ever article text.

/// A tag: an index into [`TAGS`], or [`Tag::OTHER`] for names not in the table (custom
/// elements, typos, obsolete tags).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tag(pub u8);

/// Properties of a tag, as bit flags.
pub mod flag {
    /// Never has content or an end tag.
    pub const VOID: u16 = 1;
    /// Starts a new block of text (breaks lines in text output).
    pub const BLOCK: u16 = 1 << 1;
    /// HTML's "special" category: stops the search for an open `li`/`dd`/`dt` to close.
    pub const SPECIAL: u16 = 1 << 2;
    /// A start tag of this kind closes an open `<p>` (in button scope).
    pub const CLOSES_P: u16 = 1 << 3;
    /// Bounds scopes: searches for elements to close stop here.
    pub const SCOPE: u16 = 1 << 4;
    /// Content is never visible article text (script, style, template, head matter…).
    pub const NO_TEXT: u16 = 1 << 5;
    /// A heading `h1`–`h6`.
    pub const HEADING: u16 = 1 << 6;
    /// Starts foreign (SVG or MathML) content.
    pub const FOREIGN: u16 = 1 << 7;
    /// Form control or form structure.
    pub const FORM: u16 = 1 << 8;
    /// Media: images, pictures, video, audio, embeds.
    pub const MEDIA: u16 = 1 << 9;
}

use flag::*;

const B: u16 = BLOCK;
const BS: u16 = BLOCK | SPECIAL;
const BSP: u16 = BLOCK | SPECIAL | CLOSES_P;
const H: u16 = BLOCK | SPECIAL | CLOSES_P | HEADING;

/// Every known tag with its flags, sorted by name for binary search.
pub const TAGS: &[(&str, u16)] = &[
    ("a", 0),
    ("abbr", 0),
    ("address", BSP),
    ("area", VOID | SPECIAL),
    ("article", BSP),
    ("aside", BSP),
    ("audio", MEDIA),
    ("b", 0),
    ("base", VOID | SPECIAL | NO_TEXT),
    ("bdi", 0),
    ("bdo", 0),
    ("blockquote", BSP),
    ("body", BS),
    ("br", VOID | SPECIAL),
    ("button", SPECIAL | SCOPE | FORM),
    ("canvas", MEDIA),
    ("caption", BS | SCOPE),
    ("center", BSP),
    ("cite", 0),
    ("code", 0),
    ("col", VOID | SPECIAL),
    ("colgroup", BS),
    ("data", 0),
    ("datalist", FORM | NO_TEXT),
    ("dd", BS),
    ("del", 0),
    ("details", BSP),
    ("dfn", 0),
    ("dialog", BSP),
    ("dir", BSP),
    ("div", BSP),
    ("dl", BSP),
    ("dt", BS),
    ("em", 0),
    ("embed", VOID | SPECIAL | MEDIA),
    ("fieldset", BSP | FORM),
    ("figcaption", BSP),
    ("figure", BSP),
    ("font", 0),
    ("footer", BSP),
    ("form", BSP | FORM),
    ("frame", VOID | SPECIAL),
    ("frameset", BS),
    ("h1", H),
    ("h2", H),
    ("h3", H),
    ("h4", H),
    ("h5", H),
    ("h6", H),
    ("head", SPECIAL | NO_TEXT),
    ("header", BSP),
    ("hgroup", BSP),
    ("hr", VOID | BSP),
    ("html", BS | SCOPE),
    ("i", 0),
    ("iframe", SPECIAL | MEDIA | NO_TEXT),
    ("img", VOID | SPECIAL | MEDIA),
    ("input", VOID | SPECIAL | FORM),
    ("ins", 0),
    ("kbd", 0),
    ("keygen", VOID | FORM),
    ("label", FORM),
    ("legend", B | FORM),
    ("li", BS),
    ("link", VOID | SPECIAL | NO_TEXT),
    ("listing", BSP),
    ("main", BSP),
    ("mark", 0),
    ("marquee", SPECIAL | SCOPE),
    ("math", FOREIGN),
    ("menu", BSP),
    ("meta", VOID | SPECIAL | NO_TEXT),
    ("meter", 0),
    ("nav", BSP),
    ("nobr", 0),
    ("noembed", SPECIAL | NO_TEXT),
    ("noframes", SPECIAL | NO_TEXT),
    ("noscript", SPECIAL | NO_TEXT),
    ("object", SPECIAL | SCOPE | MEDIA),
    ("ol", BSP),
    ("optgroup", FORM | NO_TEXT),
    ("option", FORM | NO_TEXT),
    ("output", FORM),
    ("p", BSP),
    ("param", VOID | SPECIAL),
    ("picture", MEDIA),
    ("plaintext", BSP),
    ("pre", BSP),
    ("progress", 0),
    ("q", 0),
    ("rp", 0),
    ("rt", 0),
    ("ruby", 0),
    ("s", 0),
    ("samp", 0),
    ("script", SPECIAL | NO_TEXT),
    ("search", BSP),
    ("section", BSP),
    ("select", SPECIAL | FORM | NO_TEXT),
    ("slot", 0),
    ("small", 0),
    ("source", VOID | SPECIAL | MEDIA),
    ("span", 0),
    ("strike", 0),
    ("strong", 0),
    ("style", SPECIAL | NO_TEXT),
    ("sub", 0),
    ("summary", BSP),
    ("sup", 0),
    ("svg", FOREIGN),
    ("table", BSP | SCOPE),
    ("tbody", BS),
    ("td", BS | SCOPE),
    ("template", SPECIAL | SCOPE | NO_TEXT),
    ("textarea", SPECIAL | FORM | NO_TEXT),
    ("tfoot", BS),
    ("th", BS | SCOPE),
    ("thead", BS),
    ("time", 0),
    ("title", SPECIAL | NO_TEXT),
    ("tr", BS),
    ("track", VOID | SPECIAL),
    ("tt", 0),
    ("u", 0),
    ("ul", BSP),
    ("var", 0),
    ("video", MEDIA),
    ("wbr", VOID | SPECIAL),
    ("xmp", BSP | NO_TEXT),
];

impl Tag {
    /// A tag whose name is not in [`TAGS`].
    pub const OTHER: Tag = Tag(u8::MAX);

    /// Looks a lower-case tag name up; unknown names give [`Tag::OTHER`]. The name is
    /// compared as one number (see [`KEYS`]): this runs for every start tag of the page.
    pub fn from_name(name: &str) -> Tag {
        let Some(key) = key_of(name.as_bytes()) else { return Tag::OTHER };
        match KEYS.binary_search(&key) {
            // Trailing NUL bytes pad as zeros do: the length tells them apart.
            Ok(i) if TAGS[i].0.len() == name.len() => Tag(i as u8),
            _ => Tag::OTHER,
        }
    }

    /// The tag's name, or `""` for [`Tag::OTHER`].
    pub fn name(self) -> &'static str {
        TAGS.get(self.0 as usize).map_or("", |(n, _)| n)
    }

    /// The tag's flags (see [`flag`]); [`Tag::OTHER`] has none.
    pub fn flags(self) -> u16 {
        TAGS.get(self.0 as usize).map_or(0, |(_, f)| *f)
    }

    /// Whether the tag has every flag in `f`.
    pub fn is(self, f: u16) -> bool {
        self.flags() & f == f
    }

    /// Whether this is the tag named `name` (which must be in [`TAGS`]).
    pub fn named(self, name: &str) -> bool {
        self.name() == name
    }
}

/// Tags compared often, resolved once.
pub mod known {
    use super::Tag;
    macro_rules! tags {
        ($($id:ident = $name:literal),* $(,)?) => {
            $(
                #[doc = concat!("`<", $name, ">`")]
                pub const $id: Tag = Tag(super::index_of($name));
            )*
        };
    }
    tags! {
        A = "a", BODY = "body", BR = "br", BUTTON = "button", CAPTION = "caption",
        DD = "dd", DIV = "div", DL = "dl", DT = "dt", FIGCAPTION = "figcaption",
        FIGURE = "figure", FORM = "form", H1 = "h1", HEAD = "head", HTML = "html", IFRAME = "iframe",
        IMG = "img", INPUT = "input", LI = "li", MATH = "math", META = "meta", NOSCRIPT = "noscript",
        OL = "ol", OPTGROUP = "optgroup", OPTION = "option", P = "p", PICTURE = "picture",
        PRE = "pre", CODE = "code", SCRIPT = "script", SELECT = "select", STYLE = "style",
        SVG = "svg", TABLE = "table", TBODY = "tbody", TD = "td", TFOOT = "tfoot", TH = "th",
        THEAD = "thead", TIME = "time", TITLE = "title", TR = "tr", UL = "ul", VIDEO = "video",
        AUDIO = "audio", BLOCKQUOTE = "blockquote", ARTICLE = "article", MAIN = "main",
        SECTION = "section", NAV = "nav", FOOTER = "footer", HEADER = "header", ASIDE = "aside",
        LINK = "link", BASE = "base", TEMPLATE = "template",
        TEXTAREA = "textarea", EMBED = "embed", OBJECT = "object",
    }
}

/// A name of at most 16 bytes as a big-endian number padded with zeros: names without NUL
/// bytes (all of [`TAGS`]) sort as their numbers do, and differ from every other name but
/// the same name with NUL bytes added. `None` for longer names.
const fn key_of(name: &[u8]) -> Option<u128> {
    if name.len() > 16 {
        return None;
    }
    let mut bytes = [0u8; 16];
    let mut i = 0;
    while i < name.len() {
        bytes[i] = name[i];
        i += 1;
    }
    Some(u128::from_be_bytes(bytes))
}

/// `KEYS[i]`: the [`key_of`] of `TAGS[i]`'s name, in the same (sorted) order.
const KEYS: [u128; TAGS.len()] = {
    let mut keys = [0u128; TAGS.len()];
    let mut i = 0;
    while i < TAGS.len() {
        keys[i] = match key_of(TAGS[i].0.as_bytes()) {
            Some(k) => k,
            None => panic!("tag name longer than 16 bytes"),
        };
        i += 1;
    }
    keys
};

/// Position of `name` in [`TAGS`], computed at compile time; a missing name fails the build.
const fn index_of(name: &str) -> u8 {
    let mut i = 0;
    while i < TAGS.len() {
        if const_eq(TAGS[i].0, name) {
            return i as u8;
        }
        i += 1;
    }
    panic!("tag missing from TAGS")
}

const fn const_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_fits_a_byte() {
        assert!(TAGS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(TAGS.len() < u8::MAX as usize);
    }

    #[test]
    fn lookups() {
        assert_eq!(Tag::from_name("p"), known::P);
        assert_eq!(Tag::from_name("x-widget"), Tag::OTHER);
        for (i, (name, _)) in TAGS.iter().enumerate() {
            assert_eq!(Tag::from_name(name), Tag(i as u8));
            // A prefix, a longer name and a name with a NUL byte are other tags.
            assert_ne!(Tag::from_name(&name[..name.len() - 1]).name(), *name);
            assert_ne!(Tag::from_name(&format!("{name}x")).name(), *name);
            assert_eq!(Tag::from_name(&format!("{name}\0")), Tag::OTHER);
        }
        assert_eq!(Tag::from_name("a-very-long-custom-element"), Tag::OTHER);
        assert_eq!(Tag::from_name(""), Tag::OTHER);
        assert!(known::IMG.is(VOID));
        assert!(known::H1.is(HEADING | CLOSES_P));
        assert_eq!(Tag::OTHER.name(), "");
    }
}
