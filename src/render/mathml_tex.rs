//! A formula's TeX: its TeX annotation when it carries one, else TeX written from its
//! presentation MathML (MathJax v3 keeps only its assistive MathML; hand-written and generated
//! MathML often has no annotation). The Markdown writes [`tex`]; the text output writes the
//! [`source`] when there is one, else the formula's [`glyphs`].
//!
//! Tokens: a single letter stays as it is, a function name (`sin`, `log`, `lim` …) becomes
//! `\sin`, another name `\mathrm{…}`; Greek letters and common symbols become their commands
//! (`α` → `\alpha`, `≤` → `\le`, `∑` → `\sum`), mathematical letters (`𝐱`, `ℝ`) and
//! `mathvariant` their font (`\mathbf{x}`, `\mathbb{R}`); `mtext` becomes `\text{…}` with TeX's
//! specials escaped. Layout: `mfrac` → `\frac{a}{b}`, `msqrt` and `mroot` → `\sqrt[n]{x}`,
//! scripts → `x_i^{2n}` (one character needs no braces), `munder`/`mover` → limits on an
//! operator, accents (`\hat`, `\bar`, `\vec` …) or `\underset`/`\overset`, `mtable` →
//! `\begin{matrix}a & b \\ c & d\end{matrix}`. Relations and binary operators get a space on
//! each side: `x = \frac{1}{2}`.
//!
//! Nesting deeper than [`MAX_DEPTH`] is written as its text, and a formula reads at most four
//! times as many nodes as the tree has, so no input can overflow the stack or take more than
//! linear time.

use std::cell::Cell;

use crate::emit::{Doc, NodeId, NodeKind};

/// Deepest nesting written as structure; below it a formula's text is written.
const MAX_DEPTH: usize = 64;

/// Multi-letter names TeX writes as operators (`\sin x`).
const FUNCTIONS: &str = "arccos arcsin arctan arg cos cosh cot coth csc deg det dim exp gcd hom inf ker lg lim \
                         liminf limsup ln log max min sec sin sinh sup tan tanh";

/// Operators written with a space on each side (relations and binary operators).
const SPACED: &str = "=<>+-−±∓×÷⋅·∘≤≥≠≈≡∼≃≅∝→←↔⇒⇐⇔↦∈∉∋⊂⊃⊆⊇∪∩∧∨⊕⊗∣≪≫≺≻⊢⊨∖";

/// Characters and their TeX, in pairs separated by white space: Greek (the capitals that
/// look Latin are Latin), large operators, relations, arrows, sets, logic and other symbols.
const SYMBOLS: &str = r"
    α \alpha β \beta γ \gamma δ \delta ε \varepsilon ϵ \epsilon ζ \zeta η \eta θ \theta ϑ \vartheta
    ι \iota κ \kappa λ \lambda μ \mu ν \nu ξ \xi ο o π \pi ϖ \varpi ρ \rho ϱ \varrho ς \varsigma
    σ \sigma τ \tau υ \upsilon φ \varphi ϕ \phi χ \chi ψ \psi ω \omega
    Α A Β B Γ \Gamma Δ \Delta Ε E Ζ Z Η H Θ \Theta Ι I Κ K Λ \Lambda Μ M Ν N Ξ \Xi Ο O Π \Pi
    Ρ P Σ \Sigma Τ T Υ \Upsilon Φ \Phi Χ X Ψ \Psi Ω \Omega
    ∑ \sum ∏ \prod ∐ \coprod ∫ \int ∬ \iint ∭ \iiint ∮ \oint ⋃ \bigcup ⋂ \bigcap
    ∞ \infty ∂ \partial ∇ \nabla ≤ \le ⩽ \le ≥ \ge ⩾ \ge ≠ \ne ≈ \approx ≡ \equiv ∼ \sim ≃ \simeq
    ≅ \cong ∝ \propto ≪ \ll ≫ \gg ≺ \prec ≻ \succ ± \pm ∓ \mp × \times ÷ \div ⋅ \cdot · \cdot
    ∘ \circ ∗ \ast → \to ← \leftarrow ↔ \leftrightarrow ⇒ \Rightarrow ⇐ \Leftarrow
    ⇔ \Leftrightarrow ↦ \mapsto ∈ \in ∉ \notin ∋ \ni ⊂ \subset ⊃ \supset ⊆ \subseteq ⊇ \supseteq
    ∪ \cup ∩ \cap ∖ \setminus ∅ \emptyset ∀ \forall ∃ \exists ¬ \neg ∧ \land ∨ \lor ⊕ \oplus
    ⊗ \otimes ⊢ \vdash ⊨ \models ⊥ \perp ∣ \mid ∥ \| ‖ \| ∠ \angle … \ldots ⋯ \cdots ⋮ \vdots
    ⋱ \ddots ′ ' ″ '' ‴ ''' ° ^\circ ℏ \hbar ℓ \ell ℜ \Re ℑ \Im ℵ \aleph ⟨ \langle
    ⟩ \rangle ⌊ \lfloor ⌋ \rfloor ⌈ \lceil ⌉ \rceil √ \surd † \dagger − -
    ℂ \mathbb{C} ℍ \mathbb{H} ℕ \mathbb{N} ℙ \mathbb{P} ℚ \mathbb{Q} ℝ \mathbb{R} ℤ \mathbb{Z} ℎ h
    { \{ } \} % \% # \# & \& _ \_ $ \$ \ \backslash
