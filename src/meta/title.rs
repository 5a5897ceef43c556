//! The headline: the `<title>` without the site name, checked against `og:title`, the
//! JSON-LD headline and the page's `<h1>`.

use crate::words::{rough_words as words, same_text};

/// Separators between a headline and a site name, widest first.
const SEPARATORS: &[&str] =
    &[" || ", " | ", " :: ", " — ", " – ", " - ", " » ", " · ", " • ", " / ", " : ", " \\ ", " > ", " ~ "];

/// Everything the title can be chosen from.
pub struct Candidates<'a> {
    /// Text of `<title>`.
    pub title_tag: &'a str,
    /// `og:title` and its equivalents.
    pub og: Option<&'a str>,
    /// The JSON-LD headline.
    pub headline: Option<&'a str>,
    /// Texts of the `<h1>` elements.
    pub h1s: &'a [&'a str],
    /// The site's name, when known.
    pub site_name: Option<&'a str>,
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Splits a title at its separators: the parts and the separator used.
fn split(title: &str) -> Option<(Vec<&str>, &'static str)> {
    SEPARATORS.iter().find(|s| title.contains(*s)).map(|s| (title.split(*s).map(str::trim).collect(), *s))
}

/// Where the last `sep` in `title` starts, as `str::rfind` finds it: a plain scan back over a
/// short title, which keeps the standard library's reverse substring searcher out of the
/// WebAssembly module. Every separator starts with a space, so a match is at a char boundary.
fn rfind(title: &str, sep: &str) -> Option<usize> {
    (0..=title.len().checked_sub(sep.len())?).rev().find(|&i| title.as_bytes()[i..].starts_with(sep.as_bytes()))
}

/// Removes a site-name part from either end of `title`, when `site` names it.
fn strip_site<'t>(title: &'t str, site: &str) -> Option<&'t str> {
    let (parts, sep) = split(title)?;
    let matches = |p: &str| {
        same_text(p, site)
            || (p.len() > 2 && site.to_lowercase().contains(&p.to_lowercase()))
            || same_text(p, site.split_whitespace().next().unwrap_or(""))
    };
    let last = parts.last()?;
    let first = parts.first()?;
    if parts.len() >= 2 && matches(last) {
        let cut = rfind(title, sep)?;
        return Some(title.get(..cut)?.trim());
    }
    if parts.len() >= 2 && matches(first) {
        let cut = title.find(sep)? + sep.len();
        return Some(title.get(cut..)?.trim());
    }
    None
}

/// Separators that may stand without spaces around them (common in CJK titles).
const TIGHT_SEPARATORS: &[&str] = &["｜", "|", "_", "—", "–", "-", "·", "/", "：", ":", "»", "•", "«"];

/// Whether `part` is `whole` minus a site part at one end, split at a separator.
fn is_title_part(whole: &str, part: &str) -> bool {
    if part.is_empty() || !whole.contains(part) {
        return false;
    }
    let (before, after) = whole.split_once(part).unwrap_or(("", ""));
    let sep_at = |s: &str| {
        SEPARATORS.iter().any(|x| s.starts_with(x.trim_end()) || s.starts_with(x))
            || TIGHT_SEPARATORS.iter().any(|x| s.starts_with(x))
    };
    let before_ok = before.trim().is_empty()
        || SEPARATORS.iter().any(|x| before.ends_with(x) || before.ends_with(x.trim_start()))
        || TIGHT_SEPARATORS.iter().any(|x| before.trim_end().ends_with(x));
    let after_ok = after.trim().is_empty() || sep_at(after) || sep_at(after.trim_start());
    before_ok && after_ok
}

