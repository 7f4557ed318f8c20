export * from "./browser.js";
export { type CsvRecord, CsvRecordParser, parseCsv } from "./csv-records.js";
export { toDatasetPath } from "./dataset-path.js";
export { openDataset } from "./node/open-dataset.js";
export type { Dataset, DatasetItem, DatasetKind, OpenDatasetOptions, SourceProblem } from "./types.js";
