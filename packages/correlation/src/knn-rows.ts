import { Buffers, NARROW, WIDE } from "./buffers.js";
import type { Classes } from "./classes.js";
import {
  type CrossValidation,
  emptyCrossValidation,
  type KnnProblem,
  trainingTotals,
} from "./cross-validation.js";
import type { Folds } from "./folds.js";
import { type SortedValues, stretchEnd, stretchStart } from "./sorted-values.js";

/**
 * Up to this many classes the row sweep's vote looks at every class, as the run-table sweep does below
 * the same number; beyond, the run-table sweep's vote costs only the classes its neighbourhood holds.
 */
export const ROW_SWEEP_CLASSES = 16;

/** The row sweep keeps each row's fold and class in one byte. */
export function rowSweepFits(nClasses: number, nFolds: number): boolean {
  return nClasses <= ROW_SWEEP_CLASSES && nClasses * nFolds <= 256;
}

/** Every this many training rows a checkpoint holds the running class counts (a power of two). */
const CHECKPOINT_ROWS = 128;
const CHECKPOINT_SHIFT = 7;
/** Stretches of up to this many rows are counted row by row, longer ones from the checkpoints. */
const DIRECT_COUNT_ROWS = CHECKPOINT_ROWS;

/** One fold's rows in sorted order, split into training and test; buffers are reused across folds. */
class FoldRows {
  trainValue: Float64Array;
  trainClass: Uint8Array;
  testValue: Float64Array;
  testClass: Uint8Array;
  /**
   * Both sides in one array of values and one of classes, the test side from just past the training
   * side on: n rows, plus the slot the branch-free split writes past each side.
   */
  private readonly value: Float64Array;
  private readonly klass: Uint8Array;
  /**
   * checkpoint[j * classes + c]: training rows of class c among the first j * CHECKPOINT_ROWS, taken
   * only when a long stretch must be counted: a column without heavy ties never needs them.
   */
  private readonly checkpoint: Int32Array;
  private checkpointsTaken = false;
  private readonly running: Int32Array;
  trainingSize = 0;
  testSize = 0;
  constructor(
    value: Float64Array,
    klass: Uint8Array,
    readonly classes: number,
  ) {
    this.value = value;
    this.klass = klass;
    // Each split sets the sides' views.
    this.trainValue = this.testValue = value;
    this.trainClass = this.testClass = klass;
    this.checkpoint = new Int32Array(((value.length >> CHECKPOINT_SHIFT) + 1) * classes);
    this.running = new Int32Array(classes);
  }
  /**
   * One branch-free pass: every row is written to both sides and only its own side's length grows, so
   * the 1-in-5 test rows cost no mispredicted branches. sideOfKey[key] is the key's class, plus 256
   * for a test row. (Two arrays and one table rather than four and two: each typed array a loop
   * touches costs V8 its own length and bounds checks, a quarter of this loop's time when measured.)
   * The test side starts right after the training side's trainingSize rows and the slot written past
   * them, so a training row's write past the test side lands at most on the last slot.
   */
  split(values: Float64Array, key: Uint8Array, sideOfKey: Int32Array, trainingSize: number): void {
    const { value, klass } = this;
    const testStart = trainingSize + 1;
    let t = 0;
    let q = testStart;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as number;
      const side = sideOfKey[key[i] as number] as number;
      const c = side & 255;
      const test = side >> 8;
      value[t] = v;
      klass[t] = c;
      value[q] = v;
      klass[q] = c;
      t += 1 - test;
      q += test;
    }
    this.trainingSize = t;
    this.testSize = q - testStart;
    this.trainValue = value.subarray(0, testStart);
    this.trainClass = klass.subarray(0, testStart);
    this.testValue = value.subarray(testStart);
    this.testClass = klass.subarray(testStart);
    this.checkpointsTaken = false;
  }
  private takeCheckpoints(): void {
    const { trainClass, checkpoint, running, classes, trainingSize } = this;
    running.fill(0);
    let at = 0;
    for (let start = 0; start <= trainingSize; start += CHECKPOINT_ROWS) {
      for (let c = 0; c < classes; c++) checkpoint[at++] = running[c] as number;
      const end = Math.min(start + CHECKPOINT_ROWS, trainingSize);
      for (let i = start; i < end; i++) {
        const c = trainClass[i] as number;
        running[c] = (running[c] as number) + 1;
      }
    }
    this.checkpointsTaken = true;
  }
  /** Adds the class counts of training rows [from, to) to into. */
  count(from: number, to: number, into: Float64Array): void {
    if (to - from <= DIRECT_COUNT_ROWS) {
      for (let i = from; i < to; i++) {
        const c = this.trainClass[i] as number;
        into[c] = (into[c] as number) + 1;
      }
      return;
    }
    if (!this.checkpointsTaken) this.takeCheckpoints();
    this.countBefore(to, 1, into);
    this.countBefore(from, -1, into);
  }
  /** Adds sign x the class counts of the first `end` training rows to into. */
  private countBefore(end: number, sign: number, into: Float64Array): void {
    const block = end >> CHECKPOINT_SHIFT;
    for (let c = 0; c < this.classes; c++)
      into[c] = (into[c] as number) + sign * (this.checkpoint[block * this.classes + c] as number);
    for (let i = block << CHECKPOINT_SHIFT; i < end; i++) {
      const c = this.trainClass[i] as number;
      into[c] = (into[c] as number) + sign;
    }
  }
}

