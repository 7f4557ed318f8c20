import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const GOLDEN = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../shared/golden");

export const PROPERTIES = [
  "dark",
  "light",
  "low_information",
  "odd_aspect_ratio",
  "odd_size",
  "grayscale",
  "blurry",
] as const;

export interface GoldenCorrelations {
  classes: string[];
  labels: number[];
  fold_of_each_image: number[];
  baseline_cleanlab_2_7: number;
  baseline_majority_share: number;
  properties: Record<
    string,
    { gaussian_nb_accuracy: number; cleanlab_2_7_score: number; gaussian_nb_true_baseline_score: number }
  >;
}

export function goldenCorrelations(): GoldenCorrelations {
  return JSON.parse(readFileSync(resolve(GOLDEN, "correlations.json"), "utf8")) as GoldenCorrelations;
}

/** reference.csv as labels plus the seven `<issue>_score` columns, in dataset order (no quoted fields in it). */
export function goldenScores(): { labels: string[]; properties: Record<string, number[]> } {
  const [header, ...lines] = readFileSync(resolve(GOLDEN, "reference.csv"), "utf8").trim().split("\n");
  const columns = (header ?? "").split(",");
  const rows = lines.map((line) => line.split(","));
  const column = (name: string) => {
    const at = columns.indexOf(name);
    if (at < 0) throw new Error(`reference.csv: no column ${name}`);
    return rows.map((row) => row[at] ?? "");
  };
  const properties: Record<string, number[]> = {};
  for (const property of PROPERTIES) properties[property] = column(`${property}_score`).map(Number);
  return { labels: column("label"), properties };
}
