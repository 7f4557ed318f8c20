import { describe, expect, it } from "vitest";
import { type DroppedEntry, listDropped } from "../src/drop-entries.js";

const file = (name: string): DroppedEntry => ({
  name,
  isFile: true,
  isDirectory: false,
  file: (success) => success(new File([name], name)),
});

/** A folder whose reader hands out its children two at a time, as Chromium does in batches of 100. */
const folder = (name: string, children: DroppedEntry[], fail?: string): DroppedEntry => ({
  name,
  isFile: false,
  isDirectory: true,
  createReader: () => {
    let next = 0;
    return {
      readEntries: (success, failure) => {
        if (fail) return failure?.(new Error(fail));
        success(children.slice(next, next + 2));
        next += 2;
      },
    };
  },
});

describe("listDropped", () => {
  it("lists every file below the dropped entries, reading folders batch by batch", async () => {
    const tree = folder("photos", [
      folder("day", [file("a.jpg"), file("b.jpg"), file("c.jpg")]),
      folder("night", [file("d.png")]),
      file("notes.txt"),
    ]);
    const listing = await listDropped([tree, file("loose.jpg")]);
    expect(listing.problems).toEqual([]);
    expect(listing.files.map((f) => f.path).sort()).toEqual([
      "loose.jpg",
      "photos/day/a.jpg",
      "photos/day/b.jpg",
      "photos/day/c.jpg",
      "photos/night/d.png",
      "photos/notes.txt",
    ]);
    const a = listing.files.find((f) => f.path === "photos/day/a.jpg");
    expect(await a?.file.text()).toBe("a.jpg");
  });

  it("reports folders and files it cannot read and keeps the rest", async () => {
    const broken: DroppedEntry = {
      name: "gone.jpg",
      isFile: true,
      isDirectory: false,
      file: (_, failure) => failure?.(new Error("NotFoundError")),
    };
    const listing = await listDropped([
      folder("p", [folder("locked", [], "permission denied"), broken, file("ok.jpg")]),
    ]);
    expect(listing.files.map((f) => f.path)).toEqual(["p/ok.jpg"]);
    expect(listing.problems).toEqual([
      { path: "p/gone.jpg", message: "cannot read (NotFoundError)" },
      { path: "p/locked", message: "cannot read (permission denied)" },
    ]);
  });
});
