import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AuditResult } from "@sc/lab";
import { afterAll, expect, test } from "vitest";
import { runCli } from "./run-cli.js";

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function demo(): Promise<{ dir: string; result: AuditResult }> {
  const dir = join(await mkdtemp(join(tmpdir(), "sc-demo-test-")), "data");
  dirs.push(dir);
  const run = await runCli(["demo", "--out-dir", dir, "--format", "json", "--quiet"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return { dir, result: JSON.parse(run.stdout) as AuditResult };
}

test("sc demo plants a dark class, a few blurry and oddly sized pictures, and finds them", async () => {
  const { dir, result } = await demo();
  expect(await readdir(dir)).toEqual(["chicken_wings", "french_fries"]);
  expect(result.dataset.classes).toEqual([
    { label: "chicken_wings", count: 30 },
    { label: "french_fries", count: 30 },
  ]);
  const dark = result.correlations.find((c) => c.property === "dark");
  expect(dark?.flagged).toBe(true);
  expect(dark?.attribution?.sentence).toMatch(/^chicken_wings is lower \(darker\)/);
  for (const property of ["odd_size", "odd_aspect_ratio", "grayscale"]) {
    expect(result.correlations.find((c) => c.property === property)?.flagged, property).toBe(false);
  }
  const flaggedFor = (issue: string) =>
    result.images.filter((image) => image.issues.includes(issue as never)).map((image) => image.path);
  expect(flaggedFor("odd_aspect_ratio")).toEqual([
    "chicken_wings/chicken_wings_001.png",
    "french_fries/french_fries_001.png",
  ]);
  expect(flaggedFor("odd_size")).toEqual(expect.arrayContaining(["french_fries/french_fries_000.png"]));
  expect(flaggedFor("blurry")).toEqual(expect.arrayContaining(["french_fries/french_fries_005.png"]));
}, 120_000);

test("the demo dataset is byte-for-byte the same every time", async () => {
  const [a, b] = [await demo(), await demo()];
  const file = join("french_fries", "french_fries_007.png");
  expect(Buffer.compare(await readFile(join(a.dir, file)), await readFile(join(b.dir, file)))).toBe(0);
  expect(a.result.images).toEqual(b.result.images);
}, 120_000);

test("--out-dir must not overwrite an existing dataset", async () => {
  const { dir } = await demo();
  const run = await runCli(["demo", "--out-dir", dir, "--quiet"]);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/must be empty/);
}, 120_000);