";

/// Marks over or under a base and the accents they stand for.
const ACCENTS: &str = "^ \\hat ˆ \\hat \u{302} \\hat ¯ \\overline ‾ \\overline ― \\overline \u{304} \\overline \
                       \u{305} \\overline → \\vec \u{20d7} \\vec ~ \\tilde ˜ \\tilde \u{303} \\tilde ˙ \\dot \
                       \u{307} \\dot ¨ \\ddot \u{308} \\ddot ˇ \\check \u{30c} \\check ˘ \\breve \u{306} \\breve \
                       ⏞ \\overbrace ⏟ \\underbrace _ \\underline \u{332} \\underline";

/// `mathvariant` values and their fonts.
const FONTS: &str = "bold \\mathbf double-struck \\mathbb script \\mathcal fraktur \\mathfrak \
                     sans-serif \\mathsf monospace \\mathtt bold-italic \\boldsymbol";

/// Whether `name` is one of the [`FUNCTIONS`].
fn is_function(name: &str) -> bool {
    FUNCTIONS.split(' ').any(|f| f == name)
}

/// The value paired with `key` in `table` (keys and values alternating, separated by white
/// space).
fn lookup(table: &'static str, key: &str) -> Option<&'static str> {
    let mut words = table.split_ascii_whitespace();
    while let (Some(k), Some(v)) = (words.next(), words.next()) {
        if k == key {
            return Some(v);
        }
    }
    None
}

/// The TeX of formula `math` (a `math` element of `doc`): its TeX annotation, or TeX written
/// from its MathML; empty when it shows nothing.
pub fn tex(doc: &Doc, math: NodeId) -> String {
    let mut w = Tex::new(doc);
    w.node(math, 0);
    tidy(&w.out)
}

/// The TeX annotation of formula `math` (on its `semantics`), when it has one.
pub fn source(doc: &Doc, math: NodeId) -> Option<String> {
    let semantics = doc.children(math).iter().find(|&&c| doc.tag(c) == Some("semantics"))?;
    Tex::new(doc).annotation(*semantics)
}

/// The text formula `math` shows (its glyphs, as a browser's `textContent` has them, without
/// its annotations).
pub fn glyphs(doc: &Doc, math: NodeId) -> String {
    Tex::new(doc).text(math)
}

/// The TeX being written.
struct Tex<'a> {
    doc: &'a Doc,
    out: String,
    /// Node reads left: a leaf is read a few times (its text, whether it is an accent or an
    /// operator), but no more than four reads per node of the tree, whatever its links.
    budget: Cell<usize>,
}

impl<'a> Tex<'a> {
    fn new(doc: &'a Doc) -> Self {
        Tex { doc, out: String::new(), budget: Cell::new(doc.nodes.len().saturating_mul(4)) }
    }

    /// Counts a node read; `false` when the budget is spent.
    fn visit(&self) -> bool {
        let left = self.budget.get().saturating_sub(1);
        self.budget.set(left);
        left > 0
    }