/// The page's other titles that `meta` holds plus a site part at one end ("Headline | Site"
/// and an `<h1>` "Headline"): the shortest such part that is the larger share of `meta` or
/// that two sources give alike.
fn agreed_part<'a>(c: &'a Candidates, meta: &str) -> Option<&'a str> {
    let sources: Vec<&str> = c.h1s.iter().copied().chain(c.og).chain(Some(c.title_tag)).map(str::trim).collect();
    let named_site = |o: &str| c.site_name.is_some_and(|s| same_text(s, o));
    sources
        .iter()
        .copied()
        .filter(|o| (words(o) >= 2 || o.chars().count() >= 8) && o.len() < meta.len() && !named_site(o))
        .filter(|o| is_title_part(meta, o))
        .filter(|o| o.len() * 2 >= meta.len() || sources.iter().filter(|x| same_text(x, o)).count() >= 2)
        .min_by_key(|o| o.len())
}

/// Chooses the headline.
pub fn choose(c: &Candidates) -> Option<String> {
    // A headline the publisher gave as metadata wins, less a site part it may carry.
    // JSON-LD is trusted when at least half its words are in the page's other titles (some
    // sites put a description there: "matrix equal to its conjugate-transpose").
    let words_of = |s: &str| {
        s.split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3)
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    let others: Vec<String> =
        std::iter::once(c.title_tag).chain(c.og).chain(c.h1s.iter().copied()).flat_map(words_of).collect();
    let agrees = |h: &str| {
        let own = words_of(h);
        own.iter().filter(|w| others.contains(w)).count() * 2 >= own.len()
    };
    let headline = c.headline.filter(|h| others.is_empty() || agrees(h) || h.chars().any(crate::words::is_cjk));
    if let Some(meta) = headline.or(c.og).map(str::trim).filter(|t| !t.is_empty()) {
        let stripped = c.site_name.and_then(|s| strip_site(meta, s)).filter(|t| !t.is_empty());
        let meta = stripped.unwrap_or(meta);
        return Some(agreed_part(c, meta).unwrap_or(meta).to_string());
    }
    let title = collapse(c.title_tag);
    let others: Vec<String> =
        c.og.into_iter()
            .chain(c.headline)
            .chain(c.h1s.iter().copied())
            .map(collapse)
            .filter(|s| !s.is_empty())
            .collect();
    if title.is_empty() {
        let first = others.first()?;
        let stripped = c.site_name.and_then(|s| strip_site(first, s)).unwrap_or(first);
        return Some(stripped.to_string());
    }
    // Another source agrees with the whole title, or with the title minus a site part.
    if others.iter().any(|o| same_text(o, &title)) {
        return Some(title);
    }
    if let Some(o) =
        others.iter().filter(|o| words(o) >= 2 || o.chars().count() >= 8).find(|o| is_title_part(&title, o))
    {
        return Some(o.clone());
    }
    if let Some(stripped) = c.site_name.and_then(|s| strip_site(&title, s)) {
        if !stripped.is_empty() {
            return Some(stripped.to_string());
        }
    }
    let Some((parts, sep)) = split(&title) else {
        return Some(title);
    };
    // A colon often belongs to the headline itself ("Tokyo: a city…"); keep it unless a site
    // part is obvious.
    if sep == " : " && parts.len() == 2 && words(parts[0]) >= 2 {
        return Some(title);
    }
    // Readability's rule of thumb: the part before the last separator, unless that is too
    // short to be a headline; then the part after the first.
    let cut = rfind(&title, sep).unwrap_or(title.len());
    let before = title.get(..cut).unwrap_or(&title).trim();
    if words(before) >= 3 {
        return Some(before.to_string());
    }
    let after = title.get(title.find(sep).map_or(0, |i| i + sep.len())..).unwrap_or(&title).trim();
    if words(after) >= 3 {
        return Some(after.to_string());
    }
    Some(title)
}

