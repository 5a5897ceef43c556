//! HTML character references.
//!
//! lol_html hands over text and attribute values with their character references undecoded;
//! [`decode`] turns them into characters the way an HTML5 tokenizer does.
// used by scan and emit
#![allow(dead_code)]

use std::borrow::Cow;

/// Decodes the character references in `s` with HTML5's rules.
///
/// Numeric references (`&#39;`, `&#x27;`, with or without `;`) follow the spec's fix-ups:
/// 0, surrogates and values above U+10FFFF become U+FFFD, and 0x80–0x9F are read as
/// windows-1252. Named references come from a table holding all of HTML 4 and the common
/// HTML5 names; the legacy names (`amp`, `lt`, `nbsp`, the Latin-1 letters, …) also match
/// without `;`. When `in_attribute` is set, such a legacy match followed by `=` or an ASCII
/// letter or digit is left as is, as in browsers. Unknown references stay verbatim.
///
/// Returns `Cow::Borrowed` when nothing was decoded.
pub(crate) fn decode(s: &str, in_attribute: bool) -> Cow<'_, str> {
    let bytes = s.as_bytes();
    let Some(first) = memchr::memchr(b'&', bytes) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::new();
    let mut copied = 0;
    let mut pos = first;
    loop {
        if let Some((ch, end)) = reference_at(bytes, pos, in_attribute) {
            if out.capacity() == 0 {
                out.reserve(s.len());
            }
            push_range(&mut out, s, copied, pos);
            out.push(ch);
            copied = end;
            pos = end;
        } else {
            pos += 1;
        }
        match bytes.get(pos..).and_then(|rest| memchr::memchr(b'&', rest)) {
            Some(offset) => pos += offset,
            None => break,
        }
    }
    if copied == 0 {
        return Cow::Borrowed(s);
    }
    push_range(&mut out, s, copied, s.len());
    Cow::Owned(out)
}

/// Appends `s[from..to]`; both ends always sit next to ASCII bytes, so on char boundaries.
fn push_range(out: &mut String, s: &str, from: usize, to: usize) {
    if let Some(part) = s.get(from..to) {
        out.push_str(part);
    }
}

/// Reads the reference whose `&` is at `amp`: the character and the end of the reference.
fn reference_at(bytes: &[u8], amp: usize, in_attribute: bool) -> Option<(char, usize)> {
    let start = amp + 1;
    match bytes.get(start) {
        Some(b'#') => numeric(bytes, start + 1),
        Some(b) if b.is_ascii_alphanumeric() => named(bytes, start, in_attribute),
        _ => None,
    }
}

/// Reads the digits of a numeric reference starting at `i` (just after `&#`).
fn numeric(bytes: &[u8], mut i: usize) -> Option<(char, usize)> {
    let radix = if matches!(bytes.get(i), Some(b'x' | b'X')) {
        i += 1;
        16
    } else {
        10
    };
    let digits_start = i;
    let mut value: u32 = 0;
    while let Some(digit) = bytes.get(i).and_then(|&b| char::from(b).to_digit(radix)) {
        value = value.saturating_mul(radix).saturating_add(digit);
        i += 1;
    }
    if i == digits_start {
        return None;
    }
    if bytes.get(i) == Some(&b';') {
        i += 1;
    }
    Some((numeric_char(value), i))
}

/// The character a numeric reference stands for, after HTML5's replacements.
fn numeric_char(value: u32) -> char {
    if value == 0 {
        return '\u{FFFD}';
    }
    if let Some(index) = value.checked_sub(0x80) {
        if let Some(&mapped) = WINDOWS_1252_C1.get(index as usize) {
            if mapped != '\0' {
                return mapped;
            }
        }
    }
    // Surrogates and values above U+10FFFF are not chars.
    char::from_u32(value).unwrap_or('\u{FFFD}')
}

/// windows-1252's characters for 0x80–0x9F; `'\0'` where the code point stays as is.
const WINDOWS_1252_C1: [char; 32] = [
    '\u{20AC}', '\0', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}', '\u{02C6}', '\u{2030}',
    '\u{0160}', '\u{2039}', '\u{0152}', '\0', '\u{017D}', '\0', //
    '\0', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}', '\u{02DC}', '\u{2122}',
    '\u{0161}', '\u{203A}', '\u{0153}', '\0', '\u{017E}', '\u{0178}',
];

