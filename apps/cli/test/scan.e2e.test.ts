import { spawnSync } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type AuditResult, ISSUE_NAMES } from "@sc/lab";
import { parseCsv } from "@sc/sources";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { goldenTolerance, readReference } from "../../../packages/properties/test/golden.js";
import { hfParquet } from "../../../packages/sources/test/hf-parquet.js";
import { BIN, GOLDEN, runCli } from "./run-cli.js";

const IMAGES = join(GOLDEN, "images");
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "sc-cli-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function scanJson(args: string[]): Promise<AuditResult> {
  const run = await runCli(["scan", ...args, "--format", "json", "--quiet"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as AuditResult;
}

describe("sc scan on the golden dataset", () => {
  let result: AuditResult;
  beforeAll(async () => {
    result = await scanJson([IMAGES, "--workers", "2"]);
  }, 60_000);

  test("every image is scored within the golden tolerances and dark is flagged", async () => {
    const reference = readReference();
    expect(result.images.map((image) => image.path)).toEqual(reference.map((row) => row.path));
    expect(result.errors).toEqual([]);
    for (const [i, image] of result.images.entries()) {
      const row = reference[i];
      expect(image.label).toBe(row?.path.split("/")[0]);
      expect([image.width, image.height]).toEqual([row?.raw.width, row?.raw.height]);
      for (const issue of ISSUE_NAMES.filter((name) => name !== "grayscale")) {
        expect(
          Math.abs(image.scores[issue] - (row?.scores[issue] ?? Number.NaN)),
          `${image.path} ${issue}`,
        ).toBeLessThanOrEqual(goldenTolerance(image.path)[issue]);
      }
      // Gray files are grayscale whether stored as L or RGB; colour photos are not (blank ones may be either).
      if (/gray_(L|rgb)/.test(image.path)) expect(image.scores.grayscale, image.path).toBe(0);
      if (/-color-/.test(image.path)) expect(image.scores.grayscale, image.path).toBe(1);
    }
    const dark = result.correlations.find((c) => c.property === "dark");
    expect(dark?.flagged).toBe(true);
    expect(dark?.attribution?.sentence).toMatch(/^night is lower \(darker\)/);
    expect(result.correlations.map((c) => c.property)).toEqual(ISSUE_NAMES);
  });

  test("results are identical for any number of workers", async () => {
    const one = await scanJson([IMAGES, "--workers", "1"]);
    expect(one).toEqual(result);
  }, 60_000);

  test("the same data as a CSV manifest gives the same result", async () => {
    // Manifest paths are relative to the manifest's folder: link the golden images in beside it.
    await symlink(IMAGES, join(work, "golden-images"));
    const manifest = join(work, "manifest.csv");
    const lines = result.images.map((image) => `golden-images/${image.path},${image.label}`);
    await writeFile(manifest, `path,label\n${lines.join("\n")}\n`);
    const viaManifest = await scanJson([manifest]);
    expect(viaManifest.images.map((i) => i.scores)).toEqual(result.images.map((i) => i.scores));
    expect(viaManifest.correlations).toEqual(
      result.correlations.map((c) => ({
        ...c,
        minimum: c.minimum && { ...c.minimum, path: `golden-images/${c.minimum.path}` },
        maximum: c.maximum && { ...c.maximum, path: `golden-images/${c.maximum.path}` },
      })),
    );
  }, 60_000);

  test("the same data as Hugging Face Parquet shards gives the same result", async () => {
    const shards = join(work, "parquet");
    await mkdir(shards);
    const classes = ["day", "night"];
    const rows = await Promise.all(
      result.images.map(async (image) => ({
        image: { bytes: new Uint8Array(await readFile(join(IMAGES, image.path))), path: image.path },
        label: classes.indexOf(image.label ?? ""),
      })),
    );
    // Two shards, several row groups each, integer labels named by the `huggingface` metadata.
    for (const [shard, part] of [rows.slice(0, 50), rows.slice(50)].entries()) {
      const buffer = hfParquet(
        part.map((row) => row.image),
        part.map((row) => row.label),
        { names: classes, rowGroupSize: 16 },
      );
      await writeFile(join(shards, `train-0000${shard}-of-00002.parquet`), new Uint8Array(buffer));
    }
    const viaParquet = await scanJson([shards]);
    expect(viaParquet.dataset.kind).toBe("parquet");
    expect(viaParquet.images).toEqual(result.images);
    expect(viaParquet.correlations).toEqual(result.correlations);
  }, 60_000);
});

describe("exit codes and errors", () => {
  test("a missing dataset is a usage error with exit 2 and no stack trace", async () => {
    const run = await runCli(["scan", join(work, "nope")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/nope/);
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  test("an unknown option or bad value is exit 2", async () => {
    expect((await runCli(["scan", IMAGES, "--format", "pdf"])).code).toBe(2);
    expect((await runCli(["scan", IMAGES, "--threshold", "abc"])).code).toBe(2);
    expect((await runCli(["scan", IMAGES, "--issues", "dark,sharpness"])).code).toBe(2);
    expect((await runCli(["frobnicate"])).code).toBe(2);
  });

  test("a reader that stops early (sc scan | head) ends the scan quietly", async () => {
    // Enough images that the JSON overflows the pipe's buffer after the reader has gone.
    const dir = join(work, "pipe");
    for (const label of ["a", "b"]) {
      await mkdir(join(dir, label), { recursive: true });
      for (let i = 0; i < 600; i++) {
        await copyFile(join(IMAGES, "day", "000-color-blur6.jpg"), join(dir, label, `${i}.jpg`));
      }
    }
    const script = 'set -o pipefail; "$0" "$1" scan "$2" --format json --quiet | head -c 100 > /dev/null';
    const run = spawnSync("bash", ["-c", script, process.execPath, BIN, dir], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  }, 60_000);

  test("more workers than images, and a short --timeout: worker start-up is not charged to an image", async () => {
    const dir = join(work, "few");
    for (const label of ["day", "night"]) {
      await mkdir(join(dir, label), { recursive: true });
      for (const file of (await readdir(join(IMAGES, label))).slice(0, 3)) {
        await copyFile(join(IMAGES, label, file), join(dir, label, file));
      }
    }
    const result = await scanJson([dir, "--workers", "32", "--timeout", "1"]);
    expect(result.images).toHaveLength(6);
    expect(result.errors).toEqual([]);
  }, 60_000);

  test("error messages quoting the dataset cannot send terminal escapes", async () => {
    const manifest = join(work, "escape.csv");
    await writeFile(manifest, "\u001b[31mfile\u001b]0;owned\u0007,label\na.png,x\n");
    const run = await runCli(["scan", manifest]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\\x1B\[31mfile/);
    expect(run.stderr).not.toContain("\u001b");
    expect(run.stderr).not.toContain("\u0007");
  });

  test("temporary files that cannot be written are named, with what to do, not a stack trace", async () => {
    // Over 4096 rows, so the listing's packed paths go to a spill file (repeats are still listed).
    const manifest = join(work, "many.csv");
    await copyFile(join(IMAGES, "day", "000-color-blur6.jpg"), join(work, "many.jpg"));
    await writeFile(manifest, `path,label\n${"many.jpg,x\n".repeat(5000)}`);
    const run = await runCli(["scan", manifest, "--quiet"], {
      env: { TMPDIR: join(work, "no-such-folder") },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^sc: cannot create the spill file .*no-such-folder.*ENOENT/);
    expect(run.stderr).toContain("set TMPDIR to a folder with room");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test("an empty folder is exit 2", async () => {
    const empty = join(work, "empty");
    await mkdir(empty);
    const run = await runCli(["scan", empty, "--quiet"]);
    expect(run.code).toBe(2);
  });

  test("--fail-on flagged exits 3 when a property is flagged", async () => {
    const run = await runCli(["scan", IMAGES, "--fail-on", "flagged", "--format", "json", "--quiet"]);
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout).correlations.some((c: { flagged: boolean }) => c.flagged)).toBe(true);
  }, 60_000);

  test("unreadable files are listed under errors and the scan still exits 0", async () => {
    const dir = join(work, "broken");
    await mkdir(join(dir, "a"), { recursive: true });
    await mkdir(join(dir, "b"), { recursive: true });
    await copyFile(join(IMAGES, "day", "005-color-none.png"), join(dir, "a", "good.png"));
    await copyFile(join(IMAGES, "night", "000-color-none.png"), join(dir, "b", "good.png"));
    await writeFile(join(dir, "a", "bad.jpg"), "not a jpeg at all");
    const run = await runCli(["scan", dir, "--format", "json", "--out", join(work, "broken.json")]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/1 files? could not be used/);
    const saved = JSON.parse(await readFile(join(work, "broken.json"), "utf8")) as AuditResult;
    expect(saved.images.map((i) => i.path)).toEqual(["a/good.png", "b/good.png"]);
    expect(saved.errors).toHaveLength(1);
    expect(saved.errors[0]?.path).toBe("a/bad.jpg");
    expect(saved.errors[0]?.message).toMatch(/\S/);
  }, 60_000);
});

describe("reports", () => {
  test("CSV has one row per image with every score and flag", async () => {
    const run = await runCli(["scan", IMAGES, "--format", "csv", "--quiet"]);
    expect(run.code).toBe(0);
    const [header, ...rows] = parseCsv(run.stdout).map((record) => record.fields);
    expect(header?.slice(0, 4)).toEqual(["path", "label", "width", "height"]);
    expect(header).toContain("dark_score");
    expect(header).toContain("is_blurry_issue");
    expect(rows).toHaveLength(80);
  }, 60_000);

  test("HTML is self-contained and escapes hostile file and class names", async () => {
    const dir = join(work, "hostile");
    const evilClass = '<script>alert("c")</script>';
    await mkdir(join(dir, evilClass), { recursive: true });
    await mkdir(join(dir, "plain"), { recursive: true });
    await copyFile(
      join(IMAGES, "day", "005-color-none.png"),
      join(dir, evilClass, "<img src=x onerror=alert(1)>.png"),
    );
    await copyFile(join(IMAGES, "night", "000-color-none.png"), join(dir, "plain", 'a & b "q".png'));
    const out = join(work, "hostile.html");
    const run = await runCli(["scan", dir, "--format", "html", "--out", out, "--quiet"]);
    expect(run.code).toBe(0);
    const html = await readFile(out, "utf8");
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain('<script>alert("c")');
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;.png");
    expect(html).not.toMatch(/(src|href)=["']?https?:/);
    expect(html).toMatch(/Content-Security-Policy/);
  }, 60_000);

  test("an interrupted run exits 130 and leaves no output file", async () => {
    const dir = join(work, "many");
    const files = (await readdir(join(IMAGES, "day"))).filter((f) => f.endsWith(".jpg"));
    for (const label of ["x", "y"]) {
      await mkdir(join(dir, label), { recursive: true });
      for (let copy = 0; copy < 15; copy++) {
        for (const f of files) await copyFile(join(IMAGES, "day", f), join(dir, label, `${copy}-${f}`));
      }
    }
    const out = join(work, "interrupted.json");
    let sent = false;
    const run = await runCli(["scan", dir, "--workers", "1", "--format", "json", "--out", out], {
      onStderr: (chunk, child) => {
        if (!sent && /scanned \d+/.test(chunk)) {
          sent = true;
          child.kill("SIGINT");
        }
      },
    });
    expect(sent).toBe(true);
    expect(run.code).toBe(130);
    expect(run.stderr).toMatch(/interrupted/);
    expect(await readdir(work)).not.toContain("interrupted.json");
    expect((await readdir(work)).filter((f) => f.includes(".tmp"))).toEqual([]);
  }, 60_000);
});
