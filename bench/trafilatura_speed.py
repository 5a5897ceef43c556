#!/usr/bin/env python3
"""Times trafilatura on the corpus pages that bench/make_warc.py puts in its WARC, in one
process (one core), on the same bytes. Run by bench/batch.py inside bench/.venv.

Usage: trafilatura_speed.py SHARED_DIR   -> prints one JSON line: pages, bytes, seconds
"""
import json
import sys
import time
from pathlib import Path

import trafilatura

sys.path.insert(0, str(Path(__file__).parent))
from make_warc import corpus_pages  # noqa: E402

pages = list(corpus_pages(Path(sys.argv[1])))
start = time.perf_counter()
for url, html in pages:
    trafilatura.extract(html, url=url)
seconds = time.perf_counter() - start
print(json.dumps({"pages": len(pages), "bytes": sum(len(h) for _, h in pages), "seconds": seconds}))
