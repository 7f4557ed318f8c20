import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadKernels } from "@sc/core-wasm";
import type { Measure } from "@sc/lab";
import { measureBytes } from "@sc/properties";
import { parquetWriteBuffer } from "hyparquet-writer";
import { beforeAll, describe, expect, it } from "vitest";
import { auditSource, DECODER, folderSource, parquetSource, TOOL } from "../src/audit-source.js";
import { folderDataset, type PickedFile } from "../src/folder-dataset.js";

const golden = resolve(import.meta.dirname, "../../../../shared/golden/images");
const goldenFile = (path: string) => readFileSync(join(golden, path));

/** The golden folder as a folder input gives it, plus one loose image the CLI would also refuse. */
function pickedGolden(): PickedFile[] {
  const files = readdirSync(golden, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name).slice(golden.length + 1);
      return { path: `images/${path}`, file: new Blob([goldenFile(path)]) };
    });
  return [...files, { path: "images/stray.png", file: new Blob([goldenFile("day/005-color-none.png")]) }];
}

// In Node the built-in decoders stand in for the browser's; the wiring under test is the same.
let measure: Measure;
beforeAll(async () => {
  const kernels = await loadKernels();
  measure = async (item) => {
    if (!item.read) throw new Error(`${item.path}: no bytes`);
    return measureBytes(await item.read(), kernels, { path: item.path });
  };
});

describe("auditSource", () => {
  it("audits a picked folder through @sc/lab and describes it like the CLI", async () => {
    let progress = 0;
    const result = await auditSource(folderSource(folderDataset(pickedGolden())), {
      measure,
      concurrency: 4,
      onProgress: (done) => {
        progress = done;
      },
    });
    expect(progress).toBe(80);
    expect(result.tool).toEqual(TOOL);
    expect(result.dataset).toMatchObject({
      source: "images",
      kind: "folder",
      images: 80,
      ignoredFiles: 0,
      decoder: DECODER,
    });
    expect(result.dataset.classes).toEqual([
      { label: "day", count: 40 },
      { label: "night", count: 40 },
    ]);
    expect(result.errors).toEqual([{ path: "stray.png", message: "image outside any class folder" }]);
    const dark = result.correlations.find((c) => c.property === "dark");
    expect(dark?.flagged).toBe(true);
    expect(result.correlations.filter((c) => c.flagged).map((c) => c.property)).toEqual(["dark"]);
  });

  it("stops when cancelled", async () => {
    const controller = new AbortController();
    const running = auditSource(folderSource(folderDataset(pickedGolden())), {
      measure: async (item) => {
        controller.abort();
        return measure(item);
      },
      concurrency: 1,
      signal: controller.signal,
    });
    await expect(running).rejects.toThrow();
  });

  it("audits Hugging Face Parquet files with the labels and paths they carry", async () => {
    const names = [
      "day/005-color-none.png",
      "night/000-color-none.png",
      "night/001-color-none.progressive.jpg",
    ];
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: "image", data: names.map((path) => ({ bytes: new Uint8Array(goldenFile(path)), path })) },
        { name: "label", data: names.map((path) => path.split("/")[0] as string) },
      ],
      schema: [
        { name: "root", num_children: 2 },
        { name: "image", repetition_type: "OPTIONAL", num_children: 2 },
        { name: "bytes", type: "BYTE_ARRAY", repetition_type: "OPTIONAL" },
        { name: "path", type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "OPTIONAL" },
        { name: "label", type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "OPTIONAL" },
      ],
    });
    const source = await parquetSource([new File([buffer], "train.parquet")]);
    const result = await auditSource(source, { measure, concurrency: 2 });
    expect(result.dataset).toMatchObject({
      source: "train.parquet",
      kind: "parquet",
      images: 3,
      labeled: true,
    });
    expect(result.images.map((image) => image.label)).toEqual(["day", "night", "night"]);
    expect(result.images.map((image) => image.path)).toEqual(names);
    expect(result.errors).toEqual([]);
  });
});
