//! Which of many short strings occur in a short text, found in one pass over the text: the
//! phrase lists run over every short block, and one substring search per phrase cost more
//! than the rest of the block's rules together.

/// A list of strings to look for, indexed by first byte.
pub struct Needles {
    needles: Vec<&'static str>,
    /// For each byte value, the indexes of the needles that start with it, in list order.
    by_first: Vec<Vec<u16>>,
    /// For each byte value, a bit for each byte that follows it in a needle (every bit for a
    /// one-byte needle): most places in a text are passed over on this test alone.
    second: Vec<[u64; 4]>,
    /// The index of an empty string in the list, which occurs in every text.
    empty: Option<usize>,
    /// Each needle's first eight bytes (fewer for a shorter one) as a little-endian number,
    /// and the mask of those bytes: most candidates are told apart by one comparison.
    heads: Vec<(u64, u64)>,
}

/// Up to the first eight bytes of `bytes` as a little-endian number (zeros past the end).
fn head(bytes: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    let n = bytes.len().min(8);
    word[..n].copy_from_slice(&bytes[..n]);
    u64::from_le_bytes(word)
}

impl Needles {
    /// Indexes `needles`; each keeps its place in the list as its index. (A list, not an
    /// iterator: one copy of this code serves every caller.)
    pub fn new(needles: Vec<&'static str>) -> Needles {
        let mut by_first = vec![Vec::new(); 256];
        let mut second = vec![[0u64; 4]; 256];
        let mut empty = None;
        for (i, n) in needles.iter().enumerate() {
            match (n.as_bytes(), u16::try_from(i)) {
                ([first, rest @ ..], Ok(i)) => {
                    by_first[usize::from(*first)].push(i);
                    let bits = &mut second[usize::from(*first)];
                    match rest.first() {
                        Some(&b) => bits[usize::from(b >> 6)] |= 1 << (b & 63),
                        None => *bits = [u64::MAX; 4],
                    }
                }
                _ => empty = empty.or(Some(i)),
            }
        }
        let heads = needles
            .iter()
            .map(|n| {
                let len = n.len().min(8);
                (head(n.as_bytes()), if len == 8 { u64::MAX } else { (1u64 << (8 * len)) - 1 })
            })
            .collect();
        Needles { needles, by_first, second, empty, heads }
    }

    /// Whether needle `i` occurs at byte `at` of `bytes`.
    fn at(&self, bytes: &[u8], at: usize, i: usize) -> bool {
        let needle = self.needles[i].as_bytes();
        match bytes.get(at..at + 8) {
            Some(eight) => {
                let (h, mask) = self.heads[i];
                head(eight) & mask == h && (needle.len() <= 8 || bytes[at..].starts_with(needle))
            }
            None => bytes[at..].starts_with(needle),
        }
    }

    /// The needles that may start at byte `at` of `bytes`.
    fn candidates(&self, bytes: &[u8], at: usize) -> &[u16] {
        let first = usize::from(bytes[at]);
        match bytes.get(at + 1) {
            Some(&b) if self.second[first][usize::from(b >> 6)] & (1 << (b & 63)) == 0 => &[],
            _ => &self.by_first[first],
        }
    }

    /// The needle at `index`.
    pub fn get(&self, index: usize) -> &'static str {
        self.needles.get(index).copied().unwrap_or_default()
    }

    /// Calls `found` with the index of each needle that occurs in `text`, once per occurrence
    /// (an empty needle: once).
    pub fn each_in(&self, text: &str, mut found: impl FnMut(usize)) {
        if let Some(i) = self.empty {
            found(i);
        }
        let bytes = text.as_bytes();
        for at in 0..bytes.len() {
            for &i in self.candidates(bytes, at) {
                let i = usize::from(i);
                if self.at(bytes, at, i) {
                    found(i);
                }
            }
        }
    }

    /// Calls `found` with the index of each needle that `text` starts with.
    pub fn each_at_start(&self, text: &str, mut found: impl FnMut(usize)) {
        let bytes = text.as_bytes();
        if let Some(i) = self.empty {
            found(i);
        }
        let Some(&b) = bytes.first() else { return };
        for &i in &self.by_first[usize::from(b)] {
            if self.at(bytes, 0, usize::from(i)) {
                found(usize::from(i));
            }
        }
    }

    /// Whether any needle occurs in `text`.
    pub fn any_in(&self, text: &str) -> bool {
        if self.empty.is_some() {
            return true;
        }
        let bytes = text.as_bytes();
        (0..bytes.len()).any(|at| {
            self.candidates(bytes, at).iter().any(|&i| self.at(bytes, at, usize::from(i)))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_contains_finds() {
        let list = ["follow", "folgen", "关注", "x (", " x ", "abc", "ab", "q", "qu", "sign up now", "sign up today", "abcdefgh"];
        let needles = Needles::new(list.to_vec());
        for text in [
            "",
            "please follow us",
            "folge",
            "请关注我们",
            "on x (formerly)",
            "a x b",
            "xabcx",
            "a b c",
            "x",
            "q",
            "aq",
            "quit",
            "ab",
            "sign up now",
            "please sign up today!",
            "sign up no",
            "sign up",
            "xabcdefg",
            "abcdefgh",
            "zabcdefghz",
        ] {
            let mut got = Vec::new();
            needles.each_in(text, |i| got.push(i));
            got.sort_unstable();
            got.dedup();
            let want: Vec<usize> = (0..list.len()).filter(|&i| text.contains(list[i])).collect();
            assert_eq!(got, want, "{text:?}");
            assert_eq!(needles.any_in(text), !want.is_empty(), "{text:?}");
            let mut starts = Vec::new();
            needles.each_at_start(text, |i| starts.push(i));
            starts.sort_unstable();
            let want: Vec<usize> = (0..list.len()).filter(|&i| text.starts_with(list[i])).collect();
            assert_eq!(starts, want, "{text:?}");
        }
        assert_eq!(needles.get(2), "关注");
    }

    #[test]
    fn an_empty_needle_occurs_everywhere() {
        let needles = Needles::new(vec!["", "a"]);
        assert!(needles.any_in(""));
        let mut got = Vec::new();
        needles.each_in("b", |i| got.push(i));
        assert_eq!(got, vec![0]);
    }
}
