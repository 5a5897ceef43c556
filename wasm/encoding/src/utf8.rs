//! Streaming UTF-8 decoding and encoding, driven the way lol_html drives encoding_rs's.

use crate::{CoderResult, Encoding};

/// U+FFFD, which stands for each maximal ill-formed byte sequence.
const REPLACEMENT_CHAR: &[u8] = "\u{FFFD}".as_bytes();

/// A streaming decoder from UTF-8 bytes into a `str` buffer. A character split between two
/// calls is carried over to the next.
pub struct Decoder {
    encoding: &'static Encoding,
    /// The first bytes of a character whose last bytes have not arrived yet.
    pending: [u8; 3],
    pending_len: usize,
}

impl Decoder {
    pub(crate) fn new(encoding: &'static Encoding) -> Decoder {
        Decoder { encoding, pending: [0; 3], pending_len: 0 }
    }

    /// The encoding the decoder was made for.
    pub fn encoding(&self) -> &'static Encoding {
        self.encoding
    }

    /// Decodes `src` into the start of `dst`; `last` says `src` ends the stream, when an
    /// unfinished character becomes U+FFFD. Returns why it stopped, the bytes read, the bytes
    /// written and whether malformed bytes were replaced. What `dst` held past the written
    /// bytes stays valid UTF-8. `dst` must have room for 4 bytes.
    pub fn decode_to_str(&mut self, src: &[u8], dst: &mut str, last: bool) -> (CoderResult, usize, usize, bool) {
        // SAFETY: only whole characters are written, and `Out::finish` mends a character of
        // the old content that the last write cut, so `dst` is valid UTF-8 when this returns.
        #[allow(unsafe_code)]
        let mut out = Out { buf: unsafe { dst.as_bytes_mut() }, len: 0 };
        let result = self.decode_into(src, &mut out, last);
        out.finish();
        result
    }

    fn decode_into(&mut self, src: &[u8], out: &mut Out<'_>, last: bool) -> (CoderResult, usize, usize, bool) {
        let mut read = 0;
        let mut replaced = false;
        if self.pending_len > 0 {
            match self.finish_pending(src, out, last) {
                Pending::Done { took, replaced: was_replaced } => {
                    read = took;
                    replaced = was_replaced;
                }
                Pending::NoRoom => return (CoderResult::OutputFull, 0, 0, false),
                Pending::Unfinished => return (CoderResult::InputEmpty, src.len(), 0, false),
            }
        }
        loop {
            let rest = src.get(read..).unwrap_or_default();
            if rest.is_empty() {
                return (CoderResult::InputEmpty, read, out.len, replaced);
            }
            let (valid, error) = match std::str::from_utf8(rest) {
                Ok(_) => (rest.len(), None),
                Err(e) => (e.valid_up_to(), Some(e.error_len())),
            };
            let copied = out.push_valid(rest.get(..valid).unwrap_or_default());
            read += copied;
            if copied < valid {
                return (CoderResult::OutputFull, read, out.len, replaced);
            }
            match error {
                None => {}
                Some(_) if out.room() < REPLACEMENT_CHAR.len() => {
                    return (CoderResult::OutputFull, read, out.len, replaced);
                }
                Some(Some(bad)) => {
                    out.push(REPLACEMENT_CHAR);
                    replaced = true;
                    read += bad;
                }
                // A character cut off by the end of `src`.
                Some(None) => {
                    let tail = rest.get(valid..).unwrap_or_default();
                    if last {
                        out.push(REPLACEMENT_CHAR);
                        replaced = true;
                    } else {
                        self.pending_len = tail.len().min(3);
                        self.pending[..self.pending_len].copy_from_slice(&tail[..self.pending_len]);
                    }
                    return (CoderResult::InputEmpty, src.len(), out.len, replaced);
                }
            }
        }
    }

    /// Completes the pending character with the first bytes of `src` and writes it (or
    /// U+FFFD).
    fn finish_pending(&mut self, src: &[u8], out: &mut Out<'_>, last: bool) -> Pending {
        let had = self.pending_len;
        let mut seq = [0u8; 7];
        seq[..had].copy_from_slice(&self.pending[..had]);
        let took = src.len().min(4);
        seq[had..had + took].copy_from_slice(&src[..took]);
        let seq = &seq[..had + took];
        let (bytes, used, replaced): (&[u8], usize, bool) = match std::str::from_utf8(seq) {
            Ok(text) => first_char(text),
            Err(e) if e.valid_up_to() > 0 => {
                first_char(std::str::from_utf8(&seq[..e.valid_up_to()]).unwrap_or_default())
            }
            Err(e) => match e.error_len() {
                Some(bad) => (REPLACEMENT_CHAR, bad, true),
                None if last => (REPLACEMENT_CHAR, seq.len(), true),
                // Still unfinished (so `src` was short): all of it joins the pending bytes.
                None => {
                    self.pending_len = seq.len().min(3);
                    self.pending[..self.pending_len].copy_from_slice(&seq[..self.pending_len]);
                    return Pending::Unfinished;
                }
            },
        };
        if out.room() < bytes.len() {
            return Pending::NoRoom;
        }
        out.push(bytes);
        self.pending_len = 0;
        Pending::Done { took: used.saturating_sub(had), replaced }
    }
}

/// What became of a character carried over from the last call.
enum Pending {
    /// Written, with `took` bytes of the new input.
    Done { took: usize, replaced: bool },
    /// No room in the output: nothing read or written.
    NoRoom,
    /// The new input does not finish it either; it is all pending now.
    Unfinished,
}

