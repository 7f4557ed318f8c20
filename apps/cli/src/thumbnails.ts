import { type DecodedImage, decodeImage } from "@sc/properties";
import { thumbnailSize } from "@sc/report";
import type { Dataset } from "@sc/sources";
import jpeg from "jpeg-js";
import { readImageFile } from "./read-image-file.js";

/** Small JPEG data URIs for `paths`, made by reading those items again (pixels are never kept). */
export async function makeThumbnails(
  dataset: Dataset,
  paths: ReadonlySet<string>,
  maxPixels: number,
): Promise<Map<string, string>> {
  const thumbnails = new Map<string, string>();
  if (paths.size === 0) return thumbnails;
  for await (const item of dataset.items()) {
    if (!paths.has(item.path) || thumbnails.has(item.path)) continue;
    try {
      const bytes = item.file === undefined ? await item.read() : readImageFile(item.file, item.path);
      const image = decodeImage(bytes, { path: item.path, maxPixels });
      thumbnails.set(item.path, toDataUri(shrink(image)));
    } catch {
      // The scan already reported this file; a missing picture is all the report loses.
    }
    if (thumbnails.size === paths.size) break;
  }
  return thumbnails;
}

interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Box-filter shrink to thumbnail size, as RGBA for the JPEG encoder. */
function shrink(image: DecodedImage): Rgba {
  const { width, height } = thumbnailSize(image.width, image.height);
  const channels = image.format === "gray" ? 1 : image.format === "rgb" ? 3 : 4;
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor((y * image.height) / height);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * image.height) / height));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor((x * image.width) / width);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * image.width) / width));
      const sum = [0, 0, 0];
      for (let sy = y0; sy < y1; sy++) {
        for (let sx = x0; sx < x1; sx++) {
          const at = (sy * image.width + sx) * channels;
          for (let c = 0; c < 3; c++)
            sum[c] = (sum[c] ?? 0) + (image.data[at + (channels === 1 ? 0 : c)] ?? 0);
        }
      }
      const count = (y1 - y0) * (x1 - x0);
      const to = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) out[to + c] = Math.round((sum[c] ?? 0) / count);
      out[to + 3] = 255;
    }
  }
  return { width, height, data: out };
}

function toDataUri(image: Rgba): string {
  const encoded = jpeg.encode(image, 80);
  return `data:image/jpeg;base64,${Buffer.from(encoded.data).toString("base64")}`;
}
