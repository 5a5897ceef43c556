//! What an element's attributes say about it: class, id, role, itemprop, aria and link
//! targets, reduced to bit flags. The vocabularies are data tables, easy to extend.

/// The signal bit flags of a row ([`crate::scan::table::Row::signals`]). All 32 bits are
/// taken: a new signal needs a wider field or a bit freed (a test checks each has its own).
pub mod sig {
    /// Class/id/role say "this is the content" (article, post, story, main, …).
    pub const POSITIVE: u32 = 1;
    /// Class/id say "not content" in general (sidebar, widget, promo, …).
    pub const NEGATIVE: u32 = 1 << 1;
    /// Navigation, menus, breadcrumbs, pagination.
    pub const NAV: u32 = 1 << 2;
    /// Page footer or header chrome.
    pub const CHROME: u32 = 1 << 3;
    /// Share prompts and buttons.
    pub const SHARE: u32 = 1 << 4;
    /// Social "follow us" prompts.
    pub const SOCIAL: u32 = 1 << 5;
    /// Comments and replies.
    pub const COMMENT: u32 = 1 << 6;
    /// Advertising.
    pub const AD: u32 = 1 << 7;
    /// Related, recommended, "read more" and teaser lists.
    pub const RELATED: u32 = 1 << 8;
    /// Newsletter and subscription boxes.
    pub const NEWSLETTER: u32 = 1 << 9;
    /// Cookie, consent and privacy banners.
    pub const CONSENT: u32 = 1 << 10;
    /// Print links and tools.
    pub const PRINT: u32 = 1 << 11;
    /// Tag and topic lists.
    pub const TAGS: u32 = 1 << 12;
    /// Byline or author box.
    pub const AUTHOR: u32 = 1 << 13;
    /// Date line.
    pub const DATE: u32 = 1 << 14;
    /// Calendars and date pickers.
    pub const CALENDAR: u32 = 1 << 15;
    /// Hidden: `hidden`, `aria-hidden`, `display:none`, `visibility:hidden`, no-print classes.
    pub const HIDDEN: u32 = 1 << 16;
    /// Marked as the article body (`itemprop=articleBody`, `role=main`, `<main>`-like ids).
    pub const ARTICLE_BODY: u32 = 1 << 17;
    /// Captions and credits of media.
    pub const CAPTION: u32 = 1 << 18;
    /// A link to a share endpoint of a social network (`…/sharer`, `…/intent/tweet`, …).
    pub const SHARE_LINK: u32 = 1 << 19;
    /// A link to a social network profile or channel.
    pub const SOCIAL_LINK: u32 = 1 << 20;
    /// A `javascript:` link or a print link.
    pub const SCRIPT_LINK: u32 = 1 << 21;
    /// Short-URL or permalink widgets.
    pub const SHORTURL: u32 = 1 << 22;
    /// Author biography box, or a forum signature under a post.
    pub const BIO: u32 = 1 << 23;
    /// A code block's line-number gutter (Pygments, Rouge, Chroma, Prism, highlight.js,
    /// react-syntax-highlighter, CodeMirror); dropped when it holds only digits.
    pub const GUTTER: u32 = 1 << 24;
    /// A copy-to-clipboard button beside a code block; dropped when its text is short.
    pub const COPY: u32 = 1 << 29;
    /// MathJax v2: on a `<span>` or `<div>`, its rendering of a formula (`MathJax`,
    /// `MathJax_Display`, `MathJax_Preview` classes), whose TeX source follows it; on a
    /// `<script>`, that source (`type="math/tex"`). One bit for both, told apart by the tag.
    pub const MATHJAX: u32 = 1 << 31;
    /// Summary or lead paragraph (kept, though short).
    pub const LEAD: u32 = 1 << 25;
    /// A link to a fragment of the same page (`href="#…"`).
    pub const FRAGMENT_LINK: u32 = 1 << 26;
    /// Hidden only by the `hidden` attribute or a class name, which scripts (streaming
    /// renderers) and wider screens (`hidden md:block`) may undo.
    pub const PARKED: u32 = 1 << 27;
    /// Modals, pop-ups and dialogs (which now and then hold the article itself).
    pub const POPUP: u32 = 1 << 28;
    /// Photo credits and copyright lines (`credit`, `copyright`): part of a caption, but not
    /// of the story.
    pub const CREDIT: u32 = 1 << 30;

