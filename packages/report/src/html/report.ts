import { LEGEND } from "../order.js";
import type { AuditResult } from "../result.js";
import { correlationsSection } from "./correlations.js";
import { datasetSection, headerSection } from "./dataset.js";
import type { Thumbnails } from "./figure.js";
import { issuesSection } from "./issues.js";
import { imageTable } from "./table.js";
import { html } from "./template.js";

export interface HtmlOptions {
  /** path -> small JPEG/PNG/WebP/GIF `data:` URI; other values are ignored. */
  thumbnails?: Thumbnails;
  /** Rows of the per-image table (default 10 000); the rest is summarised. */
  maxTableRows?: number;
}

/**
 * The report body as an HTML fragment (one `<div class="sc-report">`), styled by `REPORT_CSS` and made
 * interactive by `enhanceReport(element)`. Every user string is escaped.
 */
export function renderHtmlReport(result: AuditResult, options: HtmlOptions = {}): string {
  const legend = html`<section><h2>Legend</h2><ul class="sc-muted">${LEGEND.map((text) => html`<li>${text}</li>`)}</ul></section>`;
  return html`<div class="sc-report">
${headerSection(result)}
${datasetSection(result)}
${issuesSection(result, options.thumbnails)}
${correlationsSection(result, options.thumbnails)}
${legend}
${imageTable(result, options.maxTableRows)}
</div>`.value;
}
