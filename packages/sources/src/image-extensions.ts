/**
 * Extensions yielded as images. Formats the decoder may not handle (gif, webp, ...) are still
 * yielded so the decode stage reports "unsupported format" instead of silently dropping them.
 */
export const IMAGE_EXTENSIONS: readonly string[] = [
  ".jpg",
  ".jpeg",
  ".png",
  ".gif",
  ".webp",
  ".bmp",
  ".tif",
  ".tiff",
  ".avif",
];

/** True when the file name ends with an image extension, in any letter case. */
export function isImageFileName(name: string): boolean {
  const dot = name.lastIndexOf(".");
  return dot > 0 && IMAGE_EXTENSIONS.includes(name.slice(dot).toLowerCase());
}
