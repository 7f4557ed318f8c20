import { type CrossValidation, emptyCrossValidation } from "./cross-validation.js";
import type { SortedValues } from "./sorted-values.js";

/**
 * k = round(sqrt(n_train)), at most half the smallest class (of those with at least `minClassSize`
 * training rows), at least 1. sqrt(n) is the classic rule that keeps k growing (so the vote averages
 * out noise and the classifier approaches the best possible accuracy on the property) while k/n
 * shrinks (so the neighbourhood stays local): 6 neighbours for 50 images, 2,828 for 10 million.
 * The cap keeps a small class that the property separates perfectly able to win the vote among its
 * own members; classes too small to fill a fold are ignored for the cap so that one stray image does not
 * force k = 1 on a large dataset.
 */
export function chooseK(trainSize: number, classTrainSizes: readonly number[], minClassSize: number): number {
  let smallest = Number.POSITIVE_INFINITY;
  for (const size of classTrainSizes) if (size >= minClassSize && size < smallest) smallest = size;
  const cap = Number.isFinite(smallest) ? Math.max(1, Math.floor(smallest / 2)) : trainSize;
  return Math.max(1, Math.min(Math.round(Math.sqrt(trainSize)), cap));
}

/**
 * The runs of equal value with the class and fold of their rows, shared by all folds: run r holds
 * entries entryStart[r] .. entryStart[r + 1], one per (class, fold) present with its row count, so a
 * run of a million tied rows costs at most classes x folds entries.
 */
interface RunEntries {
  entryStart: Int32Array;
  entryClass: Int32Array;
  entryFold: Int32Array;
  entryCount: Int32Array;
}

function runEntries(
  sorted: SortedValues,
  classOf: Int32Array,
  fold: Int32Array,
  nClasses: number,
  nFolds: number,
): RunEntries {
  const { order, runStart } = sorted;
  const runs = runStart.length - 1;
  const n = order.length;
  const entryStart = new Int32Array(runs + 1);
  const entryClass = new Int32Array(n);
  const entryFold = new Int32Array(n);
  const entryCount = new Int32Array(n);
  const count = new Int32Array(nClasses * nFolds);
  const touched = new Int32Array(Math.min(n, nClasses * nFolds));
  // Class and fold packed into one number per row, so the gather in sorted order makes one random access per row.
  const packed = new Int32Array(n);
  for (let row = 0; row < n; row++) packed[row] = (classOf[row] as number) * nFolds + (fold[row] as number);
  let entries = 0;
  for (let r = 0; r < runs; r++) {
    const start = runStart[r] as number;
    const end = runStart[r + 1] as number;
    if (end - start === 1) {
      const key = packed[order[start] as number] as number;
      const f = key % nFolds;
      entryClass[entries] = (key - f) / nFolds;
      entryFold[entries] = f;
      entryCount[entries++] = 1;
    } else {
      let nTouched = 0;
      for (let i = start; i < end; i++) {
        const key = packed[order[i] as number] as number;
        if (count[key] === 0) touched[nTouched++] = key;
        count[key] = (count[key] as number) + 1;
      }
      for (let t = 0; t < nTouched; t++) {
        const key = touched[t] as number;
        const f = key % nFolds;
        entryClass[entries] = (key - f) / nFolds;
        entryFold[entries] = f;
        entryCount[entries++] = count[key] as number;
        count[key] = 0;
      }
    }
    entryStart[r + 1] = entries;
  }
  return { entryStart, entryClass, entryFold, entryCount };
}

/**
 * Up to this many classes a vote simply looks at all of them; beyond, the window keeps the list of
 * classes present so that a vote costs what the neighbourhood holds, however many classes there are.
 */
const UNTRACKED_CLASSES = 16;

/**
 * Class counts of the training rows (those not in the test fold) of the runs [first, last] of a
 * k-neighbourhood, kept up to date as its two ends move forward. `active[0 .. nActive]` holds every
 * class with a count (and, with few classes, the others too: their vote is 0 and cannot win).
 */
