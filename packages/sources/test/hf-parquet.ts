import { parquetWriteBuffer } from "hyparquet-writer";

export type Image = { bytes: Uint8Array | null; path: string | null } | null;

const hfMetadata = (names: string[]) => ({
  key: "huggingface",
  value: JSON.stringify({
    info: { features: { image: { _type: "Image" }, label: { names, _type: "ClassLabel" } } },
  }),
});

/** A Parquet file shaped like the `datasets` library writes: image struct {bytes, path} and a label. */
export function hfParquet(
  images: Image[],
  labels: (number | string | null)[],
  options: { names?: string[]; rowGroupSize?: number; imageColumn?: string } = {},
): ArrayBuffer {
  const imageColumn = options.imageColumn ?? "image";
  const stringLabels = labels.some((label) => typeof label === "string");
  return parquetWriteBuffer({
    columnData: [
      { name: "id", data: images.map((_, i) => i) },
      { name: imageColumn, data: images },
      { name: "label", data: labels.map((label) => (typeof label === "number" ? BigInt(label) : label)) },
    ],
    schema: [
      { name: "root", num_children: 3 },
      { name: "id", type: "INT32", repetition_type: "REQUIRED" },
      { name: imageColumn, repetition_type: "OPTIONAL", num_children: 2 },
      { name: "bytes", type: "BYTE_ARRAY", repetition_type: "OPTIONAL" },
      { name: "path", type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "OPTIONAL" },
      stringLabels
        ? { name: "label", type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "OPTIONAL" }
        : { name: "label", type: "INT64", repetition_type: "OPTIONAL" },
    ],
    rowGroupSize: options.rowGroupSize ?? 1000,
    kvMetadata: options.names ? [hfMetadata(options.names)] : [],
  });
}
