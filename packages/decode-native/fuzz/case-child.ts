// One fuzz case at a time, in a child process so that a crash in native code (a signal) kills only
// this process and the parent sees which case did it. Each case runs through the libjpeg decoder and,
// for comparison, the WebAssembly libjpeg and sharp decoders.
import { createHash } from "node:crypto";
import { ImageError } from "@sc/properties";
import { loadLibjpegDecoder, loadNativeDecoder, loadWasmDecoder } from "../src/load.js";
import type { AsyncImageDecoder } from "../src/types.js";

/** A case sent by the parent. */
export interface ChildCase {
  index: number;
  bytes: Uint8Array;
}

/** `decoded` with a pixel digest, `refused:<code>` for an ImageError, `thrown: ...` for anything else. */
export type Outcome =
  | { kind: "decoded"; digest: string }
  | { kind: "refused"; code: string; reason: string }
  | { kind: "thrown"; error: string };

export interface ChildResult {
  index: number;
  libjpeg: Outcome;
  /** The same case through the decoders compared with the addon, by name. */
  others: Record<string, Outcome>;
  peakRssBytes: number;
}

const libjpeg = loadLibjpegDecoder();
if (libjpeg === undefined) throw new Error("the libjpeg addon is not built: run pnpm build first");
const others = Object.entries({ wasm: loadWasmDecoder(), sharp: await loadNativeDecoder({ minPixels: 0 }) });

async function outcomeOf(decoder: AsyncImageDecoder, bytes: Uint8Array): Promise<Outcome> {
  try {
    const image = await decoder.decode(bytes, { path: "case" });
    return { kind: "decoded", digest: createHash("sha1").update(image.data).digest("hex") };
  } catch (error) {
    if (error instanceof ImageError) return { kind: "refused", code: error.code, reason: error.reason };
    return { kind: "thrown", error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

process.on("message", async ({ index, bytes }: ChildCase) => {
  const result: ChildResult = {
    index,
    libjpeg: await outcomeOf(libjpeg, bytes),
    others: {},
    peakRssBytes: 0,
  };
  for (const [name, decoder] of others) {
    if (decoder) result.others[name] = await outcomeOf(decoder, bytes);
  }
  result.peakRssBytes = process.resourceUsage().maxRSS * 1024;
  process.send?.(result);
});
process.send?.("ready");