/// Longest name that may appear without `;`.
const LONGEST_LEGACY: usize = 6;

/// Reads a named reference whose name starts at `start`.
fn named(bytes: &[u8], start: usize, in_attribute: bool) -> Option<(char, usize)> {
    let mut end = start;
    while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
        end += 1;
    }
    let run = bytes.get(start..end)?;
    if bytes.get(end) == Some(&b';') {
        if let Some((ch, _)) = lookup(run) {
            return Some((ch, end + 1));
        }
    }
    // No `name;` match: the longest legacy name that prefixes the run, as the tokenizer does.
    for len in (2..=run.len().min(LONGEST_LEGACY)).rev() {
        let Some((ch, true)) = run.get(..len).and_then(lookup) else {
            continue;
        };
        let next = bytes.get(start + len);
        if in_attribute && next.is_some_and(|&b| b == b'=' || b.is_ascii_alphanumeric()) {
            return None;
        }
        return Some((ch, start + len));
    }
    None
}

/// Finds a name in [`ENTITIES`]: its character and whether it may appear without `;`.
fn lookup(name: &[u8]) -> Option<(char, bool)> {
    ENTITIES
        .binary_search_by(|(n, _, _)| n.as_bytes().cmp(name))
        .ok()
        .and_then(|i| ENTITIES.get(i))
        .map(|&(_, ch, legacy)| (ch, legacy))
}

