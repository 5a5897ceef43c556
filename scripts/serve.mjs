#!/usr/bin/env node
// The demo server: serves the demo page, the bookmarklet's install page and hosted module,
// the package and the sample pages on 127.0.0.1 (`npm run demo`; PORT sets the port, default
// 8080). URL space: / → the demo, /demo/ and /overlay/ from www/, /bookmarklet/ from
// dist/bookmarklet/ (built by scripts/build-bookmarklet.mjs), /js/, /pkg/ and /samples/ from
// the repository. Everything is sent with CORS allowed, so the hosted bookmarklet loads from
// any page.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * URL prefix → folder (absolute), longest prefix first; `bookmarklet` is the built bookmarklet's folder.
 * @param {string} bookmarklet
 * @returns {[string, string][]}
 */
const mounts = (bookmarklet) => [
  ['/bookmarklet/', bookmarklet],
  ['/samples/', join(root, 'samples')],
  ['/js/', join(root, 'js')],
  ['/pkg/', join(root, 'pkg')],
  ['/', join(root, 'www')],
];

/**
 * The file a URL path maps to, or null when it would leave its folder.
 * @param {string} pathname
 * @param {[string, string][]} table mounts(), whose last prefix `/` matches every path
 */
function fileFor(pathname, table) {
  const [prefix, folder] = table.find(([p]) => pathname.startsWith(p)) ?? table[table.length - 1];
  const rest = normalize(pathname.slice(prefix.length) || '.');
  if (rest.startsWith('..') || rest.startsWith(sep)) return null;
  const file = join(folder, rest);
  return pathname.endsWith('/') ? join(file, 'index.html') : file;
}

/**
 * Starts the server on 127.0.0.1:`port` (0 for a free one), serving /bookmarklet/ from
 * `bookmarklet` (default dist/bookmarklet/); resolves to { origin, close() }.
 * @param {{ port?: number, bookmarklet?: string }} [options]
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
export async function serveSite({ port = 0, bookmarklet = join(root, 'dist/bookmarklet') } = {}) {
  const table = mounts(bookmarklet);
  const server = createServer(async (request, response) => {
    const cors = { 'access-control-allow-origin': '*', 'cache-control': 'no-store' };
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    } catch {
      return response.writeHead(400, cors).end('bad request');
    }
    if (pathname === '/') return response.writeHead(302, { ...cors, location: '/demo/' }).end();
    const file = fileFor(pathname, table);
    try {
      if (!file) throw new Error('outside');
      const body = await readFile(file);
      response.writeHead(200, { ...cors, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404, { ...cors, 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((listening, failed) => server.once('error', failed).listen(port, '127.0.0.1', () => listening(undefined)));
  const { port: bound } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return { origin: `http://127.0.0.1:${bound}`, close: () => new Promise((done) => server.close(() => done())) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { origin } = await serveSite({ port: Number(process.env.PORT ?? 8080) });
  console.log(`unboil demo:            ${origin}/demo/`);
  console.log(`bookmarklet install:    ${origin}/bookmarklet/`);
  console.log('Press Ctrl+C to stop.');
}