    fn node(&mut self, id: NodeId, depth: usize) {
        let doc = self.doc;
        let tag = match doc.nodes.get(id).map(|n| &n.kind) {
            Some(NodeKind::Element { tag, .. }) => *tag,
            Some(NodeKind::Text(t)) => {
                if self.visit() {
                    self.symbols(t.trim());
                }
                return;
            }
            _ => return,
        };
        if depth >= MAX_DEPTH {
            self.plain(id);
            return;
        }
        if !self.visit() {
            return;
        }
        let depth = depth + 1;
        let kids: Vec<NodeId> = doc.children(id).iter().copied().filter(|&c| doc.tag(c).is_some()).collect();
        let kid = |i: usize| kids.get(i).copied();
        match tag {
            "mi" => self.identifier(id),
            "mo" => self.operator(id),
            "mn" => {
                let digits = self.text(id);
                self.symbols(digits.trim());
            }
            "mtext" | "ms" => self.text_box(id, tag == "ms"),
            "mspace" => self.push("\\,"),
            "annotation" | "mphantom" => {}
            "semantics" => match self.annotation(id) {
                Some(t) => self.push(&t),
                None => self.opt(kid(0), depth),
            },
            "mfrac" => {
                self.push("\\frac");
                self.group(kid(0), depth);
                self.group(kid(1), depth);
            }
            "msqrt" => {
                self.push("\\sqrt{");
                self.row(id, depth);
                self.out.push('}');
            }
            "mroot" => {
                self.push("\\sqrt[");
                self.opt(kid(1), depth);
                self.out.push(']');
                self.group(kid(0), depth);
            }
            "msub" | "msup" | "msubsup" | "mmultiscripts" => {
                self.base(kid(0), depth);
                let (sub, sup) = if tag == "msup" { (None, kid(1)) } else { (kid(1), kid(2)) };
                self.script('_', sub, depth);
                self.script('^', sup, depth);
                // mmultiscripts: more pairs of scripts after the first.
                for pair in kids.get(3..).unwrap_or(&[]).chunks(2).take_while(|_| tag == "mmultiscripts") {
                    self.push("{}");
                    self.script('_', pair.first().copied(), depth);
                    self.script('^', pair.get(1).copied(), depth);
                }
            }
            "munder" | "mover" | "munderover" => {
                let (under, over) = match tag {
                    "munder" => (kid(1), None),
                    "mover" => (None, kid(1)),
                    _ => (kid(1), kid(2)),
                };
                self.limits(kid(0), under, over, depth);
            }
            "mtable" => {
                self.push("\\begin{matrix}");
                for (r, &row) in kids.iter().enumerate() {
                    if r > 0 {
                        self.push(" \\\\ ");
                    }
                    let cells: Vec<NodeId> = match doc.tag(row) {
                        Some("mtr") if self.visit() => doc.children(row).to_vec(),
                        _ => vec![row],
                    };
                    for (c, cell) in cells.into_iter().filter(|&c| doc.tag(c).is_some()).enumerate() {
                        if c > 0 {
                            self.push(" & ");
                        }
                        self.node(cell, depth);
                    }
                }
                self.push("\\end{matrix}");
            }
            _ => self.row(id, depth),
        }
    }

    /// The children of `id` one after another (`math`, `mrow`, `mstyle`, `msqrt` …).
    fn row(&mut self, id: NodeId, depth: usize) {
        for &child in self.doc.children(id) {
            self.node(child, depth);
        }
    }

    fn opt(&mut self, id: Option<NodeId>, depth: usize) {
        if let Some(id) = id {
            self.node(id, depth);
        }
    }

    /// `{…}` around `id`'s TeX.
    fn group(&mut self, id: Option<NodeId>, depth: usize) {
        self.out.push('{');
        self.opt(id, depth);
        self.out.push('}');
    }

    /// A script's base: in braces when it is a script itself (`x^2^3` is no TeX), `{}` when
    /// it is missing.
    fn base(&mut self, id: Option<NodeId>, depth: usize) {
        let scripted = id.and_then(|b| self.doc.tag(b)).is_some_and(|t| {
            matches!(t, "msub" | "msup" | "msubsup" | "munder" | "mover" | "munderover" | "mmultiscripts")
        });
        let start = self.out.len();
        if scripted {
            self.group(id, depth);
        } else {
            self.opt(id, depth);
        }
        if self.out.get(start..).is_none_or(|s| s.trim().is_empty()) {
            self.push("{}");
        }
    }

