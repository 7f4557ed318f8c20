export { compareCodeUnits } from "./code-unit-order.js";
export { type CsvRecord, CsvRecordParser, parseCsv } from "./csv-records.js";
export { DatasetError, type DatasetErrorCode } from "./dataset-error.js";
export { toDatasetPath } from "./dataset-path.js";
export { IMAGE_EXTENSIONS, isImageFileName } from "./image-extensions.js";
export { openDataset } from "./node/open-dataset.js";
export * from "./parquet.js";
export type { Dataset, DatasetItem, DatasetKind, OpenDatasetOptions, SourceProblem } from "./types.js";
