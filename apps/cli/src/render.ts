import type { AuditResult } from "@sc/lab";
import { renderCsv, renderHtml, renderJsonChunks, renderText, thumbnailPaths } from "@sc/report";
import type { Dataset } from "@sc/sources";
import type { ScanOptions } from "./scan-options.js";
import { makeThumbnails } from "./thumbnails.js";

/**
 * The report in the chosen format, as chunks to write one after the other (JSON is produced as it is
 * written, so no string holds a whole 100,000-image report); HTML gets thumbnails of the images it
 * mentions.
 */
export async function renderResult(
  result: AuditResult,
  dataset: Dataset,
  options: ScanOptions,
  terminal: boolean,
): Promise<Iterable<string>> {
  switch (options.format) {
    case "json":
      return renderJsonChunks(result);
    case "csv":
      return [renderCsv(result)];
    case "html": {
      const thumbnails = await makeThumbnails(dataset, thumbnailPaths(result), options.maxPixels);
      return [await renderHtml(result, { thumbnails })];
    }
    case "text":
      return [renderText(result, { color: options.color ?? (terminal && options.out === null) })];
  }
}
