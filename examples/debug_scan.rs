//! Prints the scanned element tree of an HTML snippet given as the first argument (a debugging aid).
fn main() {
    let html = std::env::args().nth(1).unwrap_or_default();
    let scan = unboil::scan::scan(&html, 1_000_000).expect("scannable");
    for (i, r) in scan.rows.iter().enumerate() {
        println!(
            "{i:3} {}{} parent={:?} text={:?}",
            " ".repeat(r.depth as usize),
            r.tag.name(),
            r.parent(),
            scan.text_of(i as u32)
        );
    }
}
