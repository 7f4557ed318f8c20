/*
 * Stand-in for `pngjs` and `node:zlib` in the browser bundle (see vite.config.ts). Both are reached
 * only through @sc/properties' built-in PNG decoder, which the app never calls: the browser decodes
 * with createImageBitmap and hands the pixels to `imageFromRgba`, which reads PNG headers without
 * them. Failing loudly beats bundling Node stream polyfills that would never run.
 */
function unavailable(): never {
  throw new Error("the Node PNG decoder is not available in the browser; decode with createImageBitmap");
}

export const crc32 = unavailable;
export const inflateSync = unavailable;
export const PNG = { sync: { read: unavailable } };
export default { PNG };
