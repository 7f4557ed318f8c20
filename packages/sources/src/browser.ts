// Browser-safe entry point: no Node built-ins are reachable from here.
export { DatasetError, type DatasetErrorCode } from "./dataset-error.js";
export { hfClassNames } from "./hf-class-names.js";
export {
  asyncBufferFromBlob,
  type BlobLike,
  openParquetShards,
  type ParquetColumnOptions,
  type ParquetShard,
} from "./parquet-dataset.js";
export type { Dataset, DatasetItem, DatasetKind, SourceProblem } from "./types.js";
