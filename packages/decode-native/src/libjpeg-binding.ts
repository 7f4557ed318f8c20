import { createRequire } from "node:module";

/** The one function of the addon built from native/libjpeg_decode.c. */
export interface LibjpegBinding {
  /**
   * Decodes `jpeg` into `out` (exactly width x height x channels bytes: 1 gray, 3 RGB), with libjpeg
   * using at most `maxMemory` bytes of its own. Throws an Error whose `code` is "corrupt",
   * "truncated" or "too_large" and whose message is libjpeg's.
   */
  decodeInto(
    jpeg: Uint8Array,
    out: Uint8Array,
    width: number,
    height: number,
    channels: number,
    maxMemory: number,
  ): void;
}

/** Set to `1` to act as if the addon were not built (fallback tests, decoder comparisons). */
export const DISABLE_LIBJPEG_ENV = "SC_DISABLE_LIBJPEG";

/** Where `pnpm build` (scripts/build-native.mjs) puts the addon, relative to src/ and dist/ alike. */
const ADDON_PATH = "../build/Release/sc_libjpeg.node";

/**
 * The addon, or `undefined` when it was not built (no compiler or jpeglib.h at build time), does not
 * load (no libjpeg.so at run time) or is disabled through {@link DISABLE_LIBJPEG_ENV}.
 */
export function loadLibjpegBinding(): LibjpegBinding | undefined {
  if (process.env[DISABLE_LIBJPEG_ENV] === "1") return undefined;
  try {
    return createRequire(import.meta.url)(ADDON_PATH) as LibjpegBinding;
  } catch {
    return undefined;
  }
}
