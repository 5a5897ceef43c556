// The demo page: takes a page's HTML (pasted, from a file or a bundled sample), shows it in a
// sandboxed frame, cleans it with unboil's WebAssembly build and shows the article's metadata,
// its HTML, text and Markdown, and the time the cleaning took.
import init, { cleanArticle } from '../js/web.js';
import { SAMPLES } from './samples.js';
import { setUpTabs } from './tabs.js';

const $ = (id) => document.getElementById(id);
const form = $('input');
const ready = init();

/** The metadata rows shown above the article: label and how to read it from the article. */
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

for (const { file, label } of SAMPLES) $('sample').append(new Option(label, file));
setUpTabs(document.querySelector('[role=tablist]'));

$('sample').addEventListener('change', async () => {
  const sample = SAMPLES.find((s) => s.file === $('sample').value);
  if (!sample) return;
  const response = await fetch(`../samples/${sample.file}`);
  if (!response.ok) return status(`Could not load the sample (${response.status}).`);
  $('html').value = await response.text();
  $('url').value = sample.url;
  $('file').value = '';
  clean();
});

$('file').addEventListener('change', async () => {
  const [file] = $('file').files;
  if (!file) return;
  const bytes = new Uint8Array(await file.arrayBuffer());
  $('html').value = new TextDecoder().decode(bytes);
  $('sample').value = '';
  clean(bytes);
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clean();
});

/** Cleans `bytes` when given (a file, decoded by unboil in its own charset), else the text area. */
async function clean(bytes) {
  const html = $('html').value;
  const url = $('url').value.trim() || undefined;
  if (!html.trim()) return status('Paste some HTML, open a file or choose a sample first.');
  showOriginal(html, url);
  await ready;
  let article;
  const start = performance.now();
  try {
    article = cleanArticle(bytes ?? html, { url });
  } catch (error) {
    showArticle(null);
    return status(`unboil could not clean this page: ${error.message}`);
  }
  const ms = performance.now() - start;
  showArticle(article);
  status(`Cleaned in ${ms.toFixed(1)} ms.${article.readerable ? '' : ' This page does not look like an article.'}`);
}

/** Shows the page as it is, in a frame whose scripts, forms and plugins are all off. */
function showOriginal(html, url) {
  const base = url ? `<base href="${url.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}">` : '';
  $('original').srcdoc = base + html;
}

function showArticle(article) {
  const meta = $('meta');
  const rendered = $('panel-html');
  meta.replaceChildren();
  rendered.replaceChildren();
  $('out-text').textContent = article?.text ?? '';
  $('out-markdown').textContent = article?.markdown ?? '';
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
  for (const pre of [$('out-text'), $('out-markdown')]) {
    pre.lang = article.lang ?? '';
    pre.dir = article.dir ?? 'auto';
  }
}

function status(message) {
  $('status').textContent = message;
}
