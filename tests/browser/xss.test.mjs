// XSS proof in Chromium: every vector of tests/xss/vectors.jsonl sits inside an ordinary
// article page; cleanArticle's `html` goes into a frame of its own, parsed as a document and
// inserted with innerHTML, and a detector records anything that runs. The harness fires every
// inline handler it finds, clicks every link and submit button, sets innerHTML = innerHTML
// (mutation XSS) and fires and clicks again. A hit is a dialog (alert, confirm, prompt,
// print), a navigation of the frame, a request for a script, style sheet, document or font to
// the attacker's host, a <base> that changes the document's base URL, or an element whose id
// or name shadows a built-in property of document (DOM clobbering).
// Positive control: the same harness on the raw vectors (the page loaded as is, and the
// vector inserted with innerHTML) must flag at least 95 % of them; both counts are printed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanArticle } from '../../js/node.js';
import { root } from '../node/helpers.mjs';
import { launch, serve } from './harness.mjs';

const PAGE_URL = 'https://www.harbourtimes.example.org/news/2024/05/17/tide-mill-turns-again.html';
const PROSE = [
  'For the first time in sixty years the wooden wheel of the tide mill at Saltmarsh Creek turned on Saturday morning, pushed by the ebbing water that the restored sluice gates had held back overnight in the old mill pond.',
  'The mill was built in 1792 to grind wheat for the villages along the estuary and worked until a storm in 1963 smashed the gates. After that the building became a store for fishing nets and slowly fell apart.',
  'A trust formed by local residents bought the ruin for one pound in 2015. Volunteers spent seven winters cutting new oak paddles by hand, rebuilding the brick wheel pit and relearning how a miller reads the tide tables.',
  'Engineers from the county council checked the new gates twice before the first run. The pond now fills on every rising tide and can drive the wheel for about four hours, enough to grind a small batch of flour.',
  'The trust plans to sell the flour in the village shop and to open the mill to school groups in the autumn. Visitors will be able to watch the wheel from a new gallery built above the outflow channel.',
  'The restoration cost a little over four hundred thousand pounds, most of it raised from heritage grants and a long list of small donations. The names of every donor are carved into a beam above the millstones.',
];
const BATCH = 160;
const PER_CLEAN_FRAME = 8;

/**
 * One line of vectors.jsonl, with the article page made around it and that page's clean HTML
 * (both set before the tests run).
 * @typedef {{ name: string, place: string, html: string, page: string, clean: string }} Vector
 */
/** @type {Vector[]} */
const vectors = readFileSync(join(root, 'tests/xss/vectors.jsonl'), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));

/**
 * The article page with the vector in its <head> or between the third and fourth paragraph.
 * @param {Pick<Vector, 'html' | 'place'>} vector
 */
