import { readFileSync } from "node:fs";
import { ISSUE_NAMES, type IssueName } from "../src/issues/names.js";
import type { RawProperties } from "../src/raw-properties.js";

/** The shared golden dataset (../shared/golden from the repository root). */
export const GOLDEN_DIR = new URL("../../../../shared/golden/", import.meta.url);

/** Decoder rounding allowed per issue (golden/README.md); PNG pixels are identical everywhere. */
export const PNG_TOLERANCE: Record<IssueName, number> = {
  dark: 1e-4,
  light: 1e-4,
  low_information: 1e-4,
  odd_aspect_ratio: 1e-12,
  odd_size: 1e-12,
  grayscale: 0,
  blurry: 5e-3,
};
export const JPEG_TOLERANCE: Record<IssueName, number> = {
  ...PNG_TOLERANCE,
  dark: 0.01,
  light: 0.01,
  low_information: 0.02,
  blurry: 0.03,
};

/** The tolerance table for one golden file. */
export const goldenTolerance = (path: string): Record<IssueName, number> =>
  path.endsWith(".png") ? PNG_TOLERANCE : JPEG_TOLERANCE;

export interface ReferenceRow {
  path: string;
  mode: "RGB" | "L";
  /** Raw values as CleanVision computed them (Pillow decoding); no grayscale content check. */
  raw: RawProperties;
  scores: Record<IssueName, number>;
  flags: Record<IssueName, boolean>;
}

/** reference.csv rows in dataset order. */
export function readReference(): ReferenceRow[] {
  const [head, ...lines] = readFileSync(new URL("reference.csv", GOLDEN_DIR), "utf8").trim().split("\n");
  const columns = (head as string).split(",");
  return lines.map((line) => {
    const cells = line.split(",");
    const text = (name: string): string => {
      const i = columns.indexOf(name);
      if (i < 0) throw new Error(`reference.csv has no column ${name}`);
      return cells[i] as string;
    };
    const num = (name: string): number => Number(text(name));
    const perc = (p: number): number => num(`brightness_perc_${p}`);
    const mode = text("mode") as "RGB" | "L";
    return {
      path: text("path"),
      mode,
      raw: {
        width: num("width"),
        height: num("height"),
        storedGray: mode === "L",
        brightness: {
          p1: perc(1),
          p5: perc(5),
          p10: perc(10),
          p15: perc(15),
          p90: perc(90),
          p95: perc(95),
          p99: perc(99),
        },
        entropy: num("entropy"),
        blurriness: num("blurriness"),
        grayStd: num("blurriness_grayscale_std"),
        grayscaleContent: false,
      },
      scores: Object.fromEntries(ISSUE_NAMES.map((n) => [n, num(`${n}_score`)])) as Record<IssueName, number>,
      flags: Object.fromEntries(ISSUE_NAMES.map((n) => [n, text(`is_${n}_issue`) === "true"])) as Record<
        IssueName,
        boolean
      >,
    };
  });
}
