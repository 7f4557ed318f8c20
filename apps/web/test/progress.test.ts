import { describe, expect, it } from "vitest";
import { frameThrottle, progressText } from "../src/progress.js";

describe("progressText", () => {
  it("shows the count, the total when known, and images per second", () => {
    expect(progressText(40, 80, 2000)).toBe("40 / 80 images · 20.0 images/s");
    expect(progressText(7, null, 3500)).toBe("7 images · 2.0 images/s");
    expect(progressText(0, 10, 0)).toBe("0 / 10 images · 0.0 images/s");
  });
});

describe("frameThrottle", () => {
  it("renders only the latest value once per frame", () => {
    const frames: (() => void)[] = [];
    const rendered: number[] = [];
    const update = frameThrottle(
      (n: number) => rendered.push(n),
      (callback) => frames.push(callback),
    );
    for (let n = 1; n <= 5; n++) update(n);
    expect(frames).toHaveLength(1);
    frames.shift()?.();
    update(6);
    update(7);
    frames.shift()?.();
    expect(rendered).toEqual([5, 7]);
    expect(frames).toHaveLength(0);
  });
});
