import { appearanceRank, type Classes, countClasses } from "./classes.js";

export const FOLDS = 5;

/** Test fold of each row. The analysis keeps its folds in bytes: they live as long as the call. */
export type Folds = Int32Array | Uint8Array;

/**
 * Test fold of each row, exactly as scikit-learn's StratifiedKFold(n_splits, shuffle=False).split
 * assigns them: classes are numbered by first appearance, the rows sorted by that number are dealt
 * round-robin to the folds to get each fold's share of each class, and each class then fills the
 * folds in row order (the first rows of a class go to fold 0, and so on). Written into `into` when
 * given (a Uint8Array takes up to 256 folds).
 */
export function stratifiedFolds<F extends Folds = Int32Array>(
  classOf: Classes,
  nClasses: number,
  nSplits = FOLDS,
  into?: F,
): F {
  const appearance = appearanceRank(classOf, nClasses);
  const seen = appearance.reduce((most, rank) => Math.max(most, rank + 1), 0);
  const counts = countClasses(classOf, nClasses);
  // Rows sorted by appearance number occupy consecutive positions; fold f gets positions p with p % nSplits == f.
  const byAppearance = new Int32Array(seen);
  for (let c = 0; c < nClasses; c++) {
    const a = appearance[c] ?? -1;
    if (a >= 0) byAppearance[a] = c;
  }
  const allocation: Int32Array[] = []; // allocation[c][f] = rows of class c in test fold f
  let start = 0;
  for (let a = 0; a < seen; a++) {
    const c = byAppearance[a] ?? 0;
    const count = counts[c] ?? 0;
    const perFold = new Int32Array(nSplits);
    for (let f = 0; f < nSplits; f++) {
      const first = (((f - start) % nSplits) + nSplits) % nSplits; // first offset in the block with position % nSplits == f
      perFold[f] = first < count ? Math.floor((count - 1 - first) / nSplits) + 1 : 0;
    }
    allocation[c] = perFold;
    start += count;
  }
  const fold = into ?? new Int32Array(classOf.length);
  const currentFold = new Int32Array(nClasses);
  const leftInFold = new Int32Array(nClasses);
  for (let c = 0; c < nClasses; c++) {
    const perFold = allocation[c];
    if (!perFold) continue;
    let f = 0;
    while (f < nSplits - 1 && perFold[f] === 0) f++;
    currentFold[c] = f;
    leftInFold[c] = perFold[f] ?? 0;
  }
  for (let row = 0; row < classOf.length; row++) {
    const c = classOf[row] ?? 0;
    const perFold = allocation[c] as Int32Array;
    let f = currentFold[c] ?? 0;
    while ((leftInFold[c] ?? 0) === 0) {
      f++;
      leftInFold[c] = perFold[f] ?? 0;
    }
    currentFold[c] = f;
    leftInFold[c] = (leftInFold[c] ?? 0) - 1;
    fold[row] = f;
  }
  return fold as F;
}
