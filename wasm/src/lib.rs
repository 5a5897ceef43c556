//! WebAssembly bindings of unboil: `cleanArticle` and `isProbablyReaderable` for JavaScript.
//!
//! Options arrive as a plain object and are checked key by key; every failure becomes a JS
//! `Error` (a core error keeps the core's message). Only the JS built-ins are used, so the
//! module runs alike in browsers, workers and Node.

use js_sys::{Array, Number, Object, Reflect, Uint8Array};
use unboil::{clean_article, is_probably_readerable, Article, Error, Formats, Input, Options};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Cleans a page (a string, or bytes in any charset) into an article object.
#[wasm_bindgen(js_name = cleanArticle, skip_typescript)]
pub fn clean(html: &JsValue, options: &JsValue) -> Result<JsValue, JsError> {
    let options = parse_options(options)?;
    let page = Page::from_js(html)?;
    let article = clean_article(page.input(), &options).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(js_article(&article))
}

/// Whether a page looks like an article a reader mode can show. Empty input and input that
/// is not HTML give `false`; bad options and the other core errors throw.
#[wasm_bindgen(js_name = isProbablyReaderable, skip_typescript)]
pub fn is_readerable(html: &JsValue, options: &JsValue) -> Result<bool, JsError> {
    let options = parse_options(options)?;
    let page = Page::from_js(html)?;
    is_probably_readerable(page.input(), &options).map_err(|e| JsError::new(&e.to_string()))
}

/// The page as JavaScript gave it: a string, or the bytes of a `Uint8Array`.
enum Page {
    Text(String),
    Bytes(Vec<u8>),
}

impl Page {
    /// Reads a JS string or `Uint8Array`; any other value is an error.
    fn from_js(html: &JsValue) -> Result<Page, JsError> {
        if let Some(text) = html.as_string() {
            Ok(Page::Text(text))
        } else if let Some(bytes) = html.dyn_ref::<Uint8Array>() {
            Ok(Page::Bytes(bytes.to_vec()))
        } else {
            Err(JsError::new(&format!("the page must be a string or a Uint8Array, got {}", type_of(html))))
        }
    }

    fn input(&self) -> Input<'_> {
        match self {
            Page::Text(text) => Input::Str(text),
            Page::Bytes(bytes) => Input::Bytes(bytes),
        }
    }
}

/// The article as a plain JS object: camelCase keys, the metadata's then the body's, absent
/// values `null`.
fn js_article(a: &Article) -> JsValue {
    let object = Object::new();
    let text = |s: &Option<String>| s.as_deref().map_or(JsValue::NULL, JsValue::from_str);
    let fields: [(&str, JsValue); 15] = [
        ("title", text(&a.meta.title)),
        ("byline", text(&a.meta.byline)),
        ("published", text(&a.meta.published)),
        ("modified", text(&a.meta.modified)),
        ("siteName", text(&a.meta.site_name)),
        ("lang", text(&a.meta.lang)),
        ("dir", text(&a.meta.dir)),
        ("excerpt", text(&a.meta.excerpt)),
        ("leadImage", text(&a.meta.lead_image)),
        ("html", JsValue::from_str(&a.html)),
        ("text", JsValue::from_str(&a.text)),
        ("markdown", text(&a.markdown)),
        ("wordCount", JsValue::from_f64(a.word_count as f64)),
        ("readingMinutes", JsValue::from_f64(f64::from(a.reading_minutes))),
        ("readerable", JsValue::from_bool(a.readerable)),
    ];
    for (key, value) in fields {
        // Setting a key on a fresh plain object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), &value);
    }
    object.into()
}

const OPTION_NAMES: &str =
    "url, charset, keepImages, removeSelectors, keepSelectors, maxBytes, maxElements, formats, renderedHints";

/// Reads the options object; `undefined` or `null` (for the object or a key) means the default.
fn parse_options(value: &JsValue) -> Result<Options, JsError> {
    let mut options = Options::default();
    each_key(value, "options", |name, v| {
        match name {
            "url" => options.url = Some(string(name, &v)?),
            "charset" => options.charset = Some(string(name, &v)?),
            "keepImages" => options.keep_images = boolean(name, &v)?,
            "removeSelectors" => options.remove_selectors = strings(name, &v)?,
            "keepSelectors" => options.keep_selectors = strings(name, &v)?,
            "maxBytes" => options.max_bytes = count(name, &v)?,
            "maxElements" => options.max_elements = count(name, &v)?,
            "formats" => options.formats = formats(&v)?,
            "renderedHints" => options.rendered_hints = boolean(name, &v)?,
            _ => return Err(JsError::new(&format!("unknown option '{name}' (the options are {OPTION_NAMES})"))),
        }
        Ok(())
    })?;
    Ok(options)
}

