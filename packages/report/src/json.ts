import type { AuditResult } from "./result.js";

/**
 * Objects and arrays this deep are serialised whole, each a short string (one image record, one
 * correlation); shallower ones (the result, its lists) are walked, so no string holds a whole list.
 */
const WHOLE_DEPTH = 2;
/**
 * Characters per yielded chunk: large enough that writing costs few calls, small enough that the chunk
 * being built is young when the engine collects (at 64K, the chunks in progress that survived were
 * promoted and grew the heap by about 30 MB over a million-image report).
 */
const CHUNK_CHARS = 1 << 14;

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
 * The keys of `object` in the order JSON.stringify visits an object built with them inserted sorted:
 * integer-like keys first (engines enumerate those numerically), then the rest sorted.
 */
function orderedKeys(object: object): string[] {
  const sorted: Record<string, true> = {};
  for (const key of Object.keys(object).sort()) sorted[key] = true;
  return Object.keys(sorted);
}

/** `value` as JSON.stringify prints it `depth` levels down (undefined when it prints nothing). */
function whole(value: unknown, depth: number): string | undefined {
  const text = JSON.stringify(sortKeys(value), null, 2) as string | undefined;
  // Strings escape their newlines, so every raw newline starts a line to indent.
  return depth === 0 ? text : text?.replaceAll("\n", `\n${"  ".repeat(depth)}`);
}

/** What JSON.stringify leaves out of objects (and writes as null in arrays). */
function printable(value: unknown): boolean {
  return value !== undefined && typeof value !== "function" && typeof value !== "symbol";
}

function* pieces(value: unknown, depth: number): Generator<string> {
  if (depth >= WHOLE_DEPTH || typeof value !== "object" || value === null) {
    yield whole(value, depth) ?? "null";
    return;
  }
  const members = value as Record<string, unknown> & unknown[];
  const names = Array.isArray(value) ? null : orderedKeys(value).filter((key) => printable(members[key]));
  const count = names === null ? members.length : names.length;
  if (count === 0) {
    yield whole(value, depth) ?? "null";
    return;
  }
  const inner = `\n${"  ".repeat(depth + 1)}`;
  yield names === null ? "[" : "{";
  for (let i = 0; i < count; i++) {
    const name = names?.[i];
    yield `${i > 0 ? "," : ""}${inner}${name === undefined ? "" : `${JSON.stringify(name)}: `}`;
    yield* pieces(name === undefined ? members[i] : members[name], depth + 1);
  }
  yield `\n${"  ".repeat(depth)}${names === null ? "]" : "}"}`;
}

/**
 * {@link renderJson}'s text in chunks of about 16K characters, built as they are consumed: writing them
 * one by one (e.g. `fs.promises.writeFile(path, renderJsonChunks(result))`) never holds the whole text.
 */
export function* renderJsonChunks(result: AuditResult): Generator<string> {
  let pending = "";
  for (const piece of pieces(result, 0)) {
    pending += piece;
    if (pending.length >= CHUNK_CHARS) {
      yield pending;
      pending = "";
    }
  }
  yield `${pending}\n`;
}

/**
 * The result as pretty JSON (2-space indent, keys sorted, trailing newline). Non-finite numbers become
 * `null`, as JSON has no NaN.
 */
export function renderJson(result: AuditResult): string {
  return [...renderJsonChunks(result)].join("");
}
