import type { Classes } from "./classes.js";
import type { SortedValues } from "./sorted-values.js";

/**
 * One-vs-rest AUC of every class: the probability that a row of the class scores higher than a row of
 * another class, ties counting one half (the Mann-Whitney statistic scaled to 0..1). One pass over the
 * sorted values, a run of equal values at a time. A class that is absent or alone gets 0.5.
 */
export function oneVsRestAuc(sorted: SortedValues, classOf: Classes, counts: Int32Array): Float64Array {
  const nClasses = counts.length;
  const n = sorted.order.length;
  const below = new Float64Array(nClasses);
  const inRun = new Float64Array(nClasses);
  const touched: number[] = [];
  const wins = new Float64Array(nClasses);
  let belowTotal = 0;
  const { order, sorted: values } = sorted;
  // Runs of equal value (-0 counts as 0), each counted at once.
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && values[end] === values[start]) end++;
    for (let i = start; i < end; i++) {
      const c = classOf[order[i] as number] as number;
      if (inRun[c] === 0) touched.push(c);
      inRun[c] = (inRun[c] as number) + 1;
    }
    const runRows = end - start;
    for (const c of touched) {
      const mine = inRun[c] as number;
      const othersBelow = belowTotal - (below[c] as number);
      wins[c] = (wins[c] as number) + mine * (othersBelow + 0.5 * (runRows - mine));
      below[c] = (below[c] as number) + mine;
      inRun[c] = 0;
    }
    touched.length = 0;
    belowTotal += runRows;
    start = end;
  }
  return wins.map((w, c) => {
    const mine = counts[c] as number;
    return mine === 0 || mine === n ? 0.5 : w / (mine * (n - mine));
  });
}
