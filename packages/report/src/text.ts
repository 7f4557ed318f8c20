import { type Painter, painter } from "./ansi.js";
import { showControls } from "./escape.js";
import { fixed, percent, plural, pValue } from "./format.js";
import { length, padEnd, padStart, shorten, widest, wrap } from "./layout.js";
import { byCountThenLabel, cleanIssues, LEGEND, orderedCorrelations, orderedIssues } from "./order.js";
import type { AuditResult, CorrelationEntry, ImageRef } from "./result.js";

export interface TextOptions {
  /** Emit ANSI colour codes (the CLI passes `process.stdout.isTTY`). */
  color: boolean;
  /** Line width to wrap and shorten to; default 80, minimum 40. */
  width?: number;
}

/** How many examples a terminal report lists before summarising the rest. */
const MAX_CLASSES = 20;
const MAX_ERRORS = 5;
const MAX_WORST = 3;

interface Context {
  paint: Painter;
  width: number;
}

/** A Datalab `report()`-style plain-text summary of an audit. */
export function renderText(result: AuditResult, options: TextOptions): string {
  const ctx: Context = {
    paint: painter(options.color),
    width: Math.max(40, Math.floor(options.width ?? 80)),
  };
  const sections = [
    header(result, ctx),
    datasetSection(result, ctx),
    issueSection(result, ctx),
    correlationSection(result, ctx),
    legendSection(ctx),
  ];
  return `${sections.map((lines) => lines.join("\n")).join("\n\n")}\n`;
}

const safe = showControls;

function heading(ctx: Context, title: string): string {
  return ctx.paint("bold", title);
}

/** Keeps a line whole when it fits, otherwise wraps it (narrow terminals lose the column alignment). */
function fitLine(ctx: Context, line: string, indent = "  "): string[] {
  return length(line) <= ctx.width ? [line] : wrap(line, ctx.width, indent);
}

/** A path (or label) that fits in what is left of the line after `used` columns. */
function clip(ctx: Context, text: string, used: number): string {
  return shorten(safe(text), Math.max(12, ctx.width - used));
}

function header(result: AuditResult, ctx: Context): string[] {
  const tool = `${safe(result.tool.name)} ${safe(result.tool.version)}`;
  return [
    heading(ctx, "Spurious correlation audit"),
    `Source: ${clip(ctx, result.dataset.source, 8 + 3 + length(safe(result.dataset.kind)))} (${safe(result.dataset.kind)})`,
    ...fitLine(ctx, `Tool: ${tool}, decoder ${safe(result.dataset.decoder)}`),
  ];
}

function datasetSection(result: AuditResult, ctx: Context): string[] {
  const { dataset, errors } = result;
  const lines = [heading(ctx, "Dataset")];
  const parts = [`${plural(dataset.images, "image")} audited`];
  if (errors.length > 0) parts.push(ctx.paint("yellow", `${errors.length} could not be read`));
  if (dataset.ignoredFiles > 0) parts.push(`${plural(dataset.ignoredFiles, "non-image file")} ignored`);
  lines.push(...wrap(parts.join(", "), ctx.width, "  "));

  if (!dataset.labeled) {
    lines.push("  Unlabeled: no classes, so label correlations cannot be measured.");
  } else {
    const classes = [...dataset.classes].sort(byCountThenLabel);
    lines.push(`  ${plural(classes.length, "class", "classes")}:`);
    const shown = classes.slice(0, MAX_CLASSES);
    const labelWidth = widest(
      shown.map((c) => safe(c.label)),
      Math.min(30, ctx.width - 20),
      5,
    );
    for (const entry of shown) {
      const label = padEnd(shorten(safe(entry.label), labelWidth), labelWidth);
      lines.push(`    ${label} ${padStart(String(entry.count), 7)}  ${percent(entry.count, dataset.images)}`);
    }
    if (classes.length > shown.length)
      lines.push(`    … ${plural(classes.length - shown.length, "more class", "more classes")}`);
  }

  if (errors.length > 0) {
    lines.push(`  ${ctx.paint("yellow", "Files that could not be read")} (${errors.length}):`);
    for (const error of errors.slice(0, MAX_ERRORS)) {
      const path = clip(ctx, error.path, 6 + 20);
      lines.push(`    ${path}: ${clip(ctx, error.message, 6 + length(path))}`);
    }
    if (errors.length > MAX_ERRORS) lines.push(`    … ${errors.length - MAX_ERRORS} more`);
  }
  return lines;
}

