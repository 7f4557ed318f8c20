import { portableDecoder } from "./portable.js";
import { createSharpDecoder, type SharpDecoderOptions } from "./sharp-decoder.js";
import type { AsyncImageDecoder } from "./types.js";

export type DecoderPreference = "auto" | "native" | "portable";

/**
 * The sharp decoder when sharp and its prebuilt libvips load on this platform, else `undefined`.
 * Loading it turns off libvips' operation cache (every image is decoded once, so the cache would only
 * hold memory) and runs each decode on one libvips thread (parallelism comes from worker threads).
 */
export async function loadNativeDecoder(
  options: SharpDecoderOptions = {},
): Promise<AsyncImageDecoder | undefined> {
  try {
    const sharp = (await import("sharp")).default;
    sharp.cache(false);
    sharp.concurrency(1);
    return createSharpDecoder(sharp, options);
  } catch {
    return undefined;
  }
}

/**
 * `auto`: the native decoder when it loads, else the portable one; `native`: the native decoder or an
 * error saying it is not available; `portable`: jpeg-js/pngjs.
 */
export async function chooseDecoder(preference: DecoderPreference = "auto"): Promise<AsyncImageDecoder> {
  if (preference === "portable") return portableDecoder;
  const native = await loadNativeDecoder();
  if (native) return native;
  if (preference === "native") {
    throw new Error("the native decoder is not available: sharp or its prebuilt libvips did not load");
  }
  return portableDecoder;
}
