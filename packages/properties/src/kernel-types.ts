// TEMPORARY until @sc/core-wasm publishes its types; replace by `export type {...} from "@sc/core-wasm"`.
export type PixelFormat = "gray" | "rgb" | "rgba";
export interface PixelImage {
  width: number;
  height: number;
  format: PixelFormat;
  data: Uint8Array;
}
export interface BrightnessPercentiles {
  p1: number;
  p5: number;
  p10: number;
  p15: number;
  p90: number;
  p95: number;
  p99: number;
}
export interface KernelStats {
  brightness: BrightnessPercentiles;
  entropy: number;
  blurriness: number;
  grayStd: number;
  grayscaleContent: boolean;
}
export interface Kernels {
  analyze(image: PixelImage): KernelStats;
  memoryBytes(): number;
}
