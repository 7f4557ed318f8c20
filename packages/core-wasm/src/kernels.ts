import type { KernelStats, Kernels, PixelImage } from "./types.js";
import { bytesPerPixel, shapeBytesPerPixel } from "./validate.js";

interface KernelExports {
  memory: WebAssembly.Memory;
  RESULT_COUNT: WebAssembly.Global;
  prepare(width: number, height: number, channels: number): number;
  analyze(): void;
  results(): number;
}

/** The f64 block analyze() writes (order fixed by assembly/index.ts). */
type ResultBlock = [
  p1: number,
  p5: number,
  p10: number,
  p15: number,
  p90: number,
  p95: number,
  p99: number,
  entropy: number,
  blurriness: number,
  grayStd: number,
  grayscale: number,
];
const RESULT_COUNT = 11;

function readAssemblyScriptString(memory: WebAssembly.Memory, ptr: number): string {
  if (ptr === 0) return "";
  const bytes = new Uint32Array(memory.buffer, ptr - 4, 1)[0] ?? 0;
  return String.fromCharCode(...new Uint16Array(memory.buffer, ptr, bytes >>> 1));
}

/** The module's only possible import: AssemblyScript's abort, turned into a JS Error. */
export function kernelImports(memory: () => WebAssembly.Memory | undefined): WebAssembly.Imports {
  return {
    env: {
      abort(message: number, file: number, line: number, column: number) {
        const mem = memory();
        const text = mem ? readAssemblyScriptString(mem, message) : "";
        const where = mem ? readAssemblyScriptString(mem, file) : "";
        throw new Error(
          `core-wasm kernel aborted: ${text || "unknown reason"} at ${where}:${line}:${column}`,
        );
      },
    },
  };
}

function kernelExports(instance: WebAssembly.Instance): KernelExports {
  const e = instance.exports as Partial<KernelExports>;
  if (
    !(e.memory instanceof WebAssembly.Memory) ||
    typeof e.prepare !== "function" ||
    typeof e.analyze !== "function" ||
    typeof e.results !== "function" ||
    !(e.RESULT_COUNT instanceof WebAssembly.Global)
  ) {
    throw new TypeError(
      "not the core-wasm kernels module: missing memory, prepare, analyze, results or RESULT_COUNT export",
    );
  }
  if (e.RESULT_COUNT.value !== RESULT_COUNT) {
    throw new TypeError(
      `kernels.wasm writes ${e.RESULT_COUNT.value} results but this loader reads ${RESULT_COUNT}: mismatched builds`,
    );
  }
  return e as KernelExports;
}

/** Wraps an instance of kernels.wasm. Instances are single-threaded and reuse their memory. */
export function wrapInstance(instance: WebAssembly.Instance): Kernels {
  const wasm = kernelExports(instance);
  /** Lays out memory for an image of this shape (growing it when needed) and returns where its pixels go. */
  function inputView(shape: Omit<PixelImage, "data">, bpp: number): Uint8Array {
    const ptr = wasm.prepare(shape.width, shape.height, bpp);
    if (ptr === 0) {
      throw new RangeError(
        `image ${shape.width}x${shape.height} ${shape.format} does not fit in wasm memory`,
      );
    }
    return new Uint8Array(wasm.memory.buffer, ptr, shape.width * shape.height * bpp);
  }
  // Histograms and counts stay in memory between images, each cleared by the pass that reads it; a
  // trap part-way would leave them dirty, so after one the instance refuses work instead of answering
  // wrongly.
  let failure: string | undefined;
  return {
    inputView: (shape) => inputView(shape, shapeBytesPerPixel(shape)),
    analyze(image): KernelStats {
      if (failure !== undefined) {
        throw new Error(`core-wasm kernels instance unusable after an earlier failure (${failure})`);
      }
      const input = inputView(image, bytesPerPixel(image));
      const inPlace = image.data.buffer === input.buffer && image.data.byteOffset === input.byteOffset;
      if (!inPlace) input.set(image.data);
      try {
        wasm.analyze();
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
        throw error;
      }
      const block = new Float64Array(wasm.memory.buffer, wasm.results(), RESULT_COUNT);
      const [p1, p5, p10, p15, p90, p95, p99, entropy, blurriness, grayStd, grayscale] = Array.from(
        block,
      ) as ResultBlock;
      return {
        brightness: { p1, p5, p10, p15, p90, p95, p99 },
        entropy,
        blurriness,
        grayStd,
        grayscaleContent: grayscale === 1,
      };
    },
    memoryBytes: () => wasm.memory.buffer.byteLength,
  };
}
