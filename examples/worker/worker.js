// A module Worker (workerd, Cloudflare Workers) that cleans pages with the npm package:
// POST a page's HTML (the raw body, read in its Content-Type's charset as a browser reads a
// page: over the page's own <meta charset>, but not over a byte order mark; `?url=` its URL) or a
// JSON body {url, html}; the answer is the article as JSON, or its Markdown with
// `?format=markdown`. Bad requests get a 4xx status with a JSON body {error}.
import { cleanArticle } from 'unboil';

/** Largest request body read, in bytes; a larger one gets 413. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** A request the Worker refuses: its status and message. */
class Refusal extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export default {
  /** @param {Request} request @returns {Promise<Response>} */
  async fetch(request) {
    try {
      if (request.method !== 'POST') throw new Refusal(405, 'POST the page: its HTML, or JSON {url, html}');
      const query = new URL(request.url).searchParams;
      const format = query.get('format') ?? 'json';
      if (format !== 'json' && format !== 'markdown') throw new Refusal(400, `unknown format '${format}' (json or markdown)`);
      const { html, url, charset } = await readPage(request, query);
      let article;
      try {
        article = cleanArticle(html, { url, charset, formats: format === 'markdown' ? ['markdown'] : null });
      } catch (error) {
        throw new Refusal(422, error instanceof Error ? error.message : String(error));
      }
      if (format === 'markdown') return new Response(article.markdown, { headers: { 'content-type': 'text/markdown; charset=utf-8' } });
      return Response.json(article);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      const headers = error.status === 405 ? { allow: 'POST' } : undefined;
      return Response.json({ error: error.message }, { status: error.status, headers });
    }
  },
};

/**
 * The page a request carries: a JSON body {url, html}, or the body's bytes with the charset of
 * its Content-Type and the URL of `?url=`.
 * @param {Request} request
 * @param {URLSearchParams} query
 * @returns {Promise<{ html: string | Uint8Array, url: string | null, charset: string | null }>}
 */
async function readPage(request, query) {
  const type = request.headers.get('content-type') ?? '';
  const bytes = await readBody(request);
  if (bytes.length === 0) throw new Refusal(400, 'the request body is empty');
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return { ...decode(bytes, charsetOf(type)), url: query.get('url') };
  }
  /** @type {unknown} */
  let body;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new Refusal(400, 'the body is not valid JSON');
  }
  const { html, url } = /** @type {{ html?: unknown, url?: unknown }} */ (body ?? {});
  if (typeof html !== 'string') throw new Refusal(400, 'the JSON body needs "html", a string');
  if (url !== undefined && url !== null && typeof url !== 'string') throw new Refusal(400, '"url" must be a string');
  return { html, url: url ?? null, charset: null };
}

/**
 * Reads the whole body, refusing one over MAX_BODY_BYTES as soon as it is known to be (by its
 * Content-Length, or while it streams in).
 * @param {Request} request
 */
async function readBody(request) {
  const tooLarge = () => new Refusal(413, `the body is larger than ${MAX_BODY_BYTES} bytes`);
  if (Number(request.headers.get('content-length')) > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return new Uint8Array();
  /** @type {Uint8Array[]} */
  const chunks = [];
  let length = 0;
  const reader = request.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    length += chunk.value.length;
    if (length > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(chunk.value);
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/**
 * The page's bytes read as a browser reads a response: a byte order mark decides, else the
 * Content-Type's charset, over any `<meta charset>` in the page (HTML's encoding sniffing puts
 * the transport's charset before the page's prescan). Without either, or with a charset the
 * platform's TextDecoder does not know, the bytes go to the package as they are, with the charset
 * as its fallback: it then reads the page's `<meta>` and refuses an unknown label.
 * @param {Uint8Array} bytes
 * @param {string | null} charset
 * @returns {{ html: string | Uint8Array, charset: string | null }}
 */
function decode(bytes, charset) {
  const bom = (/** @type {number[]} */ ...start) => start.every((byte, i) => bytes[i] === byte);
  if (charset === null || bom(0xef, 0xbb, 0xbf) || bom(0xfe, 0xff) || bom(0xff, 0xfe)) return { html: bytes, charset };
  let decoder;
  try {
    decoder = new TextDecoder(charset.trim());
  } catch {
    return { html: bytes, charset };
  }
  return { html: decoder.decode(bytes), charset: null };
}

/** The charset parameter of a Content-Type, unquoted, or null. @param {string} type */
function charsetOf(type) {
  const match = type.match(/;\s*charset\s*=\s*("([^"]*)"|[^;\s]*)/i);
  return match ? (match[2] ?? match[1]) || null : null;
}
