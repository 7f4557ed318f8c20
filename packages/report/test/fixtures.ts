import { ISSUE_NAMES } from "@sc/properties";
import type { AuditResult, ImageRecord, IssueScores } from "../src/result.js";

export const HOSTILE_IMG = "day/<img src=x onerror=alert(1)>.jpg";
export const ANSI_NAME = "night/\u001b[31mred\u001b[0m.png";
export const SCRIPT_LABEL = "night</script><script>alert(1)</script>";
export const FORMULA_NAME = '=HYPERLINK("evil","x").jpg';

const THRESHOLDS: IssueScores = {
  dark: 0.32,
  light: 0.05,
  low_information: 0.15,
  odd_aspect_ratio: 0.35,
  odd_size: 0.5,
  grayscale: 1e-6,
  blurry: 0.29,
};

function scores(dark: number, blurry = 0.6): IssueScores {
  return { dark, light: 0.5, low_information: 0.6, odd_aspect_ratio: 1, odd_size: 0.9, grayscale: 1, blurry };
}

function image(path: string, label: string | null, dark: number, blurry = 0.6): ImageRecord {
  const s = scores(dark, blurry);
  return {
    path,
    label,
    width: 64,
    height: 48,
    scores: s,
    issues: ISSUE_NAMES.filter((issue) => s[issue] < THRESHOLDS[issue]),
  };
}

/**
 * Two classes, `dark` planted (every night image darker than every day image), one blurry image,
 * hostile names in both classes and a label that tries to close a script element.
 */
export function labeledResult(): AuditResult {
  const images = [
    image("day/a&b.jpg", "day", 0.9),
    image(HOSTILE_IMG, "day", 0.85),
    image('day/"quotes".jpg', "day", 0.8, 0.1),
    image("day/ünïcødé-日本.jpg", "day", 0.75),
    image(FORMULA_NAME, "day", 0.7),
    image(ANSI_NAME, SCRIPT_LABEL, 0.2),
    image("night/b.jpg", SCRIPT_LABEL, 0.15),
    image("night/c.jpg", SCRIPT_LABEL, 0.1),
    image("night/d,e.jpg", SCRIPT_LABEL, 0.25),
    image("night/line\nbreak.jpg", SCRIPT_LABEL, 0.3),
  ];
  return {
    tool: { name: "sc", version: "0.1.0" },
    dataset: {
      source: "/data/<b>set</b>",
      kind: "folder",
      images: images.length,
      labeled: true,
      classes: [
        { label: "day", count: 5 },
        { label: SCRIPT_LABEL, count: 5 },
      ],
      ignoredFiles: 3,
      decoder: "jpeg-js/pngjs",
    },
    settings: {
      threshold: 0.3,
      alpha: 0.01,
      compat: "default",
      issues: [...ISSUE_NAMES],
      issueThresholds: THRESHOLDS,
      maxPixels: 1e8,
    },
    images,
    issueSummary: [
      {
        issue: "blurry",
        count: 1,
        worst: [{ path: 'day/"quotes".jpg', label: "day", score: 0.1 }],
      },
      {
        issue: "dark",
        count: 5,
        worst: [
          { path: "night/c.jpg", label: SCRIPT_LABEL, score: 0.1 },
          { path: "night/b.jpg", label: SCRIPT_LABEL, score: 0.15 },
          { path: ANSI_NAME, label: SCRIPT_LABEL, score: 0.2 },
          { path: "night/d,e.jpg", label: SCRIPT_LABEL, score: 0.25 },
        ],
      },
      { issue: "light", count: 0, worst: [] },
    ],
    correlations: [
      {
        property: "blurry",
        score: 0.9,
        flagged: false,
        pValue: 0.6,
        accuracy: 0.55,
        baseline: 0.5,
        attribution: null,
        minimum: { path: 'day/"quotes".jpg', label: "day", score: 0.1 },
        maximum: { path: "day/a&b.jpg", label: "day", score: 0.6 },
        note: null,
      },
      {
        property: "odd_size",
        score: 1,
        flagged: false,
        pValue: 1,
        accuracy: 0.5,
        baseline: 0.5,
        attribution: null,
        minimum: null,
        maximum: null,
        note: "constant property",
      },
      {
        property: "dark",
        score: 0.02,
        flagged: true,
        pValue: 0.0004,
        accuracy: 0.99,
        baseline: 0.5,
        attribution: {
          sentence: `${SCRIPT_LABEL} is darker (AUC 0.00)`,
          classes: [
            { label: "day", count: 5, median: 0.8, auc: 1 },
            { label: SCRIPT_LABEL, count: 5, median: 0.2, auc: 0 },
          ],
        },
        minimum: { path: "night/c.jpg", label: SCRIPT_LABEL, score: 0.1 },
        maximum: { path: HOSTILE_IMG, label: "day", score: 0.9 },
        note: null,
      },
    ],
    errors: [
      { path: "broken.jpg", message: "SOI not found" },
      { path: "evil\u001b]0;pwned\u0007.png", message: "bad <b>header</b>\u001b[2J" },
    ],
  };
}

/** The same images without labels: no classes, no correlations. */
export function unlabeledResult(): AuditResult {
  const base = labeledResult();
  return {
    ...base,
    dataset: { ...base.dataset, labeled: false, classes: [] },
    images: base.images.map((record) => ({ ...record, label: null })),
    issueSummary: base.issueSummary.map((entry) => ({
      ...entry,
      worst: entry.worst.map((ref) => ({ ...ref, label: null })),
    })),
    correlations: [],
  };
}

/** A tiny valid JPEG-typed data URI (content is irrelevant to the report). */
export const THUMB = "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ==";
