import { existsSync, readFileSync } from "node:fs";
import { decodeImage, type ImageError } from "@sc/properties";
import { afterEach, describe, expect, it } from "vitest";
import { GOLDEN_DIR } from "../../properties/test/golden.js";
import { fourComponentJpeg } from "../../properties/test/jpeg-writer.js";
import { jpegWithFrame } from "../../properties/test-support/hostile-corpus.js";
import { DISABLE_LIBJPEG_ENV, type LibjpegBinding, loadLibjpegBinding } from "../src/libjpeg-binding.js";
import type { LibjpegDecoder, PixelShape } from "../src/libjpeg-decoder.js";
import { chooseDecoder, loadLibjpegDecoder, loadNativeDecoder, loadWasmDecoder } from "../src/load.js";
import { createWasmBinding } from "../src/wasm-binding.js";
import { failure, fixture, segment } from "./jpeg-cases.js";

const libjpeg = loadLibjpegDecoder();
const sharp = await loadNativeDecoder({ minPixels: 0 });
const golden = (path: string) => readFileSync(new URL(`images/${path}`, GOLDEN_DIR));

/** Byte offsets of every marker `0xff marker` in the file. */
function markers(bytes: Uint8Array, marker: number): number[] {
  const at: number[] = [];
  for (let i = bytes.indexOf(0xff); i >= 0; i = bytes.indexOf(0xff, i + 1)) {
    if (bytes[i + 1] === marker) at.push(i);
  }
  return at;
}

describe("the addon build", () => {
  it("is built and loads wherever jpeglib.h is installed (a silent build failure would skip the rest)", () => {
    if (existsSync("/usr/include/jpeglib.h") && process.env[DISABLE_LIBJPEG_ENV] !== "1") {
      expect(loadLibjpegBinding()).toBeDefined();
    }
  });
});

describe("automatic choice and fallback", () => {
  afterEach(() => {
    delete process.env[DISABLE_LIBJPEG_ENV];
  });

  it("prefers libjpeg, then sharp, then WebAssembly libjpeg, then the portable decoders", async () => {
    const fallback = sharp ? "sharp+jpeg-js/pngjs" : "mozjpeg-wasm/pngjs";
    expect((await chooseDecoder("auto")).name).toBe(libjpeg ? "libjpeg/pngjs" : fallback);
    expect((await chooseDecoder("native")).name).toBe(libjpeg ? "libjpeg/pngjs" : fallback);
    process.env[DISABLE_LIBJPEG_ENV] = "1";
    expect(loadLibjpegDecoder()).toBeUndefined();
    expect((await chooseDecoder("auto")).name).toBe(fallback);
    await expect(chooseDecoder("libjpeg")).rejects.toThrow(
      "the libjpeg decoder is not available: its addon was not built",
    );
  });

  it("gives the decoder asked for by name", async () => {
    if (sharp) expect((await chooseDecoder("sharp")).name).toBe("sharp+jpeg-js/pngjs");
    if (libjpeg) expect((await chooseDecoder("libjpeg")).name).toBe("libjpeg/pngjs");
    expect((await chooseDecoder("wasm")).name).toBe("mozjpeg-wasm/pngjs");
    expect((await chooseDecoder("portable")).name).toBe("jpeg-js/pngjs");
  });
});

/** The addon (where it is built) and the WebAssembly build: one contract, one set of cases. */
const libjpegDecoders = [
  ...(libjpeg
    ? [
        {
          label: "libjpeg addon",
          decoder: libjpeg,
          binding: loadLibjpegBinding() as LibjpegBinding,
          overMemory: "needs more memory than the limit leaves libjpeg (Backing store not supported)",
          off440: 0,
        },
      ]
    : []),
  {
    label: "WebAssembly libjpeg",
    decoder: loadWasmDecoder() as LibjpegDecoder,
    binding: createWasmBinding(),
    overMemory: "97x61 pixels need more memory than the limit leaves libjpeg",
    // Its mozjpeg predates libjpeg-turbo 2.0's smooth vertical chroma upsampling (4:4:0 only).
    off440: 2,
  },
];

