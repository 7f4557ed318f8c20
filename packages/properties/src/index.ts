export { decodeImage, defaultDecoders } from "./decode.js";
export { createJpegDecoder } from "./decoders/jpeg.js";
export { pngDecoder } from "./decoders/png.js";
export { measureBytes } from "./measure.js";
export * from "./portable.js";