function articlePage({ html, place }) {
  const paragraphs = (/** @type {string[]} */ list) => list.map((p) => `<p>${p}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The tide mill turns again | Harbour Times</title>
${place === 'head' ? html : ''}<meta name="author" content="Ann Reed"></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article><h1>The tide mill turns again</h1>
${paragraphs(PROSE.slice(0, 3))}
${place === 'head' ? '' : html}
${paragraphs(PROSE.slice(3))}
</article></main><footer>Harbour Times</footer></body></html>`;
}

const cleanPage = (/** @type {string} */ html) => `<!doctype html><html><head><meta charset="utf-8"><title>clean</title></head><body>${html}</body></html>`;

// Runs in every frame before its own scripts: dialogs report to the test instead of blocking.
const DETECTOR = `(() => {
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    try { Object.defineProperty(window, name, { value: () => { window.__unboilHit?.(name); }, writable: true, configurable: true }); } catch {}
  }
})();`;

/**
 * Runs in the host page: exercises each vector frame, then reports the static hits.
 * @param {{ name: string, src: string, dyn: string }[]} items
 */
async function exercise(items) {
  const loaded = items.map(({ name, src }) => new Promise((done) => {
    const frame = document.createElement('iframe');
    frame.name = name;
    frame.onload = done;
    setTimeout(done, 20000);
    frame.src = src;
    document.body.append(frame);
  }));
  await Promise.all(loaded);
  const followed = ['http:', 'https:', 'mailto:', 'tel:', 'about:', 'blob:'];
  /** @param {Window & typeof globalThis} win @param {string} url */
  const harmless = (win, url) => {
    try {
      return followed.includes(new win.URL(url, win.document.baseURI).protocol);
    } catch {
      return false;
    }
  };
  // Fires every inline handler (on <body> and <frameset>, some are the window's), clicks every
  // link and submit button, and does the same in same-origin child frames (srcdoc).
  /** @param {Document} doc */
  const fire = (doc) => {
    const win = doc.defaultView;
    for (const el of doc.querySelectorAll('*')) {
      for (const { name } of [...el.attributes]) {
        if (!/^on/i.test(name)) continue;
        const type = name.slice(2).toLowerCase();
        el.dispatchEvent(new Event(type));
        if (/^(body|frameset)$/i.test(el.localName)) win?.dispatchEvent(new Event(type));
      }
    }
    for (const el of doc.querySelectorAll('a, area, button, input[type=submit], input[type=image]')) {
      el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    }
    for (const frame of doc.querySelectorAll('iframe')) {
      try {
        if (frame.contentDocument) fire(frame.contentDocument);
      } catch {}
    }
  };
  /** @type {Record<string, string[]>} what was found, by frame */
  const report = {};
  /** The window of the frame `name` (a vector frame's, of this origin). @param {string} name */
  const frameWindow = (name) => /** @type {Window & typeof globalThis} */ (/** @type {HTMLIFrameElement} */ (document.querySelector(`iframe[name="${name}"]`)).contentWindow);
  for (const { name, dyn } of items) {
    const win = frameWindow(name);
    /** @type {string[]} */
    const hits = (report[name] = []);
    try {
      const doc = win.document;
      // Links and forms to ordinary URLs are not followed (the frame must stay); any other
      // scheme (javascript:, data:, …) is followed, as a browser would.
      win.addEventListener('click', (event) => {
        const link = /** @type {Element} */ (event.target).closest?.('a, area');
        const href = link && (link.getAttribute('href') ?? link.getAttributeNS('http://www.w3.org/1999/xlink', 'href'));
        if (href !== null && href !== undefined && harmless(win, href)) event.preventDefault();
      }, true);
      win.addEventListener('submit', (event) => {
        const by = /** @type {HTMLButtonElement | HTMLInputElement | null} */ (event.submitter);
        if (harmless(win, by?.hasAttribute('formaction') ? by.formAction : /** @type {HTMLFormElement} */ (event.target).action)) event.preventDefault();
      }, true);
      fire(doc);
      const box = doc.createElement('div');
      (doc.body ?? doc.documentElement).append(box);
      box.innerHTML = dyn;
      fire(doc);
      box.innerHTML = box.innerHTML;
      fire(doc);
    } catch (error) {
      hits.push(`harness: ${error instanceof Error ? error.message : error}`);
    }
  }
  await new Promise((done) => setTimeout(done, 500));
  for (const { name } of items) {
    const frame = /** @type {HTMLIFrameElement} */ (document.querySelector(`iframe[name="${name}"]`));
    const win = frameWindow(name);
    try {
      const doc = win.document;
      if (doc.baseURI !== win.location.href) report[name].push(`base ${doc.baseURI}`);
      for (const el of doc.querySelectorAll('[id], [name]')) {
        for (const key of [el.id, el.getAttribute('name')]) {
          const value = key && key in document ? Reflect.get(doc, key) : undefined;
          if (value instanceof win.Node || value instanceof win.HTMLCollection) report[name].push(`clobber document.${key}`);
        }
      }
    } catch {
      report[name].push('frame left the origin');
    }
    frame.remove();
  }
  return report;
}

/** @type {import('./harness.mjs').Server} */
let server;
/** @type {import('./harness.mjs').Browser} */
let browser;
/** @type {Map<string, string[]>} what was found, by frame name */
const hits = new Map();
/** @type {string[]} */
const unattributed = [];

before(async () => {
  /** @type {Record<string, import('./harness.mjs').Route>} */
  const routes = { '/': () => ['text/html; charset=utf-8', '<!doctype html><link rel="icon" href="data:,"><title>xss host</title><body>'] };
  vectors.forEach((vector, i) => {
    const page = articlePage(vector);
    vector.page = page;
    vector.clean = cleanArticle(page, { url: PAGE_URL }).html;
    routes[`/raw/${i}`] = () => ['text/html; charset=utf-8', page];
  });
  for (let start = 0; start < vectors.length; start += PER_CLEAN_FRAME) {
    const members = vectors.slice(start, start + PER_CLEAN_FRAME);
    const path = `/clean/${members.map((v) => vectors.indexOf(v)).join('-')}`;
    routes[path] = () => ['text/html; charset=utf-8', cleanPage(members.map((v) => `<article>${v.clean}</article>`).join('\n'))];
  }
  server = await serve(root, routes);
  browser = await launch();
  const { context, page } = browser;
  const local = new URL(server.origin).host;
  await context.route('**/*', (route) => (new URL(route.request().url()).host === local ? route.continue() : route.abort()));
  /** The vector frame `frame` is or is inside, by name, or null. @param {import('playwright-core').Frame} frame */
  const owner = (frame) => {
    for (let f = /** @type {import('playwright-core').Frame | null} */ (frame); f; f = f.parentFrame()) if (/^(raw|clean)-\d+$/.test(f.name())) return f.name();
    return null;
  };
  /** @param {import('playwright-core').Frame | null} frame @param {string} what */
  const record = (frame, what) => {
    const name = frame && owner(frame);
    if (name) hits.set(name, [...(hits.get(name) ?? []), what]);
    else unattributed.push(what);
  };
  await context.exposeBinding('__unboilHit', ({ frame }, kind) => record(frame, kind));
  await context.addInitScript(DETECTOR);
  /** @type {Map<string, number>} */
  const commits = new Map();
  page.on('framenavigated', (frame) => {
    const name = frame.name();
    if (!/^(raw|clean)-\d+$/.test(name)) return;
    commits.set(name, (commits.get(name) ?? 0) + 1);
    if ((commits.get(name) ?? 0) > 1) record(frame, `navigation to ${frame.url()}`);
  });
  page.on('request', (request) => {
    const type = request.resourceType();
    if (/evil/.test(new URL(request.url()).host) && !['image', 'media'].includes(type)) record(request.frame(), `${type} from ${request.url()}`);
  });
  page.on('dialog', (dialog) => {
    unattributed.push(`dialog ${dialog.type()} ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  context.on('page', (popup) => {
    unattributed.push(`popup ${popup.url()}`);
    popup.close().catch(() => {});
  });
  await page.goto(`${server.origin}/`);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Runs the harness over all vectors in one mode: 'raw' (one vector per frame, so each hit is
 * known by vector) or 'clean' (PER_CLEAN_FRAME outputs per frame, which keeps the test quick;
 * a hit names every vector of its frame). Returns the flagged vectors with what was found.
 * @param {'raw' | 'clean'} mode
 */
async function run(mode) {
  const { page } = browser;
  const group = mode === 'raw' ? 1 : PER_CLEAN_FRAME;
  /** @type {number[][]} the vectors of each frame, by index */
  const frames = [];
  for (let start = 0; start < vectors.length; start += group) frames.push(vectors.slice(start, start + group).map((v) => vectors.indexOf(v)));
  for (let start = 0; start < frames.length; start += BATCH) {
    const items = frames.slice(start, start + BATCH).map((members, k) => ({
      name: `${mode}-${start + k}`,
      src: `/${mode}/${members.join('-')}`,
      dyn: members.map((i) => (mode === 'raw' ? vectors[i].html : `<article>${vectors[i].clean}</article>`)).join('\n'),
    }));
    const report = await page.evaluate(exercise, items);
    for (const [name, found] of Object.entries(report)) if (found.length) hits.set(name, [...(hits.get(name) ?? []), ...found]);
  }
  return frames.flatMap((members, k) => {
    const found = hits.get(`${mode}-${k}`) ?? [];
    return found.length ? members.map((i) => ({ vector: vectors[i], found })) : [];
  });
}

test(`the corpus has at least 500 distinct vectors (${vectors.length})`, () => {
  assert.ok(vectors.length >= 500);
  assert.equal(new Set(vectors.map((v) => v.name)).size, vectors.length);
});

test('positive control: the harness flags at least 95 % of the raw vectors', { timeout: 120_000 }, async () => {
  const flagged = await run('raw');
  const missed = vectors.filter((v) => !flagged.some((f) => f.vector === v)).map((v) => v.name);
  console.log(`# raw vectors flagged: ${flagged.length} of ${vectors.length}; not flagged: ${missed.join(', ')}`);
  assert.ok(flagged.length >= 0.95 * vectors.length, `only ${flagged.length} of ${vectors.length} raw vectors flagged`);
});

test("nothing in cleanArticle's html runs, parsed or through innerHTML twice", { timeout: 120_000 }, async () => {
  const before = unattributed.length;
  const flagged = await run('clean');
  console.log(`# clean outputs flagged: ${flagged.length} of ${vectors.length}`);
  assert.deepEqual(flagged.map(({ vector, found }) => `${vector.name}: ${found.join('; ')}`), []);
  assert.deepEqual(unattributed.slice(before), [], 'no dialog, popup or request outside a vector frame');
});

test('the prose around every vector survives the cleaning', () => {
  const lost = vectors.filter((v) => !v.clean.includes(PROSE[0].slice(0, 60))).map((v) => v.name);
  assert.deepEqual(lost, []);
});
