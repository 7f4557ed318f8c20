import { decodeImage } from "./decode.js";
import { measureBytesWith } from "./measure-image.js";

export { measureImage } from "./measure-image.js";

/**
 * Decodes PNG/JPEG bytes and measures them; the pixels are dropped on return.
 * @throws {ImageError} naming `options.path` when the file cannot be used.
 */
export const measureBytes = measureBytesWith(decodeImage);
