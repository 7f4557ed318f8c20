import { describe, expect, it } from "vitest";
import { length, shorten, wrap } from "../src/layout.js";

describe("shorten", () => {
  it("keeps both ends around a middle ellipsis", () => {
    expect(shorten("abcdefghij", 5)).toBe("ab…ij");
    expect(shorten("abcdefghij", 6)).toBe("abc…ij");
    expect(shorten("short", 10)).toBe("short");
  });

  it("counts code points, so astral characters are not split", () => {
    expect(shorten("🐔🐔🐔🐔🐔🐔", 3)).toBe("🐔…🐔");
  });
});

describe("wrap", () => {
  it("fills lines greedily up to the width, indented", () => {
    expect(wrap("aa bb cc dd", 12, "  ")).toEqual(["  aa bb cc", "  dd"]);
  });

  it("never exceeds the width, even for a very long word", () => {
    const lines = wrap(`start ${"x".repeat(200)} end`, 40, "    ");
    for (const line of lines) expect(length(line)).toBeLessThanOrEqual(40);
    expect(lines.join(" ")).toContain("end");
  });
});
