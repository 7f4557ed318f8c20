// Node entry: same API as the default entry, but reads the bundled .wasm with fs (Node's fetch
// does not read file: URLs).

import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { instantiateKernels } from "./instantiate.js";
import type { Kernels, WasmSource } from "./types.js";

export { instantiateKernels, instantiateKernelsSync } from "./instantiate.js";
export type * from "./types.js";

/**
 * The bundled kernels.wasm. Spelled via ../dist so the same path holds from dist/node.js and from
 * src/node.ts when tests run against the sources after a build.
 */
export const defaultWasmUrl: URL = new URL("../dist/kernels.wasm", import.meta.url);

/** Filesystem path of the bundled kernels.wasm, e.g. to hand its bytes to worker threads. */
export const wasmPath: string = fileURLToPath(defaultWasmUrl);

/** Instantiates the kernels from `source`, by default the bundled kernels.wasm read from disk. */
export async function loadKernels(source?: WasmSource): Promise<Kernels> {
  return instantiateKernels(source ?? (await readFile(wasmPath)));
}
