// Default entry (browsers, workers, edge runtimes): fetches the bundled .wasm next to this file.

import { instantiateKernels } from "./instantiate.js";
import type { Kernels, WasmSource } from "./types.js";

export { instantiateKernels, instantiateKernelsSync } from "./instantiate.js";
export type * from "./types.js";

/** The bundled kernels.wasm (bundlers recognise this pattern and emit the asset). */
export const defaultWasmUrl: URL = new URL("./kernels.wasm", import.meta.url);

/** Instantiates the kernels from `source`, by default the bundled kernels.wasm. */
export function loadKernels(source: WasmSource = defaultWasmUrl): Promise<Kernels> {
  return instantiateKernels(source);
}
