// Compiled with `tsc --noEmit` against the package's .d.ts (tests/node/package.test.mjs).
import init, { cleanArticle, isProbablyReaderable, type Article, type Options } from 'unboil';
import * as inWorker from 'unboil/worker';

await init();
const options: Options = {
  url: 'https://example.com/story',
  charset: 'windows-1251',
  keepImages: false,
  removeSelectors: ['aside', '.share'],
  keepSelectors: ['figure.chart'],
  maxBytes: 1 << 20,
  maxElements: 100_000,
  formats: ['html', 'text'],
};
const article: Article = cleanArticle(new Uint8Array([60, 112, 62]), options);
const title: string = article.title ?? '';
const words: number = article.wordCount + article.readingMinutes;
const markdown: string | null = cleanArticle('<p>x</p>', { formats: { markdown: true } }).markdown;
const readerable: boolean = isProbablyReaderable('<p>x</p>') && article.readerable;
console.log(title, words, markdown, readerable, article.siteName, article.leadImage, article.html.length);

// @ts-expect-error: unknown option
cleanArticle('<p>x</p>', { keepImage: true });
// @ts-expect-error: wrong type
cleanArticle('<p>x</p>', { maxBytes: '1' });
// @ts-expect-error: unknown format
cleanArticle('<p>x</p>', { formats: ['pdf'] });
// @ts-expect-error: pages are strings or bytes
cleanArticle(42);
// @ts-expect-error: snake_case keys do not exist
console.log(article.word_count);

// unboil/worker: the same calls, answered by promises
const fromWorker: Article = await inWorker.cleanArticle(new Uint8Array([60, 112, 62]), options);
const readerableInWorker: boolean = await inWorker.isProbablyReaderable('<p>x</p>', { url: null });
console.log(fromWorker.title, readerableInWorker);
inWorker.terminate();
// @ts-expect-error: the worker's article comes as a promise
const notAwaited: Article = inWorker.cleanArticle('<p>x</p>');
// @ts-expect-error: unknown option
inWorker.cleanArticle('<p>x</p>', { keepImage: true });
