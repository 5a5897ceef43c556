//! A small JSON reader for the JSON-LD blocks: RFC 8259 syntax with the checks serde_json's
//! `from_str` makes (no trailing commas or comments, strings without control characters,
//! paired `\u` surrogates, at most 127 levels of nesting, numbers in the range of `f64`), but
//! it keeps only strings, arrays and objects: numbers, booleans and `null` are read and
//! checked, not stored. It saves the WebAssembly module serde_json's deserializer.

/// A JSON value as JSON-LD reading needs it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A number, boolean or `null`.
    Scalar,
    /// A string, escapes decoded.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object.
    Object(Object),
}

/// An object's members; a repeated key keeps its first place and its last value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Object(Vec<(String, Value)>);

impl Object {
    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// How many distinct keys the object has.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    fn insert(&mut self, key: String, value: Value) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(member) => member.1 = value,
            None => self.0.push((key, value)),
        }
    }
}

impl Value {
    /// The value of `key` when this is an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }

    /// The text when this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The members when this is an object.
    pub fn as_object(&self) -> Option<&Object> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }
}

/// Parses a whole JSON text (white space around it allowed); `None` when it is not valid JSON.
pub fn parse(text: &str) -> Option<Value> {
    let mut reader = Reader { bytes: text.as_bytes(), pos: 0 };
    let value = reader.value(MAX_DEPTH)?;
    reader.space();
    (reader.pos == reader.bytes.len()).then_some(value)
}

/// The significant digits of the number halfway between `f64::MAX` and 2^1024, from which
/// on numbers round to infinity (the digits that follow are not needed in practice).
const HALF_PAST_MAX: &[u8] = b"17976931348623158079372897140530341507993413271003782693617377898";

