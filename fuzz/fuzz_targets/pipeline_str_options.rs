//! The whole pipeline on text with options taken from the input: the first byte picks the
//! formats, images and limits, the next line (if any) a URL, charset and selectors, the rest
//! is the page. Any outcome but a panic is fine.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unboil::{clean_article, Formats, Input, Options};

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let (header, page) = text.split_once('\n').unwrap_or(("", text));
    let mut fields = header.split('\t');
    let mut next = || fields.next().filter(|f| !f.is_empty()).map(str::to_owned);
    let options = Options {
        url: next(),
        charset: next(),
        keep_images: flags & 1 != 0,
        keep_selectors: next().into_iter().collect(),
        remove_selectors: next().into_iter().collect(),
        max_bytes: if flags & 2 != 0 { 64 << 20 } else { usize::from(flags) * 64 },
        max_elements: if flags & 4 != 0 { 4_000_000 } else { usize::from(flags >> 3) },
        formats: Formats { html: flags & 8 != 0, text: flags & 16 != 0, markdown: flags & 32 != 0 },
        rendered_hints: flags & 64 != 0,
    };
    let _ = clean_article(Input::Str(page), &options);
});
