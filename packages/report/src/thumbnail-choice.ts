import type { AuditResult } from "./result.js";

/** Longer side of report thumbnails, in pixels. */
export const THUMBNAIL_SIDE = 160;

/** Paths the report shows pictures of: the worst images per issue and the correlation extremes. */
export function thumbnailPaths(result: AuditResult): Set<string> {
  const paths = new Set<string>();
  for (const entry of result.issueSummary) for (const ref of entry.worst) paths.add(ref.path);
  for (const c of result.correlations) {
    if (c.minimum) paths.add(c.minimum.path);
    if (c.maximum) paths.add(c.maximum.path);
  }
  return paths;
}

/** Size that fits `side` on the longer edge, never enlarging. */
export function thumbnailSize(
  width: number,
  height: number,
  side = THUMBNAIL_SIDE,
): { width: number; height: number } {
  const scale = Math.max(1, Math.max(width, height) / side);
  return {
    width: Math.max(1, Math.round(width / scale)),
    height: Math.max(1, Math.round(height / scale)),
  };
}
