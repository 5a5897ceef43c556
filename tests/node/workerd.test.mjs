// The Worker example (examples/worker/) in workerd, over the package installed from its
// `npm pack` tarball: pages in several charsets and languages, posted raw (the charset in the
// Content-Type) or as JSON {url, html}, come back as the Node entry's article, byte for byte,
// and as its Markdown; empty, junk and oversized bodies get a 4xx JSON error, and the Worker
// goes on serving. The README's Worker snippet runs there too.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanArticle } from '../../js/node.js';
import { installPackage, root } from './helpers.mjs';
import { serveExample } from './workerd.mjs';

/** examples/worker/worker.js's MAX_BODY_BYTES. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/**
 * The pages (tests/node/pages/, written by make.py), the Content-Type each is posted with and
 * its title, which shows that the charset was honoured. ko-euc-kr declares its charset in the
 * page; ru-koi8-r declares windows-1251, which the Content-Type's KOI8-R overrules as in a
 * browser; fr-utf-8-bom's byte order mark wins over its Content-Type; zh-utf-8 goes as JSON.
 */
const PAGES = [
  { name: 'ja-shift_jis', type: 'text/html; charset=Shift_JIS', title: '港町の古い灯台が博物館として生まれ変わる' },
  { name: 'ru-windows-1251', type: 'text/html;charset="windows-1251"', title: 'В городской библиотеке открылся зал настольных игр' },
  { name: 'el-iso-8859-7', type: 'text/html; charset=ISO-8859-7', title: 'Το λιμάνι του νησιού αποκτά νέο πλωτό σταθμό' },
  { name: 'ar-utf-8', type: 'text/html; charset=utf-8', title: 'افتتاح حديقة جديدة على ضفاف النهر' },
  { name: 'ko-euc-kr', type: 'text/html', title: '시골 마을 도서관에 첫 번째 작가가 찾아왔다' },
  { name: 'ru-koi8-r', type: 'text/html; charset=KOI8-R', title: 'Старый трамвай вернулся на набережную' },
  { name: 'fr-utf-8-bom', type: 'text/html; charset=windows-1252', title: 'Le marché couvert rouvre après l’incendie' },
  { name: 'zh-utf-8', type: 'application/json', title: '老城区的夜市重新开张' },
];
const url = 'https://news.example/2026/story';

const scratch = mkdtempSync(join(tmpdir(), 'unboil-workerd-'));
/** @type {string} the project with the package installed */
let app;
/** @type {Awaited<ReturnType<typeof serveExample>>} */
let worker;

before(async () => {
  ({ app } = installPackage(scratch));
  worker = await serveExample(app);
});

after(async () => {
  await worker?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

/**
 * What a browser reads from a response's bytes and the charset of its Content-Type: a byte
 * order mark decides, else that charset, over the page's own `<meta charset>`.
 * @param {Buffer} bytes
 * @param {string | null} charset
 */
function asBrowsersRead(bytes, charset) {
  const bom = bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) || [0xfeff, 0xfffe].includes(bytes.readUInt16BE(0));
  return charset === null || bom ? bytes : new TextDecoder(charset).decode(bytes);
}

/**
 * Posts a page as its entry in PAGES says; resolves to the request made and the Node entry's
 * article for the page as a browser reads it.
 * @param {typeof PAGES[number]} page
 * @param {string} [format]
 */
async function post(page, format) {
  const bytes = readFileSync(join(root, 'tests/node/pages', `${page.name}.html`));
  const json = page.type === 'application/json';
  const query = new URLSearchParams(json ? {} : { url });
  if (format) query.set('format', format);
  const response = await fetch(`${worker.origin}/?${query}`, {
    method: 'POST',
    headers: { 'content-type': page.type },
    body: json ? JSON.stringify({ url, html: bytes.toString('utf8') }) : bytes,
  });
  const charset = json ? null : page.type.match(/charset="?([^";]+)/)?.[1] ?? null;
  const options = { url, charset, formats: format === 'markdown' ? /** @type {const} */ (['markdown']) : null };
  return { response, inNode: cleanArticle(json ? bytes.toString('utf8') : asBrowsersRead(bytes, charset), options) };
}

/**
 * Asserts a 4xx answer with a JSON body {error}; resolves to the error.
 * @param {Response} response
 * @param {number} status
 */
async function refused(response, status) {
  assert.equal(response.status, status);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
  const body = await response.json();
  assert.deepEqual(Object.keys(body), ['error']);
  assert.equal(typeof body.error, 'string');
  return body.error;
}

/**
 * POSTs a body of `length` bytes with `Expect: 100-continue`, sending it only if workerd
 * says continue; resolves to the status and body of the answer.
 * @param {number} length
 * @returns {Promise<{ status: number | undefined, body: string }>}
 */
