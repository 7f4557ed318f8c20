import type { Dirent } from "node:fs";
import { opendir, realpath, stat } from "node:fs/promises";
import { join } from "node:path";
import type { SpillFiles } from "@sc/spill";
import { compareCodeUnits } from "../code-unit-order.js";
import { DatasetError, reasonOf } from "../dataset-error.js";
import { isImageFileName } from "../image-extensions.js";
import type { Dataset, SourceProblem } from "../types.js";
import { ClassFiles } from "./class-files.js";
import { SortedNames } from "./sorted-names.js";

interface Walk {
  problems: SourceProblem[];
  ignoredFiles: number;
  /** Real paths of directories already listed: a symbolic link loop is entered only once. */
  visited: Set<string>;
}

/**
 * What one folder holds for the walk besides its images, which go to the caller as they are read;
 * hidden entries and other files are only counted.
 */
interface FolderEntries {
  /**
   * Visible folders and symbolic links, sorted by name: the walk enters and follows them in this
   * order, which fixes the order of the problems and which path of a folder linked twice is listed.
   */
  branches: Dirent[];
}

/**
 * A folder with one subfolder per class (label = subfolder name; deeper folders belong to that
 * class), or, when no subfolder holds images, an unlabeled folder of loose images (label null).
 * Names starting with "." are skipped: hidden files count as ignored, hidden folders are not
 * entered. Symbolic links are followed, each real directory listed once. Each class's names are
 * packed into the listing as soon as its folder is walked, so only one class's names are ever held
 * as strings; `spill` takes the packed listing out of memory (see {@link ClassFiles}).
 */
export async function openFolder(location: string, root: string, spill?: SpillFiles): Promise<Dataset> {
  const walk: Walk = { problems: [], ignoredFiles: 0, visited: new Set() };
  const looseImages = new SortedNames(spill);
  let top: FolderEntries;
  try {
    walk.visited.add(await realpath(root));
    top = await readFolder(root, walk, (name) => looseImages.add(name));
  } catch (error) {
    throw new DatasetError(location, "not-found", `cannot list the folder (${reasonOf(error)})`);
  }
  const files = new ClassFiles(root, spill);
  const classes: { name: string; images: number }[] = [];
  for (const entry of top.branches) {
    const role = await follow(root, entry, entry.name, walk);
    if (role === "folder") {
      const images = await imagesBelow(join(root, entry.name), entry.name, walk, spill);
      if (images.length > 0) files.add(entry.name, images.sorted());
      classes.push({ name: entry.name, images: images.length });
    } else if (role === "image") {
      looseImages.add(entry.name);
    }
  }
  const labeled = files.size > 0;
  if (labeled) {
    for (const name of looseImages.sorted())
      walk.problems.push({ path: name, message: "image outside any class folder" });
    for (const folder of classes)
      if (folder.images === 0) walk.problems.push({ path: folder.name, message: "empty class folder" });
  } else {
    files.add(null, looseImages.sorted());
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
    classes: labeled ? classes.filter((folder) => folder.images > 0).map((folder) => folder.name) : null,
  };
}

/** Paths below the class folder `dir` of the images anywhere in it; reports what cannot be read. */
async function imagesBelow(
  dir: string,
  className: string,
  walk: Walk,
  spill?: SpillFiles,
): Promise<SortedNames> {
  const images = new SortedNames(spill);
  // `below`: the folder's path below the class folder with a trailing "/", "" for the class folder.
  const pending = [{ dir, relativeDir: className, below: "" }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const below = next.below;
    // Files directly in the class folder keep the name strings the listing returned.
    const entries = await listOnce(next.dir, next.relativeDir, walk, (name) => images.add(below + name));
    if (entries === undefined) continue;
    for (const entry of entries.branches) {
      const relativePath = `${next.relativeDir}/${entry.name}`;
      const role = await follow(next.dir, entry, relativePath, walk);
      if (role === "folder") {
        pending.push({
          dir: join(next.dir, entry.name),
          relativeDir: relativePath,
          below: `${next.below}${entry.name}/`,
        });
      } else if (role === "image") {
        images.add(next.below + entry.name);
      }
    }
  }
  return images;
}

/** Lists a directory unless its real path was listed before; failures become problems. */
async function listOnce(
  dir: string,
  relativeDir: string,
  walk: Walk,
  onImage: (name: string) => void,
): Promise<FolderEntries | undefined> {
  try {
    const real = await realpath(dir);
    if (walk.visited.has(real)) {
      walk.problems.push({
        path: relativeDir,
        message: "folder already visited through another path (symbolic link loop?)",
      });
      return undefined;
    }
    walk.visited.add(real);
    return await readFolder(dir, walk, onImage);
  } catch (error) {
    walk.problems.push({ path: relativeDir, message: `cannot read folder (${reasonOf(error)})` });
    return undefined;
  }
}

/**
 * Reads a folder a few entries at a time, handing the names of its images to `onImage` and keeping
 * its branches: one array of Dirents for a folder of 150,000 files took more memory than the whole
 * listing keeps. Hidden and other files are added to `walk.ignoredFiles` once the folder has been
 * read completely.
 */
async function readFolder(dir: string, walk: Walk, onImage: (name: string) => void): Promise<FolderEntries> {
  const entries: FolderEntries = { branches: [] };
  let ignored = 0;
  const folder = await opendir(dir);
  try {
    // readSync hands out the Dir's buffered entries and refills the buffer with one system call;
    // iterating asynchronously would cost a promise per entry and double the time of a large folder.
    for (let entry = folder.readSync(); entry !== null; entry = folder.readSync()) {
      if (entry.name.startsWith(".")) {
        if (!entry.isDirectory()) ignored++;
      } else if (entry.isDirectory() || entry.isSymbolicLink()) {
        entries.branches.push(entry);
      } else if (entry.isFile() && isImageFileName(entry.name)) {
        onImage(entry.name);
      } else {
        ignored++;
      }
    }
  } finally {
    await folder.close();
  }
  walk.ignoredFiles += ignored;
  entries.branches.sort((a, b) => compareCodeUnits(a.name, b.name));
  return entries;
}

/**
 * What a branch (folder or symbolic link) is to the walk, following links: a folder to enter, an
 * image, or undefined when it is another kind of file (counted as ignored) or a broken link (a problem).
 */
async function follow(
  dir: string,
  entry: Dirent,
  relativePath: string,
  walk: Walk,
): Promise<"folder" | "image" | undefined> {
  if (!entry.isSymbolicLink()) return "folder";
  try {
    const target = await stat(join(dir, entry.name));
    if (target.isDirectory()) return "folder";
    if (target.isFile() && isImageFileName(entry.name)) return "image";
    walk.ignoredFiles++;
  } catch (error) {
    walk.problems.push({ path: relativePath, message: `cannot follow symbolic link (${reasonOf(error)})` });
  }
  return undefined;
}
