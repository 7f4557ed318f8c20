import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { writeFileAtomic } from "../src/atomic-write.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "sc-atomic-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test("writes chunks through a temporary file and leaves only the target", async () => {
  await writeFileAtomic(join(dir, "out.json"), ["{", '"a": 1', "}"]);
  expect(await readFile(join(dir, "out.json"), "utf8")).toBe('{"a": 1}');
  expect(await readdir(dir)).toEqual(["out.json"]);
});

test("an interrupted write leaves neither the target nor a temporary file", async () => {
  const controller = new AbortController();
  function* chunks() {
    yield "partial";
    controller.abort(new Error("interrupted"));
    yield "rest";
  }
  await expect(writeFileAtomic(join(dir, "out.json"), chunks(), controller.signal)).rejects.toThrow();
  expect(await readdir(dir)).toEqual([]);
});

test("an already interrupted run writes nothing", async () => {
  const controller = new AbortController();
  controller.abort(new Error("interrupted"));
  await expect(writeFileAtomic(join(dir, "out.json"), "x", controller.signal)).rejects.toThrow();
  expect(await readdir(dir)).toEqual([]);
});
