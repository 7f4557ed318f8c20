import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { renderHtml } from "../src/html/document.js";
import { renderHtmlReport } from "../src/html/report.js";
import { attr, elements, hasClass, type Node, parseDocument, parseFragmentTree, text } from "./dom.js";
import { HOSTILE_IMG, labeledResult, SCRIPT_LABEL, THUMB, unlabeledResult } from "./fixtures.js";

const sha256 = (value: string) => createHash("sha256").update(value, "utf8").digest("base64");

function byTag(root: Node, tag: string): Node[] {
  return elements(root).filter((node) => node.tagName === tag);
}

describe("renderHtml", async () => {
  const thumbnails = new Map([
    ["night/c.jpg", THUMB],
    [HOSTILE_IMG, "https://evil.example/x.jpg"],
    ["day/a&b.jpg", "javascript:alert(1)"],
  ]);
  const markup = await renderHtml(labeledResult(), { thumbnails });
  const { root, errors } = parseDocument(markup);
  const all = elements(root);

  it("is well-formed HTML (no parse errors)", () => {
    expect(errors).toEqual([]);
  });

  it("has exactly one script and one style, both allowed by hash in the CSP", () => {
    const scripts = byTag(root, "script");
    const styles = byTag(root, "style");
    expect(scripts).toHaveLength(1);
    expect(styles).toHaveLength(1);
    const meta = byTag(root, "meta").find((node) => attr(node, "http-equiv") === "Content-Security-Policy");
    const csp = attr(meta as Node, "content") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("img-src data:");
    expect(csp).toContain(`script-src 'sha256-${sha256(text(scripts[0] as Node))}'`);
    expect(csp).toContain(`style-src 'sha256-${sha256(text(styles[0] as Node))}'`);
    expect(csp).not.toMatch(/unsafe|https?:/);
  });

  it("references nothing remote", () => {
    expect(markup).not.toMatch(/https?:\/\//i);
    for (const node of all) {
      for (const name of ["src", "href", "xlink:href", "action"]) {
        const value = attr(node, name);
        if (value !== undefined)
          expect(value.startsWith("data:image/"), `${node.tagName} ${name}=${value}`).toBe(true);
      }
    }
  });

  it("turns no hostile string into markup", () => {
    expect(all.some((node) => node.attrs?.some((a) => a.name.startsWith("on")))).toBe(false);
    expect(all.some((node) => node.tagName === "img" && attr(node, "src") === "x")).toBe(false);
    const scripts = byTag(root, "script");
    expect(text(scripts[0] as Node)).not.toContain("alert");
    expect(markup).not.toContain("<img src=x");
  });

  it("keeps hostile names readable as text", () => {
    const cells = byTag(root, "code").map(text);
    expect(cells).toContain(HOSTILE_IMG);
    expect(cells).toContain('day/"quotes".jpg');
    expect(cells).toContain("night/\\x1B[31mred\\x1B[0m.png");
    expect(byTag(root, "td").map(text)).toContain(SCRIPT_LABEL);
  });

  it("shows only valid data: thumbnails", () => {
    const thumbs = all.filter((node) => hasClass(node, "sc-thumb"));
    expect(thumbs.length).toBeGreaterThan(0);
    for (const thumb of thumbs) expect(attr(thumb, "src")).toBe(THUMB);
    expect(thumbs.map((thumb) => attr(thumb, "alt"))).toContain("night/c.jpg");
  });

  it("charts the flagged property per class and nothing else", () => {
    const charts = all.filter((node) => hasClass(node, "sc-chart"));
    expect(charts).toHaveLength(1);
    const finding = all.find((node) => attr(node, "id") === "sc-finding-dark") as Node;
    const chart = elements(finding).find((node) => hasClass(node, "sc-chart")) as Node;
    expect(elements(chart).filter((node) => hasClass(node, "sc-row"))).toHaveLength(2);
    // day's dark scores are 0.9, 0.85, 0.8, 0.75, 0.7: bins 14..18 of 20 over a 474px plot at x=150.
    const dayBars = byTag(elements(chart).find((node) => hasClass(node, "sc-row")) as Node, "rect");
    expect(dayBars.map((bar) => Number(attr(bar, "x")))).toEqual([482.3, 506, 529.7, 553.4, 577.1]);
    const median = elements(chart).find((node) => hasClass(node, "sc-median")) as Node;
    expect(Number(attr(median, "x1"))).toBe(529.2); // 150 + 474 * 0.8
    const threshold = elements(chart).find((node) => hasClass(node, "sc-threshold")) as Node;
    expect(Number(attr(threshold, "x1"))).toBe(301.7); // 150 + 474 * 0.32
  });

  it("lists the flagged property first in the correlation table", () => {
    const section = byTag(root, "section").find((node) =>
      text(node).startsWith("Spurious correlations"),
    ) as Node;
    const rows = byTag(byTag(section, "tbody")[0] as Node, "tr").map((row) => text(row));
    expect(rows[0]).toMatch(/^flagged dark/);
    expect(rows.slice(1).map((row) => row.split("\n")[0])).toEqual(["blurry", "odd_size"]);
  });

  it("has a sortable, filterable row per image", () => {
    const table = all.find((node) => hasClass(node, "sc-sortable")) as Node;
    expect(byTag(byTag(table, "tbody")[0] as Node, "tr")).toHaveLength(10);
    const buttons = byTag(table, "button");
    expect(buttons.map((button) => attr(button, "data-col"))).toEqual(buttons.map((_, i) => String(i)));
    expect(all.some((node) => hasClass(node, "sc-filter"))).toBe(true);
  });

  it("caps the image table", async () => {
    const capped = parseDocument(await renderHtml(labeledResult(), { maxTableRows: 3 })).root;
    const table = elements(capped).find((node) => hasClass(node, "sc-sortable")) as Node;
    expect(byTag(byTag(table, "tbody")[0] as Node, "tr")).toHaveLength(3);
    expect(text(capped)).toContain("Showing the first 3 of 10 images");
  });
});

describe("renderHtml for an unlabeled dataset", async () => {
  const { root, errors } = parseDocument(await renderHtml(unlabeledResult()));

  it("renders without charts and says why", () => {
    expect(errors).toEqual([]);
    expect(elements(root).some((node) => hasClass(node, "sc-chart"))).toBe(false);
    expect(text(root)).toContain("Not measured: the dataset has no labels.");
  });
});

describe("renderHtmlReport", () => {
  it("is one well-formed .sc-report element without script or style", () => {
    const { root, errors } = parseFragmentTree(renderHtmlReport(labeledResult()));
    expect(errors).toEqual([]);
    const top = (root.childNodes ?? []).filter((node) => node.tagName);
    expect(top).toHaveLength(1);
    expect(hasClass(top[0] as Node, "sc-report")).toBe(true);
    expect(elements(root).some((node) => node.tagName === "script" || node.tagName === "style")).toBe(false);
  });
});
