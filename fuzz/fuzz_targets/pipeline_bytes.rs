//! The whole pipeline on arbitrary bytes with the default options: it must return an
//! article or an error, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unboil::{clean_article, Input, Options};

fuzz_target!(|data: &[u8]| {
    let _ = clean_article(Input::Bytes(data), &Options::default());
});
