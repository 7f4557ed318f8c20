import type { LabItem } from "@sc/lab";
import { thumbnailSize } from "@sc/report";

/** Small JPEG data URIs of the images the report shows, decoded and shrunk by the browser. */
export async function makeThumbnails(
  items: AsyncIterable<LabItem> | Iterable<LabItem>,
  paths: ReadonlySet<string>,
): Promise<Map<string, string>> {
  const thumbnails = new Map<string, string>();
  if (paths.size === 0) return thumbnails;
  for await (const item of items) {
    if (!paths.has(item.path) || thumbnails.has(item.path) || !item.read) continue;
    try {
      const blob = new Blob([(await item.read()) as Uint8Array<ArrayBuffer>]);
      const full = await createImageBitmap(blob);
      const size = thumbnailSize(full.width, full.height);
      full.close();
      const bitmap = await createImageBitmap(blob, {
        resizeWidth: size.width,
        resizeHeight: size.height,
        resizeQuality: "medium",
      });
      const canvas = document.createElement("canvas");
      canvas.width = size.width;
      canvas.height = size.height;
      canvas.getContext("2d")?.drawImage(bitmap, 0, 0);
      bitmap.close();
      thumbnails.set(item.path, canvas.toDataURL("image/jpeg", 0.8));
    } catch {
      // The audit already reported this file; a missing picture is all the report loses.
    }
    if (thumbnails.size === paths.size) break;
  }
  return thumbnails;
}
