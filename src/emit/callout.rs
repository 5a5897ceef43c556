//! Callouts and admonitions as generators write them — GitHub alerts (`markdown-alert-note`),
//! Docusaurus (`theme-admonition-tip`), MkDocs and Sphinx (`admonition warning`), Obsidian
//! (`callout` with `data-callout`), Quarto and `aside` callouts (`callout-note`), Bootstrap
//! alerts (`alert alert-info`) — reduced to GitHub's five kinds, which GitHub, Obsidian and
//! CommonMark readers with alerts all show.

/// The kind of callout an element's `class` (and Obsidian's `data-callout`) names.
pub fn kind(class: &str, data_callout: Option<&str>) -> Option<&'static str> {
    let has = |w: &str| class.split_whitespace().any(|c| c.eq_ignore_ascii_case(w));
    if let Some(k) = data_callout.filter(|_| has("callout")) {
        return Some(normalize(k));
    }
    if has("admonition") || has("callout") || has("alert") {
        for c in class.split_whitespace() {
            let c = c.to_ascii_lowercase();
            let name = c
                .strip_prefix("markdown-alert-")
                .or_else(|| c.strip_prefix("theme-admonition-"))
                .or_else(|| c.strip_prefix("admonition-"))
                .or_else(|| c.strip_prefix("callout-"))
                .or_else(|| c.strip_prefix("alert-"))
                .unwrap_or(&c);
            if let Some(k) = known(name) {
                return Some(k);
            }
        }
        // An admonition or callout of a kind of its own is a note; a bare `alert` class
        // names too many other things.
        return (has("admonition") || has("callout")).then_some("note");
    }
    class.split_whitespace().find_map(|c| c.to_ascii_lowercase().strip_prefix("markdown-alert-").and_then(known))
}

/// GitHub's kind for a generator's name of one, if it is a kind of callout.
fn known(name: &str) -> Option<&'static str> {
    Some(match name {
        "note" | "info" | "information" | "abstract" | "summary" | "tldr" | "seealso" | "example" | "quote"
        | "question" | "faq" | "primary" | "secondary" | "todo" => "note",
        "tip" | "hint" | "success" | "check" | "done" => "tip",
        "important" => "important",
        "warning" | "warn" | "attention" => "warning",
        "caution" | "danger" | "error" | "bug" | "failure" | "fail" => "caution",
        _ => return None,
    })
}

fn normalize(name: &str) -> &'static str {
    known(&name.trim().to_ascii_lowercase()).unwrap_or("note")
}

/// Whether `title` (a callout's first line) only names its kind ("Note", "Warning:").
pub fn is_kind_title(title: &str) -> bool {
    let t = title.trim().trim_end_matches(':').trim().to_ascii_lowercase();
    known(&t).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generators_classes() {
        assert_eq!(kind("markdown-alert markdown-alert-warning", None), Some("warning"));
        assert_eq!(kind("theme-admonition theme-admonition-tip alert alert--success", None), Some("tip"));
        assert_eq!(kind("admonition danger", None), Some("caution"));
        assert_eq!(kind("admonition custom-thing", None), Some("note"));
        assert_eq!(kind("callout", Some("INFO")), Some("note"));
        assert_eq!(kind("callout callout-style-default callout-important", None), Some("important"));
        assert_eq!(kind("alert alert-warning alert-dismissible", None), Some("warning"));
        assert_eq!(kind("alert", None), None);
        assert_eq!(kind("post-body", None), None);
        assert!(is_kind_title("Warning:") && !is_kind_title("Before you start"));
    }
}
