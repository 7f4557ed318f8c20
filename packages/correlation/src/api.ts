import { CLEANVISION_WORDING, type ClassAttribution, classMedians, describe } from "./attribution.js";
import { oneVsRestAuc } from "./auc.js";
import { Buffers } from "./buffers.js";
import {
  appearanceRank,
  type Classes,
  countClasses,
  encodeLabelCodes,
  encodeLabels,
  isLabelCodes,
  type LabelCodes,
} from "./classes.js";
import { type AccuracyKind, accuracyOf } from "./cross-validation.js";
import { FOLDS, type Folds, stratifiedFolds } from "./folds.js";
import { gaussianNbCrossValidate } from "./gaussian-nb.js";
import { chooseK, knnCrossValidate } from "./knn.js";
import { type CorrelationOptions, type ResolvedOptions, resolveOptions } from "./options.js";
import { asymptoticPValue, permutationPValue } from "./significance.js";
import { type SortedValues, sortValues, stretchStart } from "./sorted-values.js";

export interface CorrelationInput {
  /** One label per image; compared as String(label). null/undefined rows are left out. */
  labels: ArrayLike<string | number> | LabelCodes;
  /**
   * Score columns, one value per image; null, undefined, NaN and infinities are missing values. Each
   * column is read once, when its property is tested, in key order: a getter can build a column then,
   * so that only one is held at a time.
   */
  properties: Readonly<Record<string, ArrayLike<number | null | undefined>>>;
}

export interface PropertyCorrelation {
  property: string;
  /** min(1, (1 - accuracy) / (1 - baseline)); low = the property predicts the label. */
  score: number;
  /** score < threshold and pValue < alpha. */
  flagged: boolean;
  /** Chance of an accuracy at least this high if the property were unrelated to the label. */
  pValue: number;
  pValueMethod: "permutation" | "asymptotic" | "none";
  /** Cross-validated accuracy of the classifier on this property alone. */
  accuracy: number;
  baseline: number;
  /** Images used (with a label and a value). */
  n: number;
  /** Neighbours used by the kNN classifier (null in cleanlab mode or when nothing was classified). */
  k: number | null;
  /** Which classes drive a flagged property, and how; null when not flagged. */
  attribution: { sentence: string; classes: ClassAttribution[] } | null;
  /** Row (index into the input) with the lowest / highest value; the smallest index among equal values. */
  minimum: { index: number; score: number } | null;
  maximum: { index: number; score: number } | null;
  /** Why the result is what it is for degenerate input (missing values, one class, constant...). */
  note: string | null;
}

