import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { openDataset } from "@sc/sources";
import { describe, expect, it } from "vitest";
import { folderDataset, type PickedFile } from "../src/folder-dataset.js";

const picked = (...paths: string[]): PickedFile[] => paths.map((path) => ({ path, file: new Blob([path]) }));
const shape = (files: PickedFile[]) => {
  const { items, ...rest } = folderDataset(files);
  return { ...rest, items: items.map((item) => [item.path, item.label]) };
};

describe("folderDataset", () => {
  it("labels images by their first folder below the picked root, classes and paths in code-unit order", () => {
    expect(
      shape(
        picked(
          "photos/night/b.jpg",
          "photos/day/z.PNG",
          "photos/day/sub/a.jpg",
          "photos/Day/c.jpeg",
          "photos/day/B.jpg",
        ),
      ),
    ).toEqual({
      root: "photos",
      problems: [],
      ignoredFiles: 0,
      items: [
        ["Day/c.jpeg", "Day"],
        ["day/B.jpg", "day"],
        ["day/sub/a.jpg", "day"],
        ["day/z.PNG", "day"],
        ["night/b.jpg", "night"],
      ],
    });
  });

  it("reports loose images and class folders without images, and counts other files", () => {
    expect(shape(picked("p/loose.jpg", "p/readme.txt", "p/cats/a.png", "p/dogs/notes.md"))).toEqual({
      root: "p",
      problems: [
        { path: "loose.jpg", message: "image outside any class folder" },
        { path: "dogs", message: "empty class folder" },
      ],
      ignoredFiles: 2,
      items: [["cats/a.png", "cats"]],
    });
  });

  it("ignores hidden files and skips hidden folders without counting them", () => {
    expect(
      shape(picked("p/.DS_Store", "p/a/._x.jpg", "p/a/y.jpg", "p/.git/objects/z.png", "p/a/.cache/w.png")),
    ).toEqual({
      root: "p",
      problems: [],
      ignoredFiles: 2,
      items: [["a/y.jpg", "a"]],
    });
  });

  it("treats a folder of loose images as unlabeled, and dropped files without a common folder too", () => {
    expect(shape(picked("p/b.jpg", "p/a.png", "p/x.gif")).items).toEqual([
      ["a.png", null],
      ["b.jpg", null],
      ["x.gif", null],
    ]);
    expect(shape(picked("b.jpg", "a.jpg"))).toMatchObject({
      root: "",
      items: [
        ["a.jpg", null],
        ["b.jpg", null],
      ],
    });
    expect(shape(picked("day/a.jpg", "night/b.jpg")).items).toEqual([
      ["day/a.jpg", "day"],
      ["night/b.jpg", "night"],
    ]);
  });

  it("reads each item's bytes from its file", async () => {
    const [item] = folderDataset([{ path: "p/c/a.png", file: new Blob([new Uint8Array([1, 2, 3])]) }]).items;
    expect(await item?.read?.()).toEqual(new Uint8Array([1, 2, 3]));
  });

  it("lists the golden folder exactly as the CLI's @sc/sources does", async () => {
    const root = resolve(import.meta.dirname, "../../../../shared/golden/images");
    const files: PickedFile[] = readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const full = join(entry.parentPath, entry.name);
        return { path: `images/${full.slice(root.length + 1)}`, file: new Blob([readFileSync(full)]) };
      })
      .reverse();
    const expected = [];
    for await (const item of (await openDataset(root)).items()) expected.push([item.path, item.label]);
    expect(shape(files).items).toEqual(expected);
    expect(expected).toHaveLength(80);
  });
});
