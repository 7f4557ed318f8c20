import type { ScoreInputs } from "../raw-properties.js";

/** Light: 1 - the 5th brightness percentile; a light image has hardly any dark pixel. */
export const lightScore = (raw: ScoreInputs): number => 1 - raw.brightness.p5;
