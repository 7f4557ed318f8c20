import { randomBytes } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

const pendingTemps = new Set<string>();

/**
 * Writes `content` (a string, or chunks written as they are produced) to `file` through a temporary file
 * in the same folder and a rename, so readers never see a partial report and an interrupted run leaves
 * no output file behind.
 */
export async function writeFileAtomic(file: string, content: string | Iterable<string>): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  pendingTemps.add(temp);
  try {
    await writeFile(temp, content);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    pendingTemps.delete(temp);
  }
}

/** Removes temporary files of writes still in flight (called on Ctrl-C before exiting). */
export async function removePendingTemps(): Promise<void> {
  await Promise.all([...pendingTemps].map((temp) => rm(temp, { force: true })));
}
