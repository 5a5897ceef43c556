#!/usr/bin/env node
// Builds the reader-mode extension from www/extension/ (manifest.json is the Chromium source
// of truth) into dist/extension-chromium/ and dist/extension-firefox/ (the same files with a
// Firefox manifest: background.scripts and browser_specific_settings), and zips each for its
// store into dist/. Needs the WebAssembly build in pkg/ (npm run build).
// Usage: node scripts/build-extension.mjs   (or npm run build:extension)
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { icon } from './lib/icon.mjs';
import { zip } from './lib/zip.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const source = join(root, 'www/extension');
const ICON_SIZES = [16, 32, 48, 128];
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

/** The Firefox manifest made from the Chromium one: an event page with module scripts, and a gecko id. */
export function firefoxManifest(manifest) {
  const { service_worker: worker, ...background } = manifest.background;
  return { ...manifest, background: { ...background, scripts: [worker] }, browser_specific_settings: { gecko: GECKO, gecko_android: GECKO_ANDROID } };
}

function writeVariant(dir, manifest, overlay) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'icons'), { recursive: true });
  mkdirSync(join(dir, 'pkg'));
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  cpSync(join(source, 'background.js'), join(dir, 'background.js'));
  writeFileSync(join(dir, 'overlay.js'), overlay);
  for (const file of ['unboil.js', 'unboil_bg.wasm']) cpSync(join(root, 'pkg', file), join(dir, 'pkg', file));
  for (const size of ICON_SIZES) writeFileSync(join(dir, 'icons', `${size}.png`), icon(size));
}

function zipDir(dir, out) {
  const names = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath ?? entry.path, entry.name)).split('\\').join('/'))
    .sort();
  writeFileSync(out, zip(names.map((name) => ({ name, data: readFileSync(join(dir, name)) }))));
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
