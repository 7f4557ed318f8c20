import { readFileSync } from "node:fs";
import { ImageError } from "@sc/properties";

/**
 * A 97x61 JPEG of test/fixtures (gradients, stripes and noise, quality 85), written with
 * libjpeg-turbo 2.1.5's compressor: colour-444/-422/-420/-440 (luma sampling factors 1x1, 2x1, 2x2,
 * 1x2), colour-420-restart (a restart marker every 2 MCUs), colour-422-progressive
 * (jpeg_simple_progression), gray-progressive, gray-restart (every 3 MCUs).
 */
export const fixture = (name: string): Buffer =>
  readFileSync(new URL(`fixtures/${name}.jpg`, import.meta.url));

/** A marker segment: 0xff, marker, length, payload. */
export const segment = (marker: number, payload: number[]): Buffer =>
  Buffer.from([0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 255, ...payload]);

/** The ImageError a decode rejects with (anything else fails the test). */
export async function failure(promise: Promise<unknown>): Promise<ImageError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ImageError)) throw new Error(`expected an ImageError, got ${String(error)}`);
  return error;
}
