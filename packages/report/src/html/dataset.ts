import { percent, plural } from "../format.js";
import { byCountThenLabel } from "../order.js";
import type { AuditResult } from "../result.js";
import { html, type SafeHtml } from "./template.js";

/** Error lists are capped: a folder of a million unreadable files must not make a million-line page. */
const MAX_ERRORS = 200;

export function headerSection(result: AuditResult): SafeHtml {
  const { dataset } = result;
  const flagged = result.correlations.filter((entry) => entry.flagged).length;
  const flaggedImages = result.images.filter((image) => image.issues.length > 0).length;
  return html`<header>
<h1>Spurious correlation audit</h1>
<p class="sc-muted">Source <code>${dataset.source}</code> (${dataset.kind}) · ${result.tool.name} ${result.tool.version} · decoder ${dataset.decoder}</p>
<ul class="sc-stats">
<li><b>${dataset.images}</b> images</li>
<li><b>${dataset.labeled ? dataset.classes.length : "no"}</b> classes</li>
<li><b class="${flagged > 0 ? "sc-bad" : ""}">${flagged}</b> flagged ${flagged === 1 ? "property" : "properties"}</li>
<li><b>${flaggedImages}</b> images with issues</li>
<li><b class="${result.errors.length > 0 ? "sc-bad" : ""}">${result.errors.length}</b> unreadable files</li>
</ul>
</header>`;
}

function shareBar(part: number, whole: number): SafeHtml {
  const width = whole > 0 ? Math.round((120 * Math.min(part, whole)) / whole) : 0;
  return html`<svg class="sc-share" width="120" height="10" aria-hidden="true"><rect class="sc-track" width="120" height="10"/><rect width="${width}" height="10"/></svg>`;
}

export function datasetSection(result: AuditResult): SafeHtml {
  const { dataset, errors } = result;
  const classes = [...dataset.classes].sort(byCountThenLabel);
  const classTable = dataset.labeled
    ? html`<table><thead><tr><th>Class</th><th class="sc-num">Images</th><th class="sc-num">Share</th><th></th></tr></thead><tbody>
${classes.map((entry) => html`<tr><td>${entry.label}</td><td class="sc-num">${entry.count}</td><td class="sc-num">${percent(entry.count, dataset.images)}</td><td>${shareBar(entry.count, dataset.images)}</td></tr>\n`)}</tbody></table>`
    : html`<p>Unlabeled dataset: no classes, so label correlations cannot be measured.</p>`;
  const ignored =
    dataset.ignoredFiles > 0 ? html`<p>${plural(dataset.ignoredFiles, "non-image file")} ignored.</p>` : "";
  const shownErrors = errors.slice(0, MAX_ERRORS);
  const errorList =
    errors.length > 0
      ? html`<details${errors.length <= 10 ? html` open` : ""}><summary class="sc-bad">${plural(errors.length, "file")} could not be read</summary><ul>
${shownErrors.map((error) => html`<li><code>${error.path}</code>: ${error.message}</li>\n`)}</ul>${errors.length > MAX_ERRORS ? html`<p class="sc-muted">… and ${errors.length - MAX_ERRORS} more (see the JSON output).</p>` : ""}</details>`
      : "";
  return html`<section><h2>Dataset</h2>${classTable}${ignored}${errorList}</section>`;
}
