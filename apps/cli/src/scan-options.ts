import { availableParallelism } from "node:os";
import { DEFAULT_ALPHA, DEFAULT_MAX_PIXELS, DEFAULT_THRESHOLD } from "@sc/lab";
import { ISSUE_NAMES, type IssueName } from "@sc/properties";
import { UsageError } from "./exit-codes.js";

/** Seconds one image may take before it becomes an error entry. */
export const DEFAULT_TIMEOUT_S = 60;

export const FORMATS = ["text", "json", "csv", "html"] as const;
export type Format = (typeof FORMATS)[number];

/** Options of `sc scan` as commander hands them over (strings), before validation. */
export interface RawScanOptions {
  format: string;
  out?: string;
  quiet?: boolean;
  workers?: string;
  threshold?: string;
  alpha?: string;
  compat?: string;
  issues?: string;
  maxPixels?: string;
  failOn?: string;
  timeout?: string;
  decoder?: string;
  pathColumn?: string;
  labelColumn?: string;
  imageColumn?: string;
  color?: boolean;
  debug?: boolean;
}

export interface ScanOptions {
  format: Format;
  out: string | null;
  quiet: boolean;
  workers: number;
  threshold: number;
  alpha: number;
  compat: "default" | "cleanlab";
  issues: IssueName[];
  maxPixels: number;
  failOnFlagged: boolean;
  timeoutMs: number;
  decoder: "auto" | "libjpeg" | "sharp" | "wasm" | "portable";
  pathColumn?: string;
  labelColumn?: string;
  imageColumn?: string;
  color: boolean | null;
}

/** Validates every option up front so a typo costs a usage message, not a half-finished scan. */
export function parseScanOptions(raw: RawScanOptions): ScanOptions {
  const format = oneOf("--format", raw.format, FORMATS);
  const compat = raw.compat === undefined ? "default" : oneOf("--compat", raw.compat, ["cleanlab"] as const);
  const failOn = raw.failOn === undefined ? null : oneOf("--fail-on", raw.failOn, ["flagged"] as const);
  return {
    format,
    out: raw.out ?? null,
    quiet: raw.quiet ?? false,
    workers: raw.workers === undefined ? availableParallelism() : integer("--workers", raw.workers, 1, 256),
    threshold: fraction("--threshold", raw.threshold, DEFAULT_THRESHOLD),
    alpha: fraction("--alpha", raw.alpha, DEFAULT_ALPHA),
    compat,
    issues: raw.issues === undefined ? [...ISSUE_NAMES] : issueList(raw.issues),
    maxPixels:
      raw.maxPixels === undefined
        ? DEFAULT_MAX_PIXELS
        : integer("--max-pixels", raw.maxPixels, 1, Number.MAX_SAFE_INTEGER),
    failOnFlagged: failOn === "flagged",
    timeoutMs:
      (raw.timeout === undefined ? DEFAULT_TIMEOUT_S : integer("--timeout", raw.timeout, 1, 86_400)) * 1000,
    decoder:
      raw.decoder === undefined
        ? "auto"
        : oneOf("--decoder", raw.decoder, ["auto", "libjpeg", "sharp", "wasm", "portable"] as const),
    pathColumn: raw.pathColumn,
    labelColumn: raw.labelColumn,
    imageColumn: raw.imageColumn,
    color: raw.color === false ? false : null,
  };
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be one of ${allowed.join(", ")} (got "${value}")`);
}

function integer(option: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min || n > max) {
    throw new UsageError(`${option} must be a whole number from ${min} to ${max} (got "${value}")`);
  }
  return n;
}

function fraction(option: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n <= 0 || n > 1) {
    throw new UsageError(`${option} must be a number in (0, 1] (got "${value}")`);
  }
  return n;
}

function issueList(value: string): IssueName[] {
  const names = value
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  const unknown = names.filter((name) => !(ISSUE_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new UsageError(
      `--issues takes a comma-separated list of: ${ISSUE_NAMES.join(", ")} (got "${value}")`,
    );
  }
  return ISSUE_NAMES.filter((name) => names.includes(name));
}
