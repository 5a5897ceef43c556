//! The CSS selector subset of the `remove_selectors` and `keep_selectors` options, matched
//! against the element table (not through lol_html, whose combinators only see explicit
//! structure).
//!
//! Supported: type selectors and `*`; `.class`; `#id`; attribute selectors `[a]`, `[a=v]`,
//! `[a~=v]`, `[a^=v]`, `[a$=v]`, `[a*=v]`, `[a|=v]` (values quoted or not); compounds of these
//! (`div.note[data-x]`); the descendant (space) and child (`>`) combinators; and
//! comma-separated lists. Names and values are matched case-sensitively except tag names.
//! Pseudo-classes, `+` and `~` are not supported and are rejected with an error.

use lol_html::html_content::Element;

use crate::entities;
use crate::html::walk::Id;

/// How an attribute selector compares the value.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Op {
    Exists,
    Equals(String),
    Word(String),
    Prefix(String),
    Suffix(String),
    Contains(String),
    Lang(String),
}

/// One compound selector: conditions on a single element.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Compound {
    tag: Option<String>,
    attrs: Vec<(String, Op)>,
}

/// How a compound relates to the one after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Combinator {
    Descendant,
    Child,
}

/// A complex selector: compounds joined by combinators, leftmost first.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Complex {
    /// Indices into [`Selectors::compounds`], with the combinator to the next one.
    parts: Vec<(usize, Combinator)>,
}

/// What a matching element is to become.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Force {
    /// Kept, whatever the decision.
    Keep,
    /// Dropped, whatever the decision.
    Remove,
}

/// Parsed user selectors, ready to be matched during the scan.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selectors {
    compounds: Vec<Compound>,
    keep: Vec<Complex>,
    remove: Vec<Complex>,
}

/// The most compounds all selectors together may have (one bit each per element).
pub const MAX_COMPOUNDS: usize = 64;

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '_') || !c.is_ascii()
}

fn take_name(s: &str) -> (&str, &str) {
    let end = s.find(|c: char| !is_name_char(c)).unwrap_or(s.len());
    s.split_at(end)
}

fn parse_compound(s: &str) -> Result<(Compound, &str), String> {
    let mut c = Compound::default();
    let mut rest = s;
    if let Some(r) = rest.strip_prefix('*') {
        rest = r;
    } else {
        let (name, r) = take_name(rest);
        if !name.is_empty() {
            c.tag = Some(name.to_ascii_lowercase());
            rest = r;
        }
    }
    loop {
        if let Some(r) = rest.strip_prefix('.') {
            let (name, r) = take_name(r);
            if name.is_empty() {
                return Err("'.' needs a class name".into());
            }
            c.attrs.push(("class".into(), Op::Word(name.into())));
            rest = r;
        } else if let Some(r) = rest.strip_prefix('#') {
            let (name, r) = take_name(r);
            if name.is_empty() {
                return Err("'#' needs an id".into());
            }
            c.attrs.push(("id".into(), Op::Equals(name.into())));
            rest = r;
        } else if let Some(r) = rest.strip_prefix('[') {
            let close = r.find(']').ok_or("'[' without ']'")?;
            let inner = r[..close].trim();
            rest = &r[close + 1..];
            let (name, after) = take_name(inner);
            if name.is_empty() {
                return Err(format!("bad attribute selector [{inner}]"));
            }
            let after = after.trim();
            let op = if after.is_empty() {
                Op::Exists
            } else {
                let (kind, value) = match after.find('=') {
                    Some(k) => (&after[..k], after[k + 1..].trim()),
                    None => return Err(format!("bad attribute selector [{inner}]")),
                };
                let value = value.trim_matches(|q| q == '"' || q == '\'').to_string();
                match kind.trim() {
                    "" => Op::Equals(value),
                    "~" => Op::Word(value),
                    "^" => Op::Prefix(value),
                    "$" => Op::Suffix(value),
                    "*" => Op::Contains(value),
                    "|" => Op::Lang(value),
                    other => return Err(format!("unsupported attribute operator {other}=")),
                }
            };
            c.attrs.push((name.to_ascii_lowercase(), op));
        } else if rest.starts_with(':') {
            return Err("pseudo-classes are not supported".into());
        } else {
            break;
        }
    }
    if c.tag.is_none() && c.attrs.is_empty() && !s.starts_with('*') {
        return Err(format!("cannot read a selector at '{}'", s.chars().take(20).collect::<String>()));
    }
    Ok((c, rest))
}

impl Selectors {
    /// Parses the keep and remove selector lists. An error names the option at fault
    /// (`keep_selectors` or `remove_selectors`) and says what is wrong.
    pub fn parse(keep: &[String], remove: &[String]) -> Result<Selectors, (&'static str, String)> {
        let mut sel = Selectors::default();
        for (list, is_keep) in keep.iter().map(|k| (k, true)).chain(remove.iter().map(|r| (r, false))) {
            for one in list.split(',') {
                let one = one.trim();
                let option = if is_keep { "keep_selectors" } else { "remove_selectors" };
                if one.is_empty() {
                    return Err((option, format!("empty selector in '{list}'")));
                }
                let complex = sel.parse_complex(one).map_err(|e| (option, format!("'{one}': {e}")))?;
                if is_keep {
                    sel.keep.push(complex);
                } else {
                    sel.remove.push(complex);
                }
            }
        }
        if sel.compounds.len() > MAX_COMPOUNDS {
            return Err((
                "remove_selectors",
                format!("at most {MAX_COMPOUNDS} simple parts in all selectors together"),
            ));
        }
        Ok(sel)
    }

