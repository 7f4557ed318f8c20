import { describe, expect, test } from "vitest";
import { audit } from "../src/audit.js";
import type { LabItem } from "../src/items.js";
import { raw } from "./fixtures.js";

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("audit with its own measure", () => {
  test("keeps input order when measurements finish out of order, and frees resources before scoring", async () => {
    const items: LabItem[] = Array.from({ length: 12 }, (_, i) => ({
      path: `${i % 2 ? "night" : "day"}/${i}.jpg`,
      label: i % 2 ? "night" : "day",
    }));
    const events: string[] = [];
    const result = await audit(items, {
      concurrency: 4,
      // Earlier items take longer, so later ones finish first; every fifth item is unreadable.
      measure: async (item) => {
        const i = Number(item.path.split("/")[1]?.split(".")[0]);
        await tick(12 - i);
        events.push(`measured ${i}`);
        if (i % 5 === 0) throw new Error(`cannot decode ${i}`);
        return raw({ entropy: i });
      },
      onMeasured: async () => {
        await tick(1);
        events.push("released");
      },
    });
    expect(events.at(-1)).toBe("released");
    expect(events.filter((e) => e.startsWith("measured"))).toHaveLength(12);
    expect(events.slice(0, 4)).not.toEqual(["measured 0", "measured 1", "measured 2", "measured 3"]);
    const kept = [1, 2, 3, 4, 6, 7, 8, 9, 11];
    expect(result.images.map((image) => image.path)).toEqual(
      kept.map((i) => `${i % 2 ? "night" : "day"}/${i}.jpg`),
    );
    expect(result.errors).toEqual(
      [0, 5, 10].map((i) => ({ path: `${i % 2 ? "night" : "day"}/${i}.jpg`, message: `cannot decode ${i}` })),
    );
    expect(result.dataset.classes).toEqual([
      { label: "day", count: 4 },
      { label: "night", count: 5 },
    ]);
  });
});

test("a labeled dataset whose every file fails stays labeled, with a note instead of a score", async () => {
  const items = ["a", "b"].map((label) => ({ path: `${label}/x.png`, label }));
  const result = await audit(items, {
    measure: async () => {
      throw new Error("truncated PNG");
    },
  });
  expect(result.images).toEqual([]);
  expect(result.errors.map((e) => e.message)).toEqual(["truncated PNG", "truncated PNG"]);
  expect(result.dataset.labeled).toBe(true);
  expect(result.correlations.every((c) => !c.flagged && c.note !== null)).toBe(true);
});

test("one unlabeled item makes the dataset unlabeled", async () => {
  const result = await audit(
    [
      { path: "a.png", label: "a" },
      { path: "b.png", label: null },
    ],
    { measure: async () => raw() },
  );
  expect(result.dataset.labeled).toBe(false);
  expect(result.correlations).toEqual([]);
});
