import { FOLDS } from "@sc/correlation";
import type { IssueName } from "@sc/report";
import type { ImageColumns } from "./image-columns.js";

/**
 * Images the correlation tests take at most; past it they run on a sample. The tests hold about 38
 * bytes per tested image (the score column, the label codes and their scratch), 80 MB here, so a scan's
 * peak stops growing with the dataset; the accuracy of two million sampled images is within about
 * 0.001 of the full set's (its standard error is at most 0.00035).
 */
export const CORRELATION_IMAGE_LIMIT = 2 ** 21;

/** What sampling reads of the scored rows. */
type LabeledRows = Pick<ImageColumns, "length" | "labelNames" | "labelCode">;

/** Images of each label in the whole table: `perCode[code]`, and those without a label. */
export interface LabelCounts {
  names: readonly string[];
  perCode: Float64Array;
  unlabeled: number;
  /** Images of the label named `label` (a lookup, not a search of `names` per call). */
  of(label: string): number;
}

export function countLabels(columns: LabeledRows): LabelCounts {
  const names = columns.labelNames;
  const perCode = new Float64Array(names.length);
  let unlabeled = 0;
  for (let row = 0; row < columns.length; row++) {
    const code = columns.labelCode(row);
    if (code === -1) unlabeled++;
    else perCode[code] = (perCode[code] as number) + 1;
  }
  const codes = new Map(names.map((name, code) => [name, code]));
  return { names, perCode, unlabeled, of: (label) => perCode[codes.get(label) ?? -1] ?? 0 };
}

/**
 * The rows the tests take when there are more than `limit`, in row order, else null. Each label (and
 * "no label") keeps its share of `limit`, but at least one per fold or all it has, so no class drops
 * out; a label's sampled rows are spread evenly over its rows, which come sorted by path.
 */
export function sampleRows(columns: LabeledRows, counts: LabelCounts, limit: number): Int32Array | null {
  if (columns.length <= limit) return null;
  const share = limit / columns.length;
  const quota = (count: number) => Math.min(count, Math.max(FOLDS, Math.floor(count * share)));
  // Index code + 1, so that "no label" (-1) has a slot too. Not `Float64Array.of(...)` with the
  // counts spread: a dataset's labels may outnumber the arguments a call can take.
  const total = new Float64Array(counts.perCode.length + 1);
  total[0] = counts.unlabeled;
  total.set(counts.perCode, 1);
  const wanted = total.map(quota);
  const seen = new Float64Array(total.length);
  const rows = new Int32Array(wanted.reduce((sum, m) => sum + m, 0));
  let taken = 0;
  for (let row = 0; row < columns.length; row++) {
    const slot = columns.labelCode(row) + 1;
    const j = seen[slot] as number;
    seen[slot] = j + 1;
    // The j-th row of a label with n rows and quota m is taken when floor(j m / n) steps up at j + 1:
    // exactly m rows, evenly spaced. j m stays below 2^53 for any table that fits an Int32Array.
    const n = total[slot] as number;
    const m = wanted[slot] as number;
    if (Math.floor(((j + 1) * m) / n) > Math.floor((j * m) / n)) rows[taken++] = row;
  }
  return rows;
}

/**
 * The rows with the smallest and the largest score among the labeled images with a score, the first
 * such row on ties: the images the tests name, looked for in every row rather than in the sample.
 */
export function extremeRows(
  columns: ImageColumns,
  issue: IssueName,
): { minimum: number; maximum: number } | null {
  let minimum = -1;
  let maximum = -1;
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let row = 0; row < columns.length; row++) {
    const score = columns.score(row, issue);
    if (columns.labelCode(row) === -1 || !Number.isFinite(score)) continue;
    if (minimum === -1 || score < low) [minimum, low] = [row, score];
    if (maximum === -1 || score > high) [maximum, high] = [row, score];
  }
  return minimum === -1 ? null : { minimum, maximum };
}
