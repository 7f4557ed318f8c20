import { scoreColumns } from "./order.js";
import type { AuditResult } from "./result.js";

/** Spreadsheet apps evaluate cells starting with these as formulas (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field from a user string: formula-neutralised, quoted when needed. */
export function csvText(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Numbers keep full precision so the CSV round-trips; non-finite values become empty cells. */
function csvNumber(value: number): string {
  return typeof value === "number" && Number.isFinite(value) ? String(value) : "";
}

/**
 * One row per audited image: path, label, width, height, `<issue>_score` for every score column, then
 * `is_<issue>_issue` flags (`true`/`false`), the layout of the golden `reference.csv`. CRLF line ends.
 */
export function renderCsv(result: AuditResult): string {
  const columns = scoreColumns(result);
  const header = [
    "path",
    "label",
    "width",
    "height",
    ...columns.map((name) => `${name}_score`),
    ...columns.map((name) => `is_${name}_issue`),
  ];
  const rows = [header.map(csvText).join(",")];
  for (const image of result.images) {
    const flagged = new Set<string>(image.issues);
    const scores = image.scores as Record<string, number>;
    rows.push(
      [
        csvText(image.path),
        image.label === null ? "" : csvText(image.label),
        csvNumber(image.width),
        csvNumber(image.height),
        ...columns.map((name) => csvNumber(scores[name] ?? Number.NaN)),
        ...columns.map((name) => String(flagged.has(name))),
      ].join(","),
    );
  }
  return `${rows.join("\r\n")}\r\n`;
}