    /// Every kind of boilerplate a class name can announce.
    pub const BOILERPLATE: u32 = NAV
        | CHROME
        | SHARE
        | SOCIAL
        | COMMENT
        | AD
        | RELATED
        | NEWSLETTER
        | CONSENT
        | POPUP
        | PRINT
        | TAGS
        | CALENDAR
        | SHORTURL
        | BIO;
}

/// How a vocabulary word matches a class or id token.
#[derive(Clone, Copy)]
enum Match {
    /// The token equals the word.
    Exact,
    /// The token starts with the word.
    Prefix,
}

use Match::*;

/// Class/id vocabulary: word, how it matches a token, and the flags it sets.
/// Tokens come from splitting class and id values at `-`, `_`, `.`, `:`, digits and camelCase
/// humps, lower-cased. Sorted by first letter, so a token is compared only with the words
/// that share its first letter.
const WORDS: &[(&str, Match, u32)] = &[
    ("ad", Exact, sig::AD),
    ("adsense", Exact, sig::AD),
    ("adsbygoogle", Exact, sig::AD),
    ("ads", Exact, sig::AD),
    ("adslot", Exact, sig::AD),
    ("adunit", Exact, sig::AD),
    ("advert", Prefix, sig::AD),
    ("advertorial", Exact, sig::AD),
    ("anzeige", Exact, sig::AD),
    ("article", Exact, sig::POSITIVE),
    ("author", Exact, sig::AUTHOR),
    ("banner", Exact, sig::NEGATIVE),
    ("bio", Exact, sig::BIO),
    ("biography", Exact, sig::BIO),
    ("blog", Exact, sig::POSITIVE),
    ("body", Exact, sig::POSITIVE),
    ("breadcrumb", Prefix, sig::NAV),
    ("byline", Prefix, sig::AUTHOR),
    ("calendar", Prefix, sig::CALENDAR),
    ("cal", Exact, sig::CALENDAR),
    ("caption", Prefix, sig::CAPTION),
    ("clipboard", Prefix, sig::COPY),
    ("combx", Exact, sig::NEGATIVE),
    ("comment", Prefix, sig::COMMENT),
    ("community", Exact, sig::NEGATIVE),
    ("consent", Prefix, sig::CONSENT),
    ("content", Exact, sig::POSITIVE),
    ("cookie", Prefix, sig::CONSENT),
    ("copyright", Exact, sig::CAPTION | sig::CREDIT),
    ("credit", Prefix, sig::CAPTION | sig::CREDIT),
    ("datepicker", Prefix, sig::CALENDAR),
    ("dateline", Exact, sig::DATE),
    ("disqus", Prefix, sig::COMMENT),
    ("dfp", Exact, sig::AD),
    ("entry", Exact, sig::POSITIVE),
    ("extra", Exact, sig::NEGATIVE),
    ("follow", Prefix, sig::SOCIAL),
    ("footer", Exact, sig::CHROME),
    ("footnote", Prefix, sig::POSITIVE),
    ("gdpr", Exact, sig::CONSENT),
    ("googleads", Exact, sig::AD),
    ("gutter", Prefix, sig::GUTTER),
    ("hentry", Exact, sig::POSITIVE),
    ("header", Exact, sig::CHROME),
    ("hidden", Exact, sig::HIDDEN),
    ("invisible", Exact, sig::HIDDEN),
    ("intro", Exact, sig::LEAD),
    ("lead", Exact, sig::LEAD),
    ("linenodiv", Exact, sig::GUTTER),
    ("lineno", Exact, sig::GUTTER),
    ("linenos", Exact, sig::GUTTER),
    ("linenumber", Prefix, sig::GUTTER),
    ("ln", Exact, sig::GUTTER),
    ("lnt", Exact, sig::GUTTER),
    ("legends", Exact, sig::NEGATIVE),
    ("main", Exact, sig::POSITIVE),
    ("marginnote", Exact, sig::POSITIVE),
    ("masthead", Exact, sig::CHROME),
    ("menu", Prefix, sig::NAV),
    ("modal", Prefix, sig::POPUP),
    ("nav", Prefix, sig::NAV),
    ("newsletter", Prefix, sig::NEWSLETTER),
    ("noprint", Exact, sig::HIDDEN),
    ("outbrain", Prefix, sig::RELATED),
    ("pager", Exact, sig::NAV),
    ("pagination", Exact, sig::NAV),
    ("paywall", Prefix, sig::NEWSLETTER),
    ("permalink", Exact, sig::SHORTURL),
    ("popular", Exact, sig::RELATED),
    ("popup", Prefix, sig::POPUP),
    ("post", Exact, sig::POSITIVE),
    ("print", Exact, sig::PRINT),
    ("printer", Exact, sig::PRINT),
    ("promo", Prefix, sig::NEGATIVE),
    ("readmore", Exact, sig::RELATED),
    ("recommend", Prefix, sig::RELATED),
    ("related", Prefix, sig::RELATED),
    ("remark", Prefix, sig::COMMENT),
    ("replies", Exact, sig::COMMENT),
    ("reply", Exact, sig::COMMENT),
    ("rss", Exact, sig::NEGATIVE),
    ("share", Prefix, sig::SHARE),
    ("sharing", Exact, sig::SHARE),
    ("shortcode", Exact, sig::SHORTURL),
    ("shortlink", Exact, sig::SHORTURL),
    ("shorturl", Exact, sig::SHORTURL),
    ("shoutbox", Exact, sig::NEGATIVE),
    ("sidebar", Prefix, sig::NEGATIVE),
    ("sidenote", Exact, sig::POSITIVE),
    ("signature", Prefix, sig::BIO),
    ("skyscraper", Exact, sig::AD),
    ("social", Prefix, sig::SOCIAL),
    ("sponsor", Prefix, sig::AD),
    ("story", Exact, sig::POSITIVE),
    ("subscribe", Prefix, sig::NEWSLETTER),
    ("subscription", Prefix, sig::NEWSLETTER),
    ("summary", Exact, sig::LEAD),
    ("supplemental", Exact, sig::NEGATIVE),
    ("taboola", Prefix, sig::RELATED),
    ("tag", Exact, sig::TAGS),
    ("tags", Exact, sig::TAGS),
    ("teaser", Prefix, sig::RELATED),
    ("text", Exact, sig::POSITIVE),
    ("toolbar", Exact, sig::NAV),
    ("tools", Exact, sig::NEGATIVE),
    ("topics", Exact, sig::TAGS),
    ("trending", Exact, sig::RELATED),
    ("widget", Prefix, sig::NEGATIVE),
];

