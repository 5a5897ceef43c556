#!/usr/bin/env python3
"""Builds a WARC file from the corpus pages, as Common Crawl ships them: one gzip member per
record, each page as a `request` record and an HTTP `response` record (`Content-Type:
text/html`, with no charset, so each page's own declaration decides), after a `warcinfo`.

Usage: bench/make_warc.py OUT.warc.gz [--shared DIR]   (DIR: $UNBOIL_SHARED or ../shared)
Prints the number of pages and the uncompressed size of their bodies.
"""
import argparse
import gzip
import os
import sys
import uuid
from pathlib import Path


def corpus_pages(shared: Path):
    """(url, html bytes) of every corpus page, in a fixed order."""
    for d in sorted((shared / "corpus/readability").iterdir()):
        if (d / "source.html").exists():
            yield f"https://readability.example/{d.name}/", (d / "source.html").read_bytes()
    for name in ("multilingual-dev", "modern-dev"):
        for f in sorted((shared / "corpus" / name).glob("*.html.gz")):
            yield f"https://{name}.example/{f.name[:-8]}", gzip.decompress(f.read_bytes())


def record(kind: str, headers: dict, block: bytes) -> bytes:
    head = {"WARC-Type": kind, "WARC-Record-ID": f"<urn:uuid:{uuid.uuid4()}>",
            "WARC-Date": "2026-12-06T00:00:00Z", **headers,
            "Content-Length": str(len(block))}
    text = "WARC/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in head.items()) + "\r\n"
    return gzip.compress(text.encode() + block + b"\r\n\r\n", compresslevel=6)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    ap.add_argument("--shared", default=os.environ.get("UNBOIL_SHARED", str(Path(__file__).parent / "../../shared")))
    args = ap.parse_args()
    shared = Path(args.shared)
    if not (shared / "corpus").is_dir():
        sys.exit(f"make_warc: no corpus at {shared} (set UNBOIL_SHARED)")
    pages = body_bytes = 0
    with open(args.out, "wb") as out:
        out.write(record("warcinfo", {"Content-Type": "application/warc-fields"}, b"software: unboil bench/make_warc.py\r\n"))
        for url, html in corpus_pages(shared):
            host = url.split("/")[2]
            req = f"GET /{url.split('/', 3)[3]} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode()
            out.write(record("request", {"WARC-Target-URI": url, "Content-Type": "application/http; msgtype=request"}, req))
            resp = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {len(html)}\r\n\r\n".encode() + html
            out.write(record("response", {"WARC-Target-URI": url, "Content-Type": "application/http; msgtype=response"}, resp))
            pages += 1
            body_bytes += len(html)
    print(f"make_warc: {pages} pages, {body_bytes / 1e6:.1f} MB of HTML -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
