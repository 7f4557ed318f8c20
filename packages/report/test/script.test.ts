import { describe, expect, it } from "vitest";
import { REPORT_SCRIPT } from "../src/html/script.js";

/**
 * A fake DOM with just the surface enhanceReport touches. Running REPORT_SCRIPT (the exact text the
 * page embeds) through `new Function` also proves it references nothing outside itself.
 */
type Listener = (event: { target: unknown }) => void;

class FakeElement {
  attributes = new Map<string, string>();
  listeners = new Map<string, Listener>();
  classes = new Set<string>();
  parentElement: FakeElement | null = null;
  textContent = "";
  hidden = false;
  constructor(attrs: Record<string, string> = {}) {
    for (const [name, value] of Object.entries(attrs)) this.attributes.set(name, value);
  }
  getAttribute(name: string) {
    return this.attributes.get(name) ?? null;
  }
  setAttribute(name: string, value: string) {
    this.attributes.set(name, value);
  }
  removeAttribute(name: string) {
    this.attributes.delete(name);
  }
  addEventListener(type: string, listener: Listener) {
    this.listeners.set(type, listener);
  }
  fire(type: string, target: unknown = this) {
    this.listeners.get(type)?.({ target });
  }
  get classList() {
    return {
      toggle: (name: string) => (this.classes.has(name) ? this.classes.delete(name) : this.classes.add(name)),
    };
  }
}

function cell(value: string, key?: string) {
  const element = new FakeElement(key === undefined ? {} : { "data-v": key });
  element.textContent = value;
  return element;
}

function row(name: string, score: number | null) {
  const cells = [
    cell(name),
    cell(score === null ? "n/a" : score.toFixed(3), score === null ? "" : String(score)),
  ];
  return Object.assign(new FakeElement(), { cells, textContent: `${name} ${cells[1]?.textContent}` });
}

function fixture() {
  const body = { rows: [row("b.jpg", 0.5), row("a.jpg", 0.05), row("C.jpg", null), row("d.jpg", 0.5)] };
  Object.assign(body, {
    appendChild(element: ReturnType<typeof row>) {
      body.rows.splice(body.rows.indexOf(element), 1);
      body.rows.push(element);
    },
  });
  const headers = [new FakeElement(), new FakeElement()];
  const buttons = headers.map((header, col) => {
    const button = new FakeElement({ "data-col": String(col), "data-type": col === 0 ? "text" : "number" });
    button.parentElement = header;
    return button;
  });
  const table = Object.assign(new FakeElement(), { tBodies: [body], querySelectorAll: () => buttons });
  const counter = new FakeElement();
  const wrap = { querySelector: (selector: string) => (selector.startsWith("table") ? table : counter) };
  const input = Object.assign(new FakeElement(), { value: "", closest: () => wrap });
  const root = Object.assign(new FakeElement(), {
    querySelectorAll: (selector: string) => (selector.startsWith("table") ? [table] : [input]),
  });
  new Function("document", REPORT_SCRIPT)(root);
  const names = () => body.rows.map((r) => r.cells[0]?.textContent);
  return { root, body, headers, buttons, input, counter, names };
}

describe("the inline report script", () => {
  it("sorts numbers ascending then descending, missing values as the largest, ties in original order", () => {
    const { buttons, headers, names } = fixture();
    buttons[1]?.fire("click");
    expect(names()).toEqual(["a.jpg", "b.jpg", "d.jpg", "C.jpg"]);
    expect(headers[1]?.getAttribute("aria-sort")).toBe("ascending");
    buttons[1]?.fire("click");
    expect(names()).toEqual(["C.jpg", "b.jpg", "d.jpg", "a.jpg"]);
    expect(headers[1]?.getAttribute("aria-sort")).toBe("descending");
  });

  it("sorts text columns and moves the sort marker", () => {
    const { buttons, headers, names } = fixture();
    buttons[1]?.fire("click");
    buttons[0]?.fire("click");
    expect(names()).toEqual(["a.jpg", "b.jpg", "C.jpg", "d.jpg"]);
    expect(headers[1]?.getAttribute("aria-sort")).toBeNull();
    expect(headers[0]?.getAttribute("aria-sort")).toBe("ascending");
  });

  it("filters rows case-insensitively and reports the count", () => {
    const { input, body, counter } = fixture();
    input.value = "  c.JPG ";
    input.fire("input");
    expect(body.rows.map((r) => r.hidden)).toEqual([true, true, false, true]);
    expect(counter.textContent).toBe("1 of 4 shown");
    input.value = "";
    input.fire("input");
    expect(body.rows.every((r) => !r.hidden)).toBe(true);
  });

  it("toggles the zoom class on a clicked thumbnail only", () => {
    const { root } = fixture();
    const thumb = Object.assign(new FakeElement(), {
      closest: (s: string) => (s === "img.sc-thumb" ? thumb : null),
    });
    const other = Object.assign(new FakeElement(), { closest: () => null });
    root.fire("click", thumb);
    root.fire("click", other);
    expect(thumb.classes.has("sc-zoom")).toBe(true);
    root.fire("click", thumb);
    expect(thumb.classes.has("sc-zoom")).toBe(false);
  });

  it("cannot end its own script element early", () => {
    expect(REPORT_SCRIPT.toLowerCase()).not.toContain("</script");
    expect(REPORT_SCRIPT.toLowerCase()).not.toContain("<!--");
  });
});
