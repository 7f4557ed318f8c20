import { crc32, deflateSync } from "node:zlib";
import { ADAM7_PASSES } from "../src/decoders/png.js";

/** A minimal PNG encoder for tests: any colour type and bit depth, palette, tRNS, Adam7. */
export interface PngSpec {
  width: number;
  height: number;
  colorType: 0 | 2 | 3 | 4 | 6;
  bitDepth: 1 | 2 | 4 | 8 | 16;
  /** Samples in row order, CHANNELS[colorType] per pixel, at the stored bit depth. */
  samples: readonly number[];
  palette?: readonly (readonly [number, number, number])[];
  trns?: Uint8Array;
  interlaced?: boolean;
}

export const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as const;

export function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(Buffer.from(type, "latin1"), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Filter-type-0 scanlines of the sub-image with the given start and step. */
function scanlines(spec: PngSpec, x0: number, y0: number, dx: number, dy: number): number[] {
  const channels = CHANNELS[spec.colorType];
  const bytes: number[] = [];
  for (let y = y0; y < spec.height; y += dy) {
    if (x0 >= spec.width) break;
    bytes.push(0);
    let acc = 0;
    let bits = 0;
    for (let x = x0; x < spec.width; x += dx) {
      for (let c = 0; c < channels; c++) {
        const v = spec.samples[(y * spec.width + x) * channels + c] ?? 0;
        if (spec.bitDepth === 16) bytes.push(v >> 8, v & 255);
        else {
          acc = (acc << spec.bitDepth) | v;
          bits += spec.bitDepth;
          if (bits === 8) {
            bytes.push(acc);
            acc = 0;
            bits = 0;
          }
        }
      }
    }
    if (bits > 0) bytes.push(acc << (8 - bits));
  }
  return bytes;
}

export function encodePng(spec: PngSpec): Uint8Array {
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, spec.width);
  view.setUint32(4, spec.height);
  ihdr.set([spec.bitDepth, spec.colorType, 0, 0, spec.interlaced ? 1 : 0], 8);
  const raw = spec.interlaced
    ? ADAM7_PASSES.flatMap(([x0, y0, dx, dy]) => scanlines(spec, x0, y0, dx, dy))
    : scanlines(spec, 0, 0, 1, 1);
  const parts = [Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr)];
  if (spec.palette) parts.push(chunk("PLTE", Uint8Array.from(spec.palette.flat())));
  if (spec.trns) parts.push(chunk("tRNS", spec.trns));
  parts.push(chunk("IDAT", deflateSync(Uint8Array.from(raw))), chunk("IEND", new Uint8Array(0)));
  return Buffer.concat(parts);
}
