import { describe, expect, it } from "vitest";
import { renderJson } from "../src/json.js";
import { labeledResult } from "./fixtures.js";

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
