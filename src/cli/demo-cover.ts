// Cover pictures for the demo events, drawn at seed time (no image files to keep): a PNG built
// from raw pixels — a diagonal gradient, soft light spots and a motif (a city skyline at dusk for
// the meet-ups, a screen with lines of text for an online session) — encoded with zlib.
import { deflateSync } from "node:zlib";

export type CoverStyle = {
  from: [number, number, number];
  to: [number, number, number];
  motif: "skyline" | "screen" | "table";
  seed: number;
};

const CRC = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(buf: Buffer) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An RGB picture as a PNG file. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    Buffer.from(rgb.buffer, rgb.byteOffset + y * width * 3, width * 3).copy(raw, y * (width * 3 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function random(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** A 1200×675 (16:9) cover in the style given (the same style, the same picture). */
export function drawCover(style: CoverStyle, width = 1200, height = 675): Buffer {
  const px = new Uint8Array(width * height * 3);
  const rnd = random(style.seed);
  const mix = (a: number, b: number, t: number) => a + (b - a) * t;
  // Soft light spots (bokeh).
  const spots = Array.from({ length: 14 }, () => ({
    x: rnd() * width,
    y: rnd() * height * 0.7,
    r: 30 + rnd() * 110,
    a: 0.08 + rnd() * 0.16,
  }));
  // The skyline: buildings of random widths and heights along the bottom, with lit windows.
  const buildings: { x0: number; x1: number; top: number }[] = [];
  for (let x = 0; x < width; ) {
    const w = 40 + Math.floor(rnd() * 90);
    buildings.push({ x0: x, x1: x + w, top: height * (0.5 + rnd() * 0.3) });
    x += w + Math.floor(rnd() * 8);
  }
  const lit = (x: number, y: number) => {
    const cx = Math.floor(x / 14);
    const cy = Math.floor(y / 18);
    const h = Math.sin(cx * 12.9898 + cy * 78.233 + style.seed) * 43758.5453;
    return h - Math.floor(h) > 0.72 && x % 14 > 4 && y % 18 > 6;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = Math.min(1, Math.max(0, (x / width) * 0.45 + (y / height) * 0.75));
      let r = mix(style.from[0], style.to[0], t);
      let g = mix(style.from[1], style.to[1], t);
      let b = mix(style.from[2], style.to[2], t);
      for (const s of spots) {
        const d = Math.hypot(x - s.x, y - s.y) / s.r;
        if (d < 1) {
          const k = s.a * (1 - d * d);
          r = mix(r, 255, k);
          g = mix(g, 245, k);
          b = mix(b, 220, k);
        }
      }
      if (style.motif === "skyline") {
        const bl = buildings.find((q) => x >= q.x0 && x < q.x1);
        if (bl && y > bl.top) {
          const on = lit(x - bl.x0, y - bl.top);
          r = on ? 255 : 28;
          g = on ? 214 : 30;
          b = on ? 140 : 52;
        }
      } else if (style.motif === "screen") {
        // A laptop screen in the middle, with lines of "text" and a play mark.
        const sx0 = width * 0.28;
        const sx1 = width * 0.72;
        const sy0 = height * 0.2;
        const sy1 = height * 0.72;
        if (x > sx0 - 10 && x < sx1 + 10 && y > sy0 - 10 && y < sy1 + 10) {
          r = 30;
          g = 34;
          b = 48;
        }
        if (x > sx0 && x < sx1 && y > sy0 && y < sy1) {
          r = 246;
          g = 248;
          b = 252;
          const line = Math.floor((y - sy0) / 28);
          const inLine = (y - sy0) % 28 > 10 && (y - sy0) % 28 < 18;
          const len = sx0 + 40 + ((line * 97) % 5) * 50 + 120;
          if (line > 0 && inLine && x > sx0 + 40 && x < len) {
            r = 160;
            g = 172;
            b = 196;
          }
          if (Math.hypot(x - (sx1 - 90), y - (sy0 + 80)) < 42) {
            r = style.to[0];
            g = style.to[1];
            b = style.to[2];
          }
        }
        if (y > sy1 + 10 && y < sy1 + 30 && x > width * 0.22 && x < width * 0.78) {
          r = 60;
          g = 64;
          b = 80;
        }
      } else {
        // A round table seen from above, with cups around it.
        const cx = width / 2;
        const cy = height * 0.62;
        const d = Math.hypot((x - cx) / 1.6, y - cy);
        if (d < 150) {
          r = mix(r, 120, 0.7);
          g = mix(g, 80, 0.7);
          b = mix(b, 50, 0.7);
        }
        for (let i = 0; i < 6; i++) {
          // A chair outside the table, a cup on it in front of each.
          const a = (i / 6) * Math.PI * 2 + Math.PI / 6;
          if (Math.hypot(x - (cx + Math.cos(a) * 300), y - (cy + Math.sin(a) * 190)) < 38) {
            r = 70;
            g = 48;
            b = 36;
          }
          if (Math.hypot(x - (cx + Math.cos(a) * 180), y - (cy + Math.sin(a) * 105)) < 22) {
            r = 250;
            g = 250;
            b = 245;
          }
        }
      }
      const i = (y * width + x) * 3;
      px[i] = r;
      px[i + 1] = g;
      px[i + 2] = b;
    }
  }
  return encodePng(width, height, px);
}
