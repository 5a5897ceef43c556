//! Callouts and admonitions as generators write them — GitHub alerts (`markdown-alert-note`),
//! Docusaurus (`theme-admonition-tip`), MkDocs and Sphinx (`admonition warning`), Obsidian
//! (`callout` with `data-callout`), Quarto and `aside` callouts (`callout-note`), Bootstrap
//! alerts (`alert alert-info`) — reduced to GitHub's five kinds, which GitHub, Obsidian and
//! CommonMark readers with alerts all show.

/// The kind of callout an element's `class` (and Obsidian's `data-callout`) names. Class
/// names are matched as generators write them, in lower case.
pub fn kind(class: &str, data_callout: Option<&str>) -> Option<&'static str> {
    // `admonition` and `callout` announce a callout of some kind; a bare `alert` names too
    // many other things, so it needs its kind (`alert-info`).
    let (mut boxed, mut alert, mut named) = (false, false, None);
    for c in class.split_ascii_whitespace() {
        match c {
            "admonition" | "callout" => boxed = true,
            "alert" => alert = true,
            _ => {
                let name = ["markdown-alert-", "theme-admonition-", "admonition-", "callout-", "alert-"]
                    .iter()
                    .find_map(|p| c.strip_prefix(p))
                    .unwrap_or(c);
                // GitHub's alert class needs no companion.
                if c.starts_with("markdown-alert-") {
                    boxed = true;
                }
                named = named.or_else(|| known(name));
            }
        }
    }
    if boxed && class.contains("callout") {
        if let Some(k) = data_callout {
            return Some(known(&k.trim().to_ascii_lowercase()).unwrap_or("note"));
        }
    }
    match (boxed, alert, named) {
        (true, _, kind) => Some(kind.unwrap_or("note")),
        (false, true, kind) => kind,
        _ => None,
    }
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