function postExpecting(length) {
  return new Promise((resolve, reject) => {
    const req = request(`${worker.origin}/`, { method: 'POST', headers: { 'content-length': length, expect: '100-continue' } });
    req.on('continue', () => req.end(Buffer.alloc(length, 'a')));
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk) => (body += chunk)).on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode, body });
      });
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

test('each page comes back as the Node entry\'s article, byte for byte', async () => {
  for (const page of PAGES) {
    const { response, inNode } = await post(page);
    assert.equal(response.status, 200, page.name);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(await response.text(), JSON.stringify(inNode), page.name);
    assert.equal(inNode.title, page.title, `${page.name}: decoded in its charset`);
  }
});

test('?format=markdown gives the Markdown, byte for byte', async () => {
  for (const page of PAGES) {
    const { response, inNode } = await post(page, 'markdown');
    assert.equal(response.status, 200, page.name);
    assert.equal(response.headers.get('content-type'), 'text/markdown; charset=utf-8');
    assert.equal(await response.text(), inNode.markdown, page.name);
  }
});

test('bad requests get a 4xx JSON error, and the Worker goes on serving', async () => {
  const at = (/** @type {string} */ query, /** @type {RequestInit} */ init) => fetch(`${worker.origin}/${query}`, { method: 'POST', ...init });
  assert.match(await refused(await at('', { body: '' }), 400), /empty/);
  assert.match(await refused(await at('', { body: '   \n\t ' }), 422), /empty/);
  const png = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.alloc(2000, 7)]);
  assert.match(await refused(await at('', { body: png, headers: { 'content-type': 'image/png' } }), 422), /not HTML/);
  const junk = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256));
  assert.match(await refused(await at('', { body: junk }), 422), /not HTML/);
  // Read in the Content-Type's charset, the junk is still no page.
  assert.match(await refused(await at('', { body: junk, headers: { 'content-type': 'text/html; charset=iso-8859-1' } }), 422), /not HTML/);
  assert.match(await refused(await at('', { body: '{"html": ', headers: { 'content-type': 'application/json' } }), 400), /JSON/);
  assert.match(await refused(await at('', { body: '{"url": "x"}', headers: { 'content-type': 'application/json' } }), 400), /"html"/);
  assert.match(await refused(await at('', { body: '<p>x</p>', headers: { 'content-type': 'text/html; charset=klingon' } }), 422), /klingon/);
  assert.match(await refused(await at('?format=pdf', { body: '<p>x</p>' }), 400), /format/);
  const get = await fetch(worker.origin);
  await refused(get, 405);
  assert.equal(get.headers.get('allow'), 'POST');

  // A declared Content-Length over the limit is refused before the body is read: the client
  // asks with `Expect: 100-continue` (as curl does for large bodies) and never sends it.
  const declared = await postExpecting(MAX_BODY_BYTES + 1);
  assert.equal(declared.status, 413);
  assert.match(JSON.parse(declared.body).error, /larger than/);
  // Without a Content-Length (a chunked stream) the Worker stops reading past the limit.
  const stream = new ReadableStream({
    start(controller) {
      const mib = Buffer.alloc(1 << 20, 'a');
      for (let sent = 0; sent < MAX_BODY_BYTES; sent += mib.length) controller.enqueue(mib);
      controller.enqueue(Buffer.from('a'));
      controller.close();
    },
  });
  assert.match(await refused(await at('', /** @type {RequestInit} */ ({ body: stream, duplex: 'half' })), 413), /larger than/);

  const { response, inNode } = await post(PAGES[0]);
  assert.equal(response.status, 200, `still serving; workerd said:\n${worker.log()}`);
  assert.equal(await response.text(), JSON.stringify(inNode));
});

test("the README's Worker snippet answers with the article", async () => {
  const snippet = readFileSync(join(root, 'README.md'), 'utf8').match(/^### Cloudflare Workers and workerd\n+```js\n([\s\S]*?)```/m)?.[1];
  assert.ok(snippet, 'the README has a Worker snippet');
  const readmeApp = join(scratch, 'readme');
  mkdirSync(readmeApp);
  symlinkSync(join(app, 'node_modules'), join(readmeApp, 'node_modules'));
  const readme = await serveExample(readmeApp, snippet);
  try {
    const page = readFileSync(join(root, 'samples/harbor-ferries.html'));
    const response = await fetch(`${readme.origin}/story`, { method: 'POST', body: page });
    assert.equal(await response.text(), JSON.stringify(cleanArticle(page, { url: `${readme.origin}/story` })));
  } finally {
    await readme.stop();
  }
});
