import { expect, test } from "vitest";
import { byCountThenLabel, compareText } from "../src/order.js";

test("labels order by UTF-16 code units whatever the locale", () => {
  const labels = ["b", "B", "a", "é", "e", "Z", "aa", ""];
  expect([...labels].sort(compareText)).toEqual(["", "B", "Z", "a", "aa", "b", "e", "é"]);
});

test("classes: largest first, ties by label", () => {
  const classes = [
    { label: "dog", count: 3 },
    { label: "Cat", count: 5 },
    { label: "cat", count: 5 },
    { label: "ant", count: 1 },
  ];
  expect([...classes].sort(byCountThenLabel).map((c) => c.label)).toEqual(["Cat", "cat", "dog", "ant"]);
});
