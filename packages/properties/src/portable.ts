// The API both entry points share: nothing here reaches a pixel decoder or a Node module.
export type {
  BrightnessPercentiles,
  Kernels,
  PixelFormat,
  PixelImage,
} from "@sc/core-wasm";
export {
  DEFAULT_MAX_DECODE_BYTES,
  DEFAULT_MAX_PIXELS,
  type DecodeOptions,
  formatMebibytes,
  readImageHeader,
} from "./decode-core.js";
export type { DecodedImage, ImageDecoder, ImageHeader } from "./decoders/types.js";
export { ImageError, type ImageErrorCode } from "./errors.js";
export { imageFromRgba, type RgbaPixels } from "./from-rgba.js";
export { blurryScore } from "./issues/blurry.js";
export { darkScore } from "./issues/dark.js";
export { grayscaleScore } from "./issues/grayscale.js";
export { lightScore } from "./issues/light.js";
export { lowInformationScore } from "./issues/low-information.js";
export { DEFAULT_ISSUE_THRESHOLDS, ISSUE_NAMES, type IssueName } from "./issues/names.js";
export { oddAspectRatioScore } from "./issues/odd-aspect-ratio.js";
export { imageSize, type OddSizeScorer, oddSizeScorer } from "./issues/odd-size.js";
export { measureImage } from "./measure-image.js";
export { percentileOfSorted } from "./percentile.js";
export type { RawProperties, ScoreInputs } from "./raw-properties.js";
export {
  type DatasetScorer,
  datasetScorer,
  datasetThresholds,
  type ImageScores,
  type ScoreOptions,
  scoreDataset,
} from "./score-dataset.js";
