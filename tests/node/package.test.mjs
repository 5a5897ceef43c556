// The package as a user gets it: `npm pack`, install the tarball into a scratch project, then
// import it from Node (the `node` and the `browser` export conditions), type-check a usage
// file against its .d.ts, and run the README's Node example.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { installPackage, nativeCli, root, sh, snakeJson } from './helpers.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'unboil-package-'));
const sample = join(root, 'samples/harbor-ferries.html');
const url = 'https://example.com/story';
/** @type {ReturnType<typeof installPackage>['packed']} */
let packed;
/** @type {string} */
let app;

const node = (/** @type {string[]} */ ...args) => sh(process.execPath, args, app);

before(() => {
  ({ packed, app } = installPackage(scratch));
});

after(() => rmSync(scratch, { recursive: true, force: true }));

test('the tarball holds the entries, the types, the module and the licenses', () => {
  const files = packed.files.map((f) => f.path).sort();
  assert.deepEqual(files, ['LICENSE-APACHE', 'LICENSE-MIT', 'README.md', 'js/node.js', 'js/unboil.d.ts', 'js/web.js', 'js/worker-thread.js', 'js/worker.d.ts', 'js/worker.js', 'js/workerd.js',
    'package.json', 'pkg/unboil.js', 'pkg/unboil_bg.wasm']);
  const manifest = JSON.parse(readFileSync(join(app, 'node_modules/unboil/package.json'), 'utf8'));
  assert.equal(manifest.license, 'MIT OR Apache-2.0');
  assert.deepEqual(manifest.sideEffects, ['./js/node.js']);
  assert.deepEqual(Object.keys(manifest.exports['.']), ['types', 'workerd', 'browser', 'node', 'default']);
});

test('import in Node cleans a page like the native CLI', () => {
  writeFileSync(join(app, 'node.mjs'), `import { readFileSync } from 'node:fs';
import { cleanArticle } from 'unboil';
console.log(JSON.stringify(cleanArticle(readFileSync(process.argv[2]), { url: process.argv[3] })));`);
  const article = JSON.parse(node('node.mjs', sample, url));
  assert.equal(`${snakeJson(article)}\n`, sh(nativeCli(), [sample, '--url', url, '--format', 'json'], app));
});

test('the browser build, picked by its export condition, needs init() and cleans alike', () => {
  writeFileSync(join(app, 'web.mjs'), `import { readFileSync } from 'node:fs';
import init, { cleanArticle } from 'unboil';
try { cleanArticle('<p>x</p>'); } catch (e) { console.log(e.message); }
await init(readFileSync(new URL(import.meta.resolve('unboil/unboil_bg.wasm'))));
console.log(JSON.stringify(cleanArticle(readFileSync(process.argv[2]), { url: process.argv[3] })));`);
  const [refusal, json] = node('--conditions=browser', 'web.mjs', sample, url).trim().split('\n');
  assert.match(refusal, /init\(\)/);
  assert.deepEqual(JSON.parse(json), JSON.parse(node('node.mjs', sample, url)));
});

test('a bundler keeps the Node entry, which loads the module on import, and drops the rest when unused', () => {
  const bundle = (/** @type {string[]} */ conditions) => buildSync({
    stdin: { contents: "import 'unboil';", resolveDir: app },
    bundle: true, platform: 'node', format: 'esm', conditions, write: false, logLevel: 'silent',
  }).outputFiles[0].text;
  assert.match(bundle(['node']), /initSync\(\{ module: readFileSync\(/);
  assert.doesNotMatch(bundle(['browser']), /unboil_bg\.wasm|cleanArticle/);
});

test('tsc --noEmit accepts a usage file against the .d.ts and rejects misuse', () => {
  for (const f of ['usage.ts', 'tsconfig.json']) copyFileSync(join(root, 'tests/node/types', f), join(app, f));
  sh(join(root, 'node_modules/.bin/tsc'), ['-p', join(app, 'tsconfig.json')], app);
});

test("the README's Node example runs", () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const example = readme.match(/^### Node\n+```js\n([\s\S]*?)```/m)?.[1];
  assert.ok(example, 'the README has a Node example');
  writeFileSync(join(app, 'readme-node.mjs'), example);
  copyFileSync(sample, join(app, 'page.html'));
  assert.match(node('readme-node.mjs'), /ferry fleet .* \d+ /);
});
