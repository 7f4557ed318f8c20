// Runtime-neutral instantiation: nothing here touches Node APIs, so it runs in browsers, workers and
// edge runtimes. workerd forbids compiling bytes at run time; there callers pass an imported Module.

import { kernelImports, wrapInstance } from "./kernels.js";
import type { Kernels, WasmSource } from "./types.js";

function freshImports(): { imports: WebAssembly.Imports; bind(instance: WebAssembly.Instance): void } {
  let memory: WebAssembly.Memory | undefined;
  return {
    imports: kernelImports(() => memory),
    bind(instance) {
      memory = instance.exports.memory as WebAssembly.Memory;
    },
  };
}

function isResponse(source: unknown): source is Response {
  return typeof Response !== "undefined" && source instanceof Response;
}

async function fromResponse(response: Response): Promise<WebAssembly.Instance> {
  if (!response.ok) throw new Error(`cannot load kernels.wasm from ${response.url}: HTTP ${response.status}`);
  const { imports, bind } = freshImports();
  const streamable =
    typeof WebAssembly.instantiateStreaming === "function" &&
    response.headers.get("content-type")?.split(";")[0]?.trim() === "application/wasm";
  const instance = streamable
    ? (await WebAssembly.instantiateStreaming(response, imports)).instance
    : (await WebAssembly.instantiate(await response.arrayBuffer(), imports)).instance;
  bind(instance);
  return instance;
}

/** Instantiates the kernels from bytes, a compiled module, a URL or a Response. */
export async function instantiateKernels(source: WasmSource): Promise<Kernels> {
  const resolved = await source;
  if (typeof resolved === "string" || resolved instanceof URL) {
    const url = String(resolved);
    let response: Response;
    try {
      response = await fetch(url);
    } catch (cause) {
      throw new Error(`cannot fetch kernels.wasm from ${url}: ${(cause as Error).message}`, { cause });
    }
    return wrapInstance(await fromResponse(response));
  }
  if (isResponse(resolved)) return wrapInstance(await fromResponse(resolved));
  const { imports, bind } = freshImports();
  const instance =
    resolved instanceof WebAssembly.Module
      ? await WebAssembly.instantiate(resolved, imports)
      : (await WebAssembly.instantiate(resolved, imports)).instance;
  bind(instance);
  return wrapInstance(instance);
}

/** Synchronous variant for worker threads that already hold the bytes or the compiled module. */
export function instantiateKernelsSync(source: BufferSource | WebAssembly.Module): Kernels {
  const module = source instanceof WebAssembly.Module ? source : new WebAssembly.Module(source);
  const { imports, bind } = freshImports();
  const instance = new WebAssembly.Instance(module, imports);
  bind(instance);
  return wrapInstance(instance);
}
