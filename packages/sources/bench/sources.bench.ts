// Each group pairs one source with a baseline doing the least possible work on the same input,
// so the ratio shows what the checks, sorting and ordering cost.
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parquetReadObjects } from "hyparquet";
import { parquetWriteBuffer } from "hyparquet-writer";
import { afterAll, bench, describe } from "vitest";
import { openDataset, openParquetShards, parseCsv } from "../src/index.js";

const CLASSES = 10;
const FILES_PER_CLASS = 200;
const CSV_ROWS = 50_000;
const PARQUET_ROWS = 2_000;
const IMAGE_BYTES = 4096;

const root = await mkdtemp(join(tmpdir(), "sc-sources-bench-"));
for (let c = 0; c < CLASSES; c++) {
  await mkdir(join(root, `class-${c}`));
  for (let f = 0; f < FILES_PER_CLASS; f++) await writeFile(join(root, `class-${c}`, `${f}.jpg`), "x");
}

const csv = [
  "path,label",
  ...Array.from({ length: CSV_ROWS }, (_, i) => `"images/${i}, copy.jpg",class-${i % 7}`),
].join("\n");

const parquet = parquetWriteBuffer({
  columnData: [
    {
      name: "image",
      data: Array.from({ length: PARQUET_ROWS }, (_, i) => ({
        bytes: new Uint8Array(IMAGE_BYTES).fill(i),
        path: `${i}.jpg`,
      })),
    },
    { name: "label", data: Array.from({ length: PARQUET_ROWS }, (_, i) => BigInt(i % 3)) },
  ],
  schema: [
    { name: "root", num_children: 2 },
    { name: "image", repetition_type: "OPTIONAL", num_children: 2 },
    { name: "bytes", type: "BYTE_ARRAY", repetition_type: "OPTIONAL" },
    { name: "path", type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "OPTIONAL" },
    { name: "label", type: "INT64", repetition_type: "OPTIONAL" },
  ],
  rowGroupSize: 100,
});

afterAll(() => rm(root, { recursive: true, force: true }));

async function drain(items: AsyncIterable<unknown>): Promise<number> {
  let count = 0;
  for await (const _ of items) count++;
  return count;
}

describe(`folder: ${CLASSES} classes x ${FILES_PER_CLASS} files`, () => {
  bench("baseline: readdir recursive", async () => {
    await readdir(root, { recursive: true });
  });
  bench("openDataset + items", async () => {
    await drain((await openDataset(root)).items());
  });
});

describe(`CSV: ${CSV_ROWS} quoted rows`, () => {
  bench("baseline: split lines and commas", () => {
    csv.split("\n").map((line) => line.split(","));
  });
  bench("parseCsv", () => {
    parseCsv(csv);
  });
});

describe(`Parquet: ${PARQUET_ROWS} rows x ${IMAGE_BYTES} B in groups of 100`, () => {
  bench("baseline: parquetReadObjects, whole file at once", async () => {
    await parquetReadObjects({ file: parquet, utf8: false });
  });
  bench("openParquetShards + items, group by group", async () => {
    await drain((await openParquetShards("bench", [{ name: "b.parquet", file: parquet }])).items());
  });
});
