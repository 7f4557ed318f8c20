import { loadKernels } from "@sc/core-wasm";
import { describe, expect, it } from "vitest";
import { ImageError } from "../src/errors.js";
import { measureBytes } from "../src/measure.js";
import { hostileImageFiles } from "../test-support/hostile-corpus.js";

describe("the hostile-input corpus, decoded in process", async () => {
  const kernels = await loadKernels();
  it.each(hostileImageFiles().map((file) => [JSON.stringify(file.name), file] as const))(
    "%s",
    (_, { name, bytes, expected }) => {
      let outcome: unknown;
      try {
        const raw = measureBytes(bytes, kernels, { path: name });
        outcome = { outcome: "scored", width: raw.width, height: raw.height, storedGray: raw.storedGray };
      } catch (error) {
        if (!(error instanceof ImageError)) throw error;
        expect(error.path).toBe(name);
        outcome = { outcome: "error", code: error.code, reason: error.reason };
      }
      expect(outcome).toEqual(expected);
    },
  );
});
