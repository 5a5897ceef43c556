//! Prints the block classifier's reading of a page: one line per block with its class,
//! numbers and text (a debugging aid). With `--tsv`, tab-separated for scripts.
fn main() {
    let path = std::env::args().nth(1).expect("usage: debug_blocks FILE [--tsv]");
    let tsv = std::env::args().any(|a| a == "--tsv");
    let bytes = std::fs::read(&path).expect("readable file");
    let html = unboil::decode::decode(&bytes, None).expect("decodable").html;
    let scan = unboil::scan::scan(&html, 4_000_000).expect("scannable");
    let d = unboil::decide::decide(&scan, None, &[]);
    let tree = unboil::decide::Tree::new(&scan);
    let blocks = unboil::decide::blocks::Blocks::read(&scan, &tree);
    for b in &blocks.list {
        let text: String = scan.text_of(b.id).replace(['\n', '\t'], " ");
        let sd = if b.words == 0 { 0.0 } else { b.stops as f32 / b.words as f32 };
        if tsv {
            println!(
                "{}\t{:?}\t{}\t{}\t{:.2}\t{}\t{}",
                b.id, b.class, b.chars, b.link_chars, sd, d.keep[b.id as usize] as u8, text
            );
        } else {
            let short: String = text.chars().take(70).collect();
            println!(
                "{:5} {:<5} {:?} c={} l={} sd={:.2} keep={} | {}",
                b.id,
                scan.rows[b.id as usize].tag.name(),
                b.class,
                b.chars,
                b.link_chars,
                sd,
                d.keep[b.id as usize] as u8,
                short
            );
        }
    }
}
