/*
 * The folder rules of @sc/sources (image extensions, code-unit order). Its main entry reaches Node's
 * fs and its browser entry (`@sc/sources/parquet`) does not export these, so they are restated here;
 * test/folder-rules.test.ts fails if they drift from the package. Drop this file once
 * `@sc/sources/parquet` (or a browser entry) exports them.
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

export function isImageFileName(name: string): boolean {
  const dot = name.lastIndexOf(".");
  return dot > 0 && IMAGE_EXTENSIONS.includes(name.slice(dot).toLowerCase());
}

/** Locale-independent UTF-16 order, as the CLI sorts classes and files. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
