import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { type CorrelationOptions, labelUncorrelatedness, type PropertyCorrelation } from "../src/index.js";
import { seededRandom } from "../src/significance.js";

/**
 * Outputs of the run-table implementation (before the row sweep, lazy runs and the sort that carries
 * the low bits), captured on these datasets: every speed-up must reproduce them bit for bit. Shapes like
 * the benchmark's (shifts, ties at 1.0 and 0, few distinct values, missing values, -0 and 0), a strongly
 * related property for the attribution, on the asymptotic path, with 12 classes (the run-table sweep),
 * and on the permutation path.
 */
const previous = JSON.parse(readFileSync(new URL("fixtures/previous-outputs.json", import.meta.url), "utf8"));

function dataset(random: () => number, n: number, nClasses: number, weights: number[]) {
  const labels: string[] = [];
  const columns: Record<string, (number | null)[]> = {
    dark: [],
    light: [],
    low_information: [],
    odd_aspect_ratio: [],
    odd_size: [],
    grayscale: [],
    blurry: [],
    signed: [],
    separating: [],
  };
  const push = (name: string, value: number | null) => columns[name]?.push(value);
  for (let i = 0; i < n; i++) {
    const u = random();
    let label = 0;
    for (let share = weights[0] as number; label < nClasses - 1 && u >= share; )
      share += weights[++label] as number;
    labels.push(`class ${label}`);
    push("dark", Math.min(1, 0.3 + 0.4 * random() + (0.3 * label) / nClasses));
    push("light", random() < 0.3 ? 1 : random());
    push(
      "low_information",
      i % 97 === 0 ? null : Math.round((0.5 + 0.2 * random() + (label === 1 ? 0.05 : 0)) * 1000) / 1000,
    );
    push("odd_aspect_ratio", [1, 0.75, 0.5625, 0.8][Math.floor(random() * 4)] as number);
    push("odd_size", 1 - Math.abs(random() - 0.5) * (label === 1 ? 1.2 : 1));
    push("grayscale", random() < 0.05 ? 0 : 1);
    push("blurry", random());
    push("separating", label + 0.8 * random());
    push("signed", random() < 0.05 ? -0 : random() < 0.05 ? 0 : (random() - 0.5) * (label % 2 === 0 ? 1 : 3));
  }
  return { labels, properties: columns };
}

function digest(results: PropertyCorrelation[]) {
  return results.map((r) => [
    r.property,
    r.score,
    r.pValue,
    r.pValueMethod,
    r.accuracy,
    r.k,
    r.n,
    r.flagged,
    r.minimum?.index,
    r.maximum?.index,
    r.attribution?.sentence ?? null,
    r.attribution?.classes ?? null,
  ]);
}

test("scores, p-values, extremes and attribution are exactly those of the previous implementation", () => {
  const random = seededRandom(5);
  const cases: [string, ReturnType<typeof dataset>, CorrelationOptions][] = [
    ["asymptotic", dataset(random, 6000, 3, [0.6, 0.3, 0.1]), {}],
    ["manyClasses", dataset(random, 3000, 12, new Array(12).fill(1 / 12)), { permutations: 0 }],
    ["permutation", dataset(random, 600, 4, [0.4, 0.3, 0.2, 0.1]), { permutations: 199 }],
  ];
  for (const [name, input, options] of cases) {
    // JSON round trip: the fixture stores -0 as 0, as it stores every other number exactly.
    expect(JSON.parse(JSON.stringify(digest(labelUncorrelatedness(input, options))))).toEqual(previous[name]);
  }
});
