//! URL resolution and scheme checks.
//!
//! Written by hand rather than with a URL crate so that native and WASM builds give the same
//! output and the module stays small. [`BaseUrl::join`] follows RFC 3986's reference
//! resolution plus the habits browsers have (WHATWG URL); [`sanitize`] and
//! [`sanitize_srcset`] decide which URLs may appear in the cleaned article.

use std::borrow::Cow;
use std::fmt;

/// An absolute, hierarchical URL (`scheme://authority/path?query`) that relative references
/// are resolved against. Parsed once; scheme and host are lowercase, the fragment is dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl(Url);

impl BaseUrl {
    /// Parses an absolute URL with an authority (`http://host/…`, `ftp://host/…`, …).
    ///
    /// Returns `None` for relative references and for URLs without `//authority`, such as
    /// `mailto:` or `data:`; `http(s)` URLs also need a valid host.
    pub fn parse(s: &str) -> Option<BaseUrl> {
        let mut url = resolve(None, s)?;
        let authority_ok = match url.authority {
            Some(_) if url.is_special() => url.host_is_valid(),
            Some(_) => true,
            None => false,
        };
        if !authority_ok {
            return None;
        }
        url.fragment = None;
        Some(BaseUrl(url))
    }

    /// Resolves `reference` against this base (RFC 3986 section 5.2, with browser habits).
    ///
    /// Leading and trailing controls and spaces are trimmed and tabs and newlines removed;
    /// for special schemes (http, https, ws, wss, ftp) backslashes count as slashes and any
    /// run of slashes introduces the host; an empty reference gives the base itself. Scheme
    /// and host come out lowercase, default ports are dropped, and spaces, controls, `"`,
    /// `<`, `>` and `` ` `` are percent-encoded; non-ASCII text is kept as is.
    pub fn join(&self, reference: &str) -> String {
        resolve(Some(&self.0), reference).unwrap_or_else(|| self.0.clone()).href()
    }

    /// The base's lowercase scheme.
    pub fn scheme(&self) -> &str {
        &self.0.scheme
    }
}

impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Where a URL is used, which decides the schemes [`sanitize`] lets through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlKind {
    /// `<a href>`: http, https and mailto.
    Link,
    /// `<img src>` and `srcset`: http, https and base64 `data:` raster images.
    Image,
    /// `<video>`, `<audio>`, `<source>` and the like: http and https.
    Media,
}

/// Cleans and checks one URL for use as `kind`; `None` when it must not be kept.
///
/// `raw` must already have its character references decoded. ASCII control characters
/// (NUL, tab, newline, …) are removed anywhere and surrounding white space trimmed before
/// the scheme is read, case-insensitively. Allowed are http and https (made absolute and
/// normalized), `mailto:` for links and `data:image/{png,jpeg,jpg,gif,webp,avif,bmp};base64,…`
/// for images. Relative references are resolved against `base` when it is http(s) and kept
/// (cleaned) otherwise; fragment-only references (`#x`) stay fragment-only. Everything else
/// (javascript:, vbscript:, other data:, file:, blob:, unknown schemes, empty input) is
/// rejected.
pub fn sanitize(raw: &str, base: Option<&BaseUrl>, kind: UrlKind) -> Option<String> {
    let stripped: Cow<'_, str> = if raw.bytes().any(|b| b.is_ascii_control()) {
        Cow::Owned(raw.chars().filter(|c| !c.is_ascii_control()).collect())
    } else {
        Cow::Borrowed(raw)
    };
    let cleaned = stripped.trim();
    if cleaned.is_empty() {
        return None;
    }
    let head = memchr::memchr2(b'?', b'#', cleaned.as_bytes()).and_then(|end| cleaned.get(..end)).unwrap_or(cleaned);
    if let Some((scheme, _)) = scheme_of(head) {
        let scheme = scheme.to_ascii_lowercase();
        let rest = cleaned.get(scheme.len() + 1..).unwrap_or("");
        return match (scheme.as_str(), kind) {
            ("http" | "https", _) => {
                let url = resolve(base.map(|b| &b.0), cleaned)?;
                url.is_web().then(|| url.href())
            }
            ("mailto", UrlKind::Link) => Some(format!("mailto:{}", encode(rest))),
            ("data", UrlKind::Image) => raster_data(rest),
            _ => None,
        };
    }
    if cleaned.starts_with('#') {
        return Some(encode(cleaned).into_owned());
    }
    match base {
        Some(base) if matches!(base.scheme(), "http" | "https") => {
            let url = resolve(Some(&base.0), cleaned)?;
            url.is_web().then(|| url.href())
        }
        _ => Some(encode(cleaned).into_owned()),
    }
}