/// `LETTERS[i]`: the range of [`WORDS`] whose words start with the `i`-th letter (`a` to `z`).
const LETTERS: [(u8, u8); 26] = {
    let mut ranges = [(0u8, 0u8); 26];
    let mut i = 0;
    while i < WORDS.len() {
        let letter = (WORDS[i].0.as_bytes()[0] - b'a') as usize;
        if ranges[letter].1 == 0 {
            ranges[letter].0 = i as u8;
        }
        ranges[letter].1 = i as u8 + 1;
        i += 1;
    }
    ranges
};

/// Pairs of adjacent tokens that mean more together than apart.
const PAIRS: &[(&str, &str, u32)] = &[
    ("read", "more", sig::RELATED),
    ("more", "stories", sig::RELATED),
    ("more", "from", sig::RELATED),
    ("see", "also", sig::RELATED),
    ("short", "url", sig::SHORTURL),
    ("about", "author", sig::BIO),
    ("author", "bio", sig::BIO),
    ("author", "box", sig::BIO),
    ("sr", "only", sig::HIDDEN),
    ("visually", "hidden", sig::HIDDEN),
    ("screen", "reader", sig::HIDDEN),
    ("hidden", "print", sig::HIDDEN),
    ("d", "none", sig::HIDDEN),
    ("date", "picker", sig::CALENDAR),
    ("article", "body", sig::ARTICLE_BODY),
    ("post", "body", sig::ARTICLE_BODY),
    ("entry", "content", sig::ARTICLE_BODY),
    ("post", "content", sig::ARTICLE_BODY),
    ("article", "content", sig::ARTICLE_BODY),
    ("story", "body", sig::ARTICLE_BODY),
    ("article", "text", sig::ARTICLE_BODY),
    ("ad", "slot", sig::AD),
    ("ad", "label", sig::AD),
    ("line", "number", sig::GUTTER),
    ("math", "jax", sig::MATHJAX),
    ("numbers", "rows", sig::GUTTER),
    ("blob", "num", sig::GUTTER),
    ("copy", "button", sig::COPY),
    ("copy", "btn", sig::COPY),
    ("side", "note", sig::POSITIVE),
    ("margin", "note", sig::POSITIVE),
    // Starlight's callouts are `aside`s: content, not a sidebar.
    ("starlight", "aside", sig::POSITIVE),
];

