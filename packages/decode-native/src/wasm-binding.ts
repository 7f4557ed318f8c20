import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import createMozjpegModule from "@jsquash/jpeg/codec/dec/mozjpeg_dec.js";
import type { LibjpegBinding } from "./libjpeg-binding.js";

interface RgbaImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** What decoding reaches of the Emscripten module: its `decode` and its memory. */
interface MozjpegModule {
  decode(data: Uint8Array, preserveOrientation: boolean): RgbaImage | null;
  HEAP8: Int8Array;
}

/** One module instance and the lines libjpeg printed since the last decode began. */
interface Instance {
  module: MozjpegModule;
  messages: string[];
}

/** The same scan limit as the addon's progress monitor: each scan is a pass over every coefficient. */
const MAX_SCANS = 256;

/**
 * The instance is dropped when its memory grew past this (a large image): WebAssembly memory never
 * shrinks, so keeping it would hold the largest image's memory for the rest of the run.
 */
const KEEP_HEAP_BYTES = 64 * 2 ** 20;

/** Start of scan markers: entropy-coded data never holds 0xff 0xda (its 0xff bytes are stuffed). */
function countScans(jpeg: Uint8Array): number {
  let scans = 0;
  for (let i = jpeg.indexOf(0xff); i >= 0; i = jpeg.indexOf(0xff, i + 1)) {
    if (jpeg[i + 1] === 0xda) scans++;
  }
  return scans;
}

const END_OF_IMAGE = Uint8Array.of(0xff, 0xd9);

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

const coded = (code: "corrupt" | "truncated" | "too_large", message: string): Error =>
  Object.assign(new Error(message), { code });

/**
 * libjpeg's fatal error as the addon reports it. libjpeg prints the message, then exits: the exit is
 * thrown, the message is the last line printed.
 */
function fatal(messages: readonly string[], cause: unknown): Error {
  const message = messages.at(-1) ?? (cause instanceof Error ? cause.message : String(cause));
  if (message.startsWith("Insufficient memory") || message.startsWith("Maximum supported image dimension")) {
    return coded("too_large", message);
  }
  return coded("corrupt", message);
}

/**
 * RGBA into RGB, four pixels as three 32-bit words (little-endian, as WebAssembly and every engine
 * that runs it): 0.3 ms instead of 1 ms per 512x512 image byte by byte. Pixels past the last whole
 * group of four go byte by byte.
 */
function rgbaToRgb(rgba: Uint8ClampedArray, out: Uint8Array): void {
  const pixels = rgba.length >> 2;
  let done = 0;
  if (out.byteOffset % 4 === 0 && rgba.byteOffset % 4 === 0) {
    const from = new Uint32Array(rgba.buffer, rgba.byteOffset, pixels);
    const to = new Uint32Array(out.buffer, out.byteOffset, (pixels >> 2) * 3);
    for (let i = 0, o = 0; i + 4 <= pixels; i += 4, o += 3) {
      const a = from[i] as number;
      const b = from[i + 1] as number;
      const c = from[i + 2] as number;
      const d = from[i + 3] as number;
      to[o] = (a & 0xffffff) | (b << 24);
      to[o + 1] = ((b >>> 8) & 0xffff) | (c << 16);
      to[o + 2] = ((c >>> 16) & 0xff) | (d << 8);
    }
    done = pixels & ~3;
  }
  for (let i = done; i < pixels; i++) {
    out[3 * i] = rgba[4 * i] as number;
    out[3 * i + 1] = rgba[4 * i + 1] as number;
    out[3 * i + 2] = rgba[4 * i + 2] as number;
  }
}

/** RGBA of a gray file into gray: libjpeg replicates gray into all three channels. */
function redChannel(rgba: Uint8ClampedArray, out: Uint8Array): void {
  const pixels = rgba.length >> 2;
  for (let i = 0; i < pixels; i++) out[i] = rgba[4 * i] as number;
}

