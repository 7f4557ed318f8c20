import type { RawProperties } from "@sc/properties";
import type { MeasuredImage } from "../src/measured-table.js";

/** Raw properties of a well-exposed, sharp, colourful 64x48 image, with overrides. */
export function raw(overrides: Partial<RawProperties> = {}): RawProperties {
  return {
    width: 64,
    height: 48,
    storedGray: false,
    brightness: { p1: 0.1, p5: 0.2, p10: 0.25, p15: 0.3, p90: 0.8, p95: 0.85, p99: 0.9 },
    entropy: 7,
    blurriness: 80,
    grayStd: 10,
    grayscaleContent: false,
    ...overrides,
  };
}

/** `count` day images and `count` night images; night ones are dark (p99 = 0.1 + i/1000). */
export function dayAndNight(count: number): MeasuredImage[] {
  const images: MeasuredImage[] = [];
  for (let i = 0; i < count; i++) images.push({ path: `day/${i}.png`, label: "day", raw: raw() });
  for (let i = 0; i < count; i++) {
    // Only p99 (the dark score) differs from day images; p5 (the light score) stays the same.
    const brightness = { ...raw().brightness, p99: 0.1 + i / 1000 };
    images.push({ path: `night/${i}.png`, label: "night", raw: raw({ brightness }) });
  }
  return images;
}
