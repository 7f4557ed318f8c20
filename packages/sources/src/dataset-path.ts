export type RelativePathResult = { path: string } | { error: string };

/**
 * Turns a path written in a manifest into a clean `/`-separated path below the manifest's folder.
 * Backslashes count as separators (manifests written on Windows); absolute paths, drive letters
 * and `..` segments that climb above the root are refused so a manifest cannot read files
 * outside its dataset.
 */
export function toDatasetPath(raw: string): RelativePathResult {
  if (raw === "") return { error: "empty path" };
  if (raw.includes("\0")) return { error: "path contains a NUL character" };
  if (/^([/\\]|[A-Za-z]:)/.test(raw)) return { error: `absolute path "${raw}" is not allowed` };
  const segments: string[] = [];
  for (const segment of raw.split(/[/\\]/)) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (segments.length === 0) return { error: `path "${raw}" escapes the dataset root` };
      segments.pop();
    } else {
      segments.push(segment);
    }
  }
  if (segments.length === 0) return { error: `path "${raw}" names no file` };
  return { path: segments.join("/") };
}