class Window {
  readonly count: Float64Array;
  readonly active: Int32Array;
  private readonly position: Int32Array;
  private readonly tracked: boolean;
  nActive = 0;
  constructor(
    private readonly table: RunEntries,
    nClasses: number,
  ) {
    this.count = new Float64Array(nClasses);
    this.active = new Int32Array(nClasses);
    this.position = new Int32Array(nClasses);
    this.tracked = nClasses > UNTRACKED_CLASSES;
    if (!this.tracked) {
      for (let c = 0; c < nClasses; c++) this.active[c] = c;
      this.nActive = nClasses;
    }
  }
  clear(): void {
    if (!this.tracked) {
      this.count.fill(0);
      return;
    }
    for (let i = 0; i < this.nActive; i++) this.count[this.active[i] as number] = 0;
    this.nActive = 0;
  }
  /** Adds (sign 1) or removes (sign -1) the training rows of one run. */
  change(run: number, testFold: number, sign: number): void {
    const t = this.table;
    const end = t.entryStart[run + 1] as number;
    for (let e = t.entryStart[run] as number; e < end; e++) {
      if (t.entryFold[e] === testFold) continue;
      const c = t.entryClass[e] as number;
      const before = this.count[c] as number;
      const after = before + sign * (t.entryCount[e] as number);
      this.count[c] = after;
      if (!this.tracked) continue;
      if (before === 0) {
        this.position[c] = this.nActive;
        this.active[this.nActive++] = c;
      } else if (after === 0) {
        const moved = this.active[--this.nActive] as number;
        const at = this.position[c] as number;
        this.active[at] = moved;
        this.position[moved] = at;
      }
    }
  }
}

/** Per fold, how many training rows come before each run, and the class totals of the training folds. */
interface FoldPrefixes {
  /** trainingBefore[f * (runs + 1) + r]: rows of the folds other than f in the runs before r. */
  trainingBefore: Int32Array;
  classTotal: Float64Array;
  foldClassTotal: Float64Array;
}

function foldPrefixes(
  table: RunEntries,
  runStart: Int32Array,
  nClasses: number,
  nFolds: number,
): FoldPrefixes {
  const { entryStart, entryClass, entryFold, entryCount } = table;
  const runs = runStart.length - 1;
  const classTotal = new Float64Array(nClasses);
  const foldClassTotal = new Float64Array(nFolds * nClasses);
  const trainingBefore = new Int32Array(nFolds * (runs + 1));
  const testInRun = new Int32Array(nFolds);
  for (let r = 0; r < runs; r++) {
    for (let e = entryStart[r] as number; e < (entryStart[r + 1] as number); e++) {
      const c = entryClass[e] as number;
      const f = entryFold[e] as number;
      const count = entryCount[e] as number;
      classTotal[c] = (classTotal[c] as number) + count;
      foldClassTotal[f * nClasses + c] = (foldClassTotal[f * nClasses + c] as number) + count;
      testInRun[f] = (testInRun[f] as number) + count;
    }
    const rows = (runStart[r + 1] as number) - (runStart[r] as number);
    for (let f = 0; f < nFolds; f++) {
      const at = f * (runs + 1) + r;
      trainingBefore[at + 1] = (trainingBefore[at] as number) + rows - (testInRun[f] as number);
      testInRun[f] = 0;
    }
  }
  return { trainingBefore, classTotal, foldClassTotal };
}

