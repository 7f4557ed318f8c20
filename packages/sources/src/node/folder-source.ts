import type { Dirent } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { join } from "node:path";
import { compareCodeUnits } from "../code-unit-order.js";
import { DatasetError, reasonOf } from "../dataset-error.js";
import { isImageFileName } from "../image-extensions.js";
import type { Dataset, SourceProblem } from "../types.js";
import { FileList } from "./file-item.js";

interface Walk {
  problems: SourceProblem[];
  ignoredFiles: number;
  /** Real paths of directories already listed: a symbolic link loop is entered only once. */
  visited: Set<string>;
}

type EntryKind = "directory" | "file" | "other";

/**
 * A folder with one subfolder per class (label = subfolder name; deeper folders belong to that
 * class), or, when no subfolder holds images, an unlabeled folder of loose images (label null).
 * Names starting with "." are skipped: hidden files count as ignored, hidden folders are not
 * entered. Symbolic links are followed, each real directory listed once.
 */
export async function openFolder(location: string, root: string): Promise<Dataset> {
  const walk: Walk = { problems: [], ignoredFiles: 0, visited: new Set() };
  let entries: Dirent[];
  try {
    walk.visited.add(await realpath(root));
    entries = await readdir(root, { withFileTypes: true });
  } catch (error) {
    throw new DatasetError(location, "not-found", `cannot list the folder (${reasonOf(error)})`);
  }
  const looseImages: string[] = [];
  const classes: { name: string; images: string[] }[] = [];
  for (const entry of sortByName(entries)) {
    if (entry.name.startsWith(".")) {
      if (!entry.isDirectory()) walk.ignoredFiles++;
      continue;
    }
    const kind = await kindOf(root, entry, entry.name, walk);
    if (kind === "directory") {
      classes.push({ name: entry.name, images: await imagesBelow(join(root, entry.name), entry.name, walk) });
    } else if (kind === "file" && isImageFileName(entry.name)) {
      looseImages.push(entry.name);
    } else if (kind !== undefined) {
      walk.ignoredFiles++;
    }
  }
  const labeled = classes.some((folder) => folder.images.length > 0);
  const files = new FileList(root);
  if (labeled) {
    for (const name of looseImages)
      walk.problems.push({ path: name, message: "image outside any class folder" });
    for (const folder of classes) {
      if (folder.images.length === 0)
        walk.problems.push({ path: folder.name, message: "empty class folder" });
      for (const path of folder.images.sort(compareCodeUnits)) files.add(path, folder.name);
    }
  } else {
    for (const path of looseImages) files.add(path, null);
  }
  if (files.size === 0) {
    throw new DatasetError(location, "empty", `holds no images (${walk.ignoredFiles} other files ignored)`);
  }
  return {
    kind: "folder",
    root,
    items: () => files.items(),
    size: files.size,
    problems: walk.problems,
    ignoredFiles: walk.ignoredFiles,
    classes: labeled ? files.distinctLabels() : null,
  };
}

/** Relative paths of the images anywhere below `dir`, reporting what cannot be read. */
async function imagesBelow(dir: string, relativeDir: string, walk: Walk): Promise<string[]> {
  const images: string[] = [];
  const pending = [{ dir, relativeDir }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const entries = await listOnce(next.dir, next.relativeDir, walk);
    for (const entry of entries) {
      const relativePath = `${next.relativeDir}/${entry.name}`;
      if (entry.name.startsWith(".")) {
        if (!entry.isDirectory()) walk.ignoredFiles++;
        continue;
      }
      const kind = await kindOf(next.dir, entry, relativePath, walk);
      if (kind === "directory") pending.push({ dir: join(next.dir, entry.name), relativeDir: relativePath });
      else if (kind === "file" && isImageFileName(entry.name)) images.push(relativePath);
      else if (kind !== undefined) walk.ignoredFiles++;
    }
  }
  return images;
}

/** Lists a directory unless its real path was listed before; failures become problems. */
async function listOnce(dir: string, relativeDir: string, walk: Walk): Promise<Dirent[]> {
  try {
    const real = await realpath(dir);
    if (walk.visited.has(real)) {
      walk.problems.push({
        path: relativeDir,
        message: "folder already visited through another path (symbolic link loop?)",
      });
      return [];
    }
    walk.visited.add(real);
    return sortByName(await readdir(dir, { withFileTypes: true }));
  } catch (error) {
    walk.problems.push({ path: relativeDir, message: `cannot read folder (${reasonOf(error)})` });
    return [];
  }
}

/** What an entry is, following symbolic links; undefined (and a problem) when that fails. */
async function kindOf(
  dir: string,
  entry: Dirent,
  relativePath: string,
  walk: Walk,
): Promise<EntryKind | undefined> {
  if (!entry.isSymbolicLink()) return entry.isDirectory() ? "directory" : entry.isFile() ? "file" : "other";
  try {
    const target = await stat(join(dir, entry.name));
    return target.isDirectory() ? "directory" : target.isFile() ? "file" : "other";
  } catch (error) {
    walk.problems.push({ path: relativePath, message: `cannot follow symbolic link (${reasonOf(error)})` });
    return undefined;
  }
}

function sortByName(entries: Dirent[]): Dirent[] {
  return entries.sort((a, b) => compareCodeUnits(a.name, b.name));
}
