//! Dates: normalized to ISO 8601 (`YYYY-MM-DD`, with time and offset when the source has
//! them), from metadata values, date elements, the URL and short date lines.

use crate::scan::signals::sig;
use crate::scan::Scan;

/// Month names and their common abbreviations, by language, lower-case; a token matches a
/// name when it starts with it (so `sept.`, `julio`, `juli`, `июля` all match).
const MONTHS: &[(&str, u8)] = &[
    // English, German, Dutch, Swedish, Danish, Norwegian
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("mär", 3),
    ("maa", 3),
    ("apr", 4),
    ("may", 5),
    ("mai", 5),
    ("mei", 5),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("okt", 10),
    ("nov", 11),
    ("dec", 12),
    ("dez", 12),
    // French
    ("janv", 1),
    ("févr", 2),
    ("fév", 2),
    ("fevr", 2),
    ("mars", 3),
    ("avr", 4),
    ("juin", 6),
    ("juil", 7),
    ("août", 8),
    ("aout", 8),
    ("déc", 12),
    // Spanish, Portuguese, Italian
    ("ene", 1),
    ("enero", 1),
    ("gen", 1),
    ("fev", 2),
    ("abr", 4),
    ("mag", 5),
    ("mayo", 5),
    ("giu", 6),
    ("lug", 7),
    ("ago", 8),
    ("set", 9),
    ("sett", 9),
    ("out", 10),
    ("ott", 10),
    ("dic", 12),
    ("dez", 12),
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    // Polish (genitive)
    ("stycz", 1),
    ("lut", 2),
    ("marc", 3),
    ("kwiet", 4),
    ("maj", 5),
    ("czerw", 6),
    ("lip", 7),
    ("sierp", 8),
    ("wrze", 9),
    ("paździer", 10),
    ("listopad", 11),
    ("grud", 12),
    // Russian (nominative and genitive stems)
    ("янв", 1),
    ("фев", 2),
    ("мар", 3),
    ("апр", 4),
    ("мая", 5),
    ("май", 5),
    ("июн", 6),
    ("июл", 7),
    ("авг", 8),
    ("сен", 9),
    ("окт", 10),
    ("ноя", 11),
    ("дек", 12),
];

/// Month number of a word, if it names a month.
pub fn month_of(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.chars().count() < 3 {
        return None;
    }
    // Most month names are passed over by their first byte.
    let first = w.as_bytes().first();
    MONTHS
        .iter()
        .filter(|(m, _)| m.as_bytes().first() == first && w.starts_with(m))
        .max_by_key(|(m, _)| m.len())
        .map(|(_, n)| *n)
}

fn valid(y: u32, m: u32, d: u32) -> bool {
    (1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
}

fn ymd(y: u32, m: u32, d: u32) -> Option<String> {
    valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

fn digits(s: &str) -> Option<u32> {
    (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

/// Normalizes a date or date-time to ISO 8601; `None` when it is not one.
pub fn normalize(value: &str) -> Option<String> {
    let s = value.trim();
    if s.is_empty() || s.len() > 80 || !has_year_digits(s) {
        return None;
    }
    iso(s).or_else(|| epoch(s)).or_else(|| numeric(s)).or_else(|| cjk(s)).or_else(|| textual(s))
}

/// Whether a short line holds a date: as a whole ("3 July 2024") or in one of its words
/// ("Aktualisiert am 14.03.2024, 11:02 Uhr").
pub fn in_line(text: &str) -> bool {
    has_year_digits(text)
        && (normalize(text).is_some()
            || text
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| matches!(c, ',' | ';' | '(' | ')' | '|')))
                .any(|w| iso(w).or_else(|| numeric(w)).is_some() && w.len() >= 8))
}

/// Whether `s` has the four ASCII digits that every date read here needs (its year, 1900 to
/// 2100, or an epoch time): a quick test that spares most text the parsers.
fn has_year_digits(s: &str) -> bool {
    s.bytes().filter(u8::is_ascii_digit).nth(3).is_some()
}

/// `2024年7月3日` (Chinese, Japanese) and `2024년 7월 3일` (Korean).
fn cjk(s: &str) -> Option<String> {
    let mut nums = s.split(['年', '月', '日', '년', '월', '일']).map(str::trim).take(3).map(digits);
    let (y, m, d) = (nums.next()??, nums.next()??, nums.next()??);
    (s.contains('年') || s.contains('년')).then(|| ymd(y, m, d)).flatten()
}

/// `YYYY-MM-DD[(T| )hh:mm[:ss[.frac]]][Z|±hh[:]mm]`, kept as given (a space becomes `T`).
fn iso(s: &str) -> Option<String> {
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let date = ymd(digits(s.get(0..4)?)?, digits(s.get(5..7)?)?, digits(s.get(8..10)?)?)?;
    let rest = s.get(10..)?;
    let Some(time) = rest.strip_prefix('T').or_else(|| rest.strip_prefix(' ')) else {
        return Some(date);
    };
    let tb = time.as_bytes();
    if tb.len() < 5 || !tb[0].is_ascii_digit() || !tb[1].is_ascii_digit() || tb[2] != b':' {
        return Some(date);
    }
    let end = time
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, ':' | '.' | ',' | '+' | '-' | 'Z' | 'z')))
        .unwrap_or(time.len());
    let t = time.get(..end)?.trim_end_matches([':', '.', ',', '+', '-']);
    Some(format!("{date}T{t}"))
}

