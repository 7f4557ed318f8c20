import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, symlink, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AuditResult } from "@sc/lab";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  type CorpusFile,
  hostileImageFiles,
  slowJpeg,
} from "../../../packages/properties/test-support/hostile-corpus.js";
import { runCli } from "./run-cli.js";

/**
 * The hostile-input corpus of issue 7 (broken, oversized, foreign and hostile-named files, hostile
 * folders and manifests) run through the built `sc scan`: every file must be scored or listed under
 * `errors` with the reason the decoder gives in-process, and the scan must finish with exit 0.
 */

const CORPUS = hostileImageFiles();
const byName = (name: string): CorpusFile => {
  const file = CORPUS.find((f) => f.name === name);
  if (!file) throw new Error(`no corpus file ${name}`);
  return file;
};
/** A folder name cannot hold "/", so no closing tag; the markup, quotes and ampersand are what matter. */
const HOSTILE_CLASS = `<svg onload=alert("c")> & 'q' \u202e`;
const LIMIT_BYTES = 10 ** 9;

const originalNodeOptions = process.env.NODE_OPTIONS;
let work: string;
let peakRssFile: string;

/** Runs `sc scan` with the portable decoders (the corpus expectations are theirs) and its peak RSS. */
async function scan(
  args: string[],
  workers = 2,
): Promise<{ code: number | null; stderr: string; peakRss: number }> {
  await rm(peakRssFile, { force: true }); // a run that dies before exit must not report an old peak
  const run = await runCli([
    "scan",
    ...args,
    "--decoder",
    "portable",
    "--workers",
    String(workers),
    "--quiet",
  ]);
  return { code: run.code, stderr: run.stderr, peakRss: Number(await readFile(peakRssFile, "utf8")) };
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "sc-hostile-"));
  // Records the CLI's peak resident memory (worker threads included) when it exits; the child
  // inherits NODE_OPTIONS from this test process only.
  const hook = join(work, "peak-rss.mjs");
  peakRssFile = join(work, "peak-rss.txt");
  await writeFile(
    hook,
    `import { writeFileSync } from "node:fs";
import { isMainThread } from "node:worker_threads";
if (isMainThread) process.on("exit", () => writeFileSync(${JSON.stringify(peakRssFile)}, String(process.resourceUsage().maxRSS * 1024)));
`,
  );
  process.env.NODE_OPTIONS = `${originalNodeOptions ?? ""} --import=${hook}`;
});
afterAll(async () => {
  // A test process may be reused for other test files: their CLI runs must not load the hook.
  if (originalNodeOptions === undefined) delete process.env.NODE_OPTIONS;
  else process.env.NODE_OPTIONS = originalNodeOptions;
  await rm(work, { recursive: true, force: true });
});

