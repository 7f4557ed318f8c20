import { describe, expect, test } from "vitest";
import { labelUncorrelatedness, seededRandom } from "../src/index.js";

describe("labels given as codes into names", () => {
  test("give the results of the same labels given as strings", () => {
    const next = seededRandom(7);
    // Names out of order, one never used, rows without a label (-1 and a code past the names).
    const names = ["zebra", "ant", "unused", "Émile", "bee"];
    const codes = Int32Array.from({ length: 3000 }, (_, i) =>
      i % 97 === 0 ? -1 : i % 101 === 0 ? 9 : ([0, 1, 3, 4][Math.floor(next() * 4)] as number),
    );
    const strings = Array.from(codes, (code) => names[code] ?? null) as (string | null)[];
    const properties = {
      dark: Float64Array.from(codes, (code) => 0.1 * code + 0.05 * next()),
      blurry: Float64Array.from(codes, () => next()),
    };
    const fromCodes = labelUncorrelatedness({ labels: { names, codes }, properties });
    const fromStrings = labelUncorrelatedness({ labels: strings as string[], properties });
    expect(fromCodes).toEqual(fromStrings);
    // The unused name is no class: attribution names only the four in use, in string order.
    expect(fromCodes[0]?.attribution?.classes.map((c) => c.label)).toEqual(["ant", "bee", "zebra", "Émile"]);
    expect(fromCodes[0]?.n).toBe(strings.filter((label) => label !== null).length);
  });

  test("a name given two codes is refused", () => {
    const labels = { names: ["cat", "dog", "cat"], codes: [0, 1, 2, 1, 0, 2] };
    expect(() => labelUncorrelatedness({ labels, properties: { dark: [1, 2, 3, 4, 5, 6] } })).toThrow(
      /label name "cat" is given two codes/,
    );
  });
});
