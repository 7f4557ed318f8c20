import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DatasetError, openDataset, toDatasetPath } from "../src/index.js";
import { collect, pathsAndLabels, tempDir, writeTree } from "./fixtures.js";

const images = { "img/a.jpg": "a", "img/b,c.jpg": "b", 'img/q"uote.png': "q", "img/new\nline.jpg": "n" };

describe("CSV manifest", () => {
  it("yields rows in file order with paths relative to the manifest's folder", async () => {
    const root = await tempDir();
    await writeTree(root, {
      ...images,
      "labels.csv":
        '\uFEFFpath,label\r\nimg/b,c.jpg,x\r\n"img/b,c.jpg","cat, big"\r\nimg/a.jpg,dog\r\n"img/q""uote.png",cat\r\n"img/new\nline.jpg",dog',
    });
    const dataset = await openDataset(join(root, "labels.csv"));
    expect(dataset.kind).toBe("manifest");
    expect(dataset.root).toBe(root);
    expect(await pathsAndLabels(dataset)).toEqual([
      ["img/b,c.jpg", "cat, big"],
      ["img/a.jpg", "dog"],
      ['img/q"uote.png', "cat"],
      ["img/new\nline.jpg", "dog"],
    ]);
    expect(dataset.classes).toEqual(["cat", "cat, big", "dog"]);
    // Unquoted, the comma splits the path: the file "img/b" does not exist.
    expect(dataset.problems).toEqual([{ path: "img/b", message: "labels.csv line 2: file not found" }]);
    const [first] = await collect(dataset);
    expect(first?.file).toBe(join(root, "img", "b,c.jpg"));
  });

  it("reports every kind of bad row with its line and yields the rest", async () => {
    const root = await tempDir();
    await writeTree(root, {
      "data/a.jpg": "a",
      "data/b.jpg": "b",
      "data/c.jpg": "c",
      "data/sub/d.jpg": "d",
      "secret.jpg": "s",
      "data/m.csv": [
        "label,extra,path", // 1: columns in any order
        "cat,,a.jpg", // 2: ok
        "cat,,missing.jpg", // 3
        "dog,,a.jpg", // 4: duplicate, other label
        "cat,,./a.jpg", // 5: duplicate after normalization
        ",,b.jpg", // 6: empty label
        "cat,,../secret.jpg", // 7: escapes
        "cat,,/etc/passwd", // 8: absolute
        "cat,,C:\\x.jpg", // 9: drive letter
        "cat", // 10: too few fields
        "dog,,sub\\d.jpg", // 11: backslash separator, ok
        "dog,,sub", // 12: a folder
        "dog,,sub/../c.jpg", // 13: ok after normalization
      ].join("\n"),
    });
    const dataset = await openDataset(join(root, "data", "m.csv"));
    expect(await pathsAndLabels(dataset)).toEqual([
      ["a.jpg", "cat"],
      ["sub/d.jpg", "dog"],
      ["c.jpg", "dog"],
    ]);
    expect(dataset.problems).toEqual([
      { path: "missing.jpg", message: "m.csv line 3: file not found" },
      { path: "a.jpg", message: 'm.csv line 4: duplicate of line 2 with a different label ("cat" there)' },
      { path: "a.jpg", message: "m.csv line 5: duplicate of line 2" },
      { path: "b.jpg", message: "m.csv line 6: empty label" },
      { path: "../secret.jpg", message: 'm.csv line 7: path "../secret.jpg" escapes the dataset root' },
      { path: "/etc/passwd", message: 'm.csv line 8: absolute path "/etc/passwd" is not allowed' },
      { path: "C:\\x.jpg", message: 'm.csv line 9: absolute path "C:\\x.jpg" is not allowed' },
      { path: "m.csv", message: 'm.csv line 10: missing column "path"' },
      { path: "sub", message: "m.csv line 12: not a file" },
    ]);
  });

  it("keeps the first row of a repeated path, whether its file exists or not, and drops the others' labels", async () => {
    const root = await tempDir();
    // Paths that are prefixes of each other must not be taken for one.
    await writeTree(root, { "x.jpg": "x", "x.jpg.png": "y", "x.jp": "z" });
    await writeTree(root, {
      "m.csv": [
        "path,label",
        "x.jpg,cat", // 2
        "gone.jpg,cat", // 3
        "x.jpg.png,dog", // 4
        "gone.jpg,cat", // 5
        "x.jpg,bird", // 6: the only bird
        "x.jp,cat", // 7
        "./x.jpg,cat", // 8
      ].join("\n"),
    });
    const dataset = await openDataset(join(root, "m.csv"));
    expect(await pathsAndLabels(dataset)).toEqual([
      ["x.jpg", "cat"],
      ["x.jpg.png", "dog"],
      ["x.jp", "cat"],
    ]);
    expect(dataset.size).toBe(3);
    expect(dataset.classes).toEqual(["cat", "dog"]);
    expect(dataset.problems).toEqual([
      { path: "gone.jpg", message: "m.csv line 3: file not found" },
      { path: "gone.jpg", message: "m.csv line 5: duplicate of line 3" },
      { path: "x.jpg", message: 'm.csv line 6: duplicate of line 2 with a different label ("cat" there)' },
      { path: "x.jpg", message: "m.csv line 8: duplicate of line 2" },
    ]);
  });

  it("finds common column names, ignoring case, and honours explicit ones", async () => {
    const root = await tempDir();
    await writeTree(root, { "a.jpg": "a", "m.csv": "Filename,Class,other\na.jpg,cat,dog\n" });
    expect(await pathsAndLabels(await openDataset(join(root, "m.csv")))).toEqual([["a.jpg", "cat"]]);
    const explicit = await openDataset(join(root, "m.csv"), { pathColumn: "Filename", labelColumn: "other" });
    expect(await pathsAndLabels(explicit)).toEqual([["a.jpg", "dog"]]);
  });

  it("fails with the header's columns when the path or label column is absent", async () => {
    const root = await tempDir();
    await writeTree(root, { "m.csv": "path,kind\na.jpg,cat\n" });
    const manifest = join(root, "m.csv");
    await expect(openDataset(manifest)).rejects.toMatchObject({
      code: "malformed",
      message: `${manifest}: no "label" column in the CSV header (columns: "path", "kind")`,
    });
    await expect(openDataset(manifest, { pathColumn: "file" })).rejects.toThrow('no "file" column');
  });

  it("reports an unterminated quote on its line and keeps the rows before it", async () => {
    const root = await tempDir();
    await writeTree(root, { "a.jpg": "a", "m.csv": 'path,label\na.jpg,cat\n"b.jpg,dog\nc.jpg,cat\n' });
    const dataset = await openDataset(join(root, "m.csv"));
    expect(await pathsAndLabels(dataset)).toEqual([["a.jpg", "cat"]]);
    expect(dataset.problems).toEqual([{ path: "m.csv", message: "m.csv line 3: quoted field never closed" }]);
  });

  it("fails when no row is usable, quoting the first problem", async () => {
    const root = await tempDir();
    await writeTree(root, { "m.csv": "path,label\nx.jpg,cat\ny.jpg,cat\n" });
    await expect(openDataset(join(root, "m.csv"))).rejects.toThrow(
      "lists no usable images (2 problems; first: m.csv line 2: file not found)",
    );
  });
});

