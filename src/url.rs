//! URL resolution and scheme checks. (Placeholder until the full resolver lands.)

/// An absolute base URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl(String);

/// What a URL is used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlKind {
    /// A link.
    Link,
    /// An image.
    Image,
    /// Audio or video.
    Media,
}

impl BaseUrl {
    /// Parses an absolute URL.
    pub fn parse(s: &str) -> Option<BaseUrl> {
        s.contains("://").then(|| BaseUrl(s.trim().to_string()))
    }
    /// Resolves a reference.
    pub fn join(&self, r: &str) -> String {
        if r.contains("://") {
            return r.to_string();
        }
        let origin_end = self.0.find("://").map(|i| i + 3).and_then(|i| self.0[i..].find('/').map(|j| i + j)).unwrap_or(self.0.len());
        if r.starts_with('/') {
            format!("{}{}", &self.0[..origin_end], r)
        } else {
            let dir = self.0.rfind('/').filter(|&i| i >= origin_end).map_or(self.0.clone() + "/", |i| self.0[..=i].to_string());
            format!("{dir}{r}")
        }
    }
}

/// Cleans and checks a URL.
pub fn sanitize(raw: &str, base: Option<&BaseUrl>, _kind: UrlKind) -> Option<String> {
    let r = raw.trim();
    if r.to_ascii_lowercase().starts_with("javascript:") {
        return None;
    }
    Some(base.map_or(r.to_string(), |b| b.join(r)))
}
