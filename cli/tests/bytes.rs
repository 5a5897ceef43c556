//! The command line reads bytes: a page in a legacy or UTF-16 encoding, declared by
//! `<meta charset>`, by `http-equiv`, by a byte order mark or only by `--charset`, comes out
//! as the right text; junk gives a clear error on standard error with exit code 1, or an
//! article that is not readerable.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use encoding_rs::{Encoding, GB18030, ISO_8859_2, SHIFT_JIS, WINDOWS_1251, WINDOWS_1252};

/// A sentence in each script, and the encoding that can hold it.
const STORIES: [(&str, &Encoding); 5] = [
    ("Городской совет планирует сохранить рынок на площади и зимой, сообщили в мэрии в понедельник.", WINDOWS_1251),
    (
        "Die Brücke über die Förde wird im Frühjahr für drei Wochen gesperrt, teilte die Stadt am Montag mit.",
        WINDOWS_1252,
    ),
    ("市の議会は月曜日、港の古い倉庫を図書館として改修する計画を承認したと発表した。", SHIFT_JIS),
    ("市议会周一宣布，港口的旧仓库将改建为图书馆，预计明年秋天向公众开放。", GB18030),
    ("Městská rada v pondělí schválila plán na opravu starého mostu přes řeku, práce začnou na jaře.", ISO_8859_2),
];

/// How the page names its charset.
#[derive(Clone, Copy, Debug)]
enum Declared {
    Meta,
    HttpEquiv,
    CallerOnly,
}

fn page(sentence: &str, head: &str) -> String {
    let p = format!("<p>{sentence} {sentence}</p>");
    format!("<!DOCTYPE html><html><head>{head}<title>News</title></head><body><article><h1>News</h1>{}</article></body></html>", p.repeat(6))
}

fn run(bytes: &[u8], args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_unboil"))
        .arg("-")
        .args(args)
        .args(["--format", "text"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    child.stdin.take().unwrap().write_all(bytes).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn legacy_encodings_come_out_as_the_right_text() {
    let mut fails = Vec::new();
    for (sentence, encoding) in STORIES {
        let label = encoding.name();
        for declared in [Declared::Meta, Declared::HttpEquiv, Declared::CallerOnly] {
            let head = match declared {
                Declared::Meta => format!("<meta charset=\"{label}\">"),
                Declared::HttpEquiv => {
                    format!("<meta http-equiv=\"Content-Type\" content=\"text/html; charset={label}\">")
                }
                Declared::CallerOnly => String::new(),
            };
            let html = page(sentence, &head);
            let (bytes, _, lossy) = encoding.encode(&html);
            assert!(!lossy, "{label} holds the sentence");
            let args: &[&str] = if matches!(declared, Declared::CallerOnly) { &["--charset", label] } else { &[] };
            let out = run(&bytes, args);
            let text = String::from_utf8_lossy(&out.stdout);
            if !out.status.success() || !text.contains(sentence) {
                fails.push(format!(
                    "{label} {declared:?}: exit {:?}, text {:?}",
                    out.status.code(),
                    text.chars().take(60).collect::<String>()
                ));
            }
        }
        for big_endian in [false, true] {
            let mut bytes = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
            for unit in page(sentence, "").encode_utf16() {
                bytes.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
            }
            let out = run(&bytes, &[]);
            if !String::from_utf8_lossy(&out.stdout).contains(sentence) {
                fails.push(format!(
                    "UTF-16 (big endian: {big_endian}) with BOM: {}",
                    String::from_utf8_lossy(&out.stderr)
                ));
            }
        }
    }
    assert!(fails.is_empty(), "{}", fails.join("\n  "));
}

#[test]
fn junk_gives_a_clear_error_or_an_unreaderable_article() {
    let article = page(STORIES[1].0, "");
    let mut binary = Vec::with_capacity(50_000);
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    for _ in 0..50_000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        binary.push(state as u8);
    }
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty", Vec::new(), "empty"),
        ("random binary", binary, "not HTML"),
        ("PDF", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".to_vec(), "PDF"),
        ("JSON", br#"{"title": "News", "items": [1, 2, 3]}"#.to_vec(), ""),
        ("plain text", STORIES[1].0.repeat(20).into_bytes(), ""),
        ("unclosed script at the start", format!("<script>var x = 1;\n{article}").into_bytes(), ""),
        ("one giant comment", format!("<!--{article}-->").into_bytes(), ""),
    ];
    let mut fails = Vec::new();
    for (what, bytes, error) in cases {
        let out = Command::new(env!("CARGO_BIN_EXE_unboil"))
            .arg("-")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .and_then(|mut child| {
                child.stdin.take().unwrap().write_all(&bytes)?;
                child.wait_with_output()
            })
            .expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        if out.status.success() {
            let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
            if json["readerable"] != false || !error.is_empty() {
                fails.push(format!("{what}: succeeded with readerable {}", json["readerable"]));
            }
        } else if out.status.code() != Some(1) || error.is_empty() || !stderr.contains(error) {
            fails.push(format!("{what}: exit {:?}, stderr {stderr:?}", out.status.code()));
        }
    }
    assert!(fails.is_empty(), "{}", fails.join("\n  "));
}