/// Unix time in seconds or milliseconds (10 or 13 digits), as a UTC date.
fn epoch(s: &str) -> Option<String> {
    if !(s.len() == 10 || s.len() == 13) || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let secs: i64 = s.get(..10)?.parse().ok()?;
    let days = secs.div_euclid(86_400);
    // Civil-from-days (proleptic Gregorian), for days since 1970-01-01.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as u32;
    ymd(y, m, d)
}

/// `YYYY/MM/DD`, `YYYY.MM.DD`, `YYYYMMDD`, `DD.MM.YYYY`, `DD/MM/YYYY` or `MM/DD/YYYY`
/// (day first when the first number cannot be a month), optionally followed by a time.
fn numeric(s: &str) -> Option<String> {
    let head = s.split([' ', 'T', ',']).next()?;
    if head.len() == 8 && head.bytes().all(|b| b.is_ascii_digit()) {
        return ymd(head.get(0..4)?.parse().ok()?, head.get(4..6)?.parse().ok()?, head.get(6..8)?.parse().ok()?);
    }
    let parts: Vec<&str> = head.split(['/', '.', '-']).collect();
    if parts.len() != 3 {
        return None;
    }
    let n: Vec<u32> = parts.iter().map(|p| digits(p)).collect::<Option<_>>()?;
    if parts[0].len() == 4 {
        return ymd(n[0], n[1], n[2]);
    }
    if parts[2].len() != 4 {
        return None;
    }
    let day_first = head.contains('.') || n[0] > 12;
    if day_first {
        ymd(n[2], n[1], n[0])
    } else {
        ymd(n[2], n[0], n[1])
    }
}

/// Dates with a month name: `July 3, 2024`, `3 Jul 2024`, `Wed, 03 Jul 2024 13:05:00 GMT`,
/// `3. März 2024`, `3 июля 2024 г.`; the time of day is kept when given.
fn textual(s: &str) -> Option<String> {
    let mut year = None;
    let mut month = None;
    let mut day = None;
    let mut time: Option<String> = None;
    let mut zone: Option<String> = None;
    for raw in s.split(|c: char| c.is_whitespace() || c == ',' || c == '/') {
        let w = raw.trim_matches(|c: char| matches!(c, '.' | '(' | ')' | '年' | '月' | '日'));
        if w.is_empty() {
            continue;
        }
        if w.contains(':') && w.as_bytes().first().is_some_and(u8::is_ascii_digit) && time.is_none() {
            let hm: Vec<&str> = w.split(':').collect();
            if hm.len() >= 2 && hm.iter().all(|p| digits(p).is_some()) {
                time = Some(if hm.len() == 2 { format!("{w}:00") } else { w.to_string() });
            }
            continue;
        }
        if matches!(w, "GMT" | "UTC" | "Z") && time.is_some() {
            zone = Some("Z".into());
            continue;
        }
        if (w.starts_with('+') || w.starts_with('-')) && w.len() == 5 && time.is_some() {
            if let Some(d) = digits(&w[1..]) {
                zone = Some(format!("{}{:02}:{:02}", &w[..1], d / 100, d % 100));
            }
            continue;
        }
        let num = w.trim_end_matches(|c: char| c.is_alphabetic());
        if let Some(n) = digits(num).filter(|_| !num.is_empty()) {
            if num.len() == 4 && year.is_none() {
                year = Some(n);
            } else if num.len() <= 2 && day.is_none() && (1..=31).contains(&n) {
                day = Some(n);
            }
        } else if month.is_none() {
            month = month_of(w);
        }
    }
    let date = ymd(year?, u32::from(month?), day?)?;
    Some(match (time, zone) {
        (Some(t), Some(z)) => format!("{date}T{t}{z}"),
        (Some(t), None) => format!("{date}T{t}"),
        _ => date,
    })
}

