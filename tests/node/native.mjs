// Helpers shared by the tests that compare with the native `unboil` command.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));

/** The release build of the native CLI; `cargo build --release` makes it. */
export function nativeCli() {
  const path = `${process.env.CARGO_TARGET_DIR ?? `${root}target`}/release/unboil`;
  if (!existsSync(path)) throw new Error(`${path} is missing: run cargo build --release first`);
  return path;
}

/** An article as the native CLI prints it: one JSON object with snake_case keys. */
export const snakeJson = (article) =>
  JSON.stringify(Object.fromEntries(Object.entries(article).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v])));
