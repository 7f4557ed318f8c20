import type { Buffers } from "./buffers.js";
import type { Classes } from "./classes.js";
import type { Folds } from "./folds.js";
import type { Runs } from "./sorted-values.js";

/**
 * The runs of equal value with the class and fold of their rows, shared by all folds. Most runs of a
 * continuous score hold one row, so such a run is described by two numbers (its row's fold and class)
 * with no lookup; a run of several rows points into entries, one per (class, fold) present with its row
 * count, so a run of a million tied rows costs at most classes x folds entries.
 */
export interface RunTable {
  readonly nFolds: number;
  /** The fold of a one-row run, or -1 - m for the m-th run of several rows. */
  readonly runFold: Int32Array;
  /** The class of a one-row run (unused for the others). */
  readonly runClass: Int32Array;
  /** Entries of multi-row run m: entryStart[m] .. entryStart[m + 1]. */
  readonly entryStart: Int32Array;
  readonly entryClass: Int32Array;
  readonly entryFold: Int32Array;
  readonly entryCount: Int32Array;
  /** multiTraining[m * nFolds + f]: rows of multi-row run m outside fold f. */
  readonly multiTraining: Int32Array;
  /** foldClassTotal[f * nClasses + c]: rows of class c in fold f. */
  readonly foldClassTotal: Float64Array;
}

/**
 * Slots of the run-table sweep, a row or run each. Long enough only when there are many classes, so
 * they are not shared with the row sweep's; the packed rows of the table's building and then the
 * training runs' counts share the last one.
 */
const RUN_FOLD = "runTable.fold";
const RUN_CLASS = "runTable.class";
export const RUN_SCRATCH = "runTable.scratch";

/** Rows of run r that are outside fold f (training rows when f is the test fold). */
export function trainingRows(table: RunTable, r: number, f: number): number {
  const key = table.runFold[r] as number;
  if (key >= 0) return key === f ? 0 : 1;
  return table.multiTraining[(-1 - key) * table.nFolds + f] as number;
}

export function buildRunTable(
  { start: runStart }: Runs,
  order: Int32Array,
  classOf: Classes,
  fold: Folds,
  nClasses: number,
  nFolds: number,
  buffers: Buffers,
): RunTable {
  const runs = runStart.length - 1;
  let multiRuns = 0;
  let multiRows = 0;
  for (let r = 0; r < runs; r++) {
    const rows = (runStart[r + 1] as number) - (runStart[r] as number);
    if (rows > 1) {
      multiRuns++;
      multiRows += rows;
    }
  }
  const nEntries = Math.min(multiRows, multiRuns * nClasses * nFolds);
  const runFold = buffers.int32(RUN_FOLD, runs);
  const runClass = buffers.int32(RUN_CLASS, runs);
  const entryStart = new Int32Array(multiRuns + 1);
  const entryClass = new Int32Array(nEntries);
  const entryFold = new Int32Array(nEntries);
  const entryCount = new Int32Array(nEntries);
  const multiTraining = new Int32Array(multiRuns * nFolds);
  const foldClassTotal = new Float64Array(nFolds * nClasses);
  const count = new Int32Array(nClasses * nFolds);
  const touched = new Int32Array(nClasses * nFolds);
  // Fold and class packed into one number per row, a byte when they fit: the gather through the sort
  // order below is one random access per row, and a byte array of a million rows stays in cache.
  const packed =
    nClasses * nFolds <= 256
      ? buffers.uint8(RUN_SCRATCH, classOf.length)
      : buffers.int32(RUN_SCRATCH, classOf.length);
  for (let row = 0; row < classOf.length; row++)
    packed[row] = (fold[row] as number) * nClasses + (classOf[row] as number);
  let m = 0;
  let entries = 0;
  for (let r = 0; r < runs; r++) {
    const start = runStart[r] as number;
    const end = runStart[r + 1] as number;
    if (end - start === 1) {
      const key = packed[order[start] as number] as number;
      const c = key % nClasses;
      runFold[r] = (key - c) / nClasses;
      runClass[r] = c;
      foldClassTotal[key] = (foldClassTotal[key] as number) + 1;
      continue;
    }
    let nTouched = 0;
    for (let i = start; i < end; i++) {
      const key = packed[order[i] as number] as number;
      if (count[key] === 0) touched[nTouched++] = key;
      count[key] = (count[key] as number) + 1;
    }
    for (let f = 0; f < nFolds; f++) multiTraining[m * nFolds + f] = end - start;
    for (let t = 0; t < nTouched; t++) {
      const key = touched[t] as number;
      const c = key % nClasses;
      const f = (key - c) / nClasses;
      const rows = count[key] as number;
      entryClass[entries] = c;
      entryFold[entries] = f;
      entryCount[entries++] = rows;
      multiTraining[m * nFolds + f] = (multiTraining[m * nFolds + f] as number) - rows;
      foldClassTotal[key] = (foldClassTotal[key] as number) + rows;
      count[key] = 0;
    }
    runFold[r] = -1 - m;
    entryStart[++m] = entries;
  }
  return {
    nFolds,
    runFold,
    runClass,
    entryStart,
    entryClass,
    entryFold,
    entryCount,
    multiTraining,
    foldClassTotal,
  };
}
