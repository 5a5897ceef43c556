//! The platform's `TextDecoder` (WHATWG Encoding Standard), for every charset but UTF-8.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    type TextDecoder;

    #[wasm_bindgen(constructor, catch)]
    fn new(label: &str, options: &JsValue) -> Result<TextDecoder, JsValue>;

    #[wasm_bindgen(method, getter)]
    fn encoding(this: &TextDecoder) -> String;

    #[wasm_bindgen(method, catch)]
    fn decode(this: &TextDecoder, input: &[u8]) -> Result<String, JsValue>;
}

/// The canonical name (lower case) of the encoding `label` names, or `None` when the platform
/// knows no such label.
pub fn canonical_name(label: &str) -> Option<String> {
    TextDecoder::new(label, &JsValue::UNDEFINED).ok().map(|d| d.encoding())
}

/// `bytes` decoded from the encoding `name`, malformed bytes replaced and a byte order mark
/// kept. Should the platform lack the encoding, the bytes are read as UTF-8.
pub fn decode(name: &str, bytes: &[u8]) -> String {
    let options = Object::new();
    // Setting a key on a fresh plain object cannot fail.
    let _ = Reflect::set(&options, &JsValue::from_str("ignoreBOM"), &JsValue::TRUE);
    TextDecoder::new(name, &options)
        .and_then(|decoder| decoder.decode(bytes))
        .unwrap_or_else(|_| String::from_utf8_lossy(bytes).into_owned())
}
