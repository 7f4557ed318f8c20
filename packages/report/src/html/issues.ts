import { percent, plural } from "../format.js";
import { cleanIssues, orderedIssues } from "../order.js";
import type { AuditResult } from "../result.js";
import { figure, type Thumbnails } from "./figure.js";
import { html, type SafeHtml } from "./template.js";

const MAX_WORST = 5;

export function issuesSection(result: AuditResult, thumbnails: Thumbnails | undefined): SafeHtml {
  const issues = orderedIssues(result);
  const clean = cleanIssues(result);
  const body =
    issues.length === 0
      ? html`<p>No image was flagged for any issue.</p>`
      : issues.map(
          (
            entry,
          ) => html`<h3>${entry.issue} <span class="sc-muted">${plural(entry.count, "image")} (${percent(entry.count, result.dataset.images)}), flagged below ${result.settings.issueThresholds[entry.issue]}</span></h3>
<div class="sc-figs">${entry.worst.slice(0, MAX_WORST).map((ref) => figure(ref, thumbnails))}</div>\n`,
        );
  const none =
    clean.length > 0 && issues.length > 0
      ? html`<p class="sc-muted">No images flagged for: ${clean.join(", ")}.</p>`
      : "";
  return html`<section><h2>Issues</h2>${body}${none}</section>`;
}
