//! The byline: authors from JSON-LD, `<meta>`, microdata, `rel=author` links or a short
//! "By …" line, without the "By" and in any of the supported languages.

use super::jsonld::LinkedData;
use crate::html::tags::known;
use crate::scan::signals::sig;
use crate::scan::Scan;

/// Words that introduce a byline, lower-case, longest first where one extends another.
const PREFIXES: &[&str] = &[
    "written by",
    "posted by",
    "published by",
    "story by",
    "words by",
    "text by",
    "report by",
    "by",
    "von",
    "text:",
    "texte :",
    "texte:",
    "par",
    "por",
    "di",
    "door",
    "av",
    "af",
    "od",
    "de",
    "autor:",
    "autorin:",
    "autore:",
    "auteur :",
    "auteur:",
    "author:",
    "authors:",
    "autor",
    "автор:",
    "авторы:",
    "текст:",
    "автор",
    "文／",
    "文/",
    "記者：",
    "記者",
    "作者：",
    "作者:",
    "著者：",
    "筆者：",
];

/// Removes a leading byline word and trims separators; `None` when nothing name-like is left.
pub fn clean(raw: &str) -> Option<String> {
    let mut s = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    loop {
        let lower = s.to_lowercase();
        let Some(p) = PREFIXES.iter().find(|p| {
            lower.starts_with(*p)
                && lower[p.len()..].chars().next().is_some_and(|c| c == ' ' || c == ':' || !p.is_ascii())
        }) else {
            break;
        };
        s = s.get(p.len()..).unwrap_or("").trim_start_matches([' ', ':', '：']).to_string();
    }
    let s = cut_trailer(&s);
    let s =
        s.trim_matches(|c: char| c.is_whitespace() || matches!(c, '|' | '-' | '–' | '—' | ',' | '·' | '•')).to_string();
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    // A label standing alone ("Author", "Autor", "Written by") is no name.
    let lower = s.to_lowercase();
    let label = PREFIXES.iter().any(|p| p.trim_end_matches([':', ' ', '：', '／', '/']) == lower);
    let valid = !label && letters >= 2 && s.chars().count() <= 120 && !s.contains("://") && !s.starts_with('@');
    valid.then_some(s)
}

/// Cuts what follows the names on a byline line: a separator, a date, "Follow @…", "Updated".
fn cut_trailer(s: &str) -> String {
    let mut s = s;
    for sep in [
        " | ",
        " · ",
        " • ",
        " — ",
        " – ",
        " - ",
        "\n",
        " Follow ",
        " Updated ",
        " Published ",
        " Posted ",
        " Aktualisiert",
        " Mis à jour",
        " Actualizado",
    ] {
        if let Some(i) = s.find(sep).filter(|&i| i > 0) {
            s = &s[..i];
        }
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    for (k, w) in words.iter().enumerate().skip(1) {
        let month = super::date::month_of(w).is_some()
            && words.get(k + 1).is_some_and(|n| n.chars().next().is_some_and(|c| c.is_ascii_digit()));
        let number = w.chars().filter(char::is_ascii_digit).count() >= 2;
        if month || number {
            return words[..k].join(" ");
        }
    }
    s.to_string()
}

/// "Roe, Jane" (the family-name-first form of scholarly citation metas) as "Jane Roe".
fn given_name_first(name: &str) -> String {
    match name.split_once(',') {
        Some((family, given)) if !given.contains(',') && !family.trim().is_empty() && !given.trim().is_empty() => {
            format!("{} {}", given.trim(), family.trim())
        }
        _ => name.to_string(),
    }
}

/// A name without the web address or e-mail given after it in brackets:
/// "Jane Roe (https://example.org/jane)", "Jane Roe <jane@example.org>".
fn without_contacts(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(open) = rest.find(['(', '<', '[']) {
        let close = match rest.as_bytes()[open] {
            b'(' => ')',
            b'<' => '>',
            _ => ']',
        };
        let Some(len) = rest[open..].find(close) else { break };
        let inside = &rest[open + 1..open + len];
        out.push_str(&rest[..open]);
        if inside.contains("://") || inside.contains('@') || inside.starts_with("www.") {
            out.truncate(out.trim_end().len());
        } else {
            out.push_str(&rest[open..=open + len]);
        }
        rest = &rest[open + len + 1..];
    }
    out.push_str(rest);
    out.trim().to_string()
}

fn join(names: Vec<String>) -> Option<String> {
    let mut uniq: Vec<String> = Vec::new();
    for n in names.into_iter().filter_map(|n| clean(&n)) {
        if !uniq.iter().any(|u| u.eq_ignore_ascii_case(&n)) {
            uniq.push(n);
        }
    }
    (!uniq.is_empty()).then(|| uniq.join(", "))
}

/// Byline words so short that they also start ordinary phrases; they count only before two
/// capitalized words.
const SHORT_PREFIXES: &[&str] = &["di", "de", "av", "af", "od"];

/// Byline words that may follow a few other words ("Story and photos by Jane Doe"); each
/// starts with a space.
const INNER_BY: &[&str] = &[" by ", " von ", " par ", " por ", " door "];

/// Whether the words after a byline word start with a capitalized name (two words when `two`).
fn starts_name(rest: &str, two: bool) -> bool {
    let mut names = rest.trim_start_matches([' ', ':', '：']).split_whitespace();
    let cap = |w: Option<&str>| {
        w.and_then(|w| w.chars().next()).is_some_and(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()))
    };
    cap(names.next()) && (!two || cap(names.next()))
}

