//! What a batch reads: the FILE arguments and the `--files-from` list, expanded into sources.
//! Directories are walked recursively (in name order) for HTML pages and WARC files.

use std::io::BufRead;
use std::path::{Path, PathBuf};

/// How a source is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One HTML page (gzipped when its bytes start with the gzip magic number).
    Page,
    /// A WARC file (`.warc` or `.warc.gz`) holding many pages.
    Warc,
    /// A directory that could not be listed; cleaning it reports the error.
    BadDir,
}

/// One input of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The path as given (or found in a directory); `-` is standard input.
    pub path: String,
    /// How it is read.
    pub kind: Kind,
    /// Its name under `--output DIR`: the file name, or the path below the directory given.
    pub name: PathBuf,
}

/// Whether a path names a WARC file.
pub fn is_warc(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".warc") || lower.ends_with(".warc.gz")
}

/// Whether a file found in a directory is one to clean.
fn wanted(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".html", ".htm", ".gz", ".warc"].iter().any(|ext| lower.ends_with(ext))
}

fn kind_of(path: &str) -> Kind {
    if is_warc(path) {
        Kind::Warc
    } else {
        Kind::Page
    }
}

/// Adds the pages and WARC files under `dir` (recursively, entries in name order).
fn walk(dir: &Path, root: &Path, out: &mut Vec<Source>) {
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(list) => list.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(_) => {
            let path = dir.to_string_lossy().into_owned();
            out.push(Source { name: PathBuf::from(&path), path, kind: Kind::BadDir });
            return;
        }
    };
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            walk(&entry, root, out);
        } else if entry.file_name().is_some_and(|n| wanted(&n.to_string_lossy())) {
            let path = entry.to_string_lossy().into_owned();
            let name = entry.strip_prefix(root).map_or_else(|_| entry.clone(), Path::to_path_buf);
            out.push(Source { kind: kind_of(&path), path, name });
        }
    }
}

/// Expands one argument: a directory into what it holds, anything else into itself.
pub fn expand(arg: &str, out: &mut Vec<Source>) {
    let path = Path::new(arg);
    if arg != "-" && path.is_dir() {
        walk(path, path, out);
    } else {
        let name = match path.file_name() {
            Some(name) if arg != "-" => PathBuf::from(name),
            _ => PathBuf::from("stdin"),
        };
        out.push(Source { path: arg.to_string(), kind: kind_of(arg), name });
    }
}

/// Every source of a batch: the FILE arguments, then the entries of `--files-from`.
pub fn sources(files: &[String], files_from: Option<&str>) -> Result<Vec<Source>, String> {
    let mut out = Vec::new();
    for file in files {
        expand(file, &mut out);
    }
    if let Some(list) = files_from {
        let reader: Box<dyn BufRead> = if list == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            let file = std::fs::File::open(list).map_err(|e| format!("cannot read {list}: {e}"))?;
            Box::new(std::io::BufReader::new(file))
        };
        for line in reader.lines() {
            let line = line.map_err(|e| format!("cannot read {list}: {e}"))?;
            let entry = line.trim_end_matches('\r');
            if !entry.trim().is_empty() {
                expand(entry, &mut out);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_are_walked_in_order_for_pages_and_warcs() {
        let dir = std::env::temp_dir().join(format!("unboil-inputs-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("b/c")).unwrap();
        for f in ["a.html", "b/c/d.htm", "b/e.html.gz", "b/notes.txt", "crawl.warc.gz", "z.HTML"] {
            std::fs::write(dir.join(f), "x").unwrap();
        }
        let mut out = Vec::new();
        expand(&dir.to_string_lossy(), &mut out);
        let names: Vec<_> = out.iter().map(|s| (s.name.to_string_lossy().into_owned(), s.kind)).collect();
        assert_eq!(
            names,
            [
                ("a.html".into(), Kind::Page),
                ("b/c/d.htm".into(), Kind::Page),
                ("b/e.html.gz".into(), Kind::Page),
                ("crawl.warc.gz".into(), Kind::Warc),
                ("z.HTML".into(), Kind::Page),
            ]
        );
        let list = dir.join("list.txt");
        std::fs::write(&list, format!("{}\r\n\n{}\n", dir.join("a.html").display(), dir.join("b/c").display()))
            .unwrap();
        let listed = sources(&["-".into()], Some(&list.to_string_lossy())).unwrap();
        let paths: Vec<_> = listed.iter().map(|s| s.name.to_string_lossy().into_owned()).collect();
        assert_eq!(paths, ["stdin", "a.html", "d.htm"]);
        assert!(sources(&[], Some("/no/such/list")).unwrap_err().contains("cannot read"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
