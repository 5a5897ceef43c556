//! Callouts and admonitions as generators write them — GitHub alerts (`markdown-alert-note`),
//! Docusaurus (`theme-admonition-tip`), MkDocs and Sphinx (`admonition warning`), Obsidian
//! (`callout` with `data-callout`), Quarto and `aside` callouts (`callout-note`), Bootstrap
//! alerts (`alert alert-info`), VitePress (`tip custom-block`) and Starlight
//! (`starlight-aside starlight-aside--tip`) — reduced to GitHub's five kinds, which GitHub, Obsidian and
//! CommonMark readers with alerts all show. A kind that is none of those nor a synonym of one
//! (MkDocs `admonition exercise`, Docusaurus `theme-admonition-security`, Obsidian
//! `data-callout="definition"`) keeps its own name, as Obsidian keeps custom callout types.

/// The kind of callout an element's `class` (and Obsidian's `data-callout`) names. Class
/// names are matched as generators write them, in lower case.
pub fn kind(class: &str, data_callout: Option<&str>) -> Option<String> {
    // `admonition` and `callout` announce a callout of some kind; a bare `alert` names too
    // many other things, so it needs its kind (`alert-info`).
    let (mut boxed, mut alert, mut named) = (false, false, None);
    // A custom kind: the class right after MkDocs' `admonition`, or Docusaurus'
    // `theme-admonition-` suffix (not Sphinx's `admonition-…`, a slug of the title).
    let (mut custom, mut after_admonition) = (None, false);
    for c in class.split_ascii_whitespace() {
        if after_admonition || c.starts_with("theme-admonition-") {
            custom = custom.or_else(|| custom_kind(c.strip_prefix("theme-admonition-").unwrap_or(c)));
        }
        after_admonition = c == "admonition";
        match c {
            "admonition" | "callout" | "custom-block" | "starlight-aside" => boxed = true,
            "alert" => alert = true,
            _ => {
                let name = ["markdown-alert-", "theme-admonition-", "starlight-aside--", "admonition-", "callout-", "alert-"]
                    .iter()
                    .find_map(|p| c.strip_prefix(p))
                    .unwrap_or(c);
                // GitHub's and Docusaurus' kind classes need no companion.
                if c.starts_with("markdown-alert-") || c.starts_with("theme-admonition-") {
                    boxed = true;
                }
                named = named.or_else(|| known(name));
            }
        }
    }
    if boxed && class.contains("callout") {
        if let Some(k) = data_callout {
            let k = k.trim().to_ascii_lowercase();
            return Some(known(&k).map(str::to_string).or_else(|| custom_kind(&k)).unwrap_or_else(|| "note".into()));
        }
    }
    match (boxed, alert, named) {
        (true, _, None) => Some(custom.unwrap_or_else(|| "note".into())),
        (true, _, kind) | (false, true, kind) => kind.map(str::to_string),
        (false, false, _) => None,
    }
}

/// A name fit to be a kind of its own: a lower-case word (hyphens inside), at most 24
/// letters, and not a GitHub kind's synonym.
fn custom_kind(name: &str) -> Option<String> {
    let word = name.len() <= 24
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
    (word && known(name).is_none()).then(|| name.to_string())
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

/// Whether `title` (a callout's first line) only names a kind ("Note", "Warning:") or its
/// own custom `kind` ("Exercise").
pub fn is_kind_title(title: &str, kind: &str) -> bool {
    let t = title.trim().trim_end_matches(':').trim().to_ascii_lowercase();
    known(&t).is_some() || t == kind
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generators_classes() {
        assert_eq!(kind("markdown-alert markdown-alert-warning", None).as_deref(), Some("warning"));
        assert_eq!(kind("theme-admonition theme-admonition-tip alert alert--success", None).as_deref(), Some("tip"));
        assert_eq!(kind("admonition danger", None).as_deref(), Some("caution"));
        assert_eq!(kind("callout", Some("INFO")).as_deref(), Some("note"));
        assert_eq!(kind("callout callout-style-default callout-important", None).as_deref(), Some("important"));
        assert_eq!(kind("alert alert-warning alert-dismissible", None).as_deref(), Some("warning"));
        assert_eq!(kind("warning custom-block", None).as_deref(), Some("warning"));
        assert_eq!(kind("details custom-block", None).as_deref(), Some("note"));
        assert_eq!(kind("starlight-aside starlight-aside--danger", None).as_deref(), Some("caution"));
        assert_eq!(kind("custom-block-title", None), None);
        assert_eq!(kind("alert", None), None);
        assert_eq!(kind("post-body", None), None);
        assert_eq!(kind("note", None), None);
        assert!(is_kind_title("Warning:", "warning") && !is_kind_title("Before you start", "note"));
    }

    #[test]
    fn custom_kinds() {
        assert_eq!(kind("admonition custom-thing", None).as_deref(), Some("custom-thing"));
        assert_eq!(kind("admonition exercise inline end", None).as_deref(), Some("exercise"));
        assert_eq!(kind("admonition example", None).as_deref(), Some("note"));
        assert_eq!(kind("theme-admonition theme-admonition-security alert", None).as_deref(), Some("security"));
        assert_eq!(kind("callout", Some("Definition")).as_deref(), Some("definition"));
        assert_eq!(kind("callout", Some("x<y")).as_deref(), Some("note"));
        // Sphinx's generic admonition is named after its title: no kind of its own.
        assert_eq!(kind("admonition admonition-before-you-start", None).as_deref(), Some("note"));
        assert!(is_kind_title("Exercise", "exercise"));
    }
}
