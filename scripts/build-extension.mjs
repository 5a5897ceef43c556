#!/usr/bin/env node
// Builds the reader-mode extension from www/extension/ (manifest.json is the Chromium source
// of truth) into dist/extension-chromium/ and dist/extension-firefox/ (the same files with a
// Firefox manifest: background.scripts and browser_specific_settings), and zips each for its
// store into dist/. The icons are the PNGs in www/extension/icons/ (rendered from icon.svg
// there). Needs the WebAssembly build in pkg/ (npm run build).
// Usage: node scripts/build-extension.mjs   (or npm run build:extension)
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { zipSync } from 'fflate';

const root = fileURLToPath(new URL('../', import.meta.url));
const source = join(root, 'www/extension');
// One fixed time and mode for every zip entry, so that the same files give the same archive.
// A local-time Date: zip stores local date and time fields, so the bytes do not depend on the zone.
const ZIP_ENTRY = { mtime: new Date(2020, 0, 1), os: 3, attrs: 0o100644 << 16 }; // Unix, a regular file, rw-r--r--
// Firefox 140 (the ESR) is the first with data_collection_permissions; Android 142.
const GECKO = {
  id: 'reader@unboil.dev',
  strict_min_version: '140.0',
  data_collection_permissions: { required: ['none'] },
};
const GECKO_ANDROID = { strict_min_version: '142.0' };

/** The overlay module (www/overlay/) as one classic script that defines `globalThis.__unboilOverlay`. */
export function overlayBundle() {
  const { outputFiles } = buildSync({
    entryPoints: [join(root, 'www/overlay/global.js')],
    bundle: true,
    format: 'iife',
    target: ['chrome103', 'firefox140'],
    legalComments: 'none',
    write: false,
  });
  return outputFiles[0].text;
}

/**
 * The parts of manifest.json the build reads; the rest is copied as it is.
 * @typedef {{
 *   version: string,
 *   background: { service_worker: string, type?: string },
 *   icons?: Record<string, string>,
 *   action?: { default_icon?: Record<string, string> },
 *   [key: string]: unknown,
 * }} Manifest
 */

/**
 * The Firefox manifest made from the Chromium one: an event page with module scripts, and a gecko id.
 * @param {Manifest} manifest
 */
export function firefoxManifest(manifest) {
  const { service_worker: worker, ...background } = manifest.background;
  return { ...manifest, background: { ...background, scripts: [worker] }, browser_specific_settings: { gecko: GECKO, gecko_android: GECKO_ANDROID } };
}

/**
 * The icon files the manifest names (the toolbar's and the extension's), each once.
 * @param {Pick<Manifest, 'icons' | 'action'>} manifest
 */
function iconFiles(manifest) {
  return [...new Set([...Object.values(manifest.icons ?? {}), ...Object.values(manifest.action?.default_icon ?? {})])];
}

/**
 * Writes one variant's folder.
 * @param {string} dir
 * @param {Pick<Manifest, 'icons' | 'action'>} manifest the variant's manifest
 * @param {string} overlay the overlay's bundle
 */
function writeVariant(dir, manifest, overlay) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'pkg'), { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  cpSync(join(source, 'background.js'), join(dir, 'background.js'));
  writeFileSync(join(dir, 'overlay.js'), overlay);
  for (const file of ['unboil.js', 'unboil_bg.wasm']) cpSync(join(root, 'pkg', file), join(dir, 'pkg', file));
  for (const file of iconFiles(manifest)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(source, file), join(dir, file));
  }
}

/** Zips every file under `dir` into `out`, names relative to `dir` with `/`, sorted. @param {string} dir @param {string} out */
function zipDir(dir, out) {
  const names = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath ?? entry.path, entry.name)).split('\\').join('/'))
    .sort();
  /** @type {import('fflate').Zippable} */
  const files = {};
  for (const name of names) files[name] = readFileSync(join(dir, name));
  writeFileSync(out, zipSync(files, { level: 9, ...ZIP_ENTRY }));
}

/**
 * Builds both variants and their zips under `dist` (default: the repository's dist/);
 * returns the paths { chromium, firefox, chromiumZip, firefoxZip }.
 */
export function buildExtension(dist = join(root, 'dist')) {
  for (const file of ['unboil.js', 'unboil_bg.wasm']) {
    if (!existsSync(join(root, 'pkg', file))) throw new Error(`pkg/${file} is missing: run npm run build first`);
  }
  const manifest = JSON.parse(readFileSync(join(source, 'manifest.json'), 'utf8'));
  const overlay = overlayBundle();
  const paths = {
    chromium: join(dist, 'extension-chromium'),
    firefox: join(dist, 'extension-firefox'),
    chromiumZip: join(dist, `unboil-extension-chromium-${manifest.version}.zip`),
    firefoxZip: join(dist, `unboil-extension-firefox-${manifest.version}.zip`),
  };
  writeVariant(paths.chromium, manifest, overlay);
  writeVariant(paths.firefox, firefoxManifest(manifest), overlay);
  zipDir(paths.chromium, paths.chromiumZip);
  zipDir(paths.firefox, paths.firefoxZip);
  return paths;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [what, path] of Object.entries(buildExtension())) console.log(`build-extension: ${what} ${relative(root, path)}`);
}
