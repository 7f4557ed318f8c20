export { chooseDecoder, type DecoderPreference, loadNativeDecoder } from "./load.js";
export { portableDecoder } from "./portable.js";
export { createSharpDecoder, DEFAULT_NATIVE_MIN_PIXELS, type SharpDecoderOptions } from "./sharp-decoder.js";
export type { AsyncDecodeOptions, AsyncImageDecoder } from "./types.js";
