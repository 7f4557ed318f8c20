import { describe, expect, it } from "vitest";
import { escapeHtml, showControls } from "../src/escape.js";
import { html, trustedHtml } from "../src/html/template.js";

describe("showControls", () => {
  it("makes terminal escapes, newlines and bidi overrides visible", () => {
    expect(showControls("a\u001b[31mb")).toBe("a\\x1B[31mb");
    expect(showControls("x\ny\r\t\u0000\u007f\u009b")).toBe("x\\x0Ay\\x0D\\x09\\x00\\x7F\\x9B");
    expect(showControls("gpj.\u202eexe")).toBe("gpj.\\u{202E}exe");
    expect(showControls("\u2066\u2028")).toBe("\\u{2066}\\u{2028}");
  });

  it("leaves printable unicode alone", () => {
    expect(showControls("ünïcødé 日本 🐔")).toBe("ünïcødé 日本 🐔");
  });
});

describe("escapeHtml", () => {
  it("escapes the five markup characters", () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&`)).toBe(
      "&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;",
    );
  });
});

describe("html template", () => {
  it("escapes strings, keeps SafeHtml, joins arrays and drops null/false", () => {
    const inner = html`<b>${"<i>"}</b>`;
    const out = html`<p title="${'"x"'}">${inner}${["a", "&"]}${null}${false}${undefined}${3}</p>`;
    expect(out.value).toBe('<p title="&quot;x&quot;"><b>&lt;i&gt;</b>a&amp;3</p>');
  });

  it("passes trusted markup through", () => {
    expect(html`${trustedHtml("<br>")}`.value).toBe("<br>");
  });
});
