export { DISABLE_LIBJPEG_ENV, type LibjpegBinding, loadLibjpegBinding } from "./libjpeg-binding.js";
export {
  createLibjpegDecoder,
  type LibjpegDecodeOptions,
  type LibjpegDecoder,
  type PixelShape,
} from "./libjpeg-decoder.js";
export {
  chooseDecoder,
  type DecoderPreference,
  loadLibjpegDecoder,
  loadNativeDecoder,
  loadWasmDecoder,
} from "./load.js";
export { portableDecoder } from "./portable.js";
export { createSharpDecoder, DEFAULT_NATIVE_MIN_PIXELS, type SharpDecoderOptions } from "./sharp-decoder.js";
export type { AsyncDecodeOptions, AsyncImageDecoder, DecoderKind } from "./types.js";
export { createWasmBinding } from "./wasm-binding.js";
