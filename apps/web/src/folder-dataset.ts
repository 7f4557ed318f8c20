import type { LabItem } from "@sc/lab";
import type { FileError } from "@sc/report";
import { compareCodeUnits, isImageFileName } from "@sc/sources/browser";

/** A file picked by the user with its path relative to the picked folder's parent ("photos/day/a.jpg"). */
export interface PickedFile {
  path: string;
  file: Blob;
}

export interface FolderDataset {
  /** Name of the picked folder, shown as the source. */
  root: string;
  items: LabItem[];
  problems: FileError[];
  ignoredFiles: number;
}

/**
 * The CLI's folder-per-class layout from a flat list of picked files: each subfolder of the root is a
 * class (deeper folders belong to it); with no class folder holding images, loose images form an
 * unlabeled dataset. Hidden files are ignored, hidden folders skipped. Order: classes by name, then
 * relative path (UTF-16 code units), as `@sc/sources` orders folders on disk.
 */
export function folderDataset(files: readonly PickedFile[]): FolderDataset {
  // A folder input gives "root/..." paths; loose files or several dropped folders share no root.
  const roots = new Set(files.map((f) => (f.path.includes("/") ? f.path.split("/")[0] : "")));
  const root = roots.size === 1 ? ([...roots][0] ?? "") : "";
  const strip = root === "" ? 0 : root.length + 1;
  const loose: PickedFile[] = [];
  const classes = new Map<string, { images: PickedFile[]; files: number }>();
  let ignoredFiles = 0;
  for (const picked of files) {
    const relative = picked.path.slice(strip);
    const segments = relative.split("/").filter((s) => s !== "");
    const name = segments.at(-1) ?? "";
    if (segments.slice(0, -1).some((folder) => folder.startsWith("."))) continue;
    const image = !name.startsWith(".") && isImageFileName(name);
    const entry = { path: segments.join("/"), file: picked.file };
    if (segments.length === 1) {
      if (image) loose.push(entry);
      else ignoredFiles++;
      continue;
    }
    const label = segments[0] as string;
    const folder = classes.get(label) ?? { images: [], files: 0 };
    classes.set(label, folder);
    folder.files++;
    if (image) folder.images.push(entry);
    else ignoredFiles++;
  }
  const byPath = (a: PickedFile, b: PickedFile) => compareCodeUnits(a.path, b.path);
  const labeled = [...classes.values()].some((folder) => folder.images.length > 0);
  const problems: FileError[] = [];
  const items: LabItem[] = [];
  if (labeled) {
    for (const { path } of loose.sort(byPath))
      problems.push({ path, message: "image outside any class folder" });
    for (const label of [...classes.keys()].sort(compareCodeUnits)) {
      const folder = classes.get(label);
      if (!folder) continue;
      if (folder.images.length === 0) problems.push({ path: label, message: "empty class folder" });
      for (const image of folder.images.sort(byPath)) items.push(toItem(image, label));
    }
  } else {
    for (const image of loose.sort(byPath)) items.push(toItem(image, null));
  }
  return { root, items, problems, ignoredFiles };
}

function toItem({ path, file }: PickedFile, label: string | null): LabItem {
  return { path, label, read: async () => new Uint8Array(await file.arrayBuffer()) };
}
