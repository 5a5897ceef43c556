//! Prints the decision for a page: roots, scores and kept elements (a debugging aid).
fn main() {
    let path = std::env::args().nth(1).expect("usage: debug_decide FILE");
    let bytes = std::fs::read(&path).expect("readable file");
    let html = unboil::decode::decode(&bytes, None).expect("decodable").html;
    let scan = unboil::scan::scan(&html, 4_000_000).expect("scannable");
    let d = unboil::decide::decide(&scan, None, &[]);
    for (i, r) in scan.rows.iter().enumerate() {
        let text: String = scan.text_of(i as u32).chars().take(50).collect();
        println!(
            "{:5} {}{:<10} d{:<3} sig={:#x} keep={} root={} | {}",
            i,
            " ".repeat(r.depth.min(20) as usize),
            r.tag.name(),
            r.depth,
            r.signals,
            d.keep[i] as u8,
            d.roots.contains(&(i as u32)) as u8,
            text.replace('\n', "⏎")
        );
    }
}