/** The vote of one query: exact integer shares, then the tie rules. */
class Ballot {
  private readonly vote: Float64Array;
  private readonly stamp: Int32Array;
  private readonly candidates: Int32Array;
  private generation = 0;
  /** Training rows of each class in the current fold's training folds (the first tie-break). */
  readonly trainTotal: Float64Array;
  constructor(
    nClasses: number,
    private readonly preference: Int32Array,
  ) {
    this.vote = new Float64Array(nClasses);
    this.stamp = new Int32Array(nClasses);
    this.candidates = new Int32Array(nClasses);
    this.trainTotal = new Float64Array(nClasses);
  }
  /**
   * Strictly closer rows get boundaryRows votes each and the rows at the k-th distance seatsLeft each
   * (shares scaled by boundaryRows to stay integers). The window's counts include its own boundary
   * runs (those in [first, last]), which are moved from the first kind to the second.
   */
  predict(
    window: Window,
    table: RunEntries,
    testFold: number,
    boundary: Int32Array,
    nBoundary: number,
    first: number,
    last: number,
    boundaryRows: number,
    seatsLeft: number,
  ): number {
    const { vote, stamp, candidates, trainTotal, preference } = this;
    const generation = ++this.generation;
    let nCandidates = 0;
    for (let i = 0; i < window.nActive; i++) {
      const c = window.active[i] as number;
      stamp[c] = generation;
      vote[c] = (window.count[c] as number) * boundaryRows;
      candidates[nCandidates++] = c;
    }
    for (let b = 0; b < nBoundary; b++) {
      const r = boundary[b] as number;
      const perRow = seatsLeft - (r >= first && r <= last ? boundaryRows : 0);
      for (let e = table.entryStart[r] as number; e < (table.entryStart[r + 1] as number); e++) {
        if (table.entryFold[e] === testFold) continue;
        const c = table.entryClass[e] as number;
        if (stamp[c] !== generation) {
          stamp[c] = generation;
          vote[c] = 0;
          candidates[nCandidates++] = c;
        }
        vote[c] = (vote[c] as number) + perRow * (table.entryCount[e] as number);
      }
    }
    let predicted = candidates[0] as number;
    for (let i = 1; i < nCandidates; i++) {
      const c = candidates[i] as number;
      const dv = (vote[c] as number) - (vote[predicted] as number);
      const dt = (trainTotal[c] as number) - (trainTotal[predicted] as number);
      if (
        dv > 0 ||
        (dv === 0 && (dt > 0 || (dt === 0 && (preference[c] as number) < (preference[predicted] as number))))
      )
        predicted = c;
    }
    return predicted;
  }
}

/**
 * Predicts every test run of one fold in one forward sweep. The window is the training rows
 * lo .. lo + kf - 1 in sorted order, a valid k-nearest set for the current query; rLo, rHi and rNext
 * are the runs holding rows lo, lo + kf - 1 and lo + kf. All of them only move forward, so the sweep
 * is linear; runs empty for this fold (all their rows in the test fold) are stepped over by the prefix
 * counts P.
 */
function sweepFold(
  sorted: SortedValues,
  table: RunEntries,
  P: Int32Array,
  f: number,
  k: number,
  window: Window,
  ballot: Ballot,
  cv: CrossValidation,
): void {
  const { runStart, runValue: value } = sorted;
  const runs = value.length;
  const N = P[runs] as number;
  const kf = Math.min(k, N);
  const boundary = new Int32Array(3);
  let lo = 0;
  let rLo = 0;
  while ((P[rLo + 1] as number) <= lo) rLo++;
  let rHi = rLo;
  window.clear();
  window.change(rLo, f, 1);
  while ((P[rHi + 1] as number) <= lo + kf - 1) window.change(++rHi, f, 1);
  let rNext = rHi;
  while (rNext < runs && (P[rNext + 1] as number) <= lo + kf) rNext++;

  for (let q = 0; q < runs; q++) {
    const testRows =
      (runStart[q + 1] as number) - (runStart[q] as number) - ((P[q + 1] as number) - (P[q] as number));
    if (testRows === 0) continue;
    const x = value[q] as number;
    // Slide right while the window's leftmost row is farther than the row just past its right end.
    while (lo + kf < N && x - (value[rLo] as number) > (value[rNext] as number) - x) {
      lo += Math.min((P[rLo + 1] as number) - lo, (P[rNext + 1] as number) - (lo + kf));
      while ((P[rHi + 1] as number) <= lo + kf - 1) window.change(++rHi, f, 1);
      while ((P[rLo + 1] as number) <= lo) window.change(rLo++, f, -1);
      while (rNext < runs && (P[rNext + 1] as number) <= lo + kf) rNext++;
    }
    // The k-th distance d; runs at exactly d are the window's end runs and, on a tie, the next run
    // (right of x once the slide stops). A row dropped on the left was strictly farther than the row
    // that replaced it and only gets farther for later queries, so no run left of rLo can be at d.
    const dLo = Math.abs((value[rLo] as number) - x);
    const dHi = Math.abs((value[rHi] as number) - x);
    const d = Math.max(dLo, dHi);
    let nBoundary = 0;
    if (dLo === d) boundary[nBoundary++] = rLo;
    if (rHi !== rLo && dHi === d) boundary[nBoundary++] = rHi;
    if (rNext < runs && rNext !== rHi && (value[rNext] as number) - x === d) boundary[nBoundary++] = rNext;
    let boundaryRows = 0;
    let boundaryInside = 0;
    for (let b = 0; b < nBoundary; b++) {
      const r = boundary[b] as number;
      const rows = (P[r + 1] as number) - (P[r] as number);
      boundaryRows += rows;
      if (r >= rLo && r <= rHi) boundaryInside += rows;
    }
    const seatsLeft = kf - ((P[rHi + 1] as number) - (P[rLo] as number) - boundaryInside);
    const predicted = ballot.predict(
      window,
      table,
      f,
      boundary,
      nBoundary,
      rLo,
      rHi,
      boundaryRows,
      seatsLeft,
    );
    recordPredictions(cv, table, q, f, predicted, testRows);
  }
}

