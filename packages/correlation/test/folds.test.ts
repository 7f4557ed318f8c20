import { expect, test } from "vitest";
import { encodeLabels } from "../src/classes.js";
import { stratifiedFolds } from "../src/folds.js";

test("hand-computed StratifiedKFold(5): class shares dealt round-robin, each class fills folds in row order", () => {
  // b appears first (7 rows), a has 3: sorted by appearance, positions 0-6 are b and 7-9 are a; fold f takes
  // positions f and f + 5, so b gets 2,2,1,1,1 rows per fold and a gets 0,0,1,1,1.
  const { classOf, names } = encodeLabels(["b", "b", "a", "b", "a", "b", "a", "b", "b", "b"]);
  expect([...stratifiedFolds(classOf, names.length)]).toEqual([0, 0, 2, 1, 3, 1, 4, 2, 3, 4]);
});

test("every fold gets each class within one row of its fair share", () => {
  const labels = Array.from(
    { length: 103 },
    (_, i) => ["x", "y", "z"][(i * 7) % 3 === 0 ? 0 : i % 5 === 0 ? 1 : 2] as string,
  );
  const { classOf, names } = encodeLabels(labels);
  const fold = stratifiedFolds(classOf, names.length);
  for (let c = 0; c < names.length; c++) {
    const perFold = [0, 0, 0, 0, 0];
    fold.forEach((f, row) => {
      if (classOf[row] === c) perFold[f] = (perFold[f] ?? 0) + 1;
    });
    expect(Math.max(...perFold) - Math.min(...perFold)).toBeLessThanOrEqual(1);
  }
});
