import { describe, expect, it } from "vitest";
import { csvText, renderCsv } from "../src/csv.js";
import { parseCsv } from "./csv-parse.js";
import { FORMULA_NAME, labeledResult, unlabeledResult } from "./fixtures.js";

const ISSUES = ["dark", "light", "low_information", "odd_aspect_ratio", "odd_size", "grayscale", "blurry"];

describe("csvText", () => {
  it("quotes separators, quotes and line breaks (RFC 4180)", () => {
    expect(csvText("plain")).toBe("plain");
    expect(csvText("a,b")).toBe('"a,b"');
    expect(csvText('say "hi"')).toBe('"say ""hi"""');
    expect(csvText("two\nlines")).toBe('"two\nlines"');
  });

  it("neutralises spreadsheet formulas with a leading apostrophe", () => {
    expect(csvText("=1+1")).toBe("'=1+1");
    expect(csvText("+1")).toBe("'+1");
    expect(csvText("-2")).toBe("'-2");
    expect(csvText("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvText("\tx")).toBe("'\tx");
    expect(csvText("\rx")).toBe('"\'\rx"');
    expect(csvText("a=b")).toBe("a=b");
  });
});

describe("renderCsv", () => {
  const result = labeledResult();
  const records = parseCsv(renderCsv(result));

  it("has the reference.csv column layout", () => {
    expect(records[0]).toEqual([
      "path",
      "label",
      "width",
      "height",
      ...ISSUES.map((name) => `${name}_score`),
      ...ISSUES.map((name) => `is_${name}_issue`),
    ]);
    expect(records).toHaveLength(result.images.length + 1);
  });

  it("parses back to the same values", () => {
    result.images.forEach((image, i) => {
      const row = records[i + 1] as string[];
      expect(row).toHaveLength(4 + 2 * ISSUES.length);
      expect(row[0]).toBe(image.path === FORMULA_NAME ? `'${FORMULA_NAME}` : image.path);
      expect(row[1]).toBe(image.label);
      expect(Number(row[2])).toBe(image.width);
      expect(Number(row[3])).toBe(image.height);
      ISSUES.forEach((issue, k) => {
        expect(Number(row[4 + k])).toBe(image.scores[issue as keyof typeof image.scores]);
        expect(row[4 + ISSUES.length + k]).toBe(
          String(image.issues.includes(issue as (typeof image.issues)[number])),
        );
      });
    });
  });

  it("writes exact rows for a hand-checked image", () => {
    const lines = renderCsv(result).split("\r\n");
    expect(lines[1]).toBe(
      "day/a&b.jpg,day,64,48,0.9,0.5,0.6,1,0.9,1,0.6,false,false,false,false,false,false,false",
    );
    expect(lines[3]).toBe(
      '"day/""quotes"".jpg",day,64,48,0.8,0.5,0.6,1,0.9,1,0.1,false,false,false,false,false,false,true',
    );
  });

  it("leaves negative numbers alone and empties non-finite ones", () => {
    const odd = labeledResult();
    const first = odd.images[0] as (typeof odd.images)[number];
    first.scores.dark = -0.5;
    first.scores.light = Number.NaN;
    const row = parseCsv(renderCsv(odd))[1] as string[];
    expect(row[4]).toBe("-0.5");
    expect(row[5]).toBe("");
  });

  it("writes an empty label for unlabeled datasets", () => {
    const rows = parseCsv(renderCsv(unlabeledResult()));
    expect(rows.slice(1).every((row) => row[1] === "")).toBe(true);
  });
});
