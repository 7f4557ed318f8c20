import { fixed, pValue } from "../format.js";
import { compareText, orderedCorrelations } from "../order.js";
import type { AuditResult, CorrelationEntry } from "../result.js";
import { type ClassScores, distributionChart } from "./chart.js";
import { figure, type Thumbnails } from "./figure.js";
import { html, type SafeHtml } from "./template.js";

/** A chart row per class stops being readable long before a thousand classes; show the largest. */
const MAX_CHART_CLASSES = 12;

function classScores(result: AuditResult, property: string): ClassScores[] {
  const groups = new Map<string, number[]>();
  for (const image of result.images) {
    if (image.label === null) continue;
    const score = (image.scores as Record<string, number>)[property];
    if (typeof score !== "number") continue;
    const scores = groups.get(image.label);
    if (scores) scores.push(score);
    else groups.set(image.label, [score]);
  }
  return [...groups]
    .map(([label, scores]) => ({ label, scores }))
    .sort((a, b) => b.scores.length - a.scores.length || compareText(a.label, b.label));
}

function summaryTable(entries: CorrelationEntry[]): SafeHtml {
  const rows = entries.map(
    (
      entry,
    ) => html`<tr><td>${entry.flagged ? html`<span class="sc-badge">flagged</span> ` : ""}${entry.property}</td>
<td class="sc-num${entry.flagged ? " sc-bad" : ""}">${fixed(entry.score)}</td><td class="sc-num">${pValue(entry.pValue)}</td>
<td class="sc-num">${fixed(entry.accuracy, 2)}</td><td class="sc-num">${fixed(entry.baseline, 2)}</td><td>${entry.note ?? ""}</td></tr>\n`,
  );
  return html`<table><thead><tr><th>Property</th><th class="sc-num">Score</th><th class="sc-num">p-value</th><th class="sc-num">Accuracy</th><th class="sc-num">Baseline</th><th>Note</th></tr></thead><tbody>
${rows}</tbody></table>`;
}

function finding(result: AuditResult, entry: CorrelationEntry, thumbnails: Thumbnails | undefined): SafeHtml {
  const attribution = entry.attribution;
  const classTable = attribution
    ? html`<table><thead><tr><th>Class</th><th class="sc-num">Images</th><th class="sc-num">Median</th><th class="sc-num">AUC vs rest</th></tr></thead><tbody>
${attribution.classes.map((c) => html`<tr><td>${c.label}</td><td class="sc-num">${c.count}</td><td class="sc-num">${fixed(c.median)}</td><td class="sc-num">${fixed(c.auc, 2)}</td></tr>\n`)}</tbody></table>`
    : "";
  const groups = classScores(result, entry.property);
  const shown = groups.slice(0, MAX_CHART_CLASSES);
  const more =
    groups.length > shown.length
      ? html`<p class="sc-muted">Chart shows the ${shown.length} largest of ${groups.length} classes.</p>`
      : "";
  const chart =
    shown.length > 0
      ? html`<figure class="sc-chartfig">${distributionChart({ property: entry.property, groups: shown, threshold: result.settings.issueThresholds[entry.property] })}<figcaption>${entry.property} score per class (histogram, median in red, dashed: issue threshold)</figcaption></figure>${more}`
      : "";
  const extremes = [
    entry.minimum ? figure(entry.minimum, thumbnails, "minimum") : "",
    entry.maximum ? figure(entry.maximum, thumbnails, "maximum") : "",
  ];
  return html`<article class="sc-finding" id="sc-finding-${entry.property}">
<h3>${entry.property} <span class="sc-muted">score ${fixed(entry.score)}, p ${pValue(entry.pValue)}</span></h3>
${attribution ? html`<p><b>${attribution.sentence}</b></p>` : ""}${entry.note ? html`<p class="sc-muted">${entry.note}</p>` : ""}
${classTable}${chart}<div class="sc-figs">${extremes}</div>
</article>\n`;
}

export function correlationsSection(result: AuditResult, thumbnails: Thumbnails | undefined): SafeHtml {
  const { threshold, alpha, compat } = result.settings;
  const entries = orderedCorrelations(result);
  const intro = html`<p class="sc-muted">Label uncorrelatedness per property; flagged below ${fixed(threshold, 2)} with p &lt; ${alpha} (${compat} mode).</p>`;
  if (entries.length === 0) {
    const why = result.dataset.labeled
      ? "No property was tested."
      : "Not measured: the dataset has no labels.";
    return html`<section><h2>Spurious correlations</h2>${intro}<p>${why}</p></section>`;
  }
  const findings = entries
    .filter((entry) => entry.flagged)
    .map((entry) => finding(result, entry, thumbnails));
  return html`<section><h2>Spurious correlations</h2>${intro}${summaryTable(entries)}${findings}</section>`;
}
