// Draws the extension's icon, images/icon.png (256x256 RGBA), with no dependency: shapes are
// rasterised at 4x4 samples per pixel and written as a PNG with node:zlib. The picture: a
// telegram sheet with its classification banner in the banners' blue (letter-spaced), numbered
// paragraphs with their portion markings, lines of text, and a green check (the extension checks
// cables). Run: node scripts/draw-icon.mjs [out.png]
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const N = 256;
const S = 4; // samples per pixel along each axis
const rgba = new Float64Array(N * N * 4); // premultiplied? no: straight colour, composited "over"

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];

/** Fills the pixels where inside(x, y) holds (coverage from S*S samples) with the colour. */
function fill(colour, inside, box = [0, 0, N, N]) {
  const [r, g, b] = hex(colour);
  const [x0, y0, x1, y1] = box.map((v, i) => (i < 2 ? Math.max(0, Math.floor(v)) : Math.min(N, Math.ceil(v))));
  for (let py = y0; py < y1; py++) {
    for (let px = x0; px < x1; px++) {
      let hit = 0;
      for (let sy = 0; sy < S; sy++) for (let sx = 0; sx < S; sx++) if (inside(px + (sx + 0.5) / S, py + (sy + 0.5) / S)) hit++;
      if (!hit) continue;
      const a = hit / (S * S);
      const i = (py * N + px) * 4;
      const da = rgba[i + 3];
      const oa = a + da * (1 - a);
      for (const [k, c] of [
        [0, r],
        [1, g],
        [2, b],
      ])
        rgba[i + k] = (c * a + rgba[i + k] * da * (1 - a)) / oa;
      rgba[i + 3] = oa;
    }
  }
}

const rect = (c, x0, y0, x1, y1) => fill(c, (x, y) => x >= x0 && x < x1 && y >= y0 && y < y1, [x0, y0, x1, y1]);
const roundRect = (c, x0, y0, x1, y1, r) =>
  fill(
    c,
    (x, y) => {
      const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
      const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
      return x >= x0 && x < x1 && y >= y0 && y < y1 && dx * dx + dy * dy <= r * r;
    },
    [x0, y0, x1, y1],
  );
const circle = (c, cx, cy, r) => fill(c, (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r, [cx - r, cy - r, cx + r, cy + r]);
function polygon(c, pts) {
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  fill(
    c,
    (x, y) => {
      let inside = false;
      for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
        const [xi, yi] = pts[i];
        const [xj, yj] = pts[j];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
      return inside;
    },
    [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
  );
}
/** A thick line from a to b with round ends. */
function stroke(c, [ax, ay], [bx, by], w) {
  const len2 = (bx - ax) ** 2 + (by - ay) ** 2;
  fill(
    c,
    (x, y) => {
      const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / len2));
      return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= (w / 2) ** 2;
    },
    [Math.min(ax, bx) - w, Math.min(ay, by) - w, Math.max(ax, bx) + w, Math.max(ay, by) + w],
  );
}

const INK = '#1F2A44';
const PAPER = '#F4F1E8';
const TEXT = '#8A8472';
const BLUE = '#0033A0';

roundRect(INK, 8, 8, 248, 248, 36);
polygon(PAPER, [
  [52, 28],
  [178, 28],
  [208, 58],
  [208, 228],
  [52, 228],
]);
polygon('#D8D2C0', [
  [178, 28],
  [178, 58],
  [208, 58],
]);
// The banner: a blue bar with the letter spacing of `C O N F I D E N T I A L`.
rect(BLUE, 66, 42, 166, 62);
for (let x = 73; x < 160; x += 14) rect(PAPER, x, 49, x + 8, 55);
// Two numbered paragraphs, each with a blue portion marking and lines of text.
for (const y of [80, 142]) {
  rect(BLUE, 66, y, 82, y + 14);
  rect(TEXT, 90, y + 4, 194, y + 10);
  rect(TEXT, 66, y + 21, 194, y + 27);
  rect(TEXT, 66, y + 38, y === 80 ? 164 : 128, y + 44);
}
// The check.
circle(PAPER, 186, 198, 44);
circle('#2A9A3F', 186, 198, 38);
stroke('#FFFFFF', [167, 199], [180, 212], 11);
stroke('#FFFFFF', [180, 212], [205, 185], 11);

// PNG: signature, IHDR, IDAT (filter 0 per row), IEND.
const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) {
  for (let x = 0; x < N; x++) {
    const i = (y * N + x) * 4;
    const o = y * (N * 4 + 1) + 1 + x * 4;
    for (let k = 0; k < 4; k++) raw[o + k] = Math.round(k === 3 ? rgba[i + 3] * 255 : rgba[i + k]);
  }
}
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc(body));
  return Buffer.concat([len, body, sum]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method variants, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = process.argv[2] ?? 'images/icon.png';
writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
