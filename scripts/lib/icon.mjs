// The extension's icon, drawn in code: a rounded blue square with four lines of "text" (a page
// in reader view), anti-aliased by supersampling. Returns PNG bytes for a given size.
import { png } from './png.mjs';

const BLUE = [11, 87, 208];
const WHITE = [255, 255, 255];
const LINES = [[0.22, 0.78], [0.22, 0.78], [0.22, 0.78], [0.22, 0.56]]; // x from, x to (of the width)
const SAMPLES = 4;

/** The colour (or null for transparent) at a point of the unit square. */
function paint(x, y) {
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  const line = Math.floor((y - 0.24) / 0.14);
  const inLine = line >= 0 && line < LINES.length && (y - 0.24) - line * 0.14 < 0.08;
  return inLine && x >= LINES[line][0] && x <= LINES[line][1] ? WHITE : BLUE;
}

/** The icon as a PNG of `size` × `size` pixels. */
export function icon(size) {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const color = paint((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          if (!color) continue;
          for (let i = 0; i < 3; i++) sum[i] += color[i];
          sum[3] += 1;
        }
      }
      const at = (py * size + px) * 4;
      if (sum[3]) for (let i = 0; i < 3; i++) rgba[at + i] = Math.round(sum[i] / sum[3]);
      rgba[at + 3] = Math.round((255 * sum[3]) / SAMPLES ** 2);
    }
  }
  return png(size, size, rgba);
}
