import { expect, test } from "vitest";
import { runBounded } from "../src/run-bounded.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("keeps input positions whatever order work finishes in, and never exceeds the limit", async () => {
  let inFlight = 0;
  let peak = 0;
  const results: string[] = [];
  const count = await runBounded(
    ["a", "b", "c", "d", "e", "f"],
    2,
    async (item, index) => {
      peak = Math.max(peak, ++inFlight);
      await sleep((6 - index) * 2);
      inFlight--;
      return item.toUpperCase();
    },
    (result, index) => {
      results[index] = result;
    },
  );
  expect(count).toBe(6);
  expect(results).toEqual(["A", "B", "C", "D", "E", "F"]);
  expect(peak).toBe(2);
});

test("pulls items lazily from async sources", async () => {
  let pulled = 0;
  async function* source() {
    for (let i = 0; i < 100; i++) {
      pulled++;
      yield i;
    }
  }
  let maxAhead = 0;
  let done = 0;
  await runBounded(
    source(),
    3,
    async (i) => {
      maxAhead = Math.max(maxAhead, pulled - done);
      await sleep(1);
      return i;
    },
    () => {
      done++;
    },
  );
  expect(maxAhead).toBeLessThanOrEqual(4);
});

test("a failing task fails the run after the others settle", async () => {
  await expect(
    runBounded(
      [1, 2, 3],
      2,
      async (i) => {
        if (i === 2) throw new Error("boom");
        return i;
      },
      () => {},
    ),
  ).rejects.toThrow("boom");
});

test("a throwing onResult fails the run after the calls in flight settle", async () => {
  let settled = 0;
  await expect(
    runBounded(
      [0, 1, 2],
      3,
      async (i) => {
        await sleep(i * 10);
        settled++;
        return i;
      },
      (i) => {
        if (i === 0) throw new Error("cannot store");
      },
    ),
  ).rejects.toThrow("cannot store");
  expect(settled).toBe(3);
});

test("an aborted signal stops the run with its reason", async () => {
  const controller = new AbortController();
  controller.abort(new Error("stop"));
  await expect(
    runBounded(
      [1],
      1,
      async (i) => i,
      () => {},
      controller.signal,
    ),
  ).rejects.toThrow("stop");
});

test("runs one call at a time when the limit is below 1 (0, negative, NaN) instead of hanging", async () => {
  for (const limit of [0, -3, Number.NaN]) {
    let inFlight = 0;
    let peak = 0;
    const seen: number[] = [];
    const count = await runBounded(
      [1, 2, 3],
      limit,
      async (item) => {
        peak = Math.max(peak, ++inFlight);
        await sleep(1);
        inFlight--;
        return item;
      },
      (result) => seen.push(result),
    );
    expect([count, seen, peak]).toEqual([3, [1, 2, 3], 1]);
  }
});