describe.each(libjpegDecoders)("$label decoder", ({ decoder, binding, overMemory, off440 }) => {
  it("decodes 4:4:4, 4:2:2, 4:2:0 and 4:4:0 colour to RGB, as sharp's libjpeg-turbo does (4:4:0: see off440)", async () => {
    for (const name of ["colour-444", "colour-422", "colour-420", "colour-440"]) {
      const image = decoder.decodeSync(fixture(name), { path: name });
      expect([image.width, image.height, image.format, image.storedGray, image.codec]).toEqual([
        97,
        61,
        "rgb",
        false,
        "jpeg",
      ]);
      if (!sharp) continue;
      const reference = (await sharp.decode(fixture(name))).data;
      const off = image.data.reduce(
        (most, v, i) => Math.max(most, Math.abs(v - (reference[i] as number))),
        0,
      );
      expect(off, name).toBe(name === "colour-440" ? off440 : 0);
    }
  });

  it("keeps gray files gray, one byte per pixel, within a step of jpeg-js", () => {
    for (const name of ["gray-progressive", "gray-restart"]) {
      const image = decoder.decodeSync(fixture(name));
      expect([image.format, image.storedGray, image.data.length]).toEqual(["gray", true, 97 * 61]);
      const portable = decodeImage(fixture(name)).data;
      expect(image.data.every((v, i) => Math.abs(v - (portable[i] as number)) <= 1)).toBe(true);
    }
  });

  it("4:4:4 colour is within JPEG rounding of jpeg-js (no chroma upsampling to differ in)", () => {
    const image = decoder.decodeSync(fixture("colour-444"));
    const portable = decodeImage(fixture("colour-444")).data;
    expect(image.data.every((v, i) => Math.abs(v - (portable[i] as number)) <= 3)).toBe(true);
  });

  it("restart markers and progressive scans change the coding, not the pixels", () => {
    expect(markers(fixture("colour-420-restart"), 0xd0).length).toBeGreaterThan(0);
    expect(markers(fixture("colour-422-progressive"), 0xda).length).toBeGreaterThan(1);
    expect(decoder.decodeSync(fixture("colour-420-restart"))).toEqual(
      decoder.decodeSync(fixture("colour-420")),
    );
    expect(decoder.decodeSync(fixture("colour-422-progressive"))).toEqual(
      decoder.decodeSync(fixture("colour-422")),
    );
    expect(decoder.decodeSync(fixture("gray-progressive"))).toEqual(
      decoder.decodeSync(fixture("gray-restart")),
    );
  });

  it("leaves PNG and four-component JPEGs to the portable decoders (identical pixels)", async () => {
    for (const bytes of [
      golden("day/032-near_blank-blur6.png"),
      fourComponentJpeg(0),
      fourComponentJpeg(2),
    ]) {
      expect(await decoder.decode(bytes)).toEqual(decodeImage(bytes));
    }
  });

  it("writes into the array `allocate` returns, e.g. a view of the kernels' WebAssembly memory", () => {
    const memory = new ArrayBuffer(65536);
    const shapes: PixelShape[] = [];
    const view = (byteLength: number, shape: PixelShape) => {
      shapes.push(shape);
      return new Uint8Array(memory, 1024, byteLength);
    };
    const image = decoder.decodeSync(fixture("colour-420"), { allocate: view });
    expect(image.data.buffer).toBe(memory);
    expect(shapes).toEqual([{ width: 97, height: 61, format: "rgb" }]);
    expect(image.data).toEqual(decoder.decodeSync(fixture("colour-420")).data);
    expect(() => decoder.decodeSync(fixture("colour-420"), { allocate: () => new Uint8Array(5) })).toThrow(
      `allocate(${97 * 61 * 3}) returned 5 bytes`,
    );
  });

  it("accepts the warnings Pillow and sharp accept: extraneous bytes, a scan cut short by a marker", async () => {
    const clean = fixture("colour-420");
    const [sos] = markers(clean, 0xda);
    const extraneous = Buffer.concat([clean.subarray(0, sos), Buffer.from([1, 2, 3]), clean.subarray(sos)]);
    expect(decoder.decodeSync(extraneous)).toEqual(decoder.decodeSync(clean));
    const cut = Buffer.concat([clean.subarray(0, clean.length * 0.6), Buffer.from([0xff, 0xd9])]);
    const image = decoder.decodeSync(cut);
    expect([image.width, image.height]).toEqual([97, 61]);
    if (sharp) expect(image.data).toEqual((await sharp.decode(cut)).data);
  });

  it("accepts data ending after the last row, as Pillow does; refuses data ending before it", async () => {
    const clean = fixture("colour-420");
    // The only end-of-image marker hides in a comment, so libjpeg runs out of data looking for one.
    const eoiInComment = Buffer.concat([clean.subarray(0, -2), segment(0xfe, [0xff, 0xd9])]);
    expect(decoder.decodeSync(eoiInComment)).toEqual(decoder.decodeSync(clean));
    const progressive = fixture("colour-422-progressive");
    const secondScan = markers(progressive, 0xda)[1];
    // After the first scan, a segment claiming more bytes than are left (so the header check finds
    // an end-of-image marker, but libjpeg does not).
    const cut = Buffer.concat([
      progressive.subarray(0, secondScan),
      Buffer.from([0xff, 0xe1, 0x10, 0, 0xff, 0xd9]),
    ]);
    const error = await failure(decoder.decode(cut, { path: "cut.jpg" }));
    expect([error.code, error.message]).toEqual([
      "truncated",
      "cut.jpg: truncated JPEG: Premature end of JPEG file",
    ]);
  });

  it("turns libjpeg's fatal errors into a corrupt-JPEG error naming the file and libjpeg's reason", async () => {
    const broken = fixture("colour-420").slice();
    const [sos] = markers(broken, 0xda);
    // The scan names a component the frame does not have.
    broken[(sos as number) + 5] = 99;
    const error = await failure(decoder.decode(broken, { path: "bad.jpg" }));
    expect([error.code, error.message]).toEqual([
      "corrupt",
      "bad.jpg: corrupt JPEG: Invalid component ID 99 in SOS",
    ]);
  });

  it("applies the header checks of @sc/properties first", async () => {
    const colour = fixture("colour-420");
    const checks: [Uint8Array, object, ImageError["code"]][] = [
      [colour, { maxPixels: 97 * 61 - 1 }, "too_large"],
      [colour.subarray(0, -40), {}, "truncated"],
      [new Uint8Array(0), {}, "empty"],
      [new TextEncoder().encode("GIF89a...."), {}, "unsupported_format"],
    ];
    for (const [bytes, limits, code] of checks) {
      const error = await failure(decoder.decode(bytes, { path: "f.jpg", ...limits }));
      expect([error.code, error.path]).toEqual([code, "f.jpg"]);
    }
  });

  it("refuses files whose output and libjpeg's working memory exceed the memory limit, before decoding", async () => {
    // The output twice (the kernels copy it) plus 64 KiB and 64 bytes per column of libjpeg's rows.
    const sequential = 2 * 97 * 61 * 3 + 65536 + 64 * 97;
    const error = await failure(
      decoder.decode(fixture("colour-420"), { path: "f.jpg", maxDecodeBytes: sequential - 1 }),
    );
    expect([error.code, error.message]).toEqual([
      "too_large",
      "f.jpg: JPEG declares 97x61 pixels, which need about 1 MiB to decode, over the 1 MiB memory limit",
    ]);
    expect(decoder.decodeSync(fixture("colour-420"), { maxDecodeBytes: sequential }).data).toHaveLength(
      97 * 61 * 3,
    );
    // Progressive files also hold every coefficient: 2 bytes per sample (97x61 luma, 49x61 chroma x2).
    const progressive = sequential + 2 * (97 * 61 + 2 * 49 * 61);
    expect(
      (await failure(decoder.decode(fixture("colour-422-progressive"), { maxDecodeBytes: progressive - 1 })))
        .code,
    ).toBe("too_large");
    expect(decoder.decodeSync(fixture("colour-422-progressive"), { maxDecodeBytes: progressive }).width).toBe(
      97,
    );
  });

  it("refuses sides over libjpeg's 65500 as too large (the frame header allows 65535)", async () => {
    const error = await failure(decoder.decode(jpegWithFrame(0xc0, 65535, 1), { path: "wide.jpg" }));
    expect([error.code, error.message]).toEqual([
      "too_large",
      "wide.jpg: JPEG too large: Maximum supported image dimension is 65500 pixels",
    ]);
  });

  it("caps libjpeg's own memory (max_memory_to_use): a progressive file over it is too large", () => {
    const out = new Uint8Array(97 * 61 * 3);
    expect(() => binding.decodeInto(fixture("colour-422-progressive"), out, 97, 61, 3, 1000)).toThrow(
      expect.objectContaining({ code: "too_large", message: overMemory }),
    );
    binding.decodeInto(fixture("colour-422-progressive"), out, 97, 61, 3, 60_000);
    expect(out).toEqual(decoder.decodeSync(fixture("colour-422")).data);
  });

  it("stops at 256 scans even when called directly (a few KB of repeated scans would decode for minutes)", () => {
    const progressive = fixture("gray-progressive");
    const lastScan = progressive.lastIndexOf(Buffer.from([0xff, 0xda]));
    const withScans = (extra: number) =>
      Buffer.concat([
        progressive.subarray(0, progressive.length - 2),
        ...Array.from({ length: extra }, () => progressive.subarray(lastScan, progressive.length - 2)),
        Buffer.from([0xff, 0xd9]),
      ]);
    const out = new Uint8Array(97 * 61);
    binding.decodeInto(withScans(100), out, 97, 61, 1, 1e7);
    expect(() => binding.decodeInto(withScans(300), out, 97, 61, 1, 1e7)).toThrow(
      expect.objectContaining({ code: "corrupt", message: "more than 256 scans" }),
    );
  });

  it("checks its arguments: the output must be width x height x channels bytes", () => {
    expect(() => binding.decodeInto(fixture("colour-420"), new Uint8Array(10), 97, 61, 3, 1e6)).toThrow(
      expect.objectContaining({ code: "ERR_INVALID_ARG" }),
    );
    // A header that disagrees with the file (the caller's mistake, or a second frame header).
    expect(() =>
      binding.decodeInto(fixture("colour-420"), new Uint8Array(96 * 61 * 3), 96, 61, 3, 1e6),
    ).toThrow(
      expect.objectContaining({ code: "corrupt", message: "header says 96x61x3, libjpeg decodes 97x61x3" }),
    );
  });
});

describe("WebAssembly libjpeg binding", () => {
  it("throws when a module instance cannot be made (no memory), without an unhandled rejection, and recovers", () => {
    const binding = createWasmBinding();
    const out = new Uint8Array(97 * 61 * 3);
    const expected = new Uint8Array(out.length);
    createWasmBinding().decodeInto(fixture("colour-420"), expected, 97, 61, 3, 1e7);
    const { Instance } = WebAssembly;
    WebAssembly.Instance = function refuse() {
      throw new RangeError("WebAssembly.Instance(): Out of memory");
    } as unknown as typeof WebAssembly.Instance;
    try {
      expect(() => binding.decodeInto(fixture("colour-420"), out, 97, 61, 3, 1e7)).toThrow("Out of memory");
    } finally {
      WebAssembly.Instance = Instance;
    }
    binding.decodeInto(fixture("colour-420"), out, 97, 61, 3, 1e7);
    expect(out).toEqual(expected);
  });
});
