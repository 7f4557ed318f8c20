import { fixed } from "../format.js";
import { scoreColumns } from "../order.js";
import type { AuditResult } from "../result.js";
import { html, type SafeHtml } from "./template.js";

/** Default cap on table rows: beyond this the page gets slow and the CSV is the better tool. */
export const DEFAULT_MAX_TABLE_ROWS = 10_000;

function header(label: string, column: number, numeric: boolean): SafeHtml {
  return html`<th class="${numeric ? "sc-num" : ""}"><button type="button" data-col="${column}" data-type="${numeric ? "number" : "text"}">${label}</button></th>`;
}

function numberCell(value: number, text: string, bad = false): SafeHtml {
  const key = Number.isFinite(value) ? String(value) : "";
  return html`<td class="sc-num${bad ? " sc-bad" : ""}" data-v="${key}">${text}</td>`;
}

/** The per-image table: sortable by any column and filterable by text (see script.ts). */
export function imageTable(result: AuditResult, maxRows = DEFAULT_MAX_TABLE_ROWS): SafeHtml {
  const columns = scoreColumns(result);
  const images = result.images.slice(0, Math.max(0, Math.floor(maxRows)));
  const heads = [
    header("Path", 0, false),
    header("Label", 1, false),
    header("Width", 2, true),
    header("Height", 3, true),
    ...columns.map((name, i) => header(name, 4 + i, true)),
    header("Issues", 4 + columns.length, false),
  ];
  const rows = images.map((image) => {
    const scores = image.scores as Record<string, number>;
    const flagged = new Set<string>(image.issues);
    return html`<tr><td><code>${image.path}</code></td><td>${image.label ?? ""}</td>${numberCell(image.width, String(image.width))}${numberCell(image.height, String(image.height))}${columns.map((name) => numberCell(scores[name] ?? Number.NaN, fixed(scores[name] ?? Number.NaN), flagged.has(name)))}<td>${image.issues.join(", ")}</td></tr>\n`;
  });
  const capped =
    result.images.length > images.length
      ? html`<p class="sc-muted">Showing the first ${images.length} of ${result.images.length} images; the CSV export has all of them.</p>`
      : "";
  return html`<section><h2>Images</h2>${capped}<div class="sc-table-wrap">
<input class="sc-filter" type="search" placeholder="Filter by path, label or issue" aria-label="Filter images"> <output class="sc-count">${images.length} of ${images.length} shown</output>
<table class="sc-sortable"><thead><tr>${heads}</tr></thead><tbody>
${rows}</tbody></table></div></section>`;
}
