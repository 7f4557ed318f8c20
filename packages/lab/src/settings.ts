import { DEFAULT_ISSUE_THRESHOLDS, ISSUE_NAMES, type IssueName } from "@sc/properties";
import type { AuditSettings } from "@sc/report";

export const DEFAULT_THRESHOLD = 0.3;
export const DEFAULT_ALPHA = 0.01;
export const DEFAULT_MAX_PIXELS = 100_000_000;

export type SettingsInput = Partial<Omit<AuditSettings, "issueThresholds">> & {
  issueThresholds?: Partial<Record<IssueName, number>>;
};

/** Fills in defaults and rejects settings that would make the result meaningless. */
export function resolveSettings(input: SettingsInput = {}): AuditSettings {
  const settings: AuditSettings = {
    threshold: input.threshold ?? DEFAULT_THRESHOLD,
    alpha: input.alpha ?? DEFAULT_ALPHA,
    compat: input.compat ?? "default",
    issues: input.issues ? ISSUE_NAMES.filter((issue) => input.issues?.includes(issue)) : [...ISSUE_NAMES],
    issueThresholds: { ...DEFAULT_ISSUE_THRESHOLDS, ...input.issueThresholds },
    maxPixels: input.maxPixels ?? DEFAULT_MAX_PIXELS,
  };
  const unknown = (input.issues ?? []).filter((issue) => !ISSUE_NAMES.includes(issue));
  if (unknown.length > 0) {
    throw new RangeError(`unknown issue type ${unknown.join(", ")}; known: ${ISSUE_NAMES.join(", ")}`);
  }
  if (settings.issues.length === 0) throw new RangeError("no issue types selected");
  if (!(settings.threshold >= 0 && settings.threshold <= 1)) {
    throw new RangeError(`threshold must be between 0 and 1, got ${settings.threshold}`);
  }
  if (!(settings.alpha > 0 && settings.alpha <= 1)) {
    throw new RangeError(`alpha must be in (0, 1], got ${settings.alpha}`);
  }
  if (!(Number.isInteger(settings.maxPixels) && settings.maxPixels > 0)) {
    throw new RangeError(`maxPixels must be a positive integer, got ${settings.maxPixels}`);
  }
  return settings;
}
