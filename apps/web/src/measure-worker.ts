/// <reference lib="webworker" />
// One pool worker: decodes with the browser's own decoder and measures with the WASM kernels.
import { instantiateKernels, type Kernels } from "@sc/core-wasm";
import { describeFailure } from "@sc/lab";
import { imageFromRgba, measureImage, readImageHeader } from "@sc/properties";
import type { FromWorker, ToWorker } from "./pool-protocol.js";

declare const self: DedicatedWorkerGlobalScope;

let ready: Promise<{ kernels: Kernels; maxPixels: number }> | undefined;

async function measure(path: string, bytes: Uint8Array, kernels: Kernels, maxPixels: number) {
  const options = { path, maxPixels };
  // The header check refuses unknown formats and pixel bombs before the browser allocates pixels.
  readImageHeader(bytes, options);
  const bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>]), {
    imageOrientation: "none",
    colorSpaceConversion: "none",
    premultiplyAlpha: "none",
  });
  try {
    const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext("2d", {
      willReadFrequently: true,
    });
    if (!context) throw new Error("no 2D canvas context in this worker");
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height);
    return measureImage(imageFromRgba(bytes, pixels, options), kernels);
  } finally {
    bitmap.close();
  }
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === "init") {
    const { wasmModule, maxPixels } = message;
    ready = instantiateKernels(wasmModule).then((kernels) => ({ kernels, maxPixels }));
    return;
  }
  let reply: FromWorker;
  try {
    if (!ready) throw new Error("worker used before init");
    const { kernels, maxPixels } = await ready;
    reply = { id: message.id, raw: await measure(message.path, message.bytes, kernels, maxPixels) };
  } catch (error) {
    // createImageBitmap rejects with a DOMException for undecodable data; keep its reason.
    reply = { id: message.id, error: describeFailure(error) };
  }
  self.postMessage(reply);
};
