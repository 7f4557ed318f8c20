import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { formatMebibytes, ImageError } from "@sc/properties";

/**
 * Largest file read as one image (512 MiB). Far above any real photo, but it keeps a huge or sparse file
 * from being read into memory whole before a decoder can look at its header.
 */
const MAX_FILE_BYTES = 512 * 2 ** 20;

/**
 * Reads an image file, refusing oversized files from their size alone. Synchronous on purpose: the
 * measuring workers have nothing else to do meanwhile (the main thread only reads the few thumbnail
 * files), and the four thread-pool round trips of the promise API cost 0.5-0.8 ms per file against
 * 0.1-0.2 ms (a 42 KB JPEG). The sources list regular files only; a file replaced by a FIFO after
 * listing would block its worker (as an async open would), which no timeout can end.
 */
export function readImageFile(file: string, path: string): Uint8Array {
  const fd = openSync(file, "r");
  try {
    const { size } = fstatSync(fd);
    if (size > MAX_FILE_BYTES) {
      throw new ImageError(
        "too_large",
        `file is ${formatMebibytes(size)}, over the ${formatMebibytes(MAX_FILE_BYTES)} limit for one image`,
        path,
      );
    }
    const bytes = new Uint8Array(size);
    let filled = 0;
    // A file that shrank while being read ends early; one that grew is read up to its stat size.
    while (filled < size) {
      const n = readSync(fd, bytes, filled, size - filled, filled);
      if (n === 0) break;
      filled += n;
    }
    return filled === size ? bytes : bytes.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}
