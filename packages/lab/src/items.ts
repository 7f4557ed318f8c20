import type { DecodedImage } from "@sc/properties";

/** One image to audit: where it came from, its label and how to get its bytes or pixels. */
export interface LabItem {
  /** Identifier shown in reports: relative path, `/` separated. */
  path: string;
  /** Class label, or null when the dataset is unlabeled. */
  label: string | null;
  /** Path on disk when the bytes live in their own file, so a worker pool can read it itself. */
  file?: string;
  /** Encoded bytes (JPEG, PNG, ...), loaded on demand. */
  read?: () => Promise<Uint8Array>;
  /** Pixels decoded by the caller (e.g. a browser's own decoder); used instead of `read`. */
  image?: DecodedImage;
}
