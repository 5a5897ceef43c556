// The Node entry's API: input kinds and charsets, options and their errors, the shape of the
// article, large pages, and hostile input that must give an Error or an article, never a trap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cleanArticle, isProbablyReaderable, init } from '../../js/node.js';

const sample = readFileSync(new URL('../../samples/harbor-ferries.html', import.meta.url));
const url = 'https://news.example/harbor-ferries';

const KEYS = ['title', 'byline', 'published', 'modified', 'siteName', 'lang', 'dir', 'excerpt', 'leadImage',
  'html', 'text', 'markdown', 'wordCount', 'readingMinutes', 'readerable'];
/** @type {(keyof import('../../js/unboil.js').Article)[]} */
const NULLABLE = ['title', 'byline', 'published', 'modified', 'siteName', 'lang', 'dir', 'excerpt', 'leadImage', 'markdown'];

/** Asserts that `article` is an Article exactly, key by key. @param {import('../../js/unboil.js').Article} article */
function assertShape(article) {
  assert.equal(Object.getPrototypeOf(article), Object.prototype);
  assert.deepEqual(Object.keys(article), KEYS);
  for (const key of NULLABLE) assert.ok(article[key] === null || typeof article[key] === 'string', key);
  assert.equal(typeof article.html, 'string');
  assert.equal(typeof article.text, 'string');
  assert.ok(Number.isInteger(article.wordCount) && article.wordCount >= 0);
  assert.ok(Number.isInteger(article.readingMinutes) && article.readingMinutes >= 0);
  assert.equal(typeof article.readerable, 'boolean');
}

test('init resolves at once in Node', async () => {
  assert.equal(await init(), undefined);
});

