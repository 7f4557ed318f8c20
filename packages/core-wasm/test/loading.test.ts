import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as browser from "../src/index.js";
import { kernelImports, wrapInstance } from "../src/kernels.js";
import * as node from "../src/node.js";
import type { Kernels } from "../src/types.js";
import { constant, wasmBytes } from "./helpers.js";

const sample = constant(80, 70, "rgb", [40, 80, 120]);
const module = new WebAssembly.Module(wasmBytes);
let reference: ReturnType<Kernels["analyze"]>;
let baseUrl = "";
const server = createServer((req, res) => {
  if (req.url === "/kernels.wasm") {
    res.writeHead(200, { "content-type": "application/wasm" }).end(wasmBytes);
  } else if (req.url === "/octet.wasm") {
    res.writeHead(200, { "content-type": "application/octet-stream" }).end(wasmBytes);
  } else {
    res.writeHead(404).end();
  }
});

beforeAll(async () => {
  reference = node.instantiateKernelsSync(wasmBytes).analyze(sample);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("loading", () => {
  const wasmResponse = () => new Response(wasmBytes, { headers: { "content-type": "application/wasm" } });
  it.each<[string, () => Promise<Kernels>]>([
    ["bytes", () => browser.instantiateKernels(wasmBytes)],
    ["an ArrayBuffer", () => browser.instantiateKernels(wasmBytes.slice().buffer)],
    ["a compiled Module", () => browser.instantiateKernels(module)],
    ["a Response (streaming)", () => browser.instantiateKernels(wasmResponse())],
    ["a Promise<Response>", () => browser.loadKernels(Promise.resolve(wasmResponse()))],
    ["a URL string", () => browser.loadKernels(`${baseUrl}/kernels.wasm`)],
    ["a URL without the wasm content type", () => browser.loadKernels(new URL(`${baseUrl}/octet.wasm`))],
    ["the node entry's bundled file", () => node.loadKernels()],
    ["the sync Module path", async () => node.instantiateKernelsSync(module)],
  ])("from %s", async (_, load) => {
    expect((await load()).analyze(sample)).toEqual(reference);
  });

  it("points both entries at a kernels.wasm", () => {
    expect(browser.defaultWasmUrl.pathname).toMatch(/\/kernels\.wasm$/);
    expect(node.wasmPath).toMatch(/dist[/\\]kernels\.wasm$/);
  });

  it("reports the URL and status when the download fails", async () => {
    await expect(browser.loadKernels(`${baseUrl}/missing.wasm`)).rejects.toThrow(/missing\.wasm: HTTP 404/);
  });

  it("rejects a module that is not the kernels", async () => {
    const empty = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
    await expect(browser.instantiateKernels(empty)).rejects.toThrow(/not the core-wasm kernels module/);
  });

  it("needs no host imports beyond the optional abort", () => {
    const imports = WebAssembly.Module.imports(module);
    expect(imports.every((i) => i.module === "env" && i.name === "abort")).toBe(true);
  });
});

describe("an instance after a failed analysis", () => {
  it("refuses further images instead of reading counts the failure left behind", async () => {
    const real = await WebAssembly.instantiate(
      wasmBytes,
      kernelImports(() => undefined),
    );
    let calls = 0;
    const failing = {
      exports: {
        ...real.instance.exports,
        analyze: () => {
          calls++;
          throw new WebAssembly.RuntimeError("memory access out of bounds");
        },
      },
    } as unknown as WebAssembly.Instance;
    const kernels = wrapInstance(failing);
    const image = constant(4, 4, "rgb", [10, 20, 30]);
    expect(() => kernels.analyze(image)).toThrow(/out of bounds/);
    expect(() => kernels.analyze(image)).toThrow(
      /unusable after an earlier failure \(memory access out of bounds\)/,
    );
    expect(calls).toBe(1);
  });
});