/**
 * The addon's contract ({@link LibjpegBinding}) over mozjpeg's libjpeg-turbo decoder compiled to
 * WebAssembly (@jsquash/jpeg): the same decoder library with the same settings (accurate integer
 * IDCT, fancy upsampling), so the same pixels, without native code. libjpeg's warnings are accepted
 * as the addon accepts them, except running out of data, which is a truncated file.
 *
 * An instance is not reused after a failure: libjpeg leaves it by exiting, which skips the C clean-up
 * and leaks its memory and stack, so each failure costs a new instance (2-5 ms).
 */
export function createWasmBinding(): LibjpegBinding {
  const require = createRequire(import.meta.url);
  const compiled = new WebAssembly.Module(
    readFileSync(require.resolve("@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm")),
  );
  let current: Instance | undefined;

  function instantiate(): Instance {
    const messages: string[] = [];
    let failure: unknown;
    const settings = {
      noInitialRun: true,
      print: () => {},
      printErr: (line: string) => messages.push(line),
      instantiateWasm(imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance) => void) {
        try {
          const instance = new WebAssembly.Instance(compiled, imports);
          receive(instance);
          return instance.exports;
        } catch (error) {
          failure = error;
          throw error;
        }
      },
    };
    // With a synchronous instantiateWasm the factory fills `settings` in before it returns. Its promise
    // only repeats a failure thrown here, which must not become an unhandled rejection.
    createMozjpegModule(settings as never).catch(() => {});
    if (failure !== undefined) throw failure;
    const module = settings as unknown as Partial<MozjpegModule>;
    if (typeof module.decode !== "function")
      throw new Error("the mozjpeg WebAssembly module did not initialise synchronously");
    return { module: module as MozjpegModule, messages };
  }

  /** Decodes with the kept instance (or a new one), keeping it for the next file when it may be. */
  function decodeRgba(jpeg: Uint8Array): { image: RgbaImage | null; messages: readonly string[] } {
    const instance = current ?? instantiate();
    current = undefined;
    instance.messages.length = 0;
    let image: RgbaImage | null;
    try {
      image = instance.module.decode(jpeg, false);
    } catch (cause) {
      throw fatal(instance.messages, cause);
    }
    if (instance.module.HEAP8.byteLength <= KEEP_HEAP_BYTES) current = instance;
    return { image, messages: instance.messages };
  }

  return {
    decodeInto(jpeg, out, width, height, channels, maxMemory) {
      if (out.length !== width * height * channels) {
        const message = `out holds ${out.length} bytes, not ${width}x${height}x${channels}`;
        throw Object.assign(new TypeError(message), { code: "ERR_INVALID_ARG" });
      }
      if (countScans(jpeg) > MAX_SCANS) throw coded("corrupt", `more than ${MAX_SCANS} scans`);
      // The RGBA output is held twice, in the module's memory and copied out of it, besides the file.
      if (jpeg.length + 8 * width * height > maxMemory) {
        throw coded("too_large", `${width}x${height} pixels need more memory than the limit leaves libjpeg`);
      }
      let { image, messages } = decodeRgba(jpeg);
      if (messages.some((line) => line.startsWith("Premature end of JPEG file"))) {
        // libjpeg ran out of data. The addon (and Pillow) accept that after the last row, which here
        // shows as a clean decode once the end-of-image marker is supplied; a scan cut short shows as
        // a warning again.
        ({ image, messages } = decodeRgba(concat(jpeg, END_OF_IMAGE)));
        if (messages.length > 0) throw coded("truncated", "Premature end of JPEG file");
      }
      if (image === null) throw coded("corrupt", "mozjpeg returned no image");
      if (image.width !== width || image.height !== height) {
        const decoded = `${image.width}x${image.height}x${channels}`;
        throw coded("corrupt", `header says ${width}x${height}x${channels}, libjpeg decodes ${decoded}`);
      }
      (channels === 3 ? rgbaToRgb : redChannel)(image.data, out);
    },
  };
}
