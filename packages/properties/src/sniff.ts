const ascii = (bytes: Uint8Array, offset: number, text: string): boolean => {
  if (bytes.length < offset + text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[offset + i] !== text.charCodeAt(i)) return false;
  return true;
};

// ISO-BMFF brands; only the major brand at offset 8 is checked, which is how these files identify.
const HEIF_BRANDS: Record<string, string> = {
  avif: "AVIF",
  avis: "AVIF",
  heic: "HEIC",
  heix: "HEIC",
  mif1: "HEIF",
  msf1: "HEIF",
};

/**
 * Names well-known image formats this package does not decode, so the error can say
 * "unsupported format: WebP" instead of "unrecognised bytes".
 */
export function sniffUnsupportedFormat(bytes: Uint8Array): string | undefined {
  if (ascii(bytes, 0, "GIF87a") || ascii(bytes, 0, "GIF89a")) return "GIF";
  if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) return "WebP";
  if (ascii(bytes, 0, "II*\u0000") || ascii(bytes, 0, "MM\u0000*")) return "TIFF";
  if (ascii(bytes, 4, "ftyp")) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12));
    return HEIF_BRANDS[brand];
  }
  if (ascii(bytes, 0, "\u00ff\u000a") || ascii(bytes, 4, "JXL ")) return "JPEG XL";
  if (ascii(bytes, 0, "qoif")) return "QOI";
  if (ascii(bytes, 0, "8BPS")) return "Photoshop";
  // "BM" is a short signature, so also require the four reserved header bytes to be zero.
  if (ascii(bytes, 0, "BM") && bytes.length >= 26 && bytes.subarray(6, 10).every((b) => b === 0))
    return "BMP";
  return undefined;
}
