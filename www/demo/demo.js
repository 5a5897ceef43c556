// The demo page: takes a page's HTML (pasted, from a file or a bundled sample), shows it in a
// sandboxed frame, cleans it with unboil's WebAssembly build and shows the article's metadata,
// its HTML, text and Markdown, and the time the cleaning took.
import init, { cleanArticle } from '../js/web.js';
import { SAMPLES } from './samples.js';
import { setUpTabs } from './tabs.js';

/** @typedef {import('../../js/unboil.js').Article} Article */

/**
 * The page's element with `id`, which must be a `type`.
 * @template {typeof HTMLElement} T
 * @param {string} id
 * @param {T} type
 * @returns {InstanceType<T>}
 */
function byId(id, type) {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`demo: #${id} is not a ${type.name}`);
  return /** @type {InstanceType<T>} */ (element);
}

const form = byId('input', HTMLFormElement);
const sampleInput = byId('sample', HTMLSelectElement);
const fileInput = byId('file', HTMLInputElement);
const urlInput = byId('url', HTMLInputElement);
const htmlInput = byId('html', HTMLTextAreaElement);
const original = byId('original', HTMLIFrameElement);
const ready = init();

/**
 * The metadata rows shown above the article: label and how to read it from the article.
 * @type {[string, (article: Article) => string | null][]}
 */
const FIELDS = [
  ['Title', (a) => a.title],
  ['Byline', (a) => a.byline],
  ['Published', (a) => a.published],
  ['Modified', (a) => a.modified],
  ['Site', (a) => a.siteName],
  ['Language', (a) => [a.lang, a.dir].filter(Boolean).join(', ') || null],
  ['Excerpt', (a) => a.excerpt],
  ['Lead image', (a) => a.leadImage],
  ['Length', (a) => `${a.wordCount} words, ${a.readingMinutes} min read`],
  ['Readerable', (a) => (a.readerable ? 'yes' : 'no')],
];

for (const { file, label } of SAMPLES) sampleInput.append(new Option(label, file));
setUpTabs(/** @type {HTMLElement} */ (document.querySelector('[role=tablist]')));

sampleInput.addEventListener('change', async () => {
  const sample = SAMPLES.find((s) => s.file === sampleInput.value);
  if (!sample) return;
  const response = await fetch(`../samples/${sample.file}`);
  if (!response.ok) return status(`Could not load the sample (${response.status}).`);
  htmlInput.value = await response.text();
  urlInput.value = sample.url;
  fileInput.value = '';
  clean();
});

fileInput.addEventListener('change', async () => {
  const file = fileInput.files?.[0];
  if (!file) return;
  const bytes = new Uint8Array(await file.arrayBuffer());
  htmlInput.value = new TextDecoder().decode(bytes);
  sampleInput.value = '';
  clean(bytes);
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clean();
});

/**
 * Cleans `bytes` when given (a file, decoded by unboil in its own charset), else the text area.
 * @param {Uint8Array} [bytes]
 */
async function clean(bytes) {
  const html = htmlInput.value;
  const url = urlInput.value.trim() || undefined;
  if (!html.trim()) return status('Paste some HTML, open a file or choose a sample first.');
  showOriginal(html, url);
  await ready;
  let article;
  const start = performance.now();
  try {
    article = cleanArticle(bytes ?? html, { url });
  } catch (error) {
    showArticle(null);
    return status(`unboil could not clean this page: ${error instanceof Error ? error.message : error}`);
  }
  const ms = performance.now() - start;
  showArticle(article);
  status(`Cleaned in ${ms.toFixed(1)} ms.${article.readerable ? '' : ' This page does not look like an article.'}`);
}

/**
 * Shows the page as it is, in a frame whose scripts, forms and plugins are all off.
 * @param {string} html
 * @param {string} [url]
 */
function showOriginal(html, url) {
  const base = url ? `<base href="${url.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}">` : '';
  original.srcdoc = base + html;
}

/** Shows the article's metadata, body and text outputs (all empty for null). @param {Article | null} article */
function showArticle(article) {
  const meta = byId('meta', HTMLElement);
  const rendered = byId('panel-html', HTMLElement);
  const outputs = [byId('out-text', HTMLPreElement), byId('out-markdown', HTMLPreElement)];
  meta.replaceChildren();
  rendered.replaceChildren();
  outputs[0].textContent = article?.text ?? '';
  outputs[1].textContent = article?.markdown ?? '';
  if (!article) return;
  for (const [label, read] of FIELDS) {
    const value = read(article);
    if (value == null) continue;
    const row = document.createElement('div');
    row.append(Object.assign(document.createElement('dt'), { textContent: label }),
      Object.assign(document.createElement('dd'), { textContent: value, dir: 'auto' }));
    meta.append(row);
  }
  const body = document.createElement('div');
  if (article.lang) body.lang = article.lang;
  if (article.dir) body.dir = article.dir;
  if (article.title) body.append(Object.assign(document.createElement('h3'), { textContent: article.title }));
  body.insertAdjacentHTML('beforeend', article.html); // sanitized by unboil: safe for innerHTML
  rendered.append(body);
  for (const pre of outputs) {
    pre.lang = article.lang ?? '';
    pre.dir = article.dir ?? 'auto';
  }
}

/** @param {string} message */
function status(message) {
  byId('status', HTMLElement).textContent = message;
}