/// Named references sorted by name bytes: name, character, and whether the name is one of
/// HTML5's legacy names that also match without `;`. Holds the 253 names of HTML 4.01 (with
/// HTML5's values for `lang` and `rang`) and common HTML5 additions.
static ENTITIES: &[(&str, char, bool)] = &[
    ("AElig", '\u{c6}', true),
    ("AMP", '\u{26}', true),
    ("Aacute", '\u{c1}', true),
    ("Acirc", '\u{c2}', true),
    ("Agrave", '\u{c0}', true),
    ("Alpha", '\u{391}', false),
    ("ApplyFunction", '\u{2061}', false),
    ("Aring", '\u{c5}', true),
    ("Atilde", '\u{c3}', true),
    ("Auml", '\u{c4}', true),
    ("Beta", '\u{392}', false),
    ("COPY", '\u{a9}', true),
    ("Ccedil", '\u{c7}', true),
    ("CenterDot", '\u{b7}', false),
    ("Chi", '\u{3a7}', false),
    ("CloseCurlyDoubleQuote", '\u{201d}', false),
    ("CloseCurlyQuote", '\u{2019}', false),
    ("Dagger", '\u{2021}', false),
    ("Delta", '\u{394}', false),
    ("DiacriticalGrave", '\u{60}', false),
    ("Dot", '\u{a8}', false),
    ("DoubleDot", '\u{a8}', false),
    ("DownArrow", '\u{2193}', false),
    ("ETH", '\u{d0}', true),
    ("Eacute", '\u{c9}', true),
    ("Ecirc", '\u{ca}', true),
    ("Egrave", '\u{c8}', true),
    ("Epsilon", '\u{395}', false),
    ("Eta", '\u{397}', false),
    ("Euml", '\u{cb}', true),
    ("GT", '\u{3e}', true),
    ("Gamma", '\u{393}', false),
    ("Hat", '\u{5e}', false),
    ("Iacute", '\u{cd}', true),
    ("Icirc", '\u{ce}', true),
    ("Igrave", '\u{cc}', true),
    ("Im", '\u{2111}', false),
    ("InvisibleComma", '\u{2063}', false),
    ("InvisibleTimes", '\u{2062}', false),
    ("Iota", '\u{399}', false),
    ("Iuml", '\u{cf}', true),
    ("Kappa", '\u{39a}', false),
    ("LT", '\u{3c}', true),
    ("Lambda", '\u{39b}', false),
    ("LeftArrow", '\u{2190}', false),
    ("Leftarrow", '\u{21d0}', false),
    ("Leftrightarrow", '\u{21d4}', false),
    ("MediumSpace", '\u{205f}', false),
    ("Mu", '\u{39c}', false),
    ("NegativeMediumSpace", '\u{200b}', false),
    ("NegativeThickSpace", '\u{200b}', false),
    ("NegativeThinSpace", '\u{200b}', false),
    ("NegativeVeryThinSpace", '\u{200b}', false),
    ("NewLine", '\u{a}', false),
    ("NoBreak", '\u{2060}', false),
    ("NonBreakingSpace", '\u{a0}', false),
    ("NotEqual", '\u{2260}', false),
    ("Ntilde", '\u{d1}', true),
    ("Nu", '\u{39d}', false),
    ("OElig", '\u{152}', false),
    ("Oacute", '\u{d3}', true),
    ("Ocirc", '\u{d4}', true),
    ("Ograve", '\u{d2}', true),
    ("Omega", '\u{3a9}', false),
    ("Omicron", '\u{39f}', false),
    ("OpenCurlyDoubleQuote", '\u{201c}', false),
    ("OpenCurlyQuote", '\u{2018}', false),
    ("Oslash", '\u{d8}', true),
    ("Otilde", '\u{d5}', true),
    ("Ouml", '\u{d6}', true),
    ("Phi", '\u{3a6}', false),
    ("Pi", '\u{3a0}', false),
    ("PlusMinus", '\u{b1}', false),
    ("Prime", '\u{2033}', false),
    ("Psi", '\u{3a8}', false),
    ("QUOT", '\u{22}', true),
    ("REG", '\u{ae}', true),
    ("Re", '\u{211c}', false),
    ("Rho", '\u{3a1}', false),
    ("RightArrow", '\u{2192}', false),
    ("Rightarrow", '\u{21d2}', false),
    ("Scaron", '\u{160}', false),
    ("Sigma", '\u{3a3}', false),
    ("Star", '\u{22c6}', false),
    ("THORN", '\u{de}', true),
    ("TRADE", '\u{2122}', false),
    ("Tab", '\u{9}', false),
    ("Tau", '\u{3a4}', false),
    ("Theta", '\u{398}', false),
    ("ThinSpace", '\u{2009}', false),
    ("Uacute", '\u{da}', true),
    ("Ucirc", '\u{db}', true),
    ("Ugrave", '\u{d9}', true),
    ("UnderBar", '\u{5f}', false),
    ("UpArrow", '\u{2191}', false),
    ("Upsilon", '\u{3a5}', false),
    ("Uuml", '\u{dc}', true),
    ("Verbar", '\u{2016}', false),
    ("Vert", '\u{2016}', false),
    ("VerticalLine", '\u{7c}', false),
    ("VeryThinSpace", '\u{200a}', false),
    ("Xi", '\u{39e}', false),
    ("Yacute", '\u{dd}', true),
    ("Yuml", '\u{178}', false),
    ("ZeroWidthSpace", '\u{200b}', false),
    ("Zeta", '\u{396}', false),
    ("aacute", '\u{e1}', true),
    ("acirc", '\u{e2}', true),
    ("acute", '\u{b4}', true),
    ("aelig", '\u{e6}', true),
    ("af", '\u{2061}', false),
    ("agrave", '\u{e0}', true),
    ("alefsym", '\u{2135}', false),
    ("aleph", '\u{2135}', false),
    ("alpha", '\u{3b1}', false),
    ("amp", '\u{26}', true),
    ("and", '\u{2227}', false),
    ("ang", '\u{2220}', false),
    ("angst", '\u{c5}', false),
    ("apos", '\u{27}', false),
    ("aring", '\u{e5}', true),
    ("ast", '\u{2a}', false),
    ("asymp", '\u{2248}', false),
    ("atilde", '\u{e3}', true),
    ("auml", '\u{e4}', true),
    ("backprime", '\u{2035}', false),
    ("bdquo", '\u{201e}', false),
    ("beta", '\u{3b2}', false),
    ("bigstar", '\u{2605}', false),
    ("bprime", '\u{2035}', false),
    ("brvbar", '\u{a6}', true),
    ("bsemi", '\u{204f}', false),
    ("bsol", '\u{5c}', false),
    ("bull", '\u{2022}', false),
    ("bullet", '\u{2022}', false),
    ("cap", '\u{2229}', false),
    ("caret", '\u{2041}', false),
    ("ccedil", '\u{e7}', true),
    ("cedil", '\u{b8}', true),
    ("cent", '\u{a2}', true),
    ("centerdot", '\u{b7}', false),
    ("check", '\u{2713}', false),
    ("checkmark", '\u{2713}', false),
    ("chi", '\u{3c7}', false),
    ("circ", '\u{2c6}', false),
    ("circledR", '\u{ae}', false),
    ("clubs", '\u{2663}', false),
    ("colon", '\u{3a}', false),
    ("comma", '\u{2c}', false),
    ("commat", '\u{40}', false),
    ("cong", '\u{2245}', false),
    ("copy", '\u{a9}', true),
    ("copysr", '\u{2117}', false),
    ("crarr", '\u{21b5}', false),
    ("cross", '\u{2717}', false),
    ("cup", '\u{222a}', false),
    ("curren", '\u{a4}', true),
    ("dArr", '\u{21d3}', false),
    ("dagger", '\u{2020}', false),
    ("darr", '\u{2193}', false),
    ("dash", '\u{2010}', false),
    ("ddagger", '\u{2021}', false),
    ("deg", '\u{b0}', true),
    ("delta", '\u{3b4}', false),
    ("diams", '\u{2666}', false),
    ("die", '\u{a8}', false),
    ("div", '\u{f7}', false),
    ("divide", '\u{f7}', true),
    ("dollar", '\u{24}', false),
    ("dot", '\u{2d9}', false),
    ("downarrow", '\u{2193}', false),
    ("eacute", '\u{e9}', true),
    ("ecirc", '\u{ea}', true),
    ("egrave", '\u{e8}', true),
    ("ell", '\u{2113}', false),
    ("empty", '\u{2205}', false),
    ("emsp", '\u{2003}', false),
    ("emsp13", '\u{2004}', false),
    ("emsp14", '\u{2005}', false),
    ("ensp", '\u{2002}', false),
    ("epsilon", '\u{3b5}', false),
    ("equals", '\u{3d}', false),
    ("equiv", '\u{2261}', false),
    ("eta", '\u{3b7}', false),
    ("eth", '\u{f0}', true),
    ("euml", '\u{eb}', true),
    ("euro", '\u{20ac}', false),
    ("excl", '\u{21}', false),
    ("exist", '\u{2203}', false),
    ("female", '\u{2640}', false),
    ("fnof", '\u{192}', false),
    ("forall", '\u{2200}', false),
    ("frac12", '\u{bd}', true),
    ("frac13", '\u{2153}', false),
    ("frac14", '\u{bc}', true),
    ("frac15", '\u{2155}', false),
    ("frac16", '\u{2159}', false),
    ("frac18", '\u{215b}', false),
    ("frac23", '\u{2154}', false),
    ("frac25", '\u{2156}', false),
    ("frac34", '\u{be}', true),
    ("frac35", '\u{2157}', false),
    ("frac38", '\u{215c}', false),
    ("frac45", '\u{2158}', false),
    ("frac56", '\u{215a}', false),
    ("frac58", '\u{215d}', false),
    ("frac78", '\u{215e}', false),
    ("frasl", '\u{2044}', false),
    ("gamma", '\u{3b3}', false),
    ("ge", '\u{2265}', false),
    ("geq", '\u{2265}', false),
    ("grave", '\u{60}', false),
    ("gt", '\u{3e}', true),
    ("hArr", '\u{21d4}', false),
    ("hairsp", '\u{200a}', false),
    ("half", '\u{bd}', false),
    ("harr", '\u{2194}', false),
    ("hbar", '\u{210f}', false),
    ("hearts", '\u{2665}', false),
    ("hellip", '\u{2026}', false),
    ("horbar", '\u{2015}', false),
    ("hyphen", '\u{2010}', false),
    ("iacute", '\u{ed}', true),
    ("ic", '\u{2063}', false),
    ("icirc", '\u{ee}', true),
    ("iexcl", '\u{a1}', true),
    ("iff", '\u{21d4}', false),
    ("igrave", '\u{ec}', true),
    ("image", '\u{2111}', false),
    ("incare", '\u{2105}', false),
    ("infin", '\u{221e}', false),
    ("int", '\u{222b}', false),
    ("iota", '\u{3b9}', false),
    ("iquest", '\u{bf}', true),
    ("isin", '\u{2208}', false),
    ("it", '\u{2062}', false),
    ("iuml", '\u{ef}', true),
    ("kappa", '\u{3ba}', false),
    ("lArr", '\u{21d0}', false),
    ("lambda", '\u{3bb}', false),
    ("lang", '\u{27e8}', false),
    ("laquo", '\u{ab}', true),
    ("larr", '\u{2190}', false),
    ("lbrace", '\u{7b}', false),
    ("lbrack", '\u{5b}', false),
    ("lceil", '\u{2308}', false),
    ("lcub", '\u{7b}', false),
    ("ldquo", '\u{201c}', false),
    ("ldquor", '\u{201e}', false),
    ("le", '\u{2264}', false),
    ("leftarrow", '\u{2190}', false),
    ("leftrightarrow", '\u{2194}', false),
    ("leq", '\u{2264}', false),
    ("lfloor", '\u{230a}', false),
    ("lowast", '\u{2217}', false),
    ("lowbar", '\u{5f}', false),
    ("loz", '\u{25ca}', false),
    ("lozenge", '\u{25ca}', false),
    ("lpar", '\u{28}', false),
    ("lrm", '\u{200e}', false),
    ("lsaquo", '\u{2039}', false),
    ("lsqb", '\u{5b}', false),
    ("lsquo", '\u{2018}', false),
    ("lsquor", '\u{201a}', false),
    ("lt", '\u{3c}', true),
    ("macr", '\u{af}', true),
    ("male", '\u{2642}', false),
    ("mdash", '\u{2014}', false),
    ("micro", '\u{b5}', true),
    ("midast", '\u{2a}', false),
    ("middot", '\u{b7}', true),
    ("minus", '\u{2212}', false),
    ("mldr", '\u{2026}', false),
    ("mu", '\u{3bc}', false),
    ("nabla", '\u{2207}', false),
    ("nbsp", '\u{a0}', true),
    ("ndash", '\u{2013}', false),
    ("ne", '\u{2260}', false),
    ("ni", '\u{220b}', false),
    ("nldr", '\u{2025}', false),
    ("not", '\u{ac}', true),
    ("notin", '\u{2209}', false),
    ("nsub", '\u{2284}', false),
    ("ntilde", '\u{f1}', true),
    ("nu", '\u{3bd}', false),
    ("num", '\u{23}', false),
    ("numero", '\u{2116}', false),
    ("numsp", '\u{2007}', false),
    ("oacute", '\u{f3}', true),
    ("ocirc", '\u{f4}', true),
    ("oelig", '\u{153}', false),
    ("ograve", '\u{f2}', true),
    ("ohm", '\u{3a9}', false),
    ("oline", '\u{203e}', false),
    ("omega", '\u{3c9}', false),
    ("omicron", '\u{3bf}', false),
    ("oplus", '\u{2295}', false),
    ("or", '\u{2228}', false),
    ("ordf", '\u{aa}', true),
    ("ordm", '\u{ba}', true),
    ("oslash", '\u{f8}', true),
    ("otilde", '\u{f5}', true),
    ("otimes", '\u{2297}', false),
    ("ouml", '\u{f6}', true),
    ("para", '\u{b6}', true),
    ("part", '\u{2202}', false),
    ("percnt", '\u{25}', false),
    ("period", '\u{2e}', false),
    ("permil", '\u{2030}', false),
    ("perp", '\u{22a5}', false),
    ("phi", '\u{3c6}', false),
    ("phone", '\u{260e}', false),
    ("pi", '\u{3c0}', false),
    ("piv", '\u{3d6}', false),
    ("planck", '\u{210f}', false),
    ("plus", '\u{2b}', false),
    ("plusmn", '\u{b1}', true),
    ("pm", '\u{b1}', false),
    ("pound", '\u{a3}', true),
    ("prime", '\u{2032}', false),
    ("prod", '\u{220f}', false),
    ("prop", '\u{221d}', false),
    ("psi", '\u{3c8}', false),
    ("puncsp", '\u{2008}', false),
    ("quest", '\u{3f}', false),
    ("quot", '\u{22}', true),
    ("rArr", '\u{21d2}', false),
    ("radic", '\u{221a}', false),
    ("rang", '\u{27e9}', false),
    ("raquo", '\u{bb}', true),
    ("rarr", '\u{2192}', false),
    ("rarrw", '\u{219d}', false),
    ("rbrace", '\u{7d}', false),
    ("rbrack", '\u{5d}', false),
    ("rceil", '\u{2309}', false),
    ("rcub", '\u{7d}', false),
    ("rdquo", '\u{201d}', false),
    ("rdquor", '\u{201d}', false),
    ("real", '\u{211c}', false),
    ("reg", '\u{ae}', true),
    ("rfloor", '\u{230b}', false),
    ("rho", '\u{3c1}', false),
    ("rightarrow", '\u{2192}', false),
    ("rlm", '\u{200f}', false),
    ("rpar", '\u{29}', false),
    ("rsaquo", '\u{203a}', false),
    ("rsqb", '\u{5d}', false),
    ("rsquo", '\u{2019}', false),
    ("rsquor", '\u{2019}', false),
    ("sbquo", '\u{201a}', false),
    ("scaron", '\u{161}', false),
    ("sdot", '\u{22c5}', false),
    ("sect", '\u{a7}', true),
    ("semi", '\u{3b}', false),
    ("setminus", '\u{2216}', false),
    ("shy", '\u{ad}', true),
    ("sigma", '\u{3c3}', false),
    ("sigmaf", '\u{3c2}', false),
    ("sim", '\u{223c}', false),
    ("sol", '\u{2f}', false),
    ("spades", '\u{2660}', false),
    ("star", '\u{2606}', false),
    ("starf", '\u{2605}', false),
    ("sub", '\u{2282}', false),
    ("sube", '\u{2286}', false),
    ("sum", '\u{2211}', false),
    ("sung", '\u{266a}', false),
    ("sup", '\u{2283}', false),
    ("sup1", '\u{b9}', true),
    ("sup2", '\u{b2}', true),
    ("sup3", '\u{b3}', true),
    ("supe", '\u{2287}', false),
    ("szlig", '\u{df}', true),
    ("tau", '\u{3c4}', false),
    ("there4", '\u{2234}', false),
    ("theta", '\u{3b8}', false),
    ("thetasym", '\u{3d1}', false),
    ("thinsp", '\u{2009}', false),
    ("thorn", '\u{fe}', true),
    ("tilde", '\u{2dc}', false),
    ("times", '\u{d7}', true),
    ("tprime", '\u{2034}', false),
    ("trade", '\u{2122}', false),
    ("uArr", '\u{21d1}', false),
    ("uacute", '\u{fa}', true),
    ("uarr", '\u{2191}', false),
    ("ucirc", '\u{fb}', true),
    ("ugrave", '\u{f9}', true),
    ("uml", '\u{a8}', true),
    ("uparrow", '\u{2191}', false),
    ("upsih", '\u{3d2}', false),
    ("upsilon", '\u{3c5}', false),
    ("uuml", '\u{fc}', true),
    ("verbar", '\u{7c}', false),
    ("vert", '\u{7c}', false),
    ("weierp", '\u{2118}', false),
    ("wp", '\u{2118}', false),
    ("xi", '\u{3be}', false),
    ("yacute", '\u{fd}', true),
    ("yen", '\u{a5}', true),
    ("yuml", '\u{ff}', true),
    ("zeta", '\u{3b6}', false),
    ("zwj", '\u{200d}', false),
    ("zwnj", '\u{200c}', false),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> String {
        decode(s, false).into_owned()
    }

    fn attr(s: &str) -> String {
        decode(s, true).into_owned()
    }

    #[test]
    fn table_is_sorted_and_complete() {
        for pair in ENTITIES.windows(2) {
            if let [a, b] = pair {
                assert!(a.0.as_bytes() < b.0.as_bytes(), "{} >= {}", a.0, b.0);
            }
        }
        for (name, _, legacy) in ENTITIES {
            assert!(!legacy || name.len() <= LONGEST_LEGACY, "{name}");
        }
        assert_eq!(ENTITIES.iter().filter(|e| e.2).count(), 106);
        let html4_sample = [
            "nbsp", "yuml", "fnof", "Omega", "piv", "bull", "alefsym", "hArr", "sdot", "diams", "quot", "apos",
            "OElig", "Yuml", "circ", "ensp", "rlm", "permil", "rsaquo", "euro", "loz", "lceil", "thetasym", "upsih",
            "weierp", "there4", "image", "real", "ang",
        ];
        for name in html4_sample {
            assert!(lookup(name.as_bytes()).is_some(), "{name}");
        }
        assert!(ENTITIES.len() > 253);
    }

    #[test]
    fn borrowed_without_references() {
        assert!(matches!(decode("plain text", false), Cow::Borrowed(_)));
        assert!(matches!(decode("a & b &unknown; &#;", false), Cow::Borrowed(_)));
        assert!(matches!(decode("AT&T", true), Cow::Borrowed(_)));
        assert!(matches!(decode("&amp;", false), Cow::Owned(_)));
    }

    #[test]
    fn numeric_references() {
        assert_eq!(text("it&#39;s"), "it's");
        assert_eq!(text("it&#x27;s"), "it's");
        assert_eq!(text("it&#X27;s"), "it's");
        assert_eq!(text("&#x27"), "'");
        assert_eq!(text("&#39 x"), "' x");
        assert_eq!(text("&#0039;"), "'");
        assert_eq!(text("&#x1F600;"), "😀");
        assert_eq!(text("&#128512;"), "😀");
        assert_eq!(text("&#xaBcD;"), "\u{ABCD}");
    }

    #[test]
    fn numeric_edge_cases() {
        assert_eq!(text("&#0;"), "\u{FFFD}");
        assert_eq!(text("&#x0;"), "\u{FFFD}");
        assert_eq!(text("&#xD800;"), "\u{FFFD}");
        assert_eq!(text("&#57343;"), "\u{FFFD}");
        assert_eq!(text("&#x110000;"), "\u{FFFD}");
        assert_eq!(text("&#x10FFFF;"), "\u{10FFFF}");
        assert_eq!(text("&#99999999999999999999999;"), "\u{FFFD}");
        assert_eq!(text("&#xFFFFFFFFFFFFFFFFFFFF;"), "\u{FFFD}");
        assert_eq!(text("&#128;"), "€");
        assert_eq!(text("&#x80;"), "€");
        assert_eq!(text("&#150;&#151;"), "–—");
        assert_eq!(text("&#x92;"), "\u{2019}");
        assert_eq!(text("&#x9F;"), "\u{0178}");
        assert_eq!(text("&#x81;"), "\u{81}");
        assert_eq!(text("&#x9D;"), "\u{9D}");
        assert_eq!(text("&#xA0;"), "\u{A0}");
        assert_eq!(text("&#9;&#10;"), "\t\n");
    }

    #[test]
    fn malformed_numeric_stay_verbatim() {
        for s in ["&#", "&#;", "&#x", "&#x;", "&#xg;", "&# 39;", "&#-1;", "a&#", "&#X"] {
            assert_eq!(text(s), s);
        }
        assert_eq!(text("&#38;#39;"), "&#39;");
    }

    #[test]
    fn named_references() {
        assert_eq!(text("a &amp; b"), "a & b");
        assert_eq!(text("&lt;p&gt;"), "<p>");
        assert_eq!(text("&quot;&apos;"), "\"'");
        assert_eq!(text("&mdash;&ndash;&hellip;"), "—–…");
        assert_eq!(text("&lsquo;x&rsquo; &ldquo;y&rdquo;"), "‘x’ “y”");
        assert_eq!(text("&laquo;&raquo;&euro;&trade;&copy;&reg;&bull;&middot;"), "«»€™©®•·");
        assert_eq!(text("&nbsp;"), "\u{A0}");
        assert_eq!(text("&Tab;&NewLine;"), "\t\n");
        assert_eq!(text("&colon;&lpar;&rpar;&sol;&bsol;&excl;&quest;&period;&comma;"), ":()/\\!?.,");
        assert_eq!(text("&num;&percnt;&lowbar;&grave;&semi;&equals;&plus;&ast;&dollar;"), "#%_`;=+*$");
        assert_eq!(text("&lsqb;&rsqb;&lcub;&rcub;&verbar;&Hat;"), "[]{}|^");
        assert_eq!(text("&zwj;&zwnj;&ZeroWidthSpace;&shy;"), "\u{200D}\u{200C}\u{200B}\u{AD}");
        assert_eq!(text("&lang;&rang;"), "\u{27E8}\u{27E9}");
        assert_eq!(text("&Eacute;&eacute;&szlig;&THORN;"), "ÉéßÞ");
    }

    #[test]
    fn hidden_javascript_is_revealed() {
        assert_eq!(attr("java&Tab;script&colon;alert(1)"), "java\tscript:alert(1)");
        assert_eq!(attr("&#106;avascript&#x3A;"), "javascript:");
        assert_eq!(attr("&#x6A&#x61vascript:"), "javascript:");
        assert_eq!(attr("java&NewLine;script&#58;"), "java\nscript:");
    }

    #[test]
    fn missing_semicolons() {
        assert_eq!(text("&amp"), "&");
        assert_eq!(text("a &lt b &gt c"), "a < b > c");
        assert_eq!(text("&copy 2024"), "© 2024");
        assert_eq!(text("&nbspx"), "\u{A0}x");
        assert_eq!(text("&notit;"), "¬it;");
        assert_eq!(text("&notin;"), "∉");
        assert_eq!(text("&ampx;"), "&x;");
        assert_eq!(text("&eacute"), "é");
        assert_eq!(text("&frac12s"), "½s");
        assert_eq!(text("&QUOT&COPY"), "\"©");
        // Names that are not legacy need their `;`.
        assert_eq!(text("&mdash &hellip &apos &colon"), "&mdash &hellip &apos &colon");
    }

    #[test]
    fn attribute_rule() {
        assert_eq!(attr("?a=1&copy=2"), "?a=1&copy=2");
        assert_eq!(attr("?a=1&copyx"), "?a=1&copyx");
        assert_eq!(attr("?a=1&copy9"), "?a=1&copy9");
        assert_eq!(attr("?a=1&copy&b"), "?a=1©&b");
        assert_eq!(attr("?a=1&copy;=2"), "?a=1©=2");
        assert_eq!(attr("?x&lt=1&amp;y=2"), "?x&lt=1&y=2");
        assert_eq!(attr("&amp"), "&");
        assert_eq!(attr("&amp-"), "&-");
        assert_eq!(text("?a=1&copy=2"), "?a=1©=2");
        assert_eq!(text("&copyx"), "©x");
        // Numeric references ignore the rule.
        assert_eq!(attr("&#39=x"), "'=x");
    }

    #[test]
    fn unknown_names_stay_verbatim() {
        for s in ["&foo;", "&Amp;", "&AMp", "&x", "&;", "& amp;", "&&", "&unknownentity"] {
            assert_eq!(text(s), s);
            assert_eq!(attr(s), s);
        }
        assert_eq!(text("&foo;&amp;"), "&foo;&");
        assert_eq!(text("&&amp;&"), "&&&");
    }

    #[test]
    fn multibyte_text_around_references() {
        assert_eq!(text("日本&amp;語"), "日本&語");
        assert_eq!(text("é&eacute;é"), "ééé");
        assert_eq!(text("😀&#x1F600😀"), "😀😀😀");
        assert_eq!(text("&é&#é&#xé"), "&é&#é&#xé");
        assert_eq!(text("Привет&nbsp;мир&hellip;"), "Привет\u{A0}мир…");
        assert_eq!(attr("&ampé"), "&é");
    }

    #[test]
    fn ampersand_at_end() {
        assert_eq!(text("&"), "&");
        assert_eq!(text("a &"), "a &");
        assert_eq!(text("&amp;&"), "&&");
        assert_eq!(text("é&"), "é&");
        assert_eq!(text(""), "");
    }

    #[test]
    fn never_panics_on_prefixes() {
        let samples = "a&amp;é&#x1F600;&#128;&copy=&nbsp&notin;😀&#";
        for (i, _) in samples.char_indices() {
            let _ = decode(&samples[i..], true);
            let _ = decode(&samples[..i], false);
        }
    }
}
