// The production build in Debian's headless Chromium: audit the golden folder through the folder input
// and compare with the CLI's JSON for the same images.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import type { Server } from "node:http";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import type { AuditResult } from "@sc/lab";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, launchChromium } from "./chromium.js";
import { serveStatic } from "./static-server.js";

const app = resolve(import.meta.dirname, "..");
const dist = join(app, "dist");
const golden = resolve(app, "../../../shared/golden/images");
const referenceCsv = resolve(golden, "../reference.csv");
const cli = resolve(app, "../cli/dist/bin.js");
const artifacts = join(app, "test-artifacts");
/*
 * Per-image score tolerance against the CLI, as the issue asks. Chromium decodes JPEG with libjpeg-turbo
 * like Pillow, so against CleanVision's own reference.csv the browser is far closer.
 */
const CLI_TOLERANCE = 0.02;
const REFERENCE_TOLERANCE = 1e-4; // the golden README's bound for identical pixels

/** reference.csv rows by path (plain CSV: the golden file names need no quoting). */
async function readReference(): Promise<Map<string, Record<string, string>>> {
  const [header, ...lines] = (await readFile(referenceCsv, "utf8")).trim().split(/\r?\n/);
  const columns = (header ?? "").split(",");
  const rows = lines.map((line) => Object.fromEntries(line.split(",").map((cell, i) => [columns[i], cell])));
  return new Map(rows.map((row) => [row.path as string, row]));
}

// SC_SKIP_BROWSER=1 skips this file on machines without Chromium; otherwise a missing piece fails it.
describe.skipIf(process.env.SC_SKIP_BROWSER === "1")("browser app in headless Chromium", () => {
  let server: Server;
  let url: string;
  let context: BrowserContext;
  let close: () => Promise<void>;
  let page: Page;
  const requests: { url: string; afterReady: boolean }[] = [];
  let ready = false;

  beforeAll(async () => {
    const missing = [dist, golden, cli, CHROMIUM].filter((path) => !existsSync(path));
    if (missing.length > 0) {
      throw new Error(
        `missing ${missing.join(", ")}: run pnpm build here and in apps/cli, apt-get install chromium`,
      );
    }
    ({ server, url } = await serveStatic(dist));
    ({ context, close } = await launchChromium());
    context.on("request", (request) => requests.push({ url: request.url(), afterReady: ready }));
    page = context.pages()[0] ?? (await context.newPage());
  }, 30_000);

  afterAll(async () => {
    await close?.();
    server?.close();
  });

  it("audits the golden folder like the CLI, without a request after load", async () => {
    const cliRun = promisify(execFile)(
      process.execPath,
      [cli, "scan", golden, "--format", "json", "--quiet"],
      {
        maxBuffer: 64 << 20,
      },
    );
    await page.goto(url);
    await page.waitForSelector("html[data-state=ready]", { timeout: 20_000 });
    ready = true;
    await page.setInputFiles("#folder", golden);
    await page.waitForSelector("html[data-state=done]", { timeout: 45_000 });

    const download = page.waitForEvent("download");
    await page.click("#export-json");
    const exported = JSON.parse(await readFile(await (await download).path(), "utf8")) as AuditResult;
    const expected = JSON.parse((await cliRun).stdout) as AuditResult;

    expect(exported.errors).toEqual([]);
    expect(exported.images.map((i) => [i.path, i.label])).toEqual(
      expected.images.map((i) => [i.path, i.label]),
    );
    for (const [index, image] of exported.images.entries()) {
      const cliImage = expected.images[index];
      if (!cliImage) throw new Error(`the CLI has no image #${index}`);
      expect([image.width, image.height]).toEqual([cliImage.width, cliImage.height]);
      for (const [issue, score] of Object.entries(image.scores)) {
        const want = (cliImage.scores as Record<string, number>)[issue] as number;
        expect(Math.abs(score - want), `${image.path} ${issue}: ${score} vs CLI ${want}`).toBeLessThanOrEqual(
          CLI_TOLERANCE,
        );
      }
    }
    const reference = await readReference();
    for (const image of exported.images) {
      const row = reference.get(image.path);
      // grayscale is defined differently on purpose (DESIGN.md); the others follow CleanVision.
      for (const issue of ["dark", "light", "low_information", "odd_aspect_ratio", "odd_size", "blurry"]) {
        const score = (image.scores as Record<string, number>)[issue] as number;
        const want = Number(row?.[`${issue}_score`]);
        expect(Math.abs(score - want), `${image.path} ${issue} vs CleanVision`).toBeLessThanOrEqual(
          REFERENCE_TOLERANCE,
        );
      }
    }
    expect(exported.correlations.find((c) => c.property === "dark")?.flagged).toBe(true);
    expect(exported.dataset).toMatchObject({ kind: "folder", images: 80, source: "images", labeled: true });

    // The report on the page says the same: dark is flagged and every image has a row.
    const report = page.locator("#report .sc-report");
    await expect.poll(() => report.count()).toBe(1);
    expect(await page.locator("#status").textContent()).toContain("possible spurious correlations: dark");
    expect(await page.locator("#report img.sc-thumb").count()).toBeGreaterThan(0);

    await mkdir(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, "report.png"), fullPage: true });
    const perSecond = Number(await page.evaluate(() => document.documentElement.dataset.imagesPerSecond));
    console.log(`browser: ${perSecond.toFixed(1)} images/s on the golden set`);

    const network = requests.filter((r) => /^(https?|wss?):/.test(r.url));
    expect(network.filter((r) => r.afterReady).map((r) => r.url.slice(0, 100))).toEqual([]);
    expect(network.every((r) => r.url.startsWith(url))).toBe(true);
  }, 60_000);
});