test('a page as bytes and as a string gives the same full article', () => {
  const fromBytes = cleanArticle(sample, { url });
  assertShape(fromBytes);
  assert.deepEqual(cleanArticle(sample.toString('utf8'), { url }), fromBytes);
  assert.match(fromBytes.title ?? '', /ferry/i);
  assert.ok(fromBytes.wordCount > 200 && fromBytes.readerable);
  assert.ok(fromBytes.html.startsWith('<') && (fromBytes.markdown ?? '').length > 0 && fromBytes.text.length > 0);
  assert.match(fromBytes.leadImage ?? '', /^https:\/\//);
});

test('a Uint8Array view into a larger buffer reads only its own bytes', () => {
  const padded = new Uint8Array(sample.length + 20).fill(0x41);
  padded.set(sample, 10);
  assert.deepEqual(cleanArticle(padded.subarray(10, 10 + sample.length), { url }), cleanArticle(sample, { url }));
});

/** Encodes Russian text and ASCII as windows-1251. @param {string} text */
function cp1251(text) {
  return Uint8Array.from(text, (c) => {
    const code = /** @type {number} */ (c.codePointAt(0));
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    if (c === 'Ё') return 0xa8;
    if (c === 'ё') return 0xb8;
    throw new Error(`no windows-1251 byte for ${c}`);
  });
}

const russian = (/** @type {string} */ meta) => `<!doctype html><html lang="ru"><head>${meta}<title>Новый мост через реку открыт</title></head>
<body><nav><a href="/">Главная</a> <a href="/news">Новости</a></nav><article><h1>Новый мост через реку открыт</h1>
${'<p>Жители города впервые прошли по новому пешеходному мосту, который строители закончили на месяц раньше срока. Ещё весной здесь стояли только опоры, а теперь через реку можно перейти за пять минут.</p>\n'.repeat(6)}
</article><footer>Все права защищены</footer></body></html>`;

test('a windows-1251 page is decoded from its meta charset, or from the charset option', () => {
  const expected = cleanArticle(russian(''));
  assert.match(expected.text, /Жители города впервые прошли/);
  const declared = cleanArticle(cp1251(russian('<meta charset="windows-1251">')));
  assert.equal(declared.text, expected.text);
  assert.equal(declared.title, expected.title);
  const undeclared = cp1251(russian(''));
  assert.equal(cleanArticle(undeclared, { charset: 'windows-1251' }).text, expected.text);
  assert.notEqual(cleanArticle(undeclared).text, expected.text, 'without a charset the bytes are windows-1252');
});

test('options change the output', () => {
  const noImages = cleanArticle(sample, { url, keepImages: false });
  assert.doesNotMatch(noImages.html, /<img/);
  assert.match(cleanArticle(sample, { url }).html, /<img/);
  const textOnly = cleanArticle(sample, { formats: ['text'] });
  assert.equal(textOnly.html, '');
  assert.equal(textOnly.markdown, null);
  assert.ok(textOnly.text.length > 0);
  const noMarkdown = cleanArticle(sample, { formats: { markdown: false } });
  assert.equal(noMarkdown.markdown, null);
  assert.ok(noMarkdown.html.length > 0);
  const removed = cleanArticle(sample, { removeSelectors: ['p'] });
  assert.doesNotMatch(removed.html, /<p[ >]/);
  assert.deepEqual(cleanArticle(sample, { url: undefined, charset: null }), cleanArticle(sample));
});

test('bad input and options throw an Error naming the problem', () => {
  /** @type {[[any, any?], RegExp][]} the arguments are wrong on purpose */
  const cases = [
    [[42], /page must be a string or a Uint8Array, got number/],
    [[new ArrayBuffer(4)], /page must be a string or a Uint8Array, got object/],
    [[''], /input is empty/],
    [['<p>x</p>', 'url'], /options must be an object, got string/],
    [['<p>x</p>', ['html']], /options must be an object, got array/],
    [['<p>x</p>', { bogus: 1 }], /unknown option 'bogus'/],
    [['<p>x</p>', { url: 5 }], /invalid option url: expected a string, got the number 5/],
    [['<p>x</p>', { keepImages: 'no' }], /invalid option keepImages: expected a boolean, got string/],
    [['<p>x</p>', { removeSelectors: 'p' }], /invalid option removeSelectors: expected an array of strings/],
    [['<p>x</p>', { keepSelectors: [1] }], /invalid option keepSelectors: expected an array of strings/],
    [['<p>x</p>', { keepSelectors: ['a:hover'] }], /invalid option keep_selectors: 'a:hover'/],
    [['<p>x</p>', { maxBytes: -1 }], /invalid option maxBytes: expected a whole number/],
    [['<p>x</p>', { maxElements: 1.5 }], /invalid option maxElements: expected a whole number/],
    [['<p>x</p>', { formats: 'html' }], /invalid option formats: expected an array of format names or an object/],
    [['<p>x</p>', { formats: ['pdf'] }], /invalid option formats: unknown format 'pdf'/],
    [['<p>x</p>', { formats: { pdf: true } }], /invalid option formats: unknown format 'pdf'/],
    [['<p>x</p>', { formats: { html: 'yes' } }], /invalid option formats.html: expected a boolean/],
    [[new Uint8Array([60, 112, 62]), { charset: 'klingon' }], /unknown charset: klingon/],
    [['<p>four</p>', { maxBytes: 3 }], /more than the limit of 3 bytes/],
  ];
  for (const [args, message] of cases) {
    assert.throws(() => cleanArticle(...args), (e) => e instanceof Error && message.test(e.message), String(message));
  }
  assert.throws(() => isProbablyReaderable('<p>x</p>', /** @type {any} */ ({ nope: true })), /unknown option 'nope'/);
});

test('isProbablyReaderable', () => {
  assert.equal(isProbablyReaderable(sample), true);
  assert.equal(isProbablyReaderable('<p>Short.</p>'), false);
  assert.equal(isProbablyReaderable(''), false);
  assert.equal(isProbablyReaderable(sample, { formats: ['html'] }), true);
});

test('an 8 MB page cleans, and a lower maxBytes refuses it', () => {
  const paragraph = '<p>The tide tables for the northern channel were printed again this week, and the pilots who read them before every crossing say the new format is easier to follow at night.</p>\n';
  const page = `<html><head><title>Tide tables</title></head><body><article><h1>Tide tables</h1>${paragraph.repeat(Math.ceil((8 << 20) / paragraph.length))}</article></body></html>`;
  assert.ok(page.length >= 8 << 20);
  const article = cleanArticle(page, { formats: ['text'] });
  assert.ok(article.wordCount > 1_000_000, String(article.wordCount));
  assert.throws(() => cleanArticle(page, { maxBytes: 1 << 20 }), /more than the limit/);
});

test('hostile input gives an article or an Error, never a trap', () => {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const inputs = [
    '<div>'.repeat(10_000) + 'deep',
    '<table>'.repeat(5000) + '<td>x',
    '<p>\uD800 lone surrogate \uDC00</p>',
    '&'.repeat(10_000) + '&amp;&#x110000;&#0;&#xD800;&notanentity;',
    '<svg><math><template><noscript><p>odd</noscript></template></math></svg>',
    '<a href="javascript:alert(1)">x</a><img src="data:text/html,x"><base href="::::">',
    '%PDF-1.4 binary',
    Uint8Array.from({ length: 100_000 }, () => Math.floor(random() * 256)),
    sample.subarray(0, sample.length / 2),
  ];
  for (const input of inputs) {
    try {
      assertShape(cleanArticle(input, { url: 'https://x.example/a/b?c#d' }));
    } catch (e) {
      assert.equal(/** @type {object} */ (e).constructor, Error, String(e));
    }
  }
  assertShape(cleanArticle(sample, { url }));
});
