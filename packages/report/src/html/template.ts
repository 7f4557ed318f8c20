import { escapeHtml } from "../escape.js";

/** Markup that is already safe; only the `html` tag and `trustedHtml` produce it. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolation = SafeHtml | string | number | boolean | null | undefined | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(String(value));
}

/**
 * Tagged template that escapes every interpolated value unless it is `SafeHtml`, so forgetting to
 * escape a file name is impossible by construction. Arrays are joined; null/undefined/false render
 * nothing. Interpolations inside attributes must be in double quotes.
 */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? "");
  return new SafeHtml(out);
}

/** For markup the package generated itself (SVG paths, the stylesheet); never for user strings. */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
