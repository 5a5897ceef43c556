//! HTML pages out of WARC files (`.warc`, `.warc.gz` as Common Crawl ships them), read with the
//! `warc` crate: every `response` (HTTP) or `resource` record whose payload is HTML becomes a
//! page with its target URI, record id and charset; other HTML-less records are set aside.

use std::io::{BufRead, BufReader, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use warc::{RawRecordHeader, WarcHeader, WarcReader};

use crate::http;

/// An HTML page found in a WARC file.
#[derive(Debug, PartialEq, Eq)]
pub struct Page {
    /// Its `WARC-Target-URI`.
    pub url: Option<String>,
    /// Its `WARC-Record-ID`.
    pub id: Option<String>,
    /// The HTML bytes.
    pub body: Vec<u8>,
    /// The charset of its `Content-Type`, if given.
    pub charset: Option<String>,
}

/// What one record (or a damaged stretch of the file) yields.
#[derive(Debug, PartialEq, Eq)]
pub enum Item {
    /// An HTML page to clean.
    Page(Page),
    /// A record that should have been a page but is not usable (not HTML, an error status, a
    /// damaged or cut-off record).
    Skipped {
        /// Its `WARC-Target-URI`, when known.
        url: Option<String>,
        /// Its `WARC-Record-ID`, when known.
        id: Option<String>,
        /// Why it was skipped.
        reason: String,
    },
    /// A record that holds no page by nature: `warcinfo`, `request`, `metadata`, `revisit`, ….
    Other,
}

/// A reader that counts the bytes taken from it: read, or, buffered, consumed by its user.
/// Around the file it measures progress; around the WARC stream it tells a cut-off last
/// record from the end of the file.
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        self.count.fetch_add(amount as u64, Ordering::Relaxed);
        self.inner.consume(amount);
    }
}

/// Opens a WARC file, gzipped or not (told by its first bytes); `read` counts the file's bytes
/// consumed. Each item is capped at `limit` body bytes.
pub fn open(path: &str, read: Arc<AtomicU64>, limit: usize) -> std::io::Result<Items> {
    let file = std::fs::File::open(path)?;
    let mut raw = BufReader::with_capacity(1 << 16, Counting { inner: file, count: read });
    let gzipped = raw.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    let stream: Box<dyn BufRead + Send> = if gzipped {
        Box::new(BufReader::with_capacity(1 << 16, flate2::bufread::MultiGzDecoder::new(raw)))
    } else {
        Box::new(raw)
    };
    let consumed = Arc::new(AtomicU64::new(0));
    let stream: Box<dyn BufRead + Send> = Box::new(Counting { inner: stream, count: consumed.clone() });
    let records = WarcReader::new(stream).iter_raw_records();
    Ok(Items { records, consumed, record_end: 0, failing: false, done: false, limit })
}

/// The items of one WARC file, in file order.
pub struct Items {
    records: warc::RawRecordIter<Box<dyn BufRead + Send>>,
    /// Bytes of the WARC stream consumed so far, and where the last whole record ended.
    consumed: Arc<AtomicU64>,
    record_end: u64,
    /// The previous record was damaged: the damage goes on until a good record is read.
    failing: bool,
    done: bool,
    limit: usize,
}

impl Iterator for Items {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        const CUT: &str = "the last record is cut off";
        while !self.done {
            let Some(next) = self.records.next() else {
                // The reader stops silently inside an unfinished header block.
                self.done = true;
                let rest = self.consumed.load(Ordering::Relaxed) - self.record_end;
                return (rest > 4).then(|| Item::Skipped { url: None, id: None, reason: CUT.into() });
            };
            self.record_end = self.consumed.load(Ordering::Relaxed);
            let damage = match next {
                Ok((headers, body)) => {
                    self.failing = false;
                    return Some(item(&headers, body, self.limit));
                }
                Err(warc::Error::ReadData(e)) => {
                    self.done = true;
                    if e.kind() == std::io::ErrorKind::UnexpectedEof {
                        CUT.into()
                    } else {
                        format!("the file is damaged ({e})")
                    }
                }
                Err(warc::Error::UnexpectedEOB) => {
                    self.done = true;
                    CUT.into()
                }
                Err(e) => format!("malformed record ({e})"),
            };
            if !std::mem::replace(&mut self.failing, true) || self.done {
                return Some(Item::Skipped { url: None, id: None, reason: damage });
            }
        }
        None
    }
}

fn text(headers: &RawRecordHeader, name: &WarcHeader) -> Option<String> {
    headers.as_ref().get(name).map(|v| String::from_utf8_lossy(v).trim().to_string())
}

/// The item of one well-formed record.
fn item(headers: &RawRecordHeader, block: Vec<u8>, limit: usize) -> Item {
    let url = text(headers, &WarcHeader::TargetURI).map(|u| u.trim_matches(|c| c == '<' || c == '>').to_string());
    let id = text(headers, &WarcHeader::RecordID);
    let kind = text(headers, &WarcHeader::WarcType).unwrap_or_default().to_ascii_lowercase();
    let record_type = text(headers, &WarcHeader::ContentType).unwrap_or_default();
    let skipped = |reason: String| Item::Skipped { url: url.clone(), id: id.clone(), reason };
    let (content_type, body) = match kind.as_str() {
        "response" if http::mime(&record_type) == "application/http" => match http::parse(&block, limit) {
            Ok(r) if (200..300).contains(&r.status) => (r.content_type, r.body),
            Ok(r) => return skipped(format!("HTTP error status ({})", r.status)),
            Err(e) => return skipped(e),
        },
        "response" | "resource" => (Some(record_type), block),
        _ => return Item::Other,
    };
    let content_type = content_type.or_else(|| text(headers, &WarcHeader::IdentifiedPayloadType));
    let mime = content_type.as_deref().map(http::mime).unwrap_or_default();
    let html = http::is_html_mime(&mime) || (mime.is_empty() && looks_like_markup(&body));
    if !html {
        let what = if mime.is_empty() { "no content type" } else { mime.as_str() };
        return skipped(format!("not HTML ({what})"));
    }
    Item::Page(Page { url, id, charset: content_type.as_deref().and_then(http::charset), body })
}

/// Whether an untyped body starts like markup (after white space and a UTF-8 BOM).
fn looks_like_markup(body: &[u8]) -> bool {
    let body = body.strip_prefix(b"\xef\xbb\xbf").unwrap_or(body);
    body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<')
}