/** Class counts of predictFold, reused from query to query. */
interface Tally {
  /** Training rows lo .. lo + kf - 1 of each class, kept up to date as the window slides. */
  window: Float64Array;
  closer: Float64Array;
  tied: Float64Array;
}

/**
 * The vote of a query whose window ends (or the run just past it) hold runs of several rows: the
 * counts are taken over those runs, found by a galloping search, so long ties cost a logarithm and
 * the checkpoints' few rows, not their length. Returns the predicted class.
 */
function tiedVote(
  rows: FoldRows,
  lo: number,
  kf: number,
  x: number,
  tieRank: Float64Array,
  tally: Tally,
): number {
  const { trainValue, trainingSize: t, classes: C } = rows;
  const hi = lo + kf;
  const left = trainValue[lo] as number;
  const right = trainValue[hi - 1] as number;
  const dLeft = Math.abs(left - x);
  const dRight = Math.abs(right - x);
  const d = Math.max(dLeft, dRight);
  // Rows at exactly the k-th distance d: the runs holding the window's two ends and, on a tie, the
  // run just past it (a row dropped on the left was strictly farther: none of its runs is at d).
  const windowStart = stretchStart(trainValue, lo);
  const windowEnd = stretchEnd(trainValue, hi - 1, t);
  const leftAtD = dLeft === d;
  const rightAtD = right !== left && dRight === d;
  const nextAtD = hi < t && trainValue[hi] !== right && (trainValue[hi] as number) - x === d;
  // The window's full runs: the strictly closer ones [closerStart, closerEnd), and those at d.
  const closerStart = leftAtD ? (right === left ? windowEnd : stretchEnd(trainValue, lo, t)) : windowStart;
  const closerEnd = rightAtD ? stretchStart(trainValue, hi - 1) : windowEnd;
  const nextEnd = nextAtD ? stretchEnd(trainValue, hi, t) : hi;
  const { closer, tied } = tally;
  closer.fill(0);
  tied.fill(0);
  rows.count(closerStart, closerEnd, closer);
  rows.count(windowStart, closerStart, tied);
  rows.count(closerEnd, windowEnd, tied);
  rows.count(hi, nextEnd, tied);
  const closerRows = closerEnd - closerStart;
  const tiedRows = windowEnd - windowStart - closerRows + (nextEnd - hi);
  // Closer rows vote tiedRows each and tied rows the seats left each: equal shares, kept integer.
  const seatsLeft = kf - closerRows;
  let best = 0;
  let bestVote = -1;
  for (let c = 0; c < C; c++) {
    const vote =
      (tiedRows * (closer[c] as number) + seatsLeft * (tied[c] as number)) * C + (tieRank[c] as number);
    if (vote > bestVote) {
      best = c;
      bestVote = vote;
    }
  }
  return best;
}

/**
 * Predicts the test rows of one fold (see knnByRows) and adds them to the fold's counts. tieRank orders
 * the classes by the vote's tie rules (larger wins), so the winner is the largest vote * classes + tieRank.
 */
function predictFold(
  rows: FoldRows,
  kf: number,
  tieRank: Float64Array,
  tally: Tally,
  cv: CrossValidation,
  f: number,
): void {
  const { trainValue, trainClass, testValue, testClass, trainingSize: t, testSize, classes: C } = rows;
  const window = tally.window;
  window.fill(0);
  rows.count(0, kf, window);
  const labels = cv.labelCounts[f] as Float64Array;
  const predictions = cv.predictionCounts[f] as Float64Array;
  let correct = 0;
  let lo = 0;
  let previous = Number.NaN;
  let predicted = 0;
  for (let j = 0; j < testSize; j++) {
    const x = testValue[j] as number;
    if (x !== previous) {
      previous = x;
      // Slide right while the window's leftmost row is farther than the row just past its right end.
      while (lo + kf < t && x - (trainValue[lo] as number) > (trainValue[lo + kf] as number) - x) {
        const out = trainClass[lo] as number;
        const inn = trainClass[lo + kf] as number;
        window[out] = (window[out] as number) - 1;
        window[inn] = (window[inn] as number) + 1;
        lo++;
      }
      const hi = lo + kf;
      const left = trainValue[lo] as number;
      const right = trainValue[hi - 1] as number;
      // Nearly always each end of the window is a run of one row and the run past it is farther: the
      // rows at the k-th distance are then one or both ends, and every share is equal, so the vote is
      // the window's counts. Anything else takes the general vote.
      const single =
        (lo === 0 || trainValue[lo - 1] !== left) &&
        (hi === t || trainValue[hi] !== right) &&
        (kf === 1 || (trainValue[lo + 1] !== left && trainValue[hi - 2] !== right)) &&
        (hi === t || (trainValue[hi] as number) - x !== Math.max(Math.abs(left - x), Math.abs(right - x)));
      if (single) {
        let best = 0;
        let bestVote = -1;
        for (let c = 0; c < C; c++) {
          const vote = (window[c] as number) * C + (tieRank[c] as number);
          if (vote > bestVote) {
            best = c;
            bestVote = vote;
          }
        }
        predicted = best;
      } else predicted = tiedVote(rows, lo, kf, x, tieRank, tally);
    }
    const c = testClass[j] as number;
    labels[c] = (labels[c] as number) + 1;
    predictions[predicted] = (predictions[predicted] as number) + 1;
    if (c === predicted) correct++;
  }
  cv.correct[f] = correct;
  cv.size[f] = testSize;
}

