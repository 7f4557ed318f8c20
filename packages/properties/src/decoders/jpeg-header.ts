import { ImageError } from "../errors.js";
import type { HeaderReader, ImageHeader } from "./types.js";

export interface JpegHeader extends ImageHeader {
  /** Components in the frame: 1 gray, 3 YCbCr/RGB, 4 CMYK/YCCK. */
  components: number;
  /** Start-of-frame marker, 0xc0 baseline, 0xc1 extended, 0xc2 progressive. */
  frameMarker: number;
  /** Samples of all components together, after chroma subsampling. */
  samples: number;
}

/** Frame types jpeg-js decodes (Huffman-coded, DCT); the others are named in the error. */
const SUPPORTED_FRAMES = new Set([0xc0, 0xc1, 0xc2]);
const frameName = (marker: number): string =>
  marker === 0xc3 || marker === 0xcb || marker === 0xc7 || marker === 0xcf
    ? "lossless JPEG"
    : marker >= 0xc9
      ? "arithmetic-coded JPEG"
      : "hierarchical JPEG";

const isFrameMarker = (m: number): boolean =>
  m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
// RSTn, SOI, TEM carry no length field.
const isStandalone = (m: number): boolean => (m >= 0xd0 && m <= 0xd8) || m === 0x01;

/**
 * Each progressive scan costs jpeg-js a pass over every block however few bytes it has, so a small
 * file with thousands of scans would take minutes; encoders write about ten.
 */
export const MAX_SCANS = 256;

export const isJpeg = (bytes: Uint8Array): boolean =>
  bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;

const isAdobeSegment = (bytes: Uint8Array, at: number): boolean =>
  String.fromCharCode(...bytes.subarray(at, at + 5)) === "Adobe";

const u16 = (bytes: Uint8Array, at: number): number => ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);

/**
 * Scans marker segments up to the first start-of-scan. The offset grows on every step, so the scan
 * ends on any input. Stray bytes between segments are skipped as decoders do.
 */
export function readJpegHeader(bytes: Uint8Array): JpegHeader {
  let frame: JpegHeader | undefined;
  let adobe = false;
  let offset = 2;
  while (offset < bytes.length) {
    if (bytes[offset] !== 0xff) {
      offset++;
      continue;
    }
    while (bytes[offset] === 0xff) offset++;
    if (offset >= bytes.length) break;
    const marker = bytes[offset++] as number;
    if (isStandalone(marker)) continue;
    if (marker === 0xd9) throw new ImageError("corrupt", "corrupt JPEG: end-of-image marker before any scan");
    if (offset + 2 > bytes.length) break;
    const length = u16(bytes, offset);
    if (length < 2)
      throw new ImageError("corrupt", `corrupt JPEG: segment 0xff${marker.toString(16)} of length ${length}`);
    if (marker === 0xda) {
      if (!frame) throw new ImageError("corrupt", "corrupt JPEG: scan before the frame header");
      // Without Adobe's marker the meaning of four components is unknown; jpeg-js refuses them too.
      if (frame.components === 4 && !adobe) {
        throw new ImageError(
          "unsupported_format",
          "unsupported format: 4-component JPEG without an Adobe colour marker",
        );
      }
      if (!hasEndOfImage(bytes, offset + length)) {
        throw new ImageError("truncated", "truncated JPEG: no end-of-image marker");
      }
      const { scans, frames } = countMarkers(bytes, offset - 2);
      if (frames > 0) throw moreThanOneFrame();
      if (scans > MAX_SCANS) {
        throw new ImageError("corrupt", `corrupt JPEG: ${scans} scans, more than the ${MAX_SCANS} accepted`);
      }
      return frame;
    }
    if (marker === 0xee && isAdobeSegment(bytes, offset + 2)) adobe = true;
    if (isFrameMarker(marker)) {
      if (frame) throw moreThanOneFrame();
      frame = readFrame(bytes, offset, marker);
    }
    offset += length;
  }
  throw new ImageError(
    "truncated",
    frame ? "truncated JPEG: no image data" : "truncated JPEG: no frame header",
  );
}

function readFrame(bytes: Uint8Array, offset: number, marker: number): JpegHeader {
  if (offset + 8 > bytes.length) throw new ImageError("truncated", "truncated JPEG: incomplete frame header");
  if (!SUPPORTED_FRAMES.has(marker))
    throw new ImageError("unsupported_format", `unsupported format: ${frameName(marker)}`);
  const precision = bytes[offset + 2] as number;
  const height = u16(bytes, offset + 3);
  const width = u16(bytes, offset + 5);
  const components = bytes[offset + 7] as number;
  if (precision !== 8)
    throw new ImageError("unsupported_format", `unsupported format: ${precision}-bit JPEG`);
  if (width === 0 || height === 0)
    throw new ImageError("corrupt", `corrupt JPEG: invalid size ${width}x${height}`);
  if (components !== 1 && components !== 3 && components !== 4) {
    throw new ImageError("unsupported_format", `unsupported format: JPEG with ${components} components`);
  }
  return {
    codec: "jpeg",
    width,
    height,
    storedGray: components === 1,
    components,
    frameMarker: marker,
    samples: componentSamples(bytes, offset + 8, components, width, height),
  };
}

/** Samples per component from the sampling factors (a missing or zero factor counts as 1). */
function componentSamples(
  bytes: Uint8Array,
  at: number,
  components: number,
  width: number,
  height: number,
): number {
  const factors = Array.from({ length: components }, (_, i) => bytes[at + 3 * i + 1] ?? 0x11).map((f) => [
    Math.max(1, f >> 4),
    Math.max(1, f & 15),
  ]);
  const hMax = Math.max(...factors.map(([h]) => h as number));
  const vMax = Math.max(...factors.map(([, v]) => v as number));
  let samples = 0;
  for (const [h, v] of factors) {
    samples += Math.ceil((width * (h as number)) / hMax) * Math.ceil((height * (v as number)) / vMax);
  }
  return samples;
}

/**
 * jpeg-js fills missing data of a cut-off file with gray and reports success; a file is accepted only
 * when an end-of-image marker follows the first scan (entropy-coded data never contains 0xffd9).
 */
function hasEndOfImage(bytes: Uint8Array, scanStart: number): boolean {
  for (let i = bytes.length - 2; i >= scanStart; i--) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
  }
  return false;
}

/**
 * Start-of-scan and frame markers from `from` on (entropy-coded data stuffs 0xff as 0xff00, so it
 * has no markers).
 */
function countMarkers(bytes: Uint8Array, from: number): { scans: number; frames: number } {
  let scans = 0;
  let frames = 0;
  for (let i = bytes.indexOf(0xff, from); i >= 0; i = bytes.indexOf(0xff, i + 1)) {
    const marker = bytes[i + 1] as number;
    if (marker === 0xda) scans++;
    else if (isFrameMarker(marker)) frames++;
  }
  return { scans, frames };
}

/**
 * A sequential or progressive JPEG has one frame; jpeg-js allocates the whole image again for every
 * frame header it meets, so 300 copies of one made a 7 kB file take 4 GB and a minute (fuzzer).
 */
const moreThanOneFrame = (): ImageError =>
  new ImageError("corrupt", "corrupt JPEG: more than one frame header");

/** Reads the frame header; no pixel decoding, so it has no dependencies (browser-safe). */
export const jpegHeaderReader: HeaderReader = { name: "jpeg", matches: isJpeg, readHeader: readJpegHeader };