    /// `_…` or `^…` for a script, without braces around one letter or digit.
    fn script(&mut self, mark: char, id: Option<NodeId>, depth: usize) {
        let Some(id) = id else { return };
        let start = self.out.len();
        self.out.push(mark);
        self.group(Some(id), depth);
        let inner = self.out.get(start + 2..self.out.len() - 1).unwrap_or("").trim();
        let mut chars = inner.chars();
        match (chars.next(), chars.next()) {
            (None, _) => self.out.truncate(start),
            (Some(c), None) if c.is_ascii_alphanumeric() => {
                self.out.truncate(start);
                self.out.push(mark);
                self.out.push(c);
            }
            _ => {}
        }
    }

    /// An operator's limits, an accent, or a label over or under its base.
    fn limits(&mut self, base: Option<NodeId>, under: Option<NodeId>, over: Option<NodeId>, depth: usize) {
        let doc = self.doc;
        let mark = |id: Option<NodeId>| {
            let id = id.filter(|&i| doc.tag(i) == Some("mo"))?;
            lookup(ACCENTS, self.text(id).trim())
        };
        let accent = match (under, over) {
            (None, Some(_)) => mark(over).filter(|m| !matches!(*m, "\\underbrace" | "\\underline")),
            (Some(_), None) => mark(under).filter(|m| matches!(*m, "\\underbrace" | "\\underline")),
            _ => None,
        };
        if let Some(accent) = accent {
            // A bar over one letter is `\bar`; over more, `\overline`.
            let single = base.is_some_and(|b| doc.tag(b) == Some("mi") && self.text(b).trim().chars().count() == 1);
            self.push(if accent == "\\overline" && single { "\\bar" } else { accent });
            self.group(base, depth);
            return;
        }
        // A large operator or a function name takes limits; a relation (`=`) a label.
        let operator = base.is_some_and(|b| match doc.tag(b) {
            Some("mo") => !self.text(b).trim().chars().any(|c| SPACED.contains(c)),
            Some("mi") => is_function(self.text(b).trim()),
            _ => false,
        });
        match (under, over) {
            (Some(u), None) if !operator => {
                self.push("\\underset");
                self.group(Some(u), depth);
                self.group(base, depth);
            }
            (None, Some(o)) if !operator => {
                self.push("\\overset");
                self.group(Some(o), depth);
                self.group(base, depth);
            }
            _ => {
                self.base(base, depth);
                self.script('_', under, depth);
                self.script('^', over, depth);
            }
        }
    }

    /// An `mi`: a letter, a function name or another name, in its `mathvariant`.
    fn identifier(&mut self, id: NodeId) {
        let text = self.text(id);
        let name = text.trim();
        let font = match self.doc.attr(id, "mathvariant") {
            Some("normal") if name.len() == 1 && name.bytes().all(|b| b.is_ascii_alphabetic()) => Some("\\mathrm"),
            Some(variant) => lookup(FONTS, variant),
            None => None,
        };
        if let Some(font) = font {
            self.push(font);
            self.out.push('{');
            self.symbols(name);
            self.out.push('}');
        } else {
            self.name(name);
        }
    }

    /// An `mo`: an operator, with a space on each side when it is a relation or a binary one.
    fn operator(&mut self, id: NodeId) {
        let text = self.text(id);
        let op = text.trim();
        let mut chars = op.chars();
        let spaced = matches!((chars.next(), chars.next()), (Some(c), None) if SPACED.contains(c));
        if !spaced {
            self.name(op);
            return;
        }
        // A sign that starts a group or follows another operator is unary: no space after it.
        let unary = matches!(op, "-" | "−" | "+" | "±" | "∓")
            && (self.out.ends_with(' ') || self.out.chars().last().is_none_or(|c| matches!(c, '{' | '(' | '[' | ',')));
        if !unary {
            self.out.push(' ');
        }
        self.symbols(op);
        if !unary {
            self.out.push(' ');
        }
    }

