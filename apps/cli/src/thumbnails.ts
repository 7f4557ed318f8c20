import type { AuditResult } from "@sc/lab";
import { type DecodedImage, decodeImage } from "@sc/properties";
import type { Dataset } from "@sc/sources";
import jpeg from "jpeg-js";

const THUMBNAIL_SIDE = 160;

/** Paths the HTML report shows pictures of: the worst images per issue and the correlation extremes. */
export function thumbnailPaths(result: AuditResult): Set<string> {
  const paths = new Set<string>();
  for (const entry of result.issueSummary) for (const ref of entry.worst) paths.add(ref.path);
  for (const c of result.correlations) {
    if (c.minimum) paths.add(c.minimum.path);
    if (c.maximum) paths.add(c.maximum.path);
  }
  return paths;
}

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
      const image = decodeImage(await item.read(), { path: item.path, maxPixels });
      thumbnails.set(item.path, toDataUri(shrink(image, THUMBNAIL_SIDE)));
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

/** Box-filter shrink to at most `side` pixels on the longer side, as RGBA for the JPEG encoder. */
function shrink(image: DecodedImage, side: number): Rgba {
  const scale = Math.max(1, Math.max(image.width, image.height) / side);
  const width = Math.max(1, Math.round(image.width / scale));
  const height = Math.max(1, Math.round(image.height / scale));
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
