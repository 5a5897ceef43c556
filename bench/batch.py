#!/usr/bin/env python3
"""Crawl-scale batch speed: the native `unboil` over a WARC file built from the corpus pages
(bench/make_warc.py), on one core and on every core, side by side with trafilatura on the same
pages (from PyPI, pinned in bench/requirements.txt, in bench/.venv, made on first use).

Usage: bench/batch.py [--runs N] [--no-trafilatura]
Needs `cargo build --release` and the shared corpus ($UNBOIL_SHARED or ../shared).
Prints pages/s and MB/s (MB of HTML) for each, the per-core ratio to trafilatura and how
unboil scales to every core (1.0 = linear).
"""
import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

root = Path(__file__).resolve().parent.parent
bench = root / "bench"
shared = Path(os.environ.get("UNBOIL_SHARED", root.parent / "shared")).resolve()
binary = Path(os.environ.get("CARGO_TARGET_DIR", root / "target")) / "release/unboil"


def timed(cmd: list) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def venv_python() -> Path:
    venv = bench / ".venv"
    python = venv / "bin/python"
    stamp = venv / ".requirements"
    want = (bench / "requirements.txt").read_text()
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    if not stamp.exists() or stamp.read_text() != want:
        subprocess.run([str(python), "-m", "pip", "install", "-q", "-r", str(bench / "requirements.txt")], check=True)
        stamp.write_text(want)
    return python


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3, help="runs of each unboil case (best one counts)")
    ap.add_argument("--no-trafilatura", action="store_true")
    args = ap.parse_args()
    if not binary.exists():
        sys.exit(f"batch: build the CLI first (cargo build --release): no {binary}")
    warc = bench / "out/corpus.warc.gz"
    warc.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, str(bench / "make_warc.py"), str(warc), "--shared", str(shared)], check=True)
    out = subprocess.run([str(binary), str(warc), "--no-markdown", "-j", "1"], check=True, capture_output=True, text=True)
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    pages, mb = len(lines), 0.0
    for url, html in __import__("make_warc").corpus_pages(shared):
        mb += len(html) / 1e6
    cores = os.cpu_count() or 1
    rows = []
    for jobs in sorted({1, cores}):
        best = min(timed([str(binary), str(warc), "--no-markdown", "-j", str(jobs)]) for _ in range(args.runs))
        rows.append((f"unboil --jobs {jobs}", jobs, best))
    if not args.no_trafilatura:
        python = venv_python()
        res = subprocess.run([str(python), str(bench / "trafilatura_speed.py"), str(shared)], check=True, capture_output=True, text=True)
        t = json.loads(res.stdout.splitlines()[-1])
        rows.append(("trafilatura 2.3.1 (one process)", 1, t["seconds"]))
    print(f"{pages} pages, {mb:.1f} MB of HTML, {warc.stat().st_size / 1e6:.1f} MB WARC (gzip); {cores} cores")
    print(f"{'':34} {'seconds':>8} {'pages/s':>9} {'MB/s':>7} {'pages/s/core':>13}")
    for name, jobs, secs in rows:
        print(f"{name:34} {secs:8.2f} {pages / secs:9.1f} {mb / secs:7.1f} {pages / secs / jobs:13.1f}")
    one = rows[0][2]
    if cores > 1:
        print(f"scaling to {cores} cores: {one / rows[1][2] / cores:.2f} x linear")
    if not args.no_trafilatura:
        print(f"per core, unboil / trafilatura: {rows[-1][2] / one:.1f} x")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(bench))
    sys.exit(main())
