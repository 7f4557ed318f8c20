import { describe, expect, it } from "vitest";
import { length } from "../src/layout.js";
import { renderText } from "../src/text.js";
import { ANSI_NAME, labeledResult, unlabeledResult } from "./fixtures.js";

// biome-ignore lint/suspicious/noControlCharactersInRegex: matches the ESC of the colour codes.
const OUR_SGR = /\u001b\[(?:0|1|2|31|32|33)m/g;

function indexes(text: string, needles: string[]): number[] {
  return needles.map((needle) => {
    const at = text.indexOf(needle);
    expect(at, needle).toBeGreaterThanOrEqual(0);
    return at;
  });
}

describe("renderText", () => {
  const plain = renderText(labeledResult(), { color: false });

  it("has the sections in Datalab's order", () => {
    const at = indexes(plain, ["\nDataset\n", "\nIssues", "\nSpurious correlations\n", "\nLegend\n"]);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it("summarises the dataset with class counts, failed files and ignored files", () => {
    expect(plain).toContain("10 images audited, 2 could not be read, 3 non-image files ignored");
    expect(plain).toMatch(/\n {4}day +5 {2}50\.0%\n/);
    expect(plain).toContain("broken.jpg: SOI not found");
  });

  it("lists issue types most common first with their worst images", () => {
    const [dark, worst, blurry] = indexes(plain, [
      "  dark         5  50.0%",
      "night/c.jpg (0.100)",
      "  blurry       1  10.0%",
    ]);
    expect(dark).toBeLessThan(worst as number);
    expect(worst).toBeLessThan(blurry as number);
    expect(plain).toContain("No images flagged for: light, low_information");
  });

  it("puts flagged properties first, then by score, with p-value, attribution and extremes", () => {
    const at = indexes(plain, ["FLAGGED dark", "ok      blurry", "ok      odd_size"]);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(plain).toContain("score 0.020  p <0.001  accuracy 0.99 vs baseline 0.50");
    expect(plain).toContain("is darker (AUC 0.00)");
    expect(plain).toContain("min: night/c.jpg (0.100)");
    expect(plain).toContain("max: day/<img src=x onerror=alert(1)>.jpg (0.900)");
    expect(plain).toContain("Note: constant property");
    expect(plain).toContain("1 property flagged");
  });

  it("shows extremes only for flagged properties", () => {
    expect(plain).not.toContain('min: day/"quotes".jpg');
  });

  it("has no escape codes when colour is off and neutralises hostile ones", () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserts that no control character is left.
    expect(plain).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(plain).toContain("night/\\x1B[31mred\\x1B[0m.png");
    expect(plain).toContain("evil\\x1B]0;pwned\\x07.png");
  });

  it("uses only its own SGR codes when colour is on", () => {
    const colored = renderText(labeledResult(), { color: true });
    expect(colored).toMatch(OUR_SGR);
    expect(colored.replace(OUR_SGR, "")).toBe(plain);
  });

  it("cannot be broken into extra lines by a newline in a file name", () => {
    const result = labeledResult();
    result.errors = [{ path: "a\nFLAGGED fake", message: "x" }];
    const text = renderText(result, { color: false });
    expect(text).toContain("a\\x0AFLAGGED fake: x");
    expect(text.split("\n").filter((line) => line.trimStart().startsWith("FLAGGED"))).toHaveLength(1);
  });

  it("fits the requested width", () => {
    for (const width of [40, 60, 100]) {
      const result = labeledResult();
      result.errors.push({ path: `${"deep/".repeat(40)}x.jpg`, message: "y".repeat(300) });
      for (const line of renderText(result, { color: false, width }).split("\n")) {
        expect(length(line), line).toBeLessThanOrEqual(width);
      }
    }
  });

  it("says why correlations are missing for an unlabeled dataset", () => {
    const text = renderText(unlabeledResult(), { color: false });
    expect(text).toContain("Unlabeled: no classes");
    expect(text).toContain("Not measured: the dataset has no labels.");
    expect(text).not.toContain("FLAGGED");
  });

  it("prints the hostile name escaped, never raw", () => {
    expect(plain).not.toContain(ANSI_NAME);
  });
});
