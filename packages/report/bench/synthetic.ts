import { ISSUE_NAMES } from "@sc/properties";
import type { AuditResult, ImageRecord, IssueScores } from "../src/result.js";

/** A deterministic audit result of `count` images in `classes` classes, `dark` tied to the class. */
export function syntheticResult(count: number, classes: number): AuditResult {
  let seed = 42;
  const random = () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const images: ImageRecord[] = Array.from({ length: count }, (_, i) => {
    const label = `class_${i % classes}`;
    const scores = Object.fromEntries(ISSUE_NAMES.map((issue) => [issue, random()])) as IssueScores;
    scores.dark = ((i % classes) + random()) / classes;
    return {
      path: `${label}/image_${String(i).padStart(6, "0")}.jpg`,
      label,
      width: 64 + (i % 7),
      height: 48,
      scores,
      issues: ISSUE_NAMES.filter((issue) => scores[issue] < 0.1),
    };
  });
  const summary = ISSUE_NAMES.map((issue) => {
    const flagged = images.filter((image) => image.issues.includes(issue));
    return {
      issue,
      count: flagged.length,
      worst: flagged
        .slice(0, 5)
        .map((image) => ({ path: image.path, label: image.label, score: image.scores[issue] })),
    };
  });
  const first = images[0] as ImageRecord;
  return {
    tool: { name: "sc", version: "0.1.0" },
    dataset: {
      source: "bench",
      kind: "memory",
      images: count,
      labeled: true,
      classes: Array.from({ length: classes }, (_, c) => ({
        label: `class_${c}`,
        count: Math.ceil((count - c) / classes),
      })),
      ignoredFiles: 0,
      decoder: "synthetic",
    },
    settings: {
      threshold: 0.3,
      alpha: 0.01,
      compat: "default",
      issues: [...ISSUE_NAMES],
      issueThresholds: Object.fromEntries(ISSUE_NAMES.map((issue) => [issue, 0.1])) as IssueScores,
      maxPixels: 1e8,
    },
    images,
    issueSummary: summary,
    correlations: ISSUE_NAMES.map((property) => ({
      property,
      score: property === "dark" ? 0.01 : 0.95,
      flagged: property === "dark",
      pValue: property === "dark" ? 0.001 : 0.7,
      accuracy: 0.5,
      baseline: 1 / classes,
      attribution: null,
      minimum: { path: first.path, label: first.label, score: 0 },
      maximum: { path: first.path, label: first.label, score: 1 },
      note: null,
    })),
    errors: [],
  };
}