/// The byline in one segment of a line, from its names on, if the segment is one.
fn byline_in_segment(seg: &str) -> Option<&str> {
    let lower = if seg.is_ascii() { seg.to_ascii_lowercase() } else { seg.to_lowercase() };
    if lower.len() != seg.len() {
        // Case folding changed byte offsets; only prefix checks are safe here.
        return PREFIXES.iter().find(|p| lower.starts_with(*p) && !SHORT_PREFIXES.contains(p)).and(Some(seg));
    }
    let first = lower.as_bytes().first();
    for p in PREFIXES {
        // Most prefixes are passed over by their first byte.
        if p.as_bytes().first() != first {
            continue;
        }
        let Some(rest) = seg.get(p.len()..) else { continue };
        let joined = rest.starts_with([' ', ':', '：']) || !p.is_ascii();
        if lower.starts_with(*p) && joined && starts_name(rest, SHORT_PREFIXES.contains(p)) {
            return Some(seg);
        }
    }
    INNER_BY.iter().find_map(|p| {
        // Every inner word starts with a space: only the spaces are tried, with no
        // `str::find` searcher set up per call.
        let k = memchr::memchr_iter(b' ', lower.as_bytes()).find(|&k| lower.as_bytes()[k..].starts_with(p.as_bytes()))?;
        let rest = seg.get(k + p.len()..)?;
        (lower[..k].split_whitespace().count() <= 3 && starts_name(rest, true)).then_some(rest)
    })
}

/// The byline part of a short line: the line may hold other parts after separators
/// ("Di Giulia Rossi · 5 ottobre 2024").
fn byline_part(line: &str) -> Option<&str> {
    if !(3..=100).contains(&line.chars().count()) {
        return None;
    }
    line.split(['·', '|', '•']).map(str::trim).find_map(byline_in_segment)
}

/// Whether a short text line reads like a byline: a byline word, then a capitalized name.
pub fn looks_like_byline(line: &str) -> bool {
    byline_part(line).is_some()
}

