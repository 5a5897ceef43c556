//! One sort for the whole crate: a heapsort, O(n log n) on any input, in a few hundred bytes
//! of WebAssembly per element type, where each use of the standard library's sorts brings a
//! copy of a few kilobytes. For the short lists the pipeline sorts (article roots, ids).

/// Sorts `items` in place, ascending (not stable: for items that are equal only when they
/// are the same).
pub fn sort<T: Ord>(items: &mut [T]) {
    fn sift<T: Ord>(items: &mut [T], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && items[child] < items[child + 1] {
                child += 1;
            }
            if items[root] >= items[child] {
                return;
            }
            items.swap(root, child);
            root = child;
        }
    }
    let n = items.len();
    for i in (0..n / 2).rev() {
        sift(items, i, n);
    }
    for end in (1..n).rev() {
        items.swap(0, end);
        sift(items, 0, end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_sort() {
        let mut seed = 11u32;
        for len in 0..60 {
            let mut items: Vec<(u32, &str)> = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) % 25, ["b", "a", "c"][(seed >> 8) as usize % 3])
                })
                .collect();
            let mut want = items.clone();
            want.sort();
            sort(&mut items);
            assert_eq!(items, want);
        }
    }
}
