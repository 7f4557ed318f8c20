import { bench, describe } from "vitest";
import { renderCsv, renderHtml, renderJson, renderText } from "../src/index.js";
import { syntheticResult } from "./synthetic.js";

// Baseline: JSON.stringify of the same result, the least work any serialisation can do.
for (const count of [1_000, 10_000]) {
  const result = syntheticResult(count, 10);
  describe(`${count} images, 10 classes`, () => {
    bench("baseline JSON.stringify", () => {
      JSON.stringify(result);
    });
    bench("renderJson", () => {
      renderJson(result);
    });
    bench("renderText", () => {
      renderText(result, { color: false });
    });
    bench("renderCsv", () => {
      renderCsv(result);
    });
    bench("renderHtml", async () => {
      await renderHtml(result);
    });
  });
}