/// Chooses the byline; `window` holds the elements around the headline (see `near_headline`).
pub fn choose(scan: &Scan, ld: &LinkedData, window: std::ops::Range<usize>) -> Option<String> {
    let m = &scan.meta;
    if let Some(b) = join(ld.authors.clone()) {
        return Some(b);
    }
    for key in [
        "dc:creator",
        "dcterm:creator",
        "dcterms:creator",
        "author",
        "parsely-author",
        "article:author",
        "og:article:author",
        "sailthru.author",
        "byl",
        "cxenseparse:author",
        "citation_author",
    ] {
        let values: Vec<String> = m
            .metas_named(key)
            .map(without_contacts)
            .filter(|v| !v.contains("://"))
            .map(|v| if key == "citation_author" { given_name_first(&v) } else { v })
            .collect();
        if let Some(b) = join(values) {
            return Some(b);
        }
    }
    let microdata: Vec<String> = m
        .author_elements
        .iter()
        .filter(|&&id| scan.rows.get(id as usize).is_some_and(|r| r.tag != known::META && r.tag != known::LINK))
        .map(|&id| {
            // Prefer a nested itemprop=name.
            let inner = m.name_elements.iter().find(|&&n| {
                n > id
                    && scan.rows.get(n as usize).is_some_and(|r| {
                        r.text_start >= scan.rows[id as usize].text_start
                            && r.text_end <= scan.rows[id as usize].text_end
                    })
            });
            scan.text_of(inner.copied().unwrap_or(id)).to_string()
        })
        .collect();
    if let Some(b) = join(microdata) {
        return Some(b);
    }
    if let Some(b) = join(m.author_links.iter().map(|&id| scan.text_of(id).to_string()).collect()) {
        return Some(b);
    }
    // A short element marked as a byline, or a short line that reads like one, near the
    // headline (bylines stand just above or below it).
    let short = |i: usize| {
        let r = &scan.rows[i];
        r.text_end > r.text_start && r.text_end - r.text_start <= 160
    };
    // The first line that holds a name (a label may stand on a line of its own).
    let from = |i: usize| {
        scan.text_of(i as u32)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .find_map(|l| clean(byline_part(l).unwrap_or(l)))
    };
    let marked = |i: usize| scan.rows[i].has(sig::AUTHOR) && !scan.rows[i].has(sig::BIO);
    window
        .clone()
        .filter(|&i| short(i) && marked(i))
        .find_map(from)
        .or_else(|| window.filter(|&i| short(i) && looks_like_byline(scan.text_of(i as u32).trim())).find_map(from))
        .or_else(|| (0..scan.rows.len()).filter(|&i| short(i) && marked(i)).find_map(from))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contacts_after_names_go() {
        assert_eq!(without_contacts("Jane Roe (https://example.org/jane/)"), "Jane Roe");
        assert_eq!(without_contacts("Jan Nowak <jan@example.pl>, Ewa Kos"), "Jan Nowak, Ewa Kos");
        assert_eq!(without_contacts("Jane Roe (Reuters)"), "Jane Roe (Reuters)");
        assert_eq!(without_contacts("https://example.org/jane"), "https://example.org/jane");
    }

    #[test]
    fn citation_names_read_given_name_first() {
        assert_eq!(given_name_first("Roe, Jane"), "Jane Roe");
        assert_eq!(given_name_first("Jane Roe"), "Jane Roe");
        assert_eq!(given_name_first("Roe, Jane, Jr."), "Roe, Jane, Jr.");
    }

    #[test]
    fn a_lone_label_is_no_name() {
        assert_eq!(clean("Author"), None);
        assert_eq!(clean("Written by"), None);
        assert_eq!(clean("Автор:"), None);
        assert_eq!(clean("Author: Jane Roe").as_deref(), Some("Jane Roe"));
    }

    #[test]
    fn prefixes_go() {
        assert_eq!(clean("By Jane Doe").as_deref(), Some("Jane Doe"));
        assert_eq!(clean("  von  Erika Mustermann ").as_deref(), Some("Erika Mustermann"));
        assert_eq!(clean("Автор: Иван Петров").as_deref(), Some("Иван Петров"));
        assert_eq!(clean("文／山田太郎").as_deref(), Some("山田太郎"));
        assert_eq!(clean("Byron Katie").as_deref(), Some("Byron Katie"));
        assert_eq!(clean("https://example.com/me"), None);
    }

    #[test]
    fn inner_byline_words_start_with_a_space() {
        assert!(INNER_BY.iter().all(|p| p.starts_with(' ')));
        assert_eq!(byline_part("Story and photos by Jane Doe"), Some("Jane Doe"));
        assert_eq!(byline_part("Photos: Jan Smit door Piet Jansen"), Some("Piet Jansen"));
        assert_eq!(byline_part("Standby Jane Doe"), None);
    }

    #[test]
    fn byline_lines() {
        assert!(looks_like_byline("By Jane Doe and John Roe"));
        assert!(looks_like_byline("Par Jean Dupont"));
        assert!(!looks_like_byline(
            "by the river we walked for a long time and then we sat down to rest awhile longer"
        ));
        assert!(!looks_like_byline("Bypass closed"));
        assert!(looks_like_byline("Di Giulia Ferraresi · 5 ottobre 2024 · Lettura: 6 minuti"));
        assert!(!looks_like_byline("Di recente abbiamo visto"));
        assert_eq!(byline_part("Monday, May 2 · Story and photos by Earl Bell"), Some("Earl Bell"));
        assert_eq!(clean("Erin Cunningham March 18 at 3:57 PM Follow @erin").as_deref(), Some("Erin Cunningham"));
    }
}
