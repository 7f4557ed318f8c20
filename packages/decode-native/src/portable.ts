import { decodeImage } from "@sc/properties";
import type { AsyncImageDecoder } from "./types.js";

/** The pure JavaScript decoders of `@sc/properties` (jpeg-js, pngjs): run everywhere. */
export const portableDecoder: AsyncImageDecoder = {
  kind: "portable",
  name: "jpeg-js/pngjs",
  decode: async (bytes, options = {}) => decodeImage(bytes, options),
};
