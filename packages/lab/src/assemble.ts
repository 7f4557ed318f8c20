import { labelUncorrelatedness, type PropertyCorrelation } from "@sc/correlation";
import { DEFAULT_ISSUE_THRESHOLDS, datasetScorer } from "@sc/properties";
import type {
  AuditResult,
  AuditSettings,
  CorrelationEntry,
  FileError,
  ImageRef,
  IssueName,
  IssueSummaryEntry,
} from "@sc/report";
import {
  CORRELATION_IMAGE_LIMIT,
  countLabels,
  extremeRows,
  type LabelCounts,
  sampleRows,
} from "./correlation-sample.js";
import { ImageColumns } from "./image-columns.js";
import { lazyArray } from "./lazy-array.js";
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
  /**
   * Images past which the correlation tests run on a stratified sample of this many (default
   * {@link CORRELATION_IMAGE_LIMIT}): their memory grows with the images tested.
   */
  correlationImageLimit?: number;
}

const WORST_EXAMPLES = 5;

/**
 * Turns per-image raw numbers into the full result: scores, flags, summaries and correlations. The
 * result's `images` is a read-only array whose records are built from compact columns when read (see
 * {@link lazyArray}): holding a million of them as objects would take about 440 MB.
 */
export function assembleResult(input: AssembleInput): AuditResult {
  const { measured } = input;
  const table = measured instanceof MeasuredTable ? measured : MeasuredTable.from(measured);
  const scorer = datasetScorer(
    lazyArray(table.length, (row) => table.raw(row)),
    { thresholds: overrides(input.settings.issueThresholds), issues: input.settings.issues },
  );
  // The result reports the thresholds actually applied (odd_size's default depends on the data).
  const settings = { ...input.settings, issueThresholds: scorer.thresholds };
  const columns = ImageColumns.score(table, scorer, settings.issues);
  const counts = countLabels(columns);
  const labeled = input.labeled ?? (columns.length > 0 && counts.unlabeled === 0);
  const limit = input.correlationImageLimit ?? CORRELATION_IMAGE_LIMIT;
  return {
    tool: input.tool,
    dataset: { ...input.dataset, images: columns.length, labeled, classes: classCounts(counts) },
    settings,
    images: lazyArray(columns.length, (row) => columns.record(row)),
    issueSummary: summarizeIssues(columns, settings.issues),
    correlations: labeled ? correlate(columns, counts, settings, limit) : [],
    errors: [...input.errors],
  };
}

/** Thresholds the caller changed; the others keep datasetScorer's data-dependent defaults. */
function overrides(thresholds: Record<IssueName, number>): Partial<Record<IssueName, number>> {
  return Object.fromEntries(
    Object.entries(thresholds).filter(
      ([issue, value]) => value !== DEFAULT_ISSUE_THRESHOLDS[issue as IssueName],
    ),
  );
}

function classCounts({ names, perCode }: LabelCounts): { label: string; count: number }[] {
  return names
    .map((label, code): [string, number] => [label, perCode[code] as number])
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([label, count]) => ({ label, count }));
}

function summarizeIssues(columns: ImageColumns, issues: readonly IssueName[]): IssueSummaryEntry[] {
  return issues.map((issue) => summarizeIssue(columns, issue)).sort((a, b) => b.count - a.count);
}

/**
 * One pass in row order, keeping the few worst so far: sorting every flagged row by score would jump
 * between rows that may be in the spill file.
 */
function summarizeIssue(columns: ImageColumns, issue: IssueName): IssueSummaryEntry {
  let count = 0;
  // By score, then row: a later row with an equal score never displaces an earlier one.
  const worst: { row: number; score: number }[] = [];
  for (let row = 0; row < columns.length; row++) {
    if (!columns.hasIssue(row, issue)) continue;
    count++;
    const score = columns.score(row, issue);
    if (worst.length === WORST_EXAMPLES && score >= (worst[WORST_EXAMPLES - 1] as { score: number }).score)
      continue;
    let at = worst.length;
    while (at > 0 && (worst[at - 1] as { score: number }).score > score) at--;
    worst.splice(at, 0, { row, score });
    worst.length = Math.min(worst.length, WORST_EXAMPLES);
  }
  return { issue, count, worst: worst.map(({ row }) => columns.ref(row, issue)) };
}

function correlate(
  columns: ImageColumns,
  counts: LabelCounts,
  settings: AuditSettings,
  limit: number,
): CorrelationEntry[] {
  const sample = sampleRows(columns, counts, limit) ?? undefined;
  // Getters: the tests read each property once, when its turn comes, and keep nothing of its column
  // afterwards, so every property's scores go into the same array.
  let column: Float64Array | undefined;
  const read = (issue: IssueName) => {
    column = columns.column(issue, sample, column);
    return column;
  };
  const properties = Object.defineProperties(
    {},
    Object.fromEntries(settings.issues.map((issue) => [issue, { enumerable: true, get: () => read(issue) }])),
  );
  const found = labelUncorrelatedness(
    // Images without a label (a caller may say the data is labeled anyway) are left out of the tests.
    { labels: columns.labelCodes(sample), properties },
    { threshold: settings.threshold, alpha: settings.alpha, compat: settings.compat },
  );
  return found.map((c) =>
    sample === undefined ? toEntry(c, columns) : sampledEntry(c, columns, counts, sample.length),
  );
}

function toEntry(c: PropertyCorrelation, columns: ImageColumns): CorrelationEntry {
  const property = c.property as IssueName;
  const at = (row: number | undefined): ImageRef | null =>
    row === undefined || row >= columns.length ? null : columns.ref(row, property);
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

/**
 * The entry of a test run on `tested` sampled rows: its extremes and class sizes are those of every
 * image, and its note says what was sampled.
 */
function sampledEntry(
  c: PropertyCorrelation,
  columns: ImageColumns,
  counts: LabelCounts,
  tested: number,
): CorrelationEntry {
  const property = c.property as IssueName;
  const extremes = extremeRows(columns, property);
  const sampled = `tested on a stratified sample of ${tested} of the ${columns.length} images, which bounds the memory the tests take; the minimum and maximum are over all images`;
  return {
    ...toEntry(c, columns),
    attribution: c.attribution && {
      ...c.attribution,
      classes: c.attribution.classes.map((entry) => ({ ...entry, count: counts.of(entry.label) })),
    },
    minimum: extremes && columns.ref(extremes.minimum, property),
    maximum: extremes && columns.ref(extremes.maximum, property),
    note: c.note === null ? sampled : `${sampled}; ${c.note}`,
  };
}
