//! The payload of an HTTP response as a WARC `response` record stores it: status, content type
//! and body, with chunked transfer coding and gzip/deflate content coding undone.

use std::io::Read;

/// An HTTP response's parts that matter for cleaning.
#[derive(Debug, PartialEq, Eq)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// The body, decoded from its transfer and content codings.
    pub body: Vec<u8>,
}

fn header<'a>(headers: &'a [httparse::Header<'_>], name: &str) -> Option<&'a [u8]> {
    headers.iter().find(|h| h.name.eq_ignore_ascii_case(name)).map(|h| h.value)
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).trim().to_string()
}

/// Parses an HTTP response message; `limit` caps the decoded body (a larger one is cut there).
pub fn parse(message: &[u8], limit: usize) -> Result<Response, String> {
    let mut slots = vec![httparse::EMPTY_HEADER; 64];
    let mut response = httparse::Response::new(&mut slots);
    let parsed = match response.parse(message) {
        Err(httparse::Error::TooManyHeaders) => {
            // Rare; a second, roomier pass.
            let mut roomy = vec![httparse::EMPTY_HEADER; 1024];
            let mut again = httparse::Response::new(&mut roomy);
            let end = again.parse(message).map_err(|e| format!("malformed HTTP headers ({e})"))?;
            return finish(&again, end, message, limit);
        }
        other => other.map_err(|e| format!("malformed HTTP headers ({e})"))?,
    };
    finish(&response, parsed, message, limit)
}

fn finish(
    response: &httparse::Response<'_, '_>,
    parsed: httparse::Status<usize>,
    message: &[u8],
    limit: usize,
) -> Result<Response, String> {
    let httparse::Status::Complete(start) = parsed else {
        return Err("the HTTP headers are cut off".into());
    };
    let status = response.code.ok_or("no HTTP status")?;
    let headers: &[httparse::Header<'_>] = &*response.headers;
    let mut body = message[start..].to_vec();
    if header(headers, "transfer-encoding").is_some_and(|v| lossy(v).eq_ignore_ascii_case("chunked")) {
        body = dechunk(&body);
    }
    if let Some(coding) = header(headers, "content-encoding").map(lossy) {
        body = match coding.to_ascii_lowercase().as_str() {
            "" | "identity" => Ok(body),
            "gzip" | "x-gzip" => inflate(flate2::read::MultiGzDecoder::new(body.as_slice()), limit),
            "deflate" => inflate(flate2::read::ZlibDecoder::new(body.as_slice()), limit),
            other => return Err(format!("unsupported content encoding {other}")),
        }
        .map_err(|e| format!("the compressed body is damaged ({e})"))?;
    }
    body.truncate(limit);
    Ok(Response { status, content_type: header(headers, "content-type").map(lossy), body })
}

/// Reads a decompressor to its end or to one byte past `limit` (a bigger body is cut, not
/// refused, so that the size check downstream still sees it is too large).
pub fn inflate(reader: impl Read, limit: usize) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    reader.take(limit as u64 + 1).read_to_end(&mut out)?;
    Ok(out)
}

/// Undoes chunked transfer coding; a damaged chunk list keeps what was read before it.
fn dechunk(mut rest: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(rest.len());
    while let Some(eol) = rest.windows(2).position(|w| w == b"\r\n") {
        let size_text = String::from_utf8_lossy(&rest[..eol]);
        let size_hex = size_text.split(';').next().unwrap_or("").trim();
        let Ok(size) = usize::from_str_radix(size_hex, 16) else { break };
        rest = &rest[eol + 2..];
        if size == 0 {
            break;
        }
        let take = size.min(rest.len());
        out.extend_from_slice(&rest[..take]);
        rest = rest.get(take + 2..).unwrap_or_default();
    }
    out
}

/// The MIME type of a `Content-Type` value, lower-cased.
pub fn mime(content_type: &str) -> String {
    content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase()
}

/// The `charset` parameter of a `Content-Type` value.
pub fn charset(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
        (name.trim().eq_ignore_ascii_case("charset") && !value.is_empty()).then(|| value.to_string())
    })
}

/// Whether a MIME type is HTML.
pub fn is_html_mime(mime: &str) -> bool {
    matches!(mime, "text/html" | "application/xhtml+xml")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn plain_chunked_and_gzipped_bodies() {
        let plain =
            parse(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"Shift_JIS\"\r\n\r\n<p>x</p>", 99).unwrap();
        assert_eq!((plain.status, plain.body.as_slice()), (200, &b"<p>x</p>"[..]));
        let ct = plain.content_type.unwrap();
        assert_eq!((mime(&ct), charset(&ct).as_deref()), ("text/html".into(), Some("Shift_JIS")));

        let chunked =
            parse(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;x=y\r\n<p>a\r\n5\r\nb</p>\r\n0\r\n\r\n", 99);
        assert_eq!(chunked.unwrap().body, b"<p>ab</p>");

        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"<p>zipped</p>").unwrap();
        let mut message = b"HTTP/1.0 404 Not Found\r\ncontent-encoding: GZIP\r\n\r\n".to_vec();
        message.extend(gz.finish().unwrap());
        let zipped = parse(&message, 99).unwrap();
        assert_eq!((zipped.status, zipped.body.as_slice()), (404, &b"<p>zipped</p>"[..]));
        assert_eq!(parse(&message, 4).unwrap().body, b"<p>z");
    }

    #[test]
    fn damaged_responses_are_errors() {
        assert!(parse(b"HTTP/1.1 200 OK\r\nContent-Type: text/ht", 99).unwrap_err().contains("cut off"));
        assert!(parse(b"\x00\x01binary", 99).unwrap_err().contains("malformed"));
        assert!(parse(b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nxx", 99).unwrap_err().contains("br"));
        assert!(parse(b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\nnot gzip", 99)
            .unwrap_err()
            .contains("damaged"));
        assert_eq!(charset("text/html; charset="), None);
    }
}
