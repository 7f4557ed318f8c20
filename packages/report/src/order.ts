import type { AuditResult, CorrelationEntry, IssueSummaryEntry } from "./result.js";

/**
 * What every renderer shows in the same order, so the text report and the HTML page never disagree.
 */

/** Locale-independent text order (UTF-16 code units), the order the sources document for labels. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Largest classes first, ties by label. */
export function byCountThenLabel(
  a: { count: number; label: string },
  b: { count: number; label: string },
): number {
  return b.count - a.count || compareText(a.label, b.label);
}

/** Flagged properties first, then the lowest (most label-predictive) scores; NaN scores last. */
export function orderedCorrelations(result: AuditResult): CorrelationEntry[] {
  const key = (score: number) => (Number.isFinite(score) ? score : Number.POSITIVE_INFINITY);
  return [...result.correlations].sort(
    (a, b) =>
      Number(b.flagged) - Number(a.flagged) ||
      key(a.score) - key(b.score) ||
      compareText(a.property, b.property),
  );
}

/** Issue types with at least one flagged image, most common first. */
export function orderedIssues(result: AuditResult): IssueSummaryEntry[] {
  return result.issueSummary
    .filter((entry) => entry.count > 0)
    .sort((a, b) => b.count - a.count || compareText(a.issue, b.issue));
}

/** Issue types checked that flagged nothing, so a reader knows they were looked at. */
export function cleanIssues(result: AuditResult): string[] {
  const found = new Set(orderedIssues(result).map((entry) => entry.issue));
  return result.settings.issues.filter((issue) => !found.has(issue));
}

/**
 * Score columns in a stable order: the issues the audit checked, then any other score key the images
 * carry (a newer producer may add properties).
 */
export function scoreColumns(result: AuditResult): string[] {
  const columns = new Set<string>(result.settings.issues);
  for (const image of result.images) for (const key of Object.keys(image.scores)) columns.add(key);
  return [...columns];
}

export const LEGEND: readonly string[] = [
  "Issue scores are 0..1 per image; low means more of the issue (darker, blurrier, ...). An image is flagged when its score falls below the issue's threshold.",
  "Label uncorrelatedness is 0..1 per property; low means the property alone predicts the class label, i.e. a potential spurious correlation a model could learn instead of the content.",
  "A property is flagged when its score is below the threshold and the p-value (chance of so low a score with unrelated labels) is below alpha.",
  "AUC compares one class against the rest: 0.5 no difference, near 1 the class scores higher, near 0 lower.",
];
