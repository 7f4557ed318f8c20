import { describe, expect, it } from "vitest";
import { renderJson, renderJsonChunks } from "../src/json.js";
import type { AuditResult } from "../src/result.js";
import { labeledResult, unlabeledResult } from "./fixtures.js";

/** The renderer before streaming (one JSON.stringify of a key-sorted copy): the bytes to keep. */
function referenceJson(value: unknown): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v === null || typeof v !== "object") return v;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) sorted[key] = sortKeys((v as Record<string, unknown>)[key]);
    return sorted;
  };
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

const streamed = (value: unknown) => [...renderJsonChunks(value as AuditResult)];

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ODD_VALUES = [undefined, null, Number.NaN, -0, 1e21, -Infinity, "", "\ud800", "a\nb", true, () => 1];
const ODD_KEYS = ["", "0", "10", "9", "b", "a", "\u2028", "__proto__", "constructor"];

/**
 * A random JSON-like tree mixing the values and keys JSON.stringify treats specially; the root is an
 * array or object, like a result.
 */
function randomTree(next: () => number, depth: number): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const kind = depth === 0 ? 1 + Math.floor(next() * 2) : depth > 4 ? 0 : Math.floor(next() * 3);
  if (kind === 0) return next() < 0.5 ? pick(ODD_VALUES) : next() * 1000 - 500;
  const size = Math.floor(next() * 5);
  if (kind === 1) return Array.from({ length: size }, () => randomTree(next, depth + 1));
  const object: Record<string, unknown> = {};
  for (let i = 0; i < size; i++) object[pick(ODD_KEYS)] = randomTree(next, depth + 1);
  return object;
}

/** Rebuilds every object with its keys in reverse insertion order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)]),
  );
}

describe("renderJson", () => {
  const result = labeledResult();
  const json = renderJson(result);

  it("round-trips to the same result, hostile strings included", () => {
    expect(JSON.parse(json)).toEqual(result);
  });

  it("keeps the contract fields", () => {
    const parsed = JSON.parse(json);
    expect(Object.keys(parsed.images[0]).sort()).toEqual([
      "height",
      "issues",
      "label",
      "path",
      "scores",
      "width",
    ]);
    expect(parsed.correlations[0]).toHaveProperty("property");
    expect(parsed.correlations[0]).toHaveProperty("score");
    expect(parsed.correlations[0]).toHaveProperty("flagged");
    expect(parsed.errors[0]).toEqual({ message: "SOI not found", path: "broken.jpg" });
  });

  it("is 2-space indented with a trailing newline", () => {
    expect(json.startsWith('{\n  "correlations": [\n    {\n      "accuracy"')).toBe(true);
    expect(json.endsWith("}\n")).toBe(true);
  });

  it("does not depend on the key order of the input", () => {
    expect(renderJson(reverseKeys(result) as typeof result)).toBe(json);
  });

  it("writes non-finite numbers as null", () => {
    const broken = labeledResult();
    (broken.correlations[0] as { score: number }).score = Number.NaN;
    expect(JSON.parse(renderJson(broken)).correlations[0].score).toBeNull();
  });
});

describe("renderJsonChunks", () => {
  it("gives the bytes of the former one-string renderer on the fixtures", () => {
    for (const result of [labeledResult(), unlabeledResult()]) {
      expect(streamed(result).join("")).toBe(referenceJson(result));
      expect(renderJson(result)).toBe(referenceJson(result));
    }
  });

  it("splits a large result into bounded chunks with the same bytes", () => {
    const result = labeledResult();
    const [first] = result.images;
    if (first === undefined) throw new Error("fixture has no images");
    result.images = Array.from({ length: 3000 }, (_, i) => ({ ...first, path: `day/${i}.jpg` }));
    const chunks = streamed(result);
    // Compared as a boolean: a diff of two megabyte strings would take minutes to print.
    expect(chunks.join("") === referenceJson(result)).toBe(true);
    expect(chunks.length).toBeGreaterThan(5);
    // A chunk ends at the first piece that takes it past 64K characters; one image record is far smaller.
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(2 ** 16 + 1000);
  });

  it("matches JSON.stringify on odd values and keys (undefined, NaN, -0, integer-like keys, empty containers)", () => {
    const odd = {
      a: [undefined, () => 1, [], {}, { gone: undefined }],
      "10": { "2": 1, "1": [undefined], b: { c: { d: [1, { e: undefined }] } } },
      "": { x: Number.NaN, y: -0, z: "\u2028\ud800" },
      gone: undefined,
      empty: {},
    };
    expect(streamed(odd).join("")).toBe(referenceJson(odd));
    expect(streamed([]).join("")).toBe("[]\n");
    expect(streamed({ only: undefined }).join("")).toBe("{}\n");
  });

  it("matches JSON.stringify on 500 random trees", () => {
    const next = random(6);
    for (let i = 0; i < 500; i++) {
      const tree = randomTree(next, 0);
      expect(streamed(tree).join(""), `tree ${i}`).toBe(referenceJson(tree));
    }
  });
});
