import { open } from "node:fs/promises";
import { formatMebibytes, ImageError } from "@sc/properties";

/**
 * Largest file read as one image (512 MiB). Far above any real photo, but it keeps a huge or sparse file
 * from being read into memory whole before a decoder can look at its header.
 */
const MAX_FILE_BYTES = 512 * 2 ** 20;

/** Reads an image file, refusing oversized files from their size alone. */
export async function readImageFile(file: string, path: string): Promise<Uint8Array> {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    if (size > MAX_FILE_BYTES) {
      throw new ImageError(
        "too_large",
        `file is ${formatMebibytes(size)}, over the ${formatMebibytes(MAX_FILE_BYTES)} limit for one image`,
        path,
      );
    }
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