/// Bytes kept of a token: longer tokens are cut here (at a character boundary), which changes
/// no match, as every vocabulary word is far shorter.
const TOKEN_BYTES: usize = 64;

/// Splits a class or id value into lower-case word tokens and calls `f` on each. The token is
/// built in a buffer on the stack: this runs for every class, id and label of the page.
fn for_each_token(value: &str, f: impl FnMut(&str)) {
    tokens(value, value.is_ascii(), f);
}

/// [`for_each_token`], byte by byte when `ascii` (`value` must then be ASCII), else character
/// by character.
fn tokens(value: &str, ascii: bool, mut f: impl FnMut(&str)) {
    let mut buf = [0u8; TOKEN_BYTES];
    let mut len = 0;
    let mut prev_lower = false;
    // Letters between digits ("0ad7" in `w-variant-2a872dd3-…-0ad7-…`) are a hash's, not a
    // word: a token that starts after a digit and ends at one is reported empty (it still
    // counts as a token, so a generated id stays long).
    let (mut prev_digit, mut hashed) = (false, false);
    let emit = |buf: &[u8; TOKEN_BYTES], len: usize, f: &mut dyn FnMut(&str)| {
        if let Ok(t) = std::str::from_utf8(&buf[..len]) {
            f(t);
        }
    };
    if ascii {
        // The same steps as below, byte by byte.
        for b in value.bytes() {
            let boundary = !b.is_ascii_alphanumeric() || b.is_ascii_digit() || (b.is_ascii_uppercase() && prev_lower);
            if boundary && len > 0 {
                emit(&buf, if hashed && b.is_ascii_digit() { 0 } else { len }, &mut f);
                len = 0;
            }
            if b.is_ascii_alphabetic() && len == 0 {
                hashed = prev_digit;
            }
            if b.is_ascii_alphabetic() && len < TOKEN_BYTES {
                buf[len] = b.to_ascii_lowercase();
                len += 1;
            }
            prev_lower = b.is_ascii_lowercase();
            prev_digit = b.is_ascii_digit();
        }
        if len > 0 {
            emit(&buf, len, &mut f);
        }
        return;
    }
    for c in value.chars() {
        let boundary = !c.is_alphanumeric() || c.is_ascii_digit() || (c.is_uppercase() && prev_lower);
        if boundary && len > 0 {
            emit(&buf, if hashed && c.is_ascii_digit() { 0 } else { len }, &mut f);
            len = 0;
        }
        if len == 0 && c.is_alphabetic() {
            hashed = prev_digit;
        }
        if c.is_ascii_alphabetic() {
            if len < TOKEN_BYTES {
                buf[len] = c.to_ascii_lowercase() as u8;
                len += 1;
            }
        } else if c.is_alphabetic() {
            for l in c.to_lowercase() {
                if len + l.len_utf8() <= TOKEN_BYTES {
                    len += l.encode_utf8(&mut buf[len..]).len();
                }
            }
        }
        prev_lower = c.is_lowercase();
        prev_digit = c.is_ascii_digit();
    }
    if len > 0 {
        emit(&buf, len, &mut f);
    }
}

/// Flags for one class/id token.
fn word_flags(token: &str) -> u32 {
    let Some(&first) = token.as_bytes().first() else { return 0 };
    let Some(&(lo, hi)) = first.checked_sub(b'a').and_then(|i| LETTERS.get(i as usize)) else { return 0 };
    let mut flags = 0;
    for (word, how, f) in WORDS.get(lo as usize..hi as usize).unwrap_or(&[]) {
        let hit = match how {
            Exact => token == *word,
            Prefix => token.starts_with(word),
        };
        if hit {
            flags |= f;
        }
    }
    flags
}

/// Words from which an id reads as a heading's anchor rather than a component's name
/// ("sharing-with-a-single-developer", "comment-on-the-new-rules").
const SLUG_WORDS: usize = 4;

/// Flags announced by an id: none for a slug made of a heading's words.
pub fn id_flags(value: &str) -> u32 {
    let mut words = 0;
    for_each_token(value, |_| words += 1);
    if words >= SLUG_WORDS {
        0
    } else {
        name_flags(value)
    }
}

