//! Code blocks as highlighters write them: the language named on the `pre`, the `code` or a
//! wrapper, in any of the generators' spellings, normalized to `language-x`.

/// The language named by an element's attributes (`get` reads a decoded value):
/// `language-x`, `lang-x`, `highlight-source-x` (GitHub), `highlight-x` (Sphinx),
/// `brush: x` (SyntaxHighlighter), `lang:x` (Crayon) and `sourceCode x` (Pandoc, Quarto)
/// classes, then `data-lang`, `data-language` and `data-enlighter-language`. A
/// `wrapper` (a `div` or `figure` around the block) is read only for the class spellings
/// that cannot name a page's human language.
pub fn language(get: &dyn Fn(&str) -> Option<String>, wrapper: bool) -> Option<String> {
    if let Some(class) = get("class") {
        if let Some(l) = from_class(&class, wrapper) {
            return Some(l);
        }
    }
    if wrapper {
        return None;
    }
    ["data-lang", "data-language", "data-enlighter-language"].iter().filter_map(|n| get(n)).find_map(|v| valid(v.trim()))
}

/// Whether an element's `class` marks the file name that generators write above a code
/// block: a code title or caption (Docusaurus `codeBlockTitle_…`, Sphinx
/// `code-block-caption`, `gatsby-code-title`, `rehype-code-title`), `filename` or Quarto's
/// `code-with-filename-file`. A `pre`
/// right after such an element takes it as its caption.
pub fn is_title(class: &str) -> bool {
    class.split_ascii_whitespace().any(|token| {
        let t: String = token.chars().filter(|c| !matches!(c, '-' | '_')).map(|c| c.to_ascii_lowercase()).collect();
        t == "filename"
            || t == "codewithfilenamefile"
            || ["codetitle", "codeblocktitle", "codeblockcaption", "codecaption"].iter().any(|k| t.contains(k))
    })
}

fn from_class(class: &str, wrapper: bool) -> Option<String> {
    if let Some((_, rest)) = class.split_once("brush:") {
        let name = rest.trim_start().split(|c: char| c == ';' || c.is_whitespace()).next().unwrap_or("");
        if let Some(l) = valid(name) {
            return Some(l);
        }
    }
    let mut after_source_code = false;
    class.split_whitespace().find_map(|c| {
        // Pandoc and Quarto: `sourceCode python`, `sourceCode numberSource python numberLines`.
        let pandoc = after_source_code && c != "numberSource";
        after_source_code = c == "sourceCode" || (after_source_code && c == "numberSource");
        let name = c
            .strip_prefix("language-")
            .or_else(|| c.strip_prefix("highlight-source-"))
            .or_else(|| c.strip_prefix("highlight-"))
            .or_else(|| if wrapper { None } else { c.strip_prefix("lang-").or_else(|| c.strip_prefix("lang:")) })
            .or(pandoc.then_some(c))?;
        valid(name)
    })
}

/// A language name fit for a class and a fence info string, lower-cased; `None` for the
/// names that mean "no language".
fn valid(name: &str) -> Option<String> {
    let ok = !name.is_empty()
        && name.len() <= 30
        && name.chars().all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '+' | '-' | '_' | '#' | '.'));
    let name = name.to_ascii_lowercase();
    (ok && !matches!(name.as_str(), "none" | "default" | "nohighlight" | "plain")).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(attrs: &[(&str, &str)], wrapper: bool) -> Option<String> {
        let get = |n: &str| attrs.iter().find(|(k, _)| *k == n).map(|(_, v)| v.to_string());
        language(&get, wrapper)
    }

    #[test]
    fn generators_spellings() {
        assert_eq!(lang(&[("class", "language-Rust")], false).as_deref(), Some("rust"));
        assert_eq!(lang(&[("class", "prettyprint lang-js")], false).as_deref(), Some("js"));
        assert_eq!(lang(&[("class", "highlight highlight-source-python")], true).as_deref(), Some("python"));
        assert_eq!(lang(&[("class", "highlight-c++ notranslate")], true).as_deref(), Some("c++"));
        assert_eq!(lang(&[("class", "brush: ruby; gutter: false")], false).as_deref(), Some("ruby"));
        assert_eq!(lang(&[("data-lang", "go")], false).as_deref(), Some("go"));
        assert_eq!(lang(&[("class", "chroma"), ("data-language", "ts")], false).as_deref(), Some("ts"));
        assert_eq!(lang(&[("class", "sourceCode python code-with-copy")], false).as_deref(), Some("python"));
        assert_eq!(lang(&[("class", "lang:php decode:true")], false).as_deref(), Some("php"));
        assert_eq!(lang(&[("class", "EnlighterJSRAW"), ("data-enlighter-language", "py")], false).as_deref(), Some("py"));
        assert_eq!(lang(&[("class", "sourceCode numberSource r numberLines")], false).as_deref(), Some("r"));
        assert_eq!(lang(&[("class", "sourceCode")], true), None);
    }

    #[test]
    fn code_titles() {
        for class in
            ["codeBlockTitle_Ktv7", "code-block-caption", "gatsby-code-title", "rehype-code-title", "x filename", "code-with-filename-file"]
        {
            assert!(is_title(class), "{class}");
        }
        for class in ["title", "caption", "file", "filenames-list", "code-block", "code-with-filename"] {
            assert!(!is_title(class), "{class}");
        }
    }

    #[test]
    fn wrappers_and_non_languages() {
        assert_eq!(lang(&[("class", "lang-en")], true), None);
        assert_eq!(lang(&[("data-lang", "en")], true), None);
        assert_eq!(lang(&[("class", "language-none")], false), None);
        assert_eq!(lang(&[("class", "language-<script>")], false), None);
    }
}