/**
 * Stratified cross-validated k-nearest-neighbour classification on one number, in O(n) per fold on
 * sorted runs (O(n log n) overall with the sort). Every training row at the k-th distance votes with
 * the same share of the seats left after the strictly closer rows; a vote tie goes to the class more
 * frequent in the training folds, then to the class whose first row comes first (not the first name,
 * so that renaming classes cannot change a prediction). All folds sweep one run table, built once.
 */
export function knnCrossValidate(
  sorted: SortedValues,
  classOf: Int32Array,
  fold: Int32Array,
  nClasses: number,
  nFolds: number,
  k: number,
  preference: Int32Array,
): CrossValidation {
  const runs = sorted.runValue.length;
  const n = sorted.order.length;
  const cv = emptyCrossValidation(nFolds, nClasses);
  const table = runEntries(sorted, classOf, fold, nClasses, nFolds);
  const { trainingBefore, classTotal, foldClassTotal } = foldPrefixes(
    table,
    sorted.runStart,
    nClasses,
    nFolds,
  );
  const window = new Window(table, nClasses);
  const ballot = new Ballot(nClasses, preference);
  for (let f = 0; f < nFolds; f++) {
    const P = trainingBefore.subarray(f * (runs + 1), (f + 1) * (runs + 1));
    const N = P[runs] as number;
    if (N === 0 || N === n) continue; // nothing to train on, or nothing to test
    for (let c = 0; c < nClasses; c++)
      ballot.trainTotal[c] = (classTotal[c] as number) - (foldClassTotal[f * nClasses + c] as number);
    sweepFold(sorted, table, P, f, k, window, ballot, cv);
  }
  return cv;
}

function recordPredictions(
  cv: CrossValidation,
  table: RunEntries,
  q: number,
  f: number,
  predicted: number,
  rows: number,
): void {
  const labels = cv.labelCounts[f] as Float64Array;
  const predictions = cv.predictionCounts[f] as Float64Array;
  for (let e = table.entryStart[q] as number; e < (table.entryStart[q + 1] as number); e++) {
    if (table.entryFold[e] !== f) continue;
    const c = table.entryClass[e] as number;
    const count = table.entryCount[e] as number;
    labels[c] = (labels[c] as number) + count;
    if (c === predicted) cv.correct[f] = (cv.correct[f] as number) + count;
  }
  predictions[predicted] = (predictions[predicted] as number) + rows;
  cv.size[f] = (cv.size[f] as number) + rows;
}
