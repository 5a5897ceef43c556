//! Photo credits and source lines: a short line that names who took a picture or where a
//! figure comes from ("Photo: Jane Doe", "Foto: dpa", "Source: Eurostat", "© Agency"), or an
//! element named as a credit. They stand under images and tables, and are not the story.

use super::stats::Stats;
use super::Tree;
use crate::scan::signals::sig;
use crate::scan::Scan;
use crate::words::letter_words;

/// Labels that open a credit or source line, lower case, in the languages of the phrase
/// table (the label is followed by a colon, or is the copyright sign).
const LABELS: &[&str] = &[
    "photo",
    "photos",
    "foto",
    "fotos",
    "fotó",
    "fotografia",
    "fotografía",
    "bild",
    "bilder",
    "image",
    "images",
    "picture",
    "credit",
    "credits",
    "crédit",
    "crédits",
    "crédito",
    "créditos",
    "credito",
    "zdjęcie",
    "фото",
    "source",
    "sources",
    "quelle",
    "quellen",
    "fuente",
    "fonte",
    "fonti",
    "źródło",
    "источник",
    "bron",
    "kilde",
    "källa",
    "lähde",
    "kaynak",
    "zdroj",
    "forrás",
    "sursa",
    "写真",
    "图片",
    "图",
    "출처",
    "사진",
];

/// Whether element `i` is a credit or source line. Inside a `<figure>` the credit stays with
/// its caption (`in_figure`), as the figure is kept whole.
pub fn is_credit(scan: &Scan, stats: &[Stats], tree: &Tree, i: usize, in_figure: bool) -> bool {
    let r = &scan.rows[i];
    let s = &stats[i];
    if in_figure || s.chars == 0 || s.chars > 80 || s.images > 0 || tree.has_block_child[i] {
        return false;
    }
    let text = scan.text_of(i as crate::html::walk::Id).trim();
    let words = letter_words(text);
    if r.has(sig::CREDIT) && words <= 8 {
        return true;
    }
    if s.chars > 60 || words > 8 {
        return false;
    }
    if text.starts_with('©') {
        return true;
    }
    let Some((label, _)) = text.split_once([':', '：']) else { return false };
    let label = label.trim().to_lowercase();
    LABELS.contains(&label.as_str())
}
