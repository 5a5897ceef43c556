// Save and share: the article as a Markdown file with YAML front matter (saved as a download
// or copied to the clipboard), and printing the view alone (the print rules are in styles.js).
import { el, windowOf } from './dom.js';

/** @typedef {import('../../js/unboil.js').Article} Article */

/**
 * A string as a YAML double-quoted scalar: JSON's escapes are YAML's too; the characters YAML
 * does not allow unescaped (DEL, C1 controls, line and paragraph separators, BOM, non-characters) are escaped as well.
 * @param {string} text
 */
export function yamlString(text) {
  return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The article as a Markdown document: front matter (title, byline, site, published, url, lang;
 * absent values left out), the title as a heading, then the body's Markdown.
 * @param {Article} article with its `markdown`
 * @param {string} url the page's address
 */
export function markdownDocument(article, url) {
  /** @type {[string, string | null][]} */
  const fields = [['title', article.title], ['byline', article.byline], ['site', article.siteName],
    ['published', article.published], ['url', url], ['lang', article.lang]];
  const front = fields.filter(([, value]) => value).map(([key, value]) => `${key}: ${yamlString(/** @type {string} */ (value))}\n`).join('');
  const heading = article.title ? `# ${article.title.replace(/[\\`*_[\]<>#]/g, '\\$&')}\n\n` : '';
  return `---\n${front}---\n\n${heading}${(article.markdown ?? '').trim()}\n`;
}

/**
 * The file name for the article: its title without the characters file systems refuse, cut
 * to 100 characters, and `.md` (`article.md` when nothing is left).
 * @param {string | null} title
 */
export function markdownFileName(title) {
  const name = (title ?? '').replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').slice(0, 100).trim();
  return `${name || 'article'}.md`;
}

/**
 * The Save, Copy and Print buttons, and a live region that says what they did. Save and Copy
 * are offered when the article has its Markdown (`cleanArticle` with the 'markdown' format) or
 * `markdown` can make it: the Markdown is asked for only when one of them is pressed, so that
 * showing a long article does not wait for it.
 * @param {Document} doc
 * @param {Article} article
 * @param {() => Promise<string | null>} [markdown] the article's Markdown, made on demand
 */
export function buildShareControls(doc, article, markdown) {
  const status = el(doc, 'span', { class: 'share-status', role: 'status' });
  /** @param {string} label @param {() => Promise<string>} act resolves to what to announce */
  const button = (label, act) => {
    const node = el(doc, 'button', { type: 'button' }, label);
    node.addEventListener('click', () => {
      act().then((said) => { status.textContent = said; }, () => { status.textContent = `${label} failed`; });
    });
    return node;
  };
  const group = el(doc, 'div', { class: 'group', role: 'group', 'aria-label': 'Save and share' });
  const made = article.markdown !== null ? async () => article.markdown : markdown;
  if (made) {
    const text = async () => {
      const body = await made();
      if (body === null) throw new Error('no Markdown');
      return markdownDocument({ ...article, markdown: body }, doc.location.href);
    };
    group.append(
      button('Save as Markdown', async () => {
        const view = windowOf(doc);
        const link = el(doc, 'a', { download: markdownFileName(article.title) });
        link.href = view.URL.createObjectURL(new view.Blob([await text()], { type: 'text/markdown;charset=utf-8' }));
        link.click();
        setTimeout(() => view.URL.revokeObjectURL(link.href), 60_000);
        return 'Saved as Markdown';
      }),
      button('Copy as Markdown', async () => {
        await windowOf(doc).navigator.clipboard.writeText(await text());
        return 'Copied as Markdown';
      }));
  }
  group.append(button('Print', async () => {
    windowOf(doc).print();
    return '';
  }), status);
  return group;
}
