/** Pixel layout of a buffer: 1, 3 or 4 bytes per pixel (alpha is ignored). */
export type PixelFormat = "gray" | "rgb" | "rgba";

/** 8-bit pixels, row-major, no padding between rows. */
export interface PixelImage {
  width: number;
  height: number;
  format: PixelFormat;
  data: Uint8Array;
}

/** Percentiles (numpy "linear") of per-pixel brightness in 0..1. */
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
  /** Of b = sqrt(0.241 R^2 + 0.691 G^2 + 0.068 B^2) / 255 (gray: v / 255). */
  brightness: BrightnessPercentiles;
  /** Shannon entropy in bits of the pixel histogram (PIL's Image.entropy()). */
  entropy: number;
  /** Standard deviation of the FIND_EDGES image of the luma shrunk to at most 64 px per side. */
  blurriness: number;
  /** Standard deviation of the 256 luma histogram counts of the shrunk image. */
  grayStd: number;
  /** Every pixel has max(|R-G|, |G-B|) <= 2; always true for gray input. */
  grayscaleContent: boolean;
}

export interface Kernels {
  /** Computes all kernel statistics; throws RangeError on bad dimensions or a data length mismatch. */
  analyze(image: PixelImage): KernelStats;
  /**
   * A view of the module's memory where `analyze` reads an image of this shape: a decoder that writes
   * its pixels there (and hands the view to `analyze` as `data`) saves the copy and a fresh output
   * buffer per image. Valid until the next call of either method.
   */
  inputView(shape: { width: number; height: number; format: PixelFormat }): Uint8Array;
  /** Current size of the module's linear memory in bytes. */
  memoryBytes(): number;
}

/** Where the .wasm comes from: bytes, a compiled module, a URL (string or URL) or a fetch Response. */
export type WasmSource = BufferSource | WebAssembly.Module | URL | string | Response | Promise<Response>;
