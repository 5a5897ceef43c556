//! Library options: user selectors, images, limits and invalid values.

use unboil::{clean_article, Error, Input, Options};

const PAGE: &str = r#"<!doctype html><html lang="en"><head><title>Night trains return | Rail Weekly</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main><article><h1>Night trains return</h1>
<p>After a decade without sleeper services, two operators will run overnight trains between the capital and the northern coast from next spring, with couchettes and a small dining car.</p>
<p class="aside-note">Fares start at forty euros for a seat, while a bed in a four-berth compartment costs about twice as much, and families travelling together get a discount.</p>
<figure><img src="/img/train.jpg" alt="A sleeper carriage"><figcaption>A refurbished sleeper carriage in the depot.</figcaption></figure>
<p>The carriages were bought second-hand and refurbished in a workshop near the border, where engineers replaced the heating, the wiring and every one of the narrow beds.</p>
<p>Booking opens in January, and the operators say they expect the first departures to sell out within days, as the old daytime connection takes almost eleven hours.</p>
</article></main>
<aside id="timetable"><h2>Timetable</h2><p>Departs 21:40, arrives 07:15 the next morning.</p></aside>
<footer>© Rail Weekly</footer></body></html>"#;

fn clean(options: Options) -> Result<unboil::Article, Error> {
    clean_article(Input::Str(PAGE), &Options { url: Some("https://rail.example/news/night".into()), ..options })
}

#[test]
fn remove_selectors_drop_matching_elements() {
    let a =
        clean(Options { remove_selectors: vec!["article p.aside-note".into(), "figure".into()], ..Options::default() })
            .unwrap();
    assert!(!a.text.contains("forty euros"), "{}", a.text);
    assert!(!a.html.contains("<figure"));
    assert!(a.text.contains("second-hand"));
}

#[test]
fn keep_selectors_add_elements_outside_the_article() {
    let without = clean(Options::default()).unwrap();
    assert!(!without.text.contains("Departs 21:40"));
    let with = clean(Options { keep_selectors: vec!["#timetable".into()], ..Options::default() }).unwrap();
    assert!(with.text.contains("Departs 21:40"), "{}", with.text);
    assert!(with.text.find("Booking opens") < with.text.find("Departs 21:40"), "document order is kept");
}

#[test]
fn remove_wins_over_keep() {
    let a = clean(Options {
        keep_selectors: vec!["p".into()],
        remove_selectors: vec![".aside-note".into()],
        ..Options::default()
    })
    .unwrap();
    assert!(!a.text.contains("forty euros"));
}

#[test]
fn invalid_selectors_are_clear_errors() {
    for bad in ["p:first-child", "a + b", "[unclosed"] {
        let err = clean(Options { remove_selectors: vec![bad.into()], ..Options::default() }).unwrap_err();
        assert!(matches!(err, Error::InvalidOption { .. }), "{bad}: {err}");
        assert!(err.to_string().contains(bad.split(['+', ':']).next().unwrap_or(bad).trim()), "{err}");
    }
}

#[test]
fn images_can_be_left_out() {
    let a = clean(Options { keep_images: false, ..Options::default() }).unwrap();
    assert!(!a.html.contains("<img"));
    assert!(a.html.contains("refurbished sleeper carriage"), "captions stay");
    assert!(!a.text.contains("refurbished sleeper carriage"), "the text is the running text");
    let b = clean(Options::default()).unwrap();
    assert!(b.html.contains("https://rail.example/img/train.jpg"));
}

#[test]
fn size_limit_is_a_clear_error() {
    let err = clean(Options { max_bytes: 100, ..Options::default() }).unwrap_err();
    assert!(matches!(err, Error::TooLarge { limit: 100, .. }), "{err}");
}

#[test]
fn element_limit_truncates_instead_of_failing() {
    let a = clean(Options { max_elements: 12, ..Options::default() }).unwrap();
    assert!(a.text.len() < 400, "only the start of the page is read");
}

#[test]
fn formats_can_be_skipped() {
    let a =
        clean(Options { formats: unboil::Formats { html: true, text: true, markdown: false }, ..Options::default() })
            .unwrap();
    assert!(a.markdown.is_none());
    let b = clean(Options::default()).unwrap();
    assert!(b.markdown.unwrap().contains("Booking opens"));
}

#[test]
fn rendered_hints_drop_the_marked_elements_only_when_asked() {
    // A page whose script marked a hidden paragraph and a cookie wall inside the article.
    let marked = PAGE
        .replace(r#"<p class="aside-note">"#, &format!(r#"<p class="aside-note" {}="">"#, unboil::HIDDEN_MARK))
        .replace(
            "<figure>",
            &format!(
                r#"<div class="x9" {}>We value your privacy. Accept all cookies to go on.</div><figure>"#,
                unboil::HIDDEN_MARK
            ),
        );
    let page = |rendered_hints| {
        let options =
            Options { url: Some("https://rail.example/news/night".into()), rendered_hints, ..Options::default() };
        clean_article(Input::Str(&marked), &options).unwrap()
    };
    let hinted = page(true);
    assert!(!hinted.text.contains("forty euros") && !hinted.text.contains("Accept all cookies"), "{}", hinted.text);
    assert!(hinted.text.contains("second-hand") && hinted.text.contains("Booking opens"));
    assert!(!hinted.html.contains(unboil::HIDDEN_MARK));
    let plain = page(false);
    assert!(plain.text.contains("forty euros"), "{}", plain.text);
}