describe("a folder dataset of hostile files", () => {
  let dataset: string;
  let result: AuditResult;
  let peakRss: number;

  beforeAll(async () => {
    dataset = join(work, "folder");
    const plain = join(dataset, "plain");
    const hostile = join(dataset, HOSTILE_CLASS);
    await mkdir(plain, { recursive: true });
    await mkdir(hostile, { recursive: true });
    await mkdir(join(dataset, "empty-class"));
    await mkdir(join(plain, "folder-named.jpg"));
    for (const file of CORPUS) await writeFile(join(plain, file.name), file.bytes);
    await writeFile(join(hostile, "good.png"), byName("Mixed.PnG").bytes);
    await writeFile(join(hostile, "good.jpg"), byName("UPPER.JPG").bytes);
    await writeFile(join(dataset, "loose.jpg"), byName("UPPER.JPG").bytes);
    await writeFile(join(plain, "notes.txt"), "not an image\n");
    await writeFile(join(plain, "labels.json"), "{}");
    await writeFile(join(plain, ".DS_Store"), "junk");
    await symlink(".", join(plain, "loop"));
    await symlink("no-such-file.png", join(plain, "dangling.png"));
    // A FIFO opened as a file would block forever; the folder source must not treat it as an image.
    execFileSync("mkfifo", [join(plain, "pipe.jpg")]);
    const out = join(work, "folder.json");
    const run = await scan([dataset, "--format", "json", "--out", out]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    peakRss = run.peakRss;
    result = JSON.parse(await readFile(out, "utf8")) as AuditResult;
  }, 60_000);

  test("every decodable file is scored, with its size and label", () => {
    const expected = CORPUS.flatMap(({ name, expected }) =>
      expected.outcome === "scored"
        ? [{ path: `plain/${name}`, label: "plain", width: expected.width, height: expected.height }]
        : [],
    );
    expected.unshift(
      { path: `${HOSTILE_CLASS}/good.jpg`, label: HOSTILE_CLASS, width: 16, height: 16 },
      { path: `${HOSTILE_CLASS}/good.png`, label: HOSTILE_CLASS, width: 9, height: 9 },
    );
    const scored = result.images.map(({ path, label, width, height }) => ({ path, label, width, height }));
    expect(scored).toEqual(expect.arrayContaining(expected));
    expect(scored).toHaveLength(expected.length);
  });

  test("every other file is an error entry with the decoder's reason; folder problems come first", () => {
    const decodeErrors = CORPUS.flatMap(({ name, expected }) =>
      expected.outcome === "error" ? [{ path: `plain/${name}`, message: expected.reason }] : [],
    );
    expect(result.errors).toEqual([
      {
        path: "plain/dangling.png",
        message: expect.stringMatching(/^cannot follow symbolic link \(.*ENOENT/),
      },
      { path: "plain/loop", message: "folder already visited through another path (symbolic link loop?)" },
      { path: "loose.jpg", message: "image outside any class folder" },
      { path: "empty-class", message: "empty class folder" },
      ...decodeErrors.sort((a, b) => (a.path < b.path ? -1 : 1)),
    ]);
    // notes.txt, labels.json, .DS_Store and the FIFO.
    expect(result.dataset.ignoredFiles).toBe(4);
  });

  test("bombs are refused from the header: peak memory stays under 1 GB", () => {
    expect(peakRss).toBeGreaterThan(0);
    expect(peakRss).toBeLessThan(LIMIT_BYTES);
  });

  test("the HTML report escapes every hostile name and allows no remote or inline script", async () => {
    const out = join(work, "folder.html");
    const run = await scan([dataset, "--format", "html", "--out", out]);
    expect(run.code).toBe(0);
    const html = await readFile(out, "utf8");
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;/);
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<svg onload");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;.jpg");
    expect(html).toContain("&lt;svg onload=alert(");
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
    expect(html.match(/<script\b/g)).toHaveLength(1); // the report's own, allowed by its hash
  }, 30_000);
});

// With one worker, the files after the slow one wait in the killed worker's queue and must move on.
test.each([1, 2])(
  "a file that takes longer than --timeout becomes an error entry; the scan goes on (%i workers)",
  async (workers) => {
    const dataset = join(work, `slow-${workers}`);
    await mkdir(join(dataset, "a"), { recursive: true });
    await mkdir(join(dataset, "b"), { recursive: true });
    await writeFile(join(dataset, "a", "slow.jpg"), slowJpeg());
    await writeFile(join(dataset, "a", "ok.png"), byName("Mixed.PnG").bytes);
    await writeFile(join(dataset, "b", "ok.jpg"), byName("UPPER.JPG").bytes);
    const out = join(work, `slow-${workers}.json`);
    const run = await scan([dataset, "--timeout", "1", "--format", "json", "--out", out], workers);
    expect(run.code).toBe(0);
    const result = JSON.parse(await readFile(out, "utf8")) as AuditResult;
    expect(result.images.map((i) => i.path)).toEqual(["a/ok.png", "b/ok.jpg"]);
    expect(result.errors).toEqual([
      { path: "a/slow.jpg", message: "gave up after 1 s (decoding hung or was too slow)" },
    ]);
  },
  30_000,
);

