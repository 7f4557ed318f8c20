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

/** Runs of one side (training or test) of a fold, with the class counts of each run. */
interface RunTable {
  runs: number;
  value: Float64Array;
  /** prefix[r] = rows in runs before r. */
  prefix: Float64Array;
  entryStart: Int32Array;
  entryClass: Int32Array;
  entryCount: Float64Array;
}

function newRunTable(maxRuns: number, maxEntries: number): RunTable {
  return {
    runs: 0,
    value: new Float64Array(maxRuns),
    prefix: new Float64Array(maxRuns + 1),
    entryStart: new Int32Array(maxRuns + 1),
    entryClass: new Int32Array(maxEntries),
    entryCount: new Float64Array(maxEntries),
  };
}

/** Accumulates class counts of one run; `flush` appends them as a run of the table. */
class RunBuilder {
  private readonly counts: Float64Array;
  private readonly touched: Int32Array;
  private nTouched = 0;
  private entries = 0;
  constructor(
    readonly table: RunTable,
    nClasses: number,
  ) {
    this.counts = new Float64Array(nClasses);
    this.touched = new Int32Array(nClasses);
  }
  reset(): void {
    this.table.runs = 0;
    this.entries = 0;
  }
  add(c: number): void {
    if (this.counts[c] === 0) this.touched[this.nTouched++] = c;
    this.counts[c] = (this.counts[c] as number) + 1;
  }
  /** Appends a run of one row directly (most runs when values rarely repeat). */
  single(value: number, c: number): void {
    const t = this.table;
    const r = t.runs++;
    t.value[r] = value;
    t.entryClass[this.entries] = c;
    t.entryCount[this.entries++] = 1;
    t.prefix[r + 1] = (t.prefix[r] as number) + 1;
    t.entryStart[r + 1] = this.entries;
  }
  flush(value: number): void {
    if (this.nTouched === 0) return;
    const t = this.table;
    const r = t.runs++;
    t.value[r] = value;
    let rows = 0;
    for (let i = 0; i < this.nTouched; i++) {
      const c = this.touched[i] as number;
      const count = this.counts[c] as number;
      t.entryClass[this.entries] = c;
      t.entryCount[this.entries++] = count;
      rows += count;
      this.counts[c] = 0;
    }
    this.nTouched = 0;
    t.prefix[r + 1] = (t.prefix[r] as number) + rows;
    t.entryStart[r + 1] = this.entries;
  }
}