/// Remembers the flags of class values: a page repeats a few class strings on many elements,
/// and a lookup costs less than splitting the value into words again.
#[derive(Debug, Default)]
pub struct ClassCache {
    /// Direct-mapped by a hash of the value; a collision replaces the slot's entry.
    slots: Vec<Option<(Box<str>, u32)>>,
}

impl ClassCache {
    const SLOTS: usize = 512;
    /// Longer values are not kept (each entry holds its value).
    const LONGEST: usize = 200;

    /// [`name_flags`] of `value`.
    pub fn name_flags(&mut self, value: &str) -> u32 {
        if value.len() > Self::LONGEST {
            return name_flags(value);
        }
        if self.slots.is_empty() {
            self.slots.resize(Self::SLOTS, None);
        }
        // Eight bytes at a time: class values are long, and this runs for every one.
        let mut hash = value.len() as u64;
        for chunk in value.as_bytes().chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            hash = (hash ^ u64::from_le_bytes(word)).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(29);
        }
        let slot = &mut self.slots[(hash.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 55) as usize % Self::SLOTS];
        match slot {
            Some((kept, flags)) if **kept == *value => *flags,
            _ => {
                let flags = name_flags(value);
                *slot = Some((value.into(), flags));
                flags
            }
        }
    }
}

/// Flags announced by a class, id or aria-label value.
pub fn name_flags(value: &str) -> u32 {
    let mut flags = 0;
    // The previous token, when it can start a pair.
    let mut prev: Option<&str> = None;
    let wide = shown_when_wide(value);
    for class in value.split_ascii_whitespace() {
        // Whether the previous token of the same class names a part of the element
        // (`field-label-hidden`: only the field's label is hidden, not the field).
        let mut part = false;
        // Whether the class clips overflow (`overflow-hidden`, `overflow-x-hidden`), which
        // hides no content.
        let mut clips = false;
        // Whether an earlier token of the class names a part of the page's content
        // (`sectionHeader`, `HeroHeader_header`, `feature-card-header`): its header is that
        // part's head, not the page's.
        let mut component = false;
        // A hiding class that a wider screen undoes, or that hides only on narrow ones
        // (`max-md:hidden`): a reader sees the desktop page.
        let narrow_only = (wide && (class == "hidden" || class == "d-none")) || class.starts_with("max-");
        let before = flags;
        // Whether the class names a phone's or tablet's screen (`hidden-xs`, `mobile-hidden`)
        // without reaching up from it (`hidden-sm-up`).
        let (mut narrow, mut up) = (false, false);
        for_each_token(class, |t| {
            let own = word_flags(t);
            clips |= t == "overflow";
            narrow |= matches!(t, "xs" | "sm" | "mobile" | "phone" | "tablet");
            up |= t == "up";
            let own = if component && t == "header" { own & !sig::CHROME } else { own };
            flags |= if part || clips { own & !sig::HIDDEN } else { own };
            part = matches!(t, "label" | "title" | "heading" | "legend" | "caption" | "icon");
            component |= matches!(t, "hero" | "section" | "feature" | "block" | "module");
            if let Some(p) = prev {
                for (a, b, f) in PAIRS {
                    if p == *a && t.as_bytes().first() == b.as_bytes().first() && t == *b {
                        flags |= f;
                    }
                }
            }
            let first = t.as_bytes().first();
            prev = PAIRS.iter().find(|(a, _, _)| a.as_bytes().first() == first && t == *a).map(|(a, _, _)| *a);
        });
        // The class's hiding, by a word or a pair of words, is undone as a whole.
        if narrow_only || (narrow && !up) {
            flags = (flags & !sig::HIDDEN) | (before & sig::HIDDEN);
        }
    }
    flags
}

/// Screen widths, by the names of mobile-first CSS frameworks, at which a desktop browser
/// shows the page.
const WIDE_SCREENS: &[&str] = &["sm", "md", "lg", "xl"];

/// Display values that show an element.
const SHOWN: &[&str] =
    &["block", "flex", "grid", "inline", "inline-block", "inline-flex", "inline-grid", "table", "contents", "flow-root"];

