import type { KeyValue } from "hyparquet";

/**
 * Class names of a ClassLabel feature from the `huggingface` key-value metadata that the
 * `datasets` library writes: {"info": {"features": {"<column>": {"names": [...], "_type": "ClassLabel"}}}}.
 * Undefined when absent or not in that shape.
 */
export function hfClassNames(metadata: KeyValue[] | undefined, column: string): string[] | undefined {
  const value = metadata?.find((entry) => entry.key === "huggingface")?.value;
  if (value === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  const names = field(field(field(field(parsed, "info"), "features"), column), "names");
  return Array.isArray(names) && names.every((name) => typeof name === "string") ? names : undefined;
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}
