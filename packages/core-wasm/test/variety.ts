import type { KernelStats, PixelFormat, PixelImage } from "../src/types.js";
import { randomBytes } from "./helpers.js";

// A deterministic spread of images for comparing whole builds: odd sizes around the SIMD block widths
// and the 64 px shrink limit, in every format, with content that stresses different kernels.
const SIZES = [
  [1, 1],
  [3, 2],
  [17, 33],
  [65, 17],
  [129, 47],
  [2, 700],
  [1000, 3],
  [301, 199],
  [641, 479],
] as const;
const FORMATS: [PixelFormat, number][] = [
  ["gray", 1],
  ["rgb", 3],
  ["rgba", 4],
];

type Fill = (width: number, height: number, bpp: number, seed: number) => Uint8Array;

function clampByte(v: number): number {
  return Math.max(0, Math.min(255, Math.round(v)));
}

/** Smooth gradients, texture and +-8 noise, like a photo (and like the benchmark images). */
function photoLike(width: number, height: number, bpp: number, seed: number): Uint8Array {
  const data = new Uint8Array(width * height * bpp);
  const noise = randomBytes(width * height, seed);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const n = ((noise[y * width + x] ?? 0) & 15) - 8;
      const tex = 40 * Math.sin(x / 23) * Math.cos(y / 31) + 15 * Math.sin((x + y) / 5);
      const base = [120 + (100 * x) / width + tex, 90 + (80 * y) / height + tex * 0.8, 60 + tex * 0.5];
      for (let c = 0; c < bpp; c++) data[bpp * (y * width + x) + c] = clampByte((base[c] ?? 255) + n);
    }
  }
  return data;
}

/** Channels within `spread` of each other, so the grayscale check sits at its tolerance. */
function nearGray(spread: number): Fill {
  return (width, height, bpp, seed) => {
    const data = randomBytes(width * height * bpp, seed);
    for (let i = 0; i < data.length; i += bpp) {
      const v = data[i] ?? 0;
      for (let c = 1; c < Math.min(bpp, 3); c++)
        data[i + c] = Math.min(255, v + ((data[i + c] ?? 0) % (spread + 1)));
    }
    return data;
  };
}

const FILLS: [string, Fill][] = [
  ["random", (w, h, bpp, seed) => randomBytes(w * h * bpp, seed)],
  // Few distinct values: many pixels per brightness bin and long runs of equal histogram bins.
  ["narrow", (w, h, bpp, seed) => randomBytes(w * h * bpp, seed).map((v) => 100 + (v % 7))],
  ["photo", photoLike],
  ["gray within 2", nearGray(2)],
  ["gray within 3", nearGray(3)],
];

export interface NamedImage {
  name: string;
  image: PixelImage;
}

/** Every statistic of a result as one list (grayscaleContent as 0 or 1), the fixture's format. */
export function statsRow(s: KernelStats): number[] {
  const b = s.brightness;
  return [
    b.p1,
    b.p5,
    b.p10,
    b.p15,
    b.p90,
    b.p95,
    b.p99,
    s.entropy,
    s.blurriness,
    s.grayStd,
    s.grayscaleContent ? 1 : 0,
  ];
}

export function varietyImages(): NamedImage[] {
  const out: NamedImage[] = [];
  let seed = 1;
  for (const [width, height] of SIZES) {
    for (const [format, bpp] of FORMATS) {
      for (const [kind, fill] of FILLS) {
        const data = fill(width, height, bpp, seed++);
        out.push({ name: `${width}x${height} ${format} ${kind}`, image: { width, height, format, data } });
      }
    }
  }
  return out;
}
