import { percentileOfSorted } from "@sc/properties";
import { fixed } from "../format.js";
import { shorten } from "../layout.js";
import { histogram01 } from "../stats.js";
import { html, type SafeHtml } from "./template.js";

export interface ClassScores {
  label: string;
  scores: number[];
}

export interface ChartInput {
  property: string;
  groups: ClassScores[];
  /** The per-image flag threshold of this issue, drawn as a dashed line; omitted when not finite. */
  threshold?: number;
}

const BINS = 20;
const WIDTH = 640;
const LEFT = 150;
const RIGHT = 16;
const ROW = 34;
const TOP = 8;
const AXIS = 28;
const PLOT = WIDTH - LEFT - RIGHT;

const x = (value: number) => LEFT + PLOT * Math.min(1, Math.max(0, value));
const round = (value: number) => Math.round(value * 10) / 10;

function row(group: ClassScores, index: number): SafeHtml {
  const top = TOP + index * ROW;
  const counts = histogram01(group.scores, BINS);
  const peak = counts.reduce((max, count) => Math.max(max, count), 1);
  const barWidth = PLOT / BINS;
  const bars = counts.map((count, bin) => {
    if (count === 0) return "";
    const height = round(((ROW - 8) * count) / peak);
    return html`<rect x="${round(LEFT + bin * barWidth + 0.5)}" y="${round(top + ROW - 4 - height)}" width="${round(barWidth - 1)}" height="${height}"><title>${count}</title></rect>`;
  });
  const sorted = [...group.scores].sort((a, b) => a - b);
  const median = sorted.length === 0 ? Number.NaN : percentileOfSorted(sorted, 50);
  const medianMark = Number.isFinite(median)
    ? html`<line class="sc-median" x1="${round(x(median))}" x2="${round(x(median))}" y1="${top + 2}" y2="${top + ROW - 2}"><title>median ${fixed(median)}</title></line>`
    : "";
  return html`<g class="sc-row"><text x="${LEFT - 8}" y="${top + ROW / 2 + 4}" text-anchor="end"><title>${group.label}: ${group.scores.length} images, median ${fixed(median)}</title>${shorten(group.label, 20)}</text>${bars}${medianMark}</g>`;
}

function axis(rows: number): SafeHtml {
  const bottom = TOP + rows * ROW;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map(
    (tick) =>
      html`<line x1="${x(tick)}" x2="${x(tick)}" y1="${bottom}" y2="${bottom + 4}"/><text x="${x(tick)}" y="${bottom + 16}" text-anchor="middle">${tick}</text>`,
  );
  return html`<g class="sc-axis"><line x1="${LEFT}" x2="${LEFT + PLOT}" y1="${bottom}" y2="${bottom}"/>${ticks}</g>`;
}

/**
 * Per-class histograms of one property's scores on a shared 0..1 axis (each class scaled to its own
 * peak, so shapes compare even when class sizes differ), with each class's median marked.
 */
export function distributionChart(input: ChartInput): SafeHtml {
  const groups = input.groups.map((group) => ({ ...group, scores: group.scores.filter(Number.isFinite) }));
  const height = TOP + groups.length * ROW + AXIS;
  const bottom = TOP + groups.length * ROW;
  const threshold =
    input.threshold !== undefined && Number.isFinite(input.threshold)
      ? html`<line class="sc-threshold" x1="${round(x(input.threshold))}" x2="${round(x(input.threshold))}" y1="${TOP}" y2="${bottom}"><title>flag threshold ${fixed(input.threshold, 2)}</title></line>`
      : "";
  const title = `Distribution of the ${input.property} score per class`;
  return html`<svg class="sc-chart" role="img" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}"><title>${title}</title>${groups.map(row)}${axis(groups.length)}${threshold}</svg>`;
}
