//! The command-line contract other tools rely on: one FILE gives one compact JSON line with
//! the documented keys; several give JSON Lines with a `file` key, errors inline, exit code 1.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

const KEYS: [&str; 15] = [
    "title",
    "byline",
    "published",
    "modified",
    "site_name",
    "lang",
    "dir",
    "excerpt",
    "lead_image",
    "html",
    "text",
    "markdown",
    "word_count",
    "reading_minutes",
    "readerable",
];

fn unboil() -> Command {
    Command::new(env!("CARGO_BIN_EXE_unboil"))
}

fn sample() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../samples/harbor-ferries.html")
}

fn keys_in_order(line: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(line).expect("one JSON object");
    let map = v.as_object().expect("an object");
    // serde_json without preserve_order sorts keys, so check the raw order in the text.
    let mut found: Vec<(usize, String)> =
        map.keys().filter_map(|k| line.find(&format!("\"{k}\":")).map(|p| (p, k.clone()))).collect();
    found.sort();
    found.into_iter().map(|(_, k)| k).collect()
}

#[test]
fn one_file_prints_one_compact_json_line() {
    let out = unboil().arg(sample()).args(["--url", "https://www.baysidecourier.example/news/x"]).output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "one line");
    assert_eq!(keys_in_order(stdout.trim()), KEYS);
    let v: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    assert!(v["text"].as_str().unwrap().contains("battery-electric"));
    assert!(v["modified"].is_string() && v["dir"].is_null());
}

#[test]
fn options_may_follow_the_files_and_stdin_works() {
    let mut child =
        unboil().args(["-", "--format", "text"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    let page = std::fs::read(sample()).unwrap();
    child.stdin.take().unwrap().write_all(&page).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("battery-electric") && !text.trim_start().starts_with('{'));
}

#[test]
fn several_files_print_json_lines_with_errors_inline() {
    let missing = "does-not-exist.html";
    let out = unboil().arg(sample()).arg(missing).arg(sample()).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "a failed file makes the exit code 1");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "every file gets a line, in order");
    assert_eq!(keys_in_order(lines[0])[0], "file");
    let err: serde_json::Value = serde_json::from_str(lines[1]).unwrap();
    assert_eq!(err["file"], missing);
    assert!(err["error"].as_str().unwrap().contains("cannot read"));
    let third: serde_json::Value = serde_json::from_str(lines[2]).unwrap();
    assert_eq!(third["file"], sample().to_str().unwrap());
    assert!(!String::from_utf8(out.stderr).unwrap().is_empty(), "errors also go to stderr");
}

#[test]
fn errors_go_to_stderr_with_a_non_zero_exit() {
    let out = unboil().args(["--format", "pdf", "x.html"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("unknown format"));
    let dir = std::env::temp_dir().join(format!("unboil-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let empty = dir.join("empty.html");
    std::fs::write(&empty, "   ").unwrap();
    let out = unboil().arg(&empty).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8(out.stderr).unwrap().contains("empty"));
    let bad_selector = unboil().arg(sample()).args(["--remove", "p:hover"]).output().unwrap();
    assert_eq!(bad_selector.status.code(), Some(1));
    assert!(String::from_utf8(bad_selector.stderr).unwrap().contains("pseudo-classes"));
}

#[test]
fn every_format_prints_the_body() {
    for (format, marker) in [("html", "<p>"), ("text", "battery-electric"), ("markdown", "battery-electric")] {
        let out = unboil().arg(sample()).args(["--format", format]).output().unwrap();
        assert!(out.status.success(), "{format}");
        assert!(String::from_utf8(out.stdout).unwrap().contains(marker), "{format}");
    }
}