/// Nesting deeper than this many arrays and objects is refused, as serde_json does.
const MAX_DEPTH: u32 = 127;

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.pos += 1;
        Some(b)
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\t' | b'\r')) {
            self.pos += 1;
        }
    }

    /// Consumes `b` (after white space) when it comes next.
    fn eat(&mut self, b: u8) -> bool {
        self.space();
        let found = self.peek() == Some(b);
        if found {
            self.pos += 1;
        }
        found
    }

    /// A value, with `depth` more levels of arrays and objects allowed.
    fn value(&mut self, depth: u32) -> Option<Value> {
        self.space();
        match self.peek()? {
            b'"' => {
                self.pos += 1;
                self.string().map(Value::String)
            }
            b'[' => {
                self.pos += 1;
                let depth = depth.checked_sub(1)?;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value(depth)?);
                        if self.eat(b']') {
                            break;
                        }
                        self.eat(b',').then_some(())?;
                    }
                }
                Some(Value::Array(items))
            }
            b'{' => {
                self.pos += 1;
                let depth = depth.checked_sub(1)?;
                let mut object = Object::default();
                if !self.eat(b'}') {
                    loop {
                        self.eat(b'"').then_some(())?;
                        let key = self.string()?;
                        self.eat(b':').then_some(())?;
                        object.insert(key, self.value(depth)?);
                        if self.eat(b'}') {
                            break;
                        }
                        self.eat(b',').then_some(())?;
                    }
                }
                Some(Value::Object(object))
            }
            b't' => self.word(b"true"),
            b'f' => self.word(b"false"),
            b'n' => self.word(b"null"),
            _ => self.number(),
        }
    }

    fn word(&mut self, word: &[u8]) -> Option<Value> {
        let end = self.pos + word.len();
        (self.bytes.get(self.pos..end)? == word).then_some(())?;
        self.pos = end;
        Some(Value::Scalar)
    }

    /// The rest of a string after its opening quote.
    fn string(&mut self) -> Option<String> {
        let mut out = String::new();
        loop {
            let start = self.pos;
            while self.peek().is_some_and(|b| b != b'"' && b != b'\\' && b >= 0x20) {
                self.pos += 1;
            }
            // The stops are ASCII, so the run ends on a character boundary.
            out.push_str(std::str::from_utf8(self.bytes.get(start..self.pos)?).ok()?);
            match self.next()? {
                b'"' => return Some(out),
                b'\\' => out.push(self.escape()?),
                _ => return None,
            }
        }
    }

    /// The character of an escape, after its backslash.
    fn escape(&mut self) -> Option<char> {
        Some(match self.next()? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = self.hex4()?;
                if (0xD800..0xDC00).contains(&unit) {
                    (self.next()? == b'\\' && self.next()? == b'u').then_some(())?;
                    let low = self.hex4()?;
                    (0xDC00..0xE000).contains(&low).then_some(())?;
                    char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))?
                } else {
                    char::from_u32(unit)?
                }
            }
            _ => return None,
        })
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.bytes.get(self.pos..self.pos + 4)?;
        self.pos += 4;
        digits.iter().try_fold(0, |n, &b| Some(n * 16 + char::from(b).to_digit(16)?))
    }

    /// A number: `-`, an integer without leading zeros, an optional fraction and exponent. One
    /// that rounds to infinity as an `f64` is refused, as serde_json does (which may differ
    /// within a hair of `f64::MAX`, where serde_json's own arithmetic rounds).
    fn number(&mut self) -> Option<Value> {
        self.eat_byte(b'-');
        let int_start = self.pos;
        if !self.eat_byte(b'0') {
            self.digits()?;
        }
        let int = self.bytes.get(int_start..self.pos)?;
        let mut frac: &[u8] = &[];
        if self.eat_byte(b'.') {
            let start = self.pos;
            self.digits()?;
            frac = self.bytes.get(start..self.pos)?;
        }
        let mut exponent: i64 = 0;
        if self.eat_byte(b'e') || self.eat_byte(b'E') {
            let negative = self.eat_byte(b'-');
            if !negative {
                self.eat_byte(b'+');
            }
            let start = self.pos;
            self.digits()?;
            for &d in self.bytes.get(start..self.pos)? {
                exponent = (exponent * 10 + i64::from(d - b'0')).min(1 << 40);
            }
            if negative {
                exponent = -exponent;
            }
        }
        // The significant digits and the power of ten of the first one.
        let all: Vec<u8> = int.iter().chain(frac).copied().collect();
        let Some(first) = all.iter().position(|&d| d != b'0') else {
            return Some(Value::Scalar);
        };
        let magnitude = int.len() as i64 - 1 - first as i64 + exponent;
        let digits = all.get(first..).unwrap_or_default();
        let too_big = magnitude > 308 || (magnitude == 308 && digits >= HALF_PAST_MAX);
        (!too_big).then_some(Value::Scalar)
    }

    fn eat_byte(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        if found {
            self.pos += 1;
        }
        found
    }

    /// One or more ASCII digits.
    fn digits(&mut self) -> Option<()> {
        let start = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        (self.pos > start).then_some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the reader and serde_json agree that `text` is valid JSON.
    fn agrees(text: &str) -> bool {
        parse(text).is_some() == serde_json::from_str::<serde_json::Value>(text).is_ok()
    }

    #[test]
    fn accepts_and_refuses_what_serde_json_does() {
        let cases = [
            "{}",
            "[]",
            " {\"a\": [1, -2.5e-3, true, false, null, \"x\"]} ",
            "\"\\u00e9\\ud83d\\ude00\"",
            "0",
            "-0",
            "01",
            "1.",
            ".5",
            "+1",
            "1e",
            "1e+",
            "1E+2",
            "-",
            "--1",
            "1.5e308",
            "2e308",
            "1.7976931348623157e308",
            "1e309",
            "0e999999999",
            "1e-999999",
            "123456789012345678901234567890",
            "[1,]",
            "{\"a\":1,}",
            "{a:1}",
            "{\"a\" 1}",
            "[1 2]",
            "tru",
            "true false",
            "nul",
            "// x\n{}",
            "\"tab\there\"",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\ud800\\u0041\"",
            "\"\\u12\"",
            "\"open",
            "",
            "  ",
            "{\"a\":{\"b\":[{}]}}",
            "{\"a\":1,\"a\":2}",
            "[\"\\/\\b\\f\\n\\r\\t\\\"\\\\\"]",
        ];
        for text in cases {
            assert!(agrees(text), "{text:?}");
        }
    }

    #[test]
    fn nesting_limit_is_serde_jsons() {
        for depth in [126, 127, 128, 129] {
            let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            assert!(agrees(&text), "{depth}");
            let text = format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth));
            assert!(agrees(&text), "{depth} objects");
        }
    }

    #[test]
    fn strings_arrays_and_objects_are_kept() {
        let v = parse(r#"{"@type": ["A", "B"], "n": 3, "s": "caf\u00e9 \ud83d\ude00", "s": "last", "o": {"k": "v"}}"#)
            .unwrap();
        let o = v.as_object().unwrap();
        assert_eq!(o.len(), 4);
        assert_eq!(v.get("s").and_then(Value::as_str), Some("last"));
        assert_eq!(v.get("@type"), Some(&Value::Array(vec![Value::String("A".into()), Value::String("B".into())])));
        assert_eq!(v.get("n"), Some(&Value::Scalar));
        assert_eq!(v.get("o").and_then(|o| o.get("k")).and_then(Value::as_str), Some("v"));
        assert_eq!(parse(r#""caf\u00e9 \ud83d\ude00""#).unwrap().as_str(), Some("café 😀"));
    }
}