/// The first character of `text` as bytes, its length, and that it replaced nothing.
fn first_char(text: &str) -> (&[u8], usize, bool) {
    let len = text.chars().next().map_or(0, char::len_utf8);
    (text.as_bytes().get(..len).unwrap_or_default(), len, false)
}

/// The output buffer of one decode call.
struct Out<'a> {
    buf: &'a mut [u8],
    len: usize,
}

impl Out<'_> {
    fn room(&self) -> usize {
        self.buf.len() - self.len
    }

    /// Appends whole characters of the valid UTF-8 `bytes` while they fit; returns how many
    /// bytes went in.
    fn push_valid(&mut self, bytes: &[u8]) -> usize {
        let mut n = bytes.len().min(self.room());
        while n > 0 && n < bytes.len() && is_continuation(bytes[n]) {
            n -= 1;
        }
        self.push(&bytes[..n]);
        n
    }

    fn push(&mut self, bytes: &[u8]) {
        self.buf[self.len..self.len + bytes.len()].copy_from_slice(bytes);
        self.len += bytes.len();
    }

    /// Zeroes the continuation bytes of an old character that the written bytes cut.
    fn finish(&mut self) {
        for b in self.buf.iter_mut().skip(self.len).take_while(|b| is_continuation(**b)) {
            *b = 0;
        }
    }
}

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// A streaming encoder from `str` into UTF-8 bytes.
pub struct Encoder {
    encoding: &'static Encoding,
}

impl Encoder {
    pub(crate) fn new(encoding: &'static Encoding) -> Encoder {
        Encoder { encoding }
    }

    /// The encoding the encoder was made for.
    pub fn encoding(&self) -> &'static Encoding {
        self.encoding
    }

    /// Whether a call left state for the next one (never, for UTF-8).
    pub fn has_pending_state(&self) -> bool {
        false
    }

    /// Copies whole characters of `src` into `dst` while they fit. Returns why it stopped, the
    /// bytes read, the bytes written and whether characters were unmappable (never).
    pub fn encode_from_utf8(&mut self, src: &str, dst: &mut [u8], _last: bool) -> (CoderResult, usize, usize, bool) {
        let mut n = src.len().min(dst.len());
        while !src.is_char_boundary(n) {
            n -= 1;
        }
        dst[..n].copy_from_slice(&src.as_bytes()[..n]);
        let result = if n == src.len() { CoderResult::InputEmpty } else { CoderResult::OutputFull };
        (result, n, n, false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::UTF_8;

    /// Decodes `input` fed in pieces of `step` bytes into a buffer of `room` bytes.
    fn stream(input: &[u8], step: usize, room: usize) -> (String, bool) {
        let mut decoder = UTF_8.new_decoder_without_bom_handling();
        // Old content of multi-byte characters, which partial writes must leave valid.
        let mut buffer = String::new();
        for c in ['\u{10348}', 'é', '日'].iter().cycle() {
            if buffer.len() + c.len_utf8() > room {
                break;
            }
            buffer.push(*c);
        }
        while buffer.len() < room {
            buffer.push('y');
        }
        let (mut text, mut any) = (String::new(), false);
        let pieces: Vec<&[u8]> = if input.is_empty() { vec![&[][..]] } else { input.chunks(step).collect() };
        for (i, piece) in pieces.iter().enumerate() {
            let last = i + 1 == pieces.len();
            let mut rest = *piece;
            loop {
                let (result, read, written, replaced) = decoder.decode_to_str(rest, &mut buffer, last);
                assert!(std::str::from_utf8(buffer.as_bytes()).is_ok());
                text.push_str(&buffer[..written]);
                any |= replaced;
                rest = &rest[read..];
                if result == CoderResult::InputEmpty {
                    assert!(rest.is_empty());
                    break;
                }
                assert!(read > 0 || written > 0, "no progress");
            }
        }
        (text, any)
    }

    #[test]
    fn streaming_matches_whole_lossy_decoding() {
        let inputs: [&[u8]; 9] = [
            b"",
            "plain ascii text".as_bytes(),
            "caf\u{e9} \u{65e5}\u{672c} \u{10348}!".as_bytes(),
            b"a\xE0\xA0b",
            b"\xF0\x90\x41\xC3",
            b"\xED\xA0\x80 surrogate",
            b"\xFF\xFE\x80\xBF tail \xE2\x82",
            b"\xF4\x90\x80\x80 too high",
            b"\xC3\xA9\xC3",
        ];
        for input in inputs {
            let whole = String::from_utf8_lossy(input);
            for step in 1..=input.len().max(1) {
                for room in [4, 5, 7, 64] {
                    let (text, replaced) = stream(input, step, room);
                    assert_eq!(text, whole, "{input:?} step {step} room {room}");
                    assert_eq!(replaced, whole.contains('\u{FFFD}'), "{input:?} step {step} room {room}");
                }
            }
        }
    }

    #[test]
    fn encoder_copies_whole_characters() {
        let mut encoder = UTF_8.new_encoder();
        let mut dst = [0u8; 4];
        assert_eq!(encoder.encode_from_utf8("aé\u{65e5}", &mut dst, true), (CoderResult::OutputFull, 3, 3, false));
        assert_eq!(&dst[..3], "aé".as_bytes());
        assert_eq!(encoder.encode_from_utf8("\u{65e5}", &mut dst, true), (CoderResult::InputEmpty, 3, 3, false));
    }
}
