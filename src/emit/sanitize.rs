//! The allowlist: which elements and attributes may reach the output, and how their URLs are
//! checked and resolved. Anything not listed is unwrapped (its content kept) or dropped.

use crate::entities;
use crate::html::walk::StartTag;
use crate::url::{self, BaseUrl, UrlKind};

/// What becomes of an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    /// Written out under this name.
    Keep(&'static str),
    /// Left out, its content kept.
    Unwrap,
    /// Left out with all its content.
    Drop,
}

/// Allowed elements, with the name they are written under.
const ALLOWED: &[(&str, &str)] = &[
    ("a", "a"),
    ("abbr", "abbr"),
    ("address", "address"),
    ("annotation", "annotation"),
    ("article", "article"),
    ("aside", "div"),
    ("audio", "audio"),
    ("b", "b"),
    ("bdi", "bdi"),
    ("bdo", "bdo"),
    ("blockquote", "blockquote"),
    ("br", "br"),
    ("caption", "caption"),
    ("center", "div"),
    ("cite", "cite"),
    ("code", "code"),
    ("col", "col"),
    ("colgroup", "colgroup"),
    ("dd", "dd"),
    ("del", "del"),
    ("details", "details"),
    ("dfn", "dfn"),
    ("div", "div"),
    ("dl", "dl"),
    ("dt", "dt"),
    ("em", "em"),
    ("figcaption", "figcaption"),
    ("figure", "figure"),
    ("footer", "div"),
    ("h1", "h2"),
    ("h2", "h2"),
    ("h3", "h3"),
    ("h4", "h4"),
    ("h5", "h5"),
    ("h6", "h6"),
    ("header", "div"),
    ("hr", "hr"),
    ("i", "i"),
    ("iframe", "iframe"),
    ("img", "img"),
    ("ins", "ins"),
    ("kbd", "kbd"),
    ("li", "li"),
    ("main", "div"),
    ("mark", "mark"),
    ("math", "math"),
    ("menclose", "menclose"),
    ("merror", "merror"),
    ("mfrac", "mfrac"),
    ("mi", "mi"),
    ("mmultiscripts", "mmultiscripts"),
    ("mn", "mn"),
    ("mo", "mo"),
    ("mover", "mover"),
    ("mpadded", "mpadded"),
    ("mphantom", "mphantom"),
    ("mroot", "mroot"),
    ("mrow", "mrow"),
    ("ms", "ms"),
    ("mspace", "mspace"),
    ("msqrt", "msqrt"),
    ("mstyle", "mstyle"),
    ("msub", "msub"),
    ("msubsup", "msubsup"),
    ("msup", "msup"),
    ("mtable", "mtable"),
    ("mtd", "mtd"),
    ("mtext", "mtext"),
    ("mtr", "mtr"),
    ("munder", "munder"),
    ("munderover", "munderover"),
    ("nav", "div"),
    ("ol", "ol"),
    ("p", "p"),
    ("picture", "picture"),
    ("pre", "pre"),
    ("q", "q"),
    ("rp", "rp"),
    ("rt", "rt"),
    ("ruby", "ruby"),
    ("s", "s"),
    ("samp", "samp"),
    ("section", "section"),
    ("semantics", "semantics"),
    ("small", "small"),
    ("source", "source"),
    ("strike", "s"),
    ("strong", "strong"),
    ("sub", "sub"),
    ("summary", "summary"),
    ("sup", "sup"),
    ("table", "table"),
    ("tbody", "tbody"),
    ("td", "td"),
    ("tfoot", "tfoot"),
    ("th", "th"),
    ("thead", "thead"),
    ("time", "time"),
    ("tr", "tr"),
    ("track", "track"),
    ("tt", "code"),
    ("u", "u"),
    ("ul", "ul"),
    ("var", "var"),
    ("video", "video"),
    ("wbr", "wbr"),
];

