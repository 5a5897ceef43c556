// The reader view's Markdown file (www/overlay/share.js): YAML quoting of the front matter, the
// fields it holds, and the file name made from the title.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markdownDocument, markdownFileName, yamlString } from '../../www/overlay/share.js';

test('yamlString gives a double-quoted scalar with quotes, backslashes, controls and YAML-only non-printables escaped', () => {
  assert.equal(yamlString('Plain'), '"Plain"');
  assert.equal(yamlString('He said "no": #1 \\ [a], {b}'), '"He said \\"no\\": #1 \\\\ [a], {b}"');
  assert.equal(yamlString('two\nlines\ttab\u0007'), '"two\\nlines\\ttab\\u0007"');
  // Printable in JSON, not in YAML: DEL, C1 controls (NEL too), line/paragraph separators, BOM.
  assert.equal(yamlString('\u007f\u0085\u009f\u2028\u2029\ufeff'), '"\\u007f\\u0085\\u009f\\u2028\\u2029\\ufeff"');
  assert.equal(yamlString('Café 東京 🌊'), '"Café 東京 🌊"', 'other Unicode stays as it is');
});

test('markdownDocument: front matter with the fields present, the title as a heading, then the body', () => {
  const article = /** @type {import('../../js/unboil.js').Article} */ (/** @type {unknown} */ ({
    title: 'Tea: a "history" #2', byline: null, siteName: 'The Site', published: '2025-09-14', lang: 'en', markdown: '\nFirst *paragraph*.\n\n## Part\n\nMore.\n\n',
  }));
  assert.equal(markdownDocument(article, 'https://example.org/tea?x=1#top'), [
    '---',
    'title: "Tea: a \\"history\\" #2"',
    'site: "The Site"',
    'published: "2025-09-14"',
    'url: "https://example.org/tea?x=1#top"',
    'lang: "en"',
    '---',
    '',
    '# Tea: a "history" \\#2',
    '',
    'First *paragraph*.',
    '',
    '## Part',
    '',
    'More.',
    '',
  ].join('\n'));
});

test('markdownFileName keeps the title without the characters file systems refuse', () => {
  assert.equal(markdownFileName('The Lighthouse Keepers of Marrow Point'), 'The Lighthouse Keepers of Marrow Point.md');
  assert.equal(markdownFileName('A/B: "why?" <now>|\\*'), 'A B why now.md');
  assert.equal(markdownFileName('..hidden'), 'hidden.md');
  assert.equal(markdownFileName(null), 'article.md');
  assert.equal(markdownFileName(' ?* '), 'article.md');
  assert.equal(markdownFileName('x'.repeat(300)), `${'x'.repeat(100)}.md`);
});