/// `formats`: an array of names (only those are produced) or an object of booleans (a
/// missing name stays on).
fn formats(value: &JsValue) -> Result<Formats, JsError> {
    if Array::is_array(value) {
        let mut formats = Formats { html: false, text: false, markdown: false };
        for name in strings("formats", value)? {
            match name.as_str() {
                "html" => formats.html = true,
                "text" => formats.text = true,
                "markdown" => formats.markdown = true,
                _ => return Err(invalid("formats", &format!("unknown format '{name}' (html, text or markdown)"))),
            }
        }
        return Ok(formats);
    }
    if !value.is_object() {
        return Err(expected("formats", "an array of format names or an object of booleans", value));
    }
    let mut formats = Formats::default();
    each_key(value, "formats", |name, v| {
        let on = boolean(&format!("formats.{name}"), &v)?;
        match name {
            "html" => formats.html = on,
            "text" => formats.text = on,
            "markdown" => formats.markdown = on,
            _ => return Err(invalid("formats", &format!("unknown format '{name}' (html, text or markdown)"))),
        }
        Ok(())
    })?;
    Ok(formats)
}

/// Calls `each` with the name and value of every own key of a plain object whose value is
/// neither `undefined` nor `null`.
fn each_key(
    value: &JsValue,
    what: &str,
    mut each: impl FnMut(&str, JsValue) -> Result<(), JsError>,
) -> Result<(), JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(());
    }
    if !value.is_object() || Array::is_array(value) {
        return Err(JsError::new(&format!("{what} must be an object, got {}", type_of(value))));
    }
    for key in Object::keys(value.unchecked_ref::<Object>()) {
        let name = key.as_string().unwrap_or_default();
        let v = Reflect::get(value, &key).map_err(|_| invalid(&name, "cannot be read"))?;
        if !v.is_undefined() && !v.is_null() {
            each(&name, v)?;
        }
    }
    Ok(())
}

fn string(name: &str, v: &JsValue) -> Result<String, JsError> {
    v.as_string().ok_or_else(|| expected(name, "a string", v))
}

fn boolean(name: &str, v: &JsValue) -> Result<bool, JsError> {
    v.as_bool().ok_or_else(|| expected(name, "a boolean", v))
}

fn strings(name: &str, v: &JsValue) -> Result<Vec<String>, JsError> {
    if !Array::is_array(v) {
        return Err(expected(name, "an array of strings", v));
    }
    Array::from(v)
        .iter()
        .map(|item| item.as_string().ok_or_else(|| expected(name, "an array of strings", &item)))
        .collect()
}

/// A whole number from 0 up to `Number.MAX_SAFE_INTEGER`; past the largest `usize` (which no
/// input in a 32-bit memory can reach) it saturates.
fn count(name: &str, v: &JsValue) -> Result<usize, JsError> {
    match v.as_f64() {
        Some(n) if n >= 0.0 && n.fract() == 0.0 && n <= 9_007_199_254_740_991.0 => Ok(n as usize),
        _ => Err(expected(name, "a whole number from 0", v)),
    }
}

fn expected(name: &str, what: &str, v: &JsValue) -> JsError {
    let got = match v.dyn_ref::<Number>().and_then(|n| n.to_string_with_radix(10).ok()) {
        Some(n) => format!("the number {}", String::from(n)),
        None => type_of(v),
    };
    invalid(name, &format!("expected {what}, got {got}"))
}

/// The core's wording for a bad option: `invalid option NAME: REASON`.
fn invalid(name: &str, reason: &str) -> JsError {
    JsError::new(&Error::InvalidOption { name: name.into(), reason: reason.into() }.to_string())
}

/// A value's kind for messages: its `typeof`, with arrays and `null` told apart.
fn type_of(v: &JsValue) -> String {
    if v.is_null() {
        "null".into()
    } else if Array::is_array(v) {
        "array".into()
    } else {
        v.js_typeof().as_string().unwrap_or_default()
    }
}
