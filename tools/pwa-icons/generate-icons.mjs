// Draws nahbar's app icons (a white location pin over a desk on the brand blue) as PNG files for the web manifest.
// Run once after changing the design: node tools/pwa-icons/generate-icons.mjs. The PNGs are committed; the same
// shape as SVG is apps/web/public/icons/icon.svg. Only Node's own zlib: no image library needed.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

const OUT = resolve(import.meta.dirname, '../../apps/web/public/icons');
const BRAND = [0x0b, 0x4f, 0x8a];
const WHITE = [0xff, 0xff, 0xff];
/** Samples per pixel along each axis, for smooth edges. */
const SAMPLES = 4;

/** Whether the point (x, y) in the unit square is white: the pin (ring with a point) or the desk bar. */
function isWhite(x, y) {
  const dx = x - 0.5;
  const dy = y - 0.4;
  const distance = Math.hypot(dx, dy);
  const ring = distance <= 0.2 && distance >= 0.085;
  // The pin's point: a triangle from the circle's sides down to (0.5, 0.7).
  const point = y >= 0.4 && y <= 0.7 && Math.abs(dx) <= (0.7 - y) * (0.2 / 0.3) * 0.87 && distance >= 0.085;
  const desk = y >= 0.76 && y <= 0.81 && x >= 0.28 && x <= 0.72;
  return ring || point || desk;
}

function pixels(size) {
  const rows = [];
  for (let row = 0; row < size; row++) {
    const line = Buffer.alloc(1 + size * 4);
    line[0] = 0; // filter: none
    for (let column = 0; column < size; column++) {
      let white = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          if (isWhite((column + (sx + 0.5) / SAMPLES) / size, (row + (sy + 0.5) / SAMPLES) / size)) white++;
        }
      }
      const share = white / (SAMPLES * SAMPLES);
      for (let channel = 0; channel < 3; channel++) {
        line[1 + column * 4 + channel] = Math.round(BRAND[channel] * (1 - share) + WHITE[channel] * share);
      }
      line[1 + column * 4 + 3] = 0xff;
    }
    rows.push(line);
  }
  return Buffer.concat(rows);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const [name, size] of [
  ['icon-192.png', 192],
  ['icon-512.png', 512],
  ['apple-touch-icon.png', 180],
]) {
  writeFileSync(join(OUT, name), png(size));
  console.log(`${name}: ${size}×${size}`);
}