    fn parse_complex(&mut self, s: &str) -> Result<Complex, String> {
        let mut parts = Vec::new();
        let mut rest = s;
        loop {
            let (compound, r) = parse_compound(rest)?;
            self.compounds.push(compound);
            let idx = self.compounds.len() - 1;
            let trimmed = r.trim_start();
            if trimmed.is_empty() {
                parts.push((idx, Combinator::Descendant));
                return Ok(Complex { parts });
            }
            if let Some(r2) = trimmed.strip_prefix('>') {
                parts.push((idx, Combinator::Child));
                rest = r2.trim_start();
            } else if trimmed.starts_with(['+', '~']) {
                return Err("sibling combinators are not supported".into());
            } else if trimmed.len() < r.len() {
                parts.push((idx, Combinator::Descendant));
                rest = trimmed;
            } else {
                return Err(format!("unexpected '{}'", trimmed.chars().next().unwrap_or(' ')));
            }
        }
    }

    /// Whether no selector was given.
    pub fn is_empty(&self) -> bool {
        self.compounds.is_empty()
    }

    /// Which compounds element `el` (tag name `tag`) matches, as a bit set.
    pub fn match_compounds(&self, tag: &str, el: &Element) -> u64 {
        let mut bits = 0u64;
        for (i, c) in self.compounds.iter().enumerate() {
            if c.tag.as_deref().is_some_and(|t| t != tag) {
                continue;
            }
            let ok = c.attrs.iter().all(|(name, op)| {
                let Some(v) = el.get_attribute(name) else { return false };
                let v = entities::decode(&v, true);
                match op {
                    Op::Exists => true,
                    Op::Equals(x) => v == x.as_str(),
                    Op::Word(x) => v.split_ascii_whitespace().any(|w| w == x),
                    Op::Prefix(x) => v.starts_with(x.as_str()),
                    Op::Suffix(x) => v.ends_with(x.as_str()),
                    Op::Contains(x) => v.contains(x.as_str()),
                    Op::Lang(x) => v == x.as_str() || v.starts_with(&format!("{x}-")),
                }
            });
            if ok {
                bits |= 1 << i;
            }
        }
        bits
    }

    /// Resolves the complex selectors over the table: what each element is forced to.
    /// `bits[id]` holds the compound matches and `parent(id)` the tree. Remove wins over keep.
    /// Only elements matching a selector's last compound walk their ancestors.
    pub fn resolve(&self, bits: &[u64], parent: impl Fn(Id) -> Option<Id>) -> Vec<Option<Force>> {
        let matches = |c: &Complex, id: Id| -> bool {
            match c.parts.split_last() {
                Some((&(last, _), before)) => {
                    bits[id as usize] & (1 << last) != 0 && ancestors_match(before, id, bits, &parent)
                }
                None => false,
            }
        };
        (0..bits.len() as Id)
            .map(|id| {
                if bits[id as usize] == 0 {
                    None
                } else if self.remove.iter().any(|c| matches(c, id)) {
                    Some(Force::Remove)
                } else if self.keep.iter().any(|c| matches(c, id)) {
                    Some(Force::Keep)
                } else {
                    None
                }
            })
            .collect()
    }
}

/// Whether the compounds `parts` (leftmost first, each with its combinator to the next) match
/// the ancestors of `id`, with backtracking over descendant combinators.
fn ancestors_match(parts: &[(usize, Combinator)], id: Id, bits: &[u64], parent: &impl Fn(Id) -> Option<Id>) -> bool {
    let Some((&(idx, comb), before)) = parts.split_last() else { return true };
    let hit = |a: Id| bits[a as usize] & (1 << idx) != 0 && ancestors_match(before, a, bits, parent);
    match comb {
        Combinator::Child => parent(id).is_some_and(hit),
        Combinator::Descendant => {
            let mut anc = parent(id);
            while let Some(a) = anc {
                if hit(a) {
                    return true;
                }
                anc = parent(a);
            }
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_subset() {
        let s =
            Selectors::parse(&["article p.note, #main > .x[data-k=\"v\"]".into()], &["[aria-hidden]".into()]).unwrap();
        assert_eq!(s.keep.len(), 2);
        assert_eq!(s.remove.len(), 1);
        assert_eq!(s.compounds.len(), 5);
    }

    #[test]
    fn combinators_backtrack() {
        // Tree: 0 div.a > 1 section > 2 div.b > 3 p ; selector ".a > section p" and ".a > .b p".
        let s = Selectors::parse(&[".a > section p".into(), ".a > .b p".into()], &[]).unwrap();
        let parent = |id: Id| [None, Some(0), Some(1), Some(2)][id as usize];
        // compounds: 0 .a, 1 section, 2 p, 3 .a, 4 .b, 5 p
        let bits = [0b001001u64, 0b000010, 0b010000, 0b100100];
        let forced = s.resolve(&bits, parent);
        assert_eq!(forced[3], Some(Force::Keep), ".a > section p matches through backtracking");
        let only_second = Selectors::parse(&[".a > .b p".into()], &[]).unwrap();
        let bits = [0b001, 0, 0b010, 0b100];
        assert_eq!(only_second.resolve(&bits, parent)[3], None, ".b is not a child of .a");
    }

    #[test]
    fn rejects_the_rest() {
        for bad in ["p:first-child", "a + b", "a ~ b", "[x", ".", "#", "", "p,,q", "%x"] {
            assert!(Selectors::parse(&[bad.into()], &[]).is_err(), "{bad}");
        }
    }
}
