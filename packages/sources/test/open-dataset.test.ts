import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DatasetError, openDataset } from "../src/index.js";
import { tempDir, writeTree } from "./fixtures.js";

describe("openDataset", () => {
  it("names the location and the reason when it does not exist", async () => {
    const missing = join(await tempDir(), "nope");
    const failure = openDataset(missing);
    await expect(failure).rejects.toBeInstanceOf(DatasetError);
    await expect(failure).rejects.toMatchObject({
      location: missing,
      code: "not-found",
      message: expect.stringMatching(/: cannot open \(ENOENT/),
    });
  });

  it("refuses files of no supported kind", async () => {
    const dir = await tempDir();
    await writeTree(dir, { "a.txt": "x" });
    await expect(openDataset(join(dir, "a.txt"))).rejects.toMatchObject({
      code: "unsupported",
      message: `${join(dir, "a.txt")}: not a folder, a .csv/.jsonl/.ndjson manifest or a .parquet file`,
    });
  });

  it("treats a folder mixing Parquet files with anything else as a folder per class", async () => {
    const dir = await tempDir();
    await writeTree(dir, { "data.parquet": "x", "cls/a.jpg": "a" });
    const dataset = await openDataset(dir);
    expect(dataset.kind).toBe("folder");
    expect(dataset.ignoredFiles).toBe(1);
  });
});

describe("browser entry point", () => {
  it("reaches no Node built-in from src/browser.ts", async () => {
    const src = join(dirname(fileURLToPath(import.meta.url)), "..", "src");
    const seen = new Set<string>();
    const pending = ["browser.ts"];
    for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
      if (seen.has(file)) continue;
      seen.add(file);
      const text = await readFile(join(src, file), "utf8");
      for (const [, target] of text.matchAll(/from "([^"]+)"/g)) {
        expect(target, `${file} imports ${target}`).not.toMatch(/^node:|^(fs|path|os|url)$/);
        if (target?.startsWith("./")) pending.push(target.slice(2).replace(/\.js$/, ".ts"));
      }
    }
    expect([...seen].sort()).toEqual([
      "browser.ts",
      "code-unit-order.ts",
      "dataset-error.ts",
      "hashed-string-set.ts",
      "hf-class-names.ts",
      "image-extensions.ts",
      "parquet-dataset.ts",
      "types.ts",
    ]);
  });
});
