import type { ScoreInputs } from "../raw-properties.js";

/** Odd aspect ratio: the short side over the long side. */
export const oddAspectRatioScore = (raw: ScoreInputs): number =>
  Math.min(raw.width / raw.height, raw.height / raw.width);
