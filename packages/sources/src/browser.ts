// Browser-safe entry point: no Node built-ins are reachable from here.
export { compareCodeUnits } from "./code-unit-order.js";
export { DatasetError, type DatasetErrorCode } from "./dataset-error.js";
export { hfClassNames } from "./hf-class-names.js";
export { IMAGE_EXTENSIONS, isImageFileName } from "./image-extensions.js";
export {
  asyncBufferFromBlob,
  type BlobLike,
  openParquetShards,
  type ParquetColumnOptions,
  type ParquetShard,
} from "./parquet-dataset.js";
export type { Dataset, DatasetItem, DatasetKind, SourceProblem } from "./types.js";