/// Elements dropped with their content: scripts, styles, forms, embeds, SVG, head matter.
const DROPPED: &[&str] = &[
    "annotation-xml",
    "applet",
    "base",
    "basefont",
    "button",
    "canvas",
    "datalist",
    "dialog",
    "embed",
    "fieldset",
    "form",
    "frame",
    "frameset",
    "head",
    "input",
    "keygen",
    "link",
    "meta",
    "meter",
    "noembed",
    "noframes",
    "object",
    "optgroup",
    "option",
    "output",
    "param",
    "plaintext",
    "portal",
    "progress",
    "script",
    "search",
    "select",
    "slot",
    "style",
    "svg",
    "template",
    "textarea",
    "title",
    "xmp",
];

/// Hosts (and path prefixes) of video and audio players whose iframes are kept.
const EMBED_HOSTS: &[&str] = &[
    "www.youtube.com/embed/",
    "youtube.com/embed/",
    "www.youtube-nocookie.com/embed/",
    "player.vimeo.com/video/",
    "www.dailymotion.com/embed/",
    "geo.dailymotion.com/player",
    "player.twitch.tv/",
    "www.tiktok.com/embed/",
    "w.soundcloud.com/player/",
    "open.spotify.com/embed/",
    "player.bilibili.com/",
    "rutube.ru/play/embed/",
    "vk.com/video_ext.php",
    "www.facebook.com/plugins/video.php",
    "embed.ted.com/talks/",
    "archive.org/embed/",
    "fast.wistia.net/embed/",
    "player.dailymotion.com/",
];

/// The sandbox given to every kept iframe: the player runs, but cannot reach the page.
pub const IFRAME_SANDBOX: &str = "allow-scripts allow-same-origin allow-presentation allow-popups";

/// The fate of an element named `name` (lower case).
pub fn fate(name: &str) -> Fate {
    if let Some((_, out)) = ALLOWED.get(with_first_byte(ALLOWED, |a| a.0, name)..).and_then(|rest| {
        rest.iter().take_while(|(n, _)| n.as_bytes().first() == name.as_bytes().first()).find(|(n, _)| *n == name)
    }) {
        return Fate::Keep(out);
    }
    let rest = DROPPED.get(with_first_byte(DROPPED, |n| n, name)..).unwrap_or_default();
    if rest.iter().take_while(|n| n.as_bytes().first() == name.as_bytes().first()).any(|n| *n == name) {
        Fate::Drop
    } else {
        Fate::Unwrap
    }
}

/// Where the names of `list` (sorted by `key`) that start with `name`'s first byte begin.
fn with_first_byte<T>(list: &[T], key: impl Fn(&T) -> &str, name: &str) -> usize {
    let first = name.as_bytes().first();
    list.partition_point(|item| key(item).as_bytes().first() < first)
}

/// How the emit pass treats ids and same-page links.
pub struct Links<'a> {
    /// Base for relative URLs.
    pub base: Option<&'a BaseUrl>,
    /// The page's own URL without its fragment, to recognize same-page links.
    pub page: Option<&'a str>,
}

/// Prefix of every id of the page written out, so the article cannot clobber the host page's ids.
pub const ID_PREFIX: &str = "unboil-";

/// The prefix of the ids that unboil makes up itself (sidenotes and their references): a
/// page's ids always take [`ID_PREFIX`], so no id of the page can take one of these.
pub const OWN_ID_PREFIX: &str = "unboil:";

/// An element's attributes as its start tag has them, for the lookups by name that
/// sanitizing one element makes.
struct Attrs<'a, 's>(&'a StartTag<'s>);

impl Attrs<'_, '_> {
    /// The decoded value of the first attribute named `name` (lower case).
    fn get(&self, name: &str) -> Option<String> {
        Some(entities::decode(self.0.get(name)?, true).into_owned())
    }
}

/// Keeps only id characters that are safe and meaningful.
fn clean_id(id: &str) -> Option<String> {
    let id: String =
        id.trim().chars().filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ':')).take(100).collect();
    (!id.is_empty()).then(|| format!("{ID_PREFIX}{id}"))
}

/// Whether an image URL is a placeholder that a lazy loader would replace.
pub fn placeholder(src: &str) -> bool {
    let s = src.trim().to_ascii_lowercase();
    s.is_empty()
        || (s.starts_with("data:") && (s.len() < 400 || s.starts_with("data:image/svg")))
        || ["placeholder", "blank.", "spacer.", "transparent.", "pixel.", "lazy.", "loading.", "1x1."]
            .iter()
            .any(|p| s.contains(p))
        || s == "about:blank"
        || s == "#"
}