// A sparse 1.2 GB file named .jpg (no disk space used): read whole, it took the scan to 1.3 GB.
test("a huge file is refused without reading it whole: peak memory stays under 1 GB", async () => {
  const dataset = join(work, "huge");
  await mkdir(join(dataset, "a"), { recursive: true });
  await mkdir(join(dataset, "b"), { recursive: true });
  await writeFile(join(dataset, "a", "ok.png"), byName("Mixed.PnG").bytes);
  await writeFile(join(dataset, "b", "ok.jpg"), byName("UPPER.JPG").bytes);
  const huge = join(dataset, "a", "huge.jpg");
  await writeFile(huge, "");
  await truncate(huge, 1200 * 2 ** 20); // sparse: no disk space used
  const out = join(work, "huge.json");
  const run = await scan([dataset, "--format", "json", "--out", out]);
  expect(run.code).toBe(0);
  const result = JSON.parse(await readFile(out, "utf8")) as AuditResult;
  expect(result.errors).toEqual([
    { path: "a/huge.jpg", message: "file is 1200 MiB, over the 512 MiB limit for one image" },
  ]);
  expect(run.peakRss).toBeLessThan(LIMIT_BYTES);
}, 60_000);

describe("a CSV manifest with hostile rows", () => {
  let result: AuditResult;

  beforeAll(async () => {
    const root = join(work, "manifest");
    await mkdir(join(root, "img"), { recursive: true });
    await writeFile(join(work, "outside.png"), byName("Mixed.PnG").bytes);
    for (const name of ["a.png", "c.png", "d.png", "e.png"])
      await writeFile(join(root, "img", name), byName("Mixed.PnG").bytes);
    await writeFile(join(root, "img", "b.jpg"), byName("UPPER.JPG").bytes);
    await writeFile(join(root, "img", "<img src=x onerror=alert(1)>.jpg"), byName("UPPER.JPG").bytes);
    await writeFile(join(root, "img", "truncated.jpg"), byName("truncated.jpg").bytes);
    const lines = [
      "path,label",
      'img/a.png,"cat, black"',
      'img/b.jpg,"say ""hi"""',
      'img/c.png,"two\nlines"', // lines 4-5
      "img/missing.png,cat",
      "img/a.png,dog",
      "img/d.png,",
      "../outside.png,cat",
      "/etc/passwd,cat",
      '"img/<img src=x onerror=alert(1)>.jpg",<b>bold</b>',
      "img/truncated.jpg,cat",
      "img\\e.png,cat",
      'img/a.png,"cat, black"',
    ];
    await writeFile(join(root, "manifest.csv"), `${lines.join("\r\n")}\r\n`);
    const out = join(work, "manifest.json");
    const run = await scan([join(root, "manifest.csv"), "--format", "json", "--out", out]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    result = JSON.parse(await readFile(out, "utf8")) as AuditResult;
  }, 60_000);

  test("labels with commas, quotes, line breaks and markup are kept exactly", () => {
    expect(result.images.map(({ path, label }) => ({ path, label }))).toEqual([
      { path: "img/a.png", label: "cat, black" },
      { path: "img/b.jpg", label: 'say "hi"' },
      { path: "img/c.png", label: "two\nlines" },
      { path: "img/<img src=x onerror=alert(1)>.jpg", label: "<b>bold</b>" },
      { path: "img/e.png", label: "cat" },
    ]);
  });

  test("bad rows are errors naming the line; the rest is scanned", () => {
    expect(result.errors).toEqual([
      { path: "img/missing.png", message: "manifest.csv line 6: file not found" },
      {
        path: "img/a.png",
        message: 'manifest.csv line 7: duplicate of line 2 with a different label ("cat, black" there)',
      },
      { path: "img/d.png", message: "manifest.csv line 8: empty label" },
      {
        path: "../outside.png",
        message: 'manifest.csv line 9: path "../outside.png" escapes the dataset root',
      },
      { path: "/etc/passwd", message: 'manifest.csv line 10: absolute path "/etc/passwd" is not allowed' },
      { path: "img/a.png", message: "manifest.csv line 14: duplicate of line 2" },
      { path: "img/truncated.jpg", message: "truncated JPEG: no end-of-image marker" },
    ]);
  });
});