function isColumn(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/** The rows of one property that have both a label and a finite value. */
interface Column {
  /** Input row of each used row; null when every row is used (row i is input row i). */
  rows: Int32Array | null;
  values: Float64Array;
  classOf: Classes;
}

function usable(value: unknown, c: number): value is number {
  return c >= 0 && typeof value === "number" && Number.isFinite(value);
}

function usableColumn(values: ArrayLike<unknown>, classOf: Classes, buffers: Buffers): Column {
  let n = 0;
  for (let row = 0; row < classOf.length; row++) if (usable(values[row], classOf[row] as number)) n++;
  // Nothing missing (the common case): the labels' classes are shared by every property, which lets
  // them share the folds too, and a Float64Array column is used as it is (only ever read).
  if (n === classOf.length) {
    if (values instanceof Float64Array) return { rows: null, values, classOf };
    const copy = buffers.float64("column.values", n);
    copy.set(values as ArrayLike<number>);
    return { rows: null, values: copy, classOf };
  }
  const rows = buffers.int32("column.rows", n);
  const columnValues = buffers.float64("column.values", n);
  const columnClasses = buffers.like("column.classes", classOf, n);
  let i = 0;
  for (let row = 0; row < classOf.length; row++) {
    const v = values[row];
    const c = classOf[row] as number;
    if (!usable(v, c)) continue;
    rows[i] = row;
    columnValues[i] = v;
    columnClasses[i++] = c;
  }
  return { rows, values: columnValues, classOf: columnClasses };
}

/**
 * `compute` for any labels, done once for the input's own labels. Identity, not content: the
 * permutation test reuses one buffer of shuffled labels.
 */
function onceForOwnLabels<T>(labels: Classes, compute: (classOf: Classes) => T): (classOf: Classes) => T {
  let own: T | undefined;
  return (classOf) => {
    if (classOf !== labels) return compute(classOf);
    own ??= compute(labels);
    return own;
  };
}

/** Rows of each class of some labels. */
type CountsOf = (classOf: Classes) => Int32Array;

/** Folds and class preference of some labels. */
type FoldsOf = (classOf: Classes) => { fold: Folds; preference: Int32Array };

/** Majority share, or cleanlab 2.7's argmax(bincount(y)) / n: the majority's class index over n. */
function baselineOf(counts: Int32Array, n: number, compat: ResolvedOptions["compat"]): number {
  let majority = 0;
  counts.forEach((count, c) => {
    if (count > (counts[majority] as number)) majority = c;
  });
  if (n === 0) return 0;
  return compat === "cleanlab" ? majority / n : (counts[majority] as number) / n;
}

/** Why this column cannot be scored, or null when it can. */
/**
 * Gaussian naive Bayes costs images x classes per cross-validation; past this many steps (a label per
 * image, say) it would run for hours, so such input gets an answer instead of a hang.
 */
const GAUSSIAN_WORK_LIMIT = 2e9;

function degenerateReason(
  column: Column,
  counts: Int32Array,
  sorted: SortedValues,
  names: readonly string[],
  compat: ResolvedOptions["compat"],
): string | null {
  const n = column.values.length;
  if (n === 0) return "no image has both a label and a value";
  const present = [...counts.keys()].filter((c) => (counts[c] as number) > 0);
  if (present.length === 1)
    return `only one class ("${names[present[0] as number]}") among the ${n} images: nothing to predict`;
  if (sorted.sorted[0] === sorted.sorted[n - 1])
    return `constant property (every image has ${sorted.sorted[0]}): it carries no information about the label`;
  if (counts.every((count) => count < FOLDS))
    return `too few images (${n}) for ${FOLDS}-fold cross-validation: every class has fewer than ${FOLDS}`;
  if (compat === "cleanlab" && n * present.length > GAUSSIAN_WORK_LIMIT)
    return `too many classes (${present.length}) for Gaussian naive Bayes on ${n} images`;
  return null;
}

function cautions(column: Column, totalRows: number, counts: Int32Array, names: readonly string[]): string[] {
  const notes: string[] = [];
  const missing = totalRows - column.values.length;
  if (missing > 0)
    notes.push(
      `${missing} of ${totalRows} images have no value or label (e.g. failed to decode) and were left out`,
    );
  counts.forEach((count, c) => {
    if (count > 0 && count < FOLDS) {
      notes.push(
        `class "${names[c]}" has only ${count} images, fewer than the ${FOLDS} folds: it is missing from some test folds`,
      );
    }
  });
  return notes;
}

function extremes(sorted: SortedValues, column: Column) {
  const n = sorted.order.length;
  if (n === 0) return { minimum: null, maximum: null };
  const at = (position: number) => {
    const i = sorted.order[position] as number;
    return {
      index: column.rows === null ? i : (column.rows[i] as number),
      score: column.values[i] as number,
    };
  };
  // Equal values keep input order, so the first of the largest values has the smallest row index.
  return { minimum: at(0), maximum: at(stretchStart(sorted.sorted, n - 1)) };
}

function scoreOf(accuracy: number, baseline: number): number {
  const room = 1 - baseline === 0 ? 1e-8 : 1 - baseline;
  return Math.min(1, (1 - accuracy) / room);
}

/** The cross-validation of the chosen mode, as a function of the labels so the permutation test can rerun it. */
function classifier(
  column: Column,
  sorted: SortedValues,
  counts: Int32Array,
  foldsOf: FoldsOf,
  options: ResolvedOptions,
  buffers: Buffers,
) {
  const nClasses = counts.length;
  if (options.compat === "cleanlab") {
    const crossValidate = (classOf: Classes) =>
      gaussianNbCrossValidate(column.values, classOf, foldsOf(classOf).fold, nClasses, FOLDS);
    return { k: null, crossValidate };
  }
  const trainShare = (FOLDS - 1) / FOLDS;
  const classTrainSizes = [...counts].map((count) => Math.floor(count * trainShare));
  const k = options.k ?? chooseK(Math.floor(column.values.length * trainShare), classTrainSizes, FOLDS);
  const crossValidate = (classOf: Classes) => {
    const { fold, preference } = foldsOf(classOf);
    return knnCrossValidate({ sorted, classOf, fold, nClasses, nFolds: FOLDS, k, preference }, buffers);
  };
  return { k, crossValidate };
}

function analyseProperty(
  property: string,
  values: ArrayLike<unknown>,
  labels: { names: readonly string[]; classOf: Classes },
  shared: { foldsOf: FoldsOf; countsOf: CountsOf; buffers: Buffers },
  options: ResolvedOptions,
): PropertyCorrelation {
  const { foldsOf, countsOf, buffers } = shared;
  const column = usableColumn(values, labels.classOf, buffers);
  const n = column.values.length;
  const counts = countsOf(column.classOf);
  const sorted = sortValues(column.values, buffers);
  const baseline = baselineOf(counts, n, options.compat);
  const notes = cautions(column, labels.classOf.length, counts, labels.names);
  const reason = degenerateReason(column, counts, sorted, labels.names, options.compat);
  const base = { property, baseline, n, ...extremes(sorted, column) };
  if (reason !== null) {
    const note = [reason, ...notes].join("; ");
    return {
      ...base,
      score: 1,
      flagged: false,
      pValue: 1,
      pValueMethod: "none",
      accuracy: baseline,
      k: null,
      attribution: null,
      note,
    };
  }

  const kind: AccuracyKind = options.compat === "cleanlab" ? "mean-of-folds" : "pooled";
  const { k, crossValidate } = classifier(column, sorted, counts, foldsOf, options, buffers);
  const cv = crossValidate(column.classOf);
  const accuracy = accuracyOf(cv, kind);
  const score = scoreOf(accuracy, baseline);
  // Gaussian naive Bayes with many classes is too slow to repeat a thousand times.
  const runCost = options.compat === "cleanlab" ? n * labels.names.length : n;
  const permute =
    n <= options.permutationLimit &&
    options.permutations > 0 &&
    runCost * options.permutations <= GAUSSIAN_WORK_LIMIT;
  const pValue = permute
    ? permutationPValue(column.classOf, accuracy, (shuffled) => accuracyOf(crossValidate(shuffled), kind), {
        permutations: options.permutations,
        seed: options.seed,
        exceedances: 10,
      })
    : asymptoticPValue(cv);
  const flagged = score < options.threshold && pValue < options.alpha;
  return {
    ...base,
    score,
    flagged,
    pValue,
    pValueMethod: permute ? "permutation" : "asymptotic",
    accuracy,
    k,
    attribution: flagged ? attribute(property, sorted, column, counts, labels.names, options) : null,
    note: notes.length > 0 ? notes.join("; ") : null,
  };
}

function attribute(
  property: string,
  sorted: SortedValues,
  column: Column,
  counts: Int32Array,
  names: readonly string[],
  options: ResolvedOptions,
): { sentence: string; classes: ClassAttribution[] } {
  const medians = classMedians(sorted, column.classOf, counts);
  const aucs = oneVsRestAuc(sorted, column.classOf, counts);
  const classes = names
    .map((label, c) => ({
      label,
      count: counts[c] as number,
      median: medians[c] as number,
      auc: aucs[c] as number,
    }))
    .filter((entry) => entry.count > 0);
  const wording = options.wording?.[property] ?? CLEANVISION_WORDING[property];
  return { sentence: describe(classes, wording) ?? "", classes };
}

/**
 * Label uncorrelatedness of each property: how well the property alone predicts the label, as a score
 * in 0..1 (low = predicts it = potential spurious correlation), with significance and attribution.
 * Results come in the input's property order.
 */
export function labelUncorrelatedness(
  input: CorrelationInput,
  options?: CorrelationOptions,
): PropertyCorrelation[] {
  const resolved = resolveOptions(options);
  if (!input || !(isColumn(input.labels) || isLabelCodes(input.labels)))
    throw new TypeError("@sc/correlation: input.labels must be an array or { names, codes }");
  if (!input.properties || typeof input.properties !== "object") {
    throw new TypeError("@sc/correlation: input.properties must be an object of score columns");
  }
  const labels = isLabelCodes(input.labels) ? encodeLabelCodes(input.labels) : encodeLabels(input.labels);
  const nClasses = labels.names.length;
  const shared = {
    foldsOf: onceForOwnLabels(labels.classOf, (classOf) => ({
      fold: stratifiedFolds(classOf, nClasses, FOLDS, new Uint8Array(classOf.length)),
      preference: appearanceRank(classOf, nClasses),
    })) satisfies FoldsOf,
    countsOf: onceForOwnLabels(labels.classOf, (classOf) =>
      countClasses(classOf, nClasses),
    ) satisfies CountsOf,
    // Scratch reused from one property to the next: nothing in a result points into it.
    buffers: new Buffers(),
  };
  // Each column is read only when its turn comes, so a getter can build it then and let it go after.
  return Object.keys(input.properties).map((property) => {
    const values = input.properties[property];
    if (!isColumn(values) || values.length !== labels.classOf.length) {
      const got = isColumn(values) ? `${values.length} values` : typeof values;
      throw new RangeError(
        `@sc/correlation: property "${property}" has ${got} for ${labels.classOf.length} labels`,
      );
    }
    return analyseProperty(property, values, labels, shared, resolved);
  });
}
