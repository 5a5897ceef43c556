// Source of the hosted loader bookmarklet (a `javascript:` URL made by
// scripts/build-bookmarklet.mjs, which sets __UNBOIL_BASE__): imports the hosted module from
// the base URL and toggles the reader; when the page's CSP blocks the import, says so.
import { guard } from './guard.js';

const base = __UNBOIL_BASE__;
guard(() => import(/* @vite-ignore */ `${base}/bookmarklet/run.js`).then((hosted) => hosted.toggle()), { about: `${base}/bookmarklet/#csp` });
