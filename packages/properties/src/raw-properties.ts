import type { BrightnessPercentiles } from "@sc/core-wasm";

/** Everything the scores need from one image; a few numbers, so datasets can be streamed. */
export interface RawProperties {
  width: number;
  height: number;
  /** The file stores one gray channel (optionally with alpha). */
  storedGray: boolean;
  /** Percentiles of per-pixel brightness in 0..1. */
  brightness: BrightnessPercentiles;
  /** Shannon entropy (bits) of the pixel histogram. */
  entropy: number;
  /** Standard deviation of the edge image of the shrunken luma image. */
  blurriness: number;
  /** Standard deviation of the 256 luma histogram bin counts of the shrunken image. */
  grayStd: number;
  /** Every pixel has max(|R-G|, |G-B|) <= 2. */
  grayscaleContent: boolean;
}

/**
 * The part of {@link RawProperties} the scores read: of the brightness percentiles only p5 (light)
 * and p99 (dark). What a dataset keeps per image until it is scored.
 */
export type ScoreInputs = Omit<RawProperties, "brightness"> & {
  brightness: Pick<BrightnessPercentiles, "p5" | "p99">;
};
