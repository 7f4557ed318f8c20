import { expect, test } from "vitest";
import { classMedians, describe as sentence } from "../src/attribution.js";
import { oneVsRestAuc } from "../src/auc.js";
import { countClasses } from "../src/classes.js";
import { labelUncorrelatedness } from "../src/index.js";
import { sortValues } from "../src/sorted-values.js";

test("hand-computed one-vs-rest AUC and medians with ties", () => {
  // A = [1, 2, 3], B = [2, 4]: of the six A-B pairs, A wins (3,2) and ties (2,2): AUC_A = 1.5 / 6.
  const values = Float64Array.from([2, 1, 4, 3, 2]);
  const classOf = Int32Array.from([0, 0, 1, 0, 1]);
  const sorted = sortValues(values);
  const counts = countClasses(classOf, 2);
  expect([...oneVsRestAuc(sorted, classOf, counts)]).toEqual([0.25, 0.75]);
  expect([...classMedians(sorted, classOf, counts)]).toEqual([2, 3]);
});

test("the sentence names the class that stands out most, with caller wording", () => {
  const classes = [
    { label: "a", count: 10, median: 0.5, auc: 0.55 },
    { label: "b", count: 10, median: 0.9, auc: 0.9 },
    { label: "c", count: 10, median: 0.2, auc: 0.05 },
  ];
  expect(sentence(classes, undefined)).toBe("c is lower: AUC 0.95");
  expect(sentence(classes.slice(0, 2), { higher: "blurrier" })).toBe("b is higher (blurrier): AUC 0.90");
});

test("flagged properties carry per-class attribution; wording can be passed per property", () => {
  const labels = Array.from({ length: 60 }, (_, i) => ["sun", "rain", "snow"][i % 3] as string);
  const contrast = labels.map(
    (label, i) => ({ sun: 0.3, rain: 0.5, snow: 0.9 })[label as "sun"] + (i % 7) * 0.01,
  );
  const [result] = labelUncorrelatedness(
    { labels, properties: { contrast } },
    { wording: { contrast: { lower: "flatter" } } },
  );
  expect(result?.flagged).toBe(true);
  // sun and snow are equally apart (AUC 0 and 1): the class with the lower scores is named.
  expect(result?.attribution?.sentence).toBe("sun is lower (flatter): AUC 1.00");
  expect(result?.attribution?.classes.map((c) => [c.label, c.count, c.auc])).toEqual([
    ["rain", 20, 0.5],
    ["snow", 20, 1],
    ["sun", 20, 0],
  ]);
});
