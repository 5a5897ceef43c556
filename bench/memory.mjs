#!/usr/bin/env node
// Memory benchmark: peak memory per MB of input over a size sweep (100 KB … 20 MB
// pages built at run time by concatenating the readability corpus pages' bodies, as
// examples/floor.rs does), for all formats and for HTML only:
//   native: peak RSS (`/usr/bin/time -v`, "Maximum resident set size") of the release CLI
//     (`cargo build --release -p unboil-cli`) cleaning the page from a file, output to /dev/null;
//     all formats = `--format json`, HTML only = `--format html --no-markdown` (the plain text is
//     still made inside, for the word count, but not kept);
//   wasm: the WebAssembly linear memory's size (`memory.buffer.byteLength`) after one
//     cleanArticle(string, { formats }) in a fresh Node process through the package's glue.
//     Linear memory never shrinks, so this is its peak; it holds the UTF-8 copy of the input
//     and everything the core allocates, but not the JS strings on either side.
// A tiny page gives each column's fixed cost; "slope" is (peak − that) / input, the figure the
// target "≤ 4× the input plus a small constant" is about. `--limit N` runs the first N sizes.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { option, pageOfSize, readabilityPages, root } from './corpus.mjs';

const SIZES = [100e3, 500e3, 1e6, 5e6, 20e6];
/** @type {Record<string, import('../js/unboil.js').Format[]>} */
const FORMATS = { all: ['html', 'text', 'markdown'], html: ['html'] };
const MB = 1024 * 1024;

if (process.argv[2] === '--wasm-child') {
  process.stdout.write(String(await wasmPeak(process.argv[3], FORMATS[process.argv[4]])));
} else {
  main();
}

/**
 * In this fresh process: cleans the page in `file` once and returns the linear memory's bytes.
 * @param {string} file
 * @param {import('../js/unboil.js').Format[]} formats
 */
async function wasmPeak(file, formats) {
  const { initSync, cleanArticle } = await import('../pkg/unboil.js');
  const wasm = initSync({ module: readFileSync(join(root, 'pkg/unboil_bg.wasm')) });
  cleanArticle(readFileSync(file, 'utf8'), { url: 'https://example.com/', formats });
  return wasm.memory.buffer.byteLength;
}

/** Peak linear memory, in bytes, of a fresh Node process cleaning `file`. @param {string} file @param {'all' | 'html'} formats */
function wasmRun(file, formats) {
  return Number(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--wasm-child', file, formats], { encoding: 'utf8' }));
}

/** Peak RSS, in bytes, of the native CLI cleaning `file` with `args`. @param {string} cli @param {string} file @param {string[]} args */
function nativeRun(cli, file, args) {
  const run = spawnSync('/usr/bin/time', ['-v', cli, ...args, file], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const kb = run.stderr.match(/Maximum resident set size \(kbytes\): (\d+)/);
  if (run.status !== 0 || !kb) throw new Error(`${cli} failed on ${file}: ${run.stderr}`);
  return Number(kb[1]) * 1024;
}

function main() {
  const cli = `${process.env.CARGO_TARGET_DIR ?? join(root, 'target')}/release/unboil`;
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run cargo build --release -p unboil-cli first`);
  if (!existsSync('/usr/bin/time')) throw new Error('/usr/bin/time is missing: apt-get install time');
  if (!existsSync(join(root, 'pkg/unboil_bg.wasm'))) throw new Error('pkg/ is missing: run scripts/build-wasm.sh first');
  const corpus = readabilityPages();
  if (corpus.length === 0) throw new Error('no pages: is the shared corpus at $UNBOIL_SHARED or ../shared?');
  const sizes = SIZES.slice(0, Number(option('limit', SIZES.length)));
  const scratch = mkdtempSync(join(tmpdir(), 'unboil-memory-'));
  try {
    const measure = (/** @type {string} */ file) => ({
      bytes: readFileSync(file).length,
      native: { all: nativeRun(cli, file, ['--format', 'json']), html: nativeRun(cli, file, ['--format', 'html', '--no-markdown']) },
      wasm: { all: wasmRun(file, 'all'), html: wasmRun(file, 'html') },
    });
    const tinyFile = join(scratch, 'tiny.html');
    writeFileSync(tinyFile, '<html><head><title>t</title></head><body><p>x</p></body></html>');
    const tiny = measure(tinyFile);
    const rows = sizes.map((size) => {
      const file = join(scratch, `${size}.html`);
      writeFileSync(file, pageOfSize(size, corpus));
      return measure(file);
    });
    console.log(`peak memory per input size; MB = 2^20 bytes; node ${process.version}`);
    console.log(`fixed cost (tiny page): native RSS ${(tiny.native.all / MB).toFixed(1)} MB all formats, ${(tiny.native.html / MB).toFixed(1)} MB html; wasm memory ${(tiny.wasm.all / MB).toFixed(1)} MB all formats, ${(tiny.wasm.html / MB).toFixed(1)} MB html`);
    for (const [engine, what] of /** @type {const} */ ([['native', 'native CLI, peak RSS'], ['wasm', 'WASM, peak linear memory']])) {
      console.log(`\n${what}`);
      console.log(['input MB', 'all MB', 'all/input', 'all slope', 'html MB', 'html/input', 'html slope'].map((h) => h.padStart(11)).join(''));
      for (const row of rows) {
        const cells = [row.bytes / MB];
        for (const f of /** @type {const} */ (['all', 'html'])) cells.push(row[engine][f] / MB, row[engine][f] / row.bytes, (row[engine][f] - tiny[engine][f]) / row.bytes);
        console.log(cells.map((v) => v.toFixed(2).padStart(11)).join(''));
      }
    }
    console.log('\ntarget: peak ≤ 4× input + a small constant, i.e. slope ≤ 4');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
