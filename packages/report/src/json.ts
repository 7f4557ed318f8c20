import type { AuditResult } from "./result.js";

/** Recursively orders object keys so equal results always serialise to identical bytes (diffable). */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort())
    sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}

/**
 * The result as pretty JSON (2-space indent, keys sorted, trailing newline). Non-finite numbers become
 * `null`, as JSON has no NaN.
 */
export function renderJson(result: AuditResult): string {
  return `${JSON.stringify(sortKeys(result), null, 2)}\n`;
}