/// Sanitizes a `srcset` value: each candidate's URL goes through [`sanitize`] as an image,
/// candidates with bad URLs or descriptors are dropped, and the rest are joined as
/// `url descriptor, url descriptor`. `None` when no candidate is left.
///
/// Parsing follows HTML's srcset rules: a URL runs up to white space (so it may contain
/// commas, as `data:` URLs and CDN paths like `/w_300,h_200/` do), and trailing commas end it.
pub fn sanitize_srcset(raw: &str, base: Option<&BaseUrl>) -> Option<String> {
    let mut out = String::new();
    let mut rest = raw;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == ',');
        if rest.is_empty() {
            break;
        }
        let url_end = rest.find(|c: char| c.is_ascii_whitespace()).unwrap_or(rest.len());
        let (url, after) = rest.split_at_checked(url_end).unwrap_or((rest, ""));
        let trimmed = url.trim_end_matches(',');
        let descriptors = if trimmed.len() < url.len() {
            rest = after;
            ""
        } else {
            let end = descriptors_end(after);
            let (descriptors, next) = after.split_at_checked(end).unwrap_or((after, ""));
            rest = next;
            descriptors
        };
        if !descriptors.split_ascii_whitespace().all(valid_descriptor) {
            continue;
        }
        let Some(clean) = sanitize(trimmed, base, UrlKind::Image) else {
            continue;
        };
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(&clean);
        for descriptor in descriptors.split_ascii_whitespace() {
            out.push(' ');
            out.push_str(descriptor);
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Where a candidate's descriptors end: at the first comma outside parentheses.
fn descriptors_end(s: &str) -> usize {
    let mut in_parens = false;
    for (i, c) in s.char_indices() {
        match c {
            '(' => in_parens = true,
            ')' => in_parens = false,
            ',' if !in_parens => return i,
            _ => {}
        }
    }
    s.len()
}

/// Whether a srcset descriptor is a width (`300w`), a height (`200h`) or a density (`1.5x`).
fn valid_descriptor(d: &str) -> bool {
    let (number, unit) = d.split_at_checked(d.len().saturating_sub(1)).unwrap_or(("", ""));
    let digits = number.bytes().filter(u8::is_ascii_digit).count();
    let dots = number.bytes().filter(|&b| b == b'.').count();
    if digits == 0 || digits + dots != number.len() {
        return false;
    }
    match unit {
        "w" | "h" => dots == 0,
        "x" => dots <= 1,
        _ => false,
    }
}

/// Checks the part of a `data:` URL after `data:`; returns the whole URL when it is a
/// base64 raster image (never SVG). White space inside the payload is removed.
fn raster_data(rest: &str) -> Option<String> {
    let (header, payload) = rest.split_once(',')?;
    let mut params = header.split(';');
    let mime = params.next()?.trim().to_ascii_lowercase();
    let raster = matches!(
        mime.as_str(),
        "image/png" | "image/jpeg" | "image/jpg" | "image/gif" | "image/webp" | "image/avif" | "image/bmp"
    );
    let params: Vec<&str> = params.map(str::trim).collect();
    let (last, others) = params.split_last()?;
    let base64 = last.eq_ignore_ascii_case("base64");
    let others_ok = others.iter().all(|p| {
        p.split_once('=').is_some_and(|(k, v)| {
            !k.is_empty() && !v.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.=".contains(&b))
        })
    });
    let payload: String = payload.chars().filter(|c| !c.is_whitespace()).collect();
    let payload_ok =
        !payload.is_empty() && payload.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/=-_%".contains(&b));
    (raster && base64 && others_ok && payload_ok).then(|| format!("data:{header},{payload}"))
}

/// A parsed URL or resolved reference.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Url {
    /// Lowercase scheme.
    scheme: String,
    /// `userinfo@host:port` with a lowercase host, when the URL has `//`.
    authority: Option<String>,
    path: String,
    query: Option<String>,
    fragment: Option<String>,
}

impl Url {
    /// Builds a URL, normalizing the authority and percent-encoding the rest.
    fn new(scheme: String, authority: Option<&str>, path: &str, query: Option<&str>, fragment: Option<&str>) -> Url {
        let special = is_special(&scheme);
        let authority = authority.map(|a| normalize_authority(a, &scheme));
        let path =
            if special && authority.is_some() && path.is_empty() { "/".to_string() } else { encode(path).into_owned() };
        Url {
            scheme,
            authority,
            path,
            query: query.map(|q| encode(q).into_owned()),
            fragment: fragment.map(|f| encode(f).into_owned()),
        }
    }

