import { mkdirSync, writeFileSync } from "node:fs";
import { mkdir, rm, symlink } from "node:fs/promises";
import { join } from "node:path";
import { tempSpillFiles } from "@sc/spill/node";
import { describe, expect, it } from "vitest";
import { DatasetError, openDataset } from "../src/index.js";
import { collect, pathsAndLabels, tempDir, writeTree } from "./fixtures.js";

describe("folder per class", () => {
  it("labels by class folder, sorts classes and files by code unit, keeps nested files in their class", async () => {
    const root = await tempDir();
    await writeTree(root, {
      "dog/b.PNG": "b",
      "dog/a.jpg": "a",
      "dog/sub/deeper/c.JPEG": "c",
      "dog/sub-x.webp": "w",
      "Cat/z.gif": "z",
      "cat/é ü.tiff": "u",
      "a b/1.bmp": "1",
      "a/2.avif": "2",
      "dog/notes.txt": "n",
      "dog/.DS_Store": "x",
      "dog/._a.jpg": "resource fork",
      ".git/objects/x.jpg": "hidden folder",
      "README.md": "r",
    });
    const dataset = await openDataset(root);
    expect(dataset.kind).toBe("folder");
    expect(dataset.root).toBe(root);
    // "Cat" < "a" < "a b" < "cat" < "dog" in UTF-16 order; "sub-x" ('-' = 0x2d) < "sub/" ('/' = 0x2f).
    expect(await pathsAndLabels(dataset)).toEqual([
      ["Cat/z.gif", "Cat"],
      ["a/2.avif", "a"],
      ["a b/1.bmp", "a b"],
      ["cat/é ü.tiff", "cat"],
      ["dog/a.jpg", "dog"],
      ["dog/b.PNG", "dog"],
      ["dog/sub-x.webp", "dog"],
      ["dog/sub/deeper/c.JPEG", "dog"],
    ]);
    expect(dataset.classes).toEqual(["Cat", "a", "a b", "cat", "dog"]);
    expect(dataset.size).toBe(8);
    // notes.txt, .DS_Store, ._a.jpg, README.md; the hidden folder is not entered.
    expect(dataset.ignoredFiles).toBe(4);
    expect(dataset.problems).toEqual([]);
  });

  it("gives each item its absolute file and reads its bytes", async () => {
    const root = await tempDir();
    await writeTree(root, { "x/one.jpg": new Uint8Array([1, 2, 3]) });
    const [item] = await collect(await openDataset(root));
    expect(item?.file).toBe(join(root, "x", "one.jpg"));
    expect([...((await item?.read()) ?? [])]).toEqual([1, 2, 3]);
  });

  it("keeps hostile names as plain data", async () => {
    const root = await tempDir();
    const names = [
      "<img src=x onerror=alert(1)>.jpg",
      "quote\"s 'and' `ticks`.png",
      "tab\there.jpg",
      "日本語.jpg",
    ];
    await writeTree(root, Object.fromEntries(names.map((name) => [`cls/${name}`, "x"])));
    const items = await collect(await openDataset(root));
    expect(items.map((item) => item.path)).toEqual(names.map((name) => `cls/${name}`).sort());
  });

  it("treats loose images in a root without class folders as unlabeled", async () => {
    const root = await tempDir();
    await writeTree(root, { "b.png": "b", "a.jpg": "a", "c.txt": "c" });
    await mkdir(join(root, "empty"));
    const dataset = await openDataset(root);
    expect(await pathsAndLabels(dataset)).toEqual([
      ["a.jpg", null],
      ["b.png", null],
    ]);
    expect(dataset.classes).toBeNull();
    expect(dataset.ignoredFiles).toBe(1);
    expect(dataset.problems).toEqual([]);
  });

  it("reports loose root images and empty class folders once classes exist", async () => {
    const root = await tempDir();
    await writeTree(root, { "stray.jpg": "s", "cat/1.jpg": "1", "dog/readme.txt": "r" });
    await mkdir(join(root, "empty"));
    const dataset = await openDataset(root);
    expect(await pathsAndLabels(dataset)).toEqual([["cat/1.jpg", "cat"]]);
    expect(dataset.problems).toEqual([
      { path: "stray.jpg", message: "image outside any class folder" },
      { path: "dog", message: "empty class folder" },
      { path: "empty", message: "empty class folder" },
    ]);
    expect(dataset.classes).toEqual(["cat"]);
  });

  it("follows symbolic links but enters each real folder once, and reports broken links", async () => {
    const root = await tempDir();
    await writeTree(root, { "cat/1.jpg": "1", "cat/inner/2.jpg": "2", "outside/3.jpg": "3" });
    await symlink(join(root, "cat"), join(root, "cat", "inner", "loop"));
    await symlink(join(root, "nowhere.jpg"), join(root, "cat", "broken.jpg"));
    await symlink(join(root, "outside", "3.jpg"), join(root, "cat", "linked.jpg"));
    const dataset = await openDataset(root);
    expect(await pathsAndLabels(dataset)).toEqual([
      ["cat/1.jpg", "cat"],
      ["cat/inner/2.jpg", "cat"],
      ["cat/linked.jpg", "cat"],
      ["outside/3.jpg", "outside"],
    ]);
    expect(dataset.problems).toHaveLength(2);
    expect(dataset.problems[0]).toEqual({
      path: "cat/broken.jpg",
      message: expect.stringMatching(/^cannot follow symbolic link \(ENOENT/),
    });
    expect(dataset.problems[1]).toEqual({
      path: "cat/inner/loop",
      message: "folder already visited through another path (symbolic link loop?)",
    });
  });

  it("sorts linked and plain images together, by code unit rather than UTF-8 byte order", async () => {
    const root = await tempDir();
    // "😀" (U+1F600, UTF-16 D83D DE00) sorts before "ﬀ" (U+FB00) by code unit, after it by UTF-8 byte.
    await writeTree(root, { "b.jpg": "b", "ﬀ.jpg": "f", "😀.jpg": "e", "real/a.jpg": "a" });
    await symlink(join(root, "real", "a.jpg"), join(root, "a.jpg"));
    await rm(join(root, "real"), { recursive: true });
    await symlink(join(root, "b.jpg"), join(root, "c.jpg"));
    const dataset = await openDataset(root);
    // a.jpg is now a broken link; c.jpg a link to an image file.
    expect(await pathsAndLabels(dataset)).toEqual([
      ["b.jpg", null],
      ["c.jpg", null],
      ["😀.jpg", null],
      ["ﬀ.jpg", null],
    ]);
    expect(dataset.problems).toEqual([
      { path: "a.jpg", message: expect.stringMatching(/^cannot follow symbolic link \(ENOENT/) },
    ]);
  });

  it("judges links and folders by what they are, not by their names", async () => {
    const root = await tempDir();
    await writeTree(root, {
      "cls/folder.jpg/inside.png": "i",
      "cls/notes.txt": "n",
      "other/x.jpg": "x",
    });
    await symlink(join(root, "other"), join(root, "cls", "linked-folder.jpg"));
    await symlink(join(root, "cls", "notes.txt"), join(root, "cls", "notes-link.jpeg"));
    await symlink(join(root, "cls", "notes.txt"), join(root, "cls", "text-link.txt"));
    await symlink(join(root, "other"), join(root, "cls", ".hidden-link"));
    const dataset = await openDataset(root);
    expect(await pathsAndLabels(dataset)).toEqual([
      ["cls/folder.jpg/inside.png", "cls"],
      ["cls/linked-folder.jpg/x.jpg", "cls"],
      ["cls/notes-link.jpeg", "cls"],
    ]);
    // "other" was first listed through the link, inside "cls".
    expect(dataset.problems).toEqual([
      { path: "other", message: "folder already visited through another path (symbolic link loop?)" },
      { path: "other", message: "empty class folder" },
    ]);
    // notes.txt, text-link.txt, .hidden-link
    expect(dataset.ignoredFiles).toBe(3);
    expect(dataset.classes).toEqual(["cls"]);
  });

  it("lists a folder larger than one directory read, nested files in path order with their files", async () => {
    const root = await tempDir();
    const names = Array.from({ length: 300 }, (_, i) => `${(i * 7919) % 1000}.jpg`);
    await writeTree(root, {
      ...Object.fromEntries(names.map((name) => [`big/${name}`, "x"])),
      "big/1/2.jpg": "nested",
    });
    const dataset = await openDataset(root);
    const items = await collect(dataset);
    const expected = [...names, "1/2.jpg"].map((name) => `big/${name}`).sort();
    expect(items.map((item) => item.path)).toEqual(expected);
    expect(dataset.size).toBe(301);
    const nested = items.find((item) => item.path === "big/1/2.jpg");
    expect(nested?.file).toBe(join(root, "big", "1", "2.jpg"));
    expect(new TextDecoder().decode(await nested?.read())).toBe("nested");
  });

  it("with spill files, lists thousands the same, their packed paths on disk", async () => {
    const root = await tempDir();
    const names = Array.from({ length: 4500 }, (_, i) => `${i % 2 ? "dog" : "cat"}/${(i * 7919) % 9973}.jpg`);
    for (const folder of ["cat", "dog"]) mkdirSync(join(root, folder));
    for (const name of names) writeFileSync(join(root, name), "x");
    const open = tempSpillFiles();
    let opened = 0;
    const spill = () => {
      opened++;
      return open();
    };
    const spilled = await openDataset(root, { spill });
    // One file for the listing, opened once its first 4096 paths were packed.
    expect(opened).toBe(1);
    const expected = [...names].sort().map((path) => [path, path.slice(0, 3)]);
    expect(await pathsAndLabels(spilled)).toEqual(expected);
    expect(await pathsAndLabels(await openDataset(root))).toEqual(expected);
  }, 30_000);

  it("fails with a DatasetError naming the folder when it holds no images", async () => {
    const root = await tempDir();
    await writeTree(root, { "cat/notes.txt": "n", ".hidden.jpg": "h" });
    const failure = openDataset(root);
    await expect(failure).rejects.toThrow(DatasetError);
    await expect(failure).rejects.toMatchObject({
      code: "empty",
      message: `${root}: holds no images (2 other files ignored)`,
    });
  });

  it("reads bytes lazily: a file changed after opening is read as it is now", async () => {
    const root = await tempDir();
    await writeTree(root, { "c/a.jpg": "old" });
    const [item] = await collect(await openDataset(root));
    await writeTree(root, { "c/a.jpg": "new" });
    expect(new TextDecoder().decode(await item?.read())).toBe("new");
  });
});
