// Helpers shared by the Node and browser tests.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));

/** The release build of the native CLI; `cargo build --release` makes it. */
export function nativeCli() {
  const path = `${process.env.CARGO_TARGET_DIR ?? `${root}target`}/release/unboil`;
  if (!existsSync(path)) throw new Error(`${path} is missing: run cargo build --release first`);
  return path;
}

/** An article as the native CLI prints it: one JSON object with snake_case keys. @param {object} article */
export const snakeJson = (article) =>
  JSON.stringify(Object.fromEntries(Object.entries(article).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v])));

/** Runs a command and returns its standard output. @param {string} command @param {string[]} args @param {string} [cwd] */
export const sh = (command, args, cwd) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * Packs the package with `npm pack` into `scratch` and installs the tarball into a new project
 * `scratch/app`, as a user would; returns npm's description of the tarball and the project.
 * @param {string} scratch
 * @returns {{ packed: { filename: string, files: { path: string }[] }, app: string }}
 */
export function installPackage(scratch) {
  const [packed] = JSON.parse(sh('npm', ['pack', '--json', '--pack-destination', scratch], root));
  const app = join(scratch, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  sh('npm', ['install', '--offline', '--no-audit', '--no-fund', join(scratch, packed.filename)], app);
  return { packed, app };
}