/// The first lazy-loading attribute that holds a real image URL.
fn lazy(get: &dyn Fn(&str) -> Option<String>, names: &[&str]) -> Option<String> {
    names.iter().filter_map(|n| get(n)).find(|v| !v.trim().is_empty() && !placeholder(v))
}

const LAZY_SRC: &[&str] = &[
    "data-src",
    "data-lazy-src",
    "data-original",
    "data-lazy",
    "data-url",
    "data-hi-res-src",
    "data-full-src",
    "data-orig-src",
    "data-srcset-src",
];
const LAZY_SRCSET: &[&str] = &["data-srcset", "data-lazy-srcset", "data-original-srcset"];

/// The sanitized attributes of an image or picture source, lazy sources made real. `get`
/// reads an attribute's decoded value. `None` when an `img` has no usable source.
pub fn image_attrs(
    get: &dyn Fn(&str) -> Option<String>,
    is_img: bool,
    links: &Links,
) -> Option<Vec<(&'static str, String)>> {
    let mut out = Vec::new();
    // A data: image too large to be a placeholder is the image itself when nothing lazier
    // stands beside it.
    let inline_data =
        || get("src").filter(|s| s.trim_start().to_ascii_lowercase().starts_with("data:image/") && s.len() >= 200);
    let src = get("src").filter(|s| !placeholder(s)).or_else(|| lazy(get, LAZY_SRC)).or_else(inline_data);
    let src = src.and_then(|s| url::sanitize(&s, links.base, UrlKind::Image));
    let srcset = lazy(get, LAZY_SRCSET).or_else(|| get("srcset").filter(|s| !placeholder(s)));
    let srcset = srcset.and_then(|s| url::sanitize_srcset(&s, links.base));
    if src.is_none() && srcset.is_none() {
        return None;
    }
    // Tracking pixels: an image declared one or two pixels wide or high is not content.
    let tiny = |n: &str| {
        get(n).and_then(|v| crate::words::trim_end_all(v.trim(), "px").parse::<u32>().ok()).is_some_and(|v| v <= 2)
    };
    if is_img && (tiny("width") || tiny("height")) {
        return None;
    }
    // An image with only a srcset still needs a src for old readers and Markdown: its best
    // candidate.
    let fallback = srcset.as_deref().and_then(best_candidate).map(str::to_string);
    if let Some(s) = src.or(if is_img { fallback } else { None }) {
        out.push(("src", s));
    }
    if let Some(s) = srcset {
        out.push(("srcset", s));
    }
    for name in ["alt", "title", "width", "height", "sizes", "media", "type"] {
        if let Some(v) = get(name) {
            if name == "type" && !v.trim().to_ascii_lowercase().starts_with("image/") && !v.contains('/') {
                continue;
            }
            out.push((static_name(name), v.trim().to_string()));
        }
    }
    Some(out)
}

/// The URL of a srcset's best candidate: the widest (`640w`), else the densest (`2x`), else
/// the first.
fn best_candidate(srcset: &str) -> Option<&str> {
    // (rank, size in thousandths): widths rank above densities, which rank above no descriptor.
    let mut best: Option<(&str, (u8, u64))> = None;
    for candidate in srcset.split(',') {
        let mut parts = candidate.split_whitespace();
        let Some(url) = parts.next() else { continue };
        let d = parts.next().unwrap_or("");
        let number = |unit: char| d.strip_suffix(unit).and_then(thousandths);
        let key = number('w').map(|w| (2, w)).or_else(|| number('x').map(|x| (1, x))).unwrap_or((0, 1000));
        if best.is_none_or(|(_, b)| key > b) {
            best = Some((url, key));
        }
    }
    best.map(|(url, _)| url)
}

