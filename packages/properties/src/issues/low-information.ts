import type { ScoreInputs } from "../raw-properties.js";

/** Low information: histogram entropy scaled so 10 bits and more score 1. */
export const lowInformationScore = (raw: ScoreInputs): number => Math.min(1, 0.1 * raw.entropy);
