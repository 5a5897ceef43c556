// Parity: the Node shim of the command-line contract (wasm/cli-shim.mjs, over the npm package)
// must print exactly what the native `unboil` prints, byte for byte, with the same exit code,
// on every fixture page here and in the shared seed fixtures when present.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { nativeCli, root } from './helpers.mjs';

const shim = join(root, 'wasm/cli-shim.mjs');
const shared = resolve(root, process.env.UNBOIL_SHARED ?? '../shared');

/** Runs a command from the repository's root; its output as text and its exit code. @param {string} command @param {string[]} args */
function run(command, args) {
  const { stdout, stderr, status } = spawnSync(command, args, { cwd: root, maxBuffer: 1 << 30 });
  return { stdout: stdout.toString(), stderr: stderr.toString(), status };
}

/**
 * Runs both commands with the same arguments and compares stdout and the exit code (and
 * standard error when `stderr`).
 * @param {string[]} args
 */
function same(args, { stderr = false } = {}) {
  const native = run(nativeCli(), args);
  const wasm = run(process.execPath, [shim, ...args]);
  assert.equal(wasm.stdout, native.stdout, `stdout of ${args.join(' ')}`);
  assert.equal(wasm.status, native.status, `exit code of ${args.join(' ')}`);
  if (stderr) assert.equal(wasm.stderr, native.stderr, `stderr of ${args.join(' ')}`);
  return native;
}

/** Every page under `dir` (recursively) with the URL of its `.expected.json`, if any. @param {string} dir */
function pages(dir) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      const expected = file.replace(/\.html$/, '.expected.json');
      return { file, url: existsSync(expected) ? JSON.parse(readFileSync(expected, 'utf8')).url : undefined };
    });
}

const fixtures = pages(join(root, 'tests/fixtures'));
const seed = existsSync(join(shared, 'fixtures/seed')) ? pages(join(shared, 'fixtures/seed')) : [];

test(`every fixture: ${fixtures.length} here, ${seed.length} shared seed fixtures`, () => {
  assert.ok(fixtures.length >= 60);
  for (const { file, url } of [...fixtures, ...seed]) {
    const { status } = same([file, ...(url ? ['--url', url] : []), '--format', 'json']);
    assert.equal(status, 0, file);
  }
});

test('several files give the same JSON Lines, failures included', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'unboil-parity-'));
  writeFileSync(join(scratch, 'empty.html'), '');
  const files = [...fixtures.slice(0, 8).map((p) => p.file), join(scratch, 'empty.html'), join(scratch, 'missing.html')];
  const { status, stdout } = same(['--url', 'https://example.com/a/', ...files], { stderr: true });
  assert.equal(status, 1);
  assert.equal(stdout.trim().split('\n').length, files.length);
  rmSync(scratch, { recursive: true });
});

test('every format and option gives the same output', () => {
  const { file, url } = fixtures.find((p) => p.file.includes('share-fr')) ?? fixtures[0];
  const runs = [
    ['--format', 'html'], ['--format', 'text'], ['--format', 'markdown'], ['--format=md'],
    ['--no-images'], ['--no-markdown'], ['--remove', 'p', '--remove', 'h2'], ['--keep', 'footer, nav a'],
    ['--max-elements', '40'], ['--max-bytes', '+100000000'], ['--charset', 'windows-1251'], [`--url=${url}`],
  ];
  for (const args of runs) same([file, '--url', url, ...args]);
  same([file, '--max-bytes', '100'], { stderr: true });
  same([file, '--remove', 'p:first-child'], { stderr: true });
});

test('argument errors, --version and standard input behave the same', () => {
  for (const args of [[], ['--format', 'pdf', 'a.html'], ['a.html', '--bogus'], ['a.html', '--url'], ['a.html', '--max-bytes', 'x'], ['-V'], ['--help'], ['-h']]) {
    same(args, { stderr: true });
  }
  const page = fixtures[0].file;
  const input = readFileSync(page);
  const native = spawnSync(nativeCli(), ['-', '--format', 'text'], { input }).stdout.toString();
  const wasm = spawnSync(process.execPath, [shim, '-', '--format', 'text'], { input }).stdout.toString();
  assert.equal(wasm, native);
  assert.ok(native.length > 100);
  same(['--', page]);
});

test('charset labels the module resolves itself or through TextDecoder behave the same', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'unboil-charsets-'));
  const paragraphs = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth']
    .map((n) => `<p>The ${n} paragraph: Caf\xe9 cr\xe8me, na\xefve fa\xe7ade \x80 \x93quoted\x94 text, long enough to make a whole article of this page.</p>`);
  const body = `<article>${paragraphs.join('')}</article>`;
  const pages = {
    'replacement.html': `<meta charset="iso-2022-kr"><title>t</title>${body}`,
    'utf16-declared.html': `<meta charset="utf-16"><title>t</title>${body}`,
    'user-defined.html': `<meta charset="x-user-defined"><title>t</title>${body}`,
    'undeclared.html': `<title>t</title>${body}`,
    'bogus-label.html': `<meta charset="no-such-charset"><title>t</title>${body}`,
  };
  for (const [name, html] of Object.entries(pages)) writeFileSync(join(scratch, name), Buffer.from(html, 'latin1'));
  for (const name of Object.keys(pages)) {
    for (const extra of [[], ['--charset', 'koi8-r'], ['--charset', 'csiso2022kr'], ['--charset', ' UTF8 '], ['--charset', 'latin1']]) {
      same([join(scratch, name), '--format', 'json', ...extra], { stderr: true });
    }
  }
  const undeclared = same([join(scratch, 'undeclared.html'), '--format', 'text']);
  assert.match(undeclared.stdout, /Café crème, naïve façade € “quoted” text/);
  assert.equal(same([join(scratch, 'undeclared.html'), '--charset', 'bogus'], { stderr: true }).status, 1);
  rmSync(scratch, { recursive: true });
});
