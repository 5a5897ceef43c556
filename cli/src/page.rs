//! Reading and cleaning one page: a file (gzipped or not), standard input, or a WARC record.

use std::io::Read;

use encoding_rs::Encoding;
use unboil::{clean_article, Article, Input, Options};

use crate::{http, warc};

/// Reads a file or standard input (`-`); a gzipped file (told by its first bytes) is unpacked,
/// up to one byte more than `limit` so that the size check still refuses a bigger page.
pub fn read(file: &str, limit: usize) -> Result<Vec<u8>, String> {
    let bytes = if file == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| format!("cannot read standard input: {e}"))?;
        buf
    } else {
        std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))?
    };
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return Ok(bytes);
    }
    http::inflate(flate2::read::MultiGzDecoder::new(bytes.as_slice()), limit)
        .map_err(|e| format!("cannot unpack {file}: {e}"))
}

/// Cleans the file or standard input (`-`).
pub fn clean_file(file: &str, options: &Options) -> Result<Article, String> {
    let bytes = read(file, options.max_bytes)?;
    clean_article(Input::Bytes(&bytes), options).map_err(|e| e.to_string())
}

/// Cleans a page from a WARC file: its target URI is the URL, and the charset of its HTTP
/// `Content-Type` decodes it, as a browser would (only a byte order mark wins over it).
pub fn clean_record(page: &warc::Page, options: &Options) -> Result<Article, String> {
    let options = Options { url: page.url.clone().or_else(|| options.url.clone()), ..options.clone() };
    let declared = page.charset.as_deref().and_then(|c| Encoding::for_label(c.trim().as_bytes()));
    let result = match declared {
        Some(encoding) if page.body.len() <= options.max_bytes => {
            let (text, _, _) = encoding.decode(&page.body);
            clean_article(Input::Str(&text), &options)
        }
        _ => clean_article(Input::Bytes(&page.body), &options),
    };
    result.map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(body: &[u8], charset: Option<&str>) -> warc::Page {
        warc::Page {
            url: Some("https://example.com/a/b".into()),
            id: None,
            body: body.to_vec(),
            charset: charset.map(Into::into),
        }
    }

    #[test]
    fn the_http_charset_decodes_a_record_and_a_bom_wins_over_it() {
        let body = b"<meta charset=utf-8><article><h1>T</h1><p>Caf\xe9 cr\xe8me <a href=x>link</a> and more words here for a page.</p></article>";
        let a = clean_record(&page(body, Some("ISO-8859-1")), &Options::default()).unwrap();
        assert!(a.text.contains("Café crème"), "{}", a.text);
        assert!(a.html.contains("https://example.com/a/x"), "{}", a.html);
        let bom = clean_record(
            &page("\u{feff}<p>Café crème, a paragraph.</p>".as_bytes(), Some("koi8-r")),
            &Options::default(),
        );
        assert!(bom.unwrap().text.contains("Café crème"));
        let unknown =
            clean_record(&page(b"<p>Caf\xc3\xa9 au lait, a paragraph.</p>", Some("x-nonsense")), &Options::default());
        assert!(unknown.unwrap().text.contains("Café au lait"));
    }
}
