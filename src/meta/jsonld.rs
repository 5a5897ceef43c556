//! JSON-LD: the article facts publishers put in `<script type="application/ld+json">`.

use super::json::{self, Value};

/// What the JSON-LD blocks of a page say about its article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkedData {
    /// `headline` (or `name`) of the article.
    pub headline: Option<String>,
    /// Names of the authors, in order.
    pub authors: Vec<String>,
    /// `datePublished` values.
    pub published: Vec<String>,
    /// `dateModified` values.
    pub modified: Vec<String>,
    /// `publisher.name` (or a `WebSite`'s name).
    pub publisher: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// The first image URL.
    pub image: Option<String>,
    /// `inLanguage`.
    pub language: Option<String>,
}

/// Types whose objects describe the page's article.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "BlogPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
    "BackgroundNewsArticle",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "DiscussionForumPosting",
    "Recipe",
    "Review",
    "HowTo",
    "WebPage",
    "ItemPage",
    "Blog",
    "MedicalWebPage",
    "QAPage",
    "Question",
    "CreativeWork",
    "VideoObject",
    "PressRelease",
    "Product",
    "Event",
    "Course",
];

/// How strongly a `@type` marks an article (higher wins).
fn rank(v: &Value) -> u8 {
    let types: Vec<&str> = match v.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => return 0,
    };
    types
        .iter()
        .map(|t| t.rsplit(['/', ':']).next().unwrap_or(t))
        .filter_map(|t| ARTICLE_TYPES.iter().position(|a| *a == t))
        .map(|i| {
            if i < 18 {
                3
            } else if i < 24 {
                2
            } else {
                1
            }
        })
        .max()
        .unwrap_or(0)
}

/// Visits every object in a JSON-LD value (top level, arrays, `@graph`), iteratively.
fn objects(root: &Value) -> Vec<&Value> {
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(a) => stack.extend(a.iter().rev()),
            Value::Object(o) => {
                out.push(v);
                if let Some(g) = o.get("@graph") {
                    stack.push(g);
                }
            }
            _ => {}
        }
        if out.len() > 1000 {
            break;
        }
    }
    out
}

fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(crate::entities::decode(s.trim(), false).into_owned()).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(text),
        Value::Object(o) => o.get("@value").and_then(text),
        _ => None,
    }
}

/// Objects by `@id`, so references like `"author": {"@id": "…"}` can be followed.
type Index<'a> = Vec<(&'a str, &'a Value)>;

fn resolve<'a>(v: &'a Value, index: &Index<'a>) -> &'a Value {
    match v.as_object() {
        Some(o) if o.len() == 1 => o
            .get("@id")
            .and_then(Value::as_str)
            .and_then(|id| index.iter().find(|(k, _)| *k == id))
            .map_or(v, |(_, target)| *target),
        _ => v,
    }
}

fn names(v: &Value, index: &Index, out: &mut Vec<String>) {
    match resolve(v, index) {
        Value::String(s) => {
            let s = s.trim();
            if !s.is_empty() && !s.starts_with("http") {
                out.push(s.to_string());
            }
        }
        Value::Array(a) => a.iter().for_each(|x| names(x, index, out)),
        Value::Object(o) => {
            if let Some(n) = o.get("name").and_then(text) {
                out.push(n);
            } else if let (Some(g), Some(f)) = (o.get("givenName").and_then(text), o.get("familyName").and_then(text)) {
                out.push(format!("{g} {f}"));
            }
        }
        _ => {}
    }
}

fn image(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(image),
        Value::Object(o) => o.get("url").or_else(|| o.get("contentUrl")).and_then(image),
        _ => None,
    }
}

/// Parses the JSON-LD scripts of a page; blocks that are not valid JSON are skipped.
pub fn parse(blocks: &[String]) -> LinkedData {
    let values: Vec<Value> = blocks
        .iter()
        .filter_map(|b| {
            let b = b.trim();
            let b = b.trim_start_matches("//").trim_start_matches("<!--").trim_start();
            let b = b.trim_start_matches("<![CDATA[").trim_end();
            let b = ["-->", "]]>", "//"].iter().fold(b, |b, end| crate::words::trim_end_all(b, end).trim_end());
            let b = b.trim();
            json::parse(b)
        })
        .collect();
    let all: Vec<&Value> = values.iter().flat_map(objects).collect();
    let index: Index = all
        .iter()
        .filter_map(|v| Some((v.get("@id")?.as_str()?, *v)))
        .filter(|(_, v)| v.as_object().is_some_and(|o| o.len() > 1))
        .collect();
    let mut ld = LinkedData::default();
    let best = all.iter().copied().filter(|v| rank(v) > 0).max_by_key(|v| rank(v));
    if let Some(a) = best {
        ld.headline = a.get("headline").or_else(|| a.get("name")).and_then(text);
        if let Some(au) = a.get("author").or_else(|| a.get("creator")) {
            names(au, &index, &mut ld.authors);
        }
        ld.published.extend(a.get("datePublished").or_else(|| a.get("dateCreated")).and_then(text));
        ld.modified.extend(a.get("dateModified").and_then(text));
        ld.description = a.get("description").and_then(text);
        ld.image = a.get("image").or_else(|| a.get("thumbnailUrl")).and_then(image);
        ld.language = a.get("inLanguage").and_then(text);
        ld.publisher = a.get("publisher").map(|p| resolve(p, &index)).and_then(|p| p.get("name")).and_then(text);
    }
    if ld.publisher.is_none() {
        ld.publisher = all
            .iter()
            .find(|v| {
                v.get("@type").and_then(Value::as_str).is_some_and(|t| t == "WebSite" || t == "NewsMediaOrganization")
            })
            .and_then(|v| v.get("name"))
            .and_then(text);
    }
    ld
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_with_nested_types() {
        let block = r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"Example Daily"},
            {"@type":["NewsArticle","Article"],"headline":"A &amp; B","datePublished":"2025-03-01T08:00:00+09:00",
             "author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chan"}],
             "image":{"@type":"ImageObject","url":"https://img.example/a.jpg"}}]}"#;
        let ld = parse(&[block.to_string()]);
        assert_eq!(ld.headline.as_deref(), Some("A & B"));
        assert_eq!(ld.authors, ["Ann Lee", "Bo Chan"]);
        assert_eq!(ld.published, ["2025-03-01T08:00:00+09:00"]);
        assert_eq!(ld.publisher.as_deref(), Some("Example Daily"));
        assert_eq!(ld.image.as_deref(), Some("https://img.example/a.jpg"));
    }

    #[test]
    fn references_and_cdata() {
        let block = r##"<![CDATA[{"@graph":[{"@type":"Person","@id":"#p1","name":"Tess Lind"},
            {"@type":"Article","headline":"H","author":{"@id":"#p1"},"publisher":{"@id":"#o"}},
            {"@type":"Organization","@id":"#o","name":"Gear Daily"}]}]]>"##;
        let ld = parse(&[block.to_string()]);
        assert_eq!(ld.authors, ["Tess Lind"]);
        assert_eq!(ld.publisher.as_deref(), Some("Gear Daily"));
    }

    #[test]
    fn invalid_blocks_are_skipped() {
        let ld = parse(&["{not json".to_string(), r#"[{"@type":"BlogPosting","name":"Hi"}]"#.to_string()]);
        assert_eq!(ld.headline.as_deref(), Some("Hi"));
    }
}