/// Whether a class list shows the element from some screen width up, after hiding it on
/// phones: the mobile-first utilities of Tailwind (`hidden md:block`) and Bootstrap
/// (`d-none d-lg-flex`).
fn shown_when_wide(value: &str) -> bool {
    value.split_ascii_whitespace().any(|class| {
        let split = class.split_once(':').or_else(|| class.strip_prefix("d-").and_then(|rest| rest.split_once('-')));
        split.is_some_and(|(width, display)| WIDE_SCREENS.contains(&width) && SHOWN.contains(&display))
    })
}

/// Flags of an ARIA `role`.
pub fn role_flags(role: &str) -> u32 {
    let mut flags = 0;
    for r in role.split_ascii_whitespace() {
        flags |= match r.to_ascii_lowercase().as_str() {
            "navigation" | "menu" | "menubar" | "search" => sig::NAV,
            "contentinfo" | "banner" => sig::CHROME,
            "complementary" => sig::NEGATIVE,
            "dialog" | "alertdialog" => sig::POPUP,
            "main" | "article" => sig::POSITIVE | sig::ARTICLE_BODY,
            "note" => sig::NEGATIVE,
            _ => 0,
        };
    }
    flags
}

/// Flags of a link's `rel`: a paid link (`sponsored`) is advertising, a tag or category link
/// (`tag`, WordPress' `category tag`) belongs to a list of tags.
pub fn rel_flags(rel: &str) -> u32 {
    let mut flags = 0;
    for r in rel.split_ascii_whitespace() {
        if r.eq_ignore_ascii_case("sponsored") {
            flags |= sig::AD;
        } else if r.eq_ignore_ascii_case("tag") {
            flags |= sig::TAGS;
        }
    }
    flags
}

/// Flags of a microdata `itemprop`.
pub fn itemprop_flags(prop: &str) -> u32 {
    let mut flags = 0;
    for p in prop.split_ascii_whitespace() {
        flags |= match p {
            "articleBody" | "text" => sig::ARTICLE_BODY,
            "author" | "creator" => sig::AUTHOR,
            "datePublished" | "dateModified" | "dateCreated" => sig::DATE,
            "comment" => sig::COMMENT,
            "keywords" => sig::TAGS,
            _ => 0,
        };
    }
    flags
}

/// Whether an inline `style` hides the element.
pub fn style_hides(style: &str) -> bool {
    let s: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    s.contains("display:none") || s.contains("visibility:hidden")
}

/// Hosts whose paths under these prefixes share a page (a general list of share endpoints).
const SHARE_ENDPOINTS: &[&str] = &[
    "/sharer",
    "/share",
    "/intent/",
    "/submit",
    "/pin/create",
    "/send?",
    "/shareArticle",
    "/compose",
    "/add?",
    "/bookmark",
];

/// Social networks whose links, outside share endpoints, point at a profile or channel.
const SOCIAL_HOSTS: &[&str] = &[
    "facebook.com",
    "twitter.com",
    "x.com",
    "instagram.com",
    "t.me",
    "telegram.me",
    "vk.com",
    "ok.ru",
    "linkedin.com",
    "youtube.com",
    "tiktok.com",
    "pinterest.",
    "reddit.com",
    "whatsapp.com",
    "wa.me",
    "threads.net",
    "bsky.app",
    "mastodon.",
    "weibo.com",
    "line.me",
    "xing.com",
    "flipboard.com",
    "tumblr.com",
    "snapchat.com",
    "rumble.com",
    "odysee.com",
];

