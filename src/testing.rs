//! Helpers for the crate's own unit tests.

/// Every string made of up to `most` of `pieces` in a row, the empty one first (shorter
/// strings come again among the longer rounds' stems).
pub fn every_string(pieces: &[&str], most: usize) -> Vec<String> {
    let mut texts = vec![String::new()];
    for _ in 0..most {
        let longer: Vec<String> = texts.iter().flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}"))).collect();
        texts.extend(longer);
    }
    texts
}
