import { describe, expect, it } from "vitest";
import type { AuditResult } from "../src/result.js";
import { thumbnailPaths, thumbnailSize } from "../src/thumbnail-choice.js";

const ref = (path: string) => ({ path, label: "a", score: 0.1 });

describe("thumbnailPaths", () => {
  it("collects the worst images of every issue and the extremes of every correlation, once each", () => {
    const result = {
      issueSummary: [
        { issue: "dark", count: 2, worst: [ref("n/1.jpg"), ref("n/2.jpg")] },
        { issue: "blurry", count: 1, worst: [ref("n/2.jpg")] },
        { issue: "light", count: 0, worst: [] },
      ],
      correlations: [
        { property: "dark", minimum: ref("n/1.jpg"), maximum: ref("d/9.jpg") },
        { property: "light", minimum: null, maximum: null },
      ],
    } as unknown as AuditResult;
    expect([...thumbnailPaths(result)]).toEqual(["n/1.jpg", "n/2.jpg", "d/9.jpg"]);
  });
});

describe("thumbnailSize", () => {
  it("fits the longer side and never enlarges", () => {
    expect(thumbnailSize(640, 480)).toEqual({ width: 160, height: 120 });
    expect(thumbnailSize(100, 4000)).toEqual({ width: 4, height: 160 });
    expect(thumbnailSize(10000, 1)).toEqual({ width: 160, height: 1 });
    expect(thumbnailSize(90, 60)).toEqual({ width: 90, height: 60 });
  });
});
