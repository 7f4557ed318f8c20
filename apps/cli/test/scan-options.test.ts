import { describe, expect, test } from "vitest";
import { UsageError } from "../src/exit-codes.js";
import { parseScanOptions } from "../src/scan-options.js";

describe("parseScanOptions", () => {
  test("defaults", () => {
    const o = parseScanOptions({ format: "text" });
    expect(o).toMatchObject({
      format: "text",
      out: null,
      threshold: 0.3,
      alpha: 0.01,
      compat: "default",
      maxPixels: 100_000_000,
      failOnFlagged: false,
      timeoutMs: 60_000,
    });
    expect(o.issues).toHaveLength(7);
    expect(o.workers).toBeGreaterThanOrEqual(1);
  });

  test("issue lists are validated and put in canonical order", () => {
    expect(parseScanOptions({ format: "json", issues: "blurry, dark" }).issues).toEqual(["dark", "blurry"]);
    expect(() => parseScanOptions({ format: "json", issues: "dark,sharp" })).toThrow(UsageError);
    expect(() => parseScanOptions({ format: "json", issues: " , " })).toThrow(/--issues/);
  });

  test.each([
    [{ workers: "0" }, /--workers/],
    [{ workers: "2.5" }, /--workers/],
    [{ threshold: "1.5" }, /--threshold/],
    [{ alpha: "" }, /--alpha/],
    [{ maxPixels: "-3" }, /--max-pixels/],
    [{ timeout: "abc" }, /--timeout/],
    [{ format: "pdf" }, /--format must be one of text, json, csv, html/],
    [{ compat: "sklearn" }, /--compat/],
    [{ failOn: "errors" }, /--fail-on/],
  ])("rejects %o with a usage error", (raw, message) => {
    expect(() => parseScanOptions({ format: "text", ...raw })).toThrow(message);
  });

  test("numbers are parsed", () => {
    const o = parseScanOptions({
      format: "csv",
      workers: "3",
      threshold: "0.25",
      maxPixels: "1000",
      timeout: "5",
    });
    expect(o).toMatchObject({ workers: 3, threshold: 0.25, maxPixels: 1000, timeoutMs: 5000 });
    expect(parseScanOptions({ format: "csv", failOn: "flagged", compat: "cleanlab" })).toMatchObject({
      failOnFlagged: true,
      compat: "cleanlab",
    });
  });
});