    /// A name: a function (`\sin`), a word (`\mathrm{Var}`), else its symbols one by one.
    fn name(&mut self, name: &str) {
        if is_function(name) {
            self.push("\\");
            self.out.push_str(name);
        } else if name.len() > 1 && name.bytes().all(|b| b.is_ascii_alphabetic()) {
            self.push("\\mathrm{");
            self.out.push_str(name);
            self.out.push('}');
        } else {
            self.symbols(name);
        }
    }

    /// `\text{…}` (with quotes for `ms`), TeX's specials escaped; a thin space when it
    /// holds only white space.
    fn text_box(&mut self, id: NodeId, quoted: bool) {
        let text = self.text(id);
        let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if words.is_empty() && !quoted {
            if !text.is_empty() {
                self.push("\\,");
            }
            return;
        }
        self.push("\\text{");
        if quoted {
            self.out.push('"');
        }
        for c in words.chars() {
            match c {
                '{' | '}' | '%' | '#' | '&' | '_' | '$' => {
                    self.out.push('\\');
                    self.out.push(c);
                }
                '\\' => self.out.push_str("\\textbackslash{}"),
                '^' => self.out.push_str("\\textasciicircum{}"),
                '~' => self.out.push_str("\\textasciitilde{}"),
                _ => self.out.push(c),
            }
        }
        if quoted {
            self.out.push('"');
        }
        self.out.push('}');
    }

    /// Each character of `s` as TeX.
    fn symbols(&mut self, s: &str) {
        let mut buf = [0; 4];
        for c in s.chars() {
            let cp = u32::from(c);
            // Mathematical alphanumerics: bold, italic, bold italic and double-struck letters.
            let font = match cp {
                0x1D400..=0x1D433 => Some(("\\mathbf", 0x1D400)),
                0x1D434..=0x1D467 => Some(("", 0x1D434)),
                0x1D468..=0x1D49B => Some(("\\boldsymbol", 0x1D468)),
                0x1D538..=0x1D56B => Some(("\\mathbb", 0x1D538)),
                _ => None,
            };
            if let Some((font, first)) = font {
                let k = (cp - first) as u8;
                let letter = char::from(if k < 26 { b'A' + k } else { b'a' + k - 26 });
                if font.is_empty() {
                    self.push(letter.encode_utf8(&mut buf));
                } else {
                    self.push(font);
                    self.out.push('{');
                    self.out.push(letter);
                    self.out.push('}');
                }
                continue;
            }
            // Invisible operators (function application, times, separator, plus) show nothing.
            if matches!(c, '\u{2061}'..='\u{2064}' | '\u{200b}') {
                continue;
            }
            // Letters, digits and characters past the symbol blocks are not in the table.
            let listed = !c.is_ascii_alphanumeric() && c < '\u{2c00}';
            let c = c.encode_utf8(&mut buf);
            let symbol = if listed { lookup(SYMBOLS, c) } else { None };
            self.push(symbol.unwrap_or(c));
        }
    }

    /// Appends `s`, with a space first when it would otherwise run into a command name
    /// (`\alpha x`, not `\alphax`) or a script without braces (`x_i y`, not `x_iy`).
    fn push(&mut self, s: &str) {
        if s.starts_with(|c: char| c.is_ascii_alphanumeric()) {
            let b = self.out.as_bytes();
            // Command names are short: a longer run of letters is no command's.
            let letters = b.iter().rev().take(16).take_while(|c| c.is_ascii_alphabetic()).count();
            let command = letters > 0 && b.len().checked_sub(letters + 1).and_then(|i| b.get(i)) == Some(&b'\\');
            let script = matches!(b, [.., b'^' | b'_', c] if c.is_ascii_alphanumeric());
            if command || script {
                self.out.push(' ');
            }
        }
        self.out.push_str(s);
    }

    /// The TeX annotation of a `semantics` element, without Wikipedia's `{\displaystyle …}`.
    fn annotation(&self, semantics: NodeId) -> Option<String> {
        let doc = self.doc;
        let note = doc.children(semantics).iter().find(|&&c| doc.tag(c) == Some("annotation") && doc.attr(c, "encoding").is_some())?;
        let text = self.text(*note);
        let tex = text.trim();
        let tex = ["{\\displaystyle", "{\\textstyle"]
            .iter()
            .find_map(|p| tex.strip_prefix(p).and_then(|t| t.strip_suffix('}')))
            .filter(|inner| !inner.starts_with(|c: char| c.is_ascii_alphabetic()) && balanced(inner))
            .unwrap_or(tex)
            .trim();
        (!tex.is_empty()).then(|| tex.to_string())
    }