/// Flags of a link target (`href`, entities decoded).
pub fn href_flags(href: &str) -> u32 {
    let h = href.trim_start();
    if h.starts_with('#') {
        return sig::FRAGMENT_LINK;
    }
    let lower = h.get(..h.len().min(200)).unwrap_or(h).to_ascii_lowercase();
    if lower.starts_with("javascript:") {
        return sig::SCRIPT_LINK | if lower.contains("print") { sig::PRINT } else { 0 };
    }
    let Some(rest) =
        lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")).or_else(|| lower.strip_prefix("//"))
    else {
        return 0;
    };
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let host = host.strip_prefix("www.").unwrap_or(host);
    let social = SOCIAL_HOSTS.iter().any(|s| {
        host == *s
            || host.strip_suffix(s).is_some_and(|h| h.ends_with('.'))
            || (s.ends_with('.') && host.starts_with(s))
    });
    if !social {
        return 0;
    }
    let share_path = SHARE_ENDPOINTS
        .iter()
        .any(|p| path.starts_with(&p.to_ascii_lowercase()) || path.contains(&p.to_ascii_lowercase()));
    // YouTube and Vimeo links inside text are usually content (a video), not a profile.
    if host.ends_with("youtube.com") && (path.starts_with("/watch") || path.starts_with("/embed")) {
        return 0;
    }
    if share_path {
        sig::SHARE_LINK
    } else {
        sig::SOCIAL_LINK
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_tokens_are_the_general_tokens() {
        let pieces = ["a", "B", "c", "7", "-", " ", "_", "x"];
        let mut values = crate::testing::every_string(&pieces, 5);
        values.push("a".repeat(100) + "Bc");
        for v in &values {
            let (mut bytewise, mut general) = (Vec::new(), Vec::new());
            tokens(v, true, |t| bytewise.push(t.to_string()));
            tokens(v, false, |t| general.push(t.to_string()));
            assert_eq!(bytewise, general, "{v:?}");
        }
    }

    #[test]
    fn rel_names_paid_and_tag_links() {
        assert_eq!(rel_flags("nofollow Sponsored"), sig::AD);
        assert_eq!(rel_flags("category tag"), sig::TAGS);
        assert_eq!(rel_flags("tags bookmark"), 0);
    }

    #[test]
    fn every_signal_has_a_bit_of_its_own() {
        let all = [
            sig::POSITIVE,
            sig::NEGATIVE,
            sig::NAV,
            sig::CHROME,
            sig::SHARE,
            sig::SOCIAL,
            sig::COMMENT,
            sig::AD,
            sig::RELATED,
            sig::NEWSLETTER,
            sig::CONSENT,
            sig::PRINT,
            sig::TAGS,
            sig::AUTHOR,
            sig::DATE,
            sig::CALENDAR,
            sig::HIDDEN,
            sig::ARTICLE_BODY,
            sig::CAPTION,
            sig::SHARE_LINK,
            sig::SOCIAL_LINK,
            sig::SCRIPT_LINK,
            sig::SHORTURL,
            sig::BIO,
            sig::GUTTER,
            sig::COPY,
            sig::MATHJAX,
            sig::LEAD,
            sig::FRAGMENT_LINK,
            sig::PARKED,
            sig::POPUP,
            sig::CREDIT,
        ];
        for (k, a) in all.iter().enumerate() {
            assert_eq!(a.count_ones(), 1, "signal {k} is not one bit");
            assert!(all[k + 1..].iter().all(|b| a & b == 0), "signal {k} shares its bit");
        }
    }

    #[test]
    fn tokens_split_bem_and_camel_case() {
        let mut v = Vec::new();
        for_each_token("article__share shareBar-top x4f", |t| v.push(t.to_string()));
        assert_eq!(v, ["article", "share", "share", "bar", "top", "x", "f"]);
    }

    #[test]
    fn a_content_parts_header_is_no_page_chrome() {
        for value in ["HeroHeader_header__Pzmaq", "sectionHeader_header__ngFed", "feature-card-header", "block-header"] {
            assert_eq!(name_flags(value) & sig::CHROME, 0, "{value}");
        }
        for value in ["SiteHeader_header__a81Kd", "header", "page-header", "MessageCard__header"] {
            assert_ne!(name_flags(value) & sig::CHROME, 0, "{value}");
        }
    }

    #[test]
    fn clipping_overflow_hides_nothing() {
        for value in ["mx-auto relative overflow-hidden", "overflow-x-hidden", "wrap overflow_hidden"] {
            assert_eq!(name_flags(value) & sig::HIDDEN, 0, "{value}");
        }
        assert_ne!(name_flags("overflow-auto hidden") & sig::HIDDEN, 0);
    }

    #[test]
    fn hash_fragments_are_not_words() {
        for value in ["col w-variant-2a872dd3-bab5-0ad7-251b924e42e6", "carte w-variante-2a872dd3-0ad7-é"] {
            let mut v = Vec::new();
            for_each_token(value, |t| v.push(t.to_string()));
            assert!(!v.iter().any(|t| t == "ad" || t == "a" || t == "dd"), "{value}: {v:?}");
            assert!(v.iter().any(String::is_empty), "{value}: {v:?}");
            assert_eq!(name_flags(value) & sig::AD, 0, "{value}");
        }
        // Letters that start or end the run are words: an ad slot sized in its name stays one.
        for value in ["ad300x250", "top-ad1", "Ad2"] {
            assert_ne!(name_flags(value) & sig::AD, 0, "{value}");
        }
    }

    #[test]
    fn vocabulary_sorted_by_first_letter() {
        assert!(WORDS.windows(2).all(|w| w[0].0.as_bytes()[0] <= w[1].0.as_bytes()[0]));
        // Each word is found through its letter's range.
        assert!(WORDS.len() < 256);
        for (word, _, f) in WORDS {
            assert_eq!(word_flags(word) & f, *f, "{word}");
        }
    }

    #[test]
    fn class_vocabulary() {
        assert_ne!(name_flags("share-buttons") & sig::SHARE, 0);
        let mut cache = ClassCache::default();
        for value in ["share-buttons", "article-body", "share-buttons", "", &"x".repeat(300), "header__top ad-slot"] {
            assert_eq!(cache.name_flags(value), name_flags(value), "{value}");
            assert_eq!(cache.name_flags(value), name_flags(value), "{value} again");
        }
        assert_ne!(id_flags("share-buttons") & sig::SHARE, 0);
        assert_eq!(id_flags("sharing-with-a-single-developer"), 0);
        assert_ne!(name_flags("article-body") & sig::ARTICLE_BODY, 0);
        assert_ne!(name_flags("ad-slot") & sig::AD, 0);
        assert_eq!(name_flags("header__top") & sig::AD, 0);
        assert_eq!(name_flags("shadow") & sig::AD, 0, "ad must match whole tokens only");
        assert_eq!(name_flags("c1 x-4f _a9"), 0);
        assert_ne!(name_flags("sr-only") & sig::HIDDEN, 0);
        assert_eq!(name_flags("field field--label-hidden") & sig::HIDDEN, 0);
        assert_eq!(name_flags("block-title-hidden") & sig::HIDDEN, 0);
        assert_ne!(name_flags("label hidden") & sig::HIDDEN, 0);
        assert_eq!(name_flags("hidden lg:block") & sig::HIDDEN, 0, "shown on desktop");
        assert_eq!(name_flags("d-none d-md-flex") & sig::HIDDEN, 0, "shown on desktop");
        assert_eq!(name_flags("max-md:hidden") & sig::HIDDEN, 0, "hidden on phones only");
        for value in ["teaser hidden-xs", "hidden-sm", "mobile-hidden", "is-hidden-phone", "hidden-tablet"] {
            assert_eq!(name_flags(value) & sig::HIDDEN, 0, "{value}: hidden on phones or tablets only");
        }
        assert_ne!(name_flags("hidden-sm-up") & sig::HIDDEN, 0, "hidden from tablets up");
        assert_ne!(name_flags("hidden-lg") & sig::HIDDEN, 0, "hidden on desktops");
        assert_ne!(name_flags("block lg:hidden") & sig::HIDDEN, 0, "the phone's copy");
        assert_ne!(name_flags("hidden print:block") & sig::HIDDEN, 0);
        assert_ne!(name_flags("sr-only md:block") & sig::HIDDEN, 0, "only the plain hiding class is undone");
        assert_ne!(name_flags("d-none") & sig::HIDDEN, 0);
        let long = format!("advertisement{}", "x".repeat(200));
        assert_eq!(name_flags(&long), sig::AD, "a token past the buffer still matches by prefix");
        assert_eq!(name_flags(&format!("ad{}", "d".repeat(100))), 0, "a cut token matches no word exactly");
        assert_ne!(name_flags("Ärger-read-more") & sig::RELATED, 0);
    }

    #[test]
    fn links() {
        assert_eq!(href_flags("https://www.facebook.com/sharer/sharer.php?u=x"), sig::SHARE_LINK);
        assert_eq!(href_flags("https://x.com/intent/tweet?url=x"), sig::SHARE_LINK);
        assert_eq!(href_flags("https://x.com/somebody"), sig::SOCIAL_LINK);
        assert_eq!(href_flags("https://example.com/x"), 0);
        assert_eq!(href_flags("https://m.facebook.com/somebody"), sig::SOCIAL_LINK);
        assert_eq!(href_flags("https://notfacebook.com/somebody"), 0);
        assert_ne!(href_flags("javascript:window.print()") & sig::PRINT, 0);
        assert_eq!(href_flags("https://www.youtube.com/watch?v=1"), 0);
    }

    #[test]
    fn hiding_styles() {
        assert!(style_hides("color: red; DISPLAY : none"));
        assert!(!style_hides("display:block"));
    }
}
