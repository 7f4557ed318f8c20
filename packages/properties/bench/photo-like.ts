import jpeg from "jpeg-js";

/**
 * A deterministic 512x512 "photo": smooth gradients, sensor-like noise and a few hard-edged shapes,
 * so it compresses (and decodes) like a photograph rather than like flat synthetic art.
 */
export function photoLikeJpeg(seed: number, size = 512, quality = 90): Uint8Array {
  let state = seed * 2654435761 || 1;
  const random = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const shapes = Array.from({ length: 6 }, () => ({
    cx: random() * size,
    cy: random() * size,
    r: 20 + random() * 90,
    colour: [random() * 255, random() * 255, random() * 255],
  }));
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const base = [
        128 + 90 * Math.sin((x + seed * 37) / 70),
        128 + 80 * Math.cos((y - seed * 11) / 90),
        128 + 70 * Math.sin((x + y) / 110),
      ];
      const shape = shapes.find((s) => (x - s.cx) ** 2 + (y - s.cy) ** 2 < s.r ** 2);
      const colour = shape ? shape.colour : base;
      const noise = (random() - 0.5) * 24;
      const at = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) data[at + c] = Math.max(0, Math.min(255, (colour[c] as number) + noise));
      data[at + 3] = 255;
    }
  }
  return jpeg.encode({ width: size, height: size, data }, quality).data;
}
