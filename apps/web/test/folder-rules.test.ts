import * as sources from "@sc/sources";
import { describe, expect, it } from "vitest";
import { compareCodeUnits, IMAGE_EXTENSIONS, isImageFileName } from "../src/folder-rules.js";

describe("folder rules restated from @sc/sources", () => {
  it("has the same image extensions", () => {
    expect(IMAGE_EXTENSIONS).toEqual(sources.IMAGE_EXTENSIONS);
  });

  it("classifies names and orders strings as the package does", () => {
    const names = ["a.JPG", "a.jpeg", ".jpg", "x.png.txt", "photo", "b.TiFf", "c.heic", "d.", "e.avif"];
    expect(names.map(isImageFileName)).toEqual(names.map(sources.isImageFileName));
    const words = ["b", "B", "a", "é", "e", "Z", "aa", ""];
    expect([...words].sort(compareCodeUnits)).toEqual([...words].sort(sources.compareCodeUnits));
    expect([...words].sort(compareCodeUnits)).toEqual(["", "B", "Z", "a", "aa", "b", "e", "é"]);
  });
});