function imageLine(ctx: Context, indent: string, ref: ImageRef, prefix = ""): string {
  const score = fixed(ref.score);
  return `${indent}${prefix}${clip(ctx, ref.path, length(indent) + length(prefix) + score.length + 3)} (${score})`;
}

function issueSection(result: AuditResult, ctx: Context): string[] {
  const lines = [heading(ctx, "Issues"), ...wrap("Images per issue type, worst first.", ctx.width, "  ")];
  const issues = orderedIssues(result);
  if (issues.length === 0) lines.push("  No image was flagged for any issue.");
  const nameWidth = widest(
    issues.map((entry) => safe(entry.issue)),
    20,
  );
  for (const entry of issues) {
    const name = padEnd(shorten(safe(entry.issue), nameWidth), nameWidth);
    lines.push(
      `  ${ctx.paint("red", name)} ${padStart(String(entry.count), 7)}  ${percent(entry.count, result.dataset.images)}`,
    );
    for (const ref of entry.worst.slice(0, MAX_WORST)) lines.push(imageLine(ctx, "      ", ref));
  }
  const clean = cleanIssues(result);
  if (clean.length > 0 && issues.length > 0)
    lines.push(...wrap(`No images flagged for: ${clean.join(", ")}.`, ctx.width, "  "));
  return lines;
}

function correlationSection(result: AuditResult, ctx: Context): string[] {
  const { threshold, alpha, compat } = result.settings;
  const lines = [
    heading(ctx, "Spurious correlations"),
    ...wrap(
      `Label uncorrelatedness per property, flagged below ${fixed(threshold, 2)} with p < ${alpha} (${safe(compat)} mode).`,
      ctx.width,
      "  ",
    ),
  ];
  const entries = orderedCorrelations(result);
  if (entries.length === 0) {
    lines.push(
      ...wrap(
        result.dataset.labeled ? "No property was tested." : "Not measured: the dataset has no labels.",
        ctx.width,
        "  ",
      ),
    );
    return lines;
  }
  const flagged = entries.filter((entry) => entry.flagged).length;
  lines.push(
    `  ${flagged > 0 ? ctx.paint("red", `${plural(flagged, "property", "properties")} flagged`) : "No property flagged."}`,
  );
  const nameWidth = widest(
    entries.map((entry) => safe(entry.property)),
    20,
  );
  for (const entry of entries) lines.push(...correlationLines(ctx, entry, nameWidth));
  return lines;
}

function correlationLines(ctx: Context, entry: CorrelationEntry, nameWidth: number): string[] {
  const mark = entry.flagged ? ctx.paint("red", "FLAGGED") : ctx.paint("green", "ok     ");
  const numbers = `score ${fixed(entry.score)}  p ${pValue(entry.pValue)}  accuracy ${fixed(entry.accuracy, 2)} vs baseline ${fixed(entry.baseline, 2)}`;
  const indent = "      ";
  const lines = fitLine(
    ctx,
    `  ${mark} ${padEnd(shorten(safe(entry.property), nameWidth), nameWidth)}  ${numbers}`,
    indent,
  );
  if (entry.flagged && entry.attribution)
    lines.push(...wrap(safe(entry.attribution.sentence), ctx.width, indent));
  if (entry.note) lines.push(...wrap(`Note: ${safe(entry.note)}`, ctx.width, indent));
  if (entry.flagged) {
    if (entry.minimum) lines.push(imageLine(ctx, indent, entry.minimum, "min: "));
    if (entry.maximum) lines.push(imageLine(ctx, indent, entry.maximum, "max: "));
  }
  return lines;
}

function legendSection(ctx: Context): string[] {
  return [
    heading(ctx, "Legend"),
    ...LEGEND.flatMap((text) => wrap(text, ctx.width, "  ").map((line) => ctx.paint("dim", line))),
  ];
}
