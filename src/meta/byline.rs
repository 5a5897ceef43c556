//! The byline: authors from JSON-LD, `<meta>`, microdata, `rel=author` links or a short
//! "By …" line, without the "By" and in any of the supported languages.

use super::jsonld::LinkedData;
use crate::scan::signals::sig;
use crate::scan::tags::known;
use crate::scan::Scan;

/// Words that introduce a byline, lower-case, longest first where one extends another.
const PREFIXES: &[&str] = &[
    "written by", "posted by", "published by", "story by", "words by", "text by", "report by",
    "by", "von", "text:", "texte :", "texte:", "par", "por", "di", "door", "av", "af", "od", "de",
    "autor:", "autorin:", "autore:", "auteur :", "auteur:", "author:", "authors:", "autor",
    "автор:", "авторы:", "текст:", "автор", "文／", "文/", "記者：", "記者", "作者：", "作者:", "著者：", "筆者：",
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
    let s = s.trim_matches(|c: char| c.is_whitespace() || matches!(c, '|' | '-' | '–' | '—' | ',' | '·' | '•')).to_string();
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    let valid = letters >= 2 && s.chars().count() <= 120 && !s.contains("://") && !s.starts_with('@');
    valid.then_some(s)
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

/// Whether a short text line reads like a byline: a byline word, then a capitalized name.
pub fn looks_like_byline(line: &str) -> bool {
    let lower = line.to_lowercase();
    let n = line.chars().count();
    (3..=80).contains(&n)
        && PREFIXES.iter().filter(|p| !matches!(**p, "di" | "de" | "av" | "af" | "od")).any(|p| {
            lower.starts_with(*p)
                && line.get(p.len()..).is_some_and(|rest| {
                    let rest = rest.trim_start_matches([' ', ':', '：']);
                    rest.chars().next().is_some_and(|c| c.is_uppercase() || !c.is_ascii())
                })
        })
}

/// Chooses the byline.
pub fn choose(scan: &Scan, ld: &LinkedData) -> Option<String> {
    let m = &scan.meta;
    if let Some(b) = join(ld.authors.clone()) {
        return Some(b);
    }
    let metas: Vec<String> = ["author", "article:author", "parsely-author", "dc.creator", "dcterms.creator", "sailthru.author", "byl", "cxenseparse:author"]
        .iter()
        .flat_map(|k| m.metas.iter().filter(move |(n, _)| n == k))
        .map(|(_, v)| v.clone())
        .filter(|v| !v.contains("://"))
        .collect();
    if let Some(b) = join(metas) {
        return Some(b);
    }
    let microdata: Vec<String> = m
        .author_elements
        .iter()
        .filter(|&&id| scan.rows.get(id as usize).is_some_and(|r| r.tag != known::META && r.tag != known::LINK))
        .map(|&id| {
            // Prefer a nested itemprop=name.
            let inner = m.name_elements.iter().find(|&&n| n > id && scan.rows.get(n as usize).is_some_and(|r| r.text_start >= scan.rows[id as usize].text_start && r.text_end <= scan.rows[id as usize].text_end));
            scan.text_of(inner.copied().unwrap_or(id)).to_string()
        })
        .collect();
    if let Some(b) = join(microdata) {
        return Some(b);
    }
    if let Some(b) = join(m.author_links.iter().map(|&id| scan.text_of(id).to_string()).collect()) {
        return Some(b);
    }
    // A short element marked as a byline, or a short line that reads like one.
    scan.rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.text_end.saturating_sub(r.text_start) <= 160 && r.text_end > r.text_start)
        .filter(|(i, r)| (r.has(sig::AUTHOR) && !r.has(sig::BIO)) || looks_like_byline(scan.text_of(*i as u32).trim()))
        .find_map(|(i, _)| {
            let text = scan.text_of(i as u32);
            let first_line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
            clean(first_line)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn byline_lines() {
        assert!(looks_like_byline("By Jane Doe and John Roe"));
        assert!(looks_like_byline("Par Jean Dupont"));
        assert!(!looks_like_byline("by the river we walked for a long time and then we sat down to rest awhile longer"));
        assert!(!looks_like_byline("Bypass closed"));
    }
}
