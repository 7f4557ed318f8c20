/** Number formatting shared by the text and HTML renderers; untrusted input may hold NaN or Infinity. */

export function fixed(value: number, digits = 3): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "n/a";
}

/** p-values below 0.001 carry no more useful precision for a reader. */
export function pValue(value: number): string {
  if (!Number.isFinite(value)) return "n/a";
  return value < 0.001 ? "<0.001" : value.toFixed(3);
}

export function percent(part: number, whole: number): string {
  return whole > 0 && Number.isFinite(part) ? `${((100 * part) / whole).toFixed(1)}%` : "n/a";
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
