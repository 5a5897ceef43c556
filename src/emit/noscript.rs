//! `<noscript>` fallbacks of lazy images. lol_html hands us a noscript's content as raw text;
//! this reads the `<img>` tags in it with a small attribute parser (nothing else in it is
//! used, and nothing in it is ever written out as markup).

/// The attributes of each `<img>` tag in `raw`, names lower-cased, values not yet decoded.
pub fn images(raw: &str) -> Vec<Vec<(String, String)>> {
    let mut out = Vec::new();
    let lower = raw.to_ascii_lowercase();
    let mut from = 0;
    while let Some(k) = lower.get(from..).and_then(|s| s.find("<img")) {
        let start = from + k + 4;
        let (attrs, end) = parse_attrs(raw, start);
        out.push(attrs);
        from = end.max(start);
        if out.len() >= 16 {
            break;
        }
    }
    out
}

/// Parses attributes from `start` up to the tag's `>`; returns them and where parsing ended.
fn parse_attrs(raw: &str, start: usize) -> (Vec<(String, String)>, usize) {
    let b = raw.as_bytes();
    let mut i = start;
    let mut attrs = Vec::new();
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() || b[i] == b'>' {
            return (attrs, i);
        }
        let name_start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let name = raw.get(name_start..i).unwrap_or("").to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let v_start = i + 1;
                i = v_start;
                while i < b.len() && b[i] != q {
                    i += 1;
                }
                value = raw.get(v_start..i).unwrap_or("").to_string();
                i = (i + 1).min(b.len());
            } else {
                let v_start = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                value = raw.get(v_start..i).unwrap_or("").to_string();
            }
        }
        if !name.is_empty() {
            attrs.push((name, value));
        }
        if attrs.len() > 64 {
            return (attrs, i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_img_tags() {
        let imgs = images(r#"<IMG SRC="/a.jpg" alt='x y' width=300><p>t</p><img src=/b.png>"#);
        assert_eq!(imgs.len(), 2);
        assert_eq!(
            imgs[0],
            vec![("src".into(), "/a.jpg".into()), ("alt".into(), "x y".into()), ("width".into(), "300".into())]
        );
        assert_eq!(imgs[1], vec![("src".to_string(), "/b.png".to_string())]);
    }

    #[test]
    fn survives_truncated_tags() {
        assert_eq!(images("<img src=\"/a.jpg").len(), 1);
        assert_eq!(images("<img").len(), 1);
        assert!(images("no images here").is_empty());
    }
}
