import { expect, test } from "vitest";
import { createProgress, progressMode } from "../src/progress.js";

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  const stream = {
    isTTY,
    columns: 80,
    write(chunk: string) {
      writes.push(chunk);
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  return { stream, writes };
}

test("a bar on a terminal, plain lines in logs, nothing when quiet", () => {
  expect(progressMode(false, fakeStream(true).stream)).toBe("bar");
  expect(progressMode(false, fakeStream(false).stream)).toBe("lines");
  expect(progressMode(true, fakeStream(true).stream)).toBe("none");
});

test("plain lines: the first image, then at most one line per interval, and the last one", () => {
  const { stream, writes } = fakeStream(false);
  const progress = createProgress("lines", 5, stream, 60_000);
  for (let done = 1; done <= 5; done++) progress.update(done);
  progress.stop();
  expect(writes).toHaveLength(2);
  expect(writes[0]).toMatch(/^scanned 1\/5 images \(\d+ img\/s\)\n$/);
  expect(writes[1]).toMatch(/^scanned 5\/5 images/);
});

test("none writes nothing", () => {
  const { stream, writes } = fakeStream(false);
  const progress = createProgress("none", null, stream);
  progress.update(1);
  progress.stop();
  expect(writes).toEqual([]);
});
