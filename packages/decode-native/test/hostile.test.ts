import { ImageError } from "@sc/properties";
import { describe, expect, it } from "vitest";
import { hostileImageFiles } from "../../properties/test-support/hostile-corpus.js";
import { loadLibjpegDecoder, loadNativeDecoder, loadWasmDecoder } from "../src/load.js";
import type { AsyncImageDecoder } from "../src/types.js";

const decoders: [string, AsyncImageDecoder | undefined][] = [
  // Every JPEG through libvips, so the corpus exercises it and not only the jpeg-js fallback.
  ["sharp", await loadNativeDecoder({ minPixels: 0 })],
  ["libjpeg", loadLibjpegDecoder()],
  ["wasm", loadWasmDecoder()],
];

describe.each(decoders)("hostile-input corpus through the %s decoder", (_, native) => {
  it.skipIf(native === undefined).each(hostileImageFiles().map((file) => [file.name, file] as const))(
    "%s: decoded as expected or refused with the expected code",
    async (name, file) => {
      if (native === undefined) throw new Error("unreachable: the suite is skipped without a decoder");
      const outcome = await native.decode(file.bytes, { path: name }).then(
        (image) => ({
          outcome: "scored",
          width: image.width,
          height: image.height,
          storedGray: image.storedGray,
        }),
        (error: unknown) => {
          if (!(error instanceof ImageError)) throw error;
          expect(error.path).toBe(name);
          return { outcome: "error", code: error.code };
        },
      );
      const { expected } = file;
      expect(outcome).toEqual(
        expected.outcome === "scored" ? expected : { outcome: "error", code: expected.code },
      );
    },
  );
});
