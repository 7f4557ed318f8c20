// Images per second on the golden set (80 images): the production build in headless Chromium against
// the CLI on the same files, in the same run. Run: pnpm build && pnpm bench (needs apps/cli built).
import { execFile } from "node:child_process";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { bench, describe } from "vitest";
import { launchChromium } from "../test/chromium.js";
import { serveStatic } from "../test/static-server.js";

const app = resolve(import.meta.dirname, "..");
const golden = resolve(app, "../../../shared/golden/images");
const cli = resolve(app, "../cli/dist/bin.js");
const run = promisify(execFile);

const inPage: number[] = [];

// Set up once at module level: vitest's bench mode does not run beforeAll hooks before benchmarks.
const { server, url } = await serveStatic(join(app, "dist"));
const { context, close } = await launchChromium();
const page: Page = context.pages()[0] ?? (await context.newPage());
await page.goto(url);
await page.waitForSelector("html[data-state=ready]");

describe("golden set, 80 images (hz x 80 = images/s)", () => {
  bench(
    "CLI: sc scan --format json (process start included)",
    async () => {
      await run(process.execPath, [cli, "scan", golden, "--format", "json", "--quiet"], {
        maxBuffer: 64 << 20,
      });
    },
    { iterations: 5, time: 0, warmupIterations: 1 },
  );

  bench(
    "browser: pick folder to rendered report (thumbnails included)",
    async () => {
      await page.setInputFiles("#folder", golden);
      await page.waitForSelector("html[data-state=done]", { timeout: 60_000 });
      inPage.push(Number(await page.evaluate(() => document.documentElement.dataset.imagesPerSecond)));
    },
    {
      iterations: 5,
      time: 0,
      warmupIterations: 1,
      // Bench mode skips afterAll hooks; this runs once the measured iterations are done.
      teardown: async (_task, mode) => {
        if (mode !== "run") return;
        console.log(
          `browser, pick to result without thumbnails (median): ${median(inPage).toFixed(1)} images/s`,
        );
        await close();
        server.close();
      },
    },
  );
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
