//! The decision's hash maps: FNV-1a, a fast hash for short keys (the standard hasher guards
//! against attacks that tables built from one page's own elements and from fixed word lists
//! do not face, and brings a second copy of the map code into the WebAssembly module).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A hash map hashed with [`Fnv`].
pub type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// FNV-1a over the bytes written.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}
