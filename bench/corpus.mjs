// The shared corpora for the benchmarks, read in place from $UNBOIL_SHARED (default ../shared
// next to the repo) and never copied into the repo: readability/*/source.html and
// modern-dev/*.html.gz (gunzipped here), each page as { name, html, url }. Also builds the
// large pages of the size sweeps by concatenating corpus pages' bodies, as examples/floor.rs does.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const root = fileURLToPath(new URL('../', import.meta.url));
export const shared = resolve(root, process.env.UNBOIL_SHARED ?? '../shared');

/** The readability corpus's pages, by folder name; [] when the corpus is missing. */
export function readabilityPages() {
  const dir = join(shared, 'corpus/readability');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .filter((d) => existsSync(join(dir, d, 'source.html')))
    .map((d) => ({ name: `readability/${d}`, html: readFileSync(join(dir, d, 'source.html'), 'utf8'), url: `http://fakehost/${d}/` }));
}

/** The modern-dev corpus's pages (gunzipped, URL from the page's .json), by file name; [] when missing. */
export function modernDevPages() {
  const dir = join(shared, 'corpus/modern-dev');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => ({
      name: `modern-dev/${f.replace(/\.html\.gz$/, '')}`,
      html: new TextDecoder().decode(gunzipSync(readFileSync(join(dir, f)))),
      url: JSON.parse(readFileSync(join(dir, f.replace(/\.html\.gz$/, '.json')), 'utf8')).url,
    }));
}

/** The pages of one corpus by name: 'readability', 'modern-dev' or 'all' (both, in that order). @param {string} which */
export function corpusPages(which) {
  if (which === 'readability') return readabilityPages();
  if (which === 'modern-dev') return modernDevPages();
  if (which === 'all') return [...readabilityPages(), ...modernDevPages()];
  throw new Error(`unknown corpus '${which}' (readability, modern-dev or all)`);
}

/**
 * One page of about `size` characters made of `pages`' bodies, each in an <article>, smallest
 * pages first so small sizes are not one big page; the same construction as examples/floor.rs.
 * @param {number} size
 * @param {{ html: string }[]} pages
 */
export function pageOfSize(size, pages) {
  const sources = pages.map((p) => p.html).sort((a, b) => a.length - b.length);
  const parts = ['<html><head><title>t</title></head><body>'];
  let length = parts[0].length;
  for (let i = 0; length < size; i++) {
    const page = sources[i % sources.length];
    if (length + page.length > size * 2 && i < sources.length) continue;
    const start = page.indexOf('<body');
    const body = start < 0 ? page : page.slice(start);
    parts.push('<article>', body, '</article>');
    length += body.length + '<article></article>'.length;
  }
  parts.push('</body></html>');
  return parts.join('');
}

/**
 * Reads `--name value` from the command line, or `fallback`.
 * @template F
 * @param {string} name
 * @param {F} fallback
 * @returns {string | F}
 */
export function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && at + 1 < process.argv.length ? process.argv[at + 1] : fallback;
}
