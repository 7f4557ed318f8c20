import { randomBytes } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Writes `content` (a string, or chunks written as they are produced) to `file` through a temporary file
 * in the same folder and a rename, so readers never see a partial report and an interrupted run leaves
 * no output file behind.
 */
export async function writeFileAtomic(
  file: string,
  content: string | Iterable<string>,
  signal?: AbortSignal,
): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temp, content, { signal });
    signal?.throwIfAborted();
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