/** Class counts of the training runs strictly inside the k-neighbourhood, kept up to date as it slides. */
class Neighbourhood {
  readonly count: Float64Array;
  readonly active: Int32Array;
  private readonly position: Int32Array;
  nActive = 0;
  rows = 0;
  first = 0;
  last = -1;
  constructor(
    private readonly train: RunTable,
    nClasses: number,
  ) {
    this.count = new Float64Array(nClasses);
    this.active = new Int32Array(nClasses);
    this.position = new Int32Array(nClasses);
  }
  private change(run: number, sign: number): void {
    const t = this.train;
    for (let e = t.entryStart[run] as number; e < (t.entryStart[run + 1] as number); e++) {
      const c = t.entryClass[e] as number;
      const before = this.count[c] as number;
      const after = before + sign * (t.entryCount[e] as number);
      this.count[c] = after;
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
    this.rows += sign * ((t.prefix[run + 1] as number) - (t.prefix[run] as number));
  }
  /** Moves to runs [first, last]; both ends only move forward, so each run enters and leaves once per fold. */
  moveTo(first: number, last: number): void {
    if (first > this.last || first < this.first || last < this.last) {
      for (let r = this.first; r <= this.last; r++) this.change(r, -1);
      this.first = first;
      this.last = first - 1;
    }
    while (this.last < last) this.change(++this.last, 1);
    while (this.first < first) this.change(this.first++, -1);
  }
}

/**
 * Stratified cross-validated k-nearest-neighbour classification on one number, in O(n) per fold on
 * sorted runs (O(n log n) overall with the sort). Every training row at the k-th distance votes with
 * the same share of the seats left after the strictly closer rows; a vote tie goes to the class more
 * frequent in the training folds, then to the class whose first row comes first (not the first name,
 * so that renaming classes cannot change a prediction).
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
  const { order, runStart, runValue } = sorted;
  const runs = runValue.length;
  const n = order.length;
  const cv = emptyCrossValidation(nFolds, nClasses);
  const train = newRunTable(runs, n);
  const test = newRunTable(runs, n);
  const trainBuilder = new RunBuilder(train, nClasses);
  const testBuilder = new RunBuilder(test, nClasses);
  const vote = new Float64Array(nClasses);
  const stamp = new Int32Array(nClasses);
  const candidates = new Int32Array(nClasses);
  const boundary = new Int32Array(4);
  let generation = 0;
  // Class and fold in sorted order, so the five passes below read memory sequentially; packed into one
  // number per row first so that the gather makes one random access per row, not two.
  const packed = new Int32Array(n);
  for (let row = 0; row < n; row++) packed[row] = (classOf[row] as number) * nFolds + (fold[row] as number);
  const sortedClass = new Int32Array(n);
  const sortedFold = new Int32Array(n);
  const classTotal = new Float64Array(nClasses);
  const foldClassTotal = new Float64Array(nFolds * nClasses);
  for (let i = 0; i < n; i++) {
    const key = packed[order[i] as number] as number;
    const f = key % nFolds;
    const c = (key - f) / nFolds;
    sortedClass[i] = c;
    sortedFold[i] = f;
    classTotal[c] = (classTotal[c] as number) + 1;
    foldClassTotal[f * nClasses + c] = (foldClassTotal[f * nClasses + c] as number) + 1;
  }

  for (let f = 0; f < nFolds; f++) {
    trainBuilder.reset();
    testBuilder.reset();
    const trainTotal = classTotal.map((total, c) => total - (foldClassTotal[f * nClasses + c] as number));
    for (let r = 0; r < runs; r++) {
      const start = runStart[r] as number;
      const end = runStart[r + 1] as number;
      if (end - start === 1) {
        (sortedFold[start] === f ? testBuilder : trainBuilder).single(
          runValue[r] as number,
          sortedClass[start] as number,
        );
        continue;
      }
      for (let i = start; i < end; i++)
        (sortedFold[i] === f ? testBuilder : trainBuilder).add(sortedClass[i] as number);
      trainBuilder.flush(runValue[r] as number);
      testBuilder.flush(runValue[r] as number);
    }
    const N = train.prefix[train.runs] as number;
    if (N === 0 || test.runs === 0) continue;
    const kf = Math.min(k, N);
    const P = train.prefix;
    const tv = train.value;
    const inside = new Neighbourhood(train, nClasses);
    let lo = 0; // the k rows [lo, lo + kf) in training order are a valid k-nearest set
    let rLo = 0; // run holding row lo
    let rHi = 0; // run holding row lo + kf - 1
    while ((P[rHi + 1] as number) <= lo + kf - 1) rHi++;

    for (let q = 0; q < test.runs; q++) {
      const x = test.value[q] as number;
      // Slide the window right while its leftmost row is farther than the row just past its right end.
      while (lo + kf < N) {
        const rNext = lo + kf < (P[rHi + 1] as number) ? rHi : rHi + 1;
        if (!(x - (tv[rLo] as number) > (tv[rNext] as number) - x)) break;
        lo += Math.min((P[rLo + 1] as number) - lo, (P[rNext + 1] as number) - (lo + kf));
        while ((P[rLo + 1] as number) <= lo) rLo++;
        while ((P[rHi + 1] as number) <= lo + kf - 1) rHi++;
      }
      const dLo = Math.abs((tv[rLo] as number) - x);
      const dHi = Math.abs((tv[rHi] as number) - x);
      const d = Math.max(dLo, dHi);
      inside.moveTo(dLo === d ? rLo + 1 : rLo, dHi === d ? rHi - 1 : rHi);

      // Runs at exactly distance d: the window's end runs and, on a tie, their outer neighbours.
      let nBoundary = 0;
      let boundaryRows = 0;
      for (
        let r = Math.max(0, rLo - 1);
        r <= Math.min(train.runs - 1, rHi + 1);
        r = r === rLo ? Math.max(rLo + 1, rHi) : r + 1
      ) {
        if (Math.abs((tv[r] as number) - x) !== d) continue;
        boundary[nBoundary++] = r;
        boundaryRows += (P[r + 1] as number) - (P[r] as number);
      }
      // Votes scaled by boundaryRows so that shares stay exact integers.
      const seatsLeft = kf - inside.rows;
      generation++;
      let nCandidates = 0;
      for (let i = 0; i < inside.nActive; i++) {
        const c = inside.active[i] as number;
        stamp[c] = generation;
        vote[c] = (inside.count[c] as number) * boundaryRows;
        candidates[nCandidates++] = c;
      }
      for (let b = 0; b < nBoundary; b++) {
        const r = boundary[b] as number;
        for (let e = train.entryStart[r] as number; e < (train.entryStart[r + 1] as number); e++) {
          const c = train.entryClass[e] as number;
          if (stamp[c] !== generation) {
            stamp[c] = generation;
            vote[c] = 0;
            candidates[nCandidates++] = c;
          }
          vote[c] = (vote[c] as number) + seatsLeft * (train.entryCount[e] as number);
        }
      }
      let predicted = candidates[0] as number;
      for (let i = 1; i < nCandidates; i++) {
        const c = candidates[i] as number;
        const dv = (vote[c] as number) - (vote[predicted] as number);
        const dt = (trainTotal[c] as number) - (trainTotal[predicted] as number);
        if (
          dv > 0 ||
          (dv === 0 &&
            (dt > 0 || (dt === 0 && (preference[c] as number) < (preference[predicted] as number))))
        )
          predicted = c;
      }
      recordPredictions(cv, test, q, f, predicted);
    }
  }
  return cv;
}

function recordPredictions(
  cv: CrossValidation,
  test: RunTable,
  q: number,
  f: number,
  predicted: number,
): void {
  const labels = cv.labelCounts[f] as Float64Array;
  const predictions = cv.predictionCounts[f] as Float64Array;
  const rows = (test.prefix[q + 1] as number) - (test.prefix[q] as number);
  for (let e = test.entryStart[q] as number; e < (test.entryStart[q + 1] as number); e++) {
    const c = test.entryClass[e] as number;
    const count = test.entryCount[e] as number;
    labels[c] = (labels[c] as number) + count;
    if (c === predicted) cv.correct[f] = (cv.correct[f] as number) + count;
  }
  predictions[predicted] = (predictions[predicted] as number) + rows;
  cv.size[f] = (cv.size[f] as number) + rows;
}