/** Ranks of the classes by the tie rules, larger first: more training rows, then earlier appearance. */
function tieRanks(trainTotal: Float64Array, preference: Int32Array, into: Float64Array): void {
  for (let c = 0; c < trainTotal.length; c++) {
    let rank = 0;
    for (let e = 0; e < trainTotal.length; e++) {
      const dt = (trainTotal[c] as number) - (trainTotal[e] as number);
      if (dt > 0 || (dt === 0 && (preference[c] as number) < (preference[e] as number))) rank++;
    }
    into[c] = rank;
  }
}

/**
 * Fold and class of each row as one byte (fold * classes + class), in sorted order, and their totals.
 * `packed` is scratch of n bytes.
 */
function sortedKeys(
  sorted: SortedValues,
  classOf: Classes,
  fold: Folds,
  nClasses: number,
  nFolds: number,
  key: Uint8Array,
  packed: Uint8Array,
) {
  const { order } = sorted;
  const n = order.length;
  // Packed before the gather: the gather is a random access per row, and a byte array of a million
  // rows stays in cache where two Int32Arrays would not.
  for (let row = 0; row < n; row++) packed[row] = (fold[row] as number) * nClasses + (classOf[row] as number);
  const foldClassTotal = new Float64Array(nFolds * nClasses);
  for (let i = 0; i < n; i++) {
    const kk = packed[order[i] as number] as number;
    key[i] = kk;
    foldClassTotal[kk] = (foldClassTotal[kk] as number) + 1;
  }
  return foldClassTotal;
}

/**
 * The same cross-validation as the run-table sweep (same window, same votes, same tie rules), computed
 * on rows for up to ROW_SWEEP_CLASSES classes. Each fold copies its training rows, in sorted order, into
 * one array of values and classes and its test rows into another; test rows of equal value form one
 * query. A query's k nearest are the training rows lo .. lo + kf - 1, lo only moving forward, and the
 * window's class counts follow it row by row. When each end of the window is a run of one row and the
 * row past it is farther (nearly always on a continuous score), those counts are the vote; otherwise
 * the runs at the k-th distance are found by a galloping search and counted from checkpoints.
 */
export function knnByRows(problem: KnnProblem, buffers = new Buffers()): CrossValidation {
  const { sorted, classOf, fold, nClasses, nFolds, k, preference } = problem;
  const n = sorted.order.length;
  const cv = emptyCrossValidation(nFolds, nClasses);
  // The keys, then beside them first the packed rows and then each fold's classes.
  const bytes = buffers.uint8(NARROW, 2 * n + 2);
  const key = bytes.subarray(0, n);
  const foldClassTotal = sortedKeys(sorted, classOf, fold, nClasses, nFolds, key, bytes.subarray(n, 2 * n));
  const keys = nFolds * nClasses;
  const sideOfKey = new Int32Array(keys);
  const rows = new FoldRows(buffers.float64(WIDE, n + 2), bytes.subarray(n), nClasses);
  const trainTotal = new Float64Array(nClasses);
  const tieRank = new Float64Array(nClasses);
  const tally: Tally = {
    window: new Float64Array(nClasses),
    closer: new Float64Array(nClasses),
    tied: new Float64Array(nClasses),
  };
  for (let f = 0; f < nFolds; f++) {
    const trainingSize = trainingTotals(foldClassTotal, nClasses, nFolds, f, trainTotal);
    if (trainingSize === 0 || trainingSize === n) continue; // nothing to train on, or nothing to test
    for (let kk = 0; kk < keys; kk++)
      sideOfKey[kk] = (kk % nClasses) + (Math.floor(kk / nClasses) === f ? 256 : 0);
    rows.split(sorted.sorted, key, sideOfKey, trainingSize);
    tieRanks(trainTotal, preference, tieRank);
    predictFold(rows, Math.min(k, trainingSize), tieRank, tally, cv, f);
  }
  return cv;
}