/// The site part a title had around the chosen headline ("Headline | Site" gives "Site"),
/// when it is short enough to be a name.
pub fn site_part(title_tag: &str, headline: &str) -> Option<String> {
    let title = collapse(title_tag);
    let rest = if let Some(r) = title.strip_prefix(headline) { r } else { title.strip_suffix(headline)? };
    let is_mark = |c: char| TIGHT_SEPARATORS.iter().any(|s| s.starts_with(c)) || matches!(c, '\\' | '>' | '~');
    let name = rest.trim_matches(|c: char| c.is_whitespace() || is_mark(c));
    let n = words(name);
    let separated =
        rest.trim().chars().next().is_some_and(is_mark) || rest.trim().chars().next_back().is_some_and(is_mark);
    (separated && (1..=5).contains(&n) && !name.chars().any(|c| c.is_ascii_digit())).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfind_finds_what_str_rfind_finds() {
        for title in ["", " - ", "a - - b", "A – B – C", "Tokyo | Site", "é - ü - ", "no separator", " ||| "] {
            for sep in SEPARATORS {
                assert_eq!(rfind(title, sep), title.rfind(sep), "{title:?} {sep:?}");
            }
        }
    }

    fn pick(title: &str, og: Option<&str>, h1: &[&str], site: Option<&str>) -> String {
        choose(&Candidates { title_tag: title, og, headline: None, h1s: h1, site_name: site }).unwrap_or_default()
    }

    #[test]
    fn site_suffixes_go() {
        assert_eq!(
            pick("Rain returns to the valley | Valley Post", None, &[], Some("Valley Post")),
            "Rain returns to the valley"
        );
        assert_eq!(
            pick("Valley Post — Rain returns to the valley", None, &[], Some("Valley Post")),
            "Rain returns to the valley"
        );
        assert_eq!(
            pick("Rain returns to the valley – VP", Some("Rain returns to the valley"), &[], None),
            "Rain returns to the valley"
        );
        assert_eq!(pick("Rain returns to the valley - Valley Post", None, &[], None), "Rain returns to the valley");
    }

    #[test]
    fn a_heading_that_agrees_trims_the_meta_title() {
        // og:title carries a site part the site name does not announce; the h1 agrees with the rest.
        assert_eq!(
            pick("x", Some("Why the ferry runs late | HARBOURLOG"), &["Why the ferry runs late"], None),
            "Why the ferry runs late"
        );
        assert_eq!(
            pick(
                "x",
                Some("Harbour Forum-Why the ferry runs late"),
                &["Why the ferry runs late"],
                Some("Harbour Forum")
            ),
            "Why the ferry runs late"
        );
        // A logo h1 naming the site is not the headline.
        assert_eq!(
            pick("x", Some("Why the ferry runs late | Harbour Log"), &["Harbour Log"], Some("Harbour Log")),
            "Why the ferry runs late"
        );
        // A short part that only one source gives stays inside the longer headline.
        assert_eq!(
            pick("x", Some("Budget talks - what changes for renters in May"), &["Budget talks"], None),
            "Budget talks - what changes for renters in May"
        );
    }

    #[test]
    fn a_json_ld_description_is_no_headline() {
        let c = |headline| Candidates {
            title_tag: "Harbour ferry - Encyclopedia",
            og: Some("Harbour ferry"),
            headline: Some(headline),
            h1s: &["Harbour ferry"],
            site_name: None,
        };
        assert_eq!(choose(&c("boat that carries people across a harbour")).as_deref(), Some("Harbour ferry"));
        assert_eq!(choose(&c("The harbour ferry returns")).as_deref(), Some("The harbour ferry returns"));
    }

    #[test]
    fn colons_inside_headlines_stay() {
        assert_eq!(
            pick("Tokyo: the city that never sleeps | Guide", None, &["Tokyo: the city that never sleeps"], None),
            "Tokyo: the city that never sleeps"
        );
        assert_eq!(pick("Budget: what changes in May", None, &[], None), "Budget: what changes in May");
    }

    #[test]
    fn site_parts() {
        assert_eq!(site_part("Rain returns | Valley Post", "Rain returns").as_deref(), Some("Valley Post"));
        assert_eq!(site_part("Valley Post: Rain returns", "Rain returns").as_deref(), Some("Valley Post"));
        assert_eq!(site_part("Rain returns", "Rain returns"), None);
        assert_eq!(site_part("Rain returns again", "Rain returns"), None);
    }

    #[test]
    fn missing_title_falls_back() {
        assert_eq!(pick("", Some("From the og tag"), &[], None), "From the og tag");
        assert_eq!(pick("  ", None, &["Heading one"], None), "Heading one");
    }
}