    fn is_special(&self) -> bool {
        is_special(&self.scheme)
    }

    /// An http(s) URL with a usable host.
    fn is_web(&self) -> bool {
        matches!(self.scheme.as_str(), "http" | "https") && self.host_is_valid()
    }

    /// Whether the authority has a non-empty host without forbidden characters and a
    /// numeric (or no) port.
    fn host_is_valid(&self) -> bool {
        let Some(authority) = self.authority.as_deref() else {
            return false;
        };
        let (_, hostport) = split_userinfo(authority);
        let (host, port) = split_port(hostport);
        let host_ok = if let Some(ip6) = host.strip_prefix('[') {
            ip6.strip_suffix(']')
                .is_some_and(|ip| !ip.is_empty() && ip.bytes().all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.'))
        } else {
            // Letters, digits, dots and hyphens (nearly every byte of a host) pass at once.
            let forbidden = |b: u8| {
                !(b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
                    && (b <= b' ' || b == 0x7F || b"#%/:<>?@[\\]^|\"`{}".contains(&b))
            };
            !host.is_empty() && !host.bytes().any(forbidden)
        };
        host_ok && port.is_none_or(|p| p.bytes().all(|b| b.is_ascii_digit()))
    }

    /// The URL as text, written in one string of the right size (no formatting machinery:
    /// every kept link and image goes through here).
    fn href(&self) -> String {
        let parts = [
            Some(("", self.scheme.as_str())),
            Some((":", "")),
            self.authority.as_deref().map(|a| ("//", a)),
            Some(("", self.path.as_str())),
            self.query.as_deref().map(|q| ("?", q)),
            self.fragment.as_deref().map(|f| ("#", f)),
        ];
        let mut out = String::with_capacity(parts.iter().flatten().map(|(mark, part)| mark.len() + part.len()).sum());
        for (mark, part) in parts.into_iter().flatten() {
            out.push_str(mark);
            out.push_str(part);
        }
        out
    }
}

impl fmt::Display for Url {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.href())
    }
}

/// Schemes WHATWG calls special that matter here: backslashes are slashes, hosts required.
fn is_special(scheme: &str) -> bool {
    matches!(scheme, "http" | "https" | "ws" | "wss" | "ftp")
}

fn default_port(scheme: &str) -> Option<&'static str> {
    match scheme {
        "http" | "ws" => Some("80"),
        "https" | "wss" => Some("443"),
        "ftp" => Some("21"),
        _ => None,
    }
}

/// Resolves `reference` against `base`; `None` when the reference is relative and there is
/// no base.
fn resolve(base: Option<&Url>, reference: &str) -> Option<Url> {
    let cleaned = clean(reference);
    let (rest, fragment) = split_off(&cleaned, '#');
    let (head, query) = split_off(rest, '?');
    let scheme = scheme_of(head).map(|(s, _)| s.to_ascii_lowercase());
    let special = match (&scheme, base) {
        (Some(s), _) => is_special(s),
        (None, Some(b)) => b.is_special(),
        (None, None) => false,
    };
    let head: Cow<'_, str> =
        if special && head.contains('\\') { Cow::Owned(head.replace('\\', "/")) } else { Cow::Borrowed(head) };
    let mut relative: &str = &head;
    if let Some(scheme) = scheme {
        let after = head.get(scheme.len() + 1..).unwrap_or("");
        let same_special = special && base.is_some_and(|b| b.scheme == scheme) && !after.starts_with("//");
        if !same_special {
            let (authority, path) = if special {
                split_authority(after.trim_start_matches('/'))
            } else if let Some(a) = after.strip_prefix("//") {
                split_authority(a)
            } else {
                (None, after)
            };
            let path: Cow<'_, str> = if authority.is_some() || path.starts_with('/') {
                Cow::Owned(remove_dot_segments(path))
            } else {
                Cow::Borrowed(path)
            };
            return Some(Url::new(scheme, authority, &path, query, fragment));
        }
        // `http:g` against an http base is relative, as in browsers.
        relative = after;
    }
    let base = base?;
    let network = if special {
        relative.strip_prefix("//").map(|r| r.trim_start_matches('/'))
    } else {
        relative.strip_prefix("//")
    };
    let (authority, path, query) = if let Some(network) = network {
        let (authority, path) = split_authority(network);
        (authority, remove_dot_segments(path), query)
    } else if relative.is_empty() {
        (base.authority.as_deref(), base.path.clone(), query.or(base.query.as_deref()))
    } else if relative.starts_with('/') {
        (base.authority.as_deref(), remove_dot_segments(relative), query)
    } else {
        let merged = merge(base, relative);
        (base.authority.as_deref(), remove_dot_segments(&merged), query)
    };
    Some(Url::new(base.scheme.clone(), authority, &path, query, fragment))
}

