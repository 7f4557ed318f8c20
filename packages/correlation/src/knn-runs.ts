import { Buffers } from "./buffers.js";
import {
  type CrossValidation,
  emptyCrossValidation,
  type KnnProblem,
  trainingTotals,
} from "./cross-validation.js";
import { buildRunTable, RUN_SCRATCH, type RunTable, trainingRows } from "./run-table.js";
import { groupRuns, type Runs } from "./sorted-values.js";

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
    private readonly table: RunTable,
    private readonly testFold: number,
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
  /** Adds (sign 1) or removes (sign -1) the training rows of one run. */
  change(run: number, sign: number): void {
    const t = this.table;
    const key = t.runFold[run] as number;
    if (key >= 0) {
      if (key !== this.testFold) this.add(t.runClass[run] as number, sign);
      return;
    }
    const end = t.entryStart[-key] as number;
    for (let e = t.entryStart[-1 - key] as number; e < end; e++) {
      if (t.entryFold[e] !== this.testFold)
        this.add(t.entryClass[e] as number, sign * (t.entryCount[e] as number));
    }
  }
  private add(c: number, rows: number): void {
    const before = this.count[c] as number;
    const after = before + rows;
    this.count[c] = after;
    if (!this.tracked) return;
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

/** The vote of one query: exact integer shares, then the tie rules. */
class Ballot {
  private readonly vote: Float64Array;
  private readonly stamp: Int32Array;
  private readonly candidates: Int32Array;
  private generation = 0;
  private nCandidates = 0;
  constructor(
    nClasses: number,
    private readonly table: RunTable,
    private readonly testFold: number,
    /** Training rows of each class in this fold's training folds (the first tie-break). */
    private readonly trainTotal: Float64Array,
    private readonly preference: Int32Array,
  ) {
    this.vote = new Float64Array(nClasses);
    this.stamp = new Int32Array(nClasses);
    this.candidates = new Int32Array(nClasses);
  }
  /** A method, not a closure in predict: one closure per query filled the young generation. */
  private share(c: number, votes: number): void {
    if (this.stamp[c] !== this.generation) {
      this.stamp[c] = this.generation;
      this.vote[c] = 0;
      this.candidates[this.nCandidates++] = c;
    }
    this.vote[c] = (this.vote[c] as number) + votes;
  }
  /**
   * Strictly closer rows get boundaryRows votes each and the rows at the k-th distance seatsLeft each
   * (shares scaled by boundaryRows to stay integers). The window's counts include its own boundary
   * runs, whose rows therefore get perRow[b] = seatsLeft - boundaryRows more (the others seatsLeft).
   */
  predict(
    window: Window,
    boundary: Int32Array,
    perRow: Float64Array,
    nBoundary: number,
    boundaryRows: number,
  ): number {
    const { vote, candidates, trainTotal, preference, table, testFold } = this;
    this.generation++;
    this.nCandidates = 0;
    for (let i = 0; i < window.nActive; i++) {
      const c = window.active[i] as number;
      this.share(c, (window.count[c] as number) * boundaryRows);
    }
    for (let b = 0; b < nBoundary; b++) {
      const r = boundary[b] as number;
      const votes = perRow[b] as number;
      const key = table.runFold[r] as number;
      if (key >= 0) {
        if (key !== testFold) this.share(table.runClass[r] as number, votes);
        continue;
      }
      for (let e = table.entryStart[-1 - key] as number; e < (table.entryStart[-key] as number); e++) {
        if (table.entryFold[e] !== testFold)
          this.share(table.entryClass[e] as number, votes * (table.entryCount[e] as number));
      }
    }
    let predicted = candidates[0] as number;
    for (let i = 1; i < this.nCandidates; i++) {
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
 * The runs holding training rows of one fold, in order, with their values and the training rows
 * before each: the sweep then never meets a run empty for its fold. Buffers are reused across folds.
 */
class TrainingRuns {
  readonly run: Int32Array;
  readonly value: Float64Array;
  /** before[i]: training rows in the runs before run[i]; length size + 1. */
  readonly before: Int32Array;
  size = 0;
  constructor(runs: number, buffers: Buffers) {
    this.run = buffers.int32("trainingRuns.run", runs);
    this.value = buffers.float64("trainingRuns.value", runs);
    this.before = buffers.int32(RUN_SCRATCH, runs + 1);
  }
  fill(table: RunTable, runValue: Float64Array, f: number): void {
    let size = 0;
    this.before[0] = 0;
    for (let r = 0; r < runValue.length; r++) {
      const rows = trainingRows(table, r, f);
      if (rows === 0) continue;
      this.run[size] = r;
      this.value[size] = runValue[r] as number;
      this.before[size + 1] = (this.before[size] as number) + rows;
      size++;
    }
    this.size = size;
  }
}

/**
 * Predicts every test run of fold f in one forward sweep. The window is the training rows
 * lo .. lo + kf - 1 in sorted order, a valid k-nearest set for the current query; a, b and next index
 * the training runs holding rows lo, lo + kf - 1 and lo + kf (next = size when there is none). All
 * only move forward, so the sweep is linear. The slide to a query's window only moves a, next and lo;
 * the window's counts catch up afterwards in two plain loops over the runs that entered and left.
 */
function sweepFold(
  table: RunTable,
  runs: Runs,
  training: TrainingRuns,
  f: number,
  kf: number,
  window: Window,
  ballot: Ballot,
  cv: CrossValidation,
): void {
  const { run, value, before: P, size } = training;
  const { start: runStart, value: runValue } = runs;
  const boundary = new Int32Array(3);
  const boundaryAt = new Int32Array(3);
  const perRow = new Float64Array(3);
  let lo = 0;
  let a = 0;
  let b = 0;
  window.change(run[0] as number, 1);
  while ((P[b + 1] as number) <= lo + kf - 1) window.change(run[++b] as number, 1);
  let next = b;
  while (next < size && (P[next + 1] as number) <= lo + kf) next++;

  for (let q = 0; q < runValue.length; q++) {
    const testRows = (runStart[q + 1] as number) - (runStart[q] as number) - trainingRows(table, q, f);
    if (testRows === 0) continue;
    const x = runValue[q] as number;
    // Slide right while the window's leftmost row is farther than the row just past its right end.
    if (next < size && x - (value[a] as number) > (value[next] as number) - x) {
      const left = a;
      do {
        lo += Math.min((P[a + 1] as number) - lo, (P[next + 1] as number) - (lo + kf));
        while ((P[a + 1] as number) <= lo) a++;
        while (next < size && (P[next + 1] as number) <= lo + kf) next++;
      } while (next < size && x - (value[a] as number) > (value[next] as number) - x);
      while ((P[b + 1] as number) <= lo + kf - 1) window.change(run[++b] as number, 1);
      for (let i = left; i < a; i++) window.change(run[i] as number, -1);
    }
    // The k-th distance d; runs at exactly d are the window's end runs and, on a tie, the next run
    // (right of x once the slide stops). A row dropped on the left was strictly farther than the row
    // that replaced it and only gets farther for later queries, so no run left of a can be at d.
    const dLo = Math.abs((value[a] as number) - x);
    const dHi = Math.abs((value[b] as number) - x);
    const d = Math.max(dLo, dHi);
    let nBoundary = 0;
    if (dLo === d) boundaryAt[nBoundary++] = a;
    if (b !== a && dHi === d) boundaryAt[nBoundary++] = b;
    if (next < size && next !== b && (value[next] as number) - x === d) boundaryAt[nBoundary++] = next;
    let boundaryRows = 0;
    let boundaryInside = 0;
    for (let i = 0; i < nBoundary; i++) {
      const at = boundaryAt[i] as number;
      const rows = (P[at + 1] as number) - (P[at] as number);
      boundaryRows += rows;
      if (at <= b) boundaryInside += rows;
    }
    const seatsLeft = kf - ((P[b + 1] as number) - (P[a] as number) - boundaryInside);
    for (let i = 0; i < nBoundary; i++) {
      const at = boundaryAt[i] as number;
      boundary[i] = run[at] as number;
      perRow[i] = seatsLeft - (at <= b ? boundaryRows : 0);
    }
    recordPredictions(
      cv,
      table,
      q,
      f,
      ballot.predict(window, boundary, perRow, nBoundary, boundaryRows),
      testRows,
    );
  }
}

/** The sweep on runs of equal value: all folds share one run table, built once. */
export function knnByRuns(problem: KnnProblem, buffers = new Buffers()): CrossValidation {
  const { sorted, classOf, fold, nClasses, nFolds, k, preference } = problem;
  const runs = groupRuns(sorted.sorted, buffers);
  const n = sorted.order.length;
  const cv = emptyCrossValidation(nFolds, nClasses);
  const table = buildRunTable(runs, sorted.order, classOf, fold, nClasses, nFolds, buffers);
  const { foldClassTotal } = table;
  const training = new TrainingRuns(runs.value.length, buffers);
  for (let f = 0; f < nFolds; f++) {
    const trainTotal = new Float64Array(nClasses);
    const trainingSize = trainingTotals(foldClassTotal, nClasses, nFolds, f, trainTotal);
    if (trainingSize === 0 || trainingSize === n) continue; // nothing to train on, or nothing to test
    training.fill(table, runs.value, f);
    const window = new Window(table, f, nClasses);
    const ballot = new Ballot(nClasses, table, f, trainTotal, preference);
    sweepFold(table, runs, training, f, Math.min(k, trainingSize), window, ballot, cv);
  }
  return cv;
}

function recordPredictions(
  cv: CrossValidation,
  table: RunTable,
  q: number,
  f: number,
  predicted: number,
  testRows: number,
): void {
  const labels = cv.labelCounts[f] as Float64Array;
  const key = table.runFold[q] as number;
  let correct = 0;
  if (key >= 0) {
    const c = table.runClass[q] as number;
    labels[c] = (labels[c] as number) + 1;
    if (c === predicted) correct = 1;
  } else {
    for (let e = table.entryStart[-1 - key] as number; e < (table.entryStart[-key] as number); e++) {
      if (table.entryFold[e] !== f) continue;
      const c = table.entryClass[e] as number;
      const count = table.entryCount[e] as number;
      labels[c] = (labels[c] as number) + count;
      if (c === predicted) correct += count;
    }
  }
  const predictions = cv.predictionCounts[f] as Float64Array;
  predictions[predicted] = (predictions[predicted] as number) + testRows;
  cv.correct[f] = (cv.correct[f] as number) + correct;
  cv.size[f] = (cv.size[f] as number) + testRows;
}
