import { loadLibjpegBinding } from "./libjpeg-binding.js";
import { createLibjpegDecoder, type LibjpegDecoder } from "./libjpeg-decoder.js";
import { portableDecoder } from "./portable.js";
import { createSharpDecoder, type SharpDecoderOptions } from "./sharp-decoder.js";
import type { AsyncImageDecoder } from "./types.js";
import { createWasmBinding } from "./wasm-binding.js";

/**
 * `auto`: the fastest decoder that loads (libjpeg, then sharp, then wasm, then portable); `native`:
 * libjpeg or sharp, else an error; `libjpeg`, `sharp`, `wasm`: that one or an error; `portable`:
 * jpeg-js/pngjs.
 */
export type DecoderPreference = "auto" | "native" | "libjpeg" | "sharp" | "wasm" | "portable";

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
 * The libjpeg decoder when the optional addon was built and loads (see `SC_DISABLE_LIBJPEG`), else
 * `undefined`.
 */
export function loadLibjpegDecoder(): LibjpegDecoder | undefined {
  const binding = loadLibjpegBinding();
  return binding && createLibjpegDecoder(binding);
}

/**
 * libjpeg-turbo's decoder compiled to WebAssembly (mozjpeg's, from @jsquash/jpeg): the libjpeg
 * decoder's pixels without native code, or `undefined` where WebAssembly does not run.
 */
export function loadWasmDecoder(): LibjpegDecoder | undefined {
  try {
    return createLibjpegDecoder(createWasmBinding(), { kind: "wasm", name: "mozjpeg-wasm/pngjs" });
  } catch {
    return undefined;
  }
}

const UNAVAILABLE: Record<NamedKind, string> = {
  libjpeg:
    "the libjpeg decoder is not available: its addon was not built (no C compiler or jpeglib.h at build time), does not load, or SC_DISABLE_LIBJPEG=1",
  sharp: "the sharp decoder is not available: sharp or its prebuilt libvips did not load",
  native: "no native decoder is available: neither the libjpeg addon nor sharp loads",
  wasm: "the wasm decoder is not available: its WebAssembly module does not load",
};

type NamedKind = "libjpeg" | "sharp" | "native" | "wasm";

export async function chooseDecoder(preference: DecoderPreference = "auto"): Promise<AsyncImageDecoder> {
  if (preference === "portable") return portableDecoder;
  if (preference !== "wasm") {
    const libjpeg = preference === "sharp" ? undefined : loadLibjpegDecoder();
    if (libjpeg) return libjpeg;
    if (preference === "libjpeg") throw new Error(UNAVAILABLE.libjpeg);
    const sharp = await loadNativeDecoder();
    if (sharp) return sharp;
    if (preference !== "auto") throw new Error(UNAVAILABLE[preference]);
  }
  const wasm = loadWasmDecoder();
  if (wasm) return wasm;
  if (preference === "auto") return portableDecoder;
  throw new Error(UNAVAILABLE.wasm);
}
