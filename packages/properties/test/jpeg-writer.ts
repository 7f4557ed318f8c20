import jpeg from "jpeg-js";

/** A baseline JPEG (quality 90) of the pixels `pixel(x, y) = [r, g, b]`. */
export function encodeJpeg(
  width: number,
  height: number,
  pixel: (x: number, y: number) => number[],
): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set([...pixel(x, y), 255], (y * width + x) * 4);
  }
  return jpeg.encode({ width, height, data }, 90).data;
}

const segment = (marker: number, body: number[]): number[] => [
  0xff,
  marker,
  (body.length + 2) >> 8,
  (body.length + 2) & 255,
  ...body,
];
/** A Huffman table with one 1-bit code, for symbol 0 (DC: no difference; AC: end of block). */
const oneCodeTable = (tableClass: number): number[] => [tableClass, 1, ...Array(15).fill(0), 0];

/**
 * A baseline JPEG whose blocks are all zero, so every component decodes to 128 (about 50 %), written
 * by hand because jpeg-js only encodes YCbCr 8x8-sampled images. Four components need an Adobe marker:
 * `adobeTransform` 0 = CMYK, 2 = YCCK, undefined = no Adobe marker. Any size: the file stays tiny
 * (2 bits per block), which makes slow and memory-hungry decodes cheap to write.
 */
export function blankJpeg(
  width: number,
  height: number,
  components: 1 | 3 | 4,
  adobeTransform?: number,
): Uint8Array {
  const adobe =
    adobeTransform === undefined
      ? []
      : segment(0xee, [...Buffer.from("Adobe"), 0, 100, 0, 0, 0, 0, adobeTransform]);
  const ids = Array.from({ length: components }, (_, i) => i + 1);
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8) * components;
  return Buffer.concat([
    Uint8Array.from([
      0xff,
      0xd8,
      ...adobe,
      ...segment(0xdb, [0, ...Array(64).fill(1)]),
      ...segment(0xc0, [
        8,
        height >> 8,
        height & 255,
        width >> 8,
        width & 255,
        components,
        ...ids.flatMap((id) => [id, 0x11, 0]),
      ]),
      ...segment(0xc4, oneCodeTable(0x00)),
      ...segment(0xc4, oneCodeTable(0x10)),
      ...segment(0xda, [components, ...ids.flatMap((id) => [id, 0]), 0, 63, 0]),
    ]),
    new Uint8Array(Math.ceil((blocks * 2) / 8)), // per block two 1-bit codes
    Uint8Array.from([0xff, 0xd9]),
  ]);
}

/** An 8x8 four-component JPEG (see {@link blankJpeg}). */
export const fourComponentJpeg = (adobeTransform?: number): Uint8Array => blankJpeg(8, 8, 4, adobeTransform);