/// WHATWG's input cleanup: trims C0 controls and spaces at both ends, drops tabs and newlines.
fn clean(s: &str) -> Cow<'_, str> {
    let trimmed = s.trim_matches(|c: char| c <= ' ');
    if memchr::memchr3(b'\t', b'\n', b'\r', trimmed.as_bytes()).is_some() {
        Cow::Owned(trimmed.replace(['\t', '\n', '\r'], ""))
    } else {
        Cow::Borrowed(trimmed)
    }
}

/// Splits at the first `sep`: the part before, and the part after if `sep` occurs.
fn split_off(s: &str, sep: char) -> (&str, Option<&str>) {
    match s.split_once(sep) {
        Some((before, after)) => (before, Some(after)),
        None => (s, None),
    }
}

/// The scheme of a reference (`scheme:` before any `/`, `?` or `#`) and what follows the `:`.
fn scheme_of(s: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = s.split_once(':')?;
    let mut bytes = scheme.bytes();
    let first_ok = bytes.next().is_some_and(|b| b.is_ascii_alphabetic());
    let rest_ok = bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    (first_ok && rest_ok).then_some((scheme, rest))
}

/// Splits `authority/path` after the `//`.
fn split_authority(s: &str) -> (Option<&str>, &str) {
    match s.find('/') {
        Some(i) => {
            let (authority, path) = s.split_at_checked(i).unwrap_or((s, ""));
            (Some(authority), path)
        }
        None => (Some(s), ""),
    }
}

/// Splits `userinfo@hostport` at the last `@`.
fn split_userinfo(authority: &str) -> (Option<&str>, &str) {
    match authority.rsplit_once('@') {
        Some((userinfo, hostport)) => (Some(userinfo), hostport),
        None => (None, authority),
    }
}

/// Splits `host:port`, keeping `[v6]` literals whole.
fn split_port(hostport: &str) -> (&str, Option<&str>) {
    let search_from = if hostport.starts_with('[') { hostport.find(']').unwrap_or(hostport.len()) } else { 0 };
    let colon = hostport.get(search_from..).and_then(|tail| tail.rfind(':')).map(|i| i + search_from);
    match colon.and_then(|i| Some((hostport.get(..i)?, hostport.get(i + 1..)?))) {
        Some((host, port)) => (host, Some(port)),
        None => (hostport, None),
    }
}

/// Lowercases the host and drops an empty or default port.
fn normalize_authority(authority: &str, scheme: &str) -> String {
    let (userinfo, hostport) = split_userinfo(authority);
    let (host, port) = split_port(hostport);
    let mut out = String::with_capacity(authority.len());
    if let Some(userinfo) = userinfo {
        out.push_str(&encode(userinfo));
        out.push('@');
    }
    out.push_str(&encode(&host.to_ascii_lowercase()));
    if let Some(port) = port.filter(|p| !p.is_empty() && default_port(scheme) != Some(*p)) {
        out.push(':');
        out.push_str(&encode(port));
    }
    out
}

/// RFC 3986 section 5.2.3: the base path up to its last `/`, then the reference path.
fn merge(base: &Url, reference: &str) -> String {
    if base.authority.is_some() && base.path.is_empty() {
        return format!("/{reference}");
    }
    let dir = base.path.rfind('/').and_then(|i| base.path.get(..=i)).unwrap_or("");
    format!("{dir}{reference}")
}

/// RFC 3986 section 5.2.4: removes `.` and `..` segments.
fn remove_dot_segments(path: &str) -> String {
    let mut input = path;
    let mut out = String::with_capacity(path.len());
    while !input.is_empty() {
        if let Some(rest) = input.strip_prefix("../") {
            input = rest;
        } else if let Some(rest) = input.strip_prefix("./") {
            input = rest;
        } else if input.starts_with("/./") {
            input = input.get(2..).unwrap_or("");
        } else if input == "/." {
            input = "/";
        } else if input.starts_with("/../") {
            input = input.get(3..).unwrap_or("");
            pop_segment(&mut out);
        } else if input == "/.." {
            input = "/";
            pop_segment(&mut out);
        } else if input == "." || input == ".." {
            input = "";
        } else {
            let search = input.get(1..).and_then(|tail| tail.find('/'));
            let end = search.map_or(input.len(), |i| i + 1);
            let (segment, rest) = input.split_at_checked(end).unwrap_or((input, ""));
            out.push_str(segment);
            input = rest;
        }
    }
    out
}

