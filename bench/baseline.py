#!/usr/bin/env python3
"""Check (or re-pin) unboil's quality figures against bench/baseline.json.

usage: bench/baseline.py [--pin] [--cleaner CMD]

Runs ../shared/tools/eval.py (or $UNBOIL_SHARED/tools/eval.py) on every corpus named in the
baseline and compares each pinned figure: a figure may not fall (or, for without_leak, rise)
by more than the noise allowance. Exits 1 on a regression. With --pin, writes the current
figures as the new baseline (do this when a change raises them, and commit the file).
"""
import json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BASELINE = os.path.join(HERE, "baseline.json")
# Figures where lower is better; every other figure is higher-is-better.
LOWER_IS_BETTER = {"without_leak"}
NOISE = 0.002
FIGURES = ["f1", "with_coverage", "without_leak", "title_match", "byline_match", "lang_match", "published_match"]
# Corpora scored by snippets only, where precision and recall are pinned too: a gain in F1
# must not hide a fall in either.
SNIPPET_CORPORA = {"multilingual-dev"}


def measure(shared, corpus, cleaner):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "r.json")
        subprocess.run([sys.executable, os.path.join(shared, "tools", "eval.py"), "--corpus", corpus, "--json", out, "--"] + cleaner,
                       check=True, capture_output=True)
        r = json.load(open(out))
    figures = FIGURES + (["precision", "recall"] if corpus in SNIPPET_CORPORA else [])
    return {k: r[k] for k in figures if isinstance(r.get(k), (int, float))}


def main():
    args = sys.argv[1:]
    pin = "--pin" in args
    cleaner = [os.path.join(HERE, "..", "target", "release", "unboil")]
    if "--cleaner" in args:
        cleaner = args[args.index("--cleaner") + 1].split()
    shared = os.environ.get("UNBOIL_SHARED") or os.path.join(HERE, "..", "..", "shared")
    if not os.path.isdir(os.path.join(shared, "corpus")):
        print(f"baseline: no corpus at {shared}; nothing to check")
        return 0
    base = json.load(open(BASELINE)) if os.path.exists(BASELINE) else {"noise": NOISE, "corpora": {}}
    corpora = base["corpora"] or {c: {} for c in ("readability", "modern-dev", "multilingual-dev")}
    noise = base.get("noise", NOISE)
    now, bad = {}, 0
    for corpus in corpora:
        now[corpus] = measure(shared, corpus, cleaner)
        for k, v in now[corpus].items():
            old = corpora[corpus].get(k)
            if old is None:
                continue
            worse = v > old + noise if k in LOWER_IS_BETTER else v < old - noise
            better = v < old - noise if k in LOWER_IS_BETTER else v > old + noise
            mark = "REGRESSION" if worse else ("better: re-pin with --pin" if better else "ok")
            bad += worse
            print(f"{corpus:12} {k:16} pinned {old:.4f}  now {v:.4f}  {mark}")
    if pin:
        json.dump({"noise": noise, "corpora": now}, open(BASELINE, "w"), indent=1)
        open(BASELINE, "a").write("\n")
        print(f"baseline: pinned {BASELINE}")
        return 0
    print(f"baseline: {bad} regression(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
