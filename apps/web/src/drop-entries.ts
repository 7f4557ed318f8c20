import type { PickedFile } from "./folder-dataset.js";

/** The parts of the File and Directory Entries API a drop gives us (FileSystemEntry and friends). */
export interface DroppedEntry {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
  file?(success: (file: File) => void, failure?: (error: unknown) => void): void;
  createReader?(): {
    readEntries(success: (entries: DroppedEntry[]) => void, failure?: (error: unknown) => void): void;
  };
}

export interface DropListing {
  files: PickedFile[];
  /** Entries that could not be read, with the reason. */
  problems: { path: string; message: string }[];
}

/**
 * Every file below the dropped entries, with paths that start at the dropped names (as a folder
 * input's webkitRelativePath does). Directory readers return entries in batches until an empty one.
 */
export async function listDropped(entries: readonly DroppedEntry[]): Promise<DropListing> {
  const listing: DropListing = { files: [], problems: [] };
  const pending = entries.map((entry) => ({ entry, path: entry.name }));
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { entry, path } = next;
    try {
      if (entry.isFile && entry.file) {
        const read = entry.file.bind(entry);
        listing.files.push({
          path,
          file: await new Promise<File>((resolve, reject) => read(resolve, reject)),
        });
      } else if (entry.isDirectory && entry.createReader) {
        const reader = entry.createReader();
        for (;;) {
          const batch = await new Promise<DroppedEntry[]>((resolve, reject) =>
            reader.readEntries(resolve, reject),
          );
          if (batch.length === 0) break;
          for (const child of batch) pending.push({ entry: child, path: `${path}/${child.name}` });
        }
      }
    } catch (error) {
      listing.problems.push({
        path,
        message: `cannot read (${error instanceof Error ? error.message : String(error)})`,
      });
    }
  }
  return listing;
}
