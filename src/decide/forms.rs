//! Form fields that count against a container in conditional cleaning. A comment form, a
//! newsletter sign-up or a consent box inside the story's container is boilerplate of its own
//! (it goes by its name); its fields must not make the container that also holds the story
//! look like a form, or a short story goes with its comment form.

use super::stats::Stats;
use crate::scan::signals::sig;
use crate::scan::Scan;

/// For each element, its form fields outside descendants named like boilerplate.
pub fn loose_inputs(scan: &Scan, stats: &[Stats]) -> Vec<u32> {
    let n = scan.rows.len();
    let mut excluded = vec![0u32; n];
    for i in (0..n).rev() {
        let r = &scan.rows[i];
        let named = r.has(sig::BOILERPLATE) && !r.has(sig::POSITIVE);
        let out = if named { stats[i].inputs } else { excluded[i] };
        if let Some(p) = r.parent() {
            excluded[p as usize] += out;
        }
    }
    (0..n).map(|i| stats[i].inputs.saturating_sub(excluded[i])).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::tags::known;

    #[test]
    fn fields_of_a_named_form_do_not_count_for_its_container() {
        let html = "<html><body><div id=wrap><p>Story text that is long enough to be a paragraph.</p>\
                    <div class=comment-respond><form><input name=a><input name=b><textarea></textarea></form></div>\
                    <div class=plain><input name=c></div></div></body></html>";
        let scan = crate::scan::scan(html, 10_000).unwrap();
        let stats = crate::decide::stats::compute(&scan);
        let loose = loose_inputs(&scan, &stats);
        let wrap = scan.rows.iter().position(|r| r.tag == known::DIV).unwrap();
        assert_eq!(stats[wrap].inputs, 4);
        assert_eq!(loose[wrap], 1);
    }
}
