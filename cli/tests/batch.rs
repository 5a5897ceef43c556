//! Batches through the real `unboil` binary: WARC files (gzipped per record, as Common Crawl
//! ships them, or plain), directories, `--files-from`, `--jobs`, `--output` and `--errors`.
//! The WARC files are built here, record by record, from the repository's own fixture pages.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn unboil(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_unboil"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("unboil-batch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/pages").join(name)).unwrap()
}

/// One WARC record, as a gzip member when `gzip`.
fn record(kind: &str, uri: &str, id: usize, content_type: &str, block: &[u8], gzip: bool) -> Vec<u8> {
    let mut raw = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{id:012}>\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    raw.extend_from_slice(block);
    raw.extend_from_slice(b"\r\n\r\n");
    if !gzip {
        return raw;
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&raw).unwrap();
    gz.finish().unwrap()
}

fn http(headers: &str, body: &[u8]) -> Vec<u8> {
    let mut message = format!("HTTP/1.1 {headers}\r\n\r\n").into_bytes();
    message.extend_from_slice(body);
    message
}

const HTTP: &str = "application/http; msgtype=response";

/// A Japanese page whose charset only the HTTP header names.
fn shift_jis_page() -> Vec<u8> {
    let text = "<html><head><title>港の新しいフェリー</title></head><body><article><h1>港の新しいフェリー</h1>\
        <p>市は来年から電気で走るフェリーを三隻導入すると発表した。充電設備は桟橋に設けられる。</p>\
        <p>運航会社によると、燃料費は半分以下になり、騒音も大きく減る見込みだという。</p></article></body></html>";
    encoding_rs::SHIFT_JIS.encode(text).0.into_owned()
}

