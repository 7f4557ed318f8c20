/**
 * The browser build: the whole API except the pngjs/jpeg-js decoders, so bundles carry no Node
 * module. `decodeImage` and `measureBytes` decode only with `options.decoders`.
 */
export { decodeImage, measureBytes } from "./decode-browser.js";
export * from "./portable.js";
