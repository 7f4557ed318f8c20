import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeImage } from "../src/decode.js";
import { readImageHeader } from "../src/decode-core.js";
import { ImageError } from "../src/errors.js";
import { imageFromRgba } from "../src/from-rgba.js";
import { GOLDEN_DIR } from "./golden.js";

const golden = (path: string): Uint8Array => readFileSync(new URL(`images/${path}`, GOLDEN_DIR));

/** RGBA as a canvas would return it for a decoded image. */
function asCanvasRgba(bytes: Uint8Array) {
  const image = decodeImage(bytes);
  const step = { gray: 1, rgb: 3, rgba: 4 }[image.format];
  const data = new Uint8ClampedArray(image.width * image.height * 4);
  for (let p = 0; p < image.width * image.height; p++) {
    for (let c = 0; c < 3; c++) data[p * 4 + c] = image.data[p * step + (step === 1 ? 0 : c)] as number;
    data[p * 4 + 3] = 255;
  }
  return { width: image.width, height: image.height, data };
}

describe("imageFromRgba (pixels decoded by a browser)", () => {
  it.each(["day/030-gray_L-none.jpg", "night/017-gray_L-none.png", "day/005-color-none.png"])(
    "%s gives the pixels the built-in decoder gives",
    (path) => {
      const bytes = golden(path);
      const { data, ...rest } = imageFromRgba(bytes, asCanvasRgba(bytes));
      const { data: expectedData, ...expectedRest } = decodeImage(bytes);
      expect(rest).toEqual(expectedRest);
      expect(Buffer.from(data).equals(Buffer.from(expectedData))).toBe(true);
    },
  );

  it("refuses pixels whose size is not the stored one (e.g. EXIF rotation applied)", () => {
    const bytes = golden("day/017-near_blank-none.jpg");
    const { width, height, data } = asCanvasRgba(bytes);
    expect(() => imageFromRgba(bytes, { width: height, height: width, data }, { path: "r.jpg" })).toThrow(
      ImageError,
    );
  });

  it("readImageHeader reads the stored size and colour model only", () => {
    expect(readImageHeader(golden("day/023-gray_L-blur6.jpg"))).toMatchObject({
      codec: "jpeg",
      width: 1024,
      height: 768,
      storedGray: true,
    });
  });
});