/// Removes the last `/segment` of `out`.
fn pop_segment(out: &mut String) {
    let keep = out.rfind('/').unwrap_or(0);
    out.truncate(keep);
}

/// Percent-encodes space, ASCII controls, `"`, `<`, `>` and `` ` ``; other text is kept.
fn encode(s: &str) -> Cow<'_, str> {
    let needs = |c: char| c <= ' ' || matches!(c, '\u{7F}' | '"' | '<' | '>' | '`');
    // The characters to encode are ASCII: looked for byte by byte.
    if !s.bytes().any(|b| needs(char::from(b))) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if needs(c) {
            out.push_str(&format!("%{:02X}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base(s: &str) -> BaseUrl {
        BaseUrl::parse(s).expect("test base parses")
    }

    fn link(raw: &str, b: Option<&BaseUrl>) -> Option<String> {
        sanitize(raw, b, UrlKind::Link)
    }

    #[test]
    fn rfc3986_normal_examples() {
        let b = base("http://a/b/c/d;p?q");
        let cases = [
            ("g:h", "g:h"),
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            // RFC: "http://g"; browsers give an http URL an empty path of "/".
            ("//g", "http://g/"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("g#s", "http://a/b/c/g#s"),
            ("g?y#s", "http://a/b/c/g?y#s"),
            (";x", "http://a/b/c/;x"),
            ("g;x", "http://a/b/c/g;x"),
            ("g;x?y#s", "http://a/b/c/g;x?y#s"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../", "http://a/"),
            ("../../g", "http://a/g"),
        ];
        for (reference, expected) in cases {
            assert_eq!(b.join(reference), expected, "{reference:?}");
        }
    }

    #[test]
    fn rfc3986_abnormal_examples() {
        let b = base("http://a/b/c/d;p?q");
        let cases = [
            ("../../../g", "http://a/g"),
            ("../../../../g", "http://a/g"),
            ("/./g", "http://a/g"),
            ("/../g", "http://a/g"),
            ("g.", "http://a/b/c/g."),
            (".g", "http://a/b/c/.g"),
            ("g..", "http://a/b/c/g.."),
            ("..g", "http://a/b/c/..g"),
            ("./../g", "http://a/b/g"),
            ("./g/.", "http://a/b/c/g/"),
            ("g/./h", "http://a/b/c/g/h"),
            ("g/../h", "http://a/b/c/h"),
            ("g;x=1/./y", "http://a/b/c/g;x=1/y"),
            ("g;x=1/../y", "http://a/b/c/y"),
            ("g?y/./x", "http://a/b/c/g?y/./x"),
            ("g?y/../x", "http://a/b/c/g?y/../x"),
            ("g#s/./x", "http://a/b/c/g#s/./x"),
            ("g#s/../x", "http://a/b/c/g#s/../x"),
            // The RFC's "backward compatible" reading, which browsers use.
            ("http:g", "http://a/b/c/g"),
        ];
        for (reference, expected) in cases {
            assert_eq!(b.join(reference), expected, "{reference:?}");
        }
    }

    #[test]
    fn browser_habits() {
        let b = base("https://Example.COM/dir/page.html?x=1#top");
        assert_eq!(b.to_string(), "https://example.com/dir/page.html?x=1");
        let cases = [
            ("", "https://example.com/dir/page.html?x=1"),
            ("#frag", "https://example.com/dir/page.html?x=1#frag"),
            ("?y=2", "https://example.com/dir/page.html?y=2"),
            ("//cdn.Example.org/a.png", "https://cdn.example.org/a.png"),
            ("\\\\cdn.example.org\\a\\b.png", "https://cdn.example.org/a/b.png"),
            ("..\\img\\x.png", "https://example.com/img/x.png"),
            ("a.png?q=a\\b", "https://example.com/dir/a.png?q=a\\b"),
            ("  \u{1}img.png \u{0} ", "https://example.com/dir/img.png"),
            ("im\tg\n.p\rng", "https://example.com/dir/img.png"),
            ("my image.png", "https://example.com/dir/my%20image.png"),
            ("a<b>\"c\"", "https://example.com/dir/a%3Cb%3E%22c%22"),
            ("日本.html", "https://example.com/dir/日本.html"),
            ("HTTP://OTHER.example:80/X", "http://other.example/X"),
            ("https://h.example:443", "https://h.example/"),
            ("https://h.example:8443/p", "https://h.example:8443/p"),
            ("http://User:Pw@H.example/", "http://User:Pw@h.example/"),
            // Same special scheme as the base: relative, as in browsers.
            ("https:/x.example/p", "https://example.com/x.example/p"),
            ("http:/x.example/p", "http://x.example/p"),
            ("https:x.example", "https://example.com/dir/x.example"),
            ("http:x.example", "http://x.example/"),
            ("http:x.example/p", "http://x.example/p"),
            ("///triple.example/p", "https://triple.example/p"),
            ("/abs/../path", "https://example.com/path"),
            ("http://[::1]:8080/x", "http://[::1]:8080/x"),
            ("mailto:Someone@Example.com", "mailto:Someone@Example.com"),
            ("FTP://Files.example/a/./b", "ftp://files.example/a/b"),
        ];
        for (reference, expected) in cases {
            assert_eq!(b.join(reference), expected, "{reference:?}");
        }
    }

    #[test]
    fn base_parsing() {
        assert!(BaseUrl::parse("https://example.com").is_some());
        assert_eq!(base("HTTPS://EXAMPLE.COM").to_string(), "https://example.com/");
        assert_eq!(base("  http://a/b\n ").to_string(), "http://a/b");
        assert_eq!(base("ftp://files.example/x").scheme(), "ftp");
        assert_eq!(base("foo://host/a/../b").to_string(), "foo://host/b");
        for bad in [
            "",
            "/relative",
            "example.com/page",
            "mailto:x@y",
            "data:text/html,x",
            "http://",
            "https:///",
            "http://exa mple.com/",
            "http://host:port/",
            "javascript:alert(1)",
            "1http://a/",
        ] {
            assert!(BaseUrl::parse(bad).is_none(), "{bad:?}");
        }
        let other = base("foo://host/a/b");
        assert_eq!(other.join("c\\d"), "foo://host/a/c\\d");
        assert_eq!(other.join("//h2/x"), "foo://h2/x");
    }

    #[test]
    fn dot_segments() {
        assert_eq!(remove_dot_segments("/a/b/c/./../../g"), "/a/g");
        assert_eq!(remove_dot_segments("mid/content=5/../6"), "mid/6");
        assert_eq!(remove_dot_segments("/../../.."), "/");
        assert_eq!(remove_dot_segments("/é/./ü/../ß"), "/é/ß");
        assert_eq!(remove_dot_segments(""), "");
    }

    #[test]
    fn rejects_xss_tricks() {
        let b = base("https://example.com/a/b");
        let tricks = [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "JAVASCRIPT:alert(1)",
            " javascript:alert(1)",
            "\u{A0}javascript:alert(1)",
            "\u{3000}javascript:alert(1)",
            "\tjavascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "java\rscript:alert(1)",
            "java\0script:alert(1)",
            "\u{1}\u{2}javascript:alert(1)",
            "jav\u{7F}ascript:alert(1)",
            "javascript\t:alert(1)",
            "javascript://%0Aalert(1)",
            "javascript:",
            "vbscript:msgbox(1)",
            "VBScript:msgbox(1)",
            "livescript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "DATA:text/html,x",
            "data:image/svg+xml;base64,PHN2Zy8+",
            "data:image/svg+xml,<svg onload=alert(1)>",
            "file:///etc/passwd",
            "blob:https://example.com/1234",
            "jar:http://x/y!/z",
            "mhtml:http://x/y",
            "ms-its:x.chm::/a.htm",
            "about:blank",
            "chrome://settings",
            "view-source:https://example.com",
            "filesystem:https://example.com/x",
            "x-javascript:alert(1)",
            "feed:javascript:alert(1)",
            "http://",
            "https:///",
            "http://exa mple.com/",
            "http:javascript:alert(1)",
            "",
            "   ",
            "\0",
        ];
        assert!(tricks.len() >= 30);
        for trick in tricks {
            for kind in [UrlKind::Link, UrlKind::Image, UrlKind::Media] {
                for b in [None, Some(&b)] {
                    let got = sanitize(trick, b, kind);
                    assert_eq!(got, None, "{trick:?} as {kind:?} with base {}", b.is_some());
                }
            }
        }
    }

    #[test]
    fn rejects_entity_hidden_schemes_after_decoding() {
        let encoded = [
            "javascript&colon;alert(1)",
            "java&Tab;script&colon;alert(1)",
            "jav&#x09;ascript:alert(1)",
            "jav&#9;ascript:alert(1)",
            "java&NewLine;script:alert(1)",
            "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
            "&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)",
            "&#0000106avascript:alert(1)",
            "javas&#x0D;cript:alert(1)",
            "&#x20;javascript:alert(1)",
            "&nbsp;javascript:alert(1)",
            "data&colon;text/html,x",
            "vbscript&#58;x",
        ];
        for raw in encoded {
            let decoded = crate::entities::decode(raw, true);
            for kind in [UrlKind::Link, UrlKind::Image, UrlKind::Media] {
                assert_eq!(sanitize(&decoded, None, kind), None, "{raw:?} -> {decoded:?}");
            }
        }
    }

    #[test]
    fn java_nul_script_stays_relative() {
        // `&#0;` decodes to U+FFFD, which breaks the scheme in browsers too: a harmless path.
        let b = base("https://example.com/");
        let decoded = crate::entities::decode("java&#0;script:x", true);
        assert_eq!(link(&decoded, Some(&b)).as_deref(), Some("https://example.com/java\u{FFFD}script:x"));
    }

    #[test]
    fn passes_good_urls() {
        let b = base("https://example.com/news/2024/story.html");
        let cases: [(&str, UrlKind, Option<&BaseUrl>, &str); 20] = [
            ("http://example.org/", UrlKind::Link, None, "http://example.org/"),
            ("HTTPS://EXAMPLE.org/Path", UrlKind::Link, None, "https://example.org/Path"),
            ("  https://example.org/a b  ", UrlKind::Link, None, "https://example.org/a%20b"),
            ("https://exa\tmple.org/", UrlKind::Link, None, "https://example.org/"),
            ("/about", UrlKind::Link, Some(&b), "https://example.com/about"),
            ("../x", UrlKind::Link, Some(&b), "https://example.com/news/x"),
            ("?page=2", UrlKind::Link, Some(&b), "https://example.com/news/2024/story.html?page=2"),
            ("#section", UrlKind::Link, Some(&b), "#section"),
            ("#section 2", UrlKind::Link, None, "#section%202"),
            ("//cdn.example.net/i.png", UrlKind::Image, Some(&b), "https://cdn.example.net/i.png"),
            ("img/a.jpg", UrlKind::Image, None, "img/a.jpg"),
            ("/img/a b.jpg", UrlKind::Image, None, "/img/a%20b.jpg"),
            ("mailto:ed@example.com", UrlKind::Link, None, "mailto:ed@example.com"),
            ("MailTo:ed@example.com?subject=Hi there", UrlKind::Link, None, "mailto:ed@example.com?subject=Hi%20there"),
            ("data:image/png;base64,iVBORw0KGgo=", UrlKind::Image, None, "data:image/png;base64,iVBORw0KGgo="),
            (
                "DATA:image/JPEG;BASE64,/9j/4AAQ\n SkZJRg==",
                UrlKind::Image,
                None,
                "data:image/JPEG;BASE64,/9j/4AAQSkZJRg==",
            ),
            (
                "data:image/webp;charset=utf-8;base64,UklGRg==",
                UrlKind::Image,
                None,
                "data:image/webp;charset=utf-8;base64,UklGRg==",
            ),
            ("https://v.example/m.mp4", UrlKind::Media, Some(&b), "https://v.example/m.mp4"),
            ("m.mp4", UrlKind::Media, Some(&b), "https://example.com/news/2024/m.mp4"),
            ("\u{0}https://example.org/\u{1F}", UrlKind::Link, None, "https://example.org/"),
        ];
        for (raw, kind, b, expected) in cases {
            assert_eq!(sanitize(raw, b, kind).as_deref(), Some(expected), "{raw:?}");
        }
    }

    #[test]
    fn kind_restrictions() {
        assert_eq!(sanitize("mailto:a@b.c", None, UrlKind::Image), None);
        assert_eq!(sanitize("mailto:a@b.c", None, UrlKind::Media), None);
        assert_eq!(sanitize("data:image/gif;base64,R0lGOD==", None, UrlKind::Link), None);
        assert_eq!(sanitize("data:image/gif;base64,R0lGOD==", None, UrlKind::Media), None);
        assert_eq!(sanitize("data:image/gif,GIF89a", None, UrlKind::Image), None);
        assert_eq!(sanitize("data:image/png;base64,", None, UrlKind::Image), None);
        assert_eq!(sanitize("data:;base64,iVBOR", None, UrlKind::Image), None);
        assert_eq!(sanitize("data:image/png;base64,iVB\"OR", None, UrlKind::Image), None);
        assert_eq!(sanitize("data:image/png;x<y;base64,iVBOR", None, UrlKind::Image), None);
    }

    #[test]
    fn relative_refs_against_non_web_base_stay_relative() {
        let file = base("ftp://files.example/dir/");
        assert_eq!(link("a b.html", Some(&file)).as_deref(), Some("a%20b.html"));
        assert_eq!(link("ftp://files.example/x", Some(&file)), None);
    }

    #[test]
    fn srcset() {
        let b = base("https://example.com/a/");
        let cases = [
            ("img.jpg", "https://example.com/a/img.jpg"),
            ("a.jpg 1x, b.jpg 2x", "https://example.com/a/a.jpg 1x, https://example.com/a/b.jpg 2x"),
            ("a.jpg 300w,b.jpg 600w", "https://example.com/a/a.jpg 300w, https://example.com/a/b.jpg 600w"),
            (
                "https://cdn.example/w_300,h_200/x.jpg 300w, https://cdn.example/w_600,h_400/x.jpg 600w",
                "https://cdn.example/w_300,h_200/x.jpg 300w, https://cdn.example/w_600,h_400/x.jpg 600w",
            ),
            (
                "data:image/png;base64,iVBORw0KGgo= 1x, big.png 2x",
                "data:image/png;base64,iVBORw0KGgo= 1x, https://example.com/a/big.png 2x",
            ),
            ("javascript:alert(1) 1x, ok.png 2x", "https://example.com/a/ok.png 2x"),
            ("a.png,, b.png 1.5x", "https://example.com/a/a.png, https://example.com/a/b.png 1.5x"),
            ("\n  a.png\t100w ,\n b.png 200w\n", "https://example.com/a/a.png 100w, https://example.com/a/b.png 200w"),
            ("a.png 100w 50h, b.png", "https://example.com/a/a.png 100w 50h, https://example.com/a/b.png"),
            ("a.png bogus, b.png 2x", "https://example.com/a/b.png 2x"),
            ("a.png (foo, bar), b.png 2x", "https://example.com/a/b.png 2x"),
            ("a.png 1.5.5x, b.png x", ""),
        ];
        for (raw, expected) in cases {
            let got = sanitize_srcset(raw, Some(&b)).unwrap_or_default();
            assert_eq!(got, expected, "{raw:?}");
        }
        assert_eq!(sanitize_srcset("", Some(&b)), None);
        assert_eq!(sanitize_srcset(" , ,", Some(&b)), None);
        assert_eq!(sanitize_srcset("javascript:x 1x, data:image/svg+xml;base64,AA 2x", None), None);
        assert_eq!(sanitize_srcset("a.png 2x", None).as_deref(), Some("a.png 2x"));
    }

    #[test]
    fn never_panics_on_odd_input() {
        let b = base("http://a/b/c/d;p?q");
        let samples = [
            "é:",
            ":",
            "::::",
            "//",
            "\\\\",
            "?",
            "#",
            "[",
            "http://[",
            "http://[::1",
            "http://@",
            "http://a:b:c@d:e",
            "😀//😀/../😀",
            "/..",
            "a/../../..",
            "%",
            "\u{FEFF}",
            "data:",
            "data:,",
            "mailto:",
            "h:/é/../ü",
            "http:\\\\é\\",
            "x 1x,",
            ",,,",
            "(,)",
        ];
        for s in samples {
            for (i, _) in s.char_indices() {
                for part in [&s[i..], &s[..i]] {
                    let _ = b.join(part);
                    let _ = BaseUrl::parse(part);
                    let _ = sanitize(part, Some(&b), UrlKind::Image);
                    let _ = sanitize(part, None, UrlKind::Link);
                    let _ = sanitize_srcset(part, Some(&b));
                }
            }
        }
    }

    /// Pieces of URLs, their entity-encoded forms among them.
    static PIECES: [&str; 24] = [
        "/",
        "\\",
        ".",
        "..",
        ":",
        "?",
        "#",
        "@",
        "[",
        "]",
        "%",
        " ",
        "\t",
        "\0",
        "http:",
        "https://",
        "data:image/png;base64,",
        "mailto:",
        "&#x3A;",
        "&colon",
        "é",
        "😀",
        ",",
        "a",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 20_000, ..Default::default() })]

        /// Up to eleven pieces, decoded as in an attribute: resolving and sanitizing never panics,
        /// and an image URL that passes is http(s), a `data:image/` URL or a fragment.
        #[test]
        fn never_panics_on_random_input(
            parts in proptest::collection::vec(proptest::sample::select(&PIECES[..]), 0..12)
        ) {
            let s = parts.concat();
            let b = base("https://example.com/a/b?c");
            let decoded = crate::entities::decode(&s, true);
            let _ = b.join(&decoded);
            let _ = BaseUrl::parse(&decoded);
            if let Some(out) = sanitize(&decoded, Some(&b), UrlKind::Image) {
                proptest::prop_assert!(
                    out.starts_with("https:")
                        || out.starts_with("http:")
                        || out.starts_with("data:image/")
                        || out.starts_with('#'),
                    "{:?} -> {:?}", s, out
                );
            }
            let _ = sanitize_srcset(&decoded, None);
        }
    }
}
