#!/usr/bin/env python3
"""List the pages unboil cleans worst, with what was lost and what leaked.

usage: bench/worst.py --corpus readability|modern-dev|multilingual-dev [--top N] [--page ID] [--cleaner CMD]

Uses the metric of ../shared/tools/eval.py (4-token shingles of \\w+ tokens; per-page
precision and recall): for each of the N worst pages it prints P/R/F1, the `with` snippets it
lost and the `without` snippets it leaked (modern-dev), and a few runs of lost and leaked text.
On multilingual-dev (snippets only, no reference text) pages are ranked by missed `with` plus
leaked `without` snippets, tested as eval.py does (whitespace-normalised, case-sensitive), and
every missed and leaked snippet is listed.
The shared data is found at ../shared or $UNBOIL_SHARED.
"""
import argparse, gzip, html.parser, json, os, re, subprocess, sys, tempfile
from collections import Counter

TOKEN = re.compile(r"\w+", re.UNICODE)
BLOCK = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th", "pre",
         "blockquote", "figcaption", "section", "article", "table", "ul", "ol", "dd", "dt"}


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True); self.parts = []; self.skip = 0
    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style")
        if tag in BLOCK: self.parts.append("\n")
    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip: self.skip -= 1
        if tag in BLOCK: self.parts.append("\n")
    def handle_data(self, d):
        if not self.skip: self.parts.append(d)


def html_text(s):
    p = Text(); p.feed(s); p.close(); return "".join(p.parts)


def shingles(tokens, n=4):
    if len(tokens) < n: return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def runs(tokens, other, n=4, limit=3):
    """Runs of `tokens` whose shingles are absent from `other`: what one side has alone."""
    out, cur = [], []
    for i in range(len(tokens) - n + 1):
        if tuple(tokens[i:i + n]) not in other:
            cur.append(tokens[i])
        elif cur:
            out.append(cur); cur = []
    if cur: out.append(cur)
    out.sort(key=len, reverse=True)
    return [" ".join(r[:25]) + (" …" if len(r) > 25 else "") for r in out[:limit] if len(r) >= 3]


def load(shared, corpus, tmp):
    root = os.path.join(shared, "corpus", corpus)
    for name in sorted(os.listdir(root)):
        if corpus == "readability":
            src = os.path.join(root, name, "source.html")
            if not os.path.isfile(src): continue
            ref = html_text(open(os.path.join(root, name, "expected.html"), encoding="utf-8").read())
            yield name, src, {"text": ref}
        elif name.endswith(".html.gz") and corpus == "modern-dev":
            i = name[:-8]; p = os.path.join(tmp, i + ".html")
            open(p, "wb").write(gzip.open(os.path.join(root, name)).read())
            gt = json.load(open(os.path.join(root, i + ".json"), encoding="utf-8"))["ground_truth"]
            yield i, p, {"text": gt.get("main_content", ""), "with": gt.get("with", []), "without": gt.get("without", [])}
        elif name.endswith(".json") and corpus == "multilingual-dev":
            i = name[:-5]; p = os.path.join(tmp, i + ".html")
            open(p, "wb").write(gzip.open(os.path.join(root, i + ".html.gz")).read())
            gt = json.load(open(os.path.join(root, name), encoding="utf-8"))
            yield i, p, {"text": None, "with": gt["with"], "without": gt["without"], "url": gt.get("url")}


def ws(s):
    return re.sub(r"\s+", " ", s or "").strip()


def snippets_report(rows_in, top):
    """multilingual-dev: pages ranked by missed `with` + leaked `without` snippets."""
    rows = []
    for pid, truth, art in rows_in:
        text = ws(art.get("text"))
        lost = [s for s in truth["with"] if ws(s) not in text]
        leaked = [s for s in truth["without"] if ws(s) in text]
        rows.append((len(lost) + len(leaked), pid, truth, art, lost, leaked))
    rows.sort(key=lambda x: (-x[0], x[1]))
    tot_w = sum(len(r[2]["with"]) for r in rows); tot_l = sum(len(r[4]) for r in rows)
    tot_x = sum(len(r[5]) for r in rows)
    print(f"pages={len(rows)} with={tot_w} missed={tot_l} leaked={tot_x}")
    for bad, pid, truth, art, lost, leaked in rows[:top]:
        if not bad: break
        print(f"== {pid}  missed {len(lost)}/{len(truth['with'])}  leaked {len(leaked)}/{len(truth['without'])}"
              f"  words={len((art.get('text') or '').split())}  lang={art.get('lang')}  title={art.get('title')!r}")
        for s in lost: print(f"   missed: {ws(s)[:110]!r}")
        for s in leaked: print(f"   leaked: {ws(s)[:110]!r}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", required=True, choices=["readability", "modern-dev", "multilingual-dev"])
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--page")
    ap.add_argument("--cleaner", default="target/release/unboil")
    a = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.environ.get("UNBOIL_SHARED") or os.path.join(here, "..", "..", "shared")
    with tempfile.TemporaryDirectory() as tmp:
        pages = [p for p in load(shared, a.corpus, tmp) if not a.page or p[0] == a.page]
        out = subprocess.run(a.cleaner.split() + [p[1] for p in pages] + ["--format", "json"], capture_output=True)
        got = {}
        for line in out.stdout.decode("utf-8", "replace").splitlines():
            if line.startswith("{"):
                o = json.loads(line); got[o.get("file", pages[0][1])] = o
        if a.corpus == "multilingual-dev":
            snippets_report([(pid, truth, got.get(path, {})) for pid, path, truth in pages], a.top)
            return 0
        rows = []
        for pid, path, truth in pages:
            art = got.get(path, {})
            tt, pt = TOKEN.findall(truth["text"]), TOKEN.findall(art.get("text") or "")
            ts, ps = shingles(tt), shingles(pt)
            tp = sum(min(ts[k], ps[k]) for k in ts.keys() & ps.keys())
            p = tp / max(1, sum(ps.values())); r = tp / max(1, sum(ts.values()))
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            rows.append((f1, p, r, pid, truth, art, tt, pt, ts, ps))
        rows.sort(key=lambda x: x[0])
        for f1, p, r, pid, truth, art, tt, pt, ts, ps in rows[:a.top]:
            print(f"== {pid}  F1={f1:.3f} P={p:.3f} R={r:.3f}  truth={len(tt)} tokens, got={len(pt)}  title={art.get('title')!r}")
            text = re.sub(r"\s+", " ", art.get("text") or "").lower()
            lost = [s for s in truth.get("with", []) if re.sub(r"\s+", " ", s).strip().lower() not in text]
            leaked = [s for s in truth.get("without", []) if re.sub(r"\s+", " ", s).strip().lower() in text]
            for s in lost[:3]: print(f"   lost snippet:   {s[:100]!r}")
            for s in leaked[:3]: print(f"   leaked snippet: {s[:100]!r}")
            for s in runs(tt, ps): print(f"   lost:   {s}")
            for s in runs(pt, ts): print(f"   leaked: {s}")


if __name__ == "__main__":
    sys.exit(main())
