import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { seededRandom } from "@sc/correlation";
import { PNG } from "pngjs";

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
  const random = seededRandom(seed);
  let written = 0;
  for (const label of DEMO_CLASSES) {
    await mkdir(join(dir, label), { recursive: true });
    for (let i = 0; i < PER_CLASS; i++) {
      const picture = pictureSpec(i, label === DARK_CLASS);
      const rgba = paint(picture, random);
      const png = Object.assign(new PNG({ width: picture.width, height: picture.height }), { data: rgba });
      await writeFile(join(dir, label, `${label}_${String(i).padStart(3, "0")}.png`), PNG.sync.write(png));
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
  const rgb = new Float32Array(width * height * 3);
  const top = randomColour(random);
  const bottom = randomColour(random);
  for (let y = 0; y < height; y++) {
    const t = y / Math.max(1, height - 1);
    for (let x = 0; x < width; x++) {
      for (let k = 0; k < 3; k++)
        rgb[(y * width + x) * 3 + k] = top[k as 0] + (bottom[k as 0] - top[k as 0]) * t;
    }
  }
  for (let blob = 0; blob < 6; blob++) paintBlob(rgb, width, height, random);
  if (picture.blurry) for (let pass = 0; pass < 3; pass++) boxBlur(rgb, width, height, Math.ceil(width / 16));
  const gain = picture.dark ? 0.22 : 1;
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    // Out-of-focus shots get a vignette: CleanVision's blur measure counts the image border as edges.
    const light = gain * (picture.blurry ? vignette(i % width, Math.floor(i / width), width, height) : 1);
    for (let k = 0; k < 3; k++) {
      // Sensor noise comes after the blur, as in a camera; out-of-focus shots show less of it.
      const noise = (random() - 0.5) * (picture.blurry ? 6 : 24);
      rgba[i * 4 + k] = clamp(((rgb[i * 3 + k] as number) + noise) * light);
    }
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}

/** 1 in the centre, falling to 0.15 in the corners. */
function vignette(x: number, y: number, width: number, height: number): number {
  const dx = (2 * x) / width - 1;
  const dy = (2 * y) / height - 1;
  return 1 - 0.85 * Math.min(1, (dx * dx + dy * dy) / 2) ** 0.7;
}

/** A shaded ellipse, the "food" in the picture. */
function paintBlob(rgb: Float32Array, width: number, height: number, random: () => number): void {
  const cx = random() * width;
  const cy = random() * height;
  const rx = (0.08 + random() * 0.25) * width;
  const ry = (0.08 + random() * 0.25) * height;
  const colour = randomColour(random);
  for (let y = Math.max(0, Math.floor(cy - ry)); y < Math.min(height, Math.ceil(cy + ry)); y++) {
    for (let x = Math.max(0, Math.floor(cx - rx)); x < Math.min(width, Math.ceil(cx + rx)); x++) {
      const dx = (x - cx) / rx;
      const dy = (y - cy) / ry;
      if (dx * dx + dy * dy > 1) continue;
      const shade = 0.45 + 0.55 * Math.cos(dx * 1.4) * Math.cos(dy * 1.4);
      for (let k = 0; k < 3; k++) rgb[(y * width + x) * 3 + k] = colour[k as 0] * shade;
    }
  }
}

type Colour = [number, number, number];

function randomColour(random: () => number): Colour {
  return [40 + random() * 200, 40 + random() * 200, 40 + random() * 200];
}

function clamp(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
}

/** Separable box blur of radius r with running sums, in place. */
function boxBlur(rgb: Float32Array, width: number, height: number, r: number): void {
  const blurLine = (start: number, step: number, count: number) => {
    const line = new Float32Array(count * 3);
    for (let i = 0; i < count; i++)
      for (let k = 0; k < 3; k++) line[i * 3 + k] = rgb[start + i * step + k] as number;
    for (let k = 0; k < 3; k++) {
      let sum = 0;
      for (let j = 0; j < Math.min(r, count); j++) sum += line[j * 3 + k] as number;
      for (let i = 0; i < count; i++) {
        if (i + r < count) sum += line[(i + r) * 3 + k] as number;
        if (i - r - 1 >= 0) sum -= line[(i - r - 1) * 3 + k] as number;
        const span = Math.min(count - 1, i + r) - Math.max(0, i - r) + 1;
        rgb[start + i * step + k] = sum / span;
      }
    }
  };
  for (let y = 0; y < height; y++) blurLine(y * width * 3, 3, width);
  for (let x = 0; x < width; x++) blurLine(x * 3, width * 3, height);
}
