import { labelUncorrelatedness, type PropertyCorrelation } from "@sc/correlation";
import {
  type DatasetScorer,
  DEFAULT_ISSUE_THRESHOLDS,
  datasetScorer,
  ISSUE_NAMES,
  type RawProperties,
} from "@sc/properties";
import type {
  AuditResult,
  AuditSettings,
  CorrelationEntry,
  FileError,
  ImageRecord,
  ImageRef,
  IssueName,
  IssueSummaryEntry,
} from "@sc/report";
import { type MeasuredImage, MeasuredTable } from "./measured-table.js";

export interface AssembleInput {
  /**
   * In input order; `audit` passes a compacted table, other callers may pass plain records. A table is
   * cleared once the image records are built: its memory is not needed for the rest.
   */
  measured: readonly MeasuredImage[] | MeasuredTable;
  errors: readonly FileError[];
  settings: AuditSettings;
  dataset: Omit<AuditResult["dataset"], "images" | "labeled" | "classes">;
  /** Whether every item had a label, failed ones included (default: judged from the measured images). */
  labeled?: boolean;
  tool: AuditResult["tool"];
}

const WORST_EXAMPLES = 5;

/** Turns per-image raw numbers into the full result: scores, flags, summaries and correlations. */
export function assembleResult(input: AssembleInput): AuditResult {
  const { measured } = input;
  const table = measured instanceof MeasuredTable ? measured : MeasuredTable.from(measured);
  const scorer = datasetScorer(rowsOnDemand(table), {
    thresholds: overrides(input.settings.issueThresholds),
    issues: input.settings.issues,
  });
  // The result reports the thresholds actually applied (odd_size's default depends on the data).
  const settings = { ...input.settings, issueThresholds: scorer.thresholds };
  const images = imageRecords(table, scorer, settings);
  table.clear();
  const labeled = input.labeled ?? (images.length > 0 && images.every((image) => image.label !== null));
  return {
    tool: input.tool,
    dataset: { ...input.dataset, images: images.length, labeled, classes: classCounts(images) },
    settings,
    images,
    issueSummary: summarizeIssues(images, settings.issues),
    correlations: labeled ? correlate(images, settings) : [],
    errors: [...input.errors],
  };
}

/**
 * Scores every image and builds its record right away: what scoring leaves over dies young, instead of
 * a whole list of scores being kept until the last record is built. The scorer flags only the checked
 * issues; when every issue is checked, its scores become the record's own instead of being copied.
 */
function imageRecords(table: MeasuredTable, scorer: DatasetScorer, settings: AuditSettings): ImageRecord[] {
  const checksAll = sameList(ISSUE_NAMES, settings.issues);
  const images = new Array<ImageRecord>(table.length);
  for (let row = 0; row < table.length; row++) {
    const { scores, issues } = scorer.score(table.raw(row));
    const { width, height } = table.size(row);
    images[row] = {
      path: table.path(row),
      label: table.label(row),
      width,
      height,
      scores: checksAll ? scores : pick(scores, settings.issues),
      issues,
    };
  }
  return images;
}

/**
 * The table as the RawProperties array datasetScorer takes, each element built when it is read and
 * dropped after: all of them at once would hold about 350 bytes per image, as much as the result.
 */
function rowsOnDemand(table: MeasuredTable): readonly RawProperties[] {
  const isRow = (key: string | symbol): key is string =>
    typeof key === "string" && /^(0|[1-9]\d*)$/.test(key) && Number(key) < table.length;
  return new Proxy(new Array<RawProperties>(table.length), {
    get: (target, key, receiver) =>
      isRow(key) ? table.raw(Number(key)) : Reflect.get(target, key, receiver),
    has: (target, key) => isRow(key) || Reflect.has(target, key),
  });
}

/** Thresholds the caller changed; the others keep datasetScorer's data-dependent defaults. */
function overrides(thresholds: Record<IssueName, number>): Partial<Record<IssueName, number>> {
  return Object.fromEntries(
    Object.entries(thresholds).filter(
      ([issue, value]) => value !== DEFAULT_ISSUE_THRESHOLDS[issue as IssueName],
    ),
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function pick(scores: Record<IssueName, number>, issues: readonly IssueName[]): Record<IssueName, number> {
  return Object.fromEntries(issues.map((issue) => [issue, scores[issue]])) as Record<IssueName, number>;
}

function classCounts(images: readonly ImageRecord[]): { label: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const { label } of images) if (label !== null) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([label, count]) => ({ label, count }));
}

function ref(image: ImageRecord, issue: IssueName): ImageRef {
  return { path: image.path, label: image.label, score: image.scores[issue] };
}

function summarizeIssues(images: readonly ImageRecord[], issues: readonly IssueName[]): IssueSummaryEntry[] {
  return issues
    .map((issue) => {
      const flagged = images.filter((image) => image.issues.includes(issue));
      const worst = flagged
        .sort((a, b) => a.scores[issue] - b.scores[issue])
        .slice(0, WORST_EXAMPLES)
        .map((image) => ref(image, issue));
      return { issue, count: flagged.length, worst };
    })
    .sort((a, b) => b.count - a.count);
}

function correlate(images: readonly ImageRecord[], settings: AuditSettings): CorrelationEntry[] {
  const properties = Object.fromEntries(
    settings.issues.map((issue) => [issue, images.map((image) => image.scores[issue])]),
  );
  const found = labelUncorrelatedness(
    { labels: images.map((image) => image.label ?? ""), properties },
    { threshold: settings.threshold, alpha: settings.alpha, compat: settings.compat },
  );
  return found.map((c) => toEntry(c, images));
}

function toEntry(c: PropertyCorrelation, images: readonly ImageRecord[]): CorrelationEntry {
  const property = c.property as IssueName;
  const at = (index: number | undefined): ImageRef | null => {
    const image = index === undefined ? undefined : images[index];
    return image === undefined ? null : ref(image, property);
  };
  return {
    property,
    score: c.score,
    flagged: c.flagged,
    pValue: c.pValue,
    accuracy: c.accuracy,
    baseline: c.baseline,
    attribution: c.attribution,
    minimum: at(c.minimum?.index),
    maximum: at(c.maximum?.index),
    note: c.note,
  };
}