    /// The text inside `id` but for annotations, read without recursion.
    fn text(&self, id: NodeId) -> String {
        let doc = self.doc;
        let mut out = String::new();
        let mut stack = vec![id];
        while let Some(n) = stack.pop() {
            if !self.visit() {
                break;
            }
            match doc.nodes.get(n).map(|n| &n.kind) {
                Some(NodeKind::Text(t)) => out.push_str(t),
                Some(NodeKind::Element { tag, .. }) if *tag != "annotation" || n == id => stack.extend(doc.children(n).iter().rev()),
                _ => {}
            }
        }
        out
    }

    /// Too deep for structure: the text inside `id`, as symbols.
    fn plain(&mut self, id: NodeId) {
        let text = self.text(id);
        self.symbols(&text.split_whitespace().collect::<String>());
    }
}

/// Whether no `}` in `tex` closes a brace opened before it, and every `{` is closed.
fn balanced(tex: &str) -> bool {
    let mut depth = 0usize;
    let mut escaped = false;
    for c in tex.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '{' => depth += 1,
            '}' => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return false,
            },
            _ => {}
        }
    }
    depth == 0
}

/// Folds the spaces the writer left: none at either end, after `{` or before `}`, never two
/// in a row; an escaped space (`\ `) stays.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' {
            let escaped = out.bytes().rev().take_while(|&b| b == b'\\').count() % 2 == 1;
            if !escaped && (out.is_empty() || out.ends_with([' ', '{']) || matches!(chars.peek(), None | Some('}'))) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds MathML from a compact notation: `tag(child child)`, `tag"text"`, and
    /// `tag[attr=value]` for one attribute.
    fn math(src: &str) -> String {
        let mut doc = Doc::default();
        let mut stack = vec![Doc::ROOT];
        let mut rest = src;
        let mut last = Doc::ROOT;
        while let Some(c) = rest.chars().next() {
            match c {
                ' ' => rest = &rest[1..],
                '(' => {
                    stack.push(last);
                    rest = &rest[1..];
                }
                ')' => {
                    stack.pop();
                    rest = &rest[1..];
                }
                '"' => {
                    let end = rest[1..].find('"').map_or(rest.len(), |e| e + 1);
                    doc.push_text(last, &rest[1..end]);
                    rest = rest.get(end + 1..).unwrap_or("");
                }
                _ => {
                    let end = rest.find([' ', '(', ')', '"']).unwrap_or(rest.len());
                    let (word, attr) = match rest[..end].split_once('[') {
                        Some((w, a)) => (w, a.trim_end_matches(']').split_once('=')),
                        None => (&rest[..end], None),
                    };
                    let tag: &'static str = Box::leak(word.to_string().into_boxed_str());
                    let attrs = attr
                        .map(|(k, v)| vec![(&*Box::leak(k.to_string().into_boxed_str()), v.to_string())])
                        .unwrap_or_default();
                    last = doc.push_element(*stack.last().unwrap(), tag, attrs);
                    rest = &rest[end..];
                }
            }
        }
        tex(&doc, doc.children(Doc::ROOT)[0])
    }

    #[test]
    fn tokens() {
        assert_eq!(math(r#"math(mi"x" mo"=" mn"2")"#), "x = 2");
        assert_eq!(math(r#"math(mi"π" msup(mi"r" mn"2"))"#), "\\pi r^2");
        assert_eq!(math(r#"math(mi"sin" mo"⁡" mi"θ" mo"⋅" mi"Var" mo"(" mi"X" mo")")"#), "\\sin\\theta \\cdot \\mathrm{Var}(X)");
        assert_eq!(math(r#"math(mi[mathvariant=double-struck]"R" mi"𝐱" mi"ℝ" mi[mathvariant=normal]"d" mi"𝑥")"#), "\\mathbb{R}\\mathbf{x}\\mathbb{R}\\mathrm{d}x");
        assert_eq!(math(r#"math(mo"−" mi"x" mo"+" mi"y" mo"≤" mo"−" mn"1")"#), "-x + y \\le -1");
        assert_eq!(math(r#"math(mtext"if x_1 > {0} & 5%" mspace mi"Γ" mi"Α" mn"1,5")"#), "\\text{if x\\_1 > \\{0\\} \\& 5\\%}\\,\\Gamma A1,5");
        assert_eq!(math(r#"math(mi"∀" mi"ε" mo"∈" mi"ℕ")"#), "\\forall\\varepsilon \\in \\mathbb{N}");
    }

    #[test]
    fn layouts() {
        assert_eq!(
            math(r#"math(mi"x" mo"=" mfrac(mrow(mo"−" mi"b" mo"±" msqrt(msup(mi"b" mn"2") mo"−" mn"4" mi"a" mi"c")) mrow(mn"2" mi"a")))"#),
            "x = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}"
        );
        assert_eq!(math(r#"math(mroot(mi"x" mn"3") msubsup(mi"a" mi"i" mrow(mn"2" mi"n")))"#), "\\sqrt[3]{x}a_i^{2n}");
        assert_eq!(math(r#"math(msup(msub(mi"x" mi"i") mn"2") msup(mrow mn"3"))"#), "{x_i}^2{}^3");
        assert_eq!(
            math(r#"math(munderover(mo"∑" mrow(mi"i" mo"=" mn"1") mi"n") munder(mi"lim" mrow(mi"n" mo"→" mi"∞")))"#),
            "\\sum_{i = 1}^n\\lim_{n \\to \\infty}"
        );
        assert_eq!(math(r#"math(mover(mi"x" mo"^") mover(mi"v" mo"→") mover(mrow(mi"a" mi"b") mo"¯") mover(mi"x" mo"¯"))"#), "\\hat{x}\\vec{v}\\overline{ab}\\bar{x}");
        assert_eq!(math(r#"math(munder(mi"x" mo"⏟") mover(mo"=" mtext"def") munder(mi"A" mi"B"))"#), "\\underbrace{x}\\overset{\\text{def}}{=}\\underset{B}{A}");
        assert_eq!(
            math(r#"math(mtable(mtr(mtd(mn"1") mtd(mn"0")) mtr(mtd(mn"0") mtd(mn"1"))))"#),
            "\\begin{matrix}1 & 0 \\\\ 0 & 1\\end{matrix}"
        );
    }

    #[test]
    fn annotation_wins() {
        assert_eq!(
            math(r#"math(semantics(mrow(mi"x") annotation[encoding=application/x-tex]" {\displaystyle x^{2}} "))"#),
            "x^{2}"
        );
        assert_eq!(math(r#"math(semantics(mrow(mi"x") annotation[encoding=application/x-tex]"{\displaystyle a}+{b}"))"#), "{\\displaystyle a}+{b}");
        // Another encoding (StarMath) is not TeX: the presentation is written.
        assert_eq!(math(r#"math(semantics(mrow(mi"x" mo"=" mn"1") annotation"x = 1 over 1"))"#), "x = 1");
    }

    #[test]
    fn deep_and_shared_nodes() {
        let mut doc = Doc::default();
        let m = doc.push_element(Doc::ROOT, "math", vec![]);
        let mut parent = m;
        for _ in 0..100_000 {
            parent = doc.push_element(parent, "msqrt", vec![]);
        }
        doc.push_text(parent, "x");
        let t = tex(&doc, m);
        let sqrt = "\\sqrt{".repeat(MAX_DEPTH - 1);
        assert_eq!(t, format!("{sqrt}x{}", "}".repeat(MAX_DEPTH - 1)));
        // A malformed tree whose nodes each list the next twice (2^40 paths) is read within
        // its size.
        let mut doc = Doc::default();
        let m = doc.push_element(Doc::ROOT, "math", vec![]);
        let mut parent = m;
        for _ in 0..40 {
            let r = doc.push_element(parent, "mrow", vec![]);
            doc.nodes[parent].children.push(r);
            parent = r;
        }
        doc.push_text(parent, "y");
        assert!(tex(&doc, m).len() < 4 * doc.nodes.len());
    }
}