/// A WARC with every kind of record a crawl holds, good and bad.
fn crawl(gzip: bool) -> Vec<u8> {
    let mut gz_body = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz_body.write_all(&fixture("de-news-fernwaerme.html")).unwrap();
    let gz_body = gz_body.finish().unwrap();
    let mut chunked =
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n"
            .to_vec();
    for part in gz_body.chunks(1000) {
        chunked.extend(format!("{:x}\r\n", part.len()).bytes());
        chunked.extend_from_slice(part);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let records = [
        record("warcinfo", "", 1, "application/warc-fields", b"software: test\r\n", gzip),
        record(
            "request",
            "https://news.example/a",
            2,
            "application/http; msgtype=request",
            b"GET /a HTTP/1.1\r\n\r\n",
            gzip,
        ),
        record(
            "response",
            "https://news.example/a",
            3,
            HTTP,
            &http("200 OK\r\nContent-Type: text/html; charset=utf-8", &fixture("en-blog-sourdough-starter.html")),
            gzip,
        ),
        record(
            "response",
            "https://news.example/jp",
            4,
            HTTP,
            &http("200 OK\r\nContent-Type: text/html; charset=Shift_JIS", &shift_jis_page()),
            gzip,
        ),
        record(
            "response",
            "https://news.example/logo.png",
            5,
            HTTP,
            &http("200 OK\r\nContent-Type: image/png", b"\x89PNG\r\n\x1a\n\0\0"),
            gzip,
        ),
        record(
            "response",
            "https://news.example/gone",
            6,
            HTTP,
            &http("404 Not Found\r\nContent-Type: text/html", b"<p>gone</p>"),
            gzip,
        ),
        record(
            "response",
            "https://news.example/bin",
            7,
            HTTP,
            &http("200 OK\r\nContent-Type: text/html", &[0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0, 255].repeat(50)),
            gzip,
        ),
        record("response", "https://news.example/de", 8, HTTP, &chunked, gzip),
        record("resource", "file:///saved/ar.html", 9, "text/html", &fixture("ar-news-public-library.html"), gzip),
        record("metadata", "https://news.example/a", 10, "application/warc-fields", b"fetchTimeMs: 12\r\n", gzip),
    ];
    let mut warc = records.concat();
    // A last record cut off in the middle, as an interrupted download leaves it.
    let last = record(
        "response",
        "https://news.example/cut",
        11,
        HTTP,
        &http("200 OK\r\nContent-Type: text/html", b"<p>cut</p>"),
        gzip,
    );
    warc.extend_from_slice(&last[..last.len() / 2]);
    warc
}

fn check_crawl(name: &str, gzip: bool) {
    let dir = scratch(name);
    let path = dir.join(if gzip { "crawl.warc.gz" } else { "crawl.warc" });
    std::fs::write(&path, crawl(gzip)).unwrap();
    let path = path.to_str().unwrap();
    let out = unboil(&[path, "--no-markdown", "-j", "3"], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let pages = lines(&out);
    let urls: Vec<_> = pages.iter().map(|p| p["url"].as_str().unwrap_or("")).collect();
    assert_eq!(
        urls,
        ["https://news.example/a", "https://news.example/jp", "https://news.example/de", "file:///saved/ar.html"]
    );
    assert_eq!(pages[1]["warc_record_id"], "<urn:uuid:00000000-0000-0000-0000-000000000004>");
    assert!(pages.iter().all(|p| p["file"] == path && p["error"].is_null()));
    assert!(pages[1]["text"].as_str().unwrap().contains("燃料費は半分以下になり"), "{}", pages[1]["text"]);
    assert_eq!(pages[1]["title"], "港の新しいフェリー");
    assert_eq!(pages[2]["lang"], "de-DE");
    assert_eq!(pages[3]["dir"], "rtl");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("4 pages cleaned"), "{stderr}");
    assert!(stderr.contains("4 WARC records skipped"), "{stderr}");
    assert!(stderr.contains("1 not HTML") && stderr.contains("1 HTTP error status"), "{stderr}");
    assert!(stderr.contains("1 the last record is cut off") && stderr.contains("1 the input is not HTML"), "{stderr}");
    assert!(stderr.contains("3 WARC records without a page"), "{stderr}");

    // Asked for, the skipped records get their error lines, in file order.
    let out = unboil(&[path, "--no-markdown", "--errors", "--format", "text"], None);
    assert!(out.status.success());
    let all = lines(&out);
    let errors: Vec<_> = all.iter().filter_map(|p| Some((p["url"].as_str(), p["error"].as_str()?))).collect();
    assert_eq!(errors.len(), 4, "{errors:?}");
    assert_eq!(errors[0], (Some("https://news.example/logo.png"), "not HTML (image/png)"));
    assert_eq!(errors[1].1, "HTTP error status (404)");
    assert!(errors[3].1.contains("cut off"));
    assert_eq!(all.len(), 8);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn warc_gz_records_are_cleaned_with_their_url_charset_and_id() {
    check_crawl("gz", true);
}

#[test]
fn plain_warc_files_are_read_too() {
    check_crawl("plain", false);
}

#[test]
fn damaged_warc_files_never_stop_the_batch() {
    let dir = scratch("damaged");
    let good = fixture("fr-news-velos-cargos.html");
    let mut garbled = crawl(true);
    garbled.truncate(garbled.len() / 3);
    garbled.extend(std::iter::repeat_n(0x55, 5000));
    let inputs = [
        ("junk.warc", b"\x00\x01 this is no WARC at all \r\n\r\n\xff\xfe".repeat(100)),
        ("garbled.warc.gz", garbled),
        ("empty.warc", Vec::new()),
        ("page.html", good.clone()),
    ];
    let mut args: Vec<String> = Vec::new();
    for (name, bytes) in &inputs {
        std::fs::write(dir.join(name), bytes).unwrap();
        args.push(dir.join(name).to_string_lossy().into_owned());
    }
    args.push("--no-markdown".into());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = unboil(&args, None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let pages = lines(&out);
    let last = pages.last().unwrap();
    assert!(last["file"].as_str().unwrap().ends_with("page.html") && last["text"].as_str().unwrap().len() > 200);
    assert!(String::from_utf8_lossy(&out.stderr).contains("WARC records skipped"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Fixture pages of different sizes, so that parallel jobs finish out of order.
fn page_dir(name: &str) -> (PathBuf, Vec<String>) {
    let dir = scratch(name);
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/pages");
    let mut names: Vec<String> = std::fs::read_dir(&source)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".html"))
        .collect();
    names.sort();
    for (i, n) in names.iter().enumerate() {
        let sub = dir.join(if i % 2 == 0 { "even" } else { "odd/deeper" });
        std::fs::create_dir_all(&sub).unwrap();
        let bytes = std::fs::read(source.join(n)).unwrap();
        if i % 5 == 0 {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            gz.write_all(&bytes).unwrap();
            std::fs::write(sub.join(format!("{n}.gz")), gz.finish().unwrap()).unwrap();
        } else {
            std::fs::write(sub.join(n), bytes).unwrap();
        }
    }
    std::fs::write(dir.join("even/notes.txt"), "not a page").unwrap();
    (dir, names)
}

#[test]
fn directories_keep_input_order_on_any_number_of_jobs() {
    let (dir, names) = page_dir("order");
    let d = dir.to_str().unwrap();
    let one = unboil(&[d, "--jobs", "1", "--no-markdown"], None);
    let many = unboil(&[d, "--jobs", "8", "--no-markdown"], None);
    assert!(one.status.success() && many.status.success());
    assert_eq!(one.stdout, many.stdout);
    let pages = lines(&many);
    assert_eq!(pages.len(), names.len());
    let files: Vec<&str> = pages.iter().map(|p| p["file"].as_str().unwrap()).collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted, "directory entries come in name order");
    // Each line is the article the one-file command gives for that file (gzipped ones too).
    for page in pages.iter().step_by(7) {
        let file = page["file"].as_str().unwrap();
        let single: Value = serde_json::from_slice(&unboil(&[file, "--no-markdown"], None).stdout).unwrap();
        let mut line = page.clone();
        line.as_object_mut().unwrap().remove("file");
        assert_eq!(line, single, "{file}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn files_from_a_list_or_standard_input() {
    let (dir, _) = page_dir("list");
    let files: Vec<String> = ["even", "odd/deeper"]
        .iter()
        .flat_map(|sub| std::fs::read_dir(dir.join(sub)).unwrap().map(|e| e.unwrap().path()))
        .filter(|p| p.is_file() && !p.to_string_lossy().ends_with(".txt"))
        .map(|p| p.to_string_lossy().into_owned())
        .take(5)
        .collect();
    let list = format!("{}\n\n{}\r\n", files[..3].join("\n"), files[3]);
    let from_stdin = unboil(&["--files-from", "-", &files[4], "--no-markdown"], Some(list.as_bytes()));
    assert!(from_stdin.status.success());
    let order: Vec<String> = lines(&from_stdin).iter().map(|p| p["file"].as_str().unwrap().to_string()).collect();
    assert_eq!(order, [&files[4], &files[0], &files[1], &files[2], &files[3]].map(String::clone));
    let listed = dir.join("list.txt");
    std::fs::write(&listed, &list).unwrap();
    let from_file = unboil(&["--files-from", listed.to_str().unwrap(), "--no-markdown"], None);
    assert_eq!(lines(&from_file).len(), 4);
    let missing = unboil(&["--files-from", "/no/such/list"], None);
    assert_eq!(missing.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn output_dir_gets_one_file_per_page_in_the_format() {
    let (dir, names) = page_dir("output");
    let warc = dir.join("crawl.warc.gz");
    std::fs::write(&warc, crawl(true)).unwrap();
    let out_dir = dir.join("out");
    let input = dir.to_str().unwrap();
    let out = unboil(&[input, "--output", out_dir.to_str().unwrap(), "--format", "markdown", "-j", "4"], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty());
    let first = names.iter().find(|n| !n.starts_with("ar-")).unwrap();
    let index = names.iter().position(|n| n == first).unwrap();
    let sub = if index % 2 == 0 { "even" } else { "odd/deeper" };
    let stem = first.trim_end_matches(".html");
    let written = std::fs::read_to_string(out_dir.join(sub).join(format!("{stem}.md"))).unwrap();
    let source = dir.join(sub).join(if index % 5 == 0 { format!("{first}.gz") } else { first.clone() });
    let single = unboil(&[source.to_str().unwrap(), "--format", "markdown"], None);
    assert_eq!(format!("{written}\n"), String::from_utf8_lossy(&single.stdout));
    // WARC pages go under the WARC's name, numbered by record.
    let jp = std::fs::read_to_string(out_dir.join("crawl/000004.md")).unwrap();
    assert!(jp.contains("燃料費は半分以下になり"));
    let count = walk_count(&out_dir);
    assert_eq!(count, names.len() + 4);
    std::fs::remove_dir_all(&dir).unwrap();
}

fn walk_count(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| if p.is_dir() { walk_count(&p) } else { 1 })
        .sum()
}

#[test]
fn failed_files_keep_their_lines_and_exit_code() {
    let dir = scratch("failed");
    std::fs::write(dir.join("empty.html"), "").unwrap();
    std::fs::write(dir.join("page.html"), fixture("fr-news-velos-cargos.html")).unwrap();
    let out = unboil(
        &[dir.join("empty.html").to_str().unwrap(), "/no/such/page.html", dir.join("page.html").to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let pages = lines(&out);
    assert_eq!(pages[0]["error"], "the input is empty");
    assert!(pages[1]["error"].as_str().unwrap().starts_with("cannot read /no/such/page.html"));
    assert!(pages[2]["error"].is_null());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn progress_shows_on_a_terminal_only() {
    let (dir, _) = page_dir("progress");
    let out_dir = dir.join("out");
    let (d, o) = (dir.to_str().unwrap(), out_dir.to_str().unwrap());
    let piped = unboil(&[d, "--output", o], None);
    assert!(piped.status.success() && piped.stderr.is_empty(), "{}", String::from_utf8_lossy(&piped.stderr));
    // `script` runs the command on a pseudo-terminal (util-linux, on every Debian system).
    let command = format!("{} {d} --output {o}2 --jobs 2", env!("CARGO_BIN_EXE_unboil"));
    let Ok(tty) = Command::new("script").args(["-qec", &command, "/dev/null"]).output() else {
        eprintln!("skipped: no `script` command to make a terminal");
        return;
    };
    let shown = String::from_utf8_lossy(&tty.stdout);
    assert!(tty.status.success(), "{shown}");
    assert!(shown.contains(" pages/s") && shown.contains("% read, ETA "), "{shown}");
    assert!(shown.contains("pages cleaned in"), "{shown}");
    std::fs::remove_dir_all(&dir).unwrap();
}