/// A date in a URL path: `/2024/07/03/`, `/2024-07-03-`, `/20240703/`.
pub fn from_url(url: &str) -> Option<String> {
    let path = url.split_once("://").map_or(url, |(_, r)| r);
    let path = path.get(path.find('/')?..)?;
    for (i, &byte) in path.as_bytes().iter().enumerate() {
        if byte != b'/' && byte != b'-' {
            continue;
        }
        let rest = path.get(i + 1..)?;
        let cand: String = rest.chars().take(10).collect();
        if let Some(d) = numeric(&cand.replace('/', "-")).filter(|_| cand.starts_with("19") || cand.starts_with("20")) {
            if cand.len() == 10 && matches!(cand.as_bytes()[4], b'/' | b'-') {
                return Some(d);
            }
        }
        let eight: String = rest.chars().take(9).collect();
        if eight.len() == 9 && eight.as_bytes()[8] == b'/' {
            if let Some(d) = numeric(&eight[..8]).filter(|_| eight.starts_with("20")) {
                return Some(d);
            }
        }
    }
    None
}

/// The publication date from `<time>` and date-itemprop elements, or from a short date line
/// marked as such by its class.
pub fn from_elements(scan: &Scan) -> Option<String> {
    let dates = &scan.meta.dates;
    let published = dates.iter().filter(|d| d.itemprop.as_deref().is_some_and(|p| p.contains("datePublished")));
    let any = dates.iter().filter(|d| !d.itemprop.as_deref().is_some_and(|p| p.contains("dateModified")));
    published
        .chain(any)
        .find_map(|d| d.value.as_deref().and_then(normalize).or_else(|| normalize(scan.text_of(d.id))))
        .or_else(|| {
            scan.rows
                .iter()
                .enumerate()
                .filter(|(_, r)| r.has(sig::DATE) && r.text_end - r.text_start < 80)
                .find_map(|(i, _)| normalize(scan.text_of(i as u32)))
        })
}

/// Words that mark a date line as the last update, not the publication.
const UPDATE_WORDS: &[&str] = &[
    "updated",
    "modified",
    "edited",
    "aktualisiert",
    "geändert",
    "mis à jour",
    "modifié",
    "actualizado",
    "atualizado",
    "aggiornato",
    "bijgewerkt",
    "обновлено",
    "更新",
];

/// A date written out on a short line among `rows` ("Published August 7, 2023", "By Jane
/// Roe - Mar 27, 2024", "[Submitted on 18 Dec 2025]", "20 Dec 2025, 11:59"), skipping lines
/// about an update. Only a day, a month name and a four-digit year side by side, or a whole
/// numeric date, count: a loose reading would take names for months.
pub fn from_lines(scan: &Scan, rows: std::ops::Range<usize>) -> Option<String> {
    rows.filter(|&i| scan.rows.get(i).is_some_and(|r| r.text_end - r.text_start <= 100 && r.text_end > r.text_start))
        .map(|i| scan.text_of(i as u32).trim())
        .filter(|t| {
            let lower = t.to_lowercase();
            !UPDATE_WORDS.iter().any(|w| lower.contains(w))
        })
        .find_map(date_in_line)
}

