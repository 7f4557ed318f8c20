import type { ClassAttribution, IssueName } from "./result.js";

/** What a lower / higher score means for each property, in words a reader expects. */
const WORDS: Record<IssueName, { lower: string; higher: string }> = {
  dark: { lower: "darker", higher: "brighter" },
  light: { lower: "lighter (washed out)", higher: "less washed out" },
  low_information: { lower: "lower in information", higher: "richer in detail" },
  odd_aspect_ratio: { lower: "more elongated", higher: "closer to square" },
  odd_size: { lower: "more unusually sized", higher: "more typically sized" },
  grayscale: { lower: "more often grayscale", higher: "more often in colour" },
  blurry: { lower: "blurrier", higher: "sharper" },
};

/**
 * One sentence naming the class that departs most from the rest and in which direction, e.g.
 * "night is darker than the other classes (AUC 0.97)". The AUC is given in the direction named,
 * so it is always at least 0.5.
 */
export function describeDirection(property: IssueName, classes: readonly ClassAttribution[]): string | null {
  let strongest: ClassAttribution | null = null;
  for (const c of classes) {
    if (strongest === null || Math.abs(c.auc - 0.5) > Math.abs(strongest.auc - 0.5)) strongest = c;
  }
  if (strongest === null || strongest.auc === 0.5) return null;
  const lower = strongest.auc < 0.5;
  const words = WORDS[property];
  const others = classes.length === 2 ? "the other class" : "the other classes";
  const auc = (lower ? 1 - strongest.auc : strongest.auc).toFixed(2);
  return `${strongest.label} is ${lower ? words.lower : words.higher} than ${others} (AUC ${auc})`;
}
