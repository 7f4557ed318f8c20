import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parquetMetadata } from "hyparquet";
import { describe, expect, it } from "vitest";
import { asyncBufferFromBlob, openDataset, openParquetShards } from "../src/index.js";
import { collect, pathsAndLabels, tempDir, writeTree } from "./fixtures.js";
import { hfParquet, type Image } from "./hf-parquet.js";

const bytes = (...values: number[]) => new Uint8Array(values);

describe("Hugging Face Parquet", () => {
  it("maps integer labels through the ClassLabel names, row group by row group", async () => {
    const dir = await tempDir();
    const file = join(dir, "train.parquet");
    const images: Image[] = [
      { bytes: bytes(1), path: "cat/1.jpg" },
      { bytes: bytes(2), path: null },
      { bytes: bytes(3), path: "cat/1.jpg" },
      { bytes: null, path: "broken.jpg" },
      { bytes: bytes(5), path: "x.jpg" },
      { bytes: bytes(6), path: "y.jpg" },
      null,
    ];
    await writeFile(
      file,
      new Uint8Array(hfParquet(images, [0, 1, 1, 0, -1, 7, 1], { names: ["cat", "dog"], rowGroupSize: 2 })),
    );
    const dataset = await openDataset(file);
    expect(dataset.kind).toBe("parquet");
    expect(dataset.classes).toEqual(["cat", "dog"]);
    expect(dataset.size).toBe(7);
    const items = await collect(dataset);
    expect(items.map((item) => [item.path, item.label])).toEqual([
      ["cat/1.jpg", "cat"],
      ["train.parquet#1", "dog"],
      ["train.parquet#2", "dog"], // its stored path is taken already
    ]);
    expect(await Promise.all(items.map(async (item) => [...(await item.read())]))).toEqual([[1], [2], [3]]);
    expect(items.every((item) => item.file === undefined)).toBe(true);
    expect(dataset.problems).toEqual([
      { path: "broken.jpg", message: "no image bytes" },
      { path: "x.jpg", message: "no label (-1)" },
      { path: "y.jpg", message: "label 7 is not one of the 2 class names" },
      { path: "train.parquet#6", message: "no image bytes" },
    ]);
  });

  it("reads string labels and integer labels without names as given", async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, "s.parquet"),
      new Uint8Array(
        hfParquet(
          [
            { bytes: bytes(1), path: "a" },
            { bytes: bytes(2), path: "b" },
          ],
          ["bird", ""],
        ),
      ),
    );
    await writeFile(join(dir, "n.parquet"), new Uint8Array(hfParquet([{ bytes: bytes(1), path: "a" }], [4])));
    const strings = await openDataset(join(dir, "s.parquet"));
    expect(await pathsAndLabels(strings)).toEqual([["a", "bird"]]);
    expect(strings.problems).toEqual([{ path: "b", message: "empty label" }]);
    expect(strings.classes).toBeNull();
    expect(await pathsAndLabels(await openDataset(join(dir, "n.parquet")))).toEqual([["a", "4"]]);
  });

  it("reads a folder of shards in name order and skips a corrupt shard as a problem", async () => {
    const dir = await tempDir();
    const names = ["a", "b"];
    await writeFile(
      join(dir, "train-00001-of-00002.parquet"),
      new Uint8Array(hfParquet([{ bytes: bytes(2), path: null }], [1], { names })),
    );
    await writeFile(
      join(dir, "train-00000-of-00002.parquet"),
      new Uint8Array(hfParquet([{ bytes: bytes(1), path: null }], [0], { names })),
    );
    await writeTree(dir, { "zz-broken.parquet": "not parquet at all", ".hidden": "x" });
    const dataset = await openDataset(dir);
    expect(dataset.kind).toBe("parquet");
    expect(await pathsAndLabels(dataset)).toEqual([
      ["train-00000-of-00002.parquet#0", "a"],
      ["train-00001-of-00002.parquet#0", "b"],
    ]);
    expect(dataset.problems).toEqual([
      { path: "zz-broken.parquet", message: expect.stringMatching(/^not a readable Parquet file \(.+\)$/) },
    ]);
  });

  it("finds the image struct under another name, or takes the configured columns", async () => {
    const dir = await tempDir();
    const file = join(dir, "x.parquet");
    await writeFile(
      file,
      new Uint8Array(hfParquet([{ bytes: bytes(9), path: "p.png" }], [0], { imageColumn: "img" })),
    );
    expect(await pathsAndLabels(await openDataset(file))).toEqual([["p.png", "0"]]);
    await expect(openDataset(file, { imageColumn: "id" })).rejects.toMatchObject({
      code: "malformed",
      message: `${file}: column "id" is not (a struct with a "bytes" field); columns: "id", "img", "label"`,
    });
    await expect(openDataset(file, { labelColumn: "fine_label" })).rejects.toThrow(
      `${file}: no label column "fine_label"; columns: "id", "img", "label"`,
    );
  });

  it("keeps item paths unique and '/' separated", async () => {
    const dir = await tempDir();
    const file = join(dir, "train.parquet");
    const images: Image[] = [
      { bytes: bytes(1), path: "train.parquet#1" },
      { bytes: bytes(2), path: null },
      { bytes: bytes(3), path: "C:\\data\\day\\x.jpg" },
    ];
    await writeFile(file, new Uint8Array(hfParquet(images, [0, 0, 1], { names: ["cat", "dog"] })));
    const items = await collect(await openDataset(file));
    expect(items.map((item) => item.path)).toEqual([
      "train.parquet#1",
      "train.parquet#1~2",
      "C:/data/day/x.jpg",
    ]);
  });

  it("names a row '<shard>#<row>', then '~2', '~3', when stored paths took those names", async () => {
    const images: Image[] = [
      { bytes: bytes(0), path: "t.parquet#8" },
      { bytes: bytes(1), path: "t.parquet#8~2" },
      { bytes: bytes(2), path: null },
      { bytes: bytes(3), path: "t.parquet#2" }, // taken by row 2's name
      { bytes: bytes(4), path: "" },
      { bytes: null, path: "t.parquet#3" }, // a problem row takes a name too
      { bytes: bytes(6), path: "C:\\x.jpg" },
      { bytes: bytes(7), path: "C:/x.jpg" }, // the same path once separators are '/'
      { bytes: bytes(8), path: "t.parquet#8" }, // its own row's name, taken by row 0
      { bytes: bytes(9), path: "t.parquet#5" },
    ];
    const data = hfParquet(images, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], { rowGroupSize: 3 });
    const dataset = await openParquetShards("mem", [{ name: "t.parquet", file: data }]);
    expect((await collect(dataset)).map((item) => item.path)).toEqual([
      "t.parquet#8",
      "t.parquet#8~2",
      "t.parquet#2",
      "t.parquet#3",
      "t.parquet#4",
      "C:/x.jpg",
      "t.parquet#7",
      "t.parquet#8~3",
      "t.parquet#9",
    ]);
    expect(dataset.problems).toEqual([{ path: "t.parquet#5", message: "no image bytes" }]);
  });

  it("keeps paths unique across shards and starts afresh on each iteration", async () => {
    const shard = (path: string) => hfParquet([{ bytes: bytes(1), path }], [0]);
    const dataset = await openParquetShards("mem", [
      { name: "b.parquet", file: shard("x.jpg") },
      { name: "a.parquet", file: shard("x.jpg") },
    ]);
    const paths = async () => (await collect(dataset)).map((item) => item.path);
    expect(await paths()).toEqual(["x.jpg", "b.parquet#0"]);
    expect(await paths()).toEqual(["x.jpg", "b.parquet#0"]);
  });

  it("works from an in-memory Blob, as the browser gives a File", async () => {
    const buffer = hfParquet([{ bytes: bytes(7, 7), path: "mem.jpg" }], [1], { names: ["x", "y"] });
    const dataset = await openParquetShards("upload", [
      { name: "u.parquet", file: asyncBufferFromBlob(new Blob([buffer])) },
    ]);
    const [item] = await collect(dataset);
    expect([item?.path, item?.label, [...((await item?.read()) ?? [])]]).toEqual(["mem.jpg", "y", [7, 7]]);
  });

  it("reports an unreadable row group and goes on with the next", async () => {
    const images = [0, 1, 2, 3].map((i) => ({ bytes: bytes(i, i, i, i), path: `${i}.jpg` }));
    const data = new Uint8Array(hfParquet(images, [0, 0, 1, 1], { names: ["a", "b"], rowGroupSize: 2 }));
    const dataset = await openParquetShards("mem", [{ name: "t.parquet", file: data.buffer }]);
    // Corrupt the first row group's column data (it starts after the 4-byte "PAR1" magic).
    data.fill(0xff, 4, 40);
    expect(await pathsAndLabels(dataset)).toEqual([
      ["2.jpg", "b"],
      ["3.jpg", "b"],
    ]);
    expect(dataset.problems).toEqual([
      {
        path: "t.parquet",
        message: expect.stringMatching(/^row group 0 \(rows 0\.\.1\) unreadable \(.+\)$/),
      },
    ]);
  });

  it("reads only the row group it is yielding from", async () => {
    const images = [0, 1, 2, 3, 4, 5].map((i) => ({ bytes: new Uint8Array(64).fill(i), path: `${i}.jpg` }));
    const data = hfParquet(images, [0, 0, 1, 1, 0, 1], { rowGroupSize: 2 });
    const slices: number[] = [];
    const file = {
      byteLength: data.byteLength,
      slice(start: number, end?: number) {
        slices.push(start);
        return data.slice(start, end);
      },
    };
    const dataset = await openParquetShards("mem", [{ name: "t.parquet", file }]);
    const { row_groups } = parquetMetadata(data);
    const groupStart = (group: number) =>
      Math.min(
        ...(row_groups[group]?.columns ?? []).map((column) => Number(column.meta_data?.data_page_offset)),
      );
    slices.length = 0;
    const iterator = dataset.items()[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.path).toBe("0.jpg");
    expect(slices.length).toBeGreaterThan(0);
    expect(Math.max(...slices)).toBeLessThan(groupStart(1));
    await iterator.next();
    await iterator.next();
    expect(Math.max(...slices)).toBeLessThan(groupStart(2));
  });

  it("fails when no shard is usable or there are no rows", async () => {
    const dir = await tempDir();
    await writeTree(dir, { "bad.parquet": "PAR1" });
    await expect(openDataset(join(dir, "bad.parquet"))).rejects.toMatchObject({ code: "malformed" });
    await writeFile(join(dir, "bad.parquet"), new Uint8Array(hfParquet([], [])));
    await expect(openDataset(join(dir, "bad.parquet"))).rejects.toThrow("holds no rows");
  });
});
