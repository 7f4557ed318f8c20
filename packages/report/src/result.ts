/**
 * The machine-readable audit result. `sc scan --format json` prints it and the web app exports it.
 * Fields named in DESIGN.md (images[].path/label/width/height/scores/issues, correlations[].property/
 * score/flagged, errors[].path/message) are a contract with other tools: add fields, never rename.
 */

import type { IssueName } from "@sc/properties";

export type { IssueName };

export type IssueScores = Record<IssueName, number>;

export interface ImageRecord {
  /** Relative to the dataset root, `/` separated (or the manifest/Parquet path). */
  path: string;
  /** Class label, or null for unlabeled datasets. */
  label: string | null;
  width: number;
  height: number;
  /** 0..1 per issue, low = more of the issue. */
  scores: IssueScores;
  /** Flagged issue names, in ISSUE_NAMES order. */
  issues: IssueName[];
}

export interface ImageRef {
  path: string;
  label: string | null;
  score: number;
}

export interface ClassAttribution {
  label: string;
  count: number;
  median: number;
  /** One-vs-rest AUC of the property score for this class (0.5 = no difference, 1 = class scores higher). */
  auc: number;
}

export interface CorrelationEntry {
  /** The issue name whose score column was tested. */
  property: IssueName;
  /** Label uncorrelatedness, 0..1; low = the property predicts the label. */
  score: number;
  /** score < threshold and pValue < alpha. */
  flagged: boolean;
  /** Chance of a score this low if the property were unrelated to the label. */
  pValue: number;
  /** Cross-validated accuracy of the one-number classifier. */
  accuracy: number;
  /** Accuracy of always guessing the baseline (depends on the compat mode). */
  baseline: number;
  /** Which classes drive the property, e.g. "night is darker (AUC 0.97)"; null when nothing to say. */
  attribution: { sentence: string; classes: ClassAttribution[] } | null;
  /** Images with the minimum and maximum property score. */
  minimum: ImageRef | null;
  maximum: ImageRef | null;
  /** Why the score is what it is when the input is degenerate (one class, constant property, ...). */
  note: string | null;
}

export interface IssueSummaryEntry {
  issue: IssueName;
  count: number;
  /** Lowest-scoring flagged images, worst first. */
  worst: ImageRef[];
}

export interface FileError {
  path: string;
  message: string;
}

export interface AuditSettings {
  /** Label uncorrelatedness threshold (default 0.3). */
  threshold: number;
  /** Significance level for flagging (default 0.01). */
  alpha: number;
  compat: "default" | "cleanlab";
  /** Issue types checked. */
  issues: IssueName[];
  /** Per-issue flag thresholds on the 0..1 scores. */
  issueThresholds: IssueScores;
  maxPixels: number;
}

export interface AuditResult {
  tool: { name: string; version: string };
  dataset: {
    /** Where the data came from, as the user gave it. */
    source: string;
    kind: "folder" | "manifest" | "parquet" | "memory";
    images: number;
    labeled: boolean;
    classes: { label: string; count: number }[];
    /** Files skipped because they are not images (by extension). */
    ignoredFiles: number;
    /** Which decoder produced the pixels (e.g. "jpeg-js/pngjs"). */
    decoder: string;
  };
  settings: AuditSettings;
  /** Read-only; built from compact columns when read by `audit` (copy with Array.from to keep or post them). */
  images: readonly ImageRecord[];
  issueSummary: IssueSummaryEntry[];
  correlations: CorrelationEntry[];
  errors: FileError[];
}
