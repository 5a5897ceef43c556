//! Pages in legacy and UTF-16 encodings, declared by `<meta charset>`, by `http-equiv`, by a
//! byte order mark, or not at all (with and without the caller's charset), each cleaned
//! through the whole pipeline; and inputs that are not HTML, which must give an error or an
//! article that is not readerable, never a panic.

use std::panic::{catch_unwind, AssertUnwindSafe};

use encoding_rs::{Encoding, GB18030, ISO_8859_2, KOI8_R, SHIFT_JIS, UTF_8, WINDOWS_1251, WINDOWS_1252};
use proptest::collection::vec;
use proptest::prelude::*;
use unboil::{clean_article, Article, Error, Input, Options};

/// A short article in one language: original prose, a sentence to find in the cleaned text.
struct Story {
    lang: &'static str,
    site: &'static str,
    title: &'static str,
    paragraphs: [&'static str; 3],
    sentence: &'static str,
}

const RUSSIAN: Story = Story {
    lang: "ru",
    site: "Городские вести",
    title: "Осенний рынок в старом городе",
    paragraphs: [
        "Каждую субботу на площади у реки открывается небольшой рынок, где местные фермеры продают яблоки, мёд и свежий хлеб. Покупатели приходят рано утром, чтобы успеть к лучшим прилавкам, и часто остаются до обеда, беседуя с продавцами о погоде и урожае.",
        "В этом году организаторы добавили ряд с ремесленными товарами: деревянными игрушками, вязаными шарфами и глиняной посудой. Многие гости признаются, что приходят не столько за покупками, сколько за особой атмосферой, которую создают музыка уличных артистов и запах горячего чая.",
        "Городской совет планирует сохранить рынок и зимой, перенеся его под крышу бывшего вокзала. Жители уже обсуждают, какие новые лавки появятся там к декабрю.",
    ],
    sentence: "Городской совет планирует сохранить рынок и зимой, перенеся его под крышу бывшего вокзала.",
};

const GERMAN: Story = Story {
    lang: "de",
    site: "Stadtanzeiger",
    title: "Die Brücke über den Fluss wird erneuert",
    paragraphs: [
        "Nach mehr als achtzig Jahren soll die alte Steinbrücke im Süden der Stadt gründlich saniert werden. Die Arbeiten beginnen im Frühjahr und dauern voraussichtlich bis zum Ende des nächsten Jahres, wobei der Fußgängerweg die ganze Zeit geöffnet bleibt.",
        "Die Kosten werden auf rund zwölf Millionen € geschätzt. „Wir müssen die Pfeiler verstärken und das Geländer vollständig ersetzen“, erklärte die zuständige Ingenieurin bei einer Versammlung im Rathaus, zu der zahlreiche Anwohner gekommen waren.",
        "Während der Bauzeit fahren Busse über eine Umleitung am östlichen Ufer. Radfahrer dürfen die Brücke weiterhin nutzen, müssen aber an der Baustelle absteigen.",
    ],
    sentence: "Die Kosten werden auf rund zwölf Millionen € geschätzt. „Wir müssen die Pfeiler verstärken",
};

const JAPANESE: Story = Story {
    lang: "ja",
    site: "山里新聞",
    title: "山あいの村で新しい図書館が開館",
    paragraphs: [
        "長野県の小さな村で、古い小学校の校舎を改装した図書館が今月オープンしました。木造の教室はそのまま閲覧室として使われ、窓からは田んぼと山並みが見渡せます。黒板や古い机もいくつか残され、卒業生が懐かしそうに眺めていく姿も見られます。",
        "蔵書はおよそ二万冊で、その多くは村の人々から寄贈されたものです。館長は「子どもからお年寄りまで、誰もが気軽に立ち寄れる場所にしたい」と話しています。雨の日でも過ごせるよう、廊下には畳の読書コーナーも設けられました。",
        "週末には読み聞かせの会や古本の交換市も開かれる予定で、近隣の町からの来館者も増えると期待されています。",
    ],
    sentence: "蔵書はおよそ二万冊で、その多くは村の人々から寄贈されたものです。",
};

const CHINESE: Story = Story {
    lang: "zh-CN",
    site: "晨报",
    title: "城市公园里的清晨",
    paragraphs: [
        "每天清晨六点，公园的湖边就聚集了许多晨练的人。有人打太极拳，有人慢跑，还有几位老人带着收音机，在柳树下听戏曲。卖豆浆和油条的小摊也早早开张，空气里飘着淡淡的香味。",
        "公园管理处今年在东门附近新建了一条环湖步道，全长约三公里，沿途种植了桂花和银杏。到了秋天，金黄的叶子铺满小路，吸引了不少摄影爱好者。周末的时候，常常能看到一家人推着婴儿车慢慢散步。",
        "管理处表示，明年还将增加几处饮水点和休息长椅，方便带孩子的家庭和行动不便的游客。门口那家挂着“𠮷”字招牌的小茶馆也打算提前开门。",
    ],
    sentence: "公园管理处今年在东门附近新建了一条环湖步道，全长约三公里",
};

const CZECH: Story = Story {
    lang: "cs",
    site: "Obecní zpravodaj",
    title: "Nová cyklostezka spojí dvě vesnice",
    paragraphs: [
        "Stavba cyklostezky mezi Horní a Dolní Lhotou začne letos v létě. Trasa povede podél potoka a bude měřit necelých pět kilometrů, takže děti budou moci bezpečně jezdit do školy na kole a rodiče je nebudou muset vozit autem.",
        "Obec získala na projekt dotaci z krajského rozpočtu. Starostka uvedla, že největší výzvou bude most přes železniční trať, který musí být hotový ještě před zimou, jinak by se práce protáhly až do příštího roku.",
        "Místní spolky už plánují slavnostní otevření s jarmarkem, hudbou a závodem pro nejmenší cyklisty.",
    ],
    sentence: "Obec získala na projekt dotaci z krajského rozpočtu.",
};

const POLISH: Story = Story {
    lang: "pl",
    site: "Gazeta Gminna",
    title: "Biblioteka na kółkach odwiedza wsie",
    paragraphs: [
        "Od września po gminie jeździ autobus zamieniony w małą bibliotekę. Co tydzień zatrzymuje się w siedmiu wsiach, a mieszkańcy mogą wypożyczyć książki, gazety i audiobooki bez dalekich wyjazdów do miasta.",
        "Pomysł narodził się podczas spotkania rady sołeckiej, gdy starsze osoby skarżyły się na brak połączeń autobusowych. Kierowca, który jest jednocześnie bibliotekarzem, zna już większość czytelników po imieniu i pamięta, kto lubi jakie książki.",
        "Najczęściej wypożyczane są kryminały i poradniki ogrodnicze, ale dzieci chętnie sięgają po komiksy.",
    ],
    sentence: "Pomysł narodził się podczas spotkania rady sołeckiej",
};

/// How a page says its charset.
#[derive(Clone, Copy, Debug)]
enum Declared {
    /// `<meta charset="…">`
    MetaCharset(&'static str),
    /// `<meta http-equiv="Content-Type" content="text/html; charset=…">`
    HttpEquiv(&'static str),
    /// Nothing in the page.
    None,
}

/// The page's HTML with its declaration, as Unicode.
fn page(story: &Story, declared: Declared) -> String {
    let decl = match declared {
        Declared::MetaCharset(label) => format!("<meta charset=\"{label}\">"),
        Declared::HttpEquiv(label) => {
            format!("<meta http-equiv=\"Content-Type\" content=\"text/html; charset={label}\">")
        }
        Declared::None => String::new(),
    };
    let [p1, p2, p3] = story.paragraphs;
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head>{decl}\n<title>{title} | {site}</title>\n\
         <meta name=\"viewport\" content=\"width=device-width\"></head>\n<body>\n\
         <header><nav><a href=\"/\">{site}</a></nav></header>\n\
         <main><article><h1>{title}</h1>\n<p>{p1}</p>\n<p>{p2}</p>\n<p>{p3}</p>\n</article></main>\n\
         <footer><p>&copy; 2024 {site}</p></footer>\n</body></html>\n",
        lang = story.lang,
        title = story.title,
        site = story.site,
    )
}

/// Encodes `html` in `encoding`, failing the test if any character is not representable (so
/// a story is never tested with characters its encoding cannot carry).
fn encode(html: &str, encoding: &'static Encoding) -> Vec<u8> {
    let (bytes, used, unmappable) = encoding.encode(html);
    assert_eq!(used, encoding, "encoding_rs encoded with another encoding");
    assert!(!unmappable, "the text has characters {} cannot encode", encoding.name());
    bytes.into_owned()
}

fn utf16(html: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
    for unit in html.encode_utf16() {
        out.extend_from_slice(&if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
    }
    out
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn clean(bytes: &[u8], charset: Option<&str>) -> Result<Article, String> {
    let options = Options { charset: charset.map(str::to_string), ..Options::default() };
    match catch_unwind(AssertUnwindSafe(|| clean_article(Input::Bytes(bytes), &options))) {
        Ok(Ok(article)) => Ok(article),
        Ok(Err(e)) => Err(format!("error: {e}")),
        Err(_) => Err("panicked".to_string()),
    }
}

/// Checks that the article has the story's title and sentence; returns what is wrong.
fn check_story(what: &str, bytes: &[u8], charset: Option<&str>, story: &Story) -> Option<String> {
    let article = match clean(bytes, charset) {
        Ok(a) => a,
        Err(e) => return Some(format!("{what}: {e}")),
    };
    let mut wrong = Vec::new();
    let text = norm(&article.text);
    if !text.contains(&norm(story.sentence)) {
        wrong.push(format!("text lacks {:?}; starts {:?}", story.sentence, text.chars().take(120).collect::<String>()));
    }
    if text.contains('\u{FFFD}') {
        wrong.push("text has U+FFFD".to_string());
    }
    for p in story.paragraphs {
        let head: String = p.chars().take(20).collect();
        if !text.contains(&head) {
            wrong.push(format!("paragraph starting {head:?} missing"));
        }
    }
    if article.meta.title.as_deref() != Some(story.title) {
        wrong.push(format!("title {:?}, want {:?}", article.meta.title, story.title));
    }
    if !article.readerable {
        wrong.push("not readerable".to_string());
    }
    if text.contains(&norm(story.site)) && !story.title.contains(story.site) {
        wrong.push("site navigation or footer kept in the text".to_string());
    }
    (!wrong.is_empty()).then(|| format!("{what}: {}", wrong.join("; ")))
}

/// One page: a story, an encoding for its bytes, its declaration, and the caller's charset.
struct Page {
    what: &'static str,
    story: &'static Story,
    encoding: &'static Encoding,
    declared: Declared,
    charset: Option<&'static str>,
}

const PAGES: &[Page] = &[
    Page {
        what: "Russian windows-1251, meta charset",
        story: &RUSSIAN,
        encoding: WINDOWS_1251,
        declared: Declared::MetaCharset("windows-1251"),
        charset: None,
    },
    Page {
        what: "Russian windows-1251, http-equiv",
        story: &RUSSIAN,
        encoding: WINDOWS_1251,
        declared: Declared::HttpEquiv("windows-1251"),
        charset: None,
    },
    Page {
        what: "Russian windows-1251, label cp1251",
        story: &RUSSIAN,
        encoding: WINDOWS_1251,
        declared: Declared::MetaCharset("cp1251"),
        charset: None,
    },
    Page {
        what: "Russian windows-1251, undeclared, caller windows-1251",
        story: &RUSSIAN,
        encoding: WINDOWS_1251,
        declared: Declared::None,
        charset: Some("windows-1251"),
    },
    Page {
        what: "Russian KOI8-R, meta charset",
        story: &RUSSIAN,
        encoding: KOI8_R,
        declared: Declared::MetaCharset("koi8-r"),
        charset: None,
    },
    Page {
        what: "German windows-1252, meta charset",
        story: &GERMAN,
        encoding: WINDOWS_1252,
        declared: Declared::MetaCharset("windows-1252"),
        charset: None,
    },
    Page {
        what: "German windows-1252, http-equiv iso-8859-1 (means windows-1252)",
        story: &GERMAN,
        encoding: WINDOWS_1252,
        declared: Declared::HttpEquiv("ISO-8859-1"),
        charset: None,
    },
    Page {
        what: "German windows-1252, undeclared, no caller charset",
        story: &GERMAN,
        encoding: WINDOWS_1252,
        declared: Declared::None,
        charset: None,
    },
    Page {
        what: "German windows-1252, undeclared, caller latin1",
        story: &GERMAN,
        encoding: WINDOWS_1252,
        declared: Declared::None,
        charset: Some("latin1"),
    },
    Page {
        what: "Japanese Shift_JIS, meta charset",
        story: &JAPANESE,
        encoding: SHIFT_JIS,
        declared: Declared::MetaCharset("Shift_JIS"),
        charset: None,
    },
    Page {
        what: "Japanese Shift_JIS, http-equiv",
        story: &JAPANESE,
        encoding: SHIFT_JIS,
        declared: Declared::HttpEquiv("shift_jis"),
        charset: None,
    },
    Page {
        what: "Japanese Shift_JIS, undeclared, caller sjis",
        story: &JAPANESE,
        encoding: SHIFT_JIS,
        declared: Declared::None,
        charset: Some("sjis"),
    },
    Page {
        what: "Chinese GB18030, meta charset",
        story: &CHINESE,
        encoding: GB18030,
        declared: Declared::MetaCharset("gb18030"),
        charset: None,
    },
    Page {
        what: "Chinese GB18030, http-equiv gb2312 (means GBK, decoded as GB18030)",
        story: &CHINESE,
        encoding: GB18030,
        declared: Declared::HttpEquiv("gb2312"),
        charset: None,
    },
    Page {
        what: "Chinese GB18030, undeclared, caller GBK",
        story: &CHINESE,
        encoding: GB18030,
        declared: Declared::None,
        charset: Some("GBK"),
    },
    Page {
        what: "Czech ISO-8859-2, meta charset",
        story: &CZECH,
        encoding: ISO_8859_2,
        declared: Declared::MetaCharset("iso-8859-2"),
        charset: None,
    },
    Page {
        what: "Czech ISO-8859-2, undeclared, caller latin2",
        story: &CZECH,
        encoding: ISO_8859_2,
        declared: Declared::None,
        charset: Some("latin2"),
    },
    Page {
        what: "Polish ISO-8859-2, http-equiv",
        story: &POLISH,
        encoding: ISO_8859_2,
        declared: Declared::HttpEquiv("ISO-8859-2"),
        charset: None,
    },
    Page {
        what: "Polish ISO-8859-2, meta charset, caller says windows-1252",
        story: &POLISH,
        encoding: ISO_8859_2,
        declared: Declared::MetaCharset("iso-8859-2"),
        charset: Some("windows-1252"),
    },
    Page { what: "German UTF-8, undeclared", story: &GERMAN, encoding: UTF_8, declared: Declared::None, charset: None },
    Page {
        what: "Japanese UTF-8, stale meta charset Shift_JIS",
        story: &JAPANESE,
        encoding: UTF_8,
        declared: Declared::MetaCharset("shift_jis"),
        charset: None,
    },
];

#[test]
fn legacy_encodings_through_the_pipeline() {
    let mut fails = Vec::new();
    for p in PAGES {
        let bytes = encode(&page(p.story, p.declared), p.encoding);
        fails.extend(check_story(p.what, &bytes, p.charset, p.story));
    }
    assert!(fails.is_empty(), "{} of {} pages:\n  {}", fails.len(), PAGES.len(), fails.join("\n  "));
}

#[test]
fn utf16_with_byte_order_marks() {
    let mut fails = Vec::new();
    let cases: [(&str, &Story, Declared, bool); 5] = [
        ("Russian UTF-16LE BOM", &RUSSIAN, Declared::None, false),
        ("Japanese UTF-16BE BOM", &JAPANESE, Declared::None, true),
        ("Chinese UTF-16LE BOM (astral character)", &CHINESE, Declared::None, false),
        // The BOM wins over any declaration.
        ("Czech UTF-16BE BOM, meta says iso-8859-2", &CZECH, Declared::MetaCharset("iso-8859-2"), true),
        ("German UTF-16LE BOM, http-equiv says utf-16", &GERMAN, Declared::HttpEquiv("utf-16"), false),
    ];
    for (what, story, declared, be) in cases {
        let bytes = utf16(&page(story, declared), be);
        fails.extend(check_story(what, &bytes, None, story));
        // The caller's charset does not overrule a BOM either.
        fails.extend(
            check_story(what, &bytes, Some("windows-1252"), story).map(|f| format!("{f} (caller windows-1252)")),
        );
    }
    // A UTF-8 BOM wins over a legacy declaration.
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(page(&RUSSIAN, Declared::MetaCharset("windows-1251")).as_bytes());
    fails.extend(check_story("Russian UTF-8 BOM, meta says windows-1251", &bytes, None, &RUSSIAN));
    assert!(fails.is_empty(), "{}", fails.join("\n  "));
}

#[test]
fn decode_reports_the_encoding_it_used() {
    let cases: [(&str, Vec<u8>, Option<&str>, &'static Encoding); 6] = [
        (
            "meta windows-1251",
            encode(&page(&RUSSIAN, Declared::MetaCharset("windows-1251")), WINDOWS_1251),
            None,
            WINDOWS_1251,
        ),
        (
            "http-equiv shift_jis",
            encode(&page(&JAPANESE, Declared::HttpEquiv("shift_jis")), SHIFT_JIS),
            None,
            SHIFT_JIS,
        ),
        (
            "meta iso-8859-1 means windows-1252",
            encode(&page(&GERMAN, Declared::MetaCharset("iso-8859-1")), WINDOWS_1252),
            None,
            WINDOWS_1252,
        ),
        ("caller gbk", encode(&page(&CHINESE, Declared::None), GB18030), Some("gbk"), encoding_rs::GBK),
        ("UTF-16BE BOM", utf16(&page(&CZECH, Declared::None), true), None, encoding_rs::UTF_16BE),
        (
            "meta utf-16 without BOM means UTF-8",
            page(&POLISH, Declared::MetaCharset("utf-16")).into_bytes(),
            None,
            UTF_8,
        ),
    ];
    for (what, bytes, charset, want) in cases {
        let got = unboil::decode::decode(&bytes, charset).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(got.encoding, want, "{what}");
        assert!(!got.html.starts_with('\u{FEFF}'), "{what}: BOM kept");
    }
    // Browsers take the charset of the HTTP header over a <meta>; unboil's `charset` option is
    // documented as a fallback for pages that declare none, so the page's declaration wins.
    let bytes = encode(&page(&RUSSIAN, Declared::MetaCharset("windows-1251")), WINDOWS_1251);
    let got = unboil::decode::decode(&bytes, Some("koi8-r")).expect("decodes");
    assert_eq!(got.encoding, WINDOWS_1251);
}

/// Declarations in the forms pages use, read as HTML's prescan reads them.
#[test]
fn prescan_declaration_forms() {
    let body = "<body><p>Городской совет планирует сохранить рынок и зимой.</p></body>";
    let cases: [(&str, String, &'static Encoding); 8] = [
        (
            "content before http-equiv",
            format!("<head><meta content=\"text/html; charset=windows-1251\" http-equiv=\"Content-Type\">{body}"),
            WINDOWS_1251,
        ),
        ("single quotes, upper case", format!("<HEAD><META CHARSET='WINDOWS-1251'>{body}"), WINDOWS_1251),
        ("unquoted, after a title", format!("<head><title>x</title><meta charset=koi8-r>{body}"), KOI8_R),
        (
            "quoted charset inside content",
            format!("<meta http-equiv=content-type content='text/html;charset=\"koi8-r\"'>{body}"),
            KOI8_R,
        ),
        (
            "a commented-out declaration is skipped",
            format!("<!-- <meta charset=koi8-r> --><meta charset=windows-1251>{body}"),
            WINDOWS_1251,
        ),
        ("the first declaration wins", format!("<meta charset=windows-1251><meta charset=koi8-r>{body}"), WINDOWS_1251),
        (
            "content without http-equiv is no declaration",
            format!("<meta content=\"text/html; charset=koi8-r\"><meta charset=windows-1251>{body}"),
            WINDOWS_1251,
        ),
        (
            "a declaration inside an attribute value is skipped",
            format!("<div title='<meta charset=koi8-r>'></div><meta charset=windows-1251>{body}"),
            WINDOWS_1251,
        ),
    ];
    let mut fails = Vec::new();
    for (what, html, want) in cases {
        let bytes = encode(&html, want);
        match unboil::decode::decode(&bytes, None) {
            Ok(d) if d.encoding == want && d.html.contains("Городской совет") => {}
            Ok(d) => fails.push(format!("{what}: read as {}", d.encoding.name())),
            Err(e) => fails.push(format!("{what}: {e}")),
        }
    }
    assert!(fails.is_empty(), "{}", fails.join("\n  "));
}

#[test]
fn unknown_caller_charset_is_an_error() {
    let bytes = page(&GERMAN, Declared::None).into_bytes();
    match clean(&bytes, Some("klingon-8")) {
        Err(e) => assert!(e.contains("klingon-8"), "{e}"),
        Ok(_) => panic!("an unknown charset label was accepted"),
    }
}

fn png_bytes() -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n".to_vec();
    b.extend_from_slice(&[0, 0, 0, 13]);
    b.extend_from_slice(b"IHDR");
    b.extend_from_slice(&[0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);
    b.extend_from_slice(&[0, 0, 0, 0]);
    b.extend_from_slice(b"IEND");
    b.extend_from_slice(&[0xae, 0x42, 0x60, 0x82]);
    b
}

#[test]
fn junk_inputs_give_errors_or_unreaderable_articles() {
    let article_html = page(&GERMAN, Declared::None);
    let plain = [GERMAN.paragraphs.join("\n\n"), RUSSIAN.paragraphs.join("\n\n")].join("\n\n");
    let inputs: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("white space", b" \n\t\r\n   \x0c ".to_vec()),
        ("UTF-8 BOM only", vec![0xEF, 0xBB, 0xBF]),
        ("UTF-16LE BOM and spaces", vec![0xFF, 0xFE, b' ', 0, b'\n', 0]),
        ("NUL bytes", vec![0; 10_000]),
        ("PDF", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n".to_vec()),
        ("PNG", png_bytes()),
        ("gzip", vec![0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 0x4b, 0x4c, 0x4a, 6, 0]),
        (
            "JSON",
            br#"{"title": "Die Br\u00fccke", "items": [1, 2, 3], "nested": {"ok": true, "text": "<p>not html</p>"}}"#
                .to_vec(),
        ),
        ("plain text", plain.into_bytes()),
        ("unclosed script at the start", format!("<script>var config = {{}};\n{article_html}").into_bytes()),
        ("one giant comment", format!("<!--\n{article_html}\n-->").into_bytes()),
        ("comment never closed", format!("<!DOCTYPE html><html><body><!-- {article_html}").into_bytes()),
        ("lone angle bracket", b"<".to_vec()),
        ("unclosed tag at the end", b"<!DOCTYPE html><p>Hello <a href=\"x".to_vec()),
        ("truncated UTF-8", "<p>Grüße aus Köln".as_bytes()[..17].to_vec()),
        ("only a doctype", b"<!DOCTYPE html>".to_vec()),
        ("only markup", b"<html><head></head><body><div><div></div></div></body></html>".to_vec()),
    ];
    let fails: Vec<String> =
        inputs.iter().filter_map(|(what, bytes)| junk_problem(bytes, false).map(|p| format!("{what}: {p}"))).collect();
    assert!(fails.is_empty(), "{}", fails.join("\n  "));
}

/// What is wrong with cleaning junk `bytes`, if anything: a panic, an unclear error message,
/// or a readerable article when `may_be_readerable` is false.
fn junk_problem(bytes: &[u8], may_be_readerable: bool) -> Option<String> {
    let options = Options::default();
    match catch_unwind(AssertUnwindSafe(|| clean_article(Input::Bytes(bytes), &options))) {
        Err(_) => Some("panicked".to_string()),
        Ok(Err(e)) if e.to_string().len() < 10 => Some(format!("unclear error message {:?}", e.to_string())),
        Ok(Ok(a)) if a.readerable && !may_be_readerable => {
            Some(format!("readerable, text {:?}", a.text.chars().take(80).collect::<String>()))
        }
        _ => None,
    }
}

/// Whether `bytes` hold a tag that the readerable test counts (`<p`, `<pre`, `<article`), in
/// any case; without one no article can be readerable.
fn has_paragraph_tag(bytes: &[u8]) -> bool {
    let lower = bytes.to_ascii_lowercase();
    lower.windows(2).any(|w| w == b"<p") || lower.windows(8).any(|w| w == b"<article")
}

/// A control character other than tab, newline, form feed and carriage return.
fn control_byte() -> impl Strategy<Value = u8> {
    prop_oneof![0u8..=0x08, Just(0x0B), 0x0Eu8..=0x1F, Just(0x7F)]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Any bytes give an error with a clear message or an article, never a panic; the article is
    /// readerable only when the bytes hold a paragraph tag.
    #[test]
    fn random_bytes_give_errors_or_unreaderable_articles(bytes in vec(any::<u8>(), 0..65_536)) {
        prop_assert_eq!(junk_problem(&bytes, has_paragraph_tag(&bytes)), None);
    }

    /// The same for bytes without control characters, which reach the HTML parser.
    #[test]
    fn random_text_bytes_give_errors_or_unreaderable_articles(
        bytes in vec(prop_oneof![Just(b'\n'), 0x20u8..0x7F, 0x80u8..=0xFF], 0..20_000)
    ) {
        prop_assert_eq!(junk_problem(&bytes, has_paragraph_tag(&bytes)), None);
    }

    /// Bytes of which more than a tenth of the first 4 KB are control characters are not HTML.
    #[test]
    fn control_heavy_bytes_are_not_html(mut bytes in vec(any::<u8>(), 1..65_536), control in control_byte()) {
        for b in bytes.iter_mut().step_by(8) {
            *b = control;
        }
        let result = clean_article(Input::Bytes(&bytes), &Options::default());
        prop_assert!(matches!(result, Err(Error::NotHtml(_))), "{:?}", result.map(|a| a.text));
    }
}

#[test]
fn junk_errors_are_the_right_kind() {
    let opts = Options::default();
    assert_eq!(clean_article(Input::Bytes(b""), &opts).err(), Some(Error::EmptyInput));
    assert_eq!(clean_article(Input::Bytes(b"  \n "), &opts).err(), Some(Error::EmptyInput));
    assert_eq!(clean_article(Input::Str(""), &opts).err(), Some(Error::EmptyInput));
    assert_eq!(clean_article(Input::Str(" \t\n"), &opts).err(), Some(Error::EmptyInput));
    assert!(matches!(clean_article(Input::Bytes(b"%PDF-1.4\n"), &opts), Err(Error::NotHtml(m)) if m.contains("PDF")));
    assert!(matches!(clean_article(Input::Bytes(&png_bytes()), &opts), Err(Error::NotHtml(m)) if m.contains("PNG")));
    // Text is checked as bytes are: binary data a caller read as text (with a response's
    // charset) is no page either.
    assert!(matches!(clean_article(Input::Str("%PDF-1.4\n"), &opts), Err(Error::NotHtml(m)) if m.contains("PDF")));
    let junk: String = (0..4000u32).filter_map(|i| char::from_u32((i * 7919) % 256)).collect();
    assert!(matches!(clean_article(Input::Str(&junk), &opts), Err(Error::NotHtml(m)) if m.contains("control")));
    let page = "<p>Tabs\tand\r\nline breaks, and one stray \u{1} control, are text.</p>";
    assert!(clean_article(Input::Str(page), &opts).is_ok());
    let small = Options { max_bytes: 10, ..Options::default() };
    assert_eq!(
        clean_article(Input::Bytes(b"<p>more than ten bytes</p>"), &small).err(),
        Some(Error::TooLarge { size: 26, limit: 10 })
    );
}

/// Pages in a non-Latin legacy encoding that declare nothing, fetched without a charset:
/// browsers guess the encoding from the bytes (Firefox's chardetng, Chrome's CED) and show
/// the text; unboil reads such bytes as windows-1252.
#[test]
#[ignore = "unboil does not detect undeclared legacy encodings; it falls back to windows-1252"]
fn undeclared_legacy_encodings_are_detected() {
    let mut fails = Vec::new();
    for (what, story, encoding) in [
        ("Russian windows-1251", &RUSSIAN, WINDOWS_1251),
        ("Japanese Shift_JIS", &JAPANESE, SHIFT_JIS),
        ("Chinese GB18030", &CHINESE, GB18030),
        ("Czech ISO-8859-2", &CZECH, ISO_8859_2),
    ] {
        let bytes = encode(&page(story, Declared::None), encoding);
        fails.extend(check_story(what, &bytes, None, story));
    }
    assert!(fails.is_empty(), "{}", fails.join("\n  "));
}