/// A date in a line, by the strict reading of [`from_lines`].
fn date_in_line(line: &str) -> Option<String> {
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '[' | ']' | '(' | ')' | '|' | '·' | '•'))
        .filter(|w| !w.is_empty())
        .collect();
    let day = |w: &str| {
        let n = w.trim_end_matches('.').trim_end_matches(|c: char| c.is_ascii_alphabetic());
        digits(n).filter(|d| n.len() <= 2 && (1..=31).contains(d))
    };
    let year = |w: &str| digits(w.trim_end_matches('.')).filter(|_| w.trim_end_matches('.').len() == 4);
    for k in 0..words.len() {
        let w = words[k];
        let whole = w.len() == 10 || w.as_bytes().get(10) == Some(&b'T');
        if let Some(d) = iso(w).filter(|_| whole).or_else(|| numeric(w).filter(|_| w.len() >= 8)) {
            return Some(d);
        }
        let (Some(&b), Some(&c)) = (words.get(k + 1), words.get(k + 2)) else { continue };
        if let (Some(m), Some(d), Some(y)) = (month_of(w), day(b), year(c)) {
            return ymd(y, u32::from(m), d);
        }
        if let (Some(d), Some(m), Some(y)) = (day(w), month_of(b), year(c)) {
            return ymd(y, u32::from(m), d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_lines() {
        assert_eq!(date_in_line("Published August 7, 2023").as_deref(), Some("2023-08-07"));
        assert_eq!(date_in_line("By Jane Roe - Mar 27, 2024").as_deref(), Some("2024-03-27"));
        assert_eq!(date_in_line("[Submitted on 18 Dec 2025]").as_deref(), Some("2025-12-18"));
        assert_eq!(date_in_line("Opublikowano 3 lipca 2024, 10:15").as_deref(), Some("2024-07-03"));
        assert_eq!(date_in_line("Stand: 14.03.2024").as_deref(), Some("2024-03-14"));
        // Day, month and year must stand side by side; version strings are not dates.
        assert_eq!(date_in_line("Marco Rossi, 12 comments, 2024"), None);
        assert_eq!(date_in_line("API 2026-02-25.clover"), None);
    }

    #[test]
    fn iso_values_keep_their_offset() {
        assert_eq!(normalize("2024-07-03T14:21:00+00:00").as_deref(), Some("2024-07-03T14:21:00+00:00"));
        assert_eq!(normalize("2024-07-03 14:21").as_deref(), Some("2024-07-03T14:21"));
        assert_eq!(normalize("2024-07-03").as_deref(), Some("2024-07-03"));
        assert_eq!(normalize("2024-13-03"), None);
    }

    #[test]
    fn other_forms() {
        assert_eq!(normalize("Wed, 03 Jul 2024 13:05:00 GMT").as_deref(), Some("2024-07-03T13:05:00Z"));
        assert_eq!(normalize("July 3, 2024").as_deref(), Some("2024-07-03"));
        assert_eq!(normalize("3 Jul, 2024 13:05").as_deref(), Some("2024-07-03T13:05:00"));
        assert_eq!(normalize("3. März 2024").as_deref(), Some("2024-03-03"));
        assert_eq!(normalize("3 июля 2024 г.").as_deref(), Some("2024-07-03"));
        assert_eq!(normalize("03.07.2024").as_deref(), Some("2024-07-03"));
        assert_eq!(normalize("2024年7月3日").as_deref(), Some("2024-07-03"));
        assert_eq!(normalize("1720000000").as_deref(), Some("2024-07-03"));
        assert_eq!(normalize("20240703").as_deref(), Some("2024-07-03"));
        assert_eq!(normalize("hello"), None);
    }

    #[test]
    fn dates_in_urls() {
        assert_eq!(from_url("https://x.example/2024/07/03/story").as_deref(), Some("2024-07-03"));
        assert_eq!(from_url("https://x.example/news/2024-07-03-story").as_deref(), Some("2024-07-03"));
        assert_eq!(from_url("https://x.example/india/600420-story/"), None);
    }
}