/// A descriptor's number (`640`, `1.5`) in thousandths, read by hand: parsing floats would
/// link a float parser into the WebAssembly module for this alone.
fn thousandths(n: &str) -> Option<u64> {
    let (whole, fraction) = n.split_once('.').unwrap_or((n, ""));
    if whole.len() > 9 || (whole.is_empty() && fraction.is_empty()) {
        return None;
    }
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(fraction) {
        return None;
    }
    let whole: u64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let mut milli = 0;
    for (k, b) in fraction.bytes().take(3).enumerate() {
        milli += u64::from(b - b'0') * [100, 10, 1][k];
    }
    Some(whole * 1000 + milli)
}

fn static_name(name: &str) -> &'static str {
    match name {
        "alt" => "alt",
        "title" => "title",
        "width" => "width",
        "height" => "height",
        "sizes" => "sizes",
        "media" => "media",
        "type" => "type",
        "lang" => "lang",
        "dir" => "dir",
        _ => "title",
    }
}

/// The sanitized attributes of an allowed element, from its start tag. `None` means the
/// element must be dropped (an iframe from an unknown host, an image without a source).
pub fn attrs(out_tag: &'static str, el: &StartTag, links: &Links) -> Option<Vec<(&'static str, String)>> {
    let a = Attrs(el);
    let get = |n: &str| a.get(n);
    let mut out: Vec<(&'static str, String)> = match out_tag {
        "img" => image_attrs(&get, true, links)?,
        "source" => image_attrs(&get, false, links)?,
        "iframe" => {
            let usable = |s: &String| !placeholder(s) && url::sanitize(s, links.base, UrlKind::Media).is_some();
            let src = a.get("src").filter(usable).or_else(|| lazy(&get, LAZY_SRC))?;
            let src = url::sanitize(&src, links.base, UrlKind::Media)?;
            let https = src.strip_prefix("http://").map_or(src.clone(), |r| format!("https://{r}"));
            let rest = https.strip_prefix("https://")?;
            if !EMBED_HOSTS.iter().any(|h| rest.starts_with(h)) {
                return None;
            }
            let mut v =
                vec![("src", https), ("sandbox", IFRAME_SANDBOX.to_string()), ("allowfullscreen", String::new())];
            for n in ["width", "height", "title"] {
                if let Some(x) = a.get(n) {
                    v.push((static_name(n), x));
                }
            }
            v
        }
        "video" | "audio" => {
            let mut v = Vec::new();
            if let Some(s) = a
                .get("src")
                .or_else(|| lazy(&get, LAZY_SRC))
                .and_then(|s| url::sanitize(&s, links.base, UrlKind::Media))
            {
                v.push(("src", s));
            }
            if let Some(p) = a
                .get("poster")
                .or_else(|| a.get("data-poster"))
                .and_then(|s| url::sanitize(&s, links.base, UrlKind::Image))
            {
                v.push(("poster", p));
            }
            v.push(("controls", String::new()));
            for n in ["width", "height"] {
                if let Some(x) = a.get(n) {
                    v.push((static_name(n), x));
                }
            }
            v
        }
        "track" => Vec::new(),
        "a" => match a.get("href") {
            Some(h) => link(&h, links).map(|h| vec![("href", h)]).unwrap_or_default(),
            None => Vec::new(),
        },
        "td" | "th" => ["colspan", "rowspan"]
            .iter()
            .filter_map(|n| {
                a.get(n)
                    .filter(|v| v.trim().parse::<u16>().is_ok())
                    .map(|v| (if *n == "colspan" { "colspan" } else { "rowspan" }, v.trim().to_string()))
            })
            .collect(),
        "ol" => a
            .get("start")
            .filter(|v| v.trim().parse::<i64>().is_ok())
            .map(|v| vec![("start", v.trim().to_string())])
            .unwrap_or_default(),
        "time" | "del" | "ins" => a.get("datetime").map(|v| vec![("datetime", v)]).unwrap_or_default(),
        "code" | "pre" => {
            super::code::language(&get, false).map(|l| vec![("class", format!("language-{l}"))]).unwrap_or_default()
        }
        "math" => {
            a.get("display").filter(|d| d == "block" || d == "inline").map(|d| vec![("display", d)]).unwrap_or_default()
        }
        // A letter's font (bold vectors, double-struck sets, upright constants).
        "mi" => a
            .get("mathvariant")
            .filter(|v| v.len() <= 24 && v.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
            .map(|v| vec![("mathvariant", v)])
            .unwrap_or_default(),
        "annotation" => a
            .get("encoding")
            .filter(|e| e.eq_ignore_ascii_case("application/x-tex"))
            .map(|e| vec![("encoding", e)])
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    if matches!(out_tag, "q" | "blockquote" | "del" | "ins") {
        if let Some(c) = a.get("cite").and_then(|c| url::sanitize(&c, links.base, UrlKind::Link)) {
            out.push(("cite", c));
        }
    }
    if !matches!(out_tag, "img" | "source" | "iframe") {
        if let Some(t) = a.get("title").filter(|t| !t.trim().is_empty()) {
            out.push(("title", t));
        }
    }
    for n in ["lang", "dir"] {
        if let Some(v) = a.get(n).filter(|v| !v.trim().is_empty() && v.len() <= 35) {
            out.push((static_name(n), v.trim().to_string()));
        }
    }
    if let Some(id) = a.get("id").and_then(|i| clean_id(&i)) {
        out.push(("id", id));
    }
    Some(out)
}

/// A link target: checked, resolved, and same-page fragments pointed at prefixed ids.
fn link(href: &str, links: &Links) -> Option<String> {
    let trimmed = href.trim();
    if let Some(frag) = trimmed.strip_prefix('#') {
        return clean_id(frag).map(|id| format!("#{id}"));
    }
    let abs = url::sanitize(trimmed, links.base, UrlKind::Link)?;
    if let (Some(page), Some((before, frag))) = (links.page, abs.split_once('#')) {
        if before == page {
            return clean_id(frag).map(|id| format!("#{id}"));
        }
    }
    Some(abs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_srcset_candidate() {
        assert_eq!(best_candidate("a.jpg 320w, b.jpg 1280w, c.jpg 640w"), Some("b.jpg"));
        assert_eq!(best_candidate("a.jpg, b.jpg 2x, c.jpg 1.5x"), Some("b.jpg"));
        assert_eq!(best_candidate("a.jpg 2x, b.jpg 300w"), Some("b.jpg"));
        assert_eq!(best_candidate("a.jpg"), Some("a.jpg"));
        assert_eq!(best_candidate("a.jpg 0w, b.jpg 0w"), Some("a.jpg"));
        assert_eq!(best_candidate(" , "), None);
        assert_eq!(best_candidate("a.jpg 1.25x, b.jpg 1.2x, c.jpg x"), Some("a.jpg"));
        assert_eq!(thousandths("1.5"), Some(1500));
        assert_eq!(thousandths(".75"), Some(750));
        assert_eq!(thousandths("640"), Some(640_000));
        assert_eq!(thousandths("1e3"), None);
        assert_eq!(thousandths(""), None);
    }

    #[test]
    fn fates() {
        assert_eq!(fate("p"), Fate::Keep("p"));
        assert_eq!(fate("h1"), Fate::Keep("h2"));
        assert_eq!(fate("script"), Fate::Drop);
        assert_eq!(fate("svg"), Fate::Drop);
        assert_eq!(fate("span"), Fate::Unwrap);
        assert_eq!(fate("x-widget"), Fate::Unwrap);
        assert!(ALLOWED.windows(2).all(|w| w[0].0 < w[1].0), "ALLOWED is sorted");
        assert!(DROPPED.windows(2).all(|w| w[0] < w[1]), "DROPPED is sorted");
        // Every name of both lists is found, and a name before, between or after them is not.
        for (name, out) in ALLOWED {
            assert_eq!(fate(name), Fate::Keep(out));
        }
        for name in DROPPED {
            assert_eq!(fate(name), Fate::Drop);
        }
        for name in ["", "0", "aa", "zz", "\u{e9}"] {
            assert_eq!(fate(name), Fate::Unwrap);
        }
    }

    #[test]
    fn placeholders() {
        assert!(placeholder("data:image/gif;base64,R0lGODlhAQABAAAAACw="));
        assert!(placeholder("/img/blank.gif"));
        assert!(!placeholder("/files/photo.jpg"));
    }
}
