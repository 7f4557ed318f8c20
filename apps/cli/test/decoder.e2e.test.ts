import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AuditResult } from "@sc/lab";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GOLDEN, runCli } from "./run-cli.js";

const IMAGES = join(GOLDEN, "images");
const native = await import("@sc/decode-native").catch(() => undefined);
const libjpegBuilt = native?.loadLibjpegDecoder() !== undefined;
const sharpInstalled = (await native?.loadNativeDecoder()) !== undefined;

async function scan(dir: string, decoder: string): Promise<AuditResult | undefined> {
  if ((decoder === "libjpeg" && !libjpegBuilt) || (decoder === "sharp" && !sharpInstalled)) return undefined;
  const run = await runCli([
    "scan",
    dir,
    "--format",
    "json",
    "--quiet",
    "--workers",
    "2",
    "--decoder",
    decoder,
  ]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as AuditResult;
}

const scanAll = async (dir: string): Promise<(AuditResult | undefined)[]> =>
  Promise.all(DECODERS.map((decoder) => scan(dir, decoder)));
const DECODERS = ["auto", "libjpeg", "sharp", "wasm", "portable"] as const;

describe("--decoder", () => {
  let auto: AuditResult;
  let libjpeg: AuditResult | undefined;
  let sharp: AuditResult | undefined;
  let wasm: AuditResult;
  let portable: AuditResult;
  let work: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "sc-decoder-"));
    const results = await scanAll(IMAGES);
    [auto, libjpeg, sharp, wasm, portable] = results as [
      AuditResult,
      AuditResult | undefined,
      AuditResult | undefined,
      AuditResult,
      AuditResult,
    ];
  }, 120_000);
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it("names the decoder that ran in the result", () => {
    const sharpName = "sharp+jpeg-js/pngjs";
    expect(auto.dataset.decoder).toBe(
      libjpegBuilt ? "libjpeg/pngjs" : sharpInstalled ? sharpName : "mozjpeg-wasm/pngjs",
    );
    expect(libjpeg?.dataset.decoder).toBe(libjpegBuilt ? "libjpeg/pngjs" : undefined);
    expect(sharp?.dataset.decoder).toBe(sharpInstalled ? sharpName : undefined);
    expect(wasm.dataset.decoder).toBe("mozjpeg-wasm/pngjs");
    expect(portable.dataset.decoder).toBe("jpeg-js/pngjs");
  });

  it.skipIf(!libjpegBuilt)("gives the libjpeg addon's scores with libjpeg-turbo in WebAssembly", () => {
    expect(wasm.images).toEqual(libjpeg?.images);
  });

  it.skipIf(!libjpegBuilt || !sharpInstalled)(
    "gives identical scores with libjpeg and sharp (both are libjpeg-turbo with Pillow's settings)",
    () => {
      if (libjpeg === undefined || sharp === undefined || native === undefined)
        throw new Error("not scanned");
      // sharp hands smaller JPEGs to jpeg-js (its per-call cost), so only the larger ones compare.
      const decodedBySharp = (i: { width: number; height: number }) =>
        i.width * i.height >= native.DEFAULT_NATIVE_MIN_PIXELS;
      const bySharp = sharp.images.filter(decodedBySharp);
      expect(bySharp.length).toBeGreaterThan(10);
      expect(libjpeg.images.filter(decodedBySharp)).toEqual(bySharp);
    },
  );

  it("refuses a native decoder that is not available with a usage error naming why", async () => {
    const run = await runCli(["scan", IMAGES, "--decoder", "libjpeg"], {
      env: { SC_DISABLE_LIBJPEG: "1" },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--decoder libjpeg: the libjpeg decoder is not available");
    expect(run.stdout).toBe("");
  });

  it("gives the same images and, for PNG files, the same scores with either decoder", () => {
    expect(auto.images.map((i) => i.path)).toEqual(portable.images.map((i) => i.path));
    for (const [i, image] of auto.images.entries()) {
      if (!image.path.endsWith(".png")) continue;
      expect(image.scores, image.path).toEqual(portable.images[i]?.scores);
    }
  });

  it("keeps JPEG scores within decoder rounding of the portable path (golden/README.md tolerances)", () => {
    const tolerance = { dark: 0.01, light: 0.01, low_information: 0.02, blurry: 0.03 } as const;
    for (const [i, image] of auto.images.entries()) {
      for (const [name, limit] of Object.entries(tolerance)) {
        const a = image.scores[name as keyof typeof tolerance];
        const b = portable.images[i]?.scores[name as keyof typeof tolerance] as number;
        // Both decoders sit within the tolerance of Pillow, so they are within twice of each other.
        expect(Math.abs(a - b), `${image.path} ${name}`).toBeLessThanOrEqual(2 * limit);
      }
    }
  });

  it("reports a corrupt JPEG as an error entry with the reason, on either decoder", async () => {
    const dir = join(work, "broken");
    await mkdir(join(dir, "x"), { recursive: true });
    await copyFile(join(IMAGES, "day/030-gray_L-none.jpg"), join(dir, "x/good.jpg"));
    const bytes = await readFile(join(IMAGES, "day/030-gray_L-none.jpg"));
    await writeFile(join(dir, "x/cut.jpg"), bytes.subarray(0, bytes.length >> 1));
    for (const result of await scanAll(dir)) {
      if (result === undefined) continue;
      expect(result.images.map((i) => i.path)).toEqual(["x/good.jpg"]);
      expect(result.errors).toEqual([
        { path: "x/cut.jpg", message: "truncated JPEG: no end-of-image marker" },
      ]);
    }
  });

  it("refuses an unknown decoder name with a usage error", async () => {
    const run = await runCli(["scan", IMAGES, "--decoder", "pillow"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '--decoder must be one of auto, libjpeg, sharp, wasm, portable (got "pillow")',
    );
  });
});
