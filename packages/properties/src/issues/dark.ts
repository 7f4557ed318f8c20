import type { ScoreInputs } from "../raw-properties.js";

/** Dark: the 99th brightness percentile; a dark image has hardly any bright pixel. */
export const darkScore = (raw: ScoreInputs): number => raw.brightness.p99;
