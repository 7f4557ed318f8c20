import { describe, expect, test } from "vitest";
import { labelUncorrelatedness } from "../src/index.js";

describe("reading the property columns", () => {
  test("each column is read when its property's turn comes, so a getter can build it then", () => {
    const labels = Array.from({ length: 40 }, (_, i) => (i % 2 ? "cat" : "dog"));
    const readsOfFirst = { count: 0 };
    const first = new Proxy(
      labels.map((_, i) => i),
      {
        get(target, key, receiver) {
          if (typeof key === "string" && /^\d+$/.test(key)) readsOfFirst.count++;
          return Reflect.get(target, key, receiver);
        },
      },
    );
    const seen: string[] = [];
    const properties = Object.defineProperties(
      {},
      {
        first: {
          enumerable: true,
          get: () => {
            seen.push("first");
            return first;
          },
        },
        second: {
          enumerable: true,
          get: () => {
            // By now the first column has been read through: it was tested before this one was asked for.
            seen.push(`second after ${readsOfFirst.count > 0 ? "reading first" : "nothing"}`);
            return labels.map((label) => (label === "cat" ? 1 : 0));
          },
        },
      },
    );
    const found = labelUncorrelatedness({ labels, properties });
    expect(found.map((c) => c.property)).toEqual(["first", "second"]);
    expect(seen).toEqual(["first", "second after reading first"]);
  });
});