describe("JSON Lines manifest", () => {
  it("yields good lines, numbers labels, and reports bad lines by number", async () => {
    const root = await tempDir();
    await writeTree(root, {
      "a.jpg": "a",
      "b.jpg": "b",
      "c d.jpg": "c",
      "m.jsonl": [
        '{"path": "a.jpg", "label": "cat"}',
        "",
        '{"path": "b.jpg", "label": 3, "extra": [1]}',
        "{not json",
        "[1, 2]",
        '{"label": "cat"}',
        '{"path": "c d.jpg"}',
        '{"path": 5, "label": "cat"}',
        '{"path": "c d.jpg", "label": null}',
        '{"path": "c d.jpg", "label": "  "}',
        '{"path": "c d.jpg", "label": "dog"}\r',
      ].join("\n"),
    });
    const dataset = await openDataset(join(root, "m.jsonl"));
    expect(await pathsAndLabels(dataset)).toEqual([
      ["a.jpg", "cat"],
      ["b.jpg", "3"],
      ["c d.jpg", "dog"],
    ]);
    expect(dataset.problems.map((problem) => [problem.path, problem.message])).toEqual([
      ["m.jsonl", expect.stringMatching(/^m\.jsonl line 4: malformed JSON \(.+\)$/)],
      ["m.jsonl", "m.jsonl line 5: not a JSON object"],
      ["m.jsonl", 'm.jsonl line 6: missing column "path"'],
      ["c d.jpg", 'm.jsonl line 7: missing column "label"'],
      ["m.jsonl", 'm.jsonl line 8: "path" is not a string'],
      ["c d.jpg", 'm.jsonl line 9: "label" is not a string or a number'],
      ["c d.jpg", "m.jsonl line 10: empty label"],
    ]);
  });

  it("uses configured keys and accepts the .ndjson extension", async () => {
    const root = await tempDir();
    await writeTree(root, { "x.png": "x", "m.ndjson": '{"img": "x.png", "y": "bird"}\n' });
    const dataset = await openDataset(join(root, "m.ndjson"), { pathColumn: "img", labelColumn: "y" });
    expect(await pathsAndLabels(dataset)).toEqual([["x.png", "bird"]]);
  });

  it("refuses an endless line instead of buffering it", async () => {
    const root = await tempDir();
    await writeTree(root, { "m.jsonl": `{"path": "${"x".repeat(1 << 21)}` });
    await expect(openDataset(join(root, "m.jsonl"))).rejects.toThrow(DatasetError);
  });
});

describe("toDatasetPath", () => {
  it("normalizes inside the root and refuses the rest", () => {
    expect(toDatasetPath("a/./b//c\\d.jpg")).toEqual({ path: "a/b/c/d.jpg" });
    expect(toDatasetPath("a/../b.jpg")).toEqual({ path: "b.jpg" });
    expect(toDatasetPath("a/../../b.jpg")).toEqual({
      error: 'path "a/../../b.jpg" escapes the dataset root',
    });
    expect(toDatasetPath("\\\\server\\share")).toEqual({
      error: 'absolute path "\\\\server\\share" is not allowed',
    });
    expect(toDatasetPath("./")).toEqual({ error: 'path "./" names no file' });
    expect(toDatasetPath("a\0b")).toEqual({ error: "path contains a NUL character" });
  });
});
