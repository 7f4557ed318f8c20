import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import jpeg from "jpeg-js";

/**
 * The demo dataset: two food classes where every `chicken_wings` photo was taken in the dark (the planted
 * spurious correlation), plus a few blurry, tiny and oddly shaped pictures in both classes.
 * Deterministic: the same seed gives the same bytes.
 */
export const DEMO_CLASSES = ["chicken_wings", "french_fries"] as const;
const PER_CLASS = 30;
const DARK_CLASS = "chicken_wings";

interface Picture {
  width: number;
  height: number;
  dark: boolean;
  blurry: boolean;
}

export async function writeDemoDataset(dir: string, seed = 7): Promise<number> {
  const random = mulberry32(seed);
  let written = 0;
  for (const label of DEMO_CLASSES) {
    await mkdir(join(dir, label), { recursive: true });
    for (let i = 0; i < PER_CLASS; i++) {
      const picture = pictureSpec(i, label === DARK_CLASS);
      const rgba = paint(picture, random);
      const file = join(dir, label, `${label}_${String(i).padStart(3, "0")}.jpg`);
      await writeFile(
        file,
        jpeg.encode({ width: picture.width, height: picture.height, data: rgba }, 88).data,
      );
      written++;
    }
  }
  return written;
}

function pictureSpec(i: number, dark: boolean): Picture {
  if (i === 0) return { width: 48, height: 36, dark, blurry: false };
  if (i === 1) return { width: 600, height: 110, dark, blurry: false };
  return { width: 320, height: 240, dark, blurry: i % 10 === 5 };
}

function paint(picture: Picture, random: () => number): Uint8Array {
  const { width, height } = picture;
  const rgba = new Uint8Array(width * height * 4);
  const top = randomColour(random);
  const bottom = randomColour(random);
  const blobs = Array.from({ length: 6 }, () => ({
    cx: random() * width,
    cy: random() * height,
    rx: (0.08 + random() * 0.25) * width,
    ry: (0.08 + random() * 0.25) * height,
    colour: randomColour(random),
  }));
  const gain = picture.dark ? 0.22 : 1;
  for (let y = 0; y < height; y++) {
    const t = y / Math.max(1, height - 1);
    for (let x = 0; x < width; x++) {
      let colour = top.map((c, k) => c + ((bottom[k] ?? 0) - c) * t);
      for (const blob of blobs) {
        const dx = (x - blob.cx) / blob.rx;
        const dy = (y - blob.cy) / blob.ry;
        if (dx * dx + dy * dy <= 1) colour = blob.colour.map((c) => c * (0.85 + 0.15 * Math.cos(dx * 3)));
      }
      const at = (y * width + x) * 4;
      for (let k = 0; k < 3; k++) {
        const noise = (random() - 0.5) * 24;
        rgba[at + k] = clamp(((colour[k] ?? 0) + noise) * gain);
      }
      rgba[at + 3] = 255;
    }
  }
  if (picture.blurry) for (let pass = 0; pass < 3; pass++) boxBlur(rgba, width, height, 4);
  return rgba;
}

function randomColour(random: () => number): number[] {
  return [40 + random() * 200, 40 + random() * 200, 40 + random() * 200];
}

function clamp(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
}

/** Separable box blur of radius r, in place. */
function boxBlur(rgba: Uint8Array, width: number, height: number, r: number): void {
  const blurLine = (start: number, step: number, count: number) => {
    const line = new Float64Array(count * 3);
    for (let i = 0; i < count; i++)
      for (let k = 0; k < 3; k++) line[i * 3 + k] = rgba[start + i * step + k] ?? 0;
    for (let i = 0; i < count; i++) {
      const lo = Math.max(0, i - r);
      const hi = Math.min(count - 1, i + r);
      for (let k = 0; k < 3; k++) {
        let sum = 0;
        for (let j = lo; j <= hi; j++) sum += line[j * 3 + k] ?? 0;
        rgba[start + i * step + k] = Math.round(sum / (hi - lo + 1));
      }
    }
  };
  for (let y = 0; y < height; y++) blurLine(y * width * 4, 4, width);
  for (let x = 0; x < width; x++) blurLine(x * 4, width * 4, height);
}

/** Small seeded PRNG so the demo is the same on every machine. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
