import type { ScoreInputs } from "../raw-properties.js";

/**
 * Grayscale: 0 when the file stores gray or every pixel is gray (CleanVision only checks the stored
 * mode and misses RGB files with gray content), else 1.
 */
export const grayscaleScore = (raw: ScoreInputs): number => (raw.storedGray || raw.grayscaleContent ? 0 : 1);
