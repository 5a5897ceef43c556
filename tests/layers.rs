//! The layers of `docs/architecture.md`, checked against the source: every `crate::MODULE`
//! path in a top-level module's code (comments aside) must name a module that the table below
//! lets it use, and the table lists each module after every module it uses, so the imports
//! have no cycle.

use std::path::Path;

/// Each top-level module of `src/` (a file or a folder) with the modules it may use, lowest
/// layer first. `lib.rs` is the top and may use them all.
const LAYERS: &[(&str, &[&str])] = &[
    ("testing", &[]),
    ("error", &[]),
    ("entities", &[]),
    ("words", &["testing"]),
    ("article", &[]),
    ("options", &[]),
    ("sort", &[]),
    ("url", &["entities"]),
    ("decode", &["error"]),
    ("html", &["error", "testing"]),
    ("scan", &["html", "entities", "error", "words", "testing"]),
    ("meta", &["scan", "html", "article", "entities", "url", "words"]),
    ("decide", &["scan", "meta", "html", "words", "sort"]),
    ("emit", &["scan", "html", "entities", "url", "words", "sort"]),
    ("render", &["emit", "html", "words", "sort"]),
];

/// The `crate::NAME` paths used in the code of `source` (comments skipped; a `crate::{…}`
/// group may span lines and nest).
fn crate_paths(source: &str) -> Vec<String> {
    let code = without_comments(source);
    let mut found = Vec::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::") {
        let after = &rest[at + "crate::".len()..];
        let paths = after.strip_prefix('{').map_or_else(|| vec![after], top_level_items);
        for path in paths {
            let name: String = path.trim().chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            // `crate::Error` and the like are the crate root's own items.
            if name.starts_with(|c: char| c.is_ascii_lowercase()) {
                found.push(name);
            }
        }
        rest = after;
    }
    found
}

/// The comma-separated items of a `{…}` group (its text after the `{`), nested groups whole.
fn top_level_items(group: &str) -> Vec<&str> {
    let (mut items, mut depth, mut start) = (Vec::new(), 0, 0);
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.push(&group[start..i]);
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&group[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items
}

/// `source` without its line comments: `//` to the end of the line, outside string literals
/// (a `'"'` character literal opens no string).
fn without_comments(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    for line in source.lines() {
        let (mut in_string, mut escaped, mut cut) = (false, false, line.len());
        for (i, c) in line.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' if in_string => escaped = true,
                '"' if !in_string && line[..i].ends_with('\'') && line[i + 1..].starts_with('\'') => {}
                '"' => in_string = !in_string,
                '/' if !in_string && line[i + 1..].starts_with('/') => {
                    cut = i;
                    break;
                }
                _ => {}
            }
        }
        out.push_str(&line[..cut]);
        out.push('\n');
    }
    out
}

/// Every `.rs` file under `path` (or `path` itself).
fn rust_files(path: &Path, out: &mut Vec<std::path::PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).expect("readable folder") {
            rust_files(&entry.expect("folder entry").path(), out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

#[test]
fn the_table_lists_each_module_after_the_modules_it_uses() {
    for (i, (module, uses)) in LAYERS.iter().enumerate() {
        for used in *uses {
            let below = LAYERS[..i].iter().any(|(m, _)| m == used);
            assert!(below, "{module} uses {used}, which is not listed before it");
        }
    }
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut listed = Vec::new();
    for entry in std::fs::read_dir(&src).expect("src/ is readable") {
        let path = entry.expect("folder entry").path();
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        if name == "lib" {
            continue;
        }
        let (_, allowed) = LAYERS
            .iter()
            .find(|(m, _)| *m == name)
            .unwrap_or_else(|| panic!("src/{name} is not in the layer table of tests/layers.rs"));
        let mut files = Vec::new();
        rust_files(&path, &mut files);
        for file in files {
            let source = std::fs::read_to_string(&file).expect("readable source");
            for used in crate_paths(&source) {
                assert!(
                    used == name || allowed.contains(&used.as_str()),
                    "{} uses crate::{used}, which the layer table does not let {name} use",
                    file.display()
                );
            }
        }
        listed.push(name);
    }
    for (module, _) in LAYERS {
        assert!(listed.iter().any(|m| m == module), "{module} is in the layer table but not in src/");
    }
}

#[test]
fn comments_and_root_items_are_not_imports() {
    let source = "use crate::scan::Scan;\n//! See [`crate::meta`].\nlet e = crate::Error::EmptyInput; // crate::emit\n";
    assert_eq!(crate_paths(source), ["scan"]);
    assert_eq!(crate_paths("use crate::{html::walk::Id, words};"), ["html", "words"]);
    // A group rustfmt wraps over lines, nested groups, and code after a URL in a string.
    let wrapped = "use crate::{\n    html::{tags::known, walk::Id},\n    scan::Scan, // crate::emit\n};\n";
    assert_eq!(crate_paths(wrapped), ["html", "scan"]);
    assert_eq!(crate_paths("let u = \"https://x\"; crate::url::resolve(u);"), ["url"]);
    assert_eq!(crate_paths("let q = '\"'; // crate::emit"), Vec::<String>::new());
}
